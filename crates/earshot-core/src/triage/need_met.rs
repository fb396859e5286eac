//! A need the business met, told in order: the writer's difficulty, then "so" and what someone of
//! the business did about it ("My mum can't manage the stairs any more, so her hairdresser now
//! comes to her flat", "No quedaba mi talla, así que la dependienta llamó a la otra tienda",
//! "Meine Größe war ausverkauft, also hat die Verkäuferin in der anderen Filiale angerufen"); or
//! what someone of the business did so the writer could, or need not ("The vet stayed an hour
//! after closing so our dog could have his operation the same day", "El fontanero me enseñó a
//! purgar los radiadores para no tener que llamarle"). The difficulty's words ("can't", "no
//! quedaba") read as a grievance to the tone model; the post is a thank-you. What the business
//! did is no kindness when it says so badly ("so the waiter told us to wait outside", "so the
//! shop closed early"), nor when the writer is who acted ("so I called the shop"). A thing of the
//! writer's found there and kept or handed in is a need met too ("The cinema staff found my son's
//! teddy and kept it for us", "La camarera encontró mi alianza y la dejó en recepción").

use super::own_excuse::LATE;
use super::put_right::{bad, open_to_praise, praised, NOTHING, WITHOUT};
use super::reading::Reading;
use super::text::{folded, is_function_word, Role, Token};

/// Who of the business acts, folded: trades, staff and the business itself, in the six
/// languages.
#[rustfmt::skip]
const AGENTS: &[&str] = &[
    "staff", "hairdresser", "barber", "stylist", "florist", "baker", "butcher", "plumber",
    "electrician", "mechanic", "garage", "vet", "nurse", "doctor", "dentist", "pharmacist",
    "chemist", "waiter", "waitress", "manager", "owner", "assistant", "cashier", "receptionist",
    "shop", "bakery", "salon", "restaurant", "hotel", "chef", "driver", "courier", "technician",
    "engineer", "locksmith", "tailor", "cleaner", "gardener", "builder", "decorator", "optician",
    "bookshop", "bookseller", "teacher", "instructor", "shopkeeper", "porter", "concierge",
    "guide", "photographer", "team", "pharmacy", "chemists", "staffs",
    "dependiente", "dependienta", "peluquero", "peluquera", "florista", "panadero", "panadera",
    "carnicero", "carnicera", "fontanero", "electricista", "mecanico", "taller", "veterinario",
    "veterinaria", "enfermera", "enfermero", "medico", "medica", "dentista", "farmaceutico",
    "farmaceutica", "camarero", "camarera", "encargado", "encargada", "dueno", "duena", "cajero",
    "cajera", "recepcionista", "tienda", "panaderia", "restaurante", "cocinero", "cocinera",
    "conductor", "repartidor", "tecnico", "cerrajero", "sastre", "modista", "jardinero",
    "libreria", "librero", "profesor", "profesora", "guia", "fotografo", "fotografa", "personal",
    "farmacia",
    "vendeur", "vendeuse", "coiffeur", "coiffeuse", "fleuriste", "boulanger", "boulangere",
    "boucher", "bouchere", "plombier", "electricien", "mecanicien", "garagiste", "veterinaire",
    "veto", "infirmiere", "infirmier", "medecin", "pharmacien", "pharmacienne", "serveur",
    "serveuse", "gerant", "gerante", "patron", "patronne", "caissiere", "caissier",
    "receptionniste", "magasin", "boutique", "boulangerie", "hotel", "cuisinier", "cuisiniere",
    "chauffeur", "livreur", "technicien", "serrurier", "couturiere", "couturier", "jardinier",
    "opticien", "opticienne", "libraire", "librairie", "personnel", "equipe", "photographe",
    "pharmacie",
    "verkaufer", "verkauferin", "friseur", "friseurin", "florist", "floristin", "backer",
    "backerin", "metzger", "metzgerin", "installateur", "klempner", "elektriker", "mechaniker",
    "werkstatt", "tierarzt", "tierarztin", "pflegerin", "arzt", "arztin", "zahnarzt",
    "zahnarztin", "apotheker", "apothekerin", "kellner", "kellnerin", "chefin", "inhaber",
    "inhaberin", "kassiererin", "kassierer", "laden", "geschaft", "backerei", "koch", "kochin",
    "fahrer", "fahrerin", "techniker", "schlusseldienst", "schneider", "schneiderin", "gartner",
    "tischler", "schreiner", "optiker", "optikerin", "buchhandlung", "buchhandlerin",
    "buchhandler", "fotograf", "fotografin", "lehrer", "lehrerin", "apotheke",
    "commesso", "commessa", "parrucchiere", "parrucchiera", "fioraio", "fioraia", "fornaio",
    "panettiere", "macellaio", "idraulico", "meccanico", "officina", "infermiera", "dentista",
    "farmacista", "cameriere", "cameriera", "titolare", "proprietario", "proprietaria",
    "cassiera", "negozio", "panetteria", "ristorante", "albergo", "cuoco", "cuoca", "autista",
    "corriere", "fabbro", "sarta", "sarto", "giardiniere", "falegname", "ottico", "libraio",
    "libraia", "personale", "fotografo", "insegnante", "maestra", "maestro",
    "empregada", "empregado", "cabeleireira", "cabeleireiro", "padeiro", "padeira", "talhante",
    "canalizador", "encanador", "eletricista", "mecanico", "oficina", "dono", "dona",
    "rececionista", "loja", "padaria", "cozinheiro", "cozinheira", "motorista", "estafeta",
    "serralheiro", "costureira", "alfaiate", "jardineiro", "livraria", "livreiro", "pessoal",
    "equipa", "professora",
];

/// What opens the deed after the difficulty: "so", "así que", "alors", "also", "così", "por
/// isso" (the last word of each).
#[rustfmt::skip]
const SO: &[&[&str]] = &[
    &["so"], &["asi", "que"], &["por", "eso"], &["alors"], &["donc"], &["also"], &["deshalb"],
    &["daher"], &["darum"], &["cosi"], &["quindi"], &["allora"], &["por", "isso"], &["entao"],
];

/// Words that may stand between "so" and who acts: articles, possessives, "now", "kindly".
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "the", "her", "his", "our", "my", "their", "kind", "lovely", "now", "then", "el", "la", "los",
    "las", "su", "sus", "mi", "nuestra", "nuestro", "le", "les", "sa", "son", "ses", "leur",
    "notre", "ma", "mon", "die", "der", "das", "den", "ihre", "ihr", "sein", "seine", "unsere",
    "unser", "meine", "mein", "il", "lo", "i", "gli", "sua", "suo", "nostra", "nostro", "mia",
    "mio", "a", "o", "os", "as", "seu", "nossa", "nosso", "minha", "meu",
];

/// The writer and what is theirs, in a purpose ("so our dog could", "para el cumpleaños de mi
/// padre", "damit ich"): the business's deed was for them, not for its own ("para lavar a roupa
/// dela").
#[rustfmt::skip]
const FOR_WRITER: &[&str] = &[
    "i", "we", "me", "us", "our", "my", "mi", "mis", "nuestro", "nuestra", "nos", "yo", "je",
    "nous", "mon", "ma", "mes", "notre", "ich", "wir", "mir", "uns", "mich", "mein", "meine",
    "unser", "unsere", "io", "noi", "mio", "mia", "miei", "nostro", "nostra", "ci", "eu", "meu",
    "minha", "nosso", "nossa",
];

/// Deeds that are no kindness just after who acts: what was said ("the waiter told us to wait
/// outside") and what was shut or left ("the shop closed early", "la peluquera se fue").
#[rustfmt::skip]
const NO_KINDNESS: &[&str] = &[
    "told", "said", "says", "closed", "cancelled", "canceled", "left", "refused", "dijo",
    "dijeron", "cerro", "cancelo", "fue", "nego", "dit", "ferme", "annule", "parti", "partie",
    "refuse", "sagte", "sagt", "geschlossen", "abgesagt", "gegangen", "weigerte", "disse",
    "chiuso", "annullato", "andato", "andata", "rifiutato", "fechou", "cancelou", "foi",
    "recusou",
];

/// What opens the writer's purpose after the business's deed: "para", "pour", "damit", "per";
/// English "so" with the writer after it ("so our dog could").
const FOR: &[&str] = &["para", "pour", "damit", "per", "perche"];

/// "Have to", after a negation in the purpose: "so I won't have to call him", "para no tener
/// que", "pour que je n'aie pas à", "damit ich ihn nicht rufen muss", "per non dover".
#[rustfmt::skip]
const HAVE_TO: &[&str] = &[
    "have", "tener", "aie", "ait", "avoir", "muss", "mussen", "dover", "dovere", "ter",
];

/// What the writer was made to do, in a purpose: "so I had to take the day off" is what the
/// business's deed cost, no purpose of it.
#[rustfmt::skip]
const OBLIGED: &[&str] = &[
    "had", "tuve", "tuvimos", "tuvo", "musste", "mussten", "dovuto", "dovuta", "dovetti", "tive",
    "tivemos", "du",
];

/// Words before "late" that make it the business's hours ("stayed open late", "hasta tarde",
/// "jusqu'à tard", "bis spät"), no delay.
#[rustfmt::skip]
const UNTIL: &[&str] = &[
    "until", "till", "stayed", "open", "hasta", "jusqu", "jusque", "bis", "fino", "ate",
];

/// Found, by someone else: "the cleaner found", "encontró", "a retrouvé", "gefunden".
#[rustfmt::skip]
const FOUND: &[&str] = &[
    "found", "encontro", "encontraron", "trouve", "trouvee", "retrouve", "retrouvee", "gefunden",
    "trovato", "trovata", "ritrovato", "ritrovata", "encontrou", "encontraram", "achou",
];

/// The writer, just before "found": the writer found it ("I found", "j'ai trouvé", "ich habe …
/// gefunden", "ho trovato").
#[rustfmt::skip]
const FINDER: &[&str] = &[
    "i", "we", "ive", "weve", "ai", "avons", "ich", "wir", "habe", "ho", "abbiamo",
    "io", "noi", "eu", "nos", "yo",
];

/// What is the writer's, after "found": "my wedding ring", "el peluche de mi hijo".
#[rustfmt::skip]
const MINE: &[&str] = &[
    "my", "our", "mi", "mis", "nuestro", "nuestra", "mon", "ma", "mes", "notre", "nos", "mein",
    "meine", "meinen", "meines", "meiner", "unser", "unsere", "unseren", "mio", "mia", "miei",
    "nostro", "nostra", "meu", "minha", "nosso", "nossa",
];

/// Kept for the writer, handed in or given back: what the finder did with it.
#[rustfmt::skip]
const KEPT: &[&str] = &[
    "handed", "kept", "returned", "brought", "gave", "posted", "dejo", "guardo", "guardaron",
    "devolvio", "devolvieron", "trajo", "trajeron", "deposee", "depose", "gardee", "garde",
    "rendu", "rendue", "rapporte", "rapportee", "abgegeben", "aufbewahrt", "zuruckgegeben",
    "gebracht", "lasciata", "lasciato", "tenuto", "tenuta", "restituito", "restituita",
    "riportato", "riportata", "conservato", "deixou", "guardou", "guardaram", "devolveu",
    "devolveram", "trouxe",
];

/// How many words after "so" who acts may stand (German puts the verb first: "also kommt ihre
/// Friseurin").
const REACH: usize = 4;

/// Whether the post tells a need the business met; the words that name it then.
fn need_met(r: &Reading) -> Option<String> {
    let tokens = &r.analysed.tokens;
    after_difficulty(tokens, r)
        .or_else(|| for_the_writer(tokens, r))
        .or_else(|| found_and_kept(tokens, r))
}

/// "<someone> found <what is the writer's> and <kept it, handed it in>": the words of both.
fn found_and_kept(tokens: &[Token], r: &Reading) -> Option<String> {
    let found = tokens
        .iter()
        .position(|t| FOUND.contains(&folded(t).as_ref()))?;
    let by_writer = tokens[found.saturating_sub(4)..found]
        .iter()
        .any(|t| FINDER.contains(&folded(t).as_ref()));
    // German tells what was found before "gefunden" ("hat meinen Ehering … gefunden").
    let mine = tokens[found.saturating_sub(6)..(found + 7).min(tokens.len())]
        .iter()
        .any(|t| MINE.contains(&folded(t).as_ref()));
    let kept = (found + 2..tokens.len()).find(|&i| KEPT.contains(&folded(&tokens[i]).as_ref()))?;
    let plain = plain_after(tokens, r, 0, tokens.len());
    (!by_writer && mine && plain).then(|| format!("{} … {}", tokens[found].norm, tokens[kept].norm))
}

/// "<difficulty>, so <who of the business> <did something>": who acts and the deed.
fn after_difficulty(tokens: &[Token], r: &Reading) -> Option<String> {
    let german = r.lang == Some("de");
    let (so, agent) = (1..tokens.len()).find_map(|end| {
        let opens = SO.iter().any(|w| {
            end + 1 >= w.len()
                && tokens[end + 1 - w.len()..=end]
                    .iter()
                    .zip(w.iter())
                    .all(|(t, w)| folded(t) == *w)
        });
        // English "so" opens a clause of its own after a comma ("so rude" does not).
        let clause = folded(&tokens[end]) != "so" || tokens[end - 1].clause_end;
        if !opens || !clause {
            return None;
        }
        let window = &tokens[end + 1..(end + 1 + REACH).min(tokens.len())];
        let at = window
            .iter()
            .position(|t| AGENTS.contains(&folded(t).as_ref()))?;
        let between = window[..at]
            .iter()
            .enumerate()
            .all(|(i, t)| BETWEEN.contains(&folded(t).as_ref()) || german && i == 0);
        between.then_some((end, end + 1 + at))
    })?;
    // The difficulty: a negation, or a bad word, before "so".
    let hard = tokens[..so]
        .iter()
        .any(|t| t.role == Role::Negation || t.negated || bad(t));
    let plain = plain_after(tokens, r, so, tokens.len());
    (hard && plain && kind_deed(tokens, agent)).then(|| named(tokens, agent, german))
}

/// "<who of the business> <did something> so <the writer could>": who acts and the deed.
fn for_the_writer(tokens: &[Token], r: &Reading) -> Option<String> {
    let agent = tokens
        .iter()
        .take(3)
        .position(|t| AGENTS.contains(&folded(t).as_ref()))?;
    if !tokens[..agent]
        .iter()
        .all(|t| BETWEEN.contains(&folded(t).as_ref()))
    {
        return None;
    }
    // What the writer need not do: a negation before "have to".
    let needless = |i: usize| {
        tokens[i + 1..(i + 4).min(tokens.len())]
            .iter()
            .any(|t| HAVE_TO.contains(&folded(t).as_ref()))
    };
    let for_writer = |from: usize, reach: usize| {
        (from..(from + reach).min(tokens.len())).any(|k| {
            FOR_WRITER.contains(&folded(&tokens[k]).as_ref())
                || tokens[k].role == Role::Negation && needless(k)
        })
    };
    let purpose = (agent + 2..tokens.len()).find(|&i| {
        let w = folded(&tokens[i]);
        FOR.contains(&w.as_ref()) && for_writer(i + 1, 5) || w == "so" && for_writer(i + 1, 2)
    })?;
    // Nothing bad up to the purpose; in it only what the writer need not do.
    let purpose_plain = (purpose..tokens.len()).all(|i| {
        let t = &tokens[i];
        let negation = t.role == Role::Negation && !needless(i);
        // A bad word negated is what the writer was spared ("so we wouldn't have to worry").
        let harsh = bad(t) && !t.negated;
        !(negation || harsh || OBLIGED.contains(&folded(t).as_ref()))
    });
    let plain = plain_after(tokens, r, 0, purpose);
    let german = r.lang == Some("de");
    (plain && purpose_plain && kind_deed(tokens, agent)).then(|| named(tokens, agent, german))
}

/// Whether `tokens[from..to]` holds no bad word, no negation but "without" charging ("sin
/// cobrarme nada"), and no complaint cue.
fn plain_after(tokens: &[Token], r: &Reading, from: usize, to: usize) -> bool {
    let part = &tokens[from..to];
    let without = |t: &Token| WITHOUT.contains(&t.norm.as_str());
    let clean = part.iter().enumerate().all(|(i, t)| {
        let gift = without(t)
            || NOTHING.contains(&t.norm.as_str())
                && part[i.saturating_sub(3)..i].iter().any(without);
        let negation = (t.role == Role::Negation || t.negated) && !gift;
        let hours = i > 0
            && LATE.contains(&folded(t).as_ref())
            && UNTIL.contains(&folded(&part[i - 1]).as_ref());
        !negation && (!bad(t) || hours)
    });
    let cue = r.complaint_cues.iter().any(|c| {
        let last = c.rsplit(' ').next().unwrap_or(c);
        part.iter().any(|t| folded(t) == last)
    });
    clean && !cue
}

/// Whether what follows who acts is no unkindness ("told", "closed", "se fue").
fn kind_deed(tokens: &[Token], agent: usize) -> bool {
    !tokens[agent + 1..(agent + 4).min(tokens.len())]
        .iter()
        .any(|t| NO_KINDNESS.contains(&folded(t).as_ref()))
}

/// Who acts and the deed's first word ("florist kept", "dependienta llamó"); in German who acts
/// alone, as the deed's verb stands at the clause's end.
fn named(tokens: &[Token], agent: usize, german: bool) -> String {
    let who = tokens[agent].norm.clone();
    if german {
        return who;
    }
    let deed = tokens[agent + 1..(agent + 4).min(tokens.len())]
        .iter()
        .find(|t| !is_function_word(&t.norm) && !t.clause_end);
    match deed {
        Some(d) => format!("{who} {}", d.norm),
        None => who,
    }
}

/// The reading of a post that tells a need the business met: praise, named by who met it and
/// how ("positive: 'florist kept'"), and no complaint. Any other reading as it was.
pub(super) fn met(r: Reading) -> Reading {
    if !open_to_praise(&r) {
        return r;
    }
    match need_met(&r) {
        Some(word) => praised(r, word),
        None => r,
    }
}

#[cfg(test)]
#[path = "need_met_tests.rs"]
mod tests;
