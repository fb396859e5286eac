//! Reading a post's text: the tokens, the lexicon and cue signals, the learned model's
//! probabilities, the intent and complaint decisions, and the words that drove them.

use super::farewell::{befell, mourns, saddened};
use super::flags::{
    abuse_of, closing_cry, flag_of, ironic_words, lone_cry, only_insults, praise_in,
};
use super::linear::{self, LinearModel, Origin};
use super::naming::{boosting, letter, name_strongest, names_marked, negation_reaches, shown};
use super::signals::{only_own_plan, own_plan_word, signals_in, Found};
use super::text::{self, Analysed};
use super::{complaint_cues::demands, lang, model, vader, words::asks_why};
use super::{courtesy, grave::Grave, need_met, notice, own_fault, put_right};
use crate::model::{Intent, Sentiment};

/// What the text of a post says, before anything about its author or context.
#[derive(Debug, Clone)]
pub struct Reading {
    /// The tokens.
    pub analysed: Analysed,
    /// Probabilities of negative, neutral, positive.
    pub probs: [f32; 3],
    /// The sentiment class.
    pub mood: Sentiment,
    /// The intent.
    pub intent: Intent,
    /// Whether it is a complaint.
    pub complaint: bool,
    /// Whether it wants an answer.
    pub needs_reply: bool,
    /// Complaint cues found.
    pub complaint_cues: Vec<String>,
    /// What made it a complaint, in the post's words: its cues, else the words the complaint
    /// model leaned on most ("hold", "apology"); empty when it is not one.
    pub complaint_words: Vec<String>,
    /// Help-request cues found.
    pub help_cues: Vec<String>,
    /// Purchase cues found.
    pub lead_cues: Vec<String>,
    /// The words that pushed the sentiment most, strongest first; for a neutral reading that
    /// leans negative, the words it leans on; otherwise none for a neutral one.
    pub drivers: Vec<String>,
    /// The language (ISO 639-1), when it can be told.
    pub lang: Option<&'static str>,
    /// Offensive or abusive: insults, slurs, profanity aimed at someone.
    pub abusive: bool,
    /// The words that made it read as abusive, strongest first.
    pub abuse_words: Vec<String>,
    /// Marks of sarcasm found ("🙃", "yeah right").
    pub sarcasm: Vec<String>,
    /// What makes this complaint grave ("food poisoning", "mon avocat", "racista"), each with
    /// its kind; empty for a post that is not a complaint (a thank-you for help after an
    /// allergic reaction is praise).
    pub grave: Vec<(Grave, String)>,
}

impl Reading {
    /// Sentiment as one number, -1.0 to 1.0.
    pub fn score(&self) -> f32 {
        self.probs[2] - self.probs[0]
    }
}

/// Probability of "negative" at or above which a post counts as a complaint without any cue.
const COMPLAINT_P: f32 = 0.5;
/// … and with a complaint cue.
const COMPLAINT_P_CUED: f32 = 0.35;
/// … and for a question or an enquiry without any complaint cue or negative word.
const COMPLAINT_P_ASKING: f32 = 0.8;
/// For English posts, where the complaint model reads too: the mean of its probability and the
/// negative one at or above which a post is a complaint, without and with a cue. Chosen on a
/// part of the complaints set the model had not learned from (BENCHMARKS.md, "Complaints").
const COMPLAINT_Q: f32 = 0.4;
const COMPLAINT_Q_CUED: f32 = 0.3;
/// … and for a question or an enquiry without any complaint cue or negative word.
const COMPLAINT_Q_ASKING: f32 = 0.5;

/// The negative probability at or above which a reading that is not negative still counts
/// towards urgency, as leaning negative.
pub(super) const LEANS_NEGATIVE: f32 = 0.4;

/// How much a word the lexicon does not know must lift its class to be named beside one it does.
pub(super) const LEARNED_BESIDE_LEXICON: f32 = 0.4;
/// … and how much a word or a pair the lexicon does not know must lift it to be named at all.
const LEARNED_ALONE: f32 = 0.15;

/// How far a prediction without any lexicon or cue evidence is pulled towards neutral.
const NO_EVIDENCE_SHRINK: f32 = 0.3;
/// … and how far when the post asks the business for help or a price.
const NO_EVIDENCE_SHRINK_ASKING: f32 = 0.7;
const NO_EVIDENCE_PRIOR: [f32; 3] = [0.15, 0.7, 0.15];

/// How far a dampened sentiment word ("slightly bad") pulls the reading towards neutral.
const DAMPENER_SHRINK: f32 = 0.25;

/// How much of the neutral reading a booster before a sentiment word ("muy malo") moves to the
/// side the word leans.
const BOOSTER_SHARPEN: f32 = 0.25;

/// How much of the neutral reading a negated sentiment word ("no está bueno") moves to the side
/// it reads where it stands.
const NEGATION_SHARPEN: f32 = 0.25;

/// Reads a post's text: sentiment, intent, complaint, whether it needs a reply.
pub fn read(text: &str) -> Reading {
    read_with(model(), text)
}

/// [`read`] with another model (cross-validation trains several).
pub fn read_with(model: &LinearModel, text: &str) -> Reading {
    let text = super::stretch::destretched(text);
    let text = super::hashtags::spelled_out(&text);
    let whole = super::turn::turned(model, &text, read_in(model, &text, lang::detect(&text)));
    let settled = need_met::met(put_right::put_right(whole));
    notice::heads_up(own_fault::not_theirs(courtesy::plain(settled)))
}

/// [`read_with`] of a text in a language already told, without looking for a turn.
pub(super) fn read_in(model: &LinearModel, text: &str, lang: Option<&'static str>) -> Reading {
    let (analysed, signals, found) = signals_in(text, lang);
    let own_plan_only = only_own_plan(&analysed, &found);
    let polite = super::flags::told_before_asking(&analysed) && found.own_plan.is_empty();
    let Found {
        complaint: complaint_cues,
        help: help_cues,
        lead: lead_cues,
        mut sarcasm,
        sympathy,
        own_plan,
        grave,
        after_wrong_item,
        news,
        waited,
        ..
    } = found;
    let vader = signals.vader;
    // It asks the business for help, opening hours or a price (not as a polite complaint asks).
    let asks_business = !(polite || help_cues.is_empty() && lead_cues.is_empty());
    let mut logits = [0f32; 3];
    // Per-token contributions, to explain the prediction in the post's own words. The features
    // are gathered once: the complaint, abuse and irony models read them too.
    let mut contrib: Vec<(Origin, [f32; 3])> = Vec::with_capacity(analysed.tokens.len() * 2);
    let feats = linear::feature_list(&analysed, &signals);
    for &(h, v, origin) in &feats {
        let w = model.weights_of(h);
        for k in 0..3 {
            logits[k] += v * w[k];
        }
        if origin != Origin::Other {
            contrib.push((origin, w.map(|x| x * v)));
        }
    }
    let mut probs = if model.is_empty() {
        vader_probs(vader.compound)
    } else {
        let mut p = linear::softmax(logits);
        // The writer's own "sorry" and "late" beside their change of plan are no evidence.
        let lexical = (vader.pos + vader.neg > 0.0 || !complaint_cues.is_empty()) && !own_plan_only;
        // The lexicon is English: in another language its silence says nothing, unless the
        // post plainly asks the business something ("habt ihr morgen geöffnet?", which the
        // German tweets' rhetorical questions taught the model to read as 0.85 negative).
        let english = matches!(signals.lang, None | Some("en"));
        // A post in another language that asks the business something and has words of
        // feeling, none of them bad, read as negative: the same topic words ("Sucht ihr noch
        // Aushilfen? Ich würde gerne bei euch arbeiten" read 0.6 negative). Not in English, whose
        // model learned from tens of thousands of tweets: customers asking an airline for help
        // without a bad word are mostly unhappy ones.
        // A question is asked of the business too ("Hat die Apotheke am Sonntag Notdienst?"),
        // unless it asks why ("¿por qué nadie contesta?") or first tells of a fault (`flags.rs`).
        let asks = asks_business
            || (!english && !polite && analysed.ends_with_question && !asks_why(&analysed));
        let unfounded = !english
            && asks
            && vader.neg == 0.0
            && complaint_cues.is_empty()
            && p[0] > p[1].max(p[2]);
        if (!lexical && (english || asks)) || unfounded {
            // Nothing a person would call a sentiment word or a cue: the model is reading topic
            // words of the domain it learned from ("flight", "8pm"). Trust it less, out of domain.
            // A post that asks the business something is pulled further: its "negative" is the
            // topic words of the tweets' rhetorical questions ("negative: 'morgen'").
            let shrink = if asks {
                NO_EVIDENCE_SHRINK_ASKING
            } else {
                NO_EVIDENCE_SHRINK
            };
            for (v, prior) in p.iter_mut().zip(NO_EVIDENCE_PRIOR) {
                *v = (1.0 - shrink) * *v + shrink * prior;
            }
        }
        p
    };
    if vader::dampened(&analysed) {
        // "Slightly bad", "poco malo": the lexicon's softening, which the learned weights (few
        // dampeners in the tweets they read) do not carry.
        for (v, prior) in probs.iter_mut().zip(NO_EVIDENCE_PRIOR) {
            *v = (1.0 - DAMPENER_SHRINK) * *v + DAMPENER_SHRINK * prior;
        }
    } else if let Some((sign, share)) = vader::boosted(&analysed)
        .map(|s| (s, BOOSTER_SHARPEN))
        .or_else(|| vader::negated(&analysed).map(|s| (s, NEGATION_SHARPEN)))
    {
        // "Muy malo", "really bad": the lexicon's strengthening, which the learned weights
        // carry no better ("muy" leans positive in tweets full of "muy bien"). "No está bueno",
        // "non sono soddisfatto": a negation, which the weights of single words cannot carry.
        let moved = share * probs[1];
        probs[1] -= moved;
        probs[if sign < 0.0 { 0 } else { 2 }] += moved;
    }
    // Praise of how things were reads as a bad word ("used to be good"): no irony beside it.
    let praised_before = super::decline::praised_before(&analysed);
    let mut cried = false;
    if sarcasm.is_empty() && !praised_before {
        // A lone cry of delight before a bad word or "another" ("Génial, 5 euros pour un café
        // tiède"), after one ("… Brilliant.") or beside a claim in scare quotes is sarcasm,
        // however the model leans. Praise and a bad word side by side, where the model leans to
        // the praise, go to the irony model (English), which decides whether the praise is
        // meant. A complaint cue beside praise is not enough: "Thanks for the quick refund,
        // appreciate it" is thanks ("refund" is a complaint cue).
        sarcasm = lone_cry(&analysed, !complaint_cues.is_empty(), text);
        cried = !sarcasm.is_empty();
        if sarcasm.is_empty() && vader.neg > 0.0 && probs[2] > probs[0] {
            sarcasm = ironic_words(&analysed, &signals, &feats);
        }
    }
    // Praise after the wrong thing came ("Ordered a latte, got a cold americano. Great job
    // guys.") is said through gritted teeth, whatever the model leans to; not a gift.
    let after = after_wrong_item.as_deref();
    if let Some(after) = after.filter(|_| sarcasm.is_empty()) {
        sarcasm = praise_in(after, signals.lang);
    }
    if !sarcasm.is_empty() && probs[2] > probs[0] {
        // "Great, another cancelled order 🙃": the praise words say the opposite.
        probs.swap(0, 2);
    }
    if cried && argmax(&probs) == 1 {
        // The cry is sarcasm over a reading of no feeling: the cry's feeling is the post's.
        probs.swap(0, 1);
    }
    let best = argmax(&probs);
    let sad = saddened(vader.neg, &sympathy, best);
    let mourned = mourns(&sympathy) || befell(&sympathy);
    if best != 0 && ((sad || !news.is_empty()) && vader.pos == 0.0 || mourned) {
        // Sad news or a farewell in words of sadness ("Que tristeza ver a padaria fechando"), bad
        // news without a word of praise ("after last night's break-in"), a death, a mishap.
        probs.swap(best, 0);
    }
    let demand = complaint_cues.iter().any(|c| demands(c));
    let soured = waited || praised_before || demand || after.is_some();
    if soured && vader.pos == 0.0 && sarcasm.is_empty() && argmax(&probs) == 1 {
        // A wait with its length, praise of how things were, money demanded back or the wrong
        // thing sent, and no word of praise now ("Faz 15 dias que paguei e nada").
        probs.swap(1, 0);
    }
    if sarcasm.is_empty() {
        // A post of a word or two of feeling and nothing else reads as its words say.
        let cued = !(complaint_cues.is_empty() && grave.is_empty());
        super::lone_words::as_the_words_say(&mut probs, &analysed, &vader, cued);
    }
    let best = argmax(&probs);
    if !sarcasm.is_empty() && !complaint_cues.is_empty() && best != 0 {
        // Sarcasm about what went wrong ("Ótimo, mais um pedido cancelado 🙃") reads negative.
        probs.swap(0, best);
    }
    // A fear that came to nothing ("J'avais peur que…, ils lui avaient préparé une gamelle"), or
    // a slip undone, with no bad word left, is relief: praise, as such an idiom is (`dread.rs`).
    let idiom = vader.neg == 0.0
        && (analysed.relief || analysed.turns.is_empty() && super::idioms::in_post(&analysed));
    if sarcasm.is_empty() && complaint_cues.is_empty() && (idiom || closing_cry(&analysed, &grave))
    {
        // Praise through a negation and no bad word nor "but" ("Não me canso de comer aqui",
        // "Nichts zu meckern, alles top") is praise, whatever the topic words read (`idioms.rs`);
        // so is a post that ends on a cry of praise (`flags::closing_cry`).
        let best = argmax(&probs);
        probs.swap(2, best);
    }
    // A grave post is a complaint, and reads negative whatever its topic words ("Mi hijo tuvo una
    // reacción alérgica por vuestro pastel" read as praise for 'pastel'), unless its praise is
    // in words: thanks for the help after an allergic reaction.
    let praised = probs[2] > probs[0].max(probs[1]) && vader.pos > vader.neg;
    let grave = if praised { Vec::new() } else { grave };
    let best = argmax(&probs);
    if !grave.is_empty() && best != 0 {
        probs.swap(0, best);
    }
    let best = if grave.is_empty() { best } else { 0 };
    let mood = [Sentiment::Negative, Sentiment::Neutral, Sentiment::Positive][best];
    // Praise that says the opposite is a complaint's tone ("Che bello pagare 5 € per un caffè").
    let sarcastic = !sarcasm.is_empty() && mood == Sentiment::Negative;
    let neg = probs[0];
    // The complaint model read English tweets to brands; elsewhere tone and cues decide.
    let learned = matches!(signals.lang, None | Some("en"))
        .then(super::complaint_model)
        .filter(|m| !m.is_empty())
        .map(|m| flag_of(m, &feats));
    // A question, an enquiry or an offer to buy.
    let enquiry = (analysed.questions > 0 || asks_business) && !polite;
    let complaint = if !grave.is_empty() {
        true
    } else if (!sympathy.is_empty() && complaint_cues.is_empty()) || own_plan_only {
        // Sad news, sympathy, the writer's own plans ("I need to cancel my booking, so sorry"):
        // negative perhaps, but nothing the business was expected to do.
        false
    } else if let Some((p, _)) = &learned {
        // Half what the complaint model says, half the negative tone: the model knows "breach of
        // expectation" from tweets to brands in nine domains; the tone knows the airline
        // complaints it barely saw ("94 min hold and counting"). A post that reads as praise is
        // not one, whatever it mentions ("my refund arrived today, thanks!").
        let q = 0.5 * p + 0.5 * neg;
        // Praise of how things were is a cue here too ("Used to love this place").
        let at_least = if !complaint_cues.is_empty() || sarcastic || praised_before {
            COMPLAINT_Q_CUED
        } else if vader.neg == 0.0 && asks_business {
            // "Is the café open on Sunday?": the complaint model learned that tweets to brands
            // which ask are often complaints, and they are ("when should I expect a response?"
            // is a breach of expectation); one asking for opening hours, help or a price, with
            // no word of complaint, takes more.
            COMPLAINT_Q_ASKING
        } else {
            COMPLAINT_Q
        };
        mood != Sentiment::Positive && q >= at_least
    } else if !complaint_cues.is_empty() || praised_before || sarcastic {
        // Praise of how things were is a cue: the place fell short of itself ("Früher war es…").
        neg >= COMPLAINT_P_CUED
    } else if vader.neg == 0.0 && enquiry {
        // A question or an enquiry with no word of complaint in it: the model's doubts about
        // topic words ("bag", "delay", German "ihr" and "morgen") are not enough.
        neg >= COMPLAINT_P_ASKING
    } else {
        neg >= COMPLAINT_P
    };
    let (abuse, sympathetic) = (super::abuse_model(), !sympathy.is_empty());
    let (abusive, abuse_words) = abuse_of(abuse, &analysed, &signals, &feats, sympathetic);
    // Insults alone are abuse, which the owner hides or answers as such, not a complaint.
    let complaint = complaint
        && !(abusive && complaint_cues.is_empty() && grave.is_empty() && only_insults(&analysed));
    let insulted = abusive && only_insults(&analysed);
    // A complaint that names what went wrong, politely and without a word of praise ("Order 4521
    // arrived without the charger, could you send it please?", "left the flat dirtier than they
    // found it"), is unhappy; so are insults alone ("Vous êtes des connards"), whatever the model
    // made of the words around them; and one its cues name that the model read as praise from
    // topic words alone ("Werkstatt", "gemacht").
    let unhappy = match mood {
        Sentiment::Neutral => {
            insulted || complaint && (vader.neg > 0.0 || !complaint_cues.is_empty())
        }
        Sentiment::Positive => complaint && !complaint_cues.is_empty(),
        Sentiment::Negative => false,
    };
    let (mood, best) = if unhappy && vader.pos == 0.0 {
        probs.swap(0, best);
        (Sentiment::Negative, 0)
    } else {
        (mood, best)
    };
    let mut drivers = match mood {
        // A neutral reading that leans negative names what it leans on ("leans negative").
        Sentiment::Neutral if neg >= LEANS_NEGATIVE => {
            explain(&analysed, &contrib, 0, signals.lang)
        }
        Sentiment::Neutral => Vec::new(),
        _ => explain(&analysed, &contrib, best, signals.lang),
    };
    if mood == Sentiment::Negative && mourned {
        // The death reads badly, not the words around it ("negative: 'stall'").
        drivers = sympathy.clone();
    } else if mood == Sentiment::Negative && !news.is_empty() {
        // The town's news is what reads badly ("negative: 'break-in'", not "negative tone"), not
        // the words around it the model leans on ("negative: 'cause'" of "à cause de la grève").
        drivers.retain(|w| {
            let last = w.rsplit(' ').next().unwrap_or(w);
            vader::valence(last).is_some() && !vader::foreign(last, signals.lang)
        });
        if drivers.is_empty() {
            drivers = news;
        }
    }
    let mut help_cues = help_cues;
    if !own_plan.is_empty() {
        // Beside the writer's own change of plan, their "sorry" and "cancel" are not why it
        // reads badly ("negative: 'sorry', 'cancel', 'terrible'"); and in a complaint, that plan
        // is what happened, not a request ("I had to cancel my booking because nobody answered").
        drivers.retain(|w| !own_plan_word(w.rsplit(' ').next().unwrap_or(w)));
        if complaint {
            help_cues.retain(|c| !own_plan.contains(c));
        }
    }
    let complaint_words = match learned {
        _ if !complaint => Vec::new(),
        // The grave cues are named on their own ("health or safety: 'food poisoning'").
        _ if !grave.is_empty() => complaint_cues.iter().take(3).cloned().collect(),
        // The claim in scare quotes the cry mocks ("complaint: 'waterproof'", `flags::lone_cry`).
        _ if cried && sarcasm.len() > 1 && complaint_cues.is_empty() => sarcasm[1..].to_vec(),
        Some((_, mut words)) if complaint_cues.is_empty() => {
            // A word that reads as praise where it stands is never why ("complaint: 'fine'"),
            // nor a false friend ("doubt" of "no doubt").
            words.retain(|&(_, i)| {
                let t = &analysed.tokens[i];
                !t.false_friend && vader::valence_of(t).is_none_or(|v| (v > 0.0) == t.negated)
            });
            let mut out = Vec::new();
            name_strongest(&analysed, &mut words, &mut out, 3, 0.1, signals.lang);
            if mood == Sentiment::Negative && !drivers.is_empty() {
                // The tone has words of its own: the complaint model's topic words ("complaint:
                // 'coffee'" for "…your coffee is shit", "'delivery'") are not why; its lexicon
                // words are, and with none left the tone's words say it.
                out.retain(|w| vader::ends_in_lexicon_word(w));
            }
            out
        }
        _ => complaint_cues.iter().take(3).cloned().collect(),
    };
    let asks = !help_cues.is_empty() || analysed.questions > 0;
    let intent = if complaint {
        Intent::Complaint
    } else if !lead_cues.is_empty() {
        Intent::Lead
    } else if asks {
        Intent::Question
    } else if mood == Sentiment::Positive {
        Intent::Praise
    } else {
        Intent::Other
    };
    let needs_reply = matches!(intent, Intent::Complaint | Intent::Question | Intent::Lead);
    Reading {
        analysed,
        probs,
        mood,
        intent,
        complaint,
        needs_reply,
        complaint_cues,
        complaint_words,
        help_cues,
        lead_cues,
        drivers,
        lang: signals.lang,
        abusive,
        abuse_words,
        sarcasm,
        grave,
    }
}

/// The most likely class.
pub(super) fn argmax(p: &[f32; 3]) -> usize {
    (0..3).max_by(|a, b| p[*a].total_cmp(&p[*b])).unwrap_or(1)
}

/// Lexicon-only probabilities, for when there is no model.
fn vader_probs(compound: f64) -> [f32; 3] {
    if compound <= -0.05 {
        [0.5 + (-compound as f32) / 2.0, 0.3, 0.0]
    } else if compound >= 0.05 {
        [0.0, 0.3, 0.5 + compound as f32 / 2.0]
    } else {
        [0.1, 0.8, 0.1]
    }
}

fn explain(
    a: &Analysed,
    contrib: &[(Origin, [f32; 3])],
    class: usize,
    lang: Option<&str>,
) -> Vec<String> {
    let names = names_marked(lang);
    // Words the lexicon also reads the same way come first (people recognise them as the
    // reason); then what the model learned, if it weighs enough.
    let sign = if class == 0 { -1.0 } else { 1.0 };
    // (rank, phrase, a lexicon word, a single word)
    let mut scored: Vec<(f32, String, bool, bool)> = Vec::new();
    for (origin, w) in contrib {
        let mean = (w[0] + w[1] + w[2]) / 3.0;
        let lift = w[class] - mean;
        let weak = lift < LEARNED_ALONE;
        let (phrase, lexical) = match *origin {
            // Function words, boosters ("very", "très") and negations say nothing alone.
            Origin::Word(i)
                if text::is_function_word(&a.tokens[i].norm) || letter(&a.tokens[i].norm) =>
            {
                continue
            }
            // A pair says more than its words only when neither is one of those.
            Origin::Bigram(i)
                if text::is_function_word(&a.tokens[i].norm)
                    || text::is_function_word(&a.tokens[i + 1].norm)
                    || (names && (a.tokens[i].name || a.tokens[i + 1].name)) =>
            {
                continue
            }
            Origin::Word(i) => {
                let t = &a.tokens[i];
                let v = vader::valence_of(t).unwrap_or(0.0) * if t.negated { -1.0 } else { 1.0 };
                let lexical = v * sign > 0.0;
                // A word the lexicon reads the other way where it stands is never why: the
                // praise of "Obrigado por nada" or of a sarcastic "Toll, schon wieder…" is not
                // what makes it negative (the sarcasm reason says so).
                if v * sign < 0.0 {
                    continue;
                }
                // A word its negation does not reach as a reader hears it is not what the
                // negation says: "service" in "not impressed with the service" ("negative: 'not
                // service'"), "support" in "nobody answers the support chat" ("'nobody
                // support'"). Nor is a booster-like word before a sentiment word ("pretty good").
                // Nor is a learned word that weighs too little (told before it is named).
                if (!lexical && weak) || (t.negated && !negation_reaches(a, i)) || boosting(a, i) {
                    continue;
                }
                (shown(a, i), lexical)
            }
            Origin::Bigram(_) if weak => continue,
            Origin::Bigram(i) => (
                format!("{} {}", a.tokens[i].norm, a.tokens[i + 1].norm),
                false,
            ),
            Origin::Other => continue,
        };
        if phrase.contains('_') {
            continue;
        }
        // A name the model learned a mood for ("Beckham", "Trump") is a topic, not a reason;
        // a lexicon word stays one however it is written.
        if let Origin::Word(i) = *origin {
            if names && a.tokens[i].name && !lexical {
                continue;
            }
        }
        // A lexicon word speaks through the lexicon's features too ("bad" weighs little as a
        // word of its own, its valence carries it): it is a reason whatever its own weight.
        let rank = if lexical { lift.max(0.0) + 10.0 } else { lift };
        let word = matches!(origin, Origin::Word(_));
        scored.push((rank, phrase, lexical, word));
    }
    // Beside a sentiment word, a word the model merely learned a mood for is mostly the topic
    // of the posts it read ("positive: 'hervorragend', 'essen'", "'amazing', 'new'"): it is
    // named only if it weighs much more than that.
    if scored.iter().any(|s| s.2) {
        scored
            .retain(|&(rank, _, lexical, word)| lexical || !word || rank >= LEARNED_BESIDE_LEXICON);
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut out: Vec<String> = Vec::new();
    for (_, phrase, ..) in scored {
        if out.len() == 3 {
            break;
        }
        // A phrase that repeats a word already named adds nothing.
        let overlaps = out.iter().any(|o| {
            o.split(' ')
                .any(|w| phrase.split(' ').any(|p| p == w && w != "not"))
        });
        if !overlaps {
            out.push(phrase);
        }
    }
    out
}
