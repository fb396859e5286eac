//! What the thirty-third day's blind set `ap` taught, each with a post that must not be read the
//! same way: a thing bought to work that months later is still only an ornament (a time gone by
//! turns the post, as "but" does, when "still" follows it); a storm or a power cut, and someone
//! of the business who carried on, which is praise; a job asked for and brought home with the
//! fault still in; a pest gone since the business came, which is no health complaint but thanks;
//! paid for something that was over before it began; thanks for a mess left behind, which is
//! sarcasm. And set `aq`'s: whether a price is normal, asked of what little it bought; the
//! first who really listened where others failed; a favourite sold out, which is sadness and no
//! complaint; told honestly a thing was not worth mending; told there was nothing to be done
//! (for a patient, that is sympathy); a plant that died and was replaced. And set `ar`'s: a
//! promise of speed and then only the day it is now ("That was on Tuesday."), which is a wait;
//! mild approval of everything, which is lukewarm; a smell gone; wonder at how it was done. And
//! set `as`'s: a warning to count the change; a split rating with a zero; the big chains set
//! aside for a little shop. `earshot classify` is what is tested.

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, bool)] = &[
    // Months later, still an ornament; and one that still works.
    ("The new boiler went in fast, very tidy. Three months later it's still just decoration in the cupboard", "en", "negative", true),
    ("La cafetera llegó en dos días, genial. Semanas después sigue siendo simple decoración en la cocina", "es", "negative", true),
    ("Installed in a day, brilliant. Six months later it still works perfectly", "en", "positive", false),
    // A storm or a power cut, and the staff carried on; or sent the writer away.
    ("The power went off in the storm and the barber finished my haircut by torchlight", "en", "positive", false),
    ("Con la tormenta se fue la luz y la peluquera me terminó el corte con una linterna", "es", "positive", false),
    ("A storm knocked the power out and the waiter told us to leave without our mains", "en", "negative", true),
    // Asked for a job done, the fault still in at home.
    ("Asked for the chicken to be boned and found the bones still in when I got home", "en", "negative", true),
    ("Pedí el pescado limpio y en casa todavía tenía las escamas", "es", "negative", true),
    ("Avevo chiesto di pulire le cozze e a casa c'era ancora la sabbia", "it", "negative", true),
    // A pest gone since; one still there, and the man who never came.
    ("We had rats under the decking all summer. Your team came once and not a sign of them since", "en", "positive", false),
    ("Teníamos cucarachas en el baño. Vino vuestro técnico y ni rastro desde entonces", "es", "positive", false),
    ("We still have mice in the kitchen and no sign of the pest man you promised", "en", "negative", true),
    ("Tenemos ratones en la cocina y ni rastro del técnico", "es", "negative", true),
    // Paid for it and over before it began; and sooner than hoped.
    ("Paid for the full hour and the instructor left before we had even warmed up", "en", "negative", true),
    ("Wir haben für den ganzen Tag bezahlt, und der Lift war wieder zu, bevor wir überhaupt oben waren", "de", "negative", true),
    ("Paid at nine and the parcel arrived before I had even finished breakfast, brilliant", "en", "positive", false),
    // Thanks for a mess left behind; thanks for clearing one.
    ("Thanks for fitting the shelves, and for the sawdust all over our new rug", "en", "negative", true),
    ("Merci d'avoir installé le poêle, et pour la suie sur tout le tapis du salon", "fr", "negative", true),
    ("Thanks for clearing the sawdust off the rug before you left", "en", "positive", false),
    // Whether a price is normal; whether a puppy's sleep is.
    ("Is it normal to be charged 60 euros for a ten-minute check-up?", "en", "negative", true),
    ("¿Es normal pagar 40 euros por una revisión de cinco minutos?", "es", "negative", true),
    ("Is it normal for a new puppy to sleep this much?", "en", "neutral", false),
    // The first who really listened.
    ("Three shops couldn't fix my bike. You're the first that actually bothered to look properly", "en", "positive", false),
    ("Dos tiendas no me supieron ayudar; sois los primeros que de verdad me escucharon", "es", "positive", false),
    // A favourite sold out: sad, no complaint.
    ("Gutted, the mince pies have sold out already. Next year I'm getting there at 8", "en", "negative", false),
    ("Schade, die Lebkuchen sind schon ausverkauft. Nächstes Jahr bin ich früher da", "de", "negative", false),
    // Not worth mending, honestly told.
    ("The phone shop said honestly it wasn't worth repairing and didn't charge a penny", "en", "positive", false),
    // Nothing to be done about the noise; nothing more to be done for a patient.
    ("Builders drilling next door from 7am and the hotel said there was nothing they could do", "en", "negative", true),
    ("La obra de al lado empezaba a las 7 y en el hotel dijeron que no podían hacer nada", "es", "negative", true),
    ("The vet said there was nothing they could do for our old cat, and they were so kind to us", "en", "negative", false),
    // A plant that died, replaced.
    ("L'olivier est mort en un mois et la jardinerie l'a remplacé sans discuter", "fr", "positive", false),
    // A promise of speed, and the day it is now; a day named in a longer last sentence.
    ("Told us the part would be in 'next day'. That was in October.", "en", "negative", true),
    ("Nos prometieron el presupuesto para el lunes. Hoy es jueves.", "es", "negative", true),
    ("Same-day service, as promised. It's Friday, so cake all round!", "en", "positive", false),
    // Lukewarm.
    ("Room fine, breakfast fine, location fine.", "en", "neutral", false),
    // A smell gone; wonder at how it was done, and at how a parcel was lost.
    ("Ich dachte, der Zigarettengeruch geht nie raus. Jetzt riecht man gar nichts mehr", "de", "positive", false),
    ("The tailor saved my grandad's old coat. No idea how he did it", "en", "positive", false),
    ("La modista arregló el vestido de novia de mi madre. No sé cómo lo hizo", "es", "positive", false),
    ("No idea how they managed to lose a parcel that size", "en", "negative", true),
    // A warning to count the change; a split rating; the chains set aside.
    ("Heads up: check your change at the cheese counter, I was a fiver short", "en", "negative", true),
    ("Un consejo: contad el cambio en la panadería de la plaza", "es", "negative", true),
    ("Zero for the service, ten for the food", "en", "negative", true),
    ("Cinco estrellas por la comida, cero por la espera", "es", "negative", true),
    ("Forget the big supermarkets, the greengrocer on Elm Street has the best tomatoes", "en", "positive", false),
    ("Oubliez les grandes surfaces, le primeur de la rue a les meilleures tomates", "fr", "positive", false),
];

/// (post, a reason it must give, one it must not — empty for none).
#[rustfmt::skip]
const QUOTED: &[(&str, &str, &str)] = &[
    ("The new boiler went in fast, very tidy. Three months later it's still just decoration in the cupboard", "complaint: 'just decoration'", "positive"),
    ("The power went off in the storm and the barber finished my haircut by torchlight", "positive: 'barber finished'", "complaint"),
    ("Asked for the chicken to be boned and found the bones still in when I got home", "complaint: 'asked … still in'", ""),
    ("We had rats under the decking all summer. Your team came once and not a sign of them since", "positive: 'not a sign'", "health"),
    ("We still have mice in the kitchen and no sign of the pest man you promised", "health or safety: 'mice in'", ""),
    ("Paid for the full hour and the instructor left before we had even warmed up", "complaint: 'paid … even'", ""),
    ("Thanks for fitting the shelves, and for the sawdust all over our new rug", "sarcastic: 'thanks for … sawdust'", ""),
    ("¿Es normal pagar 40 euros por una revisión de cinco minutos?", "complaint: 'normal … pagar'", ""),
    ("Dos tiendas no me supieron ayudar; sois los primeros que de verdad me escucharon", "positive: 'los primeros que de verdad'", ""),
    ("Builders drilling next door from 7am and the hotel said there was nothing they could do", "complaint: 'nothing they could do'", ""),
    ("L'olivier est mort en un mois et la jardinerie l'a remplacé sans discuter", "positive: 'remplacé'", "complaint"),
    ("Told us the part would be in 'next day'. That was in October.", "complaint: 'next day … that was in october'", ""),
];

#[test]
fn what_the_thirty_third_days_sets_taught_reads_right() {
    none_wrong(&misreads(CASES));
}

#[test]
fn what_the_thirty_third_days_sets_taught_is_quoted() {
    none_wrong(&misquoted(QUOTED));
}
