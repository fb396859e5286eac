//! What a salon, a takeaway and a hotel hear, from the twenty-first day's blind set `y` (gel
//! nails, a colour, a cold delivery, a late checkout, a short haircut feared). Work that wore
//! out at once is a complaint in each language ("already chipping", "ya se despega", "déjà
//! écaillé", "schon verblasst", "già scheggiato", "já lascou"): most read as nothing, or as
//! "asks a question", before. A negation that tells a timetable ("no sale hasta las 9", "non
//! parte fino alle 21") is no bad word. A fear told with a preposition ("nerviosa por", "peur
//! de", "Angst vor", "paura di", "medo de") came to nothing when the post turns to what came of
//! it. And a place shut for its works or holidays is news of its hours, not a grievance. The
//! second set (`z`) added appointments kept waiting by the clock, upgrades, and tears of relief.
//! `earshot classify` is what is tested.

mod triage_common;

use triage_common::{misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const WORN_ALREADY: &[(&str, &str, &str, bool)] = &[
    ("The nail art I had done on Friday is already chipping", "en", "negative", true),
    ("The heel you replaced on Monday has already come off", "en", "negative", true),
    ("La manicura que me hicisteis el viernes ya se despega", "es", "negative", true),
    ("Le vernis posé vendredi est déjà écaillé", "fr", "negative", true),
    ("Die Strähnchen von letzter Woche sind schon verblasst", "de", "negative", true),
    ("Lo smalto semipermanente di sabato è già scheggiato", "it", "negative", true),
    ("O verniz de gel que me puseram sexta já lascou", "pt", "negative", true),
];

/// "Already" beside no failure, or beside a stain that was meant to fade.
#[rustfmt::skip]
const ALREADY_WELL: &[(&str, &str, &str, bool)] = &[
    ("Already booked in for next month, can't wait", "en", "positive", false),
    ("The stain has already faded after one wash with your spray, brilliant", "en", "positive",
     false),
    ("Mi hai già sistemato la lavatrice, grazie mille", "it", "positive", false),
];

/// A timetable told through a negation, in a request.
#[rustfmt::skip]
const TIMETABLE: &[(&str, &str, &str, bool)] = &[
    ("¿Podemos dejar las maletas después del check-out? El vuelo no sale hasta las 9", "es",
     "neutral", false),
    ("Possiamo lasciare le valigie dopo il check-out? Il volo non parte fino alle 21", "it",
     "neutral", false),
];

/// A fear before, and how it went.
#[rustfmt::skip]
const FEARED: &[(&str, &str, &str, bool)] = &[
    ("Estaba nerviosa por el primer tatuaje pero el resultado es precioso", "es", "positive",
     false),
    ("J'avais peur de la couleur mais le résultat est superbe", "fr", "positive", false),
    ("Ich hatte Angst vor der Zahnreinigung, aber es hat gar nicht wehgetan", "de", "positive",
     false),
    ("Avevo paura di tagliare la frangia ma sto benissimo", "it", "positive", false),
    ("Estava cheia de medo de pintar o cabelo mas ficou lindo", "pt", "positive", false),
];

/// Shut for works or holidays.
#[rustfmt::skip]
const CLOSED: &[(&str, &str, &str, bool)] = &[
    ("The salon is closed next week for a refit", "en", "neutral", false),
    ("La peluquería cierra por vacaciones del 1 al 15", "es", "neutral", false),
    ("Il negozio è chiuso per ferie fino al 20", "it", "neutral", false),
];

/// Written after the second set (`z`): an appointment kept waiting by the clock, tears of
/// relief, an upgrade, and what a dish is made without.
#[rustfmt::skip]
const SECOND: &[(&str, &str, &str, bool)] = &[
    ("Avevo l'appuntamento dal barbiere alle 10 e mi hanno preso alle 11", "it", "negative",
     true),
    ("Tinha marcação no cabeleireiro às 10h e só me atenderam às 11h", "pt", "negative", true),
    ("Ich hatte um 10 Uhr einen Termin beim Friseur und kam um 11 Uhr dran", "de", "negative",
     true),
    ("Nos subieron de categoría sin pedirlo, qué detalle", "es", "positive", false),
    ("Fizeram-nos um upgrade para uma suite, que simpatia", "pt", "positive", false),
    ("Ils nous ont surclassés en suite, merci beaucoup", "fr", "positive", false),
    ("Avete dolci senza glutine? Li preparate a parte?", "it", "neutral", false),
    ("Têm bolos sem glúten? São feitos à parte?", "pt", "neutral", false),
    ("Nos subieron la cuota sin avisar", "es", "negative", true),
];

#[test]
fn an_appointment_kept_waiting_is_a_complaint_and_an_upgrade_is_praise() {
    none_wrong(&misreads(SECOND));
}

#[test]
fn work_worn_out_at_once_is_a_complaint_and_already_alone_is_not() {
    none_wrong(&misreads(WORN_ALREADY.iter().chain(ALREADY_WELL)));
}

#[test]
fn a_timetable_a_fear_that_came_to_nothing_and_a_closure_notice_read_as_they_are() {
    none_wrong(&misreads(TIMETABLE.iter().chain(FEARED).chain(CLOSED)));
}
