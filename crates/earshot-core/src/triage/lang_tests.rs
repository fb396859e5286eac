use super::*;

#[test]
fn the_languages_of_customers_are_told_apart_and_short_posts_are_not_guessed() {
    let cases = [
        (
            "Llevo tres semanas esperando mi reembolso y nadie me contesta",
            Some("es"),
        ),
        (
            "Toujours pas remboursé après trois semaines, personne ne répond",
            Some("fr"),
        ),
        (
            "Seit drei Wochen warte ich auf meine Erstattung und niemand antwortet",
            Some("de"),
        ),
        (
            "Aspetto il rimborso da tre settimane e nessuno risponde",
            Some("it"),
        ),
        (
            "Estou esperando meu reembolso há três semanas e ninguém responde",
            Some("pt"),
        ),
        (
            "Still waiting for my refund after three weeks and nobody answers",
            Some("en"),
        ),
        // Short posts, where trigrams guess wrong or not at all: their function words tell.
        ("@user ya somos dos, qué triste", Some("es")),
        ("Ya no es tan divertido", Some("es")),
        (
            "Llevo tres semanas esperando mi reembolso, pedido 1234. Nadie contesta.",
            Some("es"),
        ),
        ("@user Nee, klappt nicht:/", Some("de")),
        ("Não gostei do atendimento", Some("pt")),
        ("Je n'ai rien reçu", Some("fr")),
        ("Gott sei Dank. Das 1:1.", Some("de")),
        // What only Spanish or only Portuguese writes tells the two apart ("cobraron",
        // "-ía"; "ção", "ã").
        ("Me cobraron una bebida que no pedimos", Some("es")),
        ("Si pudiese cantar bonito no dejaría de hacerlo", Some("es")),
        (
            "Pedi um bolo de chocolate e entregaram de morango",
            Some("pt"),
        ),
        // One word alone does not overrule the trigrams ("uns" is German and Portuguese).
        ("Vocês são uns idiotas de merda", Some("pt")),
        // Catalan to the trigrams: the words Catalan never writes tell.
        ("La fattura è sbagliata per la terza volta", Some("it")),
        ("Vous acceptez les tickets restaurant ?", Some("fr")),
        ("Entrevista gravada hoje com o chef", Some("pt")),
        ("Resolveu muita coisa, sensacional", Some("pt")),
        // Dutch to the trigrams: "nach" and "muss" are German's alone (a training tweet).
        (
            "Geduld verloren: nach erneuten Verlusten muss #Vestas-Chef Engel gehen http #Wind",
            Some("de"),
        ),
        // Norwegian to them: no kin of German writes "ü" ("übt").
        (
            "Marketing-Flop Facebook? Forrester-Analyst Nate Elliott übt scharfe Kritik an der \
             Plattform: http",
            Some("de"),
        ),
        // Two or more words of a third language outweigh a Portuguese spelling where the trigrams
        // lean Spanish ("Mata o"; a SemEval training tweet).
        (
            "Obama postpones political trip on Wednesday to convene White House meeting about \
             Ebola outbreak: White House (Na serious Mata o)",
            Some("en"),
        ),
        // Languages without a model keep the trigrams' answer.
        (
            "Ik wacht al drie weken op mijn terugbetaling en niemand antwoordt",
            Some("nl"),
        ),
        ("@brightside ok", None),
        ("👍👍", None),
        // Too short for trigrams: two words of one language's own tell it, one does not.
        ("Très déçu", Some("fr")),
        ("Molto deluso", Some("it")),
        ("Sehr gut", Some("de")),
        ("Bon", None),
        ("Not bad", None),
    ];
    for (text, want) in cases {
        assert_eq!(detect(text), want, "{text}");
    }
}

#[test]
fn the_english_list_is_lower_case_and_fits_the_lookup_buffer() {
    assert!(ENGLISH
        .iter()
        .all(|w| w.len() <= 8 && *w == w.to_lowercase()));
    assert!(plainly_english(&["THANKS", "for", "the", "coffee"]));
    // A phone's curly apostrophe is no other language's letter; an accented one is.
    assert!(plainly_english(&[
        "don’t", "ignore", "my", "refund", "again"
    ]));
    assert!(!plainly_english(&["très", "déçu", "by", "the", "service"]));
    assert!(!plainly_english(&[
        "Wouldn't",
        "recommend",
        "Brightside",
        "Coffee"
    ]));
}

#[test]
fn a_language_settled_without_the_trigrams_is_the_one_they_would_have_led_to() {
    // Every post of the shipped tweet sets in the six languages and more: where two or more
    // function words settle it, weighing the trigrams too gives the same language; where one
    // alone does, it is the set's language more often than the trigrams' guess is.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/general");
    let (mut settled_posts, mut not_english) = (0, 0);
    let (mut lone, mut lone_right, mut trigrams_right) = (0, 0, 0);
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(set) = name.strip_suffix("-dev.csv") else {
            continue;
        };
        let truth = set.strip_prefix("umsab-").unwrap_or("en");
        let mut reader = csv::Reader::from_path(&path).unwrap();
        let column = reader.headers().unwrap().iter().position(|h| h == "text");
        for row in reader.records() {
            let row = row.unwrap();
            let words = words_of(&row[column.unwrap()]);
            let letters = letters_in(&words);
            if letters < 12 || plainly_english(&words) {
                continue;
            }
            let by_words = function_words(&words);
            let Some(lang) = settled(by_words, &words) else {
                continue;
            };
            let info = detector().detect(&words.join(" "));
            let weighed = weigh(&words, letters, by_words, info);
            if by_words.is_some_and(|(_, n)| n == 1) {
                lone += 1;
                lone_right += usize::from(lang == truth);
                trigrams_right += usize::from(weighed == Some(truth));
            } else {
                assert_eq!(weighed, Some(lang), "{words:?}");
            }
            settled_posts += 1;
            not_english += usize::from(lang != "en");
        }
    }
    // Most posts in the five other languages are settled so.
    assert!(not_english > 3_000, "{not_english} of {settled_posts}");
    assert!(lone > 1_000, "{lone}");
    assert!(
        lone_right >= trigrams_right + 150,
        "one word {lone_right}, trigrams {trigrams_right} of {lone}"
    );
}

#[test]
fn a_post_s_only_function_word_tells_its_language_unless_another_language_borrows_it() {
    for (text, lang) in [
        // English tweets the trigrams took for Dutch and Finnish.
        (
            "What’s worse than being stuck in a time loop of Groundhog day? Being stuck in a Monday loop.",
            Some("en"),
        ),
        ("Watching the brilliant rick stein making paella on Saturday kitchen live....", Some("en")),
        // The only function word is one of the language's own, which its kin never write.
        ("Jajajja recién. Me acuerdoo que ayer me metieron un galletaso jajaja", Some("es")),
        // Italian writes Spanish "del", French Spanish "y", Spanish English "has".
        ("Boom d'ascolti con il presidente del consiglio Mario Monti", Some("it")),
        ("Dommage, on y allait tous les dimanches avec les enfants", Some("fr")),
        ("Menuda joyica @user que has reclutado para tus tierras", Some("es")),
    ] {
        assert_eq!(detect(text), lang, "{text}");
    }
}
