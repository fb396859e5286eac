//! What the twenty-seventh day's blind set (`ab` of `data/business/heldout.csv`, 83 of 168 read
//! right at its one reading) showed, in posts of their own: the writer's own lateness told after
//! it ("we turned up an hour late", `triage/own_excuse.rs`), a cancellation for the flu, a
//! fitting loose or letting water in a few days after the work (`broken_pairs_more.rs`), a shop's
//! closing told with heartbreak (`farewell.rs`), nothing broken in a move (`idiom_list_more.rs`)
//! and a dentist dreaded (`dread.rs`). Before these rules 21 of the 35 posts below read wrong.
//! Each kind beside a post that must still read as the complaint it is.

mod triage_common;

use triage_common::{misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const EXCUSES: &[(&str, &str, &str, bool)] = &[
    // The business's lateness is still a complaint; the writer's own is none.
    ("Your driver was an hour late and the food was cold", "en", "negative", true),
    ("We turned up an hour late and they refused to seat us", "en", "negative", true),
    ("We arrived late because the shuttle you booked for us was late", "en", "negative", true),
    ("We were half an hour late and the receptionist shouted at us", "en", "negative", true),
    // Loose, or letting water in, a few days after the work.
    ("The shelves you put up on Saturday are already loose", "en", "negative", true),
    ("Las estanterías que montasteis el sábado ya están flojas", "es", "negative", true),
    ("Die Regale, die ihr am Samstag montiert habt, sind schon locker", "de", "negative", true),
    ("Das schaffen wir schon locker, danke für die tolle Hilfe", "de", "positive", false),
    ("Le scarpe che mi avete risuolato venerdì fanno già entrare l'acqua", "it", "negative", true),
    ("As janelas que instalaram na semana passada já deixam entrar água", "pt", "negative", true),
    // Ill, and a booking cancelled: the writer's plan, its "flu" no bad word.
    ("I'm down with the flu, so I'll have to cancel tomorrow's massage, sorry", "en", "neutral", false),
    ("Estoy con fiebre, así que tenemos que cancelar la cena del sábado, lo siento", "es", "neutral", false),
    ("Ma fille est malade, je dois donc annuler son cours de mercredi, désolée", "fr", "neutral", false),
    ("Ich bin krank und muss den Termin morgen leider absagen", "de", "neutral", false),
    ("Sono malata, quindi dobbiamo disdire la cena di sabato, scusate", "it", "neutral", false),
    ("Estou doente, por isso temos de cancelar o jantar de sábado, desculpem", "pt", "neutral", false),
    // Heartbreak at a closing: sad, nobody's breach.
    ("Heartbreaking to see the toy shop on the corner closing after thirty years", "en", "negative", false),
    ("Fa male al cuore vedere chiudere il cinema del quartiere", "it", "negative", false),
    ("Dói ver fechar o cinema do bairro", "pt", "negative", false),
    // Nothing broken: praise through a negation.
    ("We moved forty boxes of books and china and not one of them was broken", "en", "positive", false),
    ("Mudamos toda la vajilla de la abuela y no se rompió ni una", "es", "positive", false),
    ("Sie haben unsere Weingläser eingepackt und kein einziges ist kaputtgegangen", "de", "positive", false),
    ("Hanno imballato tutti i piatti e non se n'è rotto nemmeno uno", "it", "positive", false),
    ("Trouxeram a loiça toda da avó e não se partiu nem uma", "pt", "positive", false),
    ("Not one of them broke, but the driver was rude", "en", "negative", true),
    // A fear told once it was over.
    ("I was dreading the smear test and the nurse made it painless", "en", "positive", false),
    ("I was dreading the bill and it was even worse than I thought", "en", "negative", true),
];

#[test]
fn the_writer_s_own_excuses_and_nothing_broken_are_no_complaint_and_early_wear_is_one() {
    none_wrong(&misreads(EXCUSES));
}

/// The writer's own lateness, and heartbreak said in a phrase, in each language: no complaint
/// (what the post makes of it beside is the model's to read: "Llegué tarde … me atendió con
/// calma" reads neutral).
#[rustfmt::skip]
const NO_COMPLAINT: &[(&str, &str)] = &[
    ("I arrived half an hour late for my fitting and she still took her time with me", "en"),
    ("We got there late and they had still kept our table", "en"),
    ("Llegué tarde a mi cita y aun así la peluquera me atendió con calma", "es"),
    ("Je suis arrivée en retard au rendez-vous et la coiffeuse m'a quand même prise", "fr"),
    ("Wir kamen zu spät zur Führung und durften trotzdem noch mitgehen", "de"),
    ("Sono arrivata in ritardo alla lezione e l'insegnante mi ha fatto recuperare tutto", "it"),
    ("Cheguei atrasada à consulta e mesmo assim a médica atendeu-me com toda a calma", "pt"),
    ("Ça fait mal au cœur de voir fermer le cinéma du quartier", "fr"),
];

#[test]
fn the_writer_s_own_lateness_and_heartbreak_are_no_complaint_in_each_language() {
    let wrong: Vec<String> = NO_COMPLAINT
        .iter()
        .filter_map(|(text, lang)| {
            let got = earshot_core::triage::classify(text, None);
            (got.complaint || got.language != Some(*lang)).then(|| {
                format!(
                    "{text}\n  got {:?} complaint={} [{}]",
                    got.language,
                    got.complaint,
                    got.reasons.join(" | ")
                )
            })
        })
        .collect();
    none_wrong(&wrong);
}
