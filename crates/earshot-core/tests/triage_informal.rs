//! How customers type: stretched words ("terribleeee"), text-speak ("y u no answer ur phone",
//! "jsp", "vcs", "nn", "ñ gostei"), French without its "ne" ("vous répondez jamais"), star
//! ratings in words ("zero stars if i could", "2 stars"), emoji that say more than the words
//! ("🤮🤮", "🔥🔥"), hashtags that are the complaint ("#NeverAgain", "#nuncamás") and cue
//! phrases stretched ("neverrr againnn", "still nothinggg"), in each language Earshot models.
//! The training tweets have some of these; a business's customers write little else.

mod triage_common;

use earshot_core::triage::classify;
use triage_common::none_wrong;

/// (post, language — empty where a post is too short to tell —, intent, words one of the
/// reasons must name).
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, &[&str])] = &[
    // English.
    ("worst service everrrr @bellacafe 😡😡", "en", "complaint", &["worst"]),
    ("terribleeee service, sooo slow", "", "complaint", &["terrible"]),
    ("the food was baaaad", "en", "complaint", &["bad"]),
    ("wtf @bellacafe my order is 2 hrs late smh", "en", "complaint", &["hrs late"]),
    ("y u no answer ur phone?? @bellacafe", "en", "complaint", &["no answer"]),
    ("zero stars if i could", "", "complaint", &["zero stars"]),
    ("2 stars, slow service", "", "complaint", &["2 stars"]),
    ("1 star. cold food, rude staff", "", "complaint", &["1 star", "rude"]),
    ("luv this place 🔥🔥", "", "praise", &["🔥"]),
    ("🤮🤮 that sandwich", "", "complaint", &["🤮"]),
    ("sooo good!!! thx @bellacafe ❤️", "", "praise", &["good"]),
    ("fish n chips were amazing", "", "praise", &["amazing"]),
    ("u guys open on sunday?", "en", "question", &[]),
    // Spanish.
    ("q mal servicio @bellacafe, 1 hora esperando y nada", "es", "complaint", &["mal"]),
    ("xq no contestan el telefono??", "es", "complaint", &["no contestan"]),
    ("el pedido llego frio y tarde 😡", "es", "complaint", &["llego frio"]),
    ("malisimooo el servicio, nunca mas", "es", "complaint", &["nunca mas"]),
    ("muy rico todo!! 😍 volveremos", "es", "praise", &["rico"]),
    ("q horario tienen hoy?", "es", "question", &[]),
    // French.
    ("c nul, plus jamais", "fr", "complaint", &["nul", "plus jamais"]),
    ("vous répondez jamais au téléphone", "fr", "complaint", &["répondez jamais"]),
    ("jsp pourquoi vous repondez pas", "fr", "complaint", &["repondez pas"]),
    ("service trop nul, 1h d'attente 😡", "fr", "complaint", &["nul"]),
    ("c'était pas terrible", "fr", "complaint", &["pas terrible"]),
    ("trop bon 😍 merci", "fr", "praise", &["bon"]),
    ("vous êtes ouvert dimanche ou pas ?", "fr", "question", &[]),
    // German.
    ("mega schlecht, nie wieder 😡", "de", "complaint", &["schlecht", "nie wieder"]),
    ("warum geht keiner ans telefon??", "de", "complaint", &["keiner ans telefon"]),
    ("voll lecker 😍 danke", "de", "praise", &["lecker"]),
    ("essen war kalt 👎", "de", "complaint", &["essen war kalt"]),
    ("habt ihr heute offen?", "de", "question", &[]),
    ("voll ätzend, keiner hilft einem 😡", "de", "complaint", &["keiner hilft"]),
    ("schmeckt nach nix", "de", "complaint", &["schmeckt nach nix"]),
    ("mega lecker, immer wieder gerne 😋", "de", "praise", &["lecker"]),
    // Italian.
    ("servizio pessimo, mai piu", "it", "complaint", &["pessimo", "mai piu"]),
    ("nn rispondono mai al telefono", "it", "complaint", &["nn rispondono"]),
    ("nn mi è piaciuto per niente", "it", "complaint", &["nn piaciuto"]),
    ("non consiglio", "it", "complaint", &["non consiglio"]),
    ("buonissimo 😍 grazie mille", "it", "praise", &["buonissimo"]),
    ("siete aperti oggi?", "it", "question", &[]),
    ("nn ci torno più", "it", "complaint", &["nn ci torno"]),
    ("che schifo 🤮 mai più", "it", "complaint", &["mai più"]),
    // Portuguese.
    ("n gostei do atendimento 😡", "pt", "complaint", &["n gostei"]),
    ("vcs nao respondem nunca??", "pt", "complaint", &["nao respondem"]),
    ("pedido chegou frio e atrasado, mto ruim", "pt", "complaint", &["chegou frio"]),
    ("ñ recomendo", "pt", "complaint", &["ñ recomendo"]),
    ("amei!! mto bom 😍 obg", "pt", "praise", &["amei"]),
    ("vc abre amanha?", "pt", "question", &[]),
    ("vcs sao top demais 🔥🔥", "pt", "praise", &["🔥"]),
    ("demorou dms pra chegar 😤", "pt", "complaint", &["demorou"]),
    // A complaint said only in a hashtag; a hashtag of praise stays praise.
    ("@bellacafe #NeverAgain", "", "complaint", &["never again"]),
    ("waited an hour for a sandwich #WorstServiceEver", "en", "complaint", &["worst"]),
    ("my order never came #customerservicefail", "en", "complaint", &[]),
    ("@bellacafe #NotImpressed", "", "complaint", &["not impressed"]),
    ("pedido tarde otra vez #nuncamás", "es", "complaint", &["nunca mas"]),
    ("#jamaisplus @bellacafe", "", "complaint", &["jamais plus"]),
    ("Bestellung immer noch nicht da #niewieder", "de", "complaint", &["nie wieder"]),
    ("ordine arrivato freddo #maipiu", "it", "complaint", &["mai piu"]),
    ("pedido atrasado de novo #nuncamais", "pt", "complaint", &["nunca mais"]),
    ("#SoGood brunch at @bellacafe", "", "praise", &["good"]),
    // Thanks for what went wrong is sarcasm, and a complaint; thanks for what went right is not.
    ("thanks for ignoring my messages @bellacafe", "en", "complaint", &["thanks for ignoring"]),
    ("@bellacafe thanks for sending the wrong cake", "en", "complaint", &["thanks for sending the wrong"]),
    ("gracias por ignorarme otra vez @bellacafe", "es", "complaint", &["gracias por ignorarme"]),
    ("merci de m'ignorer, super service", "fr", "complaint", &["merci de m'ignorer"]),
    ("valeu por nada @bellacafe", "", "complaint", &["valeu por nada"]),
    ("thanks for the quick refund, appreciate it", "en", "praise", &["thanks"]),
    // A stretched cue phrase is the cue; you must do better is a complaint.
    ("neverrr againnn @bellacafe", "en", "complaint", &["never again"]),
    ("still nothinggg, where is my order??", "en", "complaint", &["still nothing"]),
    ("yall need better staff fr", "", "complaint", &["need better staff"]),
    ("you can do better @bellacafe, cold coffee again", "en", "complaint", &["you can do better"]),
    ("nunca mááás 😡 @bellacafe", "", "complaint", &["nunca más"]),
    ("tienen que mejorar la atención", "es", "complaint", &["tienen que mejorar"]),
    ("plus jamaiiiis @bellacafe", "", "complaint", &["plus jamais"]),
    ("peut mieux faire, accueil à revoir", "fr", "complaint", &["peut mieux faire", "accueil à revoir"]),
    ("nie wiederrrr @bellacafe", "de", "complaint", &["nie wieder"]),
    ("Service ist verbesserungswürdig", "de", "complaint", &["verbesserungswürdig"]),
    ("mai piùùù 😡", "it", "complaint", &["mai più"]),
    ("dovete migliorare il servizio", "it", "complaint", &["dovete migliorare"]),
    ("un film da rivedere, bellissimo 😍", "", "praise", &[]),
    ("nunca maisss @bellacafe", "", "complaint", &["nunca mais"]),
    ("vcs precisam melhorar o atendimento", "pt", "complaint", &["precisam melhorar"]),
    // A wait with its length; praise after the wrong thing came is sarcasm, an upgrade is not
    // the wrong thing.
    ("been waiting 3 weeks for my refund @threadco", "en", "complaint", &["waiting 3 weeks"]),
    ("how long does delivery take?? been waiting 3 weeks", "en", "complaint", &["waiting 3 weeks"]),
    ("Ordered a latte, got a cold americano. Great job guys.", "en", "complaint", &["ordered … got", "great"]),
    ("Pedí un café con leche y me trajeron un cortado. Genial, gracias.", "es", "complaint", &["pedí … me trajeron"]),
    ("Ordered a small latte and got a large one as an upgrade, thanks!", "en", "praise", &["thanks"]),
];

#[test]
fn posts_as_customers_type_them_read_right_in_each_language() {
    let mut wrong = Vec::new();
    for (text, lang, intent, why) in CASES {
        let got = classify(text, None);
        let reasons = got.reasons.join(" | ");
        let named = why.iter().all(|w| reasons.contains(&format!("'{w}'")));
        if (!lang.is_empty() && got.language != Some(lang))
            || got.intent != *intent
            || got.complaint != (*intent == "complaint")
            || got.abusive
            || !named
            || (*intent == "praise") != (got.sentiment == "positive")
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
fn text_speak_and_units_are_never_a_reason() {
    // "hrs" is the unit of a wait, "jsp" is "je sais pas", "geht" is "goes": the reason is what
    // was wrong.
    let mut wrong = Vec::new();
    for (text, never) in [
        ("wtf @bellacafe my order is 2 hrs late smh", "hrs"),
        ("jsp pourquoi vous repondez pas", "jsp"),
        ("warum geht keiner ans telefon??", "geht"),
        ("waited 45 mins for a coffee", "mins"),
    ] {
        let got = classify(text, None);
        let reasons = got.reasons.join(" | ");
        if reasons.contains(&format!("'{never}'")) || !got.complaint {
            wrong.push(format!("{text}\n  [{reasons}]"));
        }
    }
    none_wrong(&wrong);
}

#[test]
fn a_stretched_word_reads_as_the_word() {
    // However long the stretch, the word is the lexicon's: as strong as written plainly, and
    // named as the word.
    for (plain, stretched) in [
        ("the service was terrible", "the service was terribleeeee"),
        ("the food was bad", "the food was baaaaad"),
        ("I love this place", "I loooooove this place"),
    ] {
        let (p, s) = (classify(plain, None), classify(stretched, None));
        assert_eq!(p.sentiment, s.sentiment, "{plain} / {stretched}");
        assert_eq!(p.complaint, s.complaint, "{plain} / {stretched}");
        let word = plain.rsplit(' ').next().unwrap_or_default();
        let word = if word == "place" { "love" } else { word };
        assert!(
            s.reasons.iter().any(|r| r.contains(&format!("'{word}'"))),
            "{stretched}: {:?}",
            s.reasons
        );
    }
}

#[test]
fn a_star_rating_in_a_number_is_not_one_in_words() {
    // "4.2 stars" holds "2 stars" on word boundaries; a rating of 4.2 is no complaint.
    for text in [
        "Rated 4.2 stars on Google, well deserved",
        "Proud of our 4,1 estrellas!",
    ] {
        let got = classify(text, None);
        let reasons = got.reasons.join(" | ");
        assert!(
            !got.complaint && !reasons.contains("star") && !reasons.contains("estrella"),
            "{text}: {reasons}"
        );
    }
}
