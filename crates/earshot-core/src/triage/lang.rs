//! Which language a post is written in: whatlang's trigram detector, limited to the languages
//! people write to a business in and reported only when it is sure. Triage has language-specific
//! negation and boosters ([`super::text`]) and learned weights for [`MODELLED`]; a post in
//! another language says so in its reasons instead of reading as neutral.

use whatlang::{Detector, Lang};

#[path = "lang_kin.rs"]
mod kin;
use kin::kin_words;

/// Languages the shipped model learned from (ISO 639-1).
pub const MODELLED: &[&str] = &["en", "es", "fr", "de", "it", "pt"];

/// The ISO 639-1 code of a post's language, or None when the text is too short or mixed to
/// tell (under 12 letters, only two words of one language's own tell it). Links, @handles and #hashtags are left out of the guess.
pub fn detect(text: &str) -> Option<&'static str> {
    let words = words_of(text);
    let letters = letters_in(&words);
    if letters < 12 {
        // Too short for trigrams; two words of one language's own are enough ("Très déçu",
        // "Molto deluso").
        return function_words(&words)
            .filter(|(_, n)| *n >= 2)
            .map(|(w, _)| w);
    }
    // Most posts are plainly English, and that is decided before any other language's words
    // are counted.
    if plainly_english(&words) {
        return Some("en");
    }
    let by_words = function_words(&words);
    if let Some(settled) = settled(by_words, &words) {
        return Some(settled);
    }
    weigh(
        &words,
        letters,
        by_words,
        detector().detect(&words.join(" ")),
    )
}

/// The words a post's language is told by: links, @handles and #hashtags are left out.
fn words_of(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .filter(|w| !(w.starts_with('@') || w.starts_with('#') || w.contains("://")))
        .collect()
}

fn letters_in(words: &[&str]) -> usize {
    words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphabetic())
        .count()
}

/// The language a post's own words settle without asking the trigrams (they are two thirds of
/// the cost of a post in another language than English): function words of one modelled
/// language and of no other, one of them a word its kin never writes, and, for Spanish and
/// Portuguese, no spelling only the other of the two writes. One such word is enough where it
/// is the post's only function word; an English one, where no letter is outside ASCII.
fn settled(by_words: Option<(&'static str, usize)>, words: &[&str]) -> Option<&'static str> {
    let (w, n) = by_words?;
    let own_kin = if n == 1 {
        words.iter().any(|raw| lone_word_tells(w, raw, words))
    } else {
        w == "en" || unlike_kin(w, kin_of(w), words)
    };
    if !own_kin {
        return None;
    }
    if w != "es" && w != "pt" {
        return Some(w);
    }
    let told = match iberian_tells(words) {
        (1.., 0) => "es",
        (0, 1..) => "pt",
        _ => w,
    };
    (told == w).then_some(w)
}

/// Whether `raw` is a function word of `lang` that tells it alone: one its kin never write
/// (Italian writes Spanish "del") nor another language in passing (English tweets write "yo",
/// "ya", "im"; Portuguese "to" for "tô"; French "il y a"), English only in a post of ASCII
/// letters. It is right more often than the trigrams, which take English tweets for French or
/// Dutch (BENCHMARKS.md).
fn lone_word_tells(lang: &str, raw: &str, words: &[&str]) -> bool {
    const BORROWED: &[&str] = &["to", "has", "ya", "yo", "soy", "im", "hat", "gente", "y"];
    let w = raw
        .trim_matches(|c: char| !(c.is_alphanumeric() || c == '\''))
        .to_lowercase();
    let own = MODELLED.iter().position(|l| *l == lang);
    if BORROWED.contains(&w.as_str()) || function_word_index().get(w.as_str()) != own.as_ref() {
        return false;
    }
    match lang {
        "en" => !outside_ascii(words),
        _ => kin_words(lang, kin_of(lang), &[&w]) > 0,
    }
}

/// The kin [`kin_words`] tells a modelled language from: Catalan for Spanish and French; for
/// German, Italian and Portuguese, all of theirs at once ("").
fn kin_of(lang: &str) -> &'static str {
    if matches!(lang, "es" | "fr") {
        "ca"
    } else {
        ""
    }
}

/// A post's language from its function words (`by_words`) and the trigrams' guess (`info`).
fn weigh(
    words: &[&str],
    letters: usize,
    by_words: Option<(&'static str, usize)>,
    info: Option<whatlang::Info>,
) -> Option<&'static str> {
    // whatlang's confidence is relative to the runner-up: Spanish beside Catalan and Portuguese
    // scores low while right; below this it is a guess.
    let guess = info.as_ref().and_then(|i| code(i.lang()));
    let sure = info
        .filter(|i| i.confidence() >= 0.15)
        .and_then(|i| code(i.lang()));
    // Spanish and Portuguese share most short words, and trigrams mistake one for the other in
    // short posts ("Me cobraron una bebida que no pedimos" is Portuguese to them): what only one
    // of the two writes decides ("cobraron", "-ción", "ñ" against "ção", "ã", "você"), and
    // names one of the two where the trigrams lean to either without being sure ("Si pudiese
    // cantar bonito no dejaría de hacerlo"). Two or more words of a third language outweigh
    // these spellings: "ça", "être" and "tête" are French, not Portuguese.
    let third = by_words.is_some_and(|(w, n)| n >= 2 && w != "es" && w != "pt");
    if let Some(t @ ("es" | "pt")) = guess.filter(|_| !third) {
        let (es, pt) = iberian_tells(words);
        let other = if t == "es" { "pt" } else { "es" };
        let (own, theirs) = if t == "es" { (es, pt) } else { (pt, es) };
        if own == 0 && theirs > 0 {
            return Some(other);
        }
        if sure.is_none() && own > 0 && theirs == 0 && by_words.is_none_or(|(w, _)| w == t) {
            return Some(t);
        }
    }
    match (by_words, sure) {
        // Trigrams tell a close kin of a modelled language better than this short list (Catalan
        // shares "el" and "que" with Spanish, Dutch "die" and "wie" with German); otherwise two
        // or more function words win ("Plus jamais, serveur impoli" is Finnish to the trigrams),
        // and one word decides only where the trigrams cannot.
        (Some((w, n)), Some(t)) if n >= 2 && (!kin(w, t) || unlike_kin(w, t, words)) => Some(w),
        // One word the kin never writes tells it from its kin ("Vous acceptez les tickets
        // restaurant ?" is Catalan to the trigrams).
        (Some((w, _)), Some(t)) if kin(w, t) && unlike_kin(w, t, words) => Some(w),
        // In a short post one word of a modelled language outweighs the trigrams' guess of a
        // language without a model ("2 stars, slow service" is Romanian to them).
        (Some((w, _)), Some(t)) if letters < 25 && !MODELLED.contains(&t) && !kin(w, t) => Some(w),
        (Some((w, _)), None) => Some(w),
        // Two words Catalan never writes tell Spanish where no function word of the six does ("La
        // tintorería me devolvió la camisa con una mancha nueva" is Catalan to the trigrams).
        (None, Some("ca")) if kin_words("es", "ca", words) >= 2 => Some("es"),
        (_, t) => t,
    }
}

/// Whether a post uses a word of `lang` that its kin `other` never writes: Catalan shares "el"
/// and "del" with Spanish, but not "fue", "muy" or "y" ("El camarero fue racista con mi
/// pareja" is Catalan to the trigrams); Dutch and the Scandinavian languages share "die" and
/// "was" with German, but not "danke", "nicht" or "lecker" ("voll lecker 😍 danke" is Dutch to
/// the trigrams).
fn unlike_kin(lang: &str, other: &str, words: &[&str]) -> bool {
    kin_words(lang, other, words) > 0
}

/// How many words of a post only Spanish writes, and how many only Portuguese: each one's own
/// function words, spellings the other never uses (Spanish "ñ", "¿", "¡"; Portuguese "ã", "õ",
/// "ç", "â", "ê", "ô") and endings (Spanish "-ción", "-aron", "-ieron", "-ía", "-ío"; Portuguese
/// "-ção", "-ções", "-aram", "-eram", "-iram", "-nh-", "-lh-").
fn iberian_tells(words: &[&str]) -> (usize, usize) {
    let index = function_word_index();
    let (mut es, mut pt) = (0, 0);
    for raw in words {
        let w = raw
            .trim_matches(|c: char| !(c.is_alphanumeric() || c == '¿' || c == '¡'))
            .to_lowercase();
        match index.get(w.as_str()) {
            Some(1) => es += 1,
            Some(5) => pt += 1,
            _ => {}
        }
        let spanish = w.contains(['ñ', '¿', '¡'])
            || ["ción", "ciones", "aron", "ieron", "ía", "ían", "ío"]
                .iter()
                .any(|e| w.ends_with(e) && w.len() > e.len() + 2);
        let portuguese = w.contains(['ã', 'õ', 'ç', 'â', 'ê', 'ô'])
            || ["aram", "eram", "iram"]
                .iter()
                .any(|e| w.ends_with(e) && w.len() > e.len() + 1)
            || (w.len() > 4 && (w.contains("nh") || w.contains("lh")));
        es += usize::from(spanish);
        pt += usize::from(portuguese);
    }
    (es, pt)
}

/// Whether `other`, a language without a model, is close enough kin of the modelled `lang` to
/// write its function words.
fn kin(lang: &str, other: &str) -> bool {
    let kin: &[&str] = match lang {
        "de" => &["nl", "da", "sv", "nb"],
        "es" | "fr" => &["ca"],
        "it" | "pt" => &["ca", "ro"],
        _ => &[],
    };
    !MODELLED.contains(&other) && kin.contains(&other)
}

/// The modelled language whose own function words a post uses (words that belong to one of
/// them alone: "ya", "não", "nicht", "très", "anche", "the", and the sentiment words of one
/// language's own lexicon: "impoli", "maleducada"), with how many it used: two or more
/// and at least twice the runner-up's, or one and no other. Short posts defeat trigrams ("@user
/// ya somos dos, qué triste" reads as Portuguese to whatlang, "Ya no es tan divertido" as
/// nothing); these words do not. Measured on the languages' training tweets in BENCHMARKS.md.
fn function_words(words: &[&str]) -> Option<(&'static str, usize)> {
    let index = function_word_index();
    let mut counts = [0usize; 6];
    let mut w = String::new();
    for raw in words {
        let t = raw.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'));
        // The longest function word is 11 bytes; longer words matter only for their elision.
        let head = t.get(..t.len().min(12)).unwrap_or(t);
        w.clear();
        for c in head.chars() {
            if c == '’' {
                w.push('\'');
            } else {
                w.extend(c.to_lowercase());
            }
        }
        let whole = head.len() == t.len();
        let lang = whole
            .then(|| index.get(w.as_str()).copied())
            .flatten()
            .or_else(|| {
                // A sentiment word of one language's own lexicon ("impoli", "unfreundliches").
                let own = super::vader::own_language(&w)?;
                MODELLED.iter().position(|l| *l == own)
            })
            .or_else(|| {
                // French elisions ("j'ai", "n'est", "qu'il"); Italian elides otherwise ("l'ho", "c'è").
                let elided = ["j'", "n'", "m'", "t'", "qu'"]
                    .iter()
                    .any(|p| t.len() > p.len() && w.starts_with(p));
                elided.then_some(2)
            });
        if let Some(l) = lang {
            counts[l] += 1;
        }
    }
    let mut order: Vec<usize> = (0..6).collect();
    order.sort_by_key(|&l| std::cmp::Reverse(counts[l]));
    let (best, second) = (counts[order[0]], counts[order[1]]);
    let decisive = (best >= 2 && best >= 2 * second) || (best == 1 && second == 0);
    decisive.then(|| (MODELLED[order[0]], best))
}

/// Each language's frequent words that none of the others writes (after dropping those two of
/// them share: "que", "no", "la", "una", "con", "sempre"…). Same order as [`MODELLED`].
const FUNCTION_WORDS: [&str; 6] = [
    // English
    "the and to is for you my of this that with have not are be at your we but just can get \
     what they will from has been our its it's i'm don't can't would about there their when how \
     why who still after never again all thanks thank please dear regards hello hi \
     u ur pls plz smh tbh ngl idk btw ffs didnt doesnt wasnt isnt havent",
    // Spanish
    "el los las del y pero muy ya yo tengo estoy están eres soy nadie también tambien \
     cuando donde qué hoy mañana ahora siempre hay hace gracias bueno mucho esto sin pues sé \
     puedo quiero tiene tienen fue hasta aunque entonces alguien él ella usted \
     ustedes vosotros mismo así eso unos unas hola buenas buenos abrís abren cuánto llevo llevamos \
     habéis habeis hacéis haceis hicisteis podéis estáis estais vuestro vuestra vuestros \
     vuestras después lunes martes miércoles jueves viernes xq porq tmb tmbn xfa porfa dnd \
     estuvo estuve estuvimos estaba estaban verdad cobraron dijeron tardaron devuelto devolvieron \
     ayer anoche noche faltaba faltaban otra otro otras otros diez",
    // French
    "des du et est je elle nous vous ils pas c'est j'ai n'est qu'il avec pour dans sur \
     une cette très trop toujours jamais rien merci oui moi toi ça aussi encore être fait \
     suis sont ont été au aux êtes bonjour bonsoir svp combien ouvrez demain aujourd'hui \
     dimanche lundi mardi mercredi jeudi vendredi samedi commande cest jai jsp stp mdr ptdr \
     tkt bcp pcq jpp chui jsuis après voir chez vraiment depuis les qui tout toute tous toutes \
     leur leurs votre notre peu déjà quand comme même fois donc alors ses ces cet sommes avez \
     avons faire peut veux moins quoi pourquoi elles sans bon",
    // German
    "der die das und ist nicht ich du er sie wir ihr ein eine einen mit auf für von zu den dem \
     im nein kein keine noch schon auch aber sehr wie habe haben bin sind wird heute immer \
     nie danke gut jetzt mir mich dich dir euch oder wenn dass weil doch nur mehr viel \
     alles nichts dann gibt geht kann muss soll ganz wieder morgen gestern einfach zum zur \
     beim vom ins sich als nach bei aus über wer wo warum diese dieser dieses meine mein dein \
     deine seine ihre unsere hab vielen dank bitte guten seid habt geöffnet kostet bestellung \
     sonntag montag dienstag mittwoch donnerstag freitag samstag nich nix voll bissl ohne hat",
    // Italian
    "gli della delle degli dei nel nella che non è sono ho hai per ci anche ancora \
     sempre mai niente nessuno grazie molto questo questa quello perché perche oggi io lui \
     lei noi voi loro alla sul dal dalla più piu tutto tutti fatto essere stato di c'è l'ho \
     siamo fa poi proprio bello sarà può così cosi già gia però siete aperti domani buongiorno \
     fate potete avete vorrei volevo piacerebbe troppo mio miei tuo tuoi suo suoi nostro vostro \
     buonasera preferito preferita preferiti ristorante domenica lunedì martedì mercoledì \
     giovedì venerdì sabato nn cmq xke xké xche perke qlc qlcs anke manchi guarisci",
    // Portuguese
    "não nao você voce vc eu meu minha muito também tambem então entao ainda isso isto \
     agora hoje ninguém ninguem com uma um ao às na pra pro tá estou tenho \
     vocês são obrigado obrigada bom boa vai onde sim só tudo gente ele ela eles já né mesmo assim \
     é seu sua nós pq vcs kkk kkkk kkkkk rs nem ter tem fazer vou ficar quer melhor demais \
     coisa depois pode ontem amanhã amanha obg bem olá abrem custa atende atendimento fazem \
     telefone cadê mto mt tbm td hj dps msm vdd cmg oq blz vlw ñ dms valeu sem veio cheio novo estava estavam chegámos mim pela pelas têm há sítio",
];

fn function_word_index() -> &'static std::collections::HashMap<&'static str, usize> {
    static I: std::sync::OnceLock<std::collections::HashMap<&'static str, usize>> =
        std::sync::OnceLock::new();
    I.get_or_init(|| {
        let mut seen: std::collections::HashMap<&'static str, Option<usize>> = Default::default();
        for (l, list) in FUNCTION_WORDS.iter().enumerate() {
            for w in list.split_whitespace() {
                seen.entry(w)
                    .and_modify(|v| {
                        if *v != Some(l) {
                            *v = None;
                        }
                    })
                    .or_insert(Some(l));
            }
        }
        seen.into_iter()
            .filter_map(|(w, l)| l.map(|l| (w, l)))
            .collect()
    })
}

/// Words only English uses, and often: a post of plain letters with enough of them is English
/// without asking the detector (a tenth of the cost of triage otherwise, for most posts).
const ENGLISH: &[&str] = &[
    "the", "and", "to", "is", "for", "you", "my", "of", "was", "this", "that", "with", "have",
    "not", "are", "be", "at", "your", "we", "but", "just", "can", "get", "what", "they", "will",
    "from", "has", "been", "our", "its", "it's", "i'm", "don't", "can't", "would", "about",
    "there", "their", "when", "how", "why", "who", "still", "after", "never", "again", "all",
    "thanks", "please", "dear", "regards", "hello", "hi", "u", "ur", "pls", "plz", "didnt",
    "doesnt", "wasnt", "isnt", "havent", "got", "guys", "had", "were", "did", "does", "very",
    "good", "great", "ordered", "waiting", "which", "than", "them", "then", "could", "should",
    "because", "anyone", "some", "better", "couldn't", "couldnt", "wouldn't", "wouldnt", "won't",
    "didn't", "doesn't", "isn't", "wasn't", "haven't", "want", "refund", "i've", "we've", "you've",
    "best",
];

/// Whether a word has a letter outside ASCII ("é", "ñ"), which tells of another language than
/// English: emoji are no language's ("worst brunch ever 😡"), nor a curly apostrophe ("don’t").
fn outside_ascii(words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| w.chars().any(|c| !c.is_ascii() && c.is_alphabetic()))
}

fn plainly_english(words: &[&str]) -> bool {
    if outside_ascii(words) {
        return false;
    }
    let (mut n, mut hits) = (0usize, 0usize);
    let apostrophe = |c: char| c == '\'' || c == '’';
    let parts = words
        .iter()
        .flat_map(|w| w.split(move |c: char| !(c.is_ascii_alphabetic() || apostrophe(c))))
        .filter(|p| !p.is_empty());
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    let set = SET.get_or_init(|| ENGLISH.iter().copied().collect());
    // The longest word of the list is 8 bytes: a word is lowered into this buffer, not a String.
    let mut lower = [0u8; 8];
    for w in parts {
        n += 1;
        // Its letters are ASCII; a curly apostrophe is written straight ("don’t" is "don't").
        let mut len = 0;
        let fits = w.chars().all(|c| {
            let Some(slot) = lower.get_mut(len) else {
                return false;
            };
            *slot = if apostrophe(c) {
                b'\''
            } else {
                (c as u8).to_ascii_lowercase()
            };
            len += 1;
            true
        });
        let listed = fits && std::str::from_utf8(&lower[..len]).is_ok_and(|w| set.contains(w));
        hits += usize::from(listed);
    }
    hits >= 2 && hits * 5 >= n
}

fn detector() -> &'static Detector {
    static D: std::sync::OnceLock<Detector> = std::sync::OnceLock::new();
    D.get_or_init(|| {
        Detector::with_allowlist(vec![
            Lang::Eng,
            Lang::Spa,
            Lang::Fra,
            Lang::Deu,
            Lang::Ita,
            Lang::Por,
            Lang::Nld,
            Lang::Swe,
            Lang::Dan,
            Lang::Nob,
            Lang::Pol,
            Lang::Tur,
            Lang::Rus,
            Lang::Ukr,
            Lang::Ara,
            Lang::Hin,
            Lang::Jpn,
            Lang::Cmn,
            Lang::Kor,
            Lang::Ell,
            Lang::Heb,
            Lang::Cat,
            Lang::Ron,
            Lang::Ces,
            Lang::Hun,
            Lang::Fin,
            Lang::Ind,
            Lang::Vie,
            Lang::Tha,
        ])
    })
}

fn code(l: Lang) -> Option<&'static str> {
    Some(match l {
        Lang::Eng => "en",
        Lang::Spa => "es",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Ita => "it",
        Lang::Por => "pt",
        Lang::Nld => "nl",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Nob => "nb",
        Lang::Pol => "pl",
        Lang::Tur => "tr",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Ara => "ar",
        Lang::Hin => "hi",
        Lang::Jpn => "ja",
        Lang::Cmn => "zh",
        Lang::Kor => "ko",
        Lang::Ell => "el",
        Lang::Heb => "he",
        Lang::Cat => "ca",
        Lang::Ron => "ro",
        Lang::Ces => "cs",
        Lang::Hun => "hu",
        Lang::Fin => "fi",
        Lang::Ind => "id",
        Lang::Vie => "vi",
        Lang::Tha => "th",
        _ => return None,
    })
}

/// The language's name in English, for reasons ("written in Dutch").
pub fn name(code: &str) -> &'static str {
    match code {
        "en" => "English",
        "es" => "Spanish",
        "fr" => "French",
        "de" => "German",
        "it" => "Italian",
        "pt" => "Portuguese",
        "nl" => "Dutch",
        "sv" => "Swedish",
        "da" => "Danish",
        "nb" => "Norwegian",
        "pl" => "Polish",
        "tr" => "Turkish",
        "ru" => "Russian",
        "uk" => "Ukrainian",
        "ar" => "Arabic",
        "hi" => "Hindi",
        "ja" => "Japanese",
        "zh" => "Chinese",
        "ko" => "Korean",
        "el" => "Greek",
        "he" => "Hebrew",
        "ca" => "Catalan",
        "ro" => "Romanian",
        "cs" => "Czech",
        "hu" => "Hungarian",
        "fi" => "Finnish",
        "id" => "Indonesian",
        "vi" => "Vietnamese",
        "th" => "Thai",
        _ => "another language",
    }
}

#[cfg(test)]
#[path = "lang_tests.rs"]
mod tests;
