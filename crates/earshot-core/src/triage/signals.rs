//! What the model reads of a post besides its words: the tokens, the lexicon's scores and the
//! cue phrases found, with the cues that stand inside another's phrase set aside.

use super::cue_lists::OWN_PLAN_WORDS;
use super::cues::{cue_sets, Cue, Folded};
use super::grave::Grave;
use super::linear::{self, Signals};
pub(super) use super::text::folded;
use super::text::{self, Analysed, Token};
use super::{lang, vader};

/// The cue phrases found in a post, each in the post's own spelling, strongest first.
#[derive(Debug, Default)]
pub struct Found {
    /// Complaint cues ("refund", "nadie contesta"), less those inside a phrase that asks, tells
    /// news or tells of the writer's own change of plan.
    pub complaint: Vec<String>,
    /// Requests to the business: help ("opening hours"), and the writer's own change of plan
    /// ("cancel my booking", "keep our table").
    pub help: Vec<String>,
    /// Purchase cues ("how much"), less those inside the writer's own change of plan
    /// ("reservation" in "cancel my reservation").
    pub lead: Vec<String>,
    /// Marks of sarcasm.
    pub sarcasm: Vec<String>,
    /// Sympathy and news.
    pub sympathy: Vec<String>,
    /// The writer's own change of plan ("running late", "annuler ma réservation").
    pub own_plan: Vec<String>,
    /// Grave cues ("food poisoning", "mon avocat", "racista"), each with its kind, less those
    /// inside a phrase that tells news ("nobody was injured").
    pub grave: Vec<(Grave, String)>,
    /// What the post says after the wrong thing it got, in its own words ("great job guys" of
    /// "Ordered a latte, got a cold americano. Great job guys."): praise there is sarcasm.
    pub after_wrong_item: Option<String>,
    /// The town's news among the sympathy cues: a break-in, a power cut, the snow.
    pub news: Vec<String>,
    /// A wait with its length is among the complaint cues ("waiting 3 weeks", "faz 15 dias que
    /// paguei", `waited.rs`).
    pub waited: bool,
    /// The writer's own thing broken, in a post that asks (`own_fault.rs`).
    pub own_fault: bool,
}

/// The tokens and lexicon signals of a post: what the model reads.
pub fn signals(text: &str) -> (Analysed, Signals, Found) {
    let text = super::stretch::destretched(text);
    let text = super::hashtags::spelled_out(&text);
    signals_in(&text, lang::detect(&text))
}

/// [`signals`] of a text in a language already told.
pub(super) fn signals_in(text: &str, lang: Option<&'static str>) -> (Analysed, Signals, Found) {
    let c = cue_sets();
    let folded = Folded::new(text);
    // Every cue list in one pass over the post.
    let placed = c.found(&folded);
    let ranked = |cues: Vec<Cue>| cues.into_iter().map(|c| (c.rank, c.said));
    // Help cues, the writer's own plans, the writer's own lateness.
    let [mut help, mut own_plan, own_late] = c.help_parts(placed.help);
    // Complaint cues, then grave ones.
    let (grave, complaint): (Vec<_>, Vec<_>) =
        ranked(placed.complaint).partition(|(rank, _)| *rank >= c.grave_from());
    let complaint = complaint.into_iter().map(|(_, w)| w);
    let mut complaint = super::repeat::failures_only(complaint, folded.as_str());
    // The wrong thing sent or served, quoted as its order and what came ("ordered … got").
    let mut after_wrong_item = None;
    if let Some(((a, b), (c, d))) =
        super::wrong_item::wrong_item(folded.as_str(), &placed.raw.ordered)
    {
        complaint.push(format!("{} … {}", folded.own(a, b), folded.own(c, d)));
        after_wrong_item = Some(folded.own(d, folded.as_str().len()));
    }
    // A promise and what came instead ("versprochen … stattdessen"), a charge for what was
    // never done, a payment and still nothing (`broken.rs`).
    let broken = super::broken::broken(folded.as_str(), &placed.raw.broken);
    let pair_at = broken.map(|((a, _), _)| a);
    if let Some(((a, b), (c, d))) = broken {
        let pair = format!("{} … {}", folded.own(a, b), folded.own(c, d));
        // Said once: "charged" is in "charged … never".
        complaint.retain(|c| !pair.contains(c.as_str()));
        complaint.push(pair);
    }
    // A wait with its length ("been waiting 3 weeks", "Why does it take three weeks?"), or told
    // by the clock ("ordered at 7 … came at 8:15").
    let measured = super::waited::measured_wait(folded.as_str(), &placed.raw.waited)
        .or_else(|| super::waited::why_so_long(folded.as_str()));
    // Or by a day and a request for news ("desde el lunes … ¿sabéis algo?", `chase.rs`).
    let wait = measured.map(|(a, b)| folded.own(a, b)).or_else(|| {
        let ((a, b), (c, d)) = super::clock::late(folded.as_str())
            .or_else(|| super::chase::chased(folded.as_str()))?;
        Some(format!("{} … {}", folded.own(a, b), folded.own(c, d)))
    });
    if let Some(wait) = &wait {
        // Said once: "still nothing" is inside "two weeks and still nothing", "pedimos … llegó"
        // inside "pedimos a las 7 … llegó a las 8".
        complaint.retain(|c| !c.split(" … ").all(|part| wait.contains(part)));
        complaint.push(wait.clone());
    }
    let mut grave: Vec<(Grave, String)> = grave
        .into_iter()
        .filter_map(|(rank, w)| Some((Grave::of(rank - c.grave_from())?, w)))
        .collect();
    let mut lead: Vec<String> = ranked(placed.lead).map(|(_, w)| w).collect();
    let sympathetic: Vec<(usize, String)> = ranked(placed.sympathy).collect();
    let news: Vec<String> = sympathetic
        .iter()
        .filter(|(rank, _)| *rank >= c.news_from())
        .map(|(_, w)| w.clone())
        .collect();
    let mut sympathy: Vec<String> = sympathetic.into_iter().map(|(_, w)| w).collect();
    // Sadness that the place is closing ("Qué pena que cierre la librería"), or at the weather.
    sympathy.extend(super::farewell::farewell(&folded, &placed.raw));
    let inside = |w: &String, phrases: &[&Vec<String>]| {
        let w = w.replace('-', " ");
        phrases
            .iter()
            .any(|p| p.iter().any(|h| h.contains(w.as_str())))
    };
    // A harm supposed in a question asks for help: "what should I do if … damaged?"
    let supposed = super::supposed::supposed(folded.as_str(), &placed.raw.supposing)
        .map(|((a, b), (c, d))| (folded.own(a, b), folded.own(c, d)));
    if let Some((asking, what)) = &supposed {
        complaint.retain(|w| !what.contains(w.as_str()));
        help.push(asking.clone());
    }
    // A complaint word inside a phrase that asks ("hours" in "opening hours"), tells news
    // ("nobody" in "nobody was hurt") or tells of the writer's own plans ("cancel" in "cancel my
    // booking") is not one; nor is a purchase word inside the last ("reservation" in "annuler ma
    // réservation") or inside praise ("price" in "fair price"); nor is one inside praise said
    // through a negation ("disappointed" in "never been disappointed", `idioms.rs`).
    let mut analysed = text::analyse_in(text, lang);
    let idioms = super::idioms::said(&analysed.tokens);
    complaint.retain(|w| !inside(w, &[&help, &lead, &sympathy, &own_plan, &own_late, &idioms]));
    // Nor is a time gone by in praise ("I bought it 2 weeks ago and it's great", `waited.rs`).
    if measured.is_some_and(|m| super::waited::praised_since(folded.as_str(), m, &analysed)) {
        complaint.retain(|w| Some(w) != wait.as_ref());
    }
    // Nor what the weather did ("cancelled because of the storm"); nor "non" after "finché".
    if sympathy.iter().any(|s| weather(s)) {
        complaint.retain(|w| !super::farewell::weather_did(&crate::matcher::fold(w)));
    }
    complaint.retain(|w| !super::not_until::expletive(folded.as_str(), w));
    // Nor is what was mended ("Thanks for fixing my broken phone so fast").
    let mut mended = mended(&mut analysed);
    mended.extend(explained(&mut analysed));
    astonished(&mut analysed);
    super::own_excuse::set_aside(&mut analysed, &own_late);
    super::supposed::condition(&mut analysed);
    super::written::quoted_wish(&mut analysed);
    complaint.retain(|w| !mended.contains(&crate::matcher::fold(w)));
    let own = super::own_fault::own_fault(&mut analysed);
    complaint.retain(|w| !super::own_fault::inside(w, &own));
    super::own_fault::undone(&mut analysed, &mut complaint);
    // Nor is a help word inside a complaint ("aperto" in "il pacco è arrivato aperto"), nor
    // "open" beside one: "when I opened it" ("Il latte era già scaduto quando l'ho aperto").
    help.retain(|w| !inside(w, &[&complaint]));
    if !complaint.is_empty() {
        help.retain(|w| !OPEN.contains(&crate::matcher::fold(w).as_str()));
    }
    // Nor "all'aperto" (outdoors): "il cinema all'aperto".
    let outdoors = |w: &String| format!("all'{}", crate::matcher::fold(w));
    help.retain(|w| !folded.as_str().contains(&outdoors(w)));
    let wished = !sympathy.is_empty();
    let friend = |g: &Grave, w: &str| super::grave::not_theirs(*g, folded.as_str(), w, wished);
    grave.retain(|(g, w)| {
        !(inside(w, &[&sympathy]) || super::grave::denied(folded.as_str(), w, lang) || friend(g, w))
    });
    lead.retain(|w| !inside(w, &[&own_plan, &idioms]));
    let waited = wait.is_some_and(|w| complaint.contains(&w));
    // The writer's own change of plan is a request to the business.
    help.extend(own_plan.iter().cloned());
    own_plan.extend(super::own_excuse::conceded(&analysed, own_late));
    let mut sarcasm: Vec<String> = ranked(placed.sarcasm).map(|(_, w)| w).collect();
    if sarcasm.is_empty() {
        // Thanks for what went wrong ("Danke, dass ihr meinen Anzug verloren habt").
        sarcasm.extend(super::thanks_for::harm_thanked(&folded, pair_at));
    }
    let found = Found {
        complaint,
        help,
        lead,
        sarcasm,
        sympathy,
        own_plan,
        grave,
        after_wrong_item,
        news,
        waited,
        own_fault: !own.is_empty(),
    };
    // The words of a request carry no feeling: "demora" (delay) is the verb "takes" in "quanto
    // tempo demora a entrega?", "long" only measures time in "how long does delivery take", "bon"
    // asks for one in "Quelqu'un connaît un bon électricien ?". Nor does a well wish praise
    // anyone: "bene" of "spero stiate tutti bene", "safe" of "stay safe".
    let words_of = |cues: &mut dyn Iterator<Item = &String>| -> Vec<String> {
        cues.flat_map(|h| {
            crate::matcher::fold(h)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
    };
    let asked = words_of(
        &mut found
            .help
            .iter()
            .filter(|h| !found.own_plan.contains(h))
            .chain(&found.lead),
    );
    // A supposition's words are its own, and a feature of their own to the models ("broken" of
    // "what happens if my order arrives broken?").
    let supposing = words_of(&mut supposed.iter().map(|(_, what)| what));
    for t in analysed.tokens.iter_mut().filter(|_| !supposing.is_empty()) {
        if supposing.contains(&crate::matcher::fold(&t.norm)) {
            t.set_aside();
        }
    }
    let wished = words_of(&mut found.sympathy.iter());
    if !asked.is_empty() || !wished.is_empty() {
        for t in analysed.tokens.iter_mut() {
            let word = crate::matcher::fold(&t.norm);
            let praise = || vader::valence_of(t).is_some_and(|v| v > 0.0);
            if asked.contains(&word) || (wished.contains(&word) && praise()) {
                t.false_friend = true;
            }
        }
    }
    let vader = vader::vader(&analysed, |_, _| {});
    let signals = Signals {
        vader,
        // A grave cue is a complaint cue to the model ("food poisoning" always was).
        complaint_cues: found.complaint.len() + found.grave.len(),
        help_cues: found.help.len(),
        lead_cues: found.lead.len(),
        lang,
    };
    (analysed, signals, found)
}

/// Words that say the trouble is not over ("replaced it and it's still not working").
#[rustfmt::skip]
const NOT_OVER: &[&str] = &[
    "still", "again", "sigue", "otra", "toujours", "encore", "immer", "wieder", "ancora",
    "nuovo", "ainda", "novo", "but", "pero", "mais", "aber", "ma", "mas",
];

/// Words between a fault and the repair told after it, folded: "the leak is now fixed", "la
/// fuite est réparée", "das Leck ist endlich dicht", "la perdita è riparata", "a fuga já está
/// resolvida".
#[rustfmt::skip]
const BEFORE_MENDED: &[&str] = &[
    "is", "was", "got", "been", "now", "finally", "all", "est", "ete", "enfin", "ist",
    "wurde", "endlich", "jetzt", "e", "stata", "stato", "finalmente", "esta", "fue", "ya",
    "sido", "foi", "ficou", "ja",
];

/// Marks the bad words a repair just before them mended ("fixing my broken phone", "a réparé
/// la fenêtre cassée"), and the fault a repair after it settled ("the leak is fixed", "das
/// Leck ist dicht"), as no feeling of the post's, and gives the bad ones back, folded; not
/// "replaced it and it's still not working", nor "the leak still isn't fixed".
fn mended(a: &mut Analysed) -> Vec<String> {
    let mut out = Vec::new();
    let n = a.tokens.len();
    for i in 0..n {
        let (forward, settles) = {
            let repair = folded(&a.tokens[i]);
            let forward = super::words::MENDING.contains(&repair.as_ref());
            (
                forward,
                forward || super::words::SETTLED.contains(&repair.as_ref()),
            )
        };
        if settles && !a.tokens[i].negated {
            settled(a, i, &mut out);
        }
        if !forward {
            continue;
        }
        for t in &mut a.tokens[i + 1..(i + 4).min(n)] {
            let word = folded(t).into_owned();
            if NOT_OVER.contains(&word.as_str()) {
                break;
            }
            if vader::valence_of(t).is_some_and(|v| v < 0.0) {
                t.set_aside();
                out.push(word);
            }
        }
    }
    out
}

/// Sets aside up to three words of the fault before the repair at `i` and the words between
/// them ([`BEFORE_MENDED`], of which one at least): "the leak" of "the leak is fixed".
fn settled(a: &mut Analysed, i: usize, out: &mut Vec<String>) {
    let mut j = i;
    while j > 0
        && !a.tokens[j - 1].clause_end
        && BEFORE_MENDED.contains(&folded(&a.tokens[j - 1]).as_ref())
    {
        j -= 1;
    }
    if j == i {
        return;
    }
    for t in a.tokens[..j].iter_mut().rev().take(3) {
        let word = folded(t).into_owned();
        if t.clause_end || NOT_OVER.contains(&word.as_str()) {
            break;
        }
        if vader::valence_of(t).is_some_and(|v| v < 0.0) {
            out.push(word);
        }
        t.set_aside();
    }
}

/// Words of explaining, folded: a fault the business explained is its service ("showed me the
/// old part and explained what had gone wrong", "m'a expliqué la panne"), no complaint.
#[rustfmt::skip]
const EXPLAINING: &[&str] = &[
    "explained", "explico", "explicaron", "explique", "expliquee", "erklart", "erklarte",
    "erklarten", "spiegato", "spiegata", "spiego", "explicou", "explicaram",
];

/// The writer as the one who explained ("I explained the problem twice", "le expliqué",
/// "j'ai expliqué", "ich habe … erklärt", "ho spiegato"): then the fault is the complaint.
#[rustfmt::skip]
const WRITER: &[&str] = &[
    "i", "we", "le", "les", "lo", "ai", "avons", "ich", "wir", "habe", "hab", "ho", "abbiamo",
];

/// Faults named without a word of feeling, folded ("panne", "kaputt", "guasto").
#[rustfmt::skip]
const FAULT: &[&str] = &[
    "fault", "problem", "issue", "fallado", "fallo", "averia", "problema", "panne", "probleme",
    "defaut", "kaputt", "defekt", "fehler", "guasto", "difetto", "avariado", "avaria", "defeito",
];

/// Marks the words of a fault the business explained (up to five after its verb, in the clause
/// that follows it: "erklärt, was kaputt war") as no feeling of the post's, and gives its bad
/// words and the faults it names back, folded. Not where nobody explained, nor where the writer did.
fn explained(a: &mut Analysed) -> Vec<String> {
    let mut out = Vec::new();
    let n = a.tokens.len();
    for i in 0..n {
        let t = &a.tokens[i];
        if t.negated || !EXPLAINING.contains(&folded(t).as_ref()) {
            continue;
        }
        let clause = (0..i).rev().take_while(|&j| !a.tokens[j].clause_end);
        if clause
            .take(6)
            .any(|j| WRITER.contains(&folded(&a.tokens[j]).as_ref()))
        {
            continue;
        }
        for k in i + 1..(i + 6).min(n) {
            let t = &mut a.tokens[k];
            let word = folded(t).into_owned();
            if vader::valence_of(t).is_some_and(|v| v < 0.0) || FAULT.contains(&word.as_str()) {
                out.push(word);
            }
            t.set_aside();
            if t.clause_end {
                break;
            }
        }
    }
    out
}

/// Help cues of opening hours that are one bare word, folded.
const OPEN: &[&str] = &[
    "ouvert", "ouverts", "geoffnet", "aperto", "aperti", "aberto", "abertos",
];

/// Words of astonishment, folded: after a bad word of their clause, or right before one, they say
/// how bad ("The rudeness of the new manager is unbelievable", "une lenteur incroyable",
/// "unglaublich langsam"), not praise.
#[rustfmt::skip]
const ASTONISHED: &[&str] = &[
    "unbelievable", "incredible", "increible", "incroyable", "unglaublich", "unglaubliche",
    "unglaublichen", "unglaublicher", "unglaubliches", "incredibile", "incredibili",
    "inacreditavel", "incrivel",
];

/// Marks a word of astonishment as no feeling of its own where it says how bad a bad word of its
/// clause is, and the clause has no other praise ("The pizza was incredible and the staff rude"
/// keeps it).
fn astonished(a: &mut Analysed) {
    let n = a.tokens.len();
    for i in 0..n {
        // Each word of the list begins with "i" or "u": most tokens are told by their first byte.
        if !a.tokens[i].norm.starts_with(['i', 'u'])
            || !ASTONISHED.contains(&folded(&a.tokens[i]).as_ref())
        {
            continue;
        }
        // Its clause, bounded by punctuation and by the post's turn.
        let mut start = i;
        while start > 0 && !a.tokens[start - 1].clause_end && !a.turns.contains(&(start - 1)) {
            start -= 1;
        }
        let mut end = i;
        while end + 1 < n && !a.tokens[end].clause_end && !a.turns.contains(&(end + 1)) {
            end += 1;
        }
        let felt = |t: &Token, bad: bool| {
            vader::valence_of(t).is_some_and(|v| (v < 0.0) == (bad != t.negated) && v != 0.0)
        };
        let before = a.tokens[start..i].iter().any(|t| felt(t, true));
        let next = !a.tokens[i].clause_end && a.tokens.get(i + 1).is_some_and(|t| felt(t, true));
        let praise = (start..=end).any(|k| k != i && felt(&a.tokens[k], false));
        if (before || next) && !praise {
            a.tokens[i].false_friend = true;
        }
    }
}

/// Whether a sympathy cue blames the weather or the power ("because of the storm",
/// "eingeschneit", "corte de luz", and the hail of "what a shame the hail…", `farewell.rs`).
fn weather(cue: &str) -> bool {
    crate::matcher::fold(cue).split(' ').any(|w| {
        super::cue_lists::WEATHER.contains(&w) || super::farewell::WEATHER_ITSELF.contains(&w)
    })
}

/// Whether a post that tells of the writer's own change of plan, or of the writer's own thing
/// broken as it asks to have it mended, has no bad word besides the writer's own apology and
/// lateness ("Sorry, running late, please keep our table": "sorry" and "late" are not the
/// business's fault) and no complaint cue. False for a post without either.
pub(super) fn only_own_plan(a: &Analysed, found: &Found) -> bool {
    (!found.own_plan.is_empty() || found.own_fault)
        && found.complaint.is_empty()
        && !super::supposed::as_if(a)
        && found.grave.is_empty()
        && a.tokens.iter().all(|t| {
            let bad = vader::valence_of(t).is_some_and(|v| v != 0.0 && (v < 0.0) != t.negated);
            // The cue's own words too: Spanish "no" of "no puedo ir a la clase".
            let in_cue = || {
                found
                    .own_plan
                    .iter()
                    .any(|c| c.split(' ').any(|w| w.to_lowercase() == t.norm))
            };
            !bad || own_plan_word(&t.norm) || in_cue()
        })
}

/// Whether a word is one of the writer's own apology, regret, lateness ([`OWN_PLAN_WORDS`]) or illness.
pub(super) fn own_plan_word(word: &str) -> bool {
    let w = crate::matcher::fold(word);
    OWN_PLAN_WORDS.contains(&w.as_str()) || super::own_excuse::ILL.contains(&w.as_str())
}

/// A labelled training example for the sentiment model (label: index into [`linear::CLASSES`]).
pub fn training_example(text: &str, label: usize) -> linear::Example {
    let (a, s, _) = signals(text);
    linear::Example::new(&a, &s, label)
}

#[cfg(test)]
mod tests {
    use super::{astonished, explained, mended};
    use crate::triage::text::analyse_in;

    #[test]
    fn a_fault_settled_by_a_repair_after_it_is_set_aside() {
        // (post, language, the bad words given back, whether a word was set aside)
        let cases: [(&str, &str, &[&str], bool); 5] = [
            ("The leak is finally fixed", "en", &["leak"], true),
            ("Das Leck ist jetzt dicht", "de", &[], true),
            ("La perdita è stata risolta", "it", &[], true),
            // Still broken, or a repair with nothing between it and the fault: nothing settled.
            ("The leak still isn't fixed", "en", &[], false),
            ("Broken again. Fixed nothing", "en", &[], false),
        ];
        for (text, lang, given, aside) in cases {
            let mut a = analyse_in(text, Some(lang));
            assert_eq!(mended(&mut a), given, "{text}");
            assert_eq!(
                a.tokens.iter().any(|t| t.aside),
                aside,
                "{text}: {:?}",
                a.tokens
            );
        }
    }

    #[test]
    fn a_fault_the_business_explained_is_set_aside() {
        // (post, language, the bad words and faults given back)
        let cases: [(&str, &str, &[&str]); 5] = [
            (
                "The mechanic explained what had gone wrong",
                "en",
                &["wrong"],
            ),
            (
                "Der Mechaniker hat erklärt, was kaputt war",
                "de",
                &["kaputt"],
            ),
            ("Il meccanico mi ha spiegato il guasto", "it", &["guasto"]),
            ("I explained what was wrong three times", "en", &[]),
            ("Nobody explained what went wrong", "en", &[]),
        ];
        for (text, lang, given) in cases {
            let mut a = analyse_in(text, Some(lang));
            assert_eq!(explained(&mut a), given, "{text}");
            let aside = a.tokens.iter().any(|t| t.aside);
            assert_eq!(aside, !given.is_empty(), "{text}: {:?}", a.tokens);
        }
    }

    /// The words of astonishment that carry no praise of their own in `text`.
    fn unpraised(text: &str, lang: &str) -> Vec<String> {
        let mut a = analyse_in(text, Some(lang));
        let before: Vec<bool> = a.tokens.iter().map(|t| t.false_friend).collect();
        astonished(&mut a);
        a.tokens
            .iter()
            .zip(before)
            .filter(|(t, was)| t.false_friend && !was)
            .map(|(t, _)| t.norm.clone())
            .collect()
    }

    #[test]
    fn astonishment_at_a_bad_thing_is_no_praise() {
        assert_eq!(
            unpraised("The rudeness of the new manager is unbelievable", "en"),
            ["unbelievable"]
        );
        assert_eq!(
            unpraised("Un accueil d'une froideur incroyable", "fr"),
            ["incroyable"]
        );
        assert_eq!(
            unpraised("Unglaublich schlechter Service heute", "de"),
            ["unglaublich"]
        );
        assert_eq!(
            unpraised("La mala educación del nuevo encargado es increíble", "es"),
            ["increíble"]
        );
        // Praise in the clause, a bad word after the turn or further on, or none at all: praise.
        assert!(unpraised("Incredible service, the staff were unbelievably kind", "en").is_empty());
        assert!(unpraised("Una pizza incredibile, ma il servizio lentissimo", "it").is_empty());
        assert!(unpraised("The pizza was incredible and the staff rude", "en").is_empty());
        assert!(unpraised("Unglaublich lecker, wir kommen wieder", "de").is_empty());
    }
}
