//! The pairs [`super::broken`] reads, each a promise, a charge or a payment and what broke it, in
//! the six modelled languages, folded. Earshot's own lists.

use super::super::pair_words::{
    ARRIVED, BILL, BOOKED, CHARGED, DEPOSIT, MISSING, ORDER, QUOTE, RECEIPT, TIMES, WENT_WELL,
    WITHOUT,
};
use super::super::wrong_item::INSTEAD;

use super::{Pair, PLAIN};

#[rustfmt::skip]
pub(super) const PAIRS: &[Pair] = &[
    // A promise, and what came instead: "we were promised a sea view and got the car park
    // instead"; "as promised" is a promise kept.
    Pair {
        first: &[
            "promised", "prometieron", "prometido", "prometida", "promis", "promise",
            "versprochen", "promesso", "promessa", "prometeram", "prometeu",
        ],
        then: INSTEAD,
        within: 15,
        not_after: &["as", "como", "comme", "wie", "come"],
        ..PLAIN
    },
    // Something instead of what was asked for: "une couleur orange au lieu du blond demandé",
    // "en lugar del rubio que pedí", "invece del biondo che avevo chiesto".
    Pair {
        first: INSTEAD,
        then: &[
            "asked", "requested", "ordered", "demande", "demandee", "commande", "commandee",
            "pedi", "pedido", "pedida", "pedimos", "bestellt", "bestellten", "bestellte",
            "gewunscht", "gewunschten", "chiesto", "richiesto", "ordinato", "encomendado",
        ],
        within: 6,
        one_clause: true,
        ..PLAIN
    },
    // A charge for what was never done: "charged me for a part they never replaced", "une
    // pièce qu'il n'a jamais changée", "ein Teil, das er nie gewechselt hat".
    Pair {
        first: CHARGED,
        then: &["never", "nunca", "jamais", "nie", "niemals", "mai"],
        within: 12,
        relative: true,
        ..PLAIN
    },
    // … or for what was not, in one clause: "cobrou uma vacina que o meu cão não tomou",
    // "charged me for a dessert that we didn't order"; not "Nos cobraron lo que habíamos
    // acordado, no hubo sorpresas".
    Pair {
        first: CHARGED,
        then: &[
            "didn't", "didnt", "wasn't", "wasnt", "weren't", "werent", "no", "pas", "nicht",
            "non", "nao",
        ],
        within: 12,
        relative: true,
        one_clause: true,
        ..PLAIN
    },
    // Charged twice, said with words between: "Ich wurde zweimal für dieselbe Bestellung
    // belastet", "charged my card twice".
    Pair {
        first: &["zweimal", "doppelt", "dreimal"],
        then: &["belastet", "abgebucht", "berechnet", "abgerechnet"],
        within: 7,
        one_clause: true,
        ..PLAIN
    },
    Pair {
        first: CHARGED,
        then: TIMES,
        within: 6,
        one_clause: true,
        ..PLAIN
    },
    // Asked again and again: "Asked for the bill three times before anyone brought it".
    Pair {
        first: &[
            "asked", "called", "phoned", "rang", "emailed", "messaged", "llame", "llamamos",
            "escribi", "demande",
            "appele", "ecrit", "gefragt", "nachgefragt", "angerufen", "geschrieben", "chiesto",
            "chiamato", "scritto", "liguei", "perguntei", "escrevi",
        ],
        then: TIMES,
        within: 8,
        one_clause: true,
        ..PLAIN
    },
    // Paid, and still without it: "paid for the annual plan and the app still asks me to
    // subscribe", "j'ai payé et toujours rien", "bezahlt und immer noch nichts".
    Pair {
        first: &[
            "paid", "pague", "pagado", "paguei", "pagamos", "paye", "payee", "payes", "bezahlt",
            "pagato", "pagata", "pago",
        ],
        then: &[
            "still", "sigue", "siguen", "todavia no", "aun no", "toujours", "immer noch",
            "noch immer", "noch nicht", "ancora", "continua", "continuam", "continuan",
            "ainda nao", "ainda nada",
        ],
        within: 16,
        ..PLAIN
    },
    // Blame put on something else: "hat es aufs Navi geschoben", "schob es auf das Wetter".
    Pair {
        first: &["auf", "aufs"],
        then: &["geschoben"],
        within: 4,
        one_clause: true,
        ..PLAIN
    },
    Pair {
        first: &["schob", "schoben", "schiebt"],
        then: &["auf", "aufs"],
        within: 3,
        one_clause: true,
        ..PLAIN
    },
    // Charged anyway, for what never came: "la aplicación me cobró el viaje igualmente", "l'app
    // mi ha addebitato la corsa lo stesso"; and charged much for a little: "Cobraram 150 euros
    // de limpeza por um pouco de areia".
    Pair {
        first: CHARGED,
        then: &["anyway", "igualmente", "lo stesso", "na mesma", "mesmo assim", "quand meme"],
        within: 8,
        ..PLAIN
    },
    Pair {
        first: CHARGED,
        then: &[
            "for a bit of", "for a little", "por un poco", "por um pouco", "pour un peu",
            "per un po", "fur ein bisschen", "fur ein paar",
        ],
        within: 8,
        ..PLAIN
    },
    // Cancelled, and still charged: "Ho disdetto la palestra a giugno e continuano a prelevare",
    // "Ich habe im Juni gekündigt und ihr bucht immer noch ab".
    Pair {
        first: &[
            "cancelled", "canceled", "baja", "cancele", "resilie", "annule", "gekundigt",
            "storniert", "disdetto", "disdetta", "cancelei", "cancelamos",
        ],
        then: &[
            "still", "sigue", "siguen", "toujours", "continuent", "continue", "immer noch",
            "weiterhin", "trotzdem", "nach wie vor", "continuano", "continuam", "continua", "ainda",
        ],
        within: 12,
        ..PLAIN
    },
    // Arrived after the day it was for: "Les fleurs sont arrivées le lendemain des obsèques".
    Pair {
        first: &[
            "arrived", "came", "delivered", "llegaron", "llego", "arrivees", "arrive", "arrivee",
            "kamen", "kam", "geliefert", "arrivati", "arrivato", "arrivata", "arrivate", "chegaram",
            "chegou", "entregues",
        ],
        then: &[
            "after the funeral", "despues del funeral", "lendemain des obseques",
            "apres les obseques", "apres l'enterrement", "nach der beerdigung", "dopo il funerale",
            "depois do funeral", "after the wedding", "despues de la boda", "apres le mariage",
            "nach der hochzeit", "dopo il matrimonio", "depois do casamento",
        ],
        within: 8,
        ..PLAIN
    },
    // Booked for some, given a place for fewer: "Booked the escape room for 6 people, they gave
    // us a room for 4", "a table for six and they'd laid it for four".
    Pair {
        first: BOOKED,
        then: &[
            "gave", "given", "put", "sat", "seated", "dieron", "pusieron", "sentaron", "donne",
            "mis", "installes", "gegeben", "bekommen", "gesetzt", "dato", "messo", "sedere",
            "deram", "puseram", "sentaram", "laid", "set it", "puesto", "puesta", "dressee",
            "gedeckt", "apparecchiato", "apparecchiata", "posta",
        ],
        within: 12,
        counts: true,
        ..PLAIN
    },
    // More on the receipt than was had: "The receipt says 3 coffees, we had 2", "Auf dem Bon
    // stehen 3 Kaffee, wir hatten 2".
    Pair {
        first: RECEIPT,
        then: &[
            "we had", "we only had", "i had", "we ordered", "i ordered", "tomamos", "pedimos",
            "comimos", "on en a pris", "on a pris", "nous avons pris", "wir hatten", "ich hatte",
            "wir haben", "abbiamo presi", "abbiamo preso", "bebemos", "comemos",
        ],
        within: 10,
        counts: true,
        ..PLAIN
    },
    // No hot water: "The showers at the gym have been cold for a week", "Las duchas del
    // gimnasio llevan una semana frías", "Die Duschen sind seit einer Woche kalt".
    Pair {
        first: &[
            "showers", "shower", "duchas", "ducha", "douches", "douche", "duschen", "dusche",
            "docce", "doccia", "duches", "duche", "chuveiros", "chuveiro", "radiators",
            "radiadores", "radiateurs", "heizkorper", "termosifoni", "radiatori",
        ],
        then: &[
            "cold", "freezing", "frias", "fria", "heladas", "froides", "froide", "glacees", "kalt",
            "eiskalt", "fredde", "fredda", "gelide", "frios", "frio", "geladas", "gelados",
        ],
        within: 9,
        one_clause: true,
        told: true,
        ..PLAIN
    },
    // Paid, and not even done: "Le laveur de vitres nous a fait payer et la moitié des
    // fenêtres n'ont même pas été faites", "hat kassiert und die Hälfte nicht mal geputzt".
    Pair {
        first: &["charged", "cobro", "cobraron", "payer", "kassiert", "cobrou", "cobraram"],
        then: &[
            "not even", "ni siquiera", "meme pas", "nicht mal", "nicht einmal", "nemmeno",
            "nem sequer", "nem foram",
        ],
        within: 14,
        ..PLAIN
    },
    // The receipt says one sum, the card was charged another: "Le ticket indique 12 euros mais
    // ils ont débité 21", "Auf dem Beleg stehen 12 Euro, aber abgebucht wurden 21".
    Pair {
        first: RECEIPT,
        then: &["charged", "cobraron", "debite", "abgebucht", "addebitati", "cobraram", "cobrou"],
        within: 12,
        counts: true,
        ..PLAIN
    },
    // Booked, and not there: "Booked a cot for the baby weeks ago and there was none in the room".
    Pair {
        first: BOOKED,
        then: &[
            "was none", "wasn't one", "wasnt one", "wasn't any", "wasnt any", "no habia ninguna",
            "no habia ninguno", "no habia nada", "n'y en avait pas", "n'y en avait aucun",
            "n'y en avait aucune", "war keins", "war keine", "gab es keins", "gab es keine",
            "non c'era", "non c'erano", "nao havia nenhum", "nao havia nenhuma",
            "nao tinha nenhum", "nao tinha nenhuma",
        ],
        within: 16,
        ..PLAIN
    },
    // Ordered or booked, and told it could not be done: "Ordered a birthday cake for Saturday,
    // got a call Friday night saying they couldn't make it".
    Pair {
        first: &[
            "ordered", "booked", "pedi", "pedimos", "encargue", "encargamos", "reservamos",
            "commande", "reserve", "bestellt", "gebucht", "ordinato", "prenotato", "encomendei",
            "encomendamos", "reservei",
        ],
        then: &[
            "couldn't make it", "couldnt make it", "could not make it", "couldn't do it",
            "couldnt do it", "no podian hacerla", "no podian hacerlo", "ne pouvaient pas",
            "ne pourraient pas", "konnten es nicht", "non potevano", "nao podiam",
            "nao iam conseguir",
        ],
        within: 18,
        ..PLAIN
    },
    // Missing from the order: "Faltaban las patatas y la bebida en el pedido", "Die Hälfte der
    // Bestellung fehlte"; not "falta de luz".
    Pair { first: MISSING, then: ORDER, within: 10, ..PLAIN },
    Pair { first: ORDER, then: MISSING, within: 6, one_clause: true, ..PLAIN },
    // Renewed or raised without a word: "Abonnement renouvelé automatiquement sans aucun mail de
    // rappel", "Abo wurde ohne Erinnerung um ein Jahr verlängert".
    Pair {
        first: &[
            "renewed", "raised", "renovaron", "renovado", "renovada", "subieron", "renouvele",
            "renouvelee", "augmente", "augmentes", "verlangert", "erhoht", "rinnovato",
            "rinnovata", "aumentato", "aumentati", "renovaram", "renovou", "aumentaram",
        ],
        then: &["without", "sin", "sans", "ohne", "senza", "sem"],
        within: 8,
        one_clause: true,
        not_next: &["de"],
        // Nor "subieron el piano cuatro pisos sin un solo arañazo": carried up, not raised.
        unless_then: &[
            "problem", "problems", "issue", "issues", "hitch", "fuss", "problemas", "probleme",
            "problemes", "souci", "soucis", "problemi", "scratch", "dent", "damage", "aranazo",
            "rasguno", "rayure", "egratignure", "kratzer", "schramme", "graffio", "risco",
            "arranhao",
        ],
        ..PLAIN
    },
    Pair {
        first: &["ohne"],
        then: &["verlangert", "erhoht"],
        within: 6,
        one_clause: true,
        ..PLAIN
    },
    // The deposit kept: "The landlord has kept our whole deposit over a scuff on the wall".
    Pair {
        first: &[
            "kept", "keeps", "keeping", "quedado", "quedo", "quedaron", "garde", "gardent",
            "behalt", "behalten", "einbehalten", "tenuto", "trattenuto", "ficou",
            "ficaram",
        ],
        then: DEPOSIT,
        within: 6,
        one_clause: true,
        unless_then: &["agreed", "acordado", "convenu", "vereinbart", "concordato", "combinado"],
        ..PLAIN
    },
    Pair {
        first: DEPOSIT,
        then: &["einbehalten", "behalten", "trattenuto", "trattenuta"],
        within: 4,
        one_clause: true,
        ..PLAIN
    },
    // Arrived without a part: "Order 4521 arrived without the charger", "kam ohne Ladegerät",
    // "ha llegado otra vez sin las barras"; not "arrived without a scratch".
    Pair {
        first: ARRIVED,
        then: WITHOUT,
        within: 5,
        one_clause: true,
        unless_then: WENT_WELL,
        ..PLAIN
    },
    // Free of an allergen, the post says, but it came with it: "the kids' menu said nut-free but
    // the dessert came with almonds", "stand nussfrei, aber der Nachtisch kam mit Mandeln".
    Pair {
        first: &[
            "free", "nussfrei", "glutenfrei", "laktosefrei", "milchfrei", "sin", "sans", "ohne",
            "senza", "sem",
        ],
        then: ALLERGENS,
        within: 14,
        turned: true,
        ..PLAIN
    },
    // Paid extra and got the same as before: "Paid 80 euros extra for thinner lenses and got
    // exactly the same thick ones", "beim Optiker 80 Euro extra … bezahlt und genau die gleichen"
    // (not "the same day").
    Pair {
        first: &["paid", "pague", "paye", "payee", "pagato", "pagata", "paguei", "pagamos"],
        then: SAME,
        within: 18,
        via: &["extra", "mas", "plus", "piu", "mais", "mehr"],
        unless_then: DAY,
        ..PLAIN
    },
    Pair {
        first: &["extra", "mehr"],
        then: SAME,
        within: 10,
        via: &["bezahlt", "gezahlt"],
        unless_then: DAY,
        ..PLAIN
    },
    // An allergy told, and the allergen served: "Told the waiter twice about my sesame allergy.
    // The salad came covered in sesame seeds" (a question asks: "does the salad have sesame?").
    Pair {
        first: &["allergy", "allergic", "allergies"],
        then: ALLERGENS,
        within: 14,
        via: &[
            "came", "served", "arrived", "brought", "covered", "topped", "sprinkled", "garnished",
        ],
        told: true,
        ..PLAIN
    },
    // Used on the customer before: "the same file they had just used on the last customer",
    // "dieselbe Feile wie bei der Kundin vor mir".
    Pair {
        first: &[
            "same", "misma", "mismo", "meme", "dieselbe", "derselbe", "dasselbe", "denselben",
            "stessa", "stesso", "mesma", "mesmo",
        ],
        then: &[
            "last customer", "previous customer", "customer before", "last client",
            "previous client", "clienta anterior", "cliente anterior", "cliente d'avant",
            "client d'avant", "cliente precedente", "client precedent", "cliente precedent",
            "kundin vor mir", "kunde vor mir", "kunden vor mir",
        ],
        within: 14,
        ..PLAIN
    },
    // What was the writer's, given to someone else: "sold our seats to another family", "sent
    // our wedding photos to another couple", "a vendu nos places à une autre famille"; German
    // puts the verb last ("hat unsere Plätze an eine andere Familie verkauft").
    Pair {
        first: &[
            "sold", "gave", "given", "sent", "vendio", "vendieron", "dio", "dieron", "envio",
            "enviaron", "mando", "mandaron", "vendu", "vendus", "vendues", "donne", "envoye",
            "envoyees", "venduto", "venduti", "dato", "dati", "mandato", "inviato", "inviati",
            "vendeu", "venderam", "deu", "deram", "enviou", "enviaram", "mandou", "mandaram",
            "donnes", "donnees", "dadas", "dados",
        ],
        then: &[
            "to another", "to someone else", "to somebody else", "to other", "a otra", "a otro",
            "a otras", "a otros", "a une autre", "a un autre", "a d'autres", "a quelqu'un d'autre",
            "a un'altra", "a un altro", "ad un'altra", "ad un altro", "ad altri", "ad altre",
            "a qualcun altro", "a outra", "a outro", "a outras", "a outros",
        ],
        within: 10,
        one_clause: true,
        ours: true,
        ..PLAIN
    },
    Pair {
        first: &["andere", "anderen", "anderes", "jemand"],
        then: &["verkauft", "gegeben", "geschickt", "vergeben", "weitergegeben"],
        within: 4,
        one_clause: true,
        ..PLAIN
    },
    // Fitted the wrong way round: "montaron los frenos al revés", "a remonté mes freins à
    // l'envers", "hat die Bremsen verkehrt herum montiert".
    Pair {
        first: &[
            "fitted", "installed", "mounted", "put", "montaron", "monto", "instalaron", "instalo",
            "monte", "montes", "montee", "remonte", "remontes", "installe", "montato", "montati",
            "rimontato", "rimontati", "installato", "montou", "montaram", "instalou",
            "instalaram",
        ],
        then: &[
            "the wrong way round", "the wrong way around", "backwards", "upside down", "al reves",
            "a l'envers", "al contrario", "alla rovescia", "ao contrario", "de cabeca para baixo",
        ],
        within: 8,
        one_clause: true,
        ..PLAIN
    },
    Pair {
        first: &["verkehrt", "falsch"],
        then: &["montiert", "eingebaut", "eingesetzt", "angebracht"],
        within: 3,
        one_clause: true,
        ..PLAIN
    },
    // Wants the writer to pay, said German's way: "will, dass ich für die Korrektur bezahle".
    Pair {
        first: &["will", "wollen", "verlangt", "verlangen"],
        then: &["bezahle", "zahle"],
        within: 8,
        ..PLAIN
    },
    // Change given for less than was paid with: "gave me change for a 10 instead of a 20",
    // "rendu la monnaie sur 10 au lieu de 20", "il resto di 10 invece che di 20".
    Pair {
        first: &["change", "cambio", "vuelto", "monnaie", "resto", "troco"],
        then: INSTEAD,
        within: 6,
        one_clause: true,
        counts: true,
        ..PLAIN
    },
    // Working, and "nicht" a few words on: "Der Rabattcode funktioniert an der Kasse nicht";
    // not "funktioniert nicht nur …".
    Pair {
        first: &[
            "funktioniert", "funktionieren", "funktionierte", "funktionierten", "klappt", "klappte",
        ],
        then: &["nicht"],
        within: 5,
        one_clause: true,
        unless_then: &["nur"],
        ..PLAIN
    },
    // A bill above the quote, in either order: "quoted £80 on the phone and charged £240",
    // "Facture de 300 euros pour un devis annoncé à 120".
    Pair { first: QUOTE, then: BILL, within: 14, prices: true, ..PLAIN },
    Pair { first: BILL, then: QUOTE, within: 10, prices: true, ..PLAIN },
    // Asked whether a price is normal, of what little it bought: "Is it normal to pay 90 euros
    // for a dentist to tell me to come back next week?", "¿Es normal pagar…?", "Ist es normal,
    // 90 Euro zu zahlen…?". The question is the complaint ("told" is left false).
    Pair {
        first: &["normal", "normale"],
        then: &[
            "to pay", "to be charged", "pagar", "que cobren", "de payer", "qu'on paie", "zahlen",
            "bezahlen", "pagare", "que cobrem",
        ],
        within: 6,
        only_after: &["it", "es", "c'est", "est", "e", "ist"],
        ..PLAIN
    },
];

/// The same as before, folded; not the forms that also say "even" or "anyway" ("mesmo assim",
/// "même pas", "lo stesso", "hoy mismo").
#[rustfmt::skip]
const SAME: &[&str] = &[
    "same", "mismas", "mismos", "misma", "memes", "gleichen", "gleiche", "dieselben", "stesse",
    "stessi", "stessa", "mesmas", "mesmos", "mesma",
];

/// A day, after "same": "the same day" is speed, not the same thing again.
const DAY: &[&str] = &[
    "day", "dia", "jour", "tag", "giorno", "week", "semana", "semaine",
];

/// What a free-from promise keeps out of a dish, folded: the common allergens.
#[rustfmt::skip]
const ALLERGENS: &[&str] = &[
    "nuts", "almonds", "peanuts", "walnuts", "hazelnuts", "cashews", "pecans", "pistachios",
    "gluten", "wheat", "milk", "dairy", "cheese", "egg", "eggs", "prawns", "shrimp", "sesame",
    "frutos secos", "almendras", "cacahuetes", "nueces", "avellanas", "anacardos", "pistachos",
    "trigo", "leche", "queso", "huevo", "marisco", "gambas", "sesamo", "fruits a coque",
    "amandes", "noix", "noisettes", "pistaches", "ble", "lait", "fromage", "oeuf", "oeufs",
    "crevettes", "nusse", "nussen", "mandeln", "erdnusse", "walnusse", "haselnusse",
    "pistazien", "weizen", "milch", "kase", "eier", "garnelen", "sesam", "frutta a guscio",
    "mandorle", "arachidi", "noci", "nocciole", "pistacchi", "glutine", "latte", "formaggio",
    "uova", "gamberi", "amendoas", "amendoins", "nozes", "avelas", "leite", "queijo", "ovo",
    "ovos", "camarao",
];
