//! The writer's own mishaps (read from `lost.rs`, beside the loss "somewhere"): a train or a bus
//! missed by a hair ("Missed the last train home by thirty seconds", "Raté le dernier train à
//! trente secondes près", "Den letzten Zug um dreißig Sekunden verpasst"), a dish the writer
//! burnt ("Burnt the Sunday roast again, we're having toast"), a crop the weather killed ("The
//! heatwave has killed half the tomatoes on my allotment"), a tree that had to come down, days
//! in bed with flu. Bad luck, and what followed it (the cold platform, the missed wedding) no
//! grievance. Not when the post gives a cause or a delay ("because the driver left early", "the
//! first train was late"), where a complaint lies. A thing the writer dropped is not among them:
//! such a post most often asks for a repair. Read on folded text. Earshot's own rules.

use super::super::super::cues::{word_spans, Folded};
use super::{sentence, sentence_ends};

/// Whether any of `list` stands anywhere in a folded text, inside a word or not: what most
/// posts fail before their words are split.
fn said(text: &str, list: &[&str]) -> bool {
    list.iter().any(|w| text.contains(w))
}

/// Missed, folded; French "rate" only before "a … pres" ([`margin`]).
#[rustfmt::skip]
const MISSED: &[&str] = &[
    "missed", "perdi", "perdimos", "perdido", "rate", "ratee", "rates", "verpasst", "verpassten",
    "perso", "persa", "persi", "perdemos", "perdeu",
];

/// What runs to a timetable, folded.
#[rustfmt::skip]
const TRANSPORT: &[&str] = &[
    "train", "bus", "tram", "ferry", "flight", "plane", "connection", "tube", "metro", "tren",
    "autobus", "tranvia", "vuelo", "avion", "conexion", "correspondance", "rer", "navette", "zug",
    "bahn", "strassenbahn", "straßenbahn", "flug", "anschluss", "fahre", "treno", "pullman",
    "aereo", "volo", "coincidenza", "traghetto", "comboio", "autocarro", "onibus", "eletrico",
    "aviao", "voo", "ligacao", "barco",
];

/// Before a margin ("by", "por", "à … près", "um", "per") and the units after it.
const BY: &[&str] = &["by", "por", "a", "um", "per"];
#[rustfmt::skip]
const UNIT: &[&str] = &[
    "seconds", "second", "secs", "minutes", "minute", "mins", "segundos", "segundo", "minutos",
    "minuto", "secondes", "seconde", "sekunden", "sekunde", "minuten", "secondi", "minuti",
];

/// A cause, a delay or a driver anywhere in the post: the miss is then someone's doing.
#[rustfmt::skip]
const CAUSED: &[&str] = &[
    "because", "cause", "due", "thanks", "late", "delayed", "driver", "porque", "culpa",
    "gracias", "retraso", "conductor", "parce", "retard", "chauffeur", "weil", "wegen", "schuld",
    "dank", "verspatung", "fahrer", "perche", "colpa", "grazie", "ritardo", "autista", "causa",
    "atraso", "motorista", "early", "temprano", "avance", "fruher", "anticipo", "cedo",
];

/// Whether the folded post's words (`spans` of `text`) name a cause ([`CAUSED`]): English "due"
/// only before "to" (Italian "due" is two: "due ore di macchina").
pub(super) fn caused(text: &str, spans: &[(usize, usize)]) -> bool {
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    (0..spans.len()).any(|k| CAUSED.contains(&word(k)) && (word(k) != "due" || word(k + 1) == "to"))
}

/// Whether the post names a cause or the business ([`caused`], [`YOURS`]): a mishap told so
/// may be the business's doing.
pub(super) fn theirs(text: &str, spans: &[(usize, usize)]) -> bool {
    caused(text, spans) || spans.iter().any(|&(s, e)| YOURS.contains(&&text[s..e]))
}

/// A margin of seconds or minutes at word `i`: "by thirty seconds", "por dos minutos", "à une
/// minute près", "um dreißig Sekunden", "per trenta secondi", "by a few seconds".
fn margin<'t>(word: &dyn Fn(usize) -> &'t str, i: usize) -> bool {
    BY.contains(&word(i))
        && (i + 1..i + 5)
            .any(|u| UNIT.contains(&word(u)) && (word(i) != "a" || word(u + 1) == "pres"))
}

/// The sentence that tells a train or a bus the writer missed by a hair, as the post says it
/// up to a "but"; or None.
pub(super) fn missed_by(folded: &Folded) -> Option<String> {
    let text = folded.as_str();
    if !UNIT.iter().any(|u| text.contains(u)) {
        return None;
    }
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    if caused(text, &spans) {
        return None;
    }
    let missed = (0..spans.len()).find(|&i| MISSED.contains(&word(i)))?;
    let (from, to) = sentence(text, &spans, missed);
    let inside: Vec<usize> = (0..spans.len())
        .filter(|&k| spans[k].0 >= from && spans[k].1 <= to)
        .collect();
    let told = inside.iter().any(|&k| TRANSPORT.contains(&word(k)))
        && inside.iter().any(|&k| margin(&word, k));
    told.then(|| folded.own(from, to))
}

/// Burnt, folded, and who burnt it right before: the writer ("I burnt", "he quemado", "j'ai
/// brûlé", "ho bruciato"), or no one named where a sentence opens ("Burnt the roast again").
/// Spanish "quemé" and Portuguese "queimei" say the writer alone; German "anbrennen lassen" too.
const BURNT: &[&str] = &[
    "burnt", "burned", "quemado", "brule", "brulee", "bruciato", "bruciata",
];
const BURNT_MYSELF: &[&str] = &["queme", "quemamos", "queimei", "queimamos", "anbrennen"];
const BURNER: &[&str] = &["i", "we", "he", "hemos", "j'ai", "avons", "ho", "abbiamo"];

/// What the writer burnt of themselves on something served ("burnt my mouth on the soup"):
/// a complaint's harm, not a mishap.
#[rustfmt::skip]
const BODY: &[&str] = &[
    "mouth", "tongue", "hand", "hands", "finger", "fingers", "lips", "arm", "boca", "lengua",
    "mano", "dedo", "dedos", "labios", "bouche", "langue", "main", "doigt", "doigts", "levres",
    "mund", "zunge", "lippen", "bocca", "lingua", "dito", "dita", "labbra", "mao",
];

/// The sentence that tells a dish the writer burnt ("Burnt the Sunday roast for the second week
/// in a row, we're having toast"), as the post says it up to a "but"; or None.
fn own_burnt(folded: &Folded) -> Option<String> {
    let text = folded.as_str();
    if !(said(text, BURNT) || said(text, BURNT_MYSELF)) {
        return None;
    }
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let burnt = (0..spans.len()).find(|&i| {
        let first = i == 0 || sentence_ends(text, &spans, i - 1);
        BURNT_MYSELF.contains(&word(i))
            || BURNT.contains(&word(i)) && (first || i > 0 && BURNER.contains(&word(i - 1)))
    })?;
    let hurt = (burnt + 1..burnt + 4).any(|k| BODY.contains(&word(k)));
    if hurt || caused(text, &spans) {
        return None;
    }
    let (from, to) = sentence(text, &spans, burnt);
    Some(folded.own(from, to))
}

/// Heat, drought and frost, folded, besides the weather of [`super::super::WEATHER_ITSELF`].
#[rustfmt::skip]
const HEAT: &[&str] = &[
    "heatwave", "heat", "drought", "frost", "frosts", "calor", "sequia", "helada", "heladas",
    "canicule", "chaleur", "secheresse", "gel", "gelees", "hitzewelle", "hitze", "durre",
    "ondata", "caldo",
    "siccita", "gelata", "gelate", "geada", "geadas",
];

/// What the weather did to a garden or a crop, folded.
#[rustfmt::skip]
const KILLED: &[&str] = &[
    "killed", "destroyed", "ruined", "wrecked", "flattened", "scorched", "acabado", "destrozado",
    "arrasado", "matado", "destruido", "tue", "detruit", "ravage", "grille", "vernichtet",
    "zerstort", "ruiniert", "verbrannt", "ucciso", "distrutto", "rovinato", "bruciato", "matou",
    "destruiu", "estragou", "queimou", "arrasou",
];

/// What may stand before the weather where its sentence opens: articles and "last night's".
#[rustfmt::skip]
const OPENING: &[&str] = &[
    "the", "this", "last", "night's", "nights", "week's", "weeks", "el", "la", "las", "los",
    "esta", "este", "le", "les", "cette", "ce", "die", "der", "das", "diese", "dieser", "il",
    "lo", "questa", "questo", "a", "o", "as", "os", "essa", "esse", "ola", "onda", "vague", "de",
    "di",
];

/// The sentence that tells what the weather, its subject, killed or wrecked ("The heatwave has
/// killed half the tomatoes on my allotment", "La canicule a tué la moitié de mes tomates"):
/// the weather where its sentence opens, after an article at most, the harm within ten words
/// after it. As the post says it, up to a "but"; or None.
fn weather_harm(folded: &Folded) -> Option<String> {
    let text = folded.as_str();
    if !said(text, KILLED) {
        return None;
    }
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    // "L'ondata", "l'orage": the word after the elision.
    let bare = |k: usize| word(k).rsplit('\'').next().unwrap_or("");
    let weather =
        |k: usize| HEAT.contains(&bare(k)) || super::super::WEATHER_ITSELF.contains(&bare(k));
    let at = (0..spans.len()).find(|&i| {
        let start = (0..i)
            .rev()
            .find(|&k| sentence_ends(text, &spans, k))
            .map_or(0, |k| k + 1);
        let opens = (start..i).all(|k| OPENING.contains(&word(k)));
        weather(i) && opens && (i + 1..i + 11).any(|k| KILLED.contains(&word(k)))
    })?;
    if theirs(text, &spans) {
        return None;
    }
    let (from, to) = sentence(text, &spans, at);
    Some(folded.own(from, to))
}

/// The business's hand in what the weather harmed ("the awning you fitted last week"), folded.
#[rustfmt::skip]
const YOURS: &[&str] = &[
    "you", "your", "fitted", "installed", "vuestro", "vuestra", "instalado", "instalaron",
    "vous", "votre", "installe", "installee", "ihr", "euer", "eure", "euch", "eingebaut",
    "montiert",
    "vostro", "vostra", "installato", "installata", "vosso", "vossa", "instalaram",
];

/// A tree, folded.
#[rustfmt::skip]
const TREE: &[&str] = &[
    "tree", "oak", "pine", "birch", "willow", "beech", "arbol", "roble", "pino", "abedul",
    "sauce", "arbre", "chene", "sapin", "bouleau", "saule", "baum", "eiche", "birke", "tanne",
    "linde", "weide", "buche", "albero", "quercia", "betulla", "salice", "arvore", "carvalho",
    "pinheiro", "salgueiro",
];

/// Had to, folded: "had to come down", "han tenido que talar", "a dû être abattu", "musste
/// gefällt werden", "hanno dovuto abbattere", "tiveram de abater".
#[rustfmt::skip]
const HAD_TO: &[&str] = &[
    "had", "tenido", "tuvimos", "tuvieron", "du", "musste", "mussten", "dovuto", "tiveram",
    "tivemos",
];

/// Felled, folded ("come down", "cut down": the "down").
#[rustfmt::skip]
const FELLED: &[&str] = &[
    "down", "felled", "talar", "talado", "abattre", "abattu", "gefallt", "fallen", "abbattere",
    "abbattuto", "abbattuta", "abater", "abatido",
];

/// The sentence that tells a tree of the writer's that had to be felled ("Our old oak tree had
/// to come down today, the garden looks so bare without it"): a sadness of nobody's doing. As
/// the post says it, up to a "but"; or None.
fn tree_felled(folded: &Folded) -> Option<String> {
    let text = folded.as_str();
    if !said(text, TREE) {
        return None;
    }
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let had = (0..spans.len()).find(|&i| {
        let next = word(i + 1);
        HAD_TO.contains(&word(i))
            && match word(i) {
                "had" => next == "to",
                "tenido" | "tuvimos" | "tuvieron" => next == "que",
                "tiveram" | "tivemos" => next == "de" || next == "que",
                _ => true,
            }
    })?;
    let (from, to) = sentence(text, &spans, had);
    let inside: Vec<&str> = (0..spans.len())
        .filter(|&k| spans[k].0 >= from && spans[k].1 <= to)
        .map(word)
        .collect();
    let told = inside.iter().any(|w| TREE.contains(w))
        && inside.iter().any(|w| FELLED.contains(w))
        && !caused(text, &spans);
    told.then(|| folded.own(from, to))
}

/// An illness that keeps one in bed, folded: "in bed with flu", "en la cama con gripe", "au lit
/// avec la grippe", "mit Grippe im Bett", "a letto con l'influenza", "na cama com gripe".
#[rustfmt::skip]
const ILL: &[&str] = &[
    "flu", "covid", "fever", "gripe", "fiebre", "resfriado", "grippe", "fievre", "rhume",
    "fieber", "erkaltung", "influenza", "febbre", "raffreddore", "febre", "constipacao",
];
const BED: &[&str] = &["bed", "cama", "lit", "bett", "letto"];

/// What an illness may have come from that is a business's ("food poisoning after your
/// buffet"), folded: then it is no mishap.
#[rustfmt::skip]
const FROM: &[&str] = &[
    "poisoning", "ate", "eating", "intoxicacion", "comer", "intoxication", "mange", "vergiftung",
    "gegessen", "intossicazione", "mangiato", "intoxicacao", "comi",
];

/// The sentence that tells the writer ill in bed ("Spent the whole weekend in bed with flu and
/// missed my best friend's wedding"): what it cost is nobody's doing. As the post says it, up
/// to a "but"; or None.
fn ill_in_bed(folded: &Folded) -> Option<String> {
    let text = folded.as_str();
    if !said(text, ILL) {
        return None;
    }
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let bare = |k: usize| word(k).rsplit('\'').next().unwrap_or("");
    let ill = (0..spans.len()).find(|&i| {
        ILL.contains(&bare(i)) && (i.saturating_sub(4)..i + 5).any(|k| BED.contains(&word(k)))
    })?;
    if caused(text, &spans) || (0..spans.len()).any(|k| FROM.contains(&word(k))) {
        return None;
    }
    let (from, to) = sentence(text, &spans, ill);
    Some(folded.own(from, to))
}

/// The writer's own mishap: a train missed by a hair ([`missed_by`]), a dish burnt
/// ([`own_burnt`]), a crop the weather killed ([`weather_harm`]), a tree that had to be felled
/// ([`tree_felled`]), days in bed ill ([`ill_in_bed`]), a fall on the ice at home, a pet gone
/// missing, work that keeps the writer from a party, tears at a first parting, keys locked in
/// (`bad_luck.rs`), a car broken down on the way (`broke_down.rs`), a place of the past gone
/// (`gone.rs`), a sprain or a plan undone by a stay in hospital (`hurt.rs`).
/// Read negative whatever the model leans to (`farewell::saddened`).
pub(crate) fn mishap(folded: &Folded) -> Option<String> {
    missed_by(folded)
        .or_else(|| own_burnt(folded))
        .or_else(|| weather_harm(folded))
        .or_else(|| tree_felled(folded))
        .or_else(|| ill_in_bed(folded))
        .or_else(|| bad_luck::bad_luck(folded))
        .or_else(|| broke_down::broke_down(folded))
        .or_else(|| gone::gone(folded))
        .or_else(|| hurt::sprained(folded))
        .or_else(|| hurt::in_hospital(folded))
}

#[path = "bad_luck.rs"]
mod bad_luck;
#[path = "broke_down.rs"]
mod broke_down;
#[path = "gone.rs"]
mod gone;
#[path = "hurt.rs"]
mod hurt;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_train_missed_by_a_hair_is_told_and_one_missed_through_a_delay_is_not() {
        let cases = [
            (
                "Missed the 7:10 bus by a few seconds. Freezing at the stop now.",
                Some("missed the 7:10 bus by a few seconds"),
            ),
            (
                "Perdimos el tren por dos minutos, qué rabia",
                Some("perdimos el tren por dos minutos, qué rabia"),
            ),
            (
                "Raté mon train à une minute près",
                Some("raté mon train à une minute près"),
            ),
            (
                "Die S-Bahn um zwei Minuten verpasst, jetzt warten",
                Some("die s-bahn um zwei minuten verpasst, jetzt warten"),
            ),
            (
                "Missed my connection by 2 minutes because the first train was late",
                None,
            ),
            (
                "Missed the bus by ten seconds, the driver saw me and drove off",
                None,
            ),
            ("Missed the start of the film by ten minutes", None),
            ("The train left two minutes early and I missed it", None),
        ];
        for (text, told) in cases {
            assert_eq!(missed_by(&Folded::new(text)).as_deref(), told, "{text}");
        }
    }

    #[test]
    fn what_the_weather_killed_is_told_when_the_weather_opens_the_sentence() {
        let cases = [
            (
                "The frost has killed every geranium on the balcony.",
                Some("the frost has killed every geranium on the balcony"),
            ),
            (
                "Die Hitze hat meinen Rasen verbrannt",
                Some("die hitze hat meinen rasen verbrannt"),
            ),
            (
                "We sat in the heat for an hour and the waiter ruined our order",
                None,
            ),
            (
                "The storm destroyed the marquee because the pegs you sold us snapped",
                None,
            ),
        ];
        for (text, told) in cases {
            assert_eq!(weather_harm(&Folded::new(text)).as_deref(), told, "{text}");
        }
    }

    #[test]
    fn a_tree_that_had_to_be_felled_is_told_and_one_felled_by_mistake_is_not() {
        let cases = [
            (
                "The willow had to be cut down after 40 years. Heartbroken",
                Some("the willow had to be cut down after 40 years"),
            ),
            ("The council cut down our oak without telling anyone", None),
            (
                "We had the tree surgeon round and he took down the wrong tree",
                None,
            ),
        ];
        for (text, told) in cases {
            assert_eq!(tree_felled(&Folded::new(text)).as_deref(), told, "{text}");
        }
    }

    #[test]
    fn days_in_bed_ill_are_told_and_an_illness_from_a_meal_is_not() {
        let cases = [
            (
                "Three days in bed with a fever, missed the whole conference.",
                Some("three days in bed with a fever, missed the whole conference"),
            ),
            (
                "Ho passato la settimana a letto con l'influenza",
                Some("ho passato la settimana a letto con l'influenza"),
            ),
            ("In bed with a fever after eating your prawns", None),
            ("The hotel bed was so cold I caught a cold", None),
        ];
        for (text, told) in cases {
            assert_eq!(ill_in_bed(&Folded::new(text)).as_deref(), told, "{text}");
        }
    }

    #[test]
    fn a_dish_the_writer_burnt_is_told_and_a_burn_from_what_was_served_is_not() {
        let cases = [
            (
                "Burnt the pizza again. Cereal for tea",
                Some("burnt the pizza again"),
            ),
            (
                "Otra vez quemé las tostadas",
                Some("otra vez quemé las tostadas"),
            ),
            (
                "J'ai brûlé les crêpes, les enfants rigolent",
                Some("j'ai brûlé les crêpes, les enfants rigolent"),
            ),
            ("I burnt my mouth on your soup, it was served boiling", None),
            ("The kitchen burnt our steaks", None),
            ("Burnt the roast because the oven you fitted runs hot", None),
        ];
        for (text, told) in cases {
            assert_eq!(own_burnt(&Folded::new(text)).as_deref(), told, "{text}");
        }
    }
}
