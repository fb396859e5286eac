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
