//! What a customer tells happened, in the six modelled languages: a wish to get well, what was
//! forgotten or left undone, a failure days running, a day late, a kindness done without being
//! asked, sadness at how the town goes, harm that never came, help out of hours, an allergen
//! served against a free-from promise. Each case names the words its reasons must say.
//! `earshot classify` is what is tested.

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
    praise_naming(&[
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
    ]);
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

/// Each post reads as praise, not a complaint, with its words among the reasons.
fn praise_naming(cases: &[(&str, &str)]) {
    for (text, words) in cases {
        let got = classify(text, None);
        let reasons = got.reasons.join(" | ").to_lowercase();
        assert!(
            got.sentiment == "positive"
                && !got.complaint
                && reasons.contains(&words.to_lowercase()),
            "{text}: {:?} {reasons}",
            got.sentiment
        );
    }
}

#[test]
fn sad_to_see_how_the_town_goes_is_no_complaint_unless_it_names_one() {
    for text in [
        "Sad to see so many empty shops on the market square this winter",
        "Da pena ver tantos locales vacíos en la plaza del mercado este invierno",
        "Triste de voir autant de boutiques vides sur la place du marché cet hiver",
        "Traurig zu sehen, wie viele Läden am Marktplatz diesen Winter leer stehen",
        "Che tristezza vedere tanti negozi vuoti in piazza del mercato quest'inverno",
        "É triste ver tantas lojas vazias na praça do mercado este inverno",
    ] {
        let got = classify(text, None);
        assert!(
            got.sentiment == "negative" && !got.complaint,
            "{text}: {:?}",
            got.reasons
        );
    }
    complaints_naming(&[(
        "Sad to see how rude the staff at the front desk have become",
        "rude",
    )]);
}

#[test]
fn harm_that_never_came_and_help_out_of_hours_are_praise() {
    // Carried up without a scratch ("subieron … sin" is no price raised without notice); out on
    // a Saturday night; after the customer with what they dropped.
    praise_naming(&[
        (
            "The couriers brought the mirror up three flights of stairs without a single scratch",
            "without a single scratch",
        ),
        (
            "Los mensajeros subieron el espejo tres pisos sin un solo rasguño",
            "sin un solo rasguño",
        ),
        (
            "Les livreurs ont monté le miroir au troisième sans la moindre égratignure",
            "sans la moindre égratignure",
        ),
        (
            "Die Kuriere haben den Spiegel drei Treppen hochgetragen, ohne einen einzigen Kratzer",
            "ohne einen einzigen kratzer",
        ),
        (
            "I corrieri hanno portato lo specchio su per tre piani senza un graffio",
            "senza un graffio",
        ),
        (
            "Os estafetas subiram o espelho três andares sem um único arranhão",
            "sem um único arranhão",
        ),
        (
            "The vet came out on a Saturday night for our old horse",
            "came out on a saturday",
        ),
        (
            "La veterinaria vino un sábado por la noche por nuestro caballo",
            "vino un sábado",
        ),
        (
            "La vétérinaire est venue un samedi soir pour notre vieux cheval",
            "est venue un samedi",
        ),
        (
            "Die Tierärztin kam an einem Samstagabend wegen unseres alten Pferdes",
            "kam an einem samstagabend",
        ),
        (
            "La veterinaria è venuta di sabato sera per il nostro vecchio cavallo",
            "è venuta di sabato",
        ),
        (
            "A veterinária veio num sábado à noite por causa do nosso cavalo",
            "veio num sábado",
        ),
        (
            "I dropped my scarf in the shop and the assistant ran after me with it",
            "ran after me",
        ),
        (
            "Se me cayó la bufanda en la tienda y la dependienta salió corriendo detrás de mí",
            "salió corriendo detrás de mí",
        ),
        (
            "J'ai fait tomber mon écharpe dans le magasin et la vendeuse a couru après moi",
            "a couru après moi",
        ),
        (
            "Ich habe meinen Schal im Laden verloren und die Verkäuferin ist mir bis zur Ecke hinterhergelaufen",
            "ist mir … hinterhergelaufen",
        ),
        (
            "Ho perso la sciarpa nel negozio e la commessa mi è corsa dietro",
            "mi è corsa dietro",
        ),
        (
            "Deixei cair o cachecol na loja e a empregada correu atrás de mim",
            "correu atrás de mim",
        ),
    ]);
}

#[test]
fn an_allergen_served_after_a_free_from_promise_is_a_complaint() {
    complaints_naming(&[
        (
            "Ordered the gluten-free pizza but it came on a wheat base",
            "free … wheat",
        ),
        (
            "Pedí la tarta sin lactosa pero llevaba leche",
            "sin … leche",
        ),
        (
            "Le plat était annoncé sans gluten mais la sauce contenait du blé",
            "sans … blé",
        ),
        (
            "Die Pizza war als glutenfrei ausgezeichnet, aber der Boden war aus Weizen",
            "glutenfrei … weizen",
        ),
        (
            "Il dolce era senza lattosio ma era fatto con il latte",
            "senza … latte",
        ),
        ("O bolo era sem glúten mas levava trigo", "sem … trigo"),
    ]);
    // The promise kept, with the allergen named as an ingredient: no turn between.
    for text in [
        "Gluten-free brownies with almonds, absolutely delicious",
        "Sin gluten y con almendras, la tarta estaba buenísima",
    ] {
        assert!(!classify(text, None).complaint, "{text}");
    }
}
