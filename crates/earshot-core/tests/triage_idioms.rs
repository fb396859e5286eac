//! Praise said through a negation ("can't get enough of", "couldn't be happier", "no me canso
//! de", "je ne m'en lasse pas", "nichts zu meckern", "non mi stanco mai", "não me canso") is
//! praise, named in the post's words; what only looks like it (not enough sleep, never so
//! disappointed, tired of saying it) is not. And what a garage, a mover, a groomer or an app's
//! customers write when the business broke something or the fault is still there, and a wait
//! with its length in each language.

mod triage_common;

use earshot_core::triage::classify;
use triage_common::none_wrong;

/// (post, language — empty where a post is too short to tell —, intent, words one of the
/// reasons must name).
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, &[&str])] = &[
    // English: the idioms, and what only looks like them.
    ("I cannot get enough of your croissants", "en", "praise", &["cannot get enough of"]),
    ("Couldn't be happier with my new bike from @CycleHub", "en", "praise", &["couldn't be happier"]),
    ("Can't recommend @PawsSpa enough", "", "praise", &["can't recommend … enough"]),
    ("@LunaBakery never disappoints", "", "praise", &["never disappoints"]),
    ("I couldn't ask for a better mechanic", "en", "praise", &["couldn't ask for a better"]),
    ("@SwiftMovers you never let us down", "en", "praise", &["never let us down"]),
    ("Can't wait to come back to @LunaCafe", "en", "praise", &["can't wait"]),
    ("I can't get enough sleep with your bar's music every night", "en", "complaint", &[]),
    ("I can't recommend this place, rude staff", "en", "complaint", &["rude"]),
    ("Never been so disappointed in my life @LunaCafe", "en", "complaint", &["disappointed"]),
    ("Can't get enough of waiting on hold with you guys 🙃", "en", "complaint", &["on hold"]),
    // "Not bad", in each language; "took a hit" and "pas mal de" are no praise.
    ("It was not bad at all", "en", "praise", &["not bad at all"]),
    ("The food was not bad", "en", "praise", &["not bad"]),
    ("Honestly the pizza wasn't bad", "en", "praise", &["wasn't bad"]),
    ("No estuvo nada mal, la verdad", "es", "praise", &["no estuvo nada mal"]),
    ("La comida no está mal", "es", "praise", &["no está mal"]),
    ("Ce n'est pas mal du tout", "fr", "praise", &["pas mal du tout"]),
    ("Il y a pas mal de problèmes avec votre livraison", "fr", "complaint", &[]),
    ("Gar nicht übel, der Kuchen", "de", "praise", &["gar nicht übel"]),
    ("Mica male il nuovo menù", "it", "praise", &["mica male"]),
    ("Não foi nada mau", "pt", "praise", &["não foi nada mau"]),
    ("The new menu is a hit", "en", "praise", &["is a hit"]),
    // Spanish.
    ("No me canso de los churros de @CafeLuna, están buenísimos", "es", "praise", &["no me canso"]),
    ("Nunca me canso de sus tartas", "", "praise", &["nunca me canso"]),
    ("No me canso de decir que son unos estafadores", "es", "complaint", &["estafadores"]),
    ("No me canso de esperar vuestra respuesta, tres semanas ya", "es", "complaint", &[]),
    ("Nunca falla: cada vez que pido llega tarde", "es", "complaint", &["llega tarde"]),
    // French.
    ("Je ne m'en lasse pas, les croissants de @BoulangerieMartin sont incroyables", "fr", "praise", &["je ne m'en lasse pas"]),
    ("On ne s'en lasse pas", "fr", "praise", &["on ne s'en lasse pas"]),
    ("Je ne me lasse pas d'attendre ma commande depuis 3 semaines 🙄", "fr", "complaint", &[]),
    // German.
    ("Ich kann nicht genug von eurem Kuchen bekommen", "de", "praise", &["nicht genug … bekommen"]),
    ("Ich krieg nicht genug von diesem Laden", "de", "praise", &["krieg nicht genug"]),
    ("Nichts zu meckern, alles top", "de", "praise", &["nichts zu meckern"]),
    ("Wir waren noch nie so enttäuscht", "de", "complaint", &["enttäuscht"]),
    ("Nichts zu meckern am Essen, aber wir haben eine Stunde gewartet", "de", "complaint", &["gewartet"]),
    // Italian.
    ("Non mi stanco mai della pizza di @DaMario, sempre perfetta", "it", "praise", &["non mi stanco"]),
    ("Niente da dire sulla pizza, ma il servizio è stato lentissimo", "it", "complaint", &[]),
    // Never had one so good; can't fault; 10/10; without doubt the best (its negation negates
    // nothing, and "doubt" is no reason).
    ("Never had such good service anywhere", "en", "praise", &["never had such good"]),
    ("Can't fault them, quick and tidy", "en", "praise", &["can't fault"]),
    ("10/10 would recommend", "en", "praise", &["10/10"]),
    ("No doubt the best pizza in town", "en", "praise", &["best"]),
    ("No doubt they will ignore this too", "en", "complaint", &["ignore"]),
    ("Nunca he probado un café tan rico", "es", "praise", &["nunca he probado … tan rico"]),
    ("Sin duda la mejor peluquería del barrio", "es", "praise", &["mejor"]),
    ("Je n'ai jamais mangé une pizza aussi bonne", "fr", "praise", &["jamais mangé … aussi bonne"]),
    ("Sans aucun doute le meilleur resto", "fr", "praise", &["meilleur"]),
    ("Ohne Zweifel der beste Laden", "de", "praise", &["beste"]),
    ("Non ho mai mangiato una pizza così buona", "it", "praise", &["mai mangiato … così buona"]),
    ("Senza dubbio il migliore", "it", "praise", &["migliore"]),
    ("Nunca comi uma pizza tão boa", "pt", "praise", &["nunca comi … tão boa"]),
    ("Atendimento nota 10!", "pt", "praise", &["nota 10"]),
    // Portuguese.
    ("Não me canso do pão de queijo de vocês, perfeito", "pt", "praise", &["não me canso"]),
    ("Não me canso de comer aqui", "pt", "praise", &["não me canso"]),
    ("Nada a reclamar do produto, mas a entrega atrasou 10 dias", "pt", "complaint", &["atrasou"]),
    // Broke it; a fault after the repair, or the same one still; nobody owns up.
    ("Took my car to @QuickFix for brakes, picked it up and now there's a grinding noise that wasn't there before", "en", "complaint", &["grinding noise"]),
    ("@Notely the app logs me out every single time I open it since the update, please fix", "en", "complaint", &["logs me out"]),
    ("@MudanzasRapidas rompieron la mesa del salón y nadie se hace cargo", "es", "complaint", &["rompieron"]),
    ("Il meccanico mi ha cambiato le pastiglie e ora la macchina fa un rumore strano", "it", "complaint", &["rumore strano"]),
    ("A oficina ficou com meu carro dez dias e devolveu com o mesmo barulho", "pt", "complaint", &["mesmo barulho"]),
    ("O pet shop devolveu meu cachorro com a orelha machucada e ninguém falou nada", "pt", "complaint", &["ninguém falou nada"]),
    // A wait with its length, in each language; a customer for three months is no wait.
    ("Rien à redire sur la qualité mais la livraison a pris trois semaines", "fr", "complaint", &["pris trois semaines"]),
    ("El pedido tardó tres semanas en llegar @TiendaSol", "es", "complaint", &["tardó tres semanas"]),
    ("Ich warte seit 3 Wochen auf meine Rücksendung", "de", "complaint", &["warte seit 3 wochen"]),
    ("Aspetto da due settimane il rimborso", "it", "complaint", &["aspetto da due settimane"]),
    ("A entrega demorou 12 dias, absurdo", "pt", "complaint", &["demorou 12 dias"]),
    ("Je suis cliente depuis 3 mois et j'adore", "fr", "praise", &["adore"]),
    ("Llevo 3 meses en el gimnasio y me encanta", "es", "praise", &["encanta"]),
    // A question to the business in another language is no complaint, whatever its topic words.
    ("Est-ce que la pharmacie fait les tests antigéniques le samedi ?", "fr", "question", &[]),
    ("Hat die Apotheke am Sonntag Notdienst?", "de", "question", &[]),
    ("La farmacia è aperta anche a Ferragosto?", "it", "question", &[]),
    // The care taken over a funeral is thanks, whatever "funeral" weighs.
    ("Thank you for the care you took with Grandad's service, the whole family felt looked after", "en", "praise", &["care you took"]),
    // Overjoyed since, in each language; a phone buzzing is no joy.
    ("The swimming teacher finally got our son to put his face in the water, he's been buzzing ever since", "en", "praise", &[]),
    ("La maestra di nuoto ha convinto nostro figlio a mettere la testa sott'acqua, è al settimo cielo", "it", "praise", &[]),
    ("Die Schwimmlehrerin hat unseren Sohn endlich zum Tauchen gebracht, er strahlt seitdem", "de", "praise", &[]),
    ("A professora de natação convenceu o nosso filho a pôr a cabeça debaixo de água, anda radiante", "pt", "praise", &[]),
];

#[test]
fn praise_through_a_negation_reads_as_praise_and_look_alikes_do_not() {
    let mut wrong = Vec::new();
    for (text, lang, intent, why) in CASES {
        let got = classify(text, None);
        let reasons = got.reasons.join(" | ");
        let named = why.iter().all(|w| reasons.contains(&format!("'{w}'")));
        let tone = match *intent {
            "praise" => got.sentiment == "positive",
            "question" => got.sentiment == "neutral",
            _ => got.sentiment != "positive",
        };
        if (!lang.is_empty() && got.language != Some(lang))
            || got.intent != *intent
            || got.complaint != (*intent == "complaint")
            || !named
            || !tone
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
fn a_negation_is_named_as_it_is_written() {
    let got = classify("Honestly can't fault them, spot on", None);
    let reasons = got.reasons.join(" | ");
    assert!(reasons.contains("'can't fault'"), "{reasons}");
    assert!(!reasons.contains("cant "), "{reasons}");
}
