//! What the twenty-eighth day's blind sets (`ad` and `ae` of `data/business/heldout.csv`, 26 of 48
//! and 23 of 42 read right at their one reading) showed, in posts of their own: a need the
//! business met, told after the writer's difficulty ("…, so the florist kept the flowers
//! overnight") or as a deed so the writer could or need not (`triage/need_met.rs`); a thing of
//! the writer's found and kept; someone who has not stopped smiling since
//! (`idiom_list_more.rs`); a death in the family of someone the writer knows at a shop, or sorrow
//! for what befell them, which reads negative whatever warm words console and is no lost parcel
//! (`farewell.rs`); and a delivery to a hospital, which is where it goes and no harm (`grave.rs`).
//! Each kind beside a post that must still read as the complaint it is. Before these rules 25 of
//! the 32 posts below read wrong.

mod triage_common;

use triage_common::{misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const KINDNESS: &[(&str, &str, &str, bool)] = &[
    // A need met after "so"; what was done badly, said or shut after it is none.
    ("We couldn't find a babysitter, so the waitress brought colouring books for the kids", "en", "positive", false),
    ("No teníamos coche, así que el panadero nos trajo la tarta a casa", "es", "positive", false),
    ("Je ne pouvais pas venir avant 19 heures, alors le boucher a gardé ma commande au frais", "fr", "positive", false),
    ("Mein Vater kann nicht mehr Auto fahren, also bringt der Apotheker ihm die Tabletten jetzt nach Hause", "de", "positive", false),
    ("Non c'era più la mia taglia, quindi la commessa l'ha fatta arrivare da Milano in due giorni", "it", "positive", false),
    ("Não tínhamos onde guardar o bolo, por isso o padeiro guardou-o no frigorífico da loja", "pt", "positive", false),
    ("The boiler stopped working, so the engineer came and made it worse", "en", "negative", true),
    ("We had no hot water, so the receptionist told us to shower at the gym", "en", "negative", true),
    ("La peluquera no llegó, así que la recepcionista nos dijo que volviéramos mañana", "es", "negative", true),
    // A deed so the writer could, or need not.
    ("The baker stayed on after closing so my daughter could pick up her cake after her shift", "en", "positive", false),
    ("La modista se quedó hasta tarde para que mi hija tuviera el vestido el viernes", "es", "positive", false),
    ("Le boulanger a ouvert plus tôt dimanche pour que nous puissions récupérer le gâteau avant la messe", "fr", "positive", false),
    // Found and kept; not found.
    ("The bus driver found my purse under a seat and handed it in at the depot", "en", "positive", false),
    ("El socorrista encontró las gafas de natación de mi hija y se las guardó en recepción", "es", "positive", false),
    ("A empregada encontrou o casaco do meu marido no vestiário e guardou-o até sábado", "pt", "positive", false),
    ("Nobody found my bag and the shop never returned my call", "en", "negative", true),
    // Someone who has not stopped smiling since; a thing that has not stopped beeping.
    ("Took my nan for her first manicure and she hasn't stopped smiling", "en", "positive", false),
    ("Mi abuela estrenó sus gafas nuevas y no ha parado de sonreír en toda la tarde", "es", "positive", false),
    ("Opa hat sein neues Hörgerät bekommen und hört nicht mehr auf zu lächeln", "de", "positive", false),
    ("A minha avó foi ao cabeleireiro e não parou de sorrir o dia todo", "pt", "positive", false),
    ("The alarm you fitted hasn't stopped beeping since Tuesday", "en", "negative", true),
    // A death told, consoled: negative, no complaint; a lost parcel is one.
    ("Heard that the lady from the flower stall lost her husband last week, sending her all our love", "en", "negative", false),
    ("Nos hemos enterado de que el quiosquero perdió a su mujer, un abrazo muy fuerte", "es", "negative", false),
    ("Nous venons d'apprendre que le cordonnier a perdu sa femme, toutes nos pensées", "fr", "negative", false),
    ("Wir haben gehört, dass der Bäcker seine Frau verloren hat, unser herzliches Beileid", "de", "negative", false),
    ("Abbiamo saputo che il giornalaio ha perso la moglie, gli siamo vicini", "it", "negative", false),
    ("Soubemos que o senhor da banca dos jornais perdeu a mulher, um abraço", "pt", "negative", false),
    ("Sentimos mucho lo del incendio en la ferretería, un abrazo a toda la familia", "es", "negative", false),
    ("Ci dispiace tanto per il furto in pasticceria, un abbraccio a tutti", "it", "negative", false),
    ("The courier lost my parcel and your shop never answered", "en", "negative", true),
    // A delivery to a hospital is a question; a stay in one after the meal is grave.
    ("Liefert ihr auch ins Krankenhaus? Mein Vater liegt dort seit Montag", "de", "neutral", false),
    ("Ich musste nach eurem Essen ins Krankenhaus", "de", "negative", true),
];

#[test]
fn needs_met_and_things_kept_are_praise_and_a_death_is_sad_news() {
    none_wrong(&misreads(KINDNESS));
}

/// A death is named by what tells it, not by the words around it ("negative: 'stall'").
#[test]
fn a_death_is_named_by_its_words() {
    let cases = [
        (
            "Heard that the lady from the flower stall lost her husband last week, sending her all our love",
            "negative: 'lost her husband'",
        ),
        (
            "Nos hemos enterado de que el quiosquero perdió a su mujer, un abrazo muy fuerte",
            "negative: 'perdió a su mujer'",
        ),
    ];
    for (text, reason) in cases {
        let got = earshot_core::triage::classify(text, None);
        assert_eq!(got.reasons, [reason], "{text}");
    }
}
