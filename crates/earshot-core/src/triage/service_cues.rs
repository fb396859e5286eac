//! More complaint cue phrases, of a service that failed the writer at the desk or on the phone:
//! a booking given twice, a car towed from the car park, a call hung up, a voucher refused.
//! Folded as `matcher::fold` folds a post, in each modelled language; weaker than
//! `complaint_cues::COMPLAINT_CUES`, after which they are read. Earshot's own list.

#[rustfmt::skip]
pub(super) const SERVICE_CUES: &[&str] = &[
    // A booking given twice: "they'd double-booked the therapist", "doppelt gebucht".
    "double-booked", "double booked", "double-booking", "double booking", "overbooked",
    "overbooking", "surbooking", "sobreventa", "doppelt gebucht", "doppelt vergeben",
    "doppelt belegt", "prenotazione doppia",
    // Towed from the car park.
    "got towed", "was towed", "been towed", "towed my car", "towed our car", "la grua se llevo",
    "se llevaron mi coche", "se llevo mi coche", "par la fourriere", "mise a la fourriere",
    "mis a la fourriere", "wurde abgeschleppt", "abgeschleppt worden", "rimosso l'auto",
    "rimosso la macchina", "rimosso la mia auto", "o reboque levou", "rebocaram o meu carro",
    "rebocaram meu carro",
    // Hung up on, cut off.
    "hung up on me", "hung up on us", "hangs up on", "hang up on me", "keep hanging up",
    "kept hanging up", "got cut off", "cut me off", "me colgaron",
    "me cuelgan", "me han colgado", "nos colgaron", "raccroche au nez", "m'a raccroche",
    "nous a raccroche", "einfach aufgelegt", "hat aufgelegt", "wurde aufgelegt",
    "legt einfach auf", "legen einfach auf", "mi hanno riattaccato", "mi ha riattaccato",
    "ci hanno riattaccato", "riattaccano", "desligaram na cara", "desligou na cara",
    "desligaram-me", "desligou-me", "na minha cara",
    // A voucher, a card or a return refused.
    "wouldn't accept", "wouldnt accept", "would not accept", "refused to accept",
    "didn't accept", "did not accept", "no me aceptaron", "no aceptaron", "no quisieron aceptar",
    "a refuse ma", "ont refuse ma", "m'a refuse", "nous a refuse", "nicht angenommen",
    "nicht akzeptiert", "non mi hanno accettato", "non hanno accettato", "non ha accettato",
    "nao aceitaram", "nao aceitou", "nao quiseram aceitar",
    // Waited all day for the technician; nobody told us; the wrong size; charged for it.
    "todo el dia esperando", "esperando todo el dia", "toda la manana esperando",
    "o dia todo a espera", "a manha toda a espera", "fiquei a espera", "nobody told us",
    "no one told us", "nadie nos aviso", "nadie me aviso", "nadie nos dijo", "nadie me dijo",
    "personne ne nous a dit", "personne ne m'a dit", "niemand hat uns gesagt",
    "niemand hat mir gesagt", "nessuno mi ha detto", "nessuno ci aveva detto",
    "nessuno ci aveva parlato", "ninguem nos avisou", "ninguem nos disse", "ninguem me disse",
    "sizes too small", "sizes too big", "size too small", "size too big", "trop petit",
    "trop petite", "tailles trop", "zu klein", "nummern zu", "troppo piccolo", "troppo piccola",
    "taglie piu piccol", "demasiado pequeno", "demasiado pequena", "tallas mas pequen",
    "muito pequeno", "muito pequena", "ci ha addebitato", "mi ha addebitato",
    "ci hanno addebitato",
    // Came ripped; only part of the order came.
    "arrived ripped", "came ripped", "with a ripped", "arrived torn", "came torn", "with a torn",
    "only one turned up", "only one arrived", "only one came", "only half arrived",
    "only half turned up", "solo llego uno", "solo llego una", "solo llego la mitad",
    "n'est arrive qu'un", "seule la moitie", "nur die halfte", "nur einer kam", "nur eine kam",
    "e arrivata solo meta", "e arrivato solo uno", "so chegou um", "so chegou uma",
    "so chegou metade", "so veio um", "so veio uma",
    // The staff shrugged; still not had it; won't be coming back.
    "just shrugged", "only shrugged", "and shrugged", "shrugged at us", "shrugged at me",
    "se encogio de hombros", "se encogieron de hombros", "hausse les epaules",
    "mit den schultern gezuckt", "mit der schulter gezuckt", "alzato le spalle",
    "alzata di spalle", "encolheu os ombros", "encolheram os ombros", "still haven't had",
    "still havent had", "still not had", "still haven't received", "still havent received",
    "still not received", "immer noch keine", "non abbiamo ancora ricevuto",
    "non ho ancora ricevuto", "non abbiamo ricevuto", "ainda nao recebemos",
    "won't be coming back", "wont be coming back", "not be coming back", "komme nicht wieder",
    "kommen nicht wieder",
    // Food ran out before the guests had eaten.
    "ran out of food", "run out of food", "ran out of drinks", "not enough food",
    "se acabo la comida", "se quedaron sin comida", "no hubo comida suficiente",
    "plus rien a manger", "pas assez a manger", "das essen alle", "das essen war alle",
    "nicht genug essen", "nicht genug zu essen", "finito il cibo", "cibo e finito",
    "cibo non bastava", "non c'era abbastanza cibo", "acabou a comida", "comida acabou",
    "comida nao chegou para", "acabou antes de metade",
    // Spelled wrong; the wrong colour; wilted on the day; the prescription wrong.
    "spelled wrong", "spelt wrong", "misspelled my", "misspelt my", "spelled my name wrong",
    "mal escrito", "mal escrita", "mal orthographie", "mal orthographiee", "falsch geschrieben",
    "falsch geschriebenem", "falsch geschriebenen", "scritto sbagliato", "scritto male",
    "era de otro color", "eran de otro color",
    "llego de otro color", "vino de otro color", "color equivocado", "mauvaise couleur",
    "pas de la bonne couleur", "falsche farbe", "falschen farbe", "colore sbagliato",
    "cor errada", "already wilting", "already wilted", "ya estaba marchito",
    "ya estaba marchita", "ya estaban marchitas", "ya estaban marchitos", "deja fane",
    "deja fanees", "deja fanes", "schon verwelkt", "gia appassito", "gia appassita",
    "gia appassiti", "ja estava murcho", "ja estava murcha", "ja estavam murchas",
    "correction est fausse", "correction etait fausse", "la correction est mauvaise",
    // Closed when we arrived; blank pages; not a word said; charged though it was included.
    "closed when we arrived", "closed when we got there", "locked when we arrived",
    "locked when we got there", "cerrado cuando llegamos", "cerrada cuando llegamos",
    "ferme a notre arrivee", "ferme quand nous sommes arrives", "ferme quand on est arrive",
    "war zu, als wir", "war zu als wir", "geschlossen, als wir", "geschlossen als wir",
    "chiuso quando siamo arrivati", "chiusa quando siamo arrivati", "fechado quando chegamos",
    "fechada quando chegamos", "pages were blank", "blank pages", "paginas en blanco", "paginas estaban en blanco",
    "pages blanches", "pages etaient blanches", "seiten war leer", "seiten waren leer",
    "leere seiten", "pagine bianche", "pagine erano bianche", "pagine vuote", "paginas em branco",
    "paginas estava em branco", "paginas estavam em branco", "ni nos lo dijeron",
    "ni nos dijeron nada", "sin decirnos nada", "non ci hanno detto niente",
    "non ci hanno detto nulla", "senza dirci niente", "senza dirci nulla",
    "trotzdem auf der rechnung", "stand es auf der rechnung", "cobraram-nos a mesma",
    "cobraram a mesma", "cobraram na mesma", "cobrou na mesma", "cobrou a mesma",
    // Charged double; the long way round.
    "charged double", "charged us double", "charged me double", "cobro el doble",
    "cobraron el doble", "payer le double",
    "facture le double", "das doppelte verlangt", "das doppelte berechnet",
    "pagare il doppio", "cobrou o dobro", "cobraram o dobro",
    "cobrou-nos o dobro", "dio un rodeo", "dio una vuelta enorme", "umweg gefahren",
    "giro lunghissimo", "giro piu lungo", "deu uma volta enorme", "deu uma volta maior",
    // Too much to ask; laughed at; past its date.
    "too much to ask", "mucho pedir", "demasiado pedir", "trop demander", "zu viel verlangt",
    "chiedere troppo", "pedir muito", "pedir demais", "pedir de mais",
    "laughed at me", "laughed at us", "laughing at me", "laughing at us", "se rio de mi",
    "se rieron de mi", "se rio de nosotros", "se rieron de nosotros", "s'est moque de moi",
    "s'est moquee de moi", "se sont moques de moi", "s'est moque de nous",
    "s'est moquee de nous", "se sont moques de nous", "hat mich ausgelacht",
    "haben mich ausgelacht", "hat uns ausgelacht", "haben uns ausgelacht", "mi ha riso in faccia",
    "mi hanno riso in faccia", "ci ha riso in faccia", "ci hanno riso in faccia",
    "riu-se de mim", "riram-se de mim", "riu-se de nos", "riram-se de nos", "riu de mim",
    "riram de mim", "past its date", "past their date", "past its use by", "past its sell by",
    "was out of date", "were out of date", "already expired", "estaba caducado",
    "estaba caducada", "estaban caducados", "estaban caducadas", "etait perime",
    "etait perimee", "etaient perimes", "etaient perimees", "war abgelaufen",
    "waren abgelaufen", "wochen abgelaufen", "tagen abgelaufen", "era scaduto", "era scaduta",
    "erano scaduti", "erano scadute", "fora do prazo", "fora da validade", "fora de validade",
    // Woken by the business; the call cut; the booking never confirmed; a refund refused.
    "wake the whole", "wakes the whole", "woke the whole", "wake up the whole",
    "wakes up the whole", "wake everyone up", "wakes everyone up", "woke everyone up",
    "wake us up at", "wakes us up at", "woke us up at", "despiertan a toda", "despiertan a todo",
    "nos despiertan", "nos despierta", "reveillent toute", "reveillent tout", "nous reveillent",
    "nous reveille", "wecken jeden morgen", "weckt jeden morgen", "wecken die ganze",
    "weckt die ganze", "wecken uns", "weckt uns", "svegliano tutta", "svegliano tutto",
    "svegliano tutti", "ci svegliano", "acordam a rua", "acordam o bairro", "acordam-nos",
    "ils ont raccroche", "il a raccroche", "elle a raccroche", "on m'a raccroche",
    "hanno chiuso la chiamata", "ha chiuso la chiamata", "chiuso il telefono in faccia",
    "never got a confirmation", "never got any confirmation", "never received a confirmation",
    "never received any confirmation", "no confirmation email", "nie eine bestatigung",
    "keine bestatigung", "nie eine buchungsbestatigung", "keine buchungsbestatigung",
    "mai arrivata la conferma", "mai ricevuto la conferma", "nessuna conferma",
    "no quisieron devolver", "mala educacion", "schon abgelaufen", "bereits abgelaufen",
    "gia scaduto", "gia scaduta", "gia scaduti", "gia scadute",
    // Kept awake by the business; asked whether answering is so hard.
    "keeps us awake", "kept us awake", "keep us awake", "keeps me awake", "kept me awake",
    "awake until", "awake till", "awake all night", "no nos deja dormir", "no me deja dormir",
    "no nos dejan dormir", "no me dejan dormir", "nous empeche de dormir",
    "m'empeche de dormir", "nous empechent de dormir", "uhr wach", "nachts wach",
    "nacht wach", "lasst uns nicht schlafen", "lassen uns nicht schlafen",
    "non ci fa dormire", "non ci fanno dormire", "non ci lascia dormire", "svegli fino",
    "svegli tutta la notte", "nao nos deixa dormir", "nao me deixa dormir",
    "nao nos deixam dormir", "tan dificil es", "es tan dificil", "tan complicado es",
    "es tan complicado", "si complique de", "si difficile de", "si dur de", "ist es so schwer",
    "ist es so schwierig", "ist das so schwer", "e cosi difficile", "e cosi complicato",
    "tanto difficile", "assim tao dificil", "e tao dificil", "tao dificil e",
    // The business refused: "they refused to refund a kettle", "se negaron a", "weigern sich".
    "refused to refund", "refused to give", "refused to replace", "refused to exchange",
    "refused to fix", "refused to repair", "refused to honour", "refused to honor",
    "refused to help", "refused to take it back", "refused a refund", "refused me a refund",
    "refused us a refund", "se negaron a", "se nego a", "se niegan a", "se niega a",
    "ont refuse de", "a refuse de", "refusent de", "weigern sich", "weigert sich",
    "weigerte sich", "weigerten sich", "si sono rifiutati", "si e rifiutato",
    "si e rifiutata", "si rifiutano di", "si rifiuta di", "hanno rifiutato di",
    "recusaram-se", "recusou-se", "recusam-se", "recusa-se",
    // Chasing a complaint already made; the same thing for half the price elsewhere; "you are a
    // joke".
    "ma reclamation", "ma plainte", "meiner reklamation", "meine reklamation",
    "meiner beschwerde", "meine beschwerde", "half the price at", "half the price in",
    "half the price elsewhere", "half the price down", "cuesta la mitad", "moitie moins cher",
    "kostet die halfte", "die halfte kostet", "costa la meta",
    "costa meta", "custa metade", "metade do preco", "sois un chiste", "sois una broma",
    "sois una verguenza", "vous etes une blague", "c'est une blague", "ihr seid ein witz",
    "ist ein witz", "siete una barzelletta", "siete ridicoli", "sono una barzelletta",
    "voces sao uma piada", "sao uma piada", "e uma piada",
    // Slowness, named.
    "lentitud", "lenteur", "langsamkeit", "lentezza", "lentidao",
    // The tradesman who never came back; the room that smelled of cigarettes; music too loud to
    // talk over.
    "never came back", "nunca volvio", "nunca mas volvio", "no volvio nunca",
    "n'est jamais revenu", "ne sont jamais revenus", "nie wiedergekommen", "nie wieder gekommen",
    "nie zuruckgekommen", "nicht wiedergekommen", "non e piu tornato", "non sono piu tornati",
    "nunca mais voltou", "nunca mais voltaram", "nach zigaretten", "nach rauch gestunken",
    "cheirava a tabaco", "cheirava tudo a", "puzzava tutto di", "puzzava di sigaretta",
    "olia todo a", "music so loud", "music was so loud", "musica tan alta",
    "musique tellement forte", "musique si forte", "musik so laut", "musik war so laut",
    "musica cosi alta", "musica era cosi alta", "musica tao alta", "couldn't hear each other",
    "couldnt hear each other", "no nos oiamos", "on ne s'entendait pas", "non ci sentivamo",
    "nao nos ouviamos",
    // An app that throws the writer out, or cannot be used.
    "logged me out", "me cierra la sesion", "me deconnecte",
    "meldet mich alle", "meldet mich standig", "meldet mich dauernd", "mi disconnette",
    "termina a sessao", "unusable", "inutilizable",
    "imposible usarla", "imposible usarlo", "inutilisable", "unbenutzbar", "inutilizzabile",
    "inutilizavel", "impossivel usar",
    // Fees nobody mentioned; soaked in the rain; wilted on arrival; home all day for nothing.
    "hidden fees", "hidden charges", "cargos ocultos", "gastos ocultos", "frais caches",
    "jamais mentionnes", "jamais mentionne", "versteckte kosten", "versteckte gebuhren",
    "spese nascoste", "mai indicate", "mai indicati", "mai menzionate", "taxas escondidas",
    "todo empapado", "alles durchnasst", "tutto fradicio", "chegaram murchas",
    "chegaram murchos", "chegou murcho", "chegou murcha", "was home all day",
    "was in all day", "estuve todo el dia en casa", "estaba en casa todo el dia",
    "j'etais la toute la journee", "j'etais chez moi toute la journee",
    "den ganzen tag zu hause", "ero a casa tutto il giorno", "estive em casa o dia todo",
    "estava em casa o dia todo",
    // Shrunk at the cleaner's, and blamed on the writer: "says it was already like that".
    "shrank my", "shrunk my", "encogio mi", "encogieron mi", "fait retrecir", "a retreci",
    "ont retreci", "eingehen lassen", "ist eingelaufen", "ha ristretto", "hanno ristretto",
    "encolheu o", "encolheu a", "encolheram o", "already like that", "ya venia asi",
    "ya estaba asi", "deja comme ca", "behauptet, er war schon", "behauptet, sie war schon",
    "behauptet, es war schon", "war angeblich schon", "era gia cosi", "ja vinha assim",
    "ja estava assim",
    // Came in for a trim, left with half the hair; the booking site crashed.
    "half my hair", "media melena", "la mitad del pelo", "moitie des cheveux",
    "halb so langen haaren", "halb so lange haare", "meta capelli", "meta dei capelli",
    "metade do cabelo", "web se colgo", "pagina se colgo", "site a plante", "site plantait",
    "seite abgesturzt", "seite ist abgesturzt", "sito si e bloccato", "sito si blocca",
    "site foi abaixo", "site vai abaixo",
    // Not even a coffee; twice the distance; one till open for the whole shop.
    "wouldn't even give", "wouldnt even give", "wouldn't even let", "wouldnt even let",
    "no nos dieron ni", "no me dieron ni", "gab es nicht mal", "gab es nicht einmal",
    "nicht mal mehr", "non ci hanno dato neanche", "non mi hanno dato neanche",
    "nem nos deram", "nem me deram", "cafe nos deram", "twice the distance",
    "el doble de kilometros", "el doble de distancia", "doppelt so weit", "o dobro da distancia",
    "o dobro dos quilometros", "only one checkout", "only one till", "just one checkout",
    "une seule caisse", "nur eine kasse", "una sola cassa",
];

#[cfg(test)]
mod tests {
    use super::SERVICE_CUES;
    use crate::triage::complaint_cues::COMPLAINT_CUES;

    #[test]
    fn every_cue_is_folded_and_said_once() {
        for (i, c) in SERVICE_CUES.iter().enumerate() {
            assert_eq!(*c, crate::matcher::fold(c), "not folded: {c}");
            assert!(!SERVICE_CUES[..i].contains(c), "twice: {c}");
            assert!(!COMPLAINT_CUES.contains(c), "also in COMPLAINT_CUES: {c}");
        }
    }
}
