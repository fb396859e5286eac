//! Dread that came to nothing: a fear the writer had, told once it was over, of what would
//! happen ("I was terrified the tattoo would hurt, it was over before I knew it", "j'avais peur
//! que l'hôtel n'accepte pas les chiens", "ich hatte Angst, dass das Tattoo wehtut"). What was
//! feared is no event: the fear and the clause that says what it was are set aside, and what
//! came of it reads on its own. A fear still felt is not ("I'm afraid my order is lost",
//! "Tengo miedo de que no llegue").

use super::text::Analysed;
use std::sync::OnceLock;

/// Worry, and fear in the forms [`super::words::FEAR`] lacks, in the six languages (as tokens are
/// folded: lower case, accents kept).
#[rustfmt::skip]
const WORRY: &[&str] = &[
    "worried", "nervous", "anxious", "feared", "dreaded", "dreading", "preocupado", "preocupada", "nervioso",
    "nerviosa", "preocupaba", "temía", "temia", "temí", "temíamos", "temiamos", "inquiet",
    "inquiète", "craignais", "craignait", "craignions", "redoutais", "redoutait", "sorge",
    "sorgen", "befürchtet", "befürchtete", "fürchtete", "nervös", "preoccupato", "preoccupata",
    "agitato", "agitata", "temevo", "temeva", "temevamo", "receio", "receava", "nervoso",
    "nervosa", "temían", "temian", "redoutaient", "craignaient", "temevano", "temiam",
];

/// Forms that tell a fear in the past by themselves ("feared", "temía", "craignais").
#[rustfmt::skip]
const PAST_FORMS: &[&str] = &[
    "feared", "dreaded", "preocupaba", "temía", "temia", "temí", "temíamos", "temiamos",
    "craignais", "craignait", "craignions", "redoutais", "redoutait", "befürchtete", "fürchtete",
    "temevo", "temeva", "temevamo", "receava", "temían", "temian", "redoutaient", "craignaient",
    "temevano", "temiam",
];

/// What the writer thought would happen, in the past ("I thought the kids would be bored",
/// "pensavo che", "ich dachte"): dread too when what was thought is bad.
#[rustfmt::skip]
const THOUGHT: &[&str] = &[
    "thought", "pensaba", "pensé", "creía", "creia", "pensais", "pensait", "croyais", "dachte",
    "dachten", "glaubte", "pensavo", "credevo", "achei", "pensei", "pensava", "achava",
];

/// German words that open what was thought after its comma, with no "dass" ("Ich dachte, die
/// Kinder langweilen sich").
const OPENS_DE: &[&str] = &["die", "der", "das", "es", "sie", "er", "wir", "ich", "man"];

/// Words of the past just before a fear ("was", "tenía", "avais", "hatte", "avevo", "tinha").
#[rustfmt::skip]
const PAST_BEFORE: &[&str] = &[
    "was", "were", "had", "been", "tenía", "tenia", "teníamos", "estaba", "estábamos", "daba",
    "avais", "avait", "avions", "étais", "était", "etais", "etait", "hatte", "hatten", "war",
    "waren", "habe", "avevo", "aveva", "avevamo", "ero", "eravamo", "tinha", "tínhamos",
    "estava", "estávamos",
];

/// What opens the clause of what was feared ("that", "que", "dass", "che"); in English the
/// clause may open without one ("terrified the tattoo would hurt"). A preposition opens what was
/// feared as a deed or a thing: "nerviosa por cortármelo tanto", "peur de couper court", "Angst
/// vor dem kurzen Schnitt", "paura di tagliarli", "medo de cortar".
const OPENS: &[&str] = &[
    "that", "que", "qu", "dass", "ob", "che", "about", "por", "de", "vor", "di", "della", "da",
];

/// English words that open the feared clause without "that".
const OPENS_EN: &[&str] = &[
    "the", "my", "our", "it", "they", "we", "i", "he", "she", "id",
];

/// Words that end the feared clause before its punctuation: "and", "but", "instead", "then".
#[rustfmt::skip]
const ENDS: &[&str] = &[
    "and", "but", "instead", "then", "yet", "y", "pero", "e", "ed", "et", "mais", "und", "aber",
    "dann", "doch", "ma", "invece", "eppure", "mas", "então", "entao", "pourtant", "trotzdem",
];

/// Words that say the fear came true ("sure enough", "I was right", "effectivement",
/// "tatsächlich", "infatti").
#[rustfmt::skip]
const CAME_TRUE: &[&str] = &[
    "enough", "indeed", "right", "rightly", "efectivamente", "razón", "effectivement", "raison",
    "tatsächlich", "prompt", "recht", "infatti", "appunto", "ragione", "efetivamente", "razão",
];

/// Sets aside each fear told in the past and the clause of what was feared, and returns whether
/// one was: then what came of it is the relief (`reading.rs` reads it as praise when no bad
/// word is left). Not where the post says the fear came true ("and sure enough it was"): what
/// was feared is then what happened.
pub(super) fn set_aside(a: &mut Analysed) -> bool {
    let n = a.tokens.len();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < n {
        match feared_clause(a, i) {
            Some(end) => {
                spans.push(i..end);
                i = end;
            }
            None => i += 1,
        }
    }
    settle(a, spans, false)
}

/// Sets aside the tokens of each span (a fear or a doubt, and what was feared), and makes their
/// negations plain when `plain`, unless the post says outside them that it came true; whether
/// any was.
fn settle(a: &mut Analysed, spans: Vec<std::ops::Range<usize>>, plain: bool) -> bool {
    let n = a.tokens.len();
    let outside = |k: usize| !spans.iter().any(|s| s.contains(&k));
    let came_true = (0..n).any(|k| outside(k) && CAME_TRUE.contains(&a.tokens[k].norm.as_str()));
    if spans.is_empty() || came_true {
        return false;
    }
    for span in spans {
        for t in &mut a.tokens[span] {
            if plain {
                t.role = super::text::Role::Plain;
            }
            t.set_aside();
        }
    }
    true
}

/// Doubt, as it is said under a negation: "didn't think", "no creía", "je ne pensais pas",
/// "hätte nicht gedacht", "non pensavo", "não achava" (lower case, accents kept).
#[rustfmt::skip]
const DOUBTED: &[&str] = &[
    "think", "thought", "believe", "creía", "creia", "pensaba", "pensais", "croyais", "gedacht",
    "geglaubt", "pensavo", "credevo", "achava", "pensava", "acreditava",
];

/// A rescue, as its folded word begins: "saved", "fixed", "arreglo", "sauvée", "retten",
/// "salvare", "salvação".
#[rustfmt::skip]
const RESCUE: &[&str] = &[
    "sav", "fix", "repair", "mend", "rescu", "arregl", "salv", "sauv", "repar", "rett", "ripar",
    "aggiust", "consert", "arranj", "recuper", "recover",
];

/// Sets aside doubt that a thing could be rescued, told once it was ("Honestly didn't think the
/// old radio could be saved. It plays like it did in 1975", "no creía que tuviera arreglo",
/// "non pensavo che si potesse salvare"): from the doubt to the rescue, within eight words of one
/// clause. Returns whether there was one: then what came of it is the relief, as a fear that
/// came to nothing is ([`set_aside`]). Not where the doubt came true ("and I was right").
pub(super) fn doubted(a: &mut Analysed) -> bool {
    let n = a.tokens.len();
    let mut spans = Vec::new();
    let negation = |k: usize| a.tokens[k].role == super::text::Role::Negation;
    for i in 0..n {
        if !DOUBTED.contains(&a.tokens[i].norm.as_str()) {
            continue;
        }
        // The negation before the doubt, in its clause ("didn't think", "je ne pensais pas").
        let Some(from) = (i.saturating_sub(3)..i)
            .rev()
            .take_while(|&k| !a.tokens[k].clause_end)
            .find(|&k| negation(k))
        else {
            continue;
        };
        let rescued = (i + 1..n.min(i + 9)).find(|&k| {
            let w = crate::matcher::fold(&a.tokens[k].norm);
            RESCUE.iter().any(|r| w.starts_with(r))
        });
        // One clause, past the doubt's own comma ("hätte nicht gedacht, dass … zu retten ist").
        let ended = |to: usize| (i + 1..to).any(|k| a.tokens[k].clause_end);
        if let Some(to) = rescued.filter(|&to| !ended(to)) {
            spans.push(from..to + 1);
        }
    }
    // The doubt's negation denies nothing of what came after it.
    settle(a, spans, true)
}

/// Frightened, in the forms [`super::words::FEAR`] lacks ("terrorizzata", "panische").
#[rustfmt::skip]
const FRIGHTENED: &[&str] = &[
    "terrorizzato", "terrorizzata", "aterrorizado", "aterrorizada", "terrifié", "terrifiée",
    "panische", "asustado", "asustada", "spaventato", "spaventata", "impaurito", "impaurita",
];

/// Still, which says a fear goes on ("until the hygienist came, and she's still scared").
#[rustfmt::skip]
const STILL: &[&str] = &["still", "todavía", "todavia", "toujours", "noch", "ancora", "ainda"];

/// Sets aside a fear the business eased, told with "until" ("My little one was terrified of the
/// dentist until the hygienist let her hold the mirror", "tenía pánico al dentista hasta que",
/// "war terrorizzata … finché"): from the fear to "until", within ten words. Returns whether
/// there was one: what came of it is the relief, as with a fear that came to nothing. Not where
/// the fear goes on ("still").
pub(super) fn eased(a: &mut Analysed) -> bool {
    let n = a.tokens.len();
    // Every token passes here: one lookup of the words of fear.
    static AFRAID: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    let afraid = AFRAID.get_or_init(|| {
        [super::words::FEAR, FRIGHTENED, super::words::FEARFUL]
            .concat()
            .into_iter()
            .collect()
    });
    let Some(fear) = (0..n).find(|&k| afraid.contains(a.tokens[k].norm.as_str())) else {
        return false;
    };
    let until = (fear + 1..n.min(fear + 11))
        .find(|&k| super::words::UNTIL.contains(&a.tokens[k].norm.as_str()));
    let still = (fear..n).any(|k| STILL.contains(&a.tokens[k].norm.as_str()));
    match until {
        Some(to) if !still => {
            // "until he stopped shaking": the distress's end, to the end of its clause.
            let stopped = (to + 1..n.min(to + 7)).any(|k| stops(&a.tokens, k));
            let clause_end = (to..n)
                .find(|&k| a.tokens[k].clause_end)
                .map_or(n, |k| k + 1);
            // "nervous until the groomer cut his ear": what ended the fear was a harm.
            let bad = |k: usize| super::vader::valence_of(&a.tokens[k]).is_some_and(|v| v < 0.0);
            if !stopped && (to + 1..clause_end).any(bad) {
                return false;
            }
            let end = if stopped { clause_end } else { to + 1 };
            settle(a, std::iter::once(fear..end).collect(), false)
        }
        _ => false,
    }
}

/// Stopped, after "until": "until he stopped shaking", "hasta que dejó de temblar", "jusqu'à ce
/// qu'il arrête de trembler", "bis er aufgehört hat", "finché non ha smesso", "até deixar de".
#[rustfmt::skip]
const STOPPED: &[&str] = &[
    "stopped", "dejó", "dejo", "paró", "arrête", "arrêté", "aufgehört", "aufhörte",
    "smesso", "smette", "deixar", "deixou", "parou",
];

/// Whether token `k` says a stop: one of [`STOPPED`], with "de" after "dejó" and "deixar" (left
/// alone they let: "até a higienista a deixar segurar o espelho").
fn stops(tokens: &[super::text::Token], k: usize) -> bool {
    let w = tokens[k].norm.as_str();
    let de = tokens.get(k + 1).is_some_and(|t| t.norm == "de");
    STOPPED.contains(&w) && (de || !matches!(w, "dejó" | "dejo" | "deixar" | "deixou"))
}

/// From, right before a distress ("from crying at the edge", "de llorar", "des pleurs", "vom
/// Weinen", "dal piangere", "de chorar").
const FROM: &[&str] = &[
    "from", "de", "des", "du", "vom", "von", "dal", "dallo", "da",
];

/// Distress a child grows out of, besides the fears of [`super::words::FEAR`].
#[rustfmt::skip]
const DISTRESS: &[&str] = &[
    "crying", "screaming", "tears", "llorar", "lágrimas", "pleurs", "pleurer", "larmes",
    "weinen", "tränen", "piangere", "lacrime", "chorar", "choro",
];

/// To, opening what the distress became ("to jumping in", "a tirarse", "aux sauts", "zum
/// Reinspringen", "al tuffarsi").
const TO: &[&str] = &[
    "to", "a", "au", "aux", "à", "zum", "zur", "zu", "al", "alla", "ao",
];

/// Sets aside a distress grown out of, told as "from … to …" ("In three weeks the swimming
/// teacher got him from crying at the edge to jumping in on his own"); returns whether there
/// was one: what it became is the relief.
fn outgrown(a: &mut Analysed) -> bool {
    let n = a.tokens.len();
    let is = |k: usize, list: &[&str]| list.contains(&a.tokens[k].norm.as_str());
    let distress = |k: usize| is(k, DISTRESS) || is(k, super::words::FEAR);
    let Some(from) = (1..n)
        .find(|&k| is(k - 1, FROM) && distress(k))
        .map(|k| k - 1)
    else {
        return false;
    };
    match (from + 2..n.min(from + 9)).find(|&k| is(k, TO)) {
        Some(to) => settle(a, std::iter::once(from..to + 1).collect(), false),
        None => false,
    }
}

/// A fear remembered and cared for ([`remembered`]), a distress grown out of ([`outgrown`]), or
/// the nerves of one of the writer's party ([`party_nerves`]), or the ways of the writer or
/// their party that the business met (`fussy.rs`).
pub(super) fn cared_for(a: &mut Analysed) -> bool {
    remembered(a) | outgrown(a) | party_nerves(a) | fussy::party(a)
}

#[path = "fussy.rs"]
mod fussy;

/// Nervous, said of someone (lower case, accents kept).
#[rustfmt::skip]
const NERVOUS: &[&str] = &[
    "nervous", "anxious", "nervioso", "nerviosa", "nerveux", "nerveuse", "stressé", "stressée",
    "nervös", "nervöse", "nervösen", "agitato", "agitata", "agitatissimo", "agitatissima",
    "nervoso", "nervosa", "ansioso", "ansiosa",
];

/// The stems of calm and patience ("calmest", "tranquilo", "calme", "ruhigstes", "paciencia",
/// "geduldig", "pazienza").
#[rustfmt::skip]
const CALM: &[&str] = &[
    "calm", "gentl", "patien", "tranquil", "paciencia", "ruhig", "sanft", "geduld", "pazien",
];

/// The writer's own, before one of their party (lower case, accents kept).
#[rustfmt::skip]
const OURS: &[&str] = &[
    "my", "our", "mi", "nuestra", "nuestro", "ma", "mon", "notre", "meine", "mein", "meinen",
    "unsere", "unser", "unseren", "mia", "mio", "nostra", "nostro", "minha", "meu", "nossa",
    "nosso",
];

/// Sets aside the nerves of one of the writer's party ("put my nervous mum on their calmest
/// pony", "mi madre, que estaba nerviosa", "mia madre, agitatissima"): from "my" or "our" to the
/// nerves, five words at most. Returns whether there were any: how the business met them is
/// the post, as with a fear remembered, when it tells calm or patience. Not the writer's own
/// ("I was nervous"), nor nerves told with "until" ([`eased`]).
fn party_nerves(a: &mut Analysed) -> bool {
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    let nervous = SET.get_or_init(|| NERVOUS.iter().copied().collect());
    let n = a.tokens.len();
    // Every token passes here: one lookup each, and most posts stop.
    if !a.tokens.iter().any(|t| nervous.contains(t.norm.as_str())) {
        return false;
    }
    // Met with calm or patience, or the nerves are the post's grievance ("my nervous dog was
    // shouted at").
    let calm = |k: usize| CALM.iter().any(|c| a.tokens[k].norm.starts_with(c));
    if !(0..n).any(calm) {
        return false;
    }
    let until = |w: &str| super::words::UNTIL.contains(&w);
    let spans: Vec<std::ops::Range<usize>> = (0..n)
        .filter(|&k| nervous.contains(a.tokens[k].norm.as_str()))
        // "Our dog was nervous until the groomer cut his ear": [`eased`]'s, or a harm.
        .filter(|&k| !(k + 1..n.min(k + 5)).any(|j| until(&a.tokens[j].norm)))
        .filter_map(|k| {
            let ours =
                (k.saturating_sub(5)..k).find(|&j| OURS.contains(&a.tokens[j].norm.as_str()));
            ours.map(|j| j..k + 1)
        })
        .collect();
    settle(a, spans, false)
}

/// Remembered, said of someone else, as tokens are folded: "remembered", "se acordó", "s'est
/// souvenue", "wusste noch", "si è ricordata", "lembrou-se".
#[rustfmt::skip]
const REMEMBERED: &[&str] = &[
    "remembered", "acordó", "acordo", "acordaba", "recordó", "recordaba", "souvenue", "souvenu",
    "souvenait", "rappelée", "rappelé", "wusste", "erinnerte", "ricordata", "ricordato",
    "ricordava", "lembrou", "lembrava", "lembraram",
];

/// Stress, besides [`WORRY`] and the fears of [`super::words::FEAR`].
#[rustfmt::skip]
const STRESSED: &[&str] = &[
    "stressed", "stressée", "stressé", "gestresst", "stressata", "stressada",
];

/// Sets aside the writer's fear that someone of the business remembered ("The hairdresser
/// remembered I was nervous after last time and booked me the quiet chair", "se acordó de que
/// la última vez estaba nerviosa"): within ten words after "remembered", before an "and" or
/// a "but". Returns whether there was one: the care taken over it is the relief.
fn remembered(a: &mut Analysed) -> bool {
    let n = a.tokens.len();
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    let remembered = SET.get_or_init(|| REMEMBERED.iter().copied().collect());
    let Some(at) = (0..n).find(|&k| remembered.contains(a.tokens[k].norm.as_str())) else {
        return false;
    };
    let afraid =
        |w: &str| WORRY.contains(&w) || STRESSED.contains(&w) || super::words::FEAR.contains(&w);
    let fear = (at + 1..n.min(at + 11))
        .take_while(|&k| !ENDS.contains(&a.tokens[k].norm.as_str()))
        .find(|&k| afraid(a.tokens[k].norm.as_str()));
    match fear {
        Some(k) => settle(a, std::iter::once(at..k + 1).collect(), false),
        None => false,
    }
}

/// Luck, or relief, in each language ("luckily", "menos mal que", "zum Glück", "per fortuna"; the
/// idioms as `idioms.rs` merges them).
#[rustfmt::skip]
const LUCK: &[&str] = &[
    "luckily", "fortunately", "thankfully", "menos mal que", "afortunadamente", "suerte",
    "heureusement", "glück", "fortuna", "fortunatamente", "ainda bem que", "felizmente", "sorte",
];

/// The writer's own checking, in the past ("checked", "miré", "vérifié", "nachgesehen",
/// "controllato", "verifiquei"); English ones need "I" or "we" before them.
#[rustfmt::skip]
const CHECKED: &[&str] = &[
    "checked", "noticed", "spotted", "looked", "read", "saw", "caught", "miré", "mire", "revisé",
    "revise", "comprobé", "comprobe", "vi", "fijé", "fije", "leí", "lei", "vérifié", "verifie",
    "vu", "remarqué", "remarque", "regardé", "regarde", "lu", "nachgesehen", "nachgeschaut",
    "gemerkt", "gelesen", "kontrolliert", "bemerkt", "gesehen", "geprüft", "controllato", "visto",
    "accorto", "accorta", "letto", "verificato", "notato", "guardato", "verifiquei", "reparei",
    "li", "conferi", "olhei", "notei",
];

/// Sets aside luck that the writer checked ("luckily I checked the name on the box", "menos mal
/// que miré", "zum Glück habe ich den Namen gelesen"): the writer caught what the business got
/// wrong, which is no relief to praise. German puts the verb at the clause's end.
pub(super) fn caught(a: &mut Analysed, lang: Option<&str>) {
    let n = a.tokens.len();
    let reach = if lang == Some("de") { 10 } else { 4 };
    let english = matches!(lang, None | Some("en"));
    for i in 0..n {
        if !LUCK.contains(&a.tokens[i].norm.as_str()) {
            continue;
        }
        let mut k = i + 1;
        let mut checked = false;
        while k < n && k <= i + reach {
            let w = a.tokens[k].norm.as_str();
            let by_writer = !english || matches!(a.tokens[k - 1].norm.as_str(), "i" | "we");
            if CHECKED.contains(&w) && by_writer {
                checked = true;
                break;
            }
            if a.tokens[k].clause_end {
                break;
            }
            k += 1;
        }
        if checked {
            a.tokens[i].set_aside();
        }
    }
}

/// Where the clause of what was feared ends (exclusive), when the token at `i` is a fear told in
/// the past and a clause of what was feared follows it.
fn feared_clause(a: &Analysed, i: usize) -> Option<usize> {
    let toks = &a.tokens;
    let word = toks[i].norm.as_str();
    // Every token passes here: one lookup of the words that can open a dread.
    static OPENERS: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    let openers = OPENERS.get_or_init(|| {
        [THOUGHT, WORRY, super::words::FEAR]
            .concat()
            .into_iter()
            .collect()
    });
    if !openers.contains(word) {
        return None;
    }
    let thought = THOUGHT.contains(&word);
    let past = thought
        || PAST_FORMS.contains(&word)
        || (i.saturating_sub(3)..i)
            .any(|k| !toks[k].clause_end && PAST_BEFORE.contains(&toks[k].norm.as_str()));
    // The clause opens within three words ("peur que", "miedo de que", "Angst, dass"), or right
    // after the fear in English (or after German "dachte,").
    let opens = (i + 1..(i + 4).min(toks.len())).find(|&k| {
        let w = toks[k].norm.as_str();
        OPENS.contains(&w)
            || (k == i + 1 && !toks[i].clause_end && OPENS_EN.contains(&w))
            || (k == i + 1 && thought && OPENS_DE.contains(&w))
    })?;
    // "Worried the hotel wouldn't take dogs": a post that opens on the fear tells it in the
    // past when what was feared is told as what would happen.
    let mut end = opens + 1;
    let mut would = false;
    let mut bad = false;
    while end < toks.len() && !ENDS.contains(&toks[end].norm.as_str()) {
        would |= matches!(toks[end].norm.as_str(), "would" | "wouldnt" | "might");
        bad |= super::vader::valence_of(&toks[end]).is_some_and(|v| v < 0.0);
        end += 1;
        if toks[end - 1].clause_end {
            break;
        }
    }
    // What was thought is dread only when it was bad: "I thought you were open on Sundays" is
    // the writer's expectation, which the business may have breached.
    (if thought {
        bad
    } else {
        past || (i == 0 && would)
    })
    .then_some(end)
}

#[cfg(test)]
mod tests {
    use crate::triage::text::aside_words as aside;

    #[test]
    fn a_fear_or_a_doubt_told_in_the_past_sets_aside_what_was_feared() {
        // (post, language, the words set aside)
        #[rustfmt::skip]
        let cases: [(&str, &str, &[&str]); 9] = [
            // Doubt that a thing could be rescued (`doubted`).
            ("Never thought they could save the old clock. It ticks again", "en",
             &["never", "thought", "they", "could", "save"]),
            ("No creía que el reloj tuviera arreglo. Funciona de nuevo", "es",
             &["no", "creía", "que", "el", "reloj", "tuviera", "arreglo"]),
            ("Je ne pensais pas que la montre pouvait être réparée", "fr",
             &["ne", "pensais", "pas", "que", "la", "montre", "pouvait", "être", "réparée"]),
            ("Non pensavo che l'orologio si potesse riparare", "it",
             &["non", "pensavo", "che", "orologio", "si", "potesse", "riparare"]),
            ("I was terrified the tattoo would hurt, it was over in minutes", "en",
             &["terrified", "the", "tattoo", "would", "hurt"]),
            ("Ich hatte Angst, dass das Tattoo wehtut, und habe nichts gespürt", "de",
             &["angst", "dass", "das", "tattoo", "wehtut"]),
            ("Temevo che l'hotel non accettasse cani e invece c'era una cuccia", "it",
             &["temevo", "che", "hotel", "non", "accettasse", "cani"]),
            // "War" is a false friend of German's own.
            ("Ich dachte, es wird schrecklich, und dann war es schön", "de",
             &["dachte", "es", "wird", "schrecklich", "war"]),
            ("Worried the hotel wouldn't take dogs, they had a bed for him", "en",
             &["worried", "the", "hotel", "wouldnt", "take", "dogs"]),
        ];
        for (text, lang, words) in cases {
            assert_eq!(aside(text, lang), words, "{text}");
        }
        // Doubt that came true, or no rescue doubted.
        assert!(aside("I didn't think it could be fixed, and I was right", "en").is_empty());
        assert!(aside("I didn't think it would take a month", "en").is_empty());
    }

    #[test]
    fn a_fear_still_felt_is_what_the_post_says() {
        for (text, lang) in [
            ("I'm afraid my order is lost", "en"),
            ("Worried my parcel won't arrive before Christmas", "en"),
            ("Tengo miedo de que el pedido no llegue a tiempo", "es"),
            ("J'ai peur que la commande soit perdue", "fr"),
            ("I was scared.", "en"),
            (
                "I thought you were open on Sundays, the door was locked",
                "en",
            ),
            (
                "I was worried the food would be cold, and sure enough it was",
                "en",
            ),
        ] {
            assert!(aside(text, lang).is_empty(), "{text}");
        }
    }

    #[test]
    fn luck_the_writer_checked_is_set_aside_and_luck_alone_is_not() {
        // (post, language, the words set aside)
        #[rustfmt::skip]
        let cases: [(&str, &str, &[&str]); 5] = [
            ("Luckily I checked the name on the box", "en", &["luckily"]),
            ("Menos mal que miré el nombre en la caja", "es", &["menos mal que"]),
            ("Zum Glück habe ich den Namen auf der Packung gelesen", "de", &["glück"]),
            ("Luckily the rain stopped before the ceremony", "en", &[]),
            ("Per fortuna il corriere è arrivato presto", "it", &[]),
        ];
        for (text, lang, words) in cases {
            assert_eq!(aside(text, lang), words, "{text}");
        }
    }
}
