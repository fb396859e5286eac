//! What a customer tells happened, in the six modelled languages: a wish to get well, what was
//! forgotten or left undone, a failure days running, a day late, a kindness done without being
//! asked. Each case names the words its reasons must say. `earshot classify` is what is tested.

use earshot_core::triage::classify;

/// Each post reads as a complaint whose reasons name its words.
fn complaints_naming(cases: &[(&str, &str)]) {
    for (text, words) in cases {
        let got = classify(text, None);
        let reasons = got.reasons.join(" | ").to_lowercase();
        assert!(
            got.complaint && reasons.contains(&words.to_lowercase()),
            "{text}: {reasons}"
        );
    }
}

#[test]
fn a_wish_to_get_well_is_sympathy_not_a_complaint() {
    // Sad to read of the owner in hospital, and a wish to get well: nothing the business was
    // expected to do, whatever its sad words ("pena", "traurig") read as.
    for text in [
        "So sorry to read that the owner of the bakery is in hospital, get well soon",
        "Qué pena leer que la dueña de la panadería está en el hospital, que se mejore pronto",
        "Triste de lire que la patronne de la boulangerie est à l'hôpital, bon rétablissement",
        "Traurig zu lesen, dass die Inhaberin der Bäckerei im Krankenhaus liegt, gute Besserung",
        "Mi dispiace leggere che la titolare del forno è in ospedale, guarisca presto",
        "Que pena saber que a dona da padaria está no hospital, rápidas melhoras",
    ] {
        let got = classify(text, None);
        assert!(!got.complaint, "{text}: {:?}", got.reasons);
    }
}

#[test]
fn what_was_forgotten_or_left_undone_and_again_is_a_complaint() {
    // Forgotten, told last; nothing done about it; a failure days running. Each a complaint
    // that names its words, in each language.
    complaints_naming(&[
        (
            "We'd asked for a note on the birthday cake and they forgot",
            "they forgot",
        ),
        (
            "Habíamos pedido una nota en la tarta de cumpleaños y se olvidaron",
            "y se olvidaron",
        ),
        (
            "On avait demandé un mot sur le gâteau d'anniversaire et ils ont oublié",
            "ils ont oublié",
        ),
        (
            "Wir hatten um eine Karte am Geburtstagskuchen gebeten und sie haben es vergessen",
            "haben es vergessen",
        ),
        (
            "Avevamo chiesto un biglietto sulla torta di compleanno e se ne sono dimenticati",
            "se ne sono dimenticati",
        ),
        (
            "Tínhamos pedido um cartão no bolo de aniversário e esqueceram-se",
            "e esqueceram-se",
        ),
        (
            "A man was smoking in the lobby and the manager did nothing about it",
            "did nothing about it",
        ),
        (
            "Un hombre fumaba en el vestíbulo y el encargado no hizo nada",
            "no hizo nada",
        ),
        (
            "Un homme fumait dans le hall et le responsable n'a rien fait",
            "n'a rien fait",
        ),
        (
            "Ein Mann hat in der Lobby geraucht und der Manager hat nichts unternommen",
            "nichts unternommen",
        ),
        (
            "Un uomo fumava nella hall e il responsabile non ha fatto niente",
            "non ha fatto niente",
        ),
        (
            "Um homem fumava no átrio e o gerente não fez nada",
            "não fez nada",
        ),
        (
            "The paper boy skipped our house for the third day running",
            "third day running",
        ),
        (
            "El repartidor de periódicos se saltó nuestra casa por tercer día seguido",
            "tercer día seguido",
        ),
    ]);
    // A regular's visits days running are no failure.
    let got = classify(
        "Two days in a row we've had your croissants for breakfast",
        None,
    );
    assert!(!got.complaint, "{:?}", got.reasons);
}

#[test]
fn a_kindness_done_without_being_asked_is_praise() {
    for (text, words) in [
        (
            "The pharmacist rang the surgery for me without me even asking",
            "without me even asking",
        ),
        (
            "La farmacéutica llamó al centro de salud sin que se lo pidiera",
            "sin que se lo pidiera",
        ),
        (
            "La pharmacienne a appelé le médecin sans que je demande",
            "sans que je demande",
        ),
        (
            "Die Apothekerin hat beim Arzt angerufen, ohne dass ich fragen musste",
            "ohne dass ich fragen musste",
        ),
        (
            "La farmacista ha chiamato il medico senza che glielo chiedessi",
            "senza che glielo chiedessi",
        ),
        (
            "A farmacêutica ligou para o centro de saúde sem eu pedir",
            "sem eu pedir",
        ),
    ] {
        let got = classify(text, None);
        let reasons = got.reasons.join(" | ");
        assert!(
            got.sentiment == "positive" && !got.complaint && reasons.contains(words),
            "{text}: {} {reasons}",
            got.sentiment
        );
    }
    // A liberty taken "without asking" is no kindness.
    let got = classify("They moved my booking to Tuesday without asking", None);
    assert_ne!(got.sentiment, "positive", "{:?}", got.reasons);
}

#[test]
fn a_day_or_a_week_late_is_a_complaint_whatever_else_reads_as_praise() {
    // The occasion's happy words ("party", "fiesta") are not what the post says.
    complaints_naming(&[
        ("The balloons for the party came a day late", "a day late"),
        (
            "Los globos para la fiesta llegaron un día tarde",
            "un día tarde",
        ),
        (
            "Les ballons pour la fête sont arrivés avec un jour de retard",
            "jour de retard",
        ),
        (
            "Die Ballons für die Party kamen einen Tag zu spät",
            "einen tag zu spät",
        ),
        (
            "I palloncini per la festa sono arrivati con un giorno di ritardo",
            "giorno di ritardo",
        ),
    ]);
}
