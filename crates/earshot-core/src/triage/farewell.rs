//! A farewell: sadness that a place is closing or its owner retiring ("So sad to hear the
//! bookshop is closing after 30 years", "Qué pena que cierre la librería de mi barrio", "Schade,
//! dass das Café am Markt schließt", "Che tristezza, ha chiuso la gelateria"). Negative, and
//! nothing the business failed to do: no complaint. Neither half says it alone ("sad" is a
//! complaint's word too, "cierra" asks for opening hours), so it takes both, and no word of
//! opening hours ("Qué pena que cierren tan temprano" wishes they stayed open longer). Sadness
//! at what the weather did to a day out is sympathy too ("Such a shame the rain spoiled the
//! Christmas market"). Read on folded text (`matcher::fold`). Earshot's own lists.

use super::cues::{on_boundaries, placed, word_spans, Folded, Raw};

#[path = "lost.rs"]
mod lost;

/// A death told, sorrow for what befell someone, or someone of the place missed, folded: sympathy
/// as [`LOSS_CUES`] is, and the post reads negative whatever warm words console ("un abrazo muy
/// fuerte", "unser herzliches Beileid", "she was always so kind"): `reading.rs`.
#[rustfmt::skip]
pub(super) const DEATH_CUES: &[&str] = &[
    // A death told ("sad news that the old cobbler has passed away"); not a bare "died" or "è
    // morto", which a phone or a battery does.
    "ist gestorben", "gestorben ist", "verstorben", "e venuto a mancare", "e venuta a mancare",
    "faleceu", "fallecio", "ha fallecido", "haya fallecido", "hayan fallecido", "est decede",
    "est decedee", "nous a quittes", "herzliches beileid",
    // A death in the family of someone the writer knows there ("the man from the fruit stall
    // lost his wife"): "lost" is no lost parcel.
    "lost his wife", "lost her husband", "lost his mum", "lost her mum", "lost his dad",
    "lost her dad", "lost his mother", "lost her mother", "lost his father", "lost her father",
    "lost his son", "lost her son", "lost his daughter", "lost her daughter", "lost their son",
    "lost their daughter", "perdio a su mujer", "perdio a su marido", "perdio a su esposa",
    "perdio a su esposo", "perdio a su madre", "perdio a su padre", "perdio a su hijo",
    "perdio a su hija", "a perdu sa femme", "a perdu son mari", "a perdu son epouse",
    "a perdu sa mere", "a perdu son pere", "a perdu son fils", "a perdu sa fille",
    "seine frau verloren", "ihren mann verloren", "seine mutter verloren", "ihre mutter verloren",
    "seinen vater verloren", "ihren vater verloren", "seinen sohn verloren", "ihren sohn verloren",
    "seine tochter verloren", "ihre tochter verloren", "ha perso la moglie", "ha perso il marito",
    "ha perso sua moglie", "ha perso suo marito", "ha perso la madre", "ha perso la mamma",
    "ha perso il padre", "ha perso il papa", "ha perso il figlio", "ha perso la figlia",
    "perdeu a mulher", "perdeu o marido", "perdeu a esposa", "perdeu a mae", "perdeu o pai",
    "perdeu o filho", "perdeu a filha",
    // Sorrow at news of someone ("Awful news", "Qué mala noticia", "Che brutta notizia").
    "awful news", "terrible news", "such sad news", "que mala noticia", "quelle mauvaise nouvelle",
    "schlimme nachricht", "schlimme nachrichten", "che brutta notizia", "que ma noticia",
    // Sorry for what befell them ("Sentimos mucho lo de la mujer del frutero").
    "sentimos mucho lo de", "sentimos mucho lo del", "siento mucho lo de", "siento mucho lo del",
    "lo sentimos mucho por",
    "ci dispiace tantissimo per", "ci dispiace tanto per", "mi dispiace tanto per",
    // Someone of the place missed ("Maria has left the café, we'll really miss her"): not "il
    // nous manque une pièce", a part missing, nor "we miss you, get well soon", said to them.
    "miss her", "miss him", "la vamos a echar", "lo vamos a echar", "la echaremos",
    "lo echaremos", "la echamos de menos", "lo echamos de menos", "la vamos a extranar",
    "lo vamos a extranar", "elle va nous manquer", "il va vraiment nous manquer",
    "elle va vraiment nous manquer", "elle nous manquera",
    "sie wird uns fehlen", "er wird uns fehlen", "sie wird uns sehr fehlen",
    "er wird uns sehr fehlen", "wir werden sie vermissen", "wir werden ihn vermissen",
    "wir vermissen sie", "wir vermissen ihn", "ci manchera tanto", "ci manchera moltissimo",
    "saudades dela", "saudades dele",
    "sentir a falta dela", "sentir a falta dele", "sentir falta dela", "sentir falta dele",
];

/// Whether the sympathy cues of a post (as the post says them) tell a death or sorrow.
pub(super) fn mourns(sympathy: &[String]) -> bool {
    sympathy
        .iter()
        .any(|s| DEATH_CUES.contains(&crate::matcher::fold(s).as_str()))
}

/// Whether the sympathy cues of a post (as the post says them) tell the writer's own mishap
/// (`lost::mishap`: a train missed by a hair, days in bed with flu): it reads negative whatever
/// warm word stands in it ("missed my best friend's wedding"), as a death does.
pub(super) fn befell(sympathy: &[String]) -> bool {
    sympathy
        .iter()
        .any(|s| lost::mishap(&Folded::new(s)).is_some())
}

/// Whether the sympathy cues of a post (as the post says them) bid a farewell: a closing or a
/// favourite sold out, found only beside a word of sadness ([`farewell`]).
fn bade(sympathy: &[String]) -> bool {
    sympathy
        .iter()
        .any(|s| CLOSING.contains(&crate::matcher::fold(s).as_str()))
}

/// A loss told with sadness or shock, and a wish that it turns out well, folded: sympathy as
/// [`super::cue_lists::SYMPATHY_CUES`] is, read with it.
#[rustfmt::skip]
pub(super) const LOSS_CUES: &[&str] = &[
    // Sad to learn it.
    "que tristeza saber", "che tristezza sapere", "che tristezza leggere",
    // Shocked, and a wish that the owner is well.
    "shocked to hear", "shocked to read", "que susto saber", "choque d'apprendre",
    "choquee d'apprendre", "schockiert, dass", "schockiert zu horen", "che spavento sapere",
    "hope the owner is ok", "hope the owner is okay", "espero que el dueno este bien",
    "j'espere que le patron va bien", "hoffentlich geht es dem besitzer gut", "spero che torni",
    "spero che il proprietario stia bene", "espero que o dono esteja bem", "our dog died",
    "our cat died", "my dog died", "my cat died", "cat has gone missing", "dog has gone missing",
    "ojala aparezca", "j'espere qu'il va vite revenir", "hoffentlich taucht", "espero que apareca",
    "nuestro perro murio", "nuestra perra murio", "nuestro gato murio", "notre chien est mort",
    "notre chat est mort", "il nostro cane e morto", "il nostro gatto e morto", "o nosso cao morreu",
    "o nosso gato morreu", "a nossa cadela morreu",
    // Hurt, and a wish to see them back soon ("broke his wrist, hope he's back behind the
    // counter soon").
    "hope he's back", "hope she's back", "hope he is back", "hope she is back",
    "ojala vuelva pronto", "qu'il sera vite de retour", "qu'elle sera vite de retour",
    "hoffentlich steht er bald wieder", "hoffentlich steht sie bald wieder",
    "hoffentlich ist er bald wieder", "hoffentlich ist sie bald wieder",
    "espero que volte depressa", "espero que volte rapido", "espero que volte em breve",
    // A place flooded or closing, told with heartbreak ("Dói ver a velha livraria fechar").
    "heartbreaking to see", "heartbroken to see", "da pena ver", "me da pena ver",
    "que pena ver", "ca fait mal au coeur", "ca fait mal au cœur", "ca me fait mal au cœur",
    "desoles d'apprendre", "desolees d'apprendre", "bricht einem das herz",
    "bricht mir das herz", "tut uns so leid, dass", "tut mir so leid, dass", "fa male al cuore",
    "mi si spezza il cuore", "doi ver", "parte-me o coracao", "parte o coracao",
    // Close to them after it ("gli siamo vicini").
    "gli siamo vicini", "le siamo vicini", "vi siamo vicini",
];

/// A place closing for good, or its owner retiring: English, Spanish, French, German, Italian,
/// Portuguese.
#[rustfmt::skip]
pub(super) const CLOSING: &[&str] = &[
    "is closing", "are closing", "closing down", "closing its doors", "closing their doors",
    "closing for good", "closing after", "shutting down", "shutting its doors", "has closed",
    "have closed", "closed its doors", "closed their doors", "close its doors", "close their doors",
    "closed for good", "closes its doors", "closes for good", "is retiring", "are retiring",
    "retiring after", "not reopening", "won't be reopening", "last day of business", "boarded up",
    "shut for good", "shut down", "closes after", "will close after",
    "cierre", "cierra", "cierran", "cierren", "va a cerrar", "van a cerrar", "ha cerrado",
    "han cerrado", "cerro", "cerraron", "cierra sus puertas", "se jubila", "se jubilan", "se jubile",
    "tapiado", "tapiada", "cerrado para siempre", "cerrada para siempre",
    "ferme ses portes", "ferment leurs portes", "ferme definitivement", "va fermer", "vont fermer",
    "a ferme", "ont ferme", "fermeture definitive", "prend sa retraite", "part a la retraite",
    "fermer", "ferme apres", "fermera", "fermeront",
    "schliesst", "schließt", "schliessen", "schließen", "macht zu", "machen zu", "hat zugemacht",
    "haben zugemacht", "geht in rente", "in rente geht", "in den ruhestand", "zumacht", "zumachen", "dichtmacht",
    "jetzt zu", "fur immer zu", "dauerhaft geschlossen",
    "chiude", "chiudono", "chiudera", "ha chiuso", "hanno chiuso", "chiusura definitiva",
    "va in pensione", "vada in pensione", "andra in pensione", "chiudere", "chiuda", "chiuso per sempre",
    "fechando", "vai fechar", "fechou", "fecha as portas", "fechar as portas", "encerrou",
    "encerrando", "reformar-se", "se reforma", "vai reformar-se", "se aposenta", "vai se aposentar", "ter fechado", "tenha fechado", "fechar",
    "fecha depois", "fecha apos", "fecham depois", "fechara",
    "fechado para sempre", "fechou de vez", "fechado com tabuas", "fechada com tabuas", "entaipado",
    "entaipada",
    // A favourite sold out, sadly, which the writer was too late for: "Gutted, the stollen has
    // sold out already", "qué rabia, ya se ha agotado", "schon ausverkauft".
    "sold out already", "already sold out", "ya se ha agotado", "ya se agoto", "ya esta agotado",
    "deja epuise", "deja epuisee", "schon ausverkauft", "bereits ausverkauft", "gia esaurito",
    "gia esaurita", "ja esgotou", "ja esgotaram", "ja esgotado", "ja esgotada",
    // Someone of the place moving away ("our favourite waitress is moving away").
    "moving away", "se vaya a vivir fuera", "se va a vivir fuera", "demenage", "wegzieht",
    "zieht weg", "si trasferisce", "si trasferisca", "ir viver para fora", "vai viver para fora",
];

/// Sadness at a loss, and missing what is gone.
#[rustfmt::skip]
pub(super) const SADNESS: &[&str] = &[
    "sad", "sadly", "saddened", "heartbroken", "gutted", "end of an era", "will be missed",
    "going to miss", "gonna miss", "will miss", "we'll miss", "such a shame", "what a shame",
    "shame to see", "shame that",
    "pena", "triste", "tristeza", "lastima", "echaremos de menos", "vamos a extranar",
    "fin de una era", "dommage", "tristesse", "va nous manquer", "vont nous manquer",
    "allez nous manquer", "fin d'une epoque", "fin d'une ere", "schade", "traurig", "vermissen",
    "ende einer ara", "ende einer epoche", "peccato", "tristezza", "ci mancherete",
    "ci manchera", "fine di un'epoca", "fine di un'era", "sentir falta", "saudade", "saudades",
    "fim de uma era", "finisce un'epoca", "se acaba una epoca", "be missed", "echar de menos",
    "wird uns fehlen", "sentir a falta", "awful to see", "horrible to see", "terrible to see",
    "terrible a voir", "furchtbar", "terribile vedere", "terribile vederla", "terribile vederlo",
    "horrivel ver", "que rabia", "decue", "decu",
];

/// Words of opening hours right after the closing ("cierran tan temprano", "closing early").
#[rustfmt::skip]
const HOURS_AFTER: &[&str] = &[
    "early", "earlier", "temprano", "pronto", "tot", "fruh", "fruher", "presto", "cedo",
];

/// Words before a time of day ("closing at 6", "um 18 Uhr", "alle 19", "a las 8"); "closing at
/// the end of the month" is a farewell.
#[rustfmt::skip]
const AT: &[&str] = &["at", "by", "las", "um", "alle", "as", "a"];

/// Words of opening hours just before it ("um 18 Uhr schon schließt").
#[rustfmt::skip]
const HOURS_BEFORE: &[&str] = &["early", "earlier", "temprano", "tot", "fruh", "fruher", "uhr", "presto", "cedo"];

/// The closing a farewell grieves, as the post says it ("is closing"), or None, given where the
/// cue pass found [`CLOSING`] and [`SADNESS`].
pub(super) fn farewell(folded: &Folded, raw: &Raw) -> Option<String> {
    let text = folded.as_str();
    // Most posts have no sadness, and stop before any word is looked at.
    if raw.sadness.is_empty() || on_boundaries(&raw.sadness, text).is_empty() {
        return rained(text).or_else(|| lost::own_bad_luck(folded));
    }
    if raw.closing.is_empty() {
        let weather = weathered(text).or_else(|| rained(text));
        return weather.or_else(|| lost::own_bad_luck(folded));
    }
    let closing = placed(&on_boundaries(&raw.closing, text), folded)
        .into_iter()
        .next()?;
    let words = word_spans(text);
    let word = |&(s, e): &(usize, usize)| &text[s..e];
    let after: Vec<&str> = words
        .iter()
        .filter(|w| w.0 >= closing.end)
        .take(3)
        .map(word)
        .collect();
    let clock = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_digit())
            && ["h", "uhr", "pm", "am"].iter().any(|u| w.ends_with(u))
    };
    let time = |w: Option<&&str>| w.is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    let hours = after.iter().take(2).enumerate().any(|(k, w)| {
        HOURS_AFTER.contains(w) || clock(w) || AT.contains(w) && time(after.get(k + 1))
    }) || words
        .iter()
        .rev()
        .filter(|w| w.1 <= closing.start)
        .take(3)
        .any(|w| HOURS_BEFORE.contains(&word(w)) || clock(word(w)));
    (!hours).then_some(closing.said)
}

/// The weather itself, folded: what spoils a day out through nobody's fault. Not the wind
/// ("vent" is English too). What it spoils is no complaint (`signals::weather`).
#[rustfmt::skip]
pub(super) const WEATHER_ITSELF: &[&str] = &[
    "rain", "storm", "snow", "hail", "lluvia", "tormenta", "nieve", "granizo", "pluie", "orage",
    "tempete", "neige", "grele", "regen", "sturm", "gewitter", "schnee", "hagel", "unwetter",
    "pioggia", "temporale", "tempesta", "neve", "grandine", "maltempo", "chuva", "tempestade",
    "rained", "snowed", "llovio", "llovia", "nevo", "nevaba", "pleuvait", "neigeait",
    "geregnet", "regnete", "geschneit", "schneite", "piovuto", "pioveva", "nevicato",
    "nevicava", "choveu", "chovia", "nevou", "nevava", "plu",
];

/// Rain or snow as it fell, folded: not "poured" (coffee) nor "hailed" (a taxi).
#[rustfmt::skip]
const RAINED: &[&str] = &[
    "rained", "snowed", "llovio", "llovia", "nevo", "nevaba", "plu", "pleuvait", "neigeait",
    "geregnet", "regnete", "geschneit", "schneite", "piovuto", "pioveva", "nevicato",
    "nevicava", "choveu", "chovia", "nevou", "nevava",
];

/// Rain let in, folded: "it rained into our room", "llovía dentro", "es regnete herein", or
/// through a roof, a ceiling or a window.
#[rustfmt::skip]
const LET_IN: &[&str] = &[
    "into", "inside", "indoors", "dentro", "adentro", "dans", "herein", "rein", "roof",
    "ceiling", "window", "techo", "ventana", "toit", "plafond", "fenetre", "dach", "decke",
    "fenster", "tetto", "soffitto", "finestra", "telhado", "teto", "janela",
];

/// Rain or snow that falls in the post's first clause ("It rained all through the Christmas
/// market, so half the stalls had packed up", "Es hat den ganzen Tag geregnet, und …"): what
/// followed is nobody's fault, no complaint. French "plu" only after "il a" or "il avait" ("ça
/// m'a plu" is liked). Not rain let in ("it rained into our room"). The word, or None.
fn rained(text: &str) -> Option<String> {
    let clause = text.split([',', ';', '.', '!', '?', ':']).next()?;
    let words: Vec<&str> = word_spans(clause)
        .iter()
        .map(|&(s, e)| &clause[s..e])
        .collect();
    let at = words.iter().position(|w| RAINED.contains(w))?;
    let said = |k: usize, w: &str| at >= k && words[at - k] == w;
    let french = words[at] != "plu" || said(1, "a") && said(2, "il") || said(1, "avait");
    if !french || words.iter().any(|w| LET_IN.contains(w)) {
        return None;
    }
    // And what it led to, named with it ("rained … so").
    let rest: Vec<&str> = word_spans(text).iter().map(|&(s, e)| &text[s..e]).collect();
    let so = (at + 1..rest.len()).find_map(|k| {
        let two = format!("{} {}", rest[k - 1], rest[k]);
        SO.iter().find(|s| **s == rest[k] || **s == two)
    });
    Some(match so {
        Some(so) => format!("{} … {so}", words[at]),
        None => words[at].to_string(),
    })
}

/// What rain led to, folded: "so", "así que", "du coup", "deshalb", "così", "por isso".
#[rustfmt::skip]
const SO: &[&str] = &[
    "so", "asi que", "por eso", "du coup", "donc", "alors", "deshalb", "deswegen", "daher",
    "cosi", "quindi", "percio", "por isso", "entao", "pelo que",
];

/// Whether sympathy saddens a post read as `best` (0 negative, 1 neutral, 2 positive): one read
/// as neutral, beside a negative word or rain that fell ([`rained`]); any, as a farewell or rain
/// that had a consequence ("so half the stalls had packed up").
pub(super) fn saddened(negative: f64, sympathy: &[String], best: usize) -> bool {
    let rain = |s: &String| s.split(' ').next().is_some_and(|w| RAINED.contains(&w));
    let spoiled = sympathy.iter().any(|s| rain(s) && s.contains(" … "));
    let rained = sympathy.iter().any(rain);
    (!sympathy.is_empty() && negative > 0.0 || rained) && best == 1
        || (bade(sympathy) || spoiled) && best != 0
}

/// What the weather does to a day out, folded ("the rain spoiled the market").
#[rustfmt::skip]
const SPOILED: &[&str] = &[
    "spoiled", "spoilt", "ruined", "estropeado", "estropeada", "estropeo", "arruinado",
    "arruinada", "arruino", "gache", "gachee", "verdorben", "ruiniert", "vermasselt", "rovinato",
    "rovinata", "estragado", "estragada", "estragou", "arruinou",
];

/// Dismay at what the weather did, folded ("Awful to see it this morning", "Terrible à voir"),
/// and what it brought down ("a fait tomber"): no complaint beside the weather's harm either.
#[rustfmt::skip]
const DISMAY: &[&str] = &[
    "awful", "terrible", "horrible", "dreadful", "horrivel", "terribile", "a fait tomber",
    "fait tomber",
];

/// Whether a complaint word, folded, is one the weather can be the cause of: a thing called off,
/// spoiled or brought down, or dismay at it.
pub(super) fn weather_did(word: &str) -> bool {
    super::cue_lists::CALLED_OFF.contains(&word)
        || SPOILED.contains(&word)
        || DISMAY.contains(&word)
}

/// Sadness at what the weather did ("Such a shame the rain spoiled the Christmas market", "Qué
/// pena que la lluvia haya estropeado el mercadillo"): the weather, and within five words after
/// it, a day spoiled or called off. The weather's word, or None. Rain after the harm is not
/// its cause ("so sad, my order was cancelled and I stood in the rain").
///
/// Or a tree or a roof the weather brought down, told anywhere in the post ("A tree came down on
/// the greenhouse in last night's storm", "Im Sturm ist ein Baum auf das Gewächshaus gestürzt").
fn weathered(text: &str) -> Option<String> {
    const FELLED: &[&str] = &[
        "tree", "roof", "arbol", "tejado", "arbre", "toit", "baum", "dach", "albero", "tetto",
        "arvore", "telhado",
    ];
    let words: Vec<&str> = word_spans(text).iter().map(|&(s, e)| &text[s..e]).collect();
    let felled = words.iter().any(|w| FELLED.contains(w));
    words.iter().enumerate().find_map(|(i, w)| {
        let weather = WEATHER_ITSELF.contains(w);
        let harm = || felled || words.iter().skip(i + 1).take(5).any(|h| weather_did(h));
        (weather && harm()).then(|| w.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rain_that_fell_first_is_named_with_what_it_led_to() {
        let cases = [
            (
                "it rained all day, so the fair closed early",
                Some("rained … so"),
            ),
            (
                "es hat den ganzen tag geregnet, und der markt war leer",
                Some("geregnet"),
            ),
            ("il a plu tout le week-end", Some("plu")),
            ("le concert m'a plu", None),
            ("it rained into our room", None),
            ("so sad, it rained", None),
        ];
        for (text, named) in cases {
            assert_eq!(rained(text).as_deref(), named, "{text}");
        }
    }

    #[test]
    fn sadness_that_a_place_closes_is_a_farewell() {
        let cases = [
            (
                "So sad to hear @CornerBooks is closing after 30 years. End of an era.",
                Some("is closing"),
            ),
            (
                "Qué pena que cierre la librería de mi barrio, tantos recuerdos.",
                Some("cierre"),
            ),
            (
                "Schade, dass das Café am Markt schließt. War immer mein Lieblingsplatz.",
                Some("schließt"),
            ),
            (
                "Che tristezza, ha chiuso la storica gelateria in centro.",
                Some("ha chiuso"),
            ),
            (
                "Que tristeza ver a padaria do bairro fechando depois de tantos anos.",
                Some("fechando"),
            ),
            (
                "Notre boulanger prend sa retraite, quel dommage !",
                Some("prend sa retraite"),
            ),
            // "Closes after" so many years; "ferme" alone is also a farm, a firm or the hours.
            (
                "J'apprends que la mercerie ferme après trente ans, quel dommage",
                Some("ferme après"),
            ),
            (
                "Soube que a retrosaria fecha depois de trinta anos, que pena",
                Some("fecha depois"),
            ),
            ("Dommage que le magasin ferme à 18h", None),
            // The closing as an infinitive or at a clause's end.
            (
                "Triste de voir la boulangerie fermer après 40 ans",
                Some("fermer"),
            ),
            (
                "Schade, dass die Eisdiele um die Ecke zumacht",
                Some("zumacht"),
            ),
            (
                "Che tristezza vedere chiudere la libreria storica",
                Some("chiudere"),
            ),
            (
                "Que pena o café da esquina ter fechado",
                Some("ter fechado"),
            ),
            // Sadness alone, a closing alone, or closing hours: no farewell.
            ("Dommage de fermer à 18h le samedi", None),
            ("So sad, my order never arrived", None),
            ("¿A qué hora cierra el sábado?", None),
            ("Qué pena que cierren tan temprano", None),
            ("Schade, dass ihr um 18 Uhr schon schließt", None),
            ("Sad that you're closing at 6 now", None),
            ("Qué pena que cierren a las 8", None),
            (
                "So sad that @CornerBooks is closing at the end of the month",
                Some("is closing"),
            ),
        ];
        for (post, want) in cases {
            let f = Folded::new(post);
            let raw = super::super::cues::cue_sets().raw(f.as_str());
            assert_eq!(farewell(&f, &raw).as_deref(), want, "{post}");
        }
    }

    #[test]
    fn sadness_at_what_the_weather_did_is_sympathy() {
        let cases = [
            (
                "What a shame the storm ruined the village fête",
                Some("storm"),
            ),
            (
                "Qué pena que la nieve haya arruinado la feria",
                Some("nieve"),
            ),
            (
                "Schade, dass der Regen das Stadtfest verdorben hat",
                Some("regen"),
            ),
            (
                "Peccato che il temporale abbia rovinato la sagra",
                Some("temporale"),
            ),
            // Rain after the harm, or no sadness: not its cause.
            (
                "So sad, my order was cancelled and I stood in the rain",
                None,
            ),
            ("The storm ruined the awning you fitted last week", None),
        ];
        for (post, want) in cases {
            let f = Folded::new(post);
            let raw = super::super::cues::cue_sets().raw(f.as_str());
            assert_eq!(farewell(&f, &raw).as_deref(), want, "{post}");
        }
        // What the weather called off is no complaint, whichever weather it was.
        let model = super::super::model();
        for post in [
            "What a shame the hail cancelled the street party",
            "What a shame the rain cancelled the street party",
        ] {
            let r = super::super::reading::read_with(model, post);
            assert!(!r.complaint, "{post}");
        }
    }
}
