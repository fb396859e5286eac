//! Tests of `put_right.rs`: whole posts, read as the app reads them.

use crate::model::Sentiment;
use crate::triage::read;

/// A mishap and then the business's repair: praise, named by the repair, in each language.
#[test]
fn a_mishap_put_right_is_praise() {
    let cases = [
        (
            "Our washing machine broke on Saturday and the repair man came the same day and fixed it",
            "fixed",
        ),
        (
            "The boiler died on Sunday. The plumber came within the hour and fixed it",
            "fixed",
        ),
        (
            "Mi lavadora se rompió el sábado y el técnico vino el mismo día y la arregló",
            "arregló",
        ),
        (
            "Ma machine à laver est tombée en panne samedi et le réparateur est venu le jour même et l'a réparée",
            "réparée",
        ),
        (
            "La lavatrice si è rotta sabato e il tecnico è venuto lo stesso giorno e l'ha riparata",
            "riparata",
        ),
        (
            "A máquina de lavar avariou no sábado e o técnico veio no mesmo dia e arranjou-a",
            "arranjou",
        ),
        // "Without" charging, "while I waited": the business's gift and speed.
        (
            "Se me rompió la cadena y en el taller de bicis me la arreglaron mientras esperaba, sin cobrarme nada",
            "arreglaron",
        ),
        (
            "Mir ist die Kette gerissen und der Fahrradladen hat sie repariert, während ich gewartet habe",
            "repariert",
        ),
        (
            "Phone stopped charging, the shop replaced the port in 20 minutes",
            "replaced … in minutes",
        ),
    ];
    read_as_praise(&cases);
}

/// Asserts that each post reads as praise and no complaint, named by its word alone.
pub(in crate::triage) fn read_as_praise(cases: &[(&str, &str)]) {
    for (text, word) in cases {
        let r = read(text);
        assert_eq!(r.mood, Sentiment::Positive, "{text}");
        assert!(!r.complaint, "{text}");
        assert_eq!(r.drivers, [*word], "{text}");
    }
}

/// Not put right, or not by the business, or put right late or after worse: as it was.
#[test]
fn a_repair_that_is_no_praise_leaves_the_complaint() {
    let cases = [
        // The writer mended it, or had to.
        "The heater broke, I had to get it repaired elsewhere",
        "Our heater broke and I fixed it myself",
        // Not done: negated, or only promised.
        "The screen broke and they still haven't fixed it",
        "The screen broke last month and nobody has repaired it",
        "La caldaia si è rotta e nessuno l'ha riparata",
        "The screen broke and they promised to fix it",
        // More went wrong after the repair, or it did not work ("nothing" alone is no gift).
        "The pump broke down and they replaced it, nothing works now",
        "The screen cracked, they replaced it and now the battery dies in an hour",
        "The boiler broke down and they replaced the pump, it still doesn't heat the water",
        // Late, or after a judgement of the service.
        "Terrible service. They fixed it eventually after three weeks",
        "The boiler broke and they fixed it after three weeks",
        // The repair came first ("after they fixed it").
        "My phone broke again after they fixed it",
        // A question is still asked.
        "The heater broke and you replaced the part, why is it leaking again?",
    ];
    for text in cases {
        let r = read(text);
        assert!(r.complaint, "{text}: {:?} {:?}", r.mood, r.drivers);
        assert_ne!(r.mood, Sentiment::Positive, "{text}");
    }
}

/// Help out of hours, told with the mishap that called for it in a "when" clause: praise, named
/// by the help. A complaint beside it, or a mishap that goes on, stays a complaint.
#[test]
fn help_in_a_mishap_is_praise_unless_something_else_went_wrong() {
    for (text, word) in [
        (
            "The electrician came out on a Saturday when the fuse box blew",
            "came out on a saturday",
        ),
        (
            "L'électricienne est venue un samedi quand le tableau électrique a grillé",
            "est venue un samedi",
        ),
    ] {
        let r = read(text);
        assert_eq!(r.mood, Sentiment::Positive, "{text}");
        assert!(!r.complaint, "{text}");
        assert_eq!(r.drivers, [word], "{text}");
    }
    for text in [
        "The plumber came out on a Sunday night when our boiler broke down and charged triple",
        "The plumber came out on a Sunday when the pipe burst but never fixed it",
        "Rude plumber, came out on a Sunday when the pipe burst",
    ] {
        let r = read(text);
        assert!(r.complaint, "{text}: {:?} {:?}", r.mood, r.drivers);
    }
}
