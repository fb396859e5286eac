//! A harm supposed in a question, not told: "What should I do if my parcel arrives damaged?",
//! "¿Qué tengo que hacer si mi paquete llega dañado?", "Was soll ich tun, wenn mein Paket
//! beschädigt ankommt?". The damage is what might happen; the post asks for help, and its bad
//! words are the supposition's. Read on folded text. Earshot's own list. And "as if", a fault
//! the business supposed of the writer ("acted as if it was my fault"), which the writer does not
//! own.

use super::text::Analysed;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// "What should I do if", folded, in the six modelled languages.
#[rustfmt::skip]
pub(super) const SUPPOSING: &[&str] = &[
    "what should i do if", "what do i do if", "what happens if", "what if", "que tengo que hacer si",
    "que debo hacer si", "que hago si", "que pasa si", "que dois-je faire si", "que faire si",
    "que se passe-t-il si", "que faut-il faire si", "was soll ich tun, wenn", "was mache ich, wenn",
    "was passiert, wenn", "was tun, wenn", "cosa devo fare se", "cosa faccio se",
    "cosa succede se", "che cosa devo fare se", "o que devo fazer se", "o que faco se",
    "o que acontece se",
];

/// "As if", folded: the business's word put in the writer's mouth ("acted as if it was my fault",
/// "come se fosse colpa mia"), no fault the writer owns.
#[rustfmt::skip]
const AS_IF: &[(&str, &str)] = &[
    ("as", "if"), ("como", "si"), ("comme", "si"), ("als", "ware"), ("als", "sei"), ("come", "se"),
    ("como", "se"),
];

/// Whether the post says "as if" ([`AS_IF`]) anywhere.
pub(super) fn as_if(a: &Analysed) -> bool {
    a.tokens.windows(2).any(|w| {
        let pair = (w[0].norm.as_str(), crate::matcher::fold(&w[1].norm));
        AS_IF.iter().any(|(x, y)| pair.0 == *x && pair.1 == *y)
    })
}

/// Where a question's "what should I do if" and its supposition (to the end of the sentence, a
/// question mark) stand in a folded post, as byte ranges, given where the cue pass found
/// [`SUPPOSING`]'s phrases.
pub(super) fn supposed(
    folded: &str,
    found: &[(usize, usize, usize)],
) -> Option<((usize, usize), (usize, usize))> {
    if !folded.contains('?') {
        return None;
    }
    SUPPOSING.iter().enumerate().find_map(|(i, p)| {
        let mut mine = found.iter().filter(|h| h.2 == i);
        let &(at, _, _) = mine.find(|&&(at, end, _)| super::cues::whole(folded, at, end))?;
        let from = at + p.len();
        let end = from + folded[from..].find(['?', '.', '!'])?;
        (folded[end..].starts_with('?') && end > from).then_some(((at, from), (from, end)))
    })
}

/// A condition of the writer's or a guest's, in each language ("allergic", "alérgico",
/// "allergique", "allergisch", "celiac", and the writer's nerves), as tokens are written.
#[rustfmt::skip]
const CONDITION: &[&str] = &[
    "allergic", "allergy", "allergies", "intolerant", "coeliac", "celiac", "alérgico",
    "alérgica", "alergia", "alergias", "intolerante", "celíaco", "celíaca", "allergique",
    "allergie", "intolérant", "intolérante", "cœliaque", "coeliaque", "allergisch",
    "unverträglichkeit", "zöliakie", "allergico", "allergica", "allergia", "celiaco", "celiaca",
    "alérgicos", "celíacos",
    // Nerves before what the writer asks about ("nervous about my first tattoo, any tips?").
    "nervous", "anxious", "nerviosa", "nervioso", "stressé", "stressée", "stresse", "nervös",
    "agitata", "agitato", "nervosa", "nervoso",
];

/// Parts of the body, in each language as tokens are written: a bad word beside one is the
/// writer's condition ("a bad knee", "la rodilla mal", "mit kaputtem Knie"). Not English "back"
/// ("can I send back the broken lamp?") nor French "dos", Spanish "two".
#[rustfmt::skip]
const BODY: &[&str] = &[
    "knee", "knees", "hip", "hips", "shoulder", "ankle", "wrist", "neck", "foot", "feet",
    "leg", "legs", "elbow", "skin", "throat", "tooth", "teeth", "stomach", "rodilla", "rodillas",
    "espalda", "cadera", "hombro", "tobillo", "muñeca", "cuello", "pierna", "piernas", "codo",
    "piel", "garganta", "muela", "estómago", "genou", "genoux", "hanche", "épaule",
    "cheville", "poignet", "cou", "jambe", "jambes", "coude", "peau", "gorge", "dent", "dents",
    "estomac", "knie", "rücken", "hüfte", "schulter", "knöchel", "handgelenk", "nacken", "bein",
    "beine", "ellbogen", "haut", "hals", "zahn", "zähne", "magen", "ginocchio", "ginocchia",
    "schiena", "anca", "spalla", "caviglia", "polso", "collo", "gamba", "gambe", "gomito", "pelle",
    "gola", "dente", "denti", "stomaco", "joelho", "joelhos", "costas", "quadril", "ombro",
    "tornozelo", "pulso", "pescoço", "perna", "pernas", "cotovelo", "pele", "dentes", "estômago",
];

/// "Too", in each language as tokens are written: a bad word it stands beside in a question is
/// what the writer asks about ("or is it too scary?", "¿o da demasiado miedo?").
#[rustfmt::skip]
const TOO: &[&str] = &[
    "too", "demasiado", "demasiada", "trop", "zu", "troppo", "troppa", "demais", "demasiadamente",
];

/// Sets aside the writer soaked by the weather ([`soaked`]), the bad words of the writer's own body
/// said with "with" or "for" ([`own_body`]), and, in a post that asks, a condition told before a
/// question ("My husband is allergic to shellfish, is the paella safe for him?"): it is why the
/// writer asks, no word of feeling. So is a bad word within three of a part of the body, in its
/// clause ("Is the yoga class suitable for someone with a bad knee?", "¿vale para alguien con la
/// rodilla mal?"), and one right after "too" or before it ("or is it too scary?", "assustadora
/// demais?") in a post that does not ask why. Only in a post that asks; "I told them I'm allergic
/// and the dessert came with nuts" is the complaint it reads as, and so is "my knee hurts since
/// your massage". A condition told after the question is still why the writer asks ("Do you make
/// birthday cakes without eggs? My daughter is allergic"), unless the question is why; the bad
/// words beside the body or "too" are set aside only where the post ends asking.
pub(super) fn condition(a: &mut Analysed) {
    own_body(a);
    soaked(a);
    if a.questions == 0 {
        return;
    }
    let why = super::words::asks_why(a) || a.tokens.iter().any(|t| t.norm == "why");
    if !a.ends_with_question {
        if !why {
            let told = a
                .tokens
                .iter_mut()
                .filter(|t| CONDITION.contains(&t.norm.as_str()));
            told.for_each(|t| t.set_aside());
        }
        return;
    }
    let too = |i: usize| {
        let at = |k: usize| {
            a.tokens
                .get(k)
                .is_some_and(|t| TOO.contains(&t.norm.as_str()))
        };
        !why && (i > 0 && at(i - 1) && !a.tokens[i - 1].clause_end
            || at(i + 1) && !a.tokens[i].clause_end)
    };
    let bodily: Vec<bool> = (0..a.tokens.len())
        .map(|i| {
            let bad = super::vader::valence_of(&a.tokens[i]).is_some_and(|v| v < 0.0);
            bad && (beside_body(&a.tokens, i) || too(i))
        })
        .collect();
    for (t, bodily) in a.tokens.iter_mut().zip(bodily) {
        if bodily || CONDITION.contains(&t.norm.as_str()) {
            t.set_aside();
        }
    }
}

/// Whether a part of the body stands within three words of `at`, with no clause's end between.
fn beside_body(tokens: &[super::text::Token], at: usize) -> bool {
    let body = |t: &super::text::Token| BODY.contains(&t.norm.as_str());
    // Before: back to the previous clause's end.
    let before = tokens[..at].iter().rev().take(3);
    let before = before.take_while(|t| !t.clause_end).any(body);
    // After: up to the clause's end, the word that ends it included.
    let mut open = !tokens[at].clause_end;
    let after = tokens[at + 1..].iter().take(3).take_while(|t| {
        let was = open;
        open = !t.clause_end;
        was
    });
    before || after.into_iter().any(body)
}

/// With or for, before the writer's own part of the body, as tokens are written.
#[rustfmt::skip]
const WITH: &[&str] = &[
    "with", "for", "con", "para", "avec", "pour", "mit", "für", "col", "per", "com",
];

/// The writer's own, as tokens are written: "my", "mi", "mon", "meinem", "mio", "meu".
#[rustfmt::skip]
const MINE: &[&str] = &[
    "my", "our", "mi", "mis", "nuestro", "nuestra", "mon", "ma", "mes", "notre", "mein", "meine",
    "meinem", "meinen", "meiner", "unserem", "unserer", "mio", "mia", "miei", "mie", "meu",
    "minha", "meus", "minhas",
];

/// Sets aside the bad words of the writer's own part of the body, said with "with" or "for"
/// ("every move I could do with my bad knee", "con mi rodilla mala", "mit meinem kaputten
/// Knie", "con il mio ginocchio malandato"): the writer's condition, told or asked about, no
/// word of feeling. Not a harm told of it ("my knee hurts since your massage"): without "with"
/// or "for" it stays.
fn own_body(a: &mut Analysed) {
    let n = a.tokens.len();
    let is = |k: usize, list: &[&str]| list.contains(&a.tokens[k].norm.as_str());
    let bad = |k: usize| super::vader::valence_of(&a.tokens[k]).is_some_and(|v| v < 0.0);
    let mut aside = Vec::new();
    // Every token passes here: one lookup each.
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let parts = SET.get_or_init(|| BODY.iter().copied().collect());
    // English "back" only after a bad word ("my bad back"; not "sent back").
    let body = |i: usize| {
        let w = a.tokens[i].norm.as_str();
        parts.contains(w) || w == "back" && bad(i - 1)
    };
    for i in (1..n).filter(|&i| body(i)) {
        // "with my", or "with the my" as Italian and Portuguese say it ("con il mio").
        let Some(mine) = (i.saturating_sub(3)..i).rev().find(|&k| is(k, MINE)) else {
            continue;
        };
        let with = (mine.saturating_sub(2)..mine).any(|k| is(k, WITH));
        if !with || (mine..i).any(|k| a.tokens[k].clause_end) {
            continue;
        }
        let after = (i + 1 < n && !a.tokens[i].clause_end).then_some(i + 1);
        aside.extend((mine + 1..i).chain(after).filter(|&k| bad(k)));
    }
    for k in aside {
        a.tokens[k].set_aside();
    }
}

/// Soaked, as tokens are written.
#[rustfmt::skip]
const SOAKED: &[&str] = &[
    "soaked", "drenched", "soaking", "empapados", "empapado", "empapada", "empapadas", "trempés",
    "trempé", "trempée", "trempées", "klatschnass", "durchnässt", "pitschnass", "fradici",
    "fradicio", "fradicia", "fradice", "zuppi", "zuppo", "encharcados", "encharcado",
    "encharcada", "encharcadas",
];

/// Weather, as tokens are written.
#[rustfmt::skip]
const WEATHER: &[&str] = &[
    "storm", "rain", "downpour", "tormenta", "lluvia", "aguacero", "orage", "pluie", "averse",
    "unwetter", "regen", "gewitter", "platzregen", "temporale", "pioggia", "acquazzone",
    "tempestade", "chuva", "aguaceiro",
];

/// Sets aside the writer's arrival soaked by the weather ("We came in soaked from the storm",
/// "llegamos empapados por la tormenta", "klatschnass vom Unwetter"): the weather's doing, told
/// before what the business did about it. Not rain let in ("soaked from the rain through your
/// roof").
fn soaked(a: &mut Analysed) {
    let n = a.tokens.len();
    let is = |k: usize, list: &[&str]| list.contains(&a.tokens[k].norm.as_str());
    // Every token passes here: one lookup each, and most posts stop.
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let soaked = SET.get_or_init(|| SOAKED.iter().copied().collect());
    let Some(at) = (0..n).find(|&k| soaked.contains(a.tokens[k].norm.as_str())) else {
        return;
    };
    let Some(weather) = (at + 1..n.min(at + 4)).find(|&k| is(k, WEATHER)) else {
        return;
    };
    let let_in = ["through", "into", "in", "dentro", "durch", "coming"];
    if (weather + 1..n.min(weather + 3)).any(|k| is(k, &let_in)) {
        return;
    }
    for t in &mut a.tokens[at..weather + 1] {
        t.set_aside();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Option<String> {
        let f = crate::matcher::fold(text);
        let found = super::super::cues::cue_sets().raw(&f).supposing;
        supposed(&f, &found).map(|((a, b), (c, d))| format!("{}|{}", &f[a..b], f[c..d].trim()))
    }

    #[test]
    fn a_harm_supposed_in_a_question_is_found_to_its_question_mark() {
        let cases = [
            (
                "What should I do if my parcel arrives damaged?",
                Some("what should i do if|my parcel arrives damaged"),
            ),
            (
                "Was soll ich tun, wenn mein Paket beschädigt ankommt?",
                Some("was soll ich tun, wenn|mein paket beschadigt ankommt"),
            ),
            // Told, not supposed; or no question.
            ("My parcel arrived damaged, what should I do?", None),
            ("What if I told you the soup was cold. It was.", None),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_condition_told_with_a_question_is_set_aside() {
        use crate::triage::text::analyse_in;
        // Whether `word` of `text` is set aside.
        let aside = |text: &str, lang: &str, word: &str| {
            let mut a = analyse_in(text, Some(lang));
            super::condition(&mut a);
            a.tokens.iter().any(|t| t.norm == word && t.aside)
        };
        let asked = "Mon mari est allergique aux noix, le gâteau en contient ?";
        assert!(aside(asked, "fr", "allergique"));
        let told = "I told them I'm allergic and the dessert came with nuts";
        assert!(!aside(told, "en", "allergic"));
        // Told after the question, still why the writer asks; not where the question is why.
        let after = "¿Tenéis pan sin gluten? Mi hijo es celíaco";
        assert!(aside(after, "es", "celíaco"));
        let why = "Why was the cake full of nuts? I'm allergic";
        assert!(!aside(why, "en", "allergic"));
    }
}
