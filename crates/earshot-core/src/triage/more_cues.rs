//! Yet more complaint cue phrases, read after `service_cues.rs`'s and tested with them: a charge
//! for keeping what the business kept too long, a liberty taken without asking, money a machine
//! took twice, a plate misread, a reproach asked as a question, a child lost sight of, a digit
//! missing from a print, a fuse that trips since the work, a door left unlocked, a screen with dead
//! pixels, staff who came drunk, "who decided", rounds never made, a fault excused as meant, a
//! promise put off at every call, a penalty passed on, a paper that clearly says otherwise, a fault
//! passed to the bank, the writer's own form blamed. Folded as `matcher::fold` folds a post, in
//! each modelled language. Earshot's own list.

#[rustfmt::skip]
pub(super) const MORE_CUES: &[&str] = &[
    // Charged for storage after keeping the thing a month: "then charged me for storage".
    "charged me for storage", "charged us for storage", "storage fee", "cobro el almacenaje",
    "cobraron el almacenaje", "facture le stockage", "frais de stockage", "lagergebuhr",
    "lagergebuhren", "spese di deposito", "costi di deposito", "fatto pagare il deposito",
    "cobrou o armazenamento", "taxa de armazenamento",
    // A liberty taken without asking: "suspended my membership without asking me first". Not a
    // bare "without asking me", which may go on "for a penny" (praise).
    "without asking me first", "without asking us first", "without consulting me",
    "without consulting us", "sin preguntarme", "sin preguntarnos", "sin consultarme",
    "sin consultarnos", "sans me consulter", "sans nous consulter", "sans me demander mon avis",
    "ohne mich zu fragen", "ohne uns zu fragen", "senza chiedermelo", "senza chiedercelo",
    "senza consultarmi", "senza consultarci", "sem me perguntar", "sem nos perguntar",
    "sem me consultar", "sem nos consultar",
    // Money taken twice by a machine, and told to write in.
    "took our money twice", "took my money twice", "took the money twice",
    "write to head office", "write to customer services",
    // A camera that misread the plate.
    "misread our", "misread my", "leyo mal", "a mal lu", "falsch gelesen", "letto male",
    "leu mal",
    // Broken, in the subjunctive a reproach asks in ("que … esteja avariado").
    "esteja avariado", "esteja avariada", "estejam avariados", "este estropeado",
    "este estropeada", "este averiado", "este averiada",
    // How it can be acceptable: a reproach as a question.
    "how is it acceptable", "how is this acceptable", "how can it be acceptable",
    "como es aceptable", "como puede ser aceptable", "comment est-il acceptable",
    "comment est-ce acceptable", "wie kann es sein, dass", "wie kann das sein",
    "come e accettabile", "come puo essere accettabile", "como e aceitavel",
    // A child out of sight ("lost track of our daughter for forty minutes").
    "lost track of", "perdio de vista", "perdieron de vista", "aus den augen verloren",
    "perso di vista", "persa di vista", "perdeu de vista",
    // A digit missing, and the reprint to pay for.
    "digito de menos", "chiffre en moins", "quiere cobrarnos", "quieren cobrarnos",
    "veut qu'on paie", "veut qu'on paye", "veulent qu'on paie",
    // The fuse tripped since the work: "and now the fridge trips the fuse every night".
    "trips the fuse", "trips the electrics", "hace saltar los plomos", "saltan los plomos",
    "fait sauter les plombs", "font sauter les plombs", "lost die sicherung aus",
    "fliegt die sicherung raus", "fa saltare la corrente", "salta la corrente",
    "disjuntor abaixo", "vai o disjuntor",
    // A door left unlocked by the trades: "left our front door unlocked overnight".
    "left the door unlocked", "left our door unlocked", "left our front door unlocked",
    "dejaron la puerta abierta", "dejaron la puerta de casa abierta", "porte d'entree deverrouillee",
    "porte deverrouillee", "unverschlossen gelassen", "lasciato la porta aperta",
    "lasciato la porta di casa aperta", "porta destrancada", "porta de casa destrancada",
    // Staff who came drunk: "turned up drunk and swore in front of the children".
    "turned up drunk", "showed up drunk", "came drunk", "llego borracho", "llego borracha",
    "vino borracho", "arrive ivre", "arrivee ivre", "arrive saoul", "kam betrunken",
    "erschien betrunken", "arrivato ubriaco", "arrivata ubriaca", "venuto ubriaco",
    "chegou bebedo", "chegou bebado", "chegou bebeda", "veio bebedo",
    // Who decided it, asked as a reproach: "Who decided the new menu should drop every
    // vegetarian main?"
    "who decided", "whose idea was it", "quien decidio", "a qui l'idee", "qui a decide",
    "wer hat entschieden", "wer hat beschlossen", "chi ha deciso", "quem decidiu",
    // Paid for rounds never made: "hasn't been round once".
    "hasn't been round once", "not been round once", "hasnt been round once",
    // A fault excused as meant: "the baker says it's meant to look rustic".
    "says it's meant to", "says its meant to", "said it was meant to", "dit que c'est voulu",
    "dit que c'etait voulu", "dice che e voluto", "dice che era voluto", "diz que e de proposito",
    "disse que era de proposito", "dice que es a proposito", "dice que es intencionado",
    // Chased by phone, and put off again: "the shop still says 'next week' every time I
    // call". Stands only beside "still" or what went wrong (`repeat.rs`).
    "every time i call", "every time i ring", "every time i phone", "each time i call",
    "cada vez que llamo", "cada vez que llamamos", "a chaque appel", "chaque fois que j'appelle",
    "bei jedem anruf", "jedes mal wenn ich anrufe", "ogni volta che chiamo",
    "ogni volta che telefono", "sempre que ligo", "cada vez que ligo", "sempre que telefono",
    // The business's own penalty passed on: "filed it late, and now he wants us to pay it".
    "wants us to pay it", "wants me to pay it", "quiere que la paguemos", "quiere que lo paguemos",
    "quiere que la pague yo", "veut qu'on la paie", "veut qu'on le paie", "veut qu'on la paye",
    "sollen wir ihn selbst zahlen", "sollen wir sie selbst zahlen", "sollen wir das selbst zahlen",
    "vuole che la paghiamo noi", "vuole che lo paghiamo noi", "quer que sejamos nos a paga-la",
    "quer que sejamos nos a paga-lo", "quer que a paguemos",
    // What the business did against its own paper: "my ticket clearly says I had until Friday",
    // "mi resguardo dice claramente", "auf meinem Pfandschein steht klar".
    "clearly says", "clearly states", "clearly stated", "dice claramente", "pone claramente",
    "dit clairement", "indique clairement", "steht klar", "steht eindeutig", "steht deutlich",
    "scritto chiaramente", "dice chiaramente", "diz claramente", "diz bem claro",
    // The fault passed to someone else: "the kiosk says it's the bank's problem", "dicen que es
    // cosa del banco", "das sei Sache der Bank".
    "the bank's problem", "the banks problem", "not our problem", "not their problem",
    "cosa del banco", "problema del banco", "no es nuestro problema", "probleme de la banque",
    "pas notre probleme", "pas leur probleme", "sache der bank", "problem der bank",
    "nicht unser problem", "problema della banca", "non e un nostro problema",
    "problema e do banco", "problema do banco", "nao e problema nosso",
    // The writer's own form blamed: "the shop says that's what I wrote on the form", "la
    // boutique prétend que c'est ce que j'ai écrit", "il negozio sostiene che è quello che ho
    // scritto".
    "that's what i wrote", "thats what i wrote", "what i wrote on the form", "lo que yo escribi",
    "ce que j'ai ecrit", "hatte ich so", "quello che ho scritto", "foi o que eu escrevi",
    "pretend que c'est",
    // A screen with dead pixels.
    "dead pixels", "dead pixel", "pixeles muertos", "pixels morts", "toter pixel", "tote pixel",
    "pixel morti", "pixeis mortos", "pixels mortos",
];

#[cfg(test)]
mod tests {
    use super::MORE_CUES;
    use crate::triage::complaint_cues::COMPLAINT_CUES;
    use crate::triage::service_cues::SERVICE_CUES;

    /// This list's cues and `service_cues.rs`'s, each folded, said once in the two, and not
    /// also in the first list.
    #[test]
    fn every_cue_is_folded_and_said_once() {
        let weaker: Vec<&str> = SERVICE_CUES.iter().chain(MORE_CUES).copied().collect();
        for (i, c) in weaker.iter().enumerate() {
            assert_eq!(*c, crate::matcher::fold(c), "not folded: {c}");
            assert!(!weaker[..i].contains(c), "twice: {c}");
            assert!(!COMPLAINT_CUES.contains(c), "also in COMPLAINT_CUES: {c}");
        }
    }
}
