//! More of the writer's own bad luck (read from `mishap.rs`): a fall on the ice at home
//! ("Slipped on the ice outside our house and broke my wrist"), a pet gone missing ("Our cat
//! went missing on Saturday, so I won't make it to book club"), the writer's work keeping them
//! from the business's party ("Gutted that I'm working on Saturday and will miss the shop's
//! birthday party"), tears at a first parting ("Left the dog at kennels for the first time
//! today and cried all the way to work"), keys locked in the car, a child woken with a fever, a
//! mishap owned as the writer's kind ("Classic me."), a day lost to fog. A sadness, and what
//! it costs the writer, but nothing the business did. Not a fall on the business's ice ("in
//! your car park"), nor a pet lost from kennels. Read on folded text. Earshot's own rules.

use super::super::super::super::cues::{word_spans, Folded};
use super::super::{sentence, sentence_ends};
use super::{theirs, YOURS};
use aho_corasick::AhoCorasick;
use std::sync::OnceLock;

/// Which of this file's rules a folded text may tell, from one pass over it for their words
/// (most posts tell none, and stop here): a bit for each rule, in [`bad_luck`]'s order.
fn hints(text: &str) -> u8 {
    static FIND: OnceLock<(AhoCorasick, Vec<u8>)> = OnceLock::new();
    let (find, bits) = FIND.get_or_init(|| {
        let lists: [&[&str]; 9] = [
            SLIP_STEMS,
            MISSING,
            EVENT,
            FIRST_TIME,
            KEYS,
            WOKE,
            OWNED,
            FOG,
            &["ausgesperrt"],
        ];
        // "ausgesperrt" is a hint of `locked_out`, as keys are.
        let bit = |i: usize| 1 << if i == 8 { 4 } else { i };
        let bits = (0..lists.len()).flat_map(|i| lists[i].iter().map(move |_| bit(i)));
        let find = AhoCorasick::new(lists.concat()).expect("static word lists compile");
        (find, bits.collect())
    });
    find.find_overlapping_iter(text)
        .fold(0, |b, m| b | bits[m.pattern().as_usize()])
}

/// The writer's bad luck this file reads, as the post says it; or None.
pub(super) fn bad_luck(folded: &Folded) -> Option<String> {
    let hint = hints(folded.as_str());
    if hint == 0 {
        return None;
    }
    let rules: [fn(&Folded) -> Option<String>; 8] = [
        own_slip,
        pet_missing,
        own_absence,
        first_parting,
        locked_out,
        woke_ill,
        owned,
        fogged,
    ];
    (0..rules.len()).find_map(|i| (hint & 1 << i != 0).then(|| rules[i](folded)).flatten())
}

/// Slipped, folded, and the stems that say it before a post's words are split.
#[rustfmt::skip]
const SLIPPED: &[&str] = &[
    "slipped", "resbale", "resbalo", "resbalamos", "glisse", "glissee", "ausgerutscht",
    "scivolato", "scivolata", "scivolati", "escorreguei", "escorregou", "escorregamos",
];
const SLIP_STEMS: &[&str] = &[
    "slipped",
    "resbal",
    "glisse",
    "ausgerutscht",
    "scivol",
    "escorreg",
];

/// Ice, folded.
#[rustfmt::skip]
const ICE: &[&str] = &[
    "ice", "icy", "hielo", "verglas", "glace", "eis", "glatteis", "ghiaccio", "gelo",
];

/// The writer's home, folded: where a fall is nobody's fault but the weather's.
#[rustfmt::skip]
const HOME: &[&str] = &[
    "house", "home", "flat", "doorstep", "driveway", "garden", "casa", "portal", "jardin",
    "maison", "moi", "haus", "hause", "wohnung", "garten", "haustur", "giardino", "jardim",
];

/// The sentence that tells the writer's fall on the ice at home ("Slipped on the ice outside our
/// house and broke my wrist"), as the post says it up to a "but"; or None.
fn own_slip(folded: &Folded) -> Option<String> {
    let text = folded.as_str();
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let slip = (0..spans.len()).find(|&i| SLIPPED.contains(&word(i)))?;
    let (from, to) = sentence(text, &spans, slip);
    let inside: Vec<&str> = (0..spans.len())
        .filter(|&k| spans[k].0 >= from && spans[k].1 <= to)
        .map(word)
        .collect();
    let told = inside.iter().any(|w| ICE.contains(w)) && inside.iter().any(|w| HOME.contains(w));
    (told && !theirs(text, &spans)).then(|| folded.own(from, to))
}

/// A pet, folded.
#[rustfmt::skip]
const PET: &[&str] = &[
    "cat", "dog", "kitten", "puppy", "tortoise", "rabbit", "parrot", "gato", "gata", "perro",
    "perra", "gatito", "chat", "chatte", "chien", "chienne", "katze", "kater", "hund", "gatto",
    "gatta", "cane", "cagnolino", "cao", "cadela", "gatinho",
];

/// Gone missing, folded.
#[rustfmt::skip]
const MISSING: &[&str] = &[
    "missing", "disappeared", "vanished", "desaparecio", "desaparecida", "desaparecido",
    "disparu", "disparue", "verschwunden", "weggelaufen", "entlaufen", "sparito", "sparita",
    "scomparso", "scomparsa", "desapareceu", "fugiu",
];

/// The writer's own, right before the pet ("our cat", "la nostra gatta").
#[rustfmt::skip]
const OWN: &[&str] = &[
    "our", "my", "nuestra", "nuestro", "mi", "notre", "mon", "ma", "unsere", "unser", "meine",
    "mein", "nostra", "nostro", "mia", "mio", "nossa", "nosso", "minha", "meu",
];

/// Where a pet may have been in the business's care, folded: a pet lost from there is theirs.
#[rustfmt::skip]
const IN_CARE: &[&str] = &[
    "kennels", "kennel", "cattery", "groomer", "groomers", "sitter", "walker", "vet",
    "residencia", "guarderia", "peluqueria", "pension", "toiletteur", "tierpension",
    "hundepension", "tierarzt", "pensione", "toelettatura", "veterinario", "hotel", "canil",
];

/// The sentence that tells the writer's pet gone missing ("Nuestra gata desapareció el sábado"),
/// as the post says it up to a "but"; or None.
fn pet_missing(folded: &Folded) -> Option<String> {
    let text = folded.as_str();
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let pet = (0..spans.len()).find(|&i| {
        PET.contains(&word(i)) && (i.saturating_sub(2)..i).any(|k| OWN.contains(&word(k)))
    })?;
    let (from, to) = sentence(text, &spans, pet);
    let gone = (0..spans.len())
        .filter(|&k| spans[k].0 >= from && spans[k].1 <= to)
        .any(|k| MISSING.contains(&word(k)));
    let in_care = (0..spans.len()).any(|k| IN_CARE.contains(&word(k)));
    (gone && !in_care && !theirs(text, &spans)).then(|| folded.own(from, to))
}

/// Missing an event, folded: "miss", "me pierdo", "rater", "verpasse", "mi perdo", "perder".
#[rustfmt::skip]
const MISS: &[&str] = &[
    "miss", "pierdo", "perdere", "perdo", "rater", "verpasse", "verpassen", "perder", "perdre",
];

/// What the business holds that one goes to, folded.
#[rustfmt::skip]
const EVENT: &[&str] = &[
    "party", "launch", "opening", "fiesta", "inauguracion", "fete", "soiree", "inauguration",
    "feier", "eroffnung", "festa", "inaugurazione", "serata", "inauguracao", "gig", "concert",
    "concierto", "konzert", "concerto", "quiz",
];

/// The writer's work, folded.
#[rustfmt::skip]
const WORK: &[&str] = &[
    "working", "work", "shift", "trabajar", "trabajo", "travaille", "travailler", "arbeiten",
    "arbeite", "dienst", "schicht", "lavoro", "lavorare", "turno", "trabalhar", "trabalho",
];

/// The writer's journey, folded: "my flight got cancelled, so I'll miss tonight's gig".
#[rustfmt::skip]
const JOURNEY: &[&str] = &[
    "flight", "train", "vuelo", "tren", "vol", "flug", "zug", "volo", "treno", "voo", "comboio",
];

/// The sentence that tells the writer's work keeping them from the business's party ("el
/// sábado me toca trabajar y me pierdo la fiesta"), as the post says it up to a "but"; or None.
/// Whatever cause it gives, the writer's work is the one. So is a journey called off on the way
/// to the business's own event ("at your venue"): to an airline, a flight cancelled before
/// "I'll miss my sister's party" is the complaint.
fn own_absence(folded: &Folded) -> Option<String> {
    let text = folded.as_str();
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let miss = (0..spans.len())
        .find(|&i| MISS.contains(&word(i)) && (i + 1..i + 7).any(|k| EVENT.contains(&word(k))))?;
    let start = (0..miss)
        .rev()
        .find(|&k| sentence_ends(text, &spans, k))
        .map_or(0, |k| k + 1);
    let (from, to) = sentence(text, &spans, miss);
    let cause = |list: &[&str]| (start..miss).any(|k| list.contains(&word(k)));
    let yours = (miss..spans.len())
        .take_while(|&k| spans[k].1 <= to)
        .any(|k| YOURS.contains(&word(k)));
    if !(cause(WORK) || cause(JOURNEY) && yours) {
        return None;
    }
    Some(folded.own(spans[start].0.min(from), to))
}

/// Locked in, said by the writer ("locked my keys in the car", "me he dejado las llaves
/// dentro", "j'ai enfermé mes clés", "ho chiuso le chiavi dentro", "tranquei as chaves").
#[rustfmt::skip]
const LOCKED: &[&str] = &[
    "locked", "dejado", "enferme", "chiuso", "tranquei",
];
#[rustfmt::skip]
const KEYS: &[&str] = &["keys", "key", "llaves", "cles", "clefs", "chiavi", "chaves"];

/// The writer, right before "locked": "I", "me he", "j'ai", "ho".
#[rustfmt::skip]
const WRITER: &[&str] = &[
    "i", "we", "he", "hemos", "j'ai", "avons", "ho", "abbiamo", "ich", "wir",
];

/// Where the keys were locked: a car or a home, folded.
#[rustfmt::skip]
const LOCKED_IN: &[&str] = &[
    "car", "van", "house", "flat", "coche", "casa", "voiture", "maison", "auto", "wagen", "haus",
    "wohnung", "macchina", "carro", "carrinha",
];

/// The sentence that tells the writer locked out by their own hand ("Locked my keys in the car
/// at the supermarket", "Hab mich aus dem Auto ausgesperrt"), as the post says it up to a
/// "but"; or None.
fn locked_out(folded: &Folded) -> Option<String> {
    let text = folded.as_str();
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let at = (0..spans.len()).find(|&i| {
        let first = i == 0 || sentence_ends(text, &spans, i - 1);
        let mine = first || i > 0 && WRITER.contains(&word(i - 1)) || word(i) == "tranquei";
        let keys =
            LOCKED.contains(&word(i)) && mine && (i + 1..i + 4).any(|k| KEYS.contains(&word(k)));
        let myself =
            word(i) == "ausgesperrt" && (i.saturating_sub(6)..i).any(|k| word(k) == "mich");
        keys || myself
    })?;
    let (from, to) = sentence(text, &spans, at);
    let inside = (0..spans.len())
        .filter(|&k| spans[k].0 >= from && spans[k].1 <= to)
        .any(|k| LOCKED_IN.contains(&word(k)));
    (inside && !theirs(text, &spans)).then(|| folded.own(from, to))
}

/// Cried, said by the writer of themselves, folded.
#[rustfmt::skip]
const CRIED: &[&str] = &[
    "cried", "llorado", "llore", "pleure", "pleuree", "geweint", "heulte", "pianto", "piangere",
    "chorei", "chorado",
];

/// The first time, folded: a parting the writer is not used to.
#[rustfmt::skip]
const FIRST_TIME: &[&str] = &[
    "first time", "primera vez", "premiere fois", "ersten mal", "prima volta", "primeira vez",
];

/// The sentence that tells the writer's tears at a first parting ("Left the dog at kennels for
/// the first time today and cried all the way to work"), as the post says it up to a "but"; or
/// None. The tears are the writer's, and the kennels did nothing.
fn first_parting(folded: &Folded) -> Option<String> {
    let text = folded.as_str();
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let cried = (0..spans.len()).find(|&i| CRIED.contains(&word(i)))?;
    let (from, to) = sentence(text, &spans, cried);
    let told = FIRST_TIME.iter().any(|f| text[from..to].contains(f));
    (told && !theirs(text, &spans)).then(|| folded.own(from, to))
}

/// Woke up, folded: "woke up with a temperature", "se ha despertado con fiebre", "s'est
/// réveillée avec de la fièvre", "mit Fieber aufgewacht", "si è svegliata con la febbre".
#[rustfmt::skip]
const WOKE: &[&str] = &[
    "woke", "despertado", "desperto", "desperte", "reveille", "reveillee", "reveilles",
    "aufgewacht", "svegliato", "svegliata", "svegliati", "acordou", "acordei", "acordamos",
];

/// A fever or the flu, folded: nothing a business gives by a service.
#[rustfmt::skip]
const FEVER: &[&str] = &[
    "temperature", "fever", "flu", "fiebre", "gripe", "fievre", "grippe", "fieber", "febbre",
    "influenza", "febre",
];

/// After, folded: "woke up with a fever after your buffet" names a cause.
#[rustfmt::skip]
const AFTER: &[&str] = &["after", "despues", "tras", "apres", "nach", "dopo", "depois", "since"];

/// The sentence that tells the writer or their own woken with a fever ("Our little one woke up
/// with a temperature, so no zoo trip after all"), as the post says it up to a "but"; or None.
/// Not one that names a cause ("after", but not "after all"; "because") or the business
/// ("your").
fn woke_ill(folded: &Folded) -> Option<String> {
    let text = folded.as_str();
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let woke = (0..spans.len()).find(|&i| {
        WOKE.contains(&word(i)) && (i.saturating_sub(3)..i + 6).any(|k| FEVER.contains(&word(k)))
    })?;
    let (from, to) = sentence(text, &spans, woke);
    let after = (0..spans.len()).any(|k| AFTER.contains(&word(k)) && word(k + 1) != "all");
    (!after && !theirs(text, &spans)).then(|| folded.own(from, to))
}

/// The writer owning a mishap as their own kind, folded: "Classic me.", "Típico de mí.", "Du
/// grand moi.", "Typisch ich.", "Tipico mio.", "Típico meu.", "I'll never live it down."
#[rustfmt::skip]
const OWNED: &[&str] = &[
    "classic me", "typical me", "tipico de mi", "tipica de mi", "du grand moi",
    "typisch ich", "tipico mio", "tipico mia", "tipico meu", "tipico minha", "tipica minha",
    "never live it down", "never live this down", "dejar olvidar nunca", "laissera jamais oublier",
    "faranno mai dimenticare", "deixar esquecer isto", "deixar esquecer",
];

/// The whole post, when it ends by owning its mishap as the writer's kind ("Managed to spill red
/// wine down my own white shirt before my birthday dinner. Classic me."); or None. Not when it
/// names the business or a cause ("your waiter", "because").
fn owned(folded: &Folded) -> Option<String> {
    let text = folded.as_str();
    let spans = word_spans(text);
    // The last sentence is the owning.
    let last = (0..spans.len().saturating_sub(1))
        .rev()
        .find(|&k| sentence_ends(text, &spans, k))
        .map_or(0, |k| k + 1);
    let said = &text[spans.get(last)?.0..];
    // The owning is the whole last sentence: "so typical me", not "a typical meal".
    let said = said.trim_end_matches(['.', '!', ' ']);
    let owning = OWNED.iter().any(|o| {
        said.strip_suffix(o)
            .is_some_and(|head| head.is_empty() || head.ends_with(' '))
    });
    (owning && last > 0 && !theirs(text, &spans)).then(|| folded.own(0, text.len()))
}

/// Fog and mist, folded.
#[rustfmt::skip]
const FOG: &[&str] = &[
    "fog", "mist", "niebla", "bruma", "brouillard", "brume", "nebel", "nebbia", "foschia",
    "nevoeiro", "neblina",
];

/// Never or not, folded: the fog that did not lift.
#[rustfmt::skip]
const NOT: &[&str] = &[
    "never", "not", "didn't", "didnt", "no", "nunca", "jamais", "pas", "nie", "nicht", "mai",
    "non", "nao",
];

/// The sentence that tells a day lost to fog ("Drove two hours to the marina and the fog never
/// lifted, so we didn't see a single boat"): fog, and "never" or "not" within five words after
/// it; or None. Not a fog that lifted, nor the business's own ("your smoke machine's fog").
fn fogged(folded: &Folded) -> Option<String> {
    let text = folded.as_str();
    let spans = word_spans(text);
    let word = |k: usize| spans.get(k).map_or("", |&(s, e)| &text[s..e]);
    let fog = (0..spans.len())
        .find(|&i| FOG.contains(&word(i)) && (i + 1..i + 6).any(|k| NOT.contains(&word(k))))?;
    let (from, to) = sentence(text, &spans, fog);
    (!theirs(text, &spans)).then(|| folded.own(from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fall_on_the_ice_at_home_is_told_and_one_at_the_business_is_not() {
        let cases = [
            (
                "Slipped on the ice on my own doorstep this morning, bruised all over.",
                Some("slipped on the ice on my own doorstep this morning, bruised all over"),
            ),
            (
                "Ich bin im Garten auf dem Eis ausgerutscht",
                Some("ich bin im garten auf dem eis ausgerutscht"),
            ),
            (
                "Slipped on the ice in your car park, nobody had gritted it",
                None,
            ),
            (
                "Slipped on a wet floor at home after your cleaner left",
                None,
            ),
        ];
        for (text, told) in cases {
            assert_eq!(own_slip(&Folded::new(text)).as_deref(), told, "{text}");
        }
    }

    #[test]
    fn a_pet_gone_missing_is_told_and_one_lost_from_care_is_not() {
        let cases = [
            (
                "My dog has been missing since Tuesday, please share",
                Some("my dog has been missing since tuesday, please share"),
            ),
            (
                "Il nostro gatto è sparito da giorni",
                Some("il nostro gatto è sparito da giorni"),
            ),
            ("Our dog went missing from your kennels", None),
            (
                "The dog walker let our dog off the lead and now he's missing",
                None,
            ),
        ];
        for (text, told) in cases {
            assert_eq!(pet_missing(&Folded::new(text)).as_deref(), told, "{text}");
        }
    }

    #[test]
    fn tears_at_a_first_parting_are_told_and_tears_at_a_harm_are_not() {
        let cases = [
            (
                "First time leaving my daughter at nursery and I cried in the car park",
                Some("first time leaving my daughter at nursery and i cried in the car park"),
            ),
            (
                "I cried the first time because your staff shouted at her",
                None,
            ),
            ("I cried when I saw the bill", None),
        ];
        for (text, told) in cases {
            assert_eq!(first_parting(&Folded::new(text)).as_deref(), told, "{text}");
        }
    }

    #[test]
    fn keys_locked_in_by_the_writer_are_told_and_a_lock_that_failed_is_not() {
        let cases = [
            (
                "Locked my keys in the van outside the garden centre, waiting for my husband",
                Some("locked my keys in the van outside the garden centre, waiting for my husband"),
            ),
            (
                "Ich hab mich aus der Wohnung ausgesperrt",
                Some("ich hab mich aus der wohnung ausgesperrt"),
            ),
            (
                "Locked my keys in the car because your new lock jammed",
                None,
            ),
            ("The valet locked the keys in our car and shrugged", None),
        ];
        for (text, told) in cases {
            assert_eq!(locked_out(&Folded::new(text)).as_deref(), told, "{text}");
        }
    }

    #[test]
    fn a_fever_the_writers_own_woke_with_is_told_and_one_with_a_cause_is_not() {
        let cases = [
            (
                "Our little one woke up with a temperature, so no zoo trip after all",
                Some("our little one woke up with a temperature, so no zoo trip after all"),
            ),
            (
                "Unsere Kleine ist mit Fieber aufgewacht, also kein Ausflug",
                Some("unsere kleine ist mit fieber aufgewacht, also kein ausflug"),
            ),
            ("Woke up with a fever after your seafood platter", None),
            (
                "My husband woke up with flu because your heating was off",
                None,
            ),
        ];
        for (text, told) in cases {
            assert_eq!(woke_ill(&Folded::new(text)).as_deref(), told, "{text}");
        }
    }

    #[test]
    fn a_day_lost_to_fog_is_told_and_a_fog_that_lifted_is_not() {
        let cases = [
            (
                "Der Nebel hat sich nie gelichtet, wir haben kein Boot gesehen.",
                Some("der nebel hat sich nie gelichtet, wir haben kein boot gesehen"),
            ),
            ("The fog lifted by noon and the view was stunning", None),
            (
                "Your fog machine never stopped and we couldn't see the band",
                None,
            ),
        ];
        for (text, told) in cases {
            assert_eq!(fogged(&Folded::new(text)).as_deref(), told, "{text}");
        }
    }

    #[test]
    fn a_mishap_owned_as_the_writers_kind_is_told() {
        let cases = [
            (
                "Dropped my phone in the harbour. Typisch ich!",
                Some("dropped my phone in the harbour. typisch ich!"),
            ),
            ("Your waiter spilled soup on me. Classic me.", None),
            ("Classic me.", None),
            ("Ordered the classic menu, lovely", None),
            ("My wife loved the set menu. Not so atypical me.", None),
        ];
        for (text, told) in cases {
            assert_eq!(owned(&Folded::new(text)).as_deref(), told, "{text}");
        }
    }

    #[test]
    fn the_writers_work_keeping_them_from_a_party_is_told() {
        let cases = [
            (
                "Got a late shift on Friday so I'll miss the launch party, have fun all",
                Some("got a late shift on friday so i'll miss the launch party, have fun all"),
            ),
            (
                "Tengo que trabajar el viernes y me pierdo la inauguración",
                Some("tengo que trabajar el viernes y me pierdo la inauguración"),
            ),
            (
                "Mein Flug wurde gestrichen, also verpasse ich das Konzert bei euch",
                Some("mein flug wurde gestrichen, also verpasse ich das konzert bei euch"),
            ),
            (
                "My flight was cancelled so I'll miss my sister's party",
                None,
            ),
            ("The taxi never came and we missed the party", None),
            ("I'll miss the party, see you next time", None),
        ];
        for (text, told) in cases {
            assert_eq!(own_absence(&Folded::new(text)).as_deref(), told, "{text}");
        }
    }
}
