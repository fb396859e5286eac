//! Yet more of the pairs [`super::broken`] reads (see `broken_pairs.rs`): paid for colour or first
//! class and given black and white or second, a bill for a visit the business called off, a fault
//! hidden and back, a parcel left in a bin, a child sent home in another's coat, hair dyed another
//! colour than asked, a child lost sight of, a repair that did not hold, a pet given back with what
//! it did not have, a car's mirror torn off, a promise and then another thing used, a thing
//! forgotten entirely, a thing broken then billed, a charge doubled without a word, paid extra and
//! given the ordinary kind, a gift that turned out less, a thing sent back the wrong way up, a
//! thing sold as new. In the six modelled languages, folded.
//! Earshot's own lists.

use super::super::pair_words::BILL;
use super::super::wrong_item::INSTEAD;
use super::{Pair, PLAIN};

#[rustfmt::skip]
pub(super) const LATE_PAIRS: &[Pair] = &[
    // Paid for colour or first class, given black and white or second: "Paid for colour prints
    // and the shop handed over forty pictures in black and white".
    Pair {
        first: &[
            "paid", "pague", "pagado", "pagamos", "paye", "payee", "payes", "bezahlt", "pagato",
            "pagata", "pagati", "paguei",
        ],
        then: &[
            "black and white", "blanco y negro", "noir et blanc", "schwarz weiß", "schwarz weiss",
            "schwarzweiß", "schwarzweiss", "bianco e nero", "preto e branco", "economy",
            "second class", "segunda clase", "seconde classe", "zweite klasse", "seconda classe",
            "segunda classe", "turista",
        ],
        via: &[
            "got", "gave", "given", "handed", "received", "dieron", "dio", "entregaron", "recibi",
            "recibimos", "remis", "donne", "recu", "gegeben", "bekommen", "erhalten", "dato",
            "dati", "consegnato", "ricevuto", "deram", "entregou", "entregaram", "recebemos",
            "recebi", "uns", "mir",
        ],
        within: 22,
        ..PLAIN
    },
    // A bill for what the business called off: "an invoice for a visit that he himself
    // cancelled", "une facture pour une visite qu'il a lui-même annulée".
    Pair {
        first: BILL,
        then: &[
            "cancelled", "canceled", "cancelo", "cancelaron", "annule", "annulee", "annules",
            "abgesagt", "storniert", "annullato", "annullata", "disdetto", "cancelou",
            "cancelaram",
        ],
        within: 12,
        relative: true,
        one_clause: true,
        ..PLAIN
    },
    // A fault hidden, and back: "the damp patch freshly painted over, and it was back within a
    // month", "la mancha de humedad … volvió a salir", "der Fleck … war wieder da".
    Pair {
        first: &[
            "damp", "mould", "mold", "leak", "crack", "humedad", "moho", "gotera", "grieta",
            "humidite", "moisissure", "fuite", "fissure", "feuchtigkeitsfleck", "schimmel",
            "feuchtigkeit", "riss", "umidita", "muffa", "perdita", "crepa", "humidade", "bolor",
            "infiltracao", "fissura",
        ],
        then: &[
            "was back", "is back", "back again", "reappeared", "volvio a salir",
            "volvio a aparecer", "ha vuelto a salir", "est revenue", "est revenu", "reapparu",
            "reapparue", "wieder da", "wieder aufgetaucht", "ricomparsa", "ricomparso",
            "ricomparse", "voltou a aparecer", "voltou a surgir",
        ],
        within: 14,
        told: true,
        unnegated: true,
        ..PLAIN
    },
    // A parcel left in a bin: "left our parcel in the recycling bin", "unser Paket in die
    // Wertstofftonne gelegt", "deixou a encomenda no contentor do lixo".
    Pair {
        first: &[
            "parcel", "package", "parcels", "packages", "paquete", "colis", "paket", "pacco",
            "encomenda", "pacote",
        ],
        then: &[
            "bin", "bins", "wheelie", "contenedor", "cubo", "poubelle", "poubelles", "tonne",
            "mulltonne", "wertstofftonne", "papiertonne", "biotonne", "altpapiertonne",
            "bidone", "cassonetto", "pattumiera", "contentor", "caixote",
        ],
        within: 8,
        one_clause: true,
        told: true,
        ..PLAIN
    },
    // A child sent home in another's things: "sent my son home in another child's coat", "mandó
    // a mi hijo a casa con el abrigo de otro niño", "in der Jacke eines anderen Kindes".
    Pair {
        first: &[
            "sent", "came", "mando", "mandaron", "volvio", "renvoye", "envoye", "revenu", "rentre",
            "geschickt", "kam", "mandato", "tornato", "tornata", "mandou", "mandaram", "veio",
        ],
        then: &[
            "another child's", "another childs", "another kid's", "another kids", "de otro nino",
            "de otra nina", "d'un autre enfant", "d'une autre enfant", "eines anderen kindes",
            "di un altro bambino", "di un'altra bambina", "de outra crianca", "de outro menino",
            "de outra menina",
        ],
        within: 12,
        one_clause: true,
        ..PLAIN
    },
    // Dyed another colour than asked: "dyed my hair orange instead of copper", "me tiñó el pelo
    // de naranja en vez de cobrizo", "statt kupfer gefärbt".
    Pair {
        first: &[
            "dyed", "coloured", "colored", "tinted", "bleached", "tino", "tineron", "tenido",
            "teint", "teints", "teinte", "gefarbt", "getont", "tinto", "tinti", "tinta",
            "pintou", "pintaram", "pintado",
        ],
        then: INSTEAD,
        within: 8,
        one_clause: true,
        ..PLAIN
    },
    // A child lost sight of: "a perdu notre fille de vue", "perdeu a nossa filha de vista".
    Pair {
        first: &["perdio", "perdieron", "perdu", "perdue", "perdeu", "perderam", "perso", "persa"],
        then: &["de vista", "de vue", "di vista"],
        within: 5,
        one_clause: true,
        ..PLAIN
    },
    // A repair that did not hold: "three weeks after the roofer fixed the leak, water is coming
    // through again", "tres semanas después de que arreglara la gotera, vuelve a entrar agua".
    Pair {
        first: &[
            "days after", "weeks after", "months after", "day after", "week after",
            "month after", "dias despues", "semanas despues", "meses despues", "dia despues",
            "semana despues", "mes despues", "jours apres", "semaines apres", "mois apres",
            "jour apres", "semaine apres", "tage nachdem", "wochen nachdem", "monate nachdem",
            "tag nachdem", "woche nachdem", "monat nachdem", "giorni dopo", "settimane dopo",
            "mesi dopo", "giorno dopo", "settimana dopo", "mese dopo", "dias depois",
            "semanas depois", "meses depois", "dia depois", "semana depois", "mes depois",
        ],
        then: &[
            "again", "vuelve a", "volvio a", "otra vez", "de nuevo", "recommence", "de nouveau",
            "a nouveau", "wieder", "di nuovo", "ancora una volta", "volta a", "voltou a",
            "outra vez", "de novo",
        ],
        via: &[
            "fixed", "repaired", "mended", "sorted", "arreglara", "arreglo", "arreglaron",
            "arreglado", "reparara", "reparo", "repararon", "reparado", "repare", "reparee",
            "repares", "repariert", "reparierte", "riparato", "riparata", "aggiustato",
            "aggiustata", "sistemato", "arranjado", "arranjou", "arranjaram", "reparou",
            "repararam", "consertou", "consertado",
        ],
        within: 18,
        told: true,
        unnegated: true,
        ..PLAIN
    },
    // Given back with what it did not have: "sent our dog home with fleas and a cough he didn't
    // have when we dropped him off", "nos devolvió al perro con … una tos que no tenía".
    Pair {
        first: &[
            "sent", "returned", "devolvio", "devolvieron", "rendu", "rendue", "renvoye",
            "zuruckgegeben", "zuruckgebracht", "restituito", "restituita", "devolveu",
            "devolveram",
        ],
        then: &[
            "didn't have", "didnt have", "did not have", "no tenia", "n'avait pas",
            "nicht hatte", "nicht gehabt", "non aveva", "nao tinha",
        ],
        within: 16,
        told: true,
        ..PLAIN
    },
    // A car's part torn off: "snapped off my wing mirror", "me arrancaron el retrovisor".
    Pair {
        first: &[
            "snapped", "ripped", "tore", "knocked", "arrancaron", "arranco", "arrancado",
            "arrache", "arrachee", "abgerissen", "abgebrochen", "staccato", "staccata",
            "strappato", "arrancou", "arrancaram", "partiu",
        ],
        then: &[
            "mirror", "wiper", "wipers", "aerial", "antenna", "bumper", "retrovisor", "espejo",
            "limpiaparabrisas", "antena", "parachoques", "retroviseur", "essuie glace",
            "antenne", "pare chocs", "spiegel", "aussenspiegel", "scheibenwischer",
            "stossstange", "specchietto", "tergicristallo", "paraurti", "espelho",
        ],
        within: 5,
        one_clause: true,
        told: true,
        ..PLAIN
    },
    // German puts the tearing after the part: "hat mir den Außenspiegel abgerissen".
    Pair {
        first: &[
            "spiegel", "aussenspiegel", "außenspiegel", "scheibenwischer", "antenne",
            "stossstange", "stoßstange",
        ],
        then: &["abgerissen", "abgebrochen"],
        within: 3,
        one_clause: true,
        told: true,
        ..PLAIN
    },
    // A promise, then something else done: "promised a needle, then used a gun", "prometieron
    // usar aguja, luego usaron pistola", "hat eine Nadel versprochen, dann eine Pistole benutzt".
    Pair {
        first: &[
            "promised", "prometieron", "prometio", "promis", "versprochen", "promesso",
            "prometeu", "prometeram",
        ],
        then: &[
            "used", "usaron", "uso", "utilise", "utilisee", "benutzt", "verwendet", "usato",
            "usata", "usou", "usaram",
        ],
        via: &["then", "luego", "despues", "puis", "dann", "poi", "depois"],
        within: 10,
        ..PLAIN
    },
    // Forgotten entirely: "the caterer forgot the vegetarian platters entirely", "se olvidó
    // por completo", "si è dimenticato del tutto", "esqueceu-se completamente"; not the
    // writer's own ("I forgot", "me olvidé", "mi sono dimenticato", "esqueci-me").
    Pair {
        first: &[
            "forgot", "olvido", "olvidaron", "dimenticato", "dimenticata", "dimenticati",
            "esqueceu", "esqueceram",
        ],
        then: &[
            "entirely", "completely", "altogether", "por completo", "completamente",
            "totalmente", "del tutto",
        ],
        not_after: &["i", "we", "sono", "siamo"],
        within: 6,
        one_clause: true,
        ..PLAIN
    },
    // … said before the forgetting: "they completely forgot our order", "a complètement
    // oublié", "hat … komplett vergessen"; not "j'ai complètement oublié".
    Pair {
        first: &["completely", "totally", "completement", "totalement", "komplett", "vollig"],
        then: &["forgot", "oublie", "oubliee", "oublies", "vergessen"],
        not_after: &["i", "we", "j'ai", "ai", "avons", "habe", "haben", "es"],
        within: 2,
        one_clause: true,
        ..PLAIN
    },
    // What the business broke, then billed for: "cracked the new pane while fitting it and then
    // billed us for a second one"; not the writer's own ("I cracked my screen"), nor a thing
    // found cracked and mended free ("un martelletto incrinato … senza farsi pagare").
    Pair {
        first: &[
            "cracked", "broke", "smashed", "rajo", "rompio", "rompieron", "fele", "casse",
            "zerbrochen", "incrinato", "rotto", "rachou", "partiu", "partiram",
        ],
        then: &[
            "billed", "charged", "cobro", "cobraron", "facture", "berechnet", "rechnung",
            "fatto pagare", "cobrou", "cobraram",
        ],
        not_after: &[
            "i", "we", "j'ai", "ai", "ich", "ho", "abbiamo", "eu", "he", "hemos", "a", "an", "the",
            "un", "una", "une", "uno", "um", "uma", "el", "la", "le", "il", "o",
        ],
        within: 14,
        ..PLAIN
    },
    // Doubled without a word: "doubled the direct debit without a word", "a doublé le
    // prélèvement sans prévenir"; German says it first: "ohne ein Wort verdoppelt".
    Pair {
        first: &[
            "doubled", "raised", "increased", "duplico", "duplicaron", "double", "raddoppiato",
            "aumentato", "duplicou", "duplicaram",
        ],
        then: &[
            "without a word", "without warning", "without telling", "sin avisar", "sans prevenir",
            "sans rien dire", "senza dire niente", "senza avvisare", "sem avisar",
        ],
        within: 6,
        one_clause: true,
        ..PLAIN
    },
    Pair {
        first: &["ohne ein wort", "ohne vorwarnung", "kommentarlos"],
        then: &["verdoppelt", "erhoht", "angehoben"],
        within: 4,
        one_clause: true,
        ..PLAIN
    },
    // Paid extra, and given the ordinary kind: "Paid extra for museum glass … it came back with
    // ordinary glass", "extra für Museumsglas … bezahlt, und es kam mit normalem Glas". Not the
    // ordinary time or price ("came back in half the normal time").
    Pair {
        first: &[
            "paid extra", "paid more", "paying extra", "pague extra", "pagamos extra",
            "pague de mas", "supplement", "extra fur", "aufpreis", "pagato un extra",
            "pagato in piu", "paguei a mais", "pagamos a mais",
        ],
        then: &[
            "ordinary", "normal", "regular", "standard", "ordinaire", "ordinaires",
            "corriente", "normalem", "normalen", "normales", "normale", "gewohnlichem",
            "gewohnliches", "normali", "comum", "normais",
        ],
        via: &[
            "came", "got", "gave", "given", "delivered", "arrived", "fitted", "vino", "llego",
            "devolvieron", "dieron", "pusieron", "revenu", "revenue", "arrive", "arrivee", "livre",
            "livree", "donne", "pose", "kam", "bekommen", "geliefert", "eingebaut", "tornato",
            "tornata", "arrivato", "arrivata", "dato", "montato", "veio", "chegou", "deram",
            "entregaram", "montaram",
        ],
        unless_then: &[
            "time", "price", "rate", "tiempo", "precio", "temps", "prix", "zeit", "preis",
            "tempo", "prezzo", "preco",
        ],
        within: 22,
        ..PLAIN
    },
    // A gift that turned out less: "The brewery tour we gave my husband as a present turned out
    // to be a twenty-minute video", "que le regalamos a mi marido resultó ser", "qu'on a offerte
    // à mon mari s'est résumée à". Not one that turned out the best.
    Pair {
        first: &[
            "as a present", "as a gift", "regalamos", "regale", "offert", "offerte", "offerts",
            "geschenkt", "regalato", "regalata", "oferecemos", "ofereci",
        ],
        then: &[
            "turned out to be", "resulto ser", "s'est resume", "s'est resumee", "war am ende",
            "si e rivelata", "si e rivelato", "afinal era",
        ],
        unless_then: &[
            "best", "perfect", "amazing", "wonderful", "brilliant", "mejor", "perfecto",
            "perfecta", "meilleur", "meilleure", "parfait", "parfaite", "beste", "bester",
            "perfekt", "migliore", "perfetto", "perfetta", "melhor", "perfeito", "perfeita",
        ],
        within: 10,
        ..PLAIN
    },
    // Sent back, hung or printed the wrong way up: "sent it back with the pattern upside down",
    // "nos lo devolvió con el estampado del revés", "mit dem Muster auf dem Kopf
    // zurückgeschickt".
    Pair {
        first: &[
            "sent", "returned", "gave it back", "came back", "delivered", "fitted", "hung",
            "installed", "printed", "devolvio", "devolvieron", "colgaron", "instalaron",
            "imprimieron", "rendu", "rendue", "rendus", "pose", "posee", "installe", "accroche",
            "imprime", "restituita", "restituito", "restituiti", "montato", "montata", "appeso",
            "installato", "stampato", "devolveu", "devolveram", "montou", "montaram", "pendurou",
            "instalou", "imprimiu",
        ],
        then: &[
            "upside down", "inside out", "back to front", "del reves", "al reves", "a l'envers",
            "al contrario", "alla rovescia", "sottosopra", "de pernas para o ar", "do avesso",
        ],
        within: 14,
        told: true,
        ..PLAIN
    },
    Pair {
        first: &["auf dem kopf", "verkehrt herum", "falsch herum"],
        then: &[
            "zuruckgeschickt", "zuruckgegeben", "zuruckgebracht", "geliefert", "bezogen",
            "montiert", "aufgehangt",
        ],
        within: 4,
        told: true,
        ..PLAIN
    },
    // Sold as new: "sold me a tester as a new bottle", "me vendió un probador como si fuera un
    // frasco nuevo", "m'a vendu un testeur comme un flacon neuf"; German says it first ("als
    // neue Flasche verkauft").
    Pair {
        first: &[
            "sold", "vendio", "vendieron", "vendu", "vendue", "venduto", "venduta", "vendeu",
            "venderam",
        ],
        then: &[
            "new", "brand new", "nuevo", "nueva", "neuf", "neuve", "nuovo", "nuova", "novo",
            "nova",
        ],
        via: &["as", "como", "comme", "come"],
        within: 9,
        one_clause: true,
        ..PLAIN
    },
    Pair {
        first: &["als neu", "als neue", "als neuen", "als neues", "als neuer"],
        then: &["verkauft"],
        within: 4,
        one_clause: true,
        ..PLAIN
    },
    // German puts the dye after what it should have been: "orange statt kupfer gefärbt".
    Pair {
        first: &["statt", "anstatt"],
        then: &["gefarbt", "getont"],
        within: 3,
        one_clause: true,
        ..PLAIN
    },
];
