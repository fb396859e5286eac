//! Tests of `need_met.rs`: whole posts, read as the app reads them, and the rule alone on what it
//! must leave as it is.

use super::need_met;
use crate::triage::put_right::tests::read_as_praise;
use crate::triage::{lang, model, reading::read_in};

/// A difficulty and then "so" someone of the business met it, or a deed so the writer could or
/// need not: praise, named by who acted and how, in each language.
#[test]
fn a_need_the_business_met_is_praise() {
    let cases = [
        (
            "We couldn't find a babysitter, so the waitress brought colouring books for the kids",
            "waitress brought",
        ),
        (
            "No teníamos coche, así que el panadero nos trajo la tarta a casa",
            "panadero trajo",
        ),
        (
            "Je ne pouvais pas venir avant 19 heures, alors le boucher a gardé ma commande au frais",
            "boucher gardé",
        ),
        (
            "Mein Vater kann nicht mehr Auto fahren, also bringt der Apotheker ihm die Tabletten jetzt nach Hause",
            "apotheker",
        ),
        (
            "Non c'era più la mia taglia, quindi la commessa l'ha fatta arrivare da Milano in due giorni",
            "commessa fatta",
        ),
        (
            "Não tínhamos onde guardar o bolo, por isso o padeiro guardou-o no frigorífico da loja",
            "padeiro guardou",
        ),
        // Plural, and a difficulty the model reads as negative ("se averió").
        (
            "La lavadora se averió, así que los técnicos vinieron el mismo domingo",
            "técnicos vinieron",
        ),
        (
            "The baker stayed on after closing so my daughter could pick up her cake after her shift",
            "baker stayed",
        ),
        (
            "La modista se quedó hasta tarde para que mi hija tuviera el vestido el viernes",
            "modista quedó",
        ),
        (
            "Le boulanger a ouvert plus tôt dimanche pour que nous puissions récupérer le gâteau avant la messe",
            "boulanger ouvert",
        ),
        (
            "Mio padre non guida più, così il farmacista gli porta le medicine a casa ogni lunedì",
            "farmacista porta",
        ),
    ];
    read_as_praise(&cases);
}

/// A thing of the writer's found and kept or handed in: praise, named by both words.
#[test]
fn a_thing_found_and_kept_is_praise() {
    let cases = [
        (
            "El socorrista encontró las gafas de natación de mi hija y se las guardó en recepción",
            "encontró … guardó",
        ),
        (
            "The bus driver found my purse under a seat and handed it in at the depot",
            "found … handed",
        ),
        (
            "A empregada encontrou o casaco do meu marido no vestiário e guardou-o até sábado",
            "encontrou … guardou",
        ),
    ];
    read_as_praise(&cases);
}

/// What the business did badly, said, shut or failed to do after "so", the writer's own deed, a
/// purpose the writer was denied, and a deed for the business's own: no need met.
#[test]
fn no_need_met_when_the_deed_is_no_kindness() {
    let cases = [
        "The boiler stopped working, so the engineer came and made it worse",
        "We had no hot water, so the receptionist told us to shower at the gym",
        "The heating wasn't on, so the manager closed the café early",
        "My size was gone, so I asked the assistant to order one",
        "They had no bread left, so the baker didn't open on Sunday",
        "The waiter took our plates away so we couldn't finish the starters",
        "El camarero se llevó los platos para que no pudiéramos terminar",
        "A nossa empregada de limpeza usa a nossa máquina para lavar a roupa dela",
        "No quedaba pan, así que llamé a la panadería de enfrente",
        "The lift was broken, so the delivery men dumped the fridge in the hall",
        "Our order was wrong, so the manager gave us a voucher that had already expired",
        // Found by the writer, found wrong, or not found.
        "I found my parcel in the bin and the driver had kept the receipt",
        "Nobody found my bag and the shop never returned my call",
        "My wife found a hair in her soup and the waiter brought another bowl",
        // Of one's own accord: a thing's, the writer's, or a bad deed's.
        "The card machine restarts on its own every afternoon",
        "I ended up fixing the tap on my own because the plumber never came",
        "The decorator painted the hall grey on his own without asking us and it looks awful",
        "La dependienta cambió el pedido por su cuenta y nos llegó la talla equivocada",
    ];
    for text in cases {
        let r = read_in(model(), text, lang::detect(text));
        assert_eq!(need_met(&r), None, "{text}");
    }
}

/// Every word of the rule's lists is folded as the words it is compared with are (an accent
/// left in one would never match), and said once in its list.
#[test]
fn every_list_word_is_folded_and_said_once() {
    use super::{
        AGENTS, BETWEEN, FINDER, FOR, FOUND, HAVE_TO, KEPT, MINE, NO_KINDNESS, OBLIGED, OPEN_UNTIL,
        PERSON, TO, WRITER,
    };
    let lists = [
        AGENTS,
        BETWEEN,
        FINDER,
        FOR,
        WRITER,
        FOUND,
        HAVE_TO,
        KEPT,
        MINE,
        NO_KINDNESS,
        OBLIGED,
        OPEN_UNTIL,
        PERSON,
        TO,
    ];
    for list in lists {
        for (i, w) in list.iter().enumerate() {
            assert_eq!(*w, crate::matcher::fold(w), "not folded: {w}");
            assert!(!list[..i].contains(w), "twice: {w}");
        }
    }
    for so in super::SO
        .iter()
        .chain(super::OWN_ACCORD)
        .flat_map(|w| w.iter())
    {
        assert_eq!(*so, crate::matcher::fold(so), "not folded: {so}");
    }
}
