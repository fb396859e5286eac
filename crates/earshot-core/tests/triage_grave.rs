//! The posts a small business answers first, whoever wrote them: food poisoning, an allergic
//! reaction, an injury, a gas leak, a rat in the kitchen; a lawyer, a report to the health
//! authority, a chargeback; a racist waiter. Each is urgent with no reach at all and says why in
//! its own words, in each language Earshot models. And the everyday words that look like them
//! are not: "Sue at the counter", Spanish "barata" (cheap), "über euren Laden gestolpert" (came
//! across your shop), an allergy asked about before ordering, and food poisoning denied.

mod triage_common;

use earshot_core::triage::classify;
use triage_common::none_wrong;

/// Urgency at or above which a mention is urgent, by default.
const URGENT: u8 = 60;

/// (post, language, the reason's label, words that reason must name).
#[rustfmt::skip]
const GRAVE: &[(&str, &str, &str, &[&str])] = &[
    ("I got food poisoning after eating at @bellacafe last night", "en", "health or safety", &["food poisoning"]),
    ("My whole family was sick after the chicken at Bella Cafe", "en", "health or safety", &["was sick after"]),
    ("My son had an allergic reaction after your cake, we ended up in A&E", "en", "health or safety", &["allergic reaction", "ended up in a&e"]),
    ("I slipped on the wet floor at your shop and hurt my back, no sign anywhere", "en", "health or safety", &["slipped on"]),
    ("The plumber left a gas leak, we had to call the emergency line", "en", "health or safety", &["gas leak"]),
    ("I saw a rat in the kitchen", "en", "health or safety", &["a rat"]),
    ("See you in court. My lawyer will be in touch.", "en", "legal threat or report", &["see you in court", "my lawyer"]),
    ("I'm going to report you to the health department", "en", "legal threat or report", &["report you to"]),
    ("Filing a chargeback with my bank, you never delivered", "en", "legal threat or report", &["chargeback"]),
    ("Your waiter made a racist comment to my friend", "en", "discrimination", &["racist"]),
    ("Refused service because I'm in a wheelchair. Disgraceful.", "en", "discrimination", &["refused service"]),
    ("Your delivery driver hit my car and drove off", "en", "health or safety", &["hit my car"]),
    ("Your electrician left exposed wires in my kitchen, my kid could have been electrocuted", "en", "health or safety", &["electrocuted"]),
    ("Disputing the charge with my credit card company", "en", "legal threat or report", &["disputing the charge"]),
    ("Me intoxiqué después de comer en vuestro restaurante", "es", "health or safety", &["me intoxiqué"]),
    ("Mi hijo tuvo una reacción alérgica por vuestro pastel", "es", "health or safety", &["reacción alérgica"]),
    ("Voy a poner una denuncia, esto es una estafa", "es", "legal threat or report", &["poner una denuncia"]),
    ("El camarero fue racista con mi pareja", "es", "discrimination", &["racista"]),
    ("Mi novia vomitó toda la noche después de cenar ahí", "es", "health or safety", &["vomitó"]),
    ("Pedí la hoja de reclamaciones y no me la quisieron dar", "es", "legal threat or report", &["hoja de reclamaciones"]),
    ("On a trouvé une souris dans la cuisine", "fr", "health or safety", &["une souris"]),
    ("J'ai été malade toute la nuit après avoir mangé chez vous, intoxication alimentaire", "fr", "health or safety", &["intoxication alimentaire"]),
    ("Il y avait des cafards dans la salle, c'est dégoûtant", "fr", "health or safety", &["des cafards"]),
    ("Je vais porter plainte contre vous", "fr", "legal threat or report", &["porter plainte"]),
    ("Nach dem Essen bei euch hatte ich eine Lebensmittelvergiftung", "de", "health or safety", &["lebensmittelvergiftung"]),
    ("Mein Anwalt wird sich bei Ihnen melden", "de", "legal threat or report", &["mein anwalt"]),
    ("Der Kellner war rassistisch zu meinem Freund", "de", "discrimination", &["rassistisch"]),
    ("Nach eurem Döner hatte ich die ganze Nacht Magen-Darm", "de", "health or safety", &["magen-darm"]),
    ("Ho avuto un'intossicazione alimentare dopo aver mangiato da voi", "it", "health or safety", &["intossicazione alimentare"]),
    ("Vi denuncio, chiamo l'avvocato", "it", "legal threat or report", &["vi denuncio"]),
    ("Tive uma intoxicação alimentar depois de comer aí", "pt", "health or safety", &["intoxicação alimentar"]),
    ("Vi uma barata na cozinha de vocês", "pt", "health or safety", &["uma barata"]),
    ("Vou processar vocês, já falei com meu advogado", "pt", "legal threat or report", &["vou processar"]),
    ("Vou colocar no Reclame Aqui", "pt", "legal threat or report", &["reclame aqui"]),
];

#[test]
fn a_grave_post_is_an_urgent_complaint_that_says_why_in_its_own_words() {
    let mut wrong = Vec::new();
    for (text, lang, label, words) in GRAVE {
        let got = classify(text, None);
        let reasons = got.reasons.join(" | ");
        let line = got
            .reasons
            .iter()
            .find(|r| r.starts_with(&format!("{label}: ")));
        let named = line.is_some_and(|l| words.iter().all(|w| l.contains(&format!("'{w}'"))));
        if got.language != Some(lang)
            || !got.complaint
            || got.sentiment != "negative"
            || got.urgency < URGENT
            || !named
        {
            wrong.push(format!(
                "{text}\n  got {:?} {} {} urgency={} [{reasons}]",
                got.language, got.intent, got.sentiment, got.urgency
            ));
        }
    }
    none_wrong(&wrong);
}

#[test]
fn the_grave_reason_comes_first_and_says_each_thing_once() {
    // Overlapping cues ("a rat", "rat in the") are one thing; the tone's words come after.
    for text in [
        "I saw a rat in the kitchen",
        "The plumber left a gas leak, we had to call the emergency line",
    ] {
        let got = classify(text, None);
        assert!(
            got.reasons[0].starts_with("health or safety: "),
            "{text}: {:?}",
            got.reasons
        );
        assert_eq!(got.reasons[0].matches('\'').count(), 2, "{:?}", got.reasons);
    }
}

#[rustfmt::skip]
const NOT_GRAVE: &[&str] = &[
    "Do you have nut-free cakes? My son has a severe nut allergy",
    "Is the carrot cake safe for someone with a peanut allergy?",
    "Thank you so much to the staff who helped when my son had an allergic reaction, you were amazing",
    "Sue at the counter was lovely today",
    "My lawyer friend recommended you, best pizza in town!",
    "We're a law firm, our lawyers would like to book your private room for 20 people",
    "Catering for the health department meeting on Monday, 20 people, can you do it?",
    "Do your staff know how to use an epipen?",
    "Fire in the kitchen next door, nobody got hurt, hope you're all ok",
    "Sehr lecker, wir sind zufällig über euren Laden gestolpert",
    "Das Paket wurde heute übergeben, danke!",
    "La comida es barata y rica",
    "Pasamos buenos ratos en vuestra terraza",
    "Un toast à l'avocat et un café, s'il vous plaît",
    "Lavoro in ospedale, siete aperti dopo le 22?",
    // Denied: no food poisoning this time.
    "Went there once, no food poisoning thankfully",
    "Sin intoxicación esta vez, jaja",
    "Keine Lebensmittelvergiftung, alles gut",
];

#[test]
fn everyday_words_that_look_grave_are_not() {
    let mut wrong = Vec::new();
    for text in NOT_GRAVE {
        let got = classify(text, None);
        let grave = got.reasons.iter().any(|r| {
            [
                "health or safety",
                "legal threat or report",
                "discrimination",
            ]
            .iter()
            .any(|l| r.starts_with(l))
        });
        if grave || got.complaint || got.urgency >= URGENT {
            wrong.push(format!("{text}: {} {:?}", got.urgency, got.reasons));
        }
    }
    none_wrong(&wrong);
}

#[test]
fn a_phone_s_curly_apostrophes_read_as_straight_ones() {
    // Phones type "won’t" and "I’ll": the cue "won't be back" must still be heard, and "I’ll"
    // must not read as the lexicon's "ill".
    let straight = classify("Overpriced and bland, won't be back", None);
    let curly = classify("Overpriced and bland, won’t be back", None);
    assert_eq!(straight.urgency, curly.urgency);
    assert!(
        curly.reasons.iter().any(|r| r.contains("won’t be back")),
        "{:?}",
        curly.reasons
    );
    for text in [
        "I'll be reporting this to trading standards",
        "I’ll be back tomorrow",
    ] {
        let got = classify(text, None);
        assert!(
            !got.reasons.iter().any(|r| r.contains("'ill'")),
            "{text}: {:?}",
            got.reasons
        );
    }
}
