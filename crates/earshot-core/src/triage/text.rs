//! Reading a post: one tokenizer shared by the lexicon scorer and the learned model, and VADER's
//! sentiment rules (Hutto & Gilbert 2014, MIT; `data/VADER-LICENSE.txt`) applied to its tokens.
//!
//! The tokenizer folds case, drops apostrophes ("don't" → "dont"), squashes elongations
//! ("soooo" → "so", "terribleeee" → "terrible"), turns links into `_url`, @handles into `_at`
//! and digit runs into `_num` (but "10", a mark: "10/10", "nota 10"), keeps emoji and common
//! emoticons as tokens, and remembers which tokens were in capitals and which ended a clause —
//! what the negation and emphasis rules need.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// One token of a post.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Folded form: lowercase, no apostrophes, elongations squashed.
    pub norm: String,
    /// Written in capitals ("NEVER"), a sign of emphasis.
    pub caps: bool,
    /// Punctuation that ends a clause follows it (`.,;:!?`).
    pub clause_end: bool,
    /// Inside a negation's scope ("not" … up to the end of the clause).
    pub negated: bool,
    /// What the word does to its neighbours (negates, boosts, dampens).
    pub role: Role,
    /// Capitalised inside a sentence ("Beckham", "Star Wars", "#Trump"): most likely a name,
    /// which is what a post is about, never why it ranks. German capitalises every noun, so
    /// readers of German posts do not ask.
    pub name: bool,
    /// An English lexicon word that is a common word of the post's own language (German "die",
    /// Spanish "sin", French "pain"), or a word of another language's own lexicon: it carries no
    /// valence there ([`super::vader::valence_of`]); or a word of a request to the business
    /// ("demora" of "quanto tempo demora a entrega?", `signals.rs`).
    pub false_friend: bool,
    /// Not at its usual work here, so the model reads it as a feature of its own: a false friend
    /// of the post's language, a description ("gluten free"), an allergy's word, a fault the
    /// business mended or explained ([`Token::set_aside`]). A word of a request is not: "help"
    /// asks for help.
    pub aside: bool,
    /// Praise of how things were ("favourite" of "used to be my favourite"): read as under a
    /// negation ([`super::decline`]).
    pub past: bool,
}

impl Token {
    /// Marks a word as not at its usual work: no valence, and a feature of its own.
    pub(super) fn set_aside(&mut self) {
        self.false_friend = true;
        self.aside = true;
    }
}

/// What a word does to the sentiment of the words after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// Nothing.
    #[default]
    Plain,
    /// Flips ("not", "never").
    Negation,
    /// Intensifies ("very").
    BoostUp,
    /// Dampens ("slightly").
    BoostDown,
}

pub(super) fn role_of(norm: &str) -> Role {
    static ROLES: OnceLock<HashMap<&'static str, Role>> = OnceLock::new();
    let roles = ROLES.get_or_init(|| {
        let mut m = HashMap::default();
        for w in super::words::BOOSTERS_UP {
            m.insert(*w, Role::BoostUp);
        }
        for w in super::words::BOOSTERS_DOWN {
            m.insert(*w, Role::BoostDown);
        }
        for w in super::words::NEGATIONS {
            m.insert(*w, Role::Negation);
        }
        m
    });
    roles.get(norm).copied().unwrap_or_default()
}

/// A tokenized post with the punctuation counts the rules use.
#[derive(Debug, Clone, Default)]
pub struct Analysed {
    /// The tokens in order.
    pub tokens: Vec<Token>,
    /// Number of `!`.
    pub bangs: usize,
    /// Number of `?`.
    pub questions: usize,
    /// Whether the last non-space character is `?`.
    pub ends_with_question: bool,
    /// Where the post turns: the tokens of its contrastive words ("but", "pero", French "mais";
    /// the second word of "sin embargo"), in order.
    pub turns: Vec<usize>,
    /// Relief: a fear told once it was over, of what did not come true (`dread.rs`), or the
    /// writer's own slip or trouble that the business undid (`slips.rs`).
    pub relief: bool,
}

const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":(", ":-(", ":d", ":-d", ";)", ";-)", ":/", ":-/", ":'(", "<3", ":p", ":-p",
    ":|", ":o", "=)", "=(", "xd", ":((", ":))", "</3",
];

/// Whether a folded token is a function or counting word (see [`super::words::STOP_WORDS`]).
pub fn is_stop_word(norm: &str) -> bool {
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| super::words::STOP_WORDS.iter().copied().collect())
        .contains(norm)
}

/// A stop word, a booster or dampener, or a negation: never a reason by itself.
pub fn is_function_word(norm: &str) -> bool {
    is_stop_word(norm) || role_of(norm) != Role::Plain
}

/// Whether a folded token negates what follows.
pub fn is_negation(norm: &str) -> bool {
    role_of(norm) == Role::Negation
}

fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B50 | 0x2B55)
}

fn push_word(out: &mut Vec<Token>, word: &str) {
    let word = without_will(word);
    if word.is_empty() {
        return;
    }
    let mut norm = String::with_capacity(word.len());
    let caps;
    let mut digits = true;
    let mut prev = '\0';
    let mut run = 0;
    // Where a stretch ("eeee") was squashed: the byte of its second letter, kept in `norm`.
    let mut stretches: Vec<usize> = Vec::new();
    let mut push = |l: char, norm: &mut String| {
        if l == prev {
            run += 1;
            if run >= 2 {
                if run == 2 {
                    stretches.push(norm.len() - l.len_utf8());
                }
                return;
            }
        } else {
            run = 0;
            prev = l;
        }
        digits &= l.is_ascii_digit();
        norm.push(l);
    };
    if word.is_ascii() {
        let b = word.as_bytes();
        caps = b.len() > 1
            && b.iter().any(u8::is_ascii_alphabetic)
            && !b.iter().any(u8::is_ascii_lowercase);
        for &c in b {
            if c != b'\'' {
                push(c.to_ascii_lowercase() as char, &mut norm);
            }
        }
    } else {
        caps = word.chars().count() > 1
            && word.chars().any(char::is_alphabetic)
            && !word.chars().any(char::is_lowercase);
        for c in word.chars() {
            if c == '\'' || c == '’' {
                continue;
            }
            for l in c.to_lowercase() {
                push(l, &mut norm);
            }
        }
    }
    if norm.is_empty() {
        return;
    }
    if digits && norm != "10" {
        norm.clear();
        norm.push_str("_num");
    } else if !stretches.is_empty() {
        super::stretch::unstretch(&mut norm, &stretches);
    }
    let role = role_of(&norm);
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let name = letters.next().is_some_and(char::is_uppercase) && letters.any(char::is_lowercase);
    out.push(Token {
        norm,
        caps,
        clause_end: false,
        negated: false,
        role,
        name,
        false_friend: false,
        aside: false,
        past: false,
    });
}

/// A token that is not a word: a link, a handle, an emoji, an emoticon.
fn special(norm: String) -> Token {
    Token {
        norm,
        caps: false,
        clause_end: false,
        negated: false,
        role: Role::Plain,
        name: false,
        false_friend: false,
        aside: false,
        past: false,
    }
}

fn end_clause(out: &mut [Token]) {
    if let Some(t) = out.last_mut() {
        t.clause_end = true;
    }
}

/// Splits a post into tokens.
pub fn analyse(text: &str) -> Analysed {
    analyse_in(text, None)
}

/// Words that negate in one language and not in another that writes them too: Portuguese "no"
/// is "in the" ("no pedido"), Italian "ne" is "of it" ("ne ho due"). A bare "n" is "não" only
/// in Portuguese text-speak ("n gostei"); elsewhere it is "and" ("fish n chips").
pub(super) fn negates_in(norm: &str, lang: Option<&str>) -> bool {
    match norm {
        "n" => lang == Some("pt"),
        _ => !matches!((lang, norm), (Some("pt"), "no") | (Some("it"), "ne")),
    }
}

/// "I'll", "he'll", "we’ll" without their "'ll": with the apostrophe dropped they were "ill",
/// "hell" and "well", words of the lexicon ("I'll be reporting this…" read "negative: 'ill'").
fn without_will(word: &str) -> &str {
    for will in ["'ll", "’ll", "'LL", "’LL"] {
        if let Some(head) = word.strip_suffix(will).filter(|h| !h.is_empty()) {
            return head;
        }
    }
    word
}

/// French and Italian elide an article or pronoun into the next word ("l'accueil", "un'ora",
/// "c'è", "n'ai"): the word is read without it, or every noun would have a form per article
/// ("unora", "laccueil") and no reason could name it.
fn elided<'a>(w: &'a str, lang: Option<&str>) -> Option<(&'a str, &'a str)> {
    let heads = match lang {
        Some("fr") => super::words::ELIDED_FR,
        Some("it") => super::words::ELIDED_IT,
        _ => return None,
    };
    let at = w.find(['\'', '’'])?;
    let head = &w[..at];
    let rest = w[at..].trim_start_matches(['\'', '’']);
    (!rest.is_empty() && heads.iter().any(|h| h.eq_ignore_ascii_case(head))).then_some((head, rest))
}

/// [`analyse`] for a post in `lang` (ISO 639-1), whose negations are that language's.
pub fn analyse_in(text: &str, lang: Option<&str>) -> Analysed {
    let mut a = Analysed {
        tokens: Vec::with_capacity(text.len() / 5 + 4),
        ..Analysed::default()
    };
    a.ends_with_question = text.trim_end().ends_with('?');
    // A sentence's first word is capitalised whatever it is: not a name for that.
    let mut sentence_start = true;
    let word = |tokens: &mut Vec<Token>, w: &str, sentence_start: &mut bool| {
        let before = tokens.len();
        match elided(w, lang) {
            Some((head, rest)) => {
                // The article or pronoun says nothing (kept as a word, it made the held-out
                // French tweets read worse); French "n'" is the negation "ne" ("je n'ai pas").
                // "jusqu'" is until, which the time after it needs ([`super::words::UNTIL`]).
                if head.eq_ignore_ascii_case("n") {
                    push_word(tokens, "ne");
                } else if head.eq_ignore_ascii_case("jusqu") {
                    push_word(tokens, "jusqu");
                }
                // "N'est qu'à 16 h": a restriction, not a negation (`not_until.rs`).
                if head.eq_ignore_ascii_case("qu") {
                    super::not_until::restricts(tokens, rest);
                }
                push_word(tokens, rest);
            }
            None => push_word(tokens, w),
        }
        if *sentence_start && tokens.len() > before {
            for t in &mut tokens[before..] {
                t.name = false;
            }
            *sentence_start = false;
        }
    };
    for chunk in text.split_whitespace() {
        let starts = |p: &str| {
            chunk
                .as_bytes()
                .get(..p.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()))
        };
        if starts("http://") || starts("https://") || starts("www.") {
            a.tokens.push(special("_url".into()));
            continue;
        }
        if chunk.len() <= 4 && !chunk.bytes().all(|b| b.is_ascii_alphanumeric()) {
            if let Some(e) = EMOTICONS.iter().find(|e| e.eq_ignore_ascii_case(chunk)) {
                a.tokens.push(special((*e).to_string()));
                continue;
            }
        }
        let mut start: Option<usize> = None;
        let mut handle = false;
        for (i, c) in chunk.char_indices() {
            let wordish = c.is_alphanumeric() || c == '\'' || c == '’' || (handle && c == '_');
            if wordish {
                if start.is_none() {
                    start = Some(i);
                }
                continue;
            }
            if let Some(s) = start.take() {
                if handle {
                    a.tokens.push(special("_at".into()));
                } else {
                    word(&mut a.tokens, &chunk[s..i], &mut sentence_start);
                }
            }
            handle = false;
            match c {
                '@' => handle = true,
                '!' => {
                    a.bangs += 1;
                    end_clause(&mut a.tokens);
                    sentence_start = true;
                }
                '?' => {
                    a.questions += 1;
                    end_clause(&mut a.tokens);
                    sentence_start = true;
                }
                '.' => {
                    end_clause(&mut a.tokens);
                    sentence_start = true;
                }
                ',' | ';' | ':' => end_clause(&mut a.tokens),
                c if is_emoji(c) => {
                    a.tokens.push(special(c.to_string()));
                    sentence_start = true;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            if handle {
                a.tokens.push(special("_at".into()));
            } else {
                word(&mut a.tokens, &chunk[s..], &mut sentence_start);
            }
        }
    }
    // "Can't get enough of", "took the time to": praise in a set phrase, one token.
    super::idioms::merge(&mut a.tokens, lang);
    let friends = super::words::FALSE_FRIENDS
        .iter()
        .find(|(l, _)| Some(*l) == lang)
        .map_or(&[][..], |(_, words)| words);
    for i in 1..a.tokens.len() {
        // "Never so disappointed", "noch nie so enttäuscht", "jamais aussi déçu": a booster, not
        // a negation (VADER's "never so").
        if super::words::NEVER.contains(&a.tokens[i - 1].norm.as_str())
            && super::words::SO.contains(&a.tokens[i].norm.as_str())
        {
            a.tokens[i - 1].role = Role::BoostUp;
        }
    }
    for t in &mut a.tokens {
        if t.role == Role::Negation && !negates_in(&t.norm, lang) {
            t.role = Role::Plain;
        }
        if friends.contains(&t.norm.as_str()) || super::vader::foreign(&t.norm, lang) {
            t.set_aside();
        }
    }
    // "Gluten free": a description, not praise ("positive: 'free'"); "por la tarde".
    for i in 1..a.tokens.len() {
        let before = a.tokens[i - 1].norm.as_str();
        if super::words::PLAIN_AFTER
            .iter()
            .any(|(w, after)| a.tokens[i].norm == *w && after.contains(&before))
        {
            a.tokens[i].set_aside();
        }
    }
    // "Closed next week for renovation", "later because of the bank holiday": news of the hours
    // (`notice.rs`).
    super::notice::closed_for_works(&mut a);
    super::notice::holiday_cause(&mut a);
    // "A severe nut allergy", "severely allergic": the allergy's words, not the business's.
    // Up to two words back, within the allergy's clause.
    for i in 1..a.tokens.len() {
        if super::words::ALLERGY.contains(&a.tokens[i].norm.as_str()) {
            let mut j = i;
            while j > 0 && i - j < 2 && !a.tokens[j - 1].clause_end {
                j -= 1;
                a.tokens[j].set_aside();
            }
        }
    }
    // "Terrified of needles", "une peur bleue des aiguilles": the writer's own fear.
    for i in 0..a.tokens.len() {
        let feared = |t: &Token| super::words::FEARED.contains(&t.norm.as_str());
        if super::words::FEAR.contains(&a.tokens[i].norm.as_str())
            && a.tokens[i + 1..].iter().take(3).any(feared)
        {
            a.tokens[i].set_aside();
        }
    }
    // "My son, who was afraid", "mon fils qui avait peur", "meinem ängstlichen Sohn": a child's
    // fear, told of before it was overcome, is no complaint of theirs.
    for i in 0..a.tokens.len() {
        let fear = &a.tokens[i].norm;
        let afraid = super::words::FEAR.contains(&fear.as_str());
        if !afraid && !super::words::FEARFUL.contains(&fear.as_str()) {
            continue;
        }
        let child = |k: usize| super::words::CHILD.contains(&a.tokens[k].norm.as_str());
        let who = |k: usize| super::words::WHO.contains(&a.tokens[k].norm.as_str());
        // The child, "who" right after it and the fear within four words of that; or a fearful
        // child, the word within two of the child's.
        let told = (i.saturating_sub(5)..i).any(|k| child(k) && k + 1 < i && who(k + 1))
            || (!afraid
                && (i.saturating_sub(2)..(i + 3).min(a.tokens.len())).any(|k| k != i && child(k)));
        if told {
            a.tokens[i].set_aside();
        }
    }
    // "I was terrified the tattoo would hurt", "didn't think it could be saved": dread and doubt
    // that came to nothing, or a fear remembered and cared for (`dread.rs`).
    let eased = super::dread::eased(&mut a) | super::dread::cared_for(&mut a);
    a.relief = super::dread::set_aside(&mut a) | super::dread::doubted(&mut a) | eased;
    // "Luckily I checked the name on the box": the writer caught a mistake (`dread.rs`).
    super::dread::caught(&mut a, lang);
    a.turns = turns(&a.tokens, lang);
    for &i in &a.turns {
        // "Sin embargo" (however) is no "sin" (without).
        if i > 0 && a.tokens[i - 1].norm == "sin" {
            a.tokens[i - 1].role = Role::Plain;
        }
    }
    // "Sin duda la mejor", "sans aucun doute", "no doubt": without doubt negates nothing, and the
    // doubt is no feeling.
    let doubt = |t: &Token| super::words::DOUBT.contains(&t.norm.as_str());
    let some = |t: &Token| matches!(t.norm.as_str(), "a" | "any" | "aucun" | "ningún" | "alguna");
    for i in 0..a.tokens.len() {
        let at = if a.tokens.get(i + 1).is_some_and(some) {
            i + 2
        } else {
            i + 1
        };
        if a.tokens[i].role == Role::Negation && a.tokens.get(at).is_some_and(doubt) {
            a.tokens[i].role = Role::Plain;
            a.tokens[at].set_aside();
        }
    }
    super::not_until::unnegate(&mut a.tokens, lang);
    let mut in_scope = false;
    for (i, t) in a.tokens.iter_mut().enumerate() {
        if t.role == Role::Negation {
            in_scope = !t.clause_end;
            continue;
        }
        // A negation reaches no further than the post's turn ("not cheap, but good").
        if a.turns.contains(&i) {
            in_scope = false;
        }
        // An idiom that carries its own negation is not negated again ("ne" before "pas mal du
        // tout" is the same one); one without is ("nobody took the time to explain"). An emoji
        // is the writer's feeling, never negated ("ora non più 😞").
        // Nor is the writer's relief at it ("no food poisoning, thankfully").
        t.negated = in_scope
            && !super::idioms::negates_itself(&t.norm)
            && !super::vader::is_emoji(&t.norm)
            && !super::words::RELIEF.contains(&t.norm.as_str());
        if t.clause_end {
            in_scope = false;
        }
    }
    // "Used to be my favourite": praise of how things were.
    super::decline::mark(&mut a);
    a
}

/// The tokens where a post in `lang` turns ([`super::words::CONTRASTS`]).
fn turns(tokens: &[Token], lang: Option<&str>) -> Vec<usize> {
    let Some((_, words)) = super::words::CONTRASTS.iter().find(|(l, _)| *l == lang) else {
        return Vec::new();
    };
    (0..tokens.len())
        .filter(|&i| {
            // A turn of several words stands at its last ("sin embargo", "mois plus tard"); a
            // time gone by turns only to how things still stand ("months later, still nothing").
            let still = || {
                tokens[i + 1..]
                    .iter()
                    .take(4)
                    .any(|t| super::words::STILL.contains(&t.norm.as_str()))
            };
            let norm = tokens[i].norm.as_str();
            // Most tokens end no turn's phrase, and stop at this comparison.
            words.iter().filter(|w| w.ends_with(norm)).any(|w| {
                let mut back = w.rsplit(' ').enumerate();
                let later = || super::words::LATER.iter().any(|l| w.ends_with(l));
                back.all(|(k, part)| i >= k && tokens[i - k].norm == part) && (!later() || still())
            })
        })
        .collect()
}

/// Whether a folded token is an insult ([`super::words::INSULTS`]).
pub fn is_insult(norm: &str) -> bool {
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| super::words::INSULTS.iter().copied().collect())
        .contains(norm)
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;

/// A token's word folded (`matcher::fold`); most are ASCII and need no folding to be compared.
pub(super) fn folded(t: &Token) -> std::borrow::Cow<'_, str> {
    if t.norm.is_ascii() {
        std::borrow::Cow::Borrowed(t.norm.as_str())
    } else {
        std::borrow::Cow::Owned(crate::matcher::fold(&t.norm))
    }
}

/// The words of `text`, read in `lang`, that its analysis sets aside: what the rules' tests of
/// `dread.rs` and `notice.rs` pin.
#[cfg(test)]
pub(super) fn aside_words(text: &str, lang: &str) -> Vec<String> {
    let a = analyse_in(text, Some(lang));
    a.tokens
        .into_iter()
        .filter(|t| t.aside)
        .map(|t| t.norm)
        .collect()
}
