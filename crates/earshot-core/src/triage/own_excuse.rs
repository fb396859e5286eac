//! The writer's own excuses: lateness told once it is over ("We turned up an hour late for our
//! table and they still served us the whole tasting menu", "Llegamos con una hora de retraso a la
//! reserva"), a cancellation in words the plan cues lack ("we'll have to cancel"), and the
//! illness that is its reason ("Mein Mann hat die Grippe, deshalb müssen wir leider absagen").
//! None is a breach by the business: the lateness phrases are read with
//! [`super::cue_lists::OWN_PLAN_CUES`], a lateness cue inside one is no complaint, and with a
//! concession after it ("and they still served us") the post is the writer's own plan; "flu" and
//! "Grippe" beside a plan are no bad word, as "sorry" is not. A business that kept the writer
//! waiting is still one ("your driver was an hour late"). Folded, as the cue lists are.
//! Earshot's own lists.

/// More of the writer's own change of plan ([`super::cue_lists::OWN_PLAN_CUES`]): a cancellation
/// said with "will have to", "donc", "quindi".
#[rustfmt::skip]
pub(super) const MORE_OWN_PLAN_CUES: &[&str] = &[
    "we'll have to cancel", "we will have to cancel", "we have to cancel", "i'll have to cancel",
    "i will have to cancel", "i have to cancel", "tenemos que cancelar", "vamos a tener que cancelar",
    "tendremos que cancelar", "nous devons donc annuler", "je dois donc annuler",
    "on doit donc annuler", "nous allons devoir annuler",
    "dobbiamo disdire", "dobbiamo annullare", "temos de cancelar",
    "tenho de cancelar", "vamos ter de cancelar", "vamos ter que cancelar",
];

/// Illness, the writer's or their family's, as the reason for a change of plan: no bad word
/// beside one ([`super::signals::own_plan_word`]). Folded.
#[rustfmt::skip]
pub(super) const ILL: &[&str] = &[
    "flu", "ill", "sick", "poorly", "fever", "covid", "gripe", "enfermo", "enferma", "fiebre",
    "grippe", "malade", "fievre", "krank", "fieber", "erkaltet", "erkaltung", "influenza",
    "malato", "malata", "febbre", "doente", "febre", "constipado", "constipada",
];

/// The writer, "I" or "we", late: arrived, turned up or got there, an hour or half an hour late,
/// or late alone; in each of the six languages.
#[rustfmt::skip]
pub(super) const OWN_LATENESS_CUES: &[&str] = &[
    "we turned up an hour late", "we arrived an hour late", "we were an hour late",
    "we got there an hour late", "i turned up an hour late", "i arrived an hour late",
    "i was an hour late", "we turned up half an hour late", "we arrived half an hour late",
    "we were half an hour late", "i was half an hour late", "i arrived half an hour late",
    "i turned up half an hour late", "i got there an hour late", "we got there late",
    "i got there late", "we turned up late",
    "we arrived late", "i turned up late", "i arrived late",
    "llegamos con una hora de retraso", "llegue con una hora de retraso",
    "llegamos una hora tarde", "llegue una hora tarde", "llegamos con media hora de retraso",
    "llegue con media hora de retraso", "llegamos media hora tarde", "llegue tarde",
    "nous sommes arrives avec une heure de retard", "on est arrives avec une heure de retard",
    "je suis arrive avec une heure de retard", "je suis arrivee avec une heure de retard",
    "nous sommes arrives avec une demi-heure de retard", "nous sommes arrives en retard",
    "on est arrives en retard", "je suis arrive en retard", "je suis arrivee en retard",
    "wir kamen eine stunde zu spat", "ich kam eine stunde zu spat",
    "wir waren eine stunde zu spat", "ich war eine stunde zu spat",
    "wir kamen eine halbe stunde zu spat", "wir kamen zu spat", "ich kam zu spat",
    "siamo arrivati con un'ora di ritardo", "sono arrivato con un'ora di ritardo",
    "sono arrivata con un'ora di ritardo", "siamo arrivati con mezz'ora di ritardo",
    "siamo arrivati in ritardo", "sono arrivato in ritardo", "sono arrivata in ritardo",
    "chegamos uma hora atrasados", "chegamos uma hora atrasadas", "cheguei uma hora atrasado",
    "cheguei uma hora atrasada", "chegamos com uma hora de atraso",
    "cheguei com uma hora de atraso", "chegamos meia hora atrasados", "chegamos atrasados",
    "cheguei atrasado", "cheguei atrasada",
    // Not lateness at all: "late" of the writer's dead ("my late nan's kitchen"), whose cue it
    // keeps from reading as a complaint all the same.
    "my late husband", "my late wife", "my late mum", "my late mom", "my late mother",
    "my late dad", "my late father", "my late nan", "my late gran", "my late grandma",
    "my late grandad", "my late grandpa", "my late grandmother", "my late grandfather",
    "my late son", "my late daughter", "my late brother", "my late sister", "my late partner",
    "our late mum", "our late dad", "our late mother", "our late father",
];

/// The word of lateness in each language, folded.
#[rustfmt::skip]
pub(super) const LATE: &[&str] = &[
    "late", "retraso", "tarde", "retard", "spat", "ritardo", "atrasados", "atrasadas", "atrasado",
    "atrasada", "atraso",
];

/// Sets aside the lateness words of the writer's own lateness (`told`, cues as the post says
/// them): to the models a word of its own, not the "late" of a delivery learned from tweets.
pub(super) fn set_aside(a: &mut super::text::Analysed, told: &[String]) {
    if told.is_empty() {
        return;
    }
    let folded = crate::matcher::fold(&told.join(" "));
    let said: Vec<&str> = folded.split(' ').filter(|w| LATE.contains(w)).collect();
    for t in &mut a.tokens {
        if said.contains(&crate::matcher::fold(&t.norm).as_str()) {
            t.set_aside();
        }
    }
}

/// A concession after it: "and they still served us", "y aun así", "et quand même", "und
/// trotzdem", "e lo stesso", "e mesmo assim". Folded.
#[rustfmt::skip]
const STILL: &[&str] = &[
    "still", "anyway", "even so", "aun asi", "igualmente", "quand meme", "malgre tout",
    "trotzdem", "dennoch", "lo stesso", "comunque", "ugualmente", "mesmo assim", "ainda assim",
    "na mesma",
];

/// The writer's own lateness (`told`) where the post concedes it was served all the same: then
/// it is the writer's own plan ([`super::signals::only_own_plan`]: no bad word beside it makes a
/// complaint). Without a concession the lateness only loses its cue, and the rest reads as it
/// would ("We were half an hour late and the receptionist shouted at us").
pub(super) fn conceded(a: &super::text::Analysed, told: Vec<String>) -> Vec<String> {
    if told.is_empty() || super::flags::says(&a.tokens, STILL.iter()) {
        told
    } else {
        Vec::new()
    }
}
