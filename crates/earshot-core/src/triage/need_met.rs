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
//! teddy and kept it for us", "La camarera encontró mi alianza y la dejó en recepción"). So is
//! what someone of the business came back to do of their own accord ("The man who fitted our
//! blinds came back on his own to loosen a cord he thought was too stiff", "Der Mann kam von sich
//! aus zurück"): the fault he put right is no grievance.

use super::own_excuse::LATE;
use super::put_right::{bad, open_to_praise, praised, NOTHING, WITHOUT};
use super::reading::Reading;
use super::text::{folded, is_function_word, Role, Token};
use crate::model::Sentiment;
use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::sync::OnceLock;

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
    "guide", "photographer", "team", "pharmacy", "men", "guys", "lads", "movers",
    "coach", "trainer", "lifeguard", "monitor", "monitora", "entrenador", "entrenadora",
    "socorrista", "moniteur", "monitrice", "entraineur", "entraineuse", "nageur",
    "schwimmtrainer", "schwimmlehrer", "fahrlehrer", "istruttore", "istruttrice",
    "allenatore", "allenatrice", "bagnino", "professor", "treinador", "treinadora", "instrutor",
    "instrutora", "host", "landlady", "landlord", "anfitrion", "anfitriona", "casera", "hote",
    "hotesse", "wirt", "wirtin", "pensionswirtin", "gastgeber", "gastgeberin", "vermieterin",
    "padrona", "anfitria", "proprietaire", "propietario", "propietaria", "botones", "bagagiste",
    "hotelpage", "facchino", "groom",
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
    "receptionniste", "magasin", "boutique", "boulangerie", "cuisinier", "cuisiniere",
    "chauffeur", "livreur", "technicien", "serrurier", "couturiere", "couturier", "jardinier",
    "opticien", "opticienne", "libraire", "librairie", "personnel", "equipe", "photographe",
    "pharmacie",
    "verkaufer", "verkauferin", "friseur", "friseurin", "floristin", "backer",
    "backerin", "metzger", "metzgerin", "installateur", "klempner", "elektriker", "mechaniker",
    "werkstatt", "tierarzt", "tierarztin", "pflegerin", "arzt", "arztin", "zahnarzt",
    "zahnarztin", "apotheker", "apothekerin", "kellner", "kellnerin", "chefin", "inhaber",
    "inhaberin", "kassiererin", "kassierer", "laden", "geschaft", "backerei", "koch", "kochin",
    "fahrer", "fahrerin", "techniker", "schlusseldienst", "schneider", "schneiderin", "gartner",
    "tischler", "schreiner", "optiker", "optikerin", "buchhandlung", "buchhandlerin", "lieferant",
    "buchhandler", "fotograf", "fotografin", "lehrer", "lehrerin", "apotheke",
    "commesso", "commessa", "parrucchiere", "parrucchiera", "fioraio", "fioraia", "fornaio",
    "panettiere", "macellaio", "idraulico", "meccanico", "officina", "infermiera",
    "farmacista", "cameriere", "cameriera", "titolare", "proprietario", "proprietaria",
    "cassiera", "negozio", "panetteria", "ristorante", "albergo", "cuoco", "cuoca", "autista",
    "corriere", "fabbro", "sarta", "sarto", "giardiniere", "falegname", "ottico", "libraio",
    "libraia", "personale", "insegnante", "maestra", "maestro", "fattorino",
    "empregada", "empregado", "cabeleireira", "cabeleireiro", "padeiro", "padeira", "talhante",
    "canalizador", "encanador", "eletricista", "oficina", "dono", "dona",
    "rececionista", "loja", "padaria", "cozinheiro", "cozinheira", "motorista", "estafeta",
    "serralheiro", "costureira", "alfaiate", "jardineiro", "livraria", "livreiro", "pessoal",
    "equipa", "professora",
];

/// Whether a folded word is one of [`AGENTS`], or its plural: "livreurs", "repartidores",
/// "Lieferanten", "fattorini", "commesse".
fn agent(w: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| AGENTS.iter().copied().collect());
    let stem = |suffix: &str| w.strip_suffix(suffix).filter(|s| s.len() > 2);
    let known = |s: &str| set.contains(s);
    // The plural's ending, and the singular's in its place.
    let swapped = |plural: &str, singular: &str| {
        stem(plural).is_some_and(|s| known(&format!("{s}{singular}")))
    };
    known(w)
        || ["s", "es", "en"].iter().any(|p| stem(p).is_some_and(known))
        || swapped("innen", "in")
        || swapped("i", "o")
        || swapped("e", "a")
}

/// What opens the deed after the difficulty: "so", "así que", "alors", "also", "così", "por
/// isso" (the last word of each).
#[rustfmt::skip]
const SO: &[&[&str]] = &[
    &["so"], &["asi", "que"], &["por", "eso"], &["alors"], &["donc"], &["also"], &["deshalb"],
    &["daher"], &["darum"], &["cosi"], &["quindi"], &["allora"], &["por", "isso"], &["entao"],
];

/// "And" after a misfortune of nobody's making, the weather's or the power's ("A storm knocked
/// the power out halfway through our dinner and the chef finished everyone's meals on the
/// barbecue"): told in order, it is "so".
const AND: &[&str] = &["and", "y", "et", "und", "e", "ed"];

/// The power gone, folded, besides the weather (`farewell::WEATHER_ITSELF`).
const OUTAGE: &[&str] = &["apagon", "blackout", "stromausfall", "panne", "outage"];

/// Words that may stand between "so" and who acts: articles, possessives, "now", "kindly".
#[rustfmt::skip]
const BETWEEN: &[&str] = &[
    "the", "her", "his", "our", "my", "their", "kind", "lovely", "now", "then", "el", "la", "los",
    "las", "su", "sus", "mi", "nuestra", "nuestro", "le", "les", "sa", "son", "ses", "leur",
    "notre", "ma", "mon", "die", "der", "das", "den", "ihre", "ihr", "sein", "seine", "unsere",
    "unser", "meine", "mein", "il", "lo", "i", "gli", "sua", "suo", "nostra", "nostro", "mia",
    "mio", "a", "o", "os", "as", "seu", "nossa", "nosso", "minha", "meu",
];

/// The writer, in a purpose ("so we could", "damit ich"); with what is theirs ([`MINE`]: "so our
/// dog could", "para el cumpleaños de mi padre"), the business's deed was for them, not for its
/// own ("para lavar a roupa dela").
#[rustfmt::skip]
const WRITER: &[&str] = &[
    "i", "we", "me", "us", "yo", "je", "nous", "ich", "wir", "mir", "uns", "mich", "io", "noi",
    "ci", "eu",
];

/// Deeds that are no kindness just after who acts: what was said ("the waiter told us to wait
/// outside") and what was shut or left ("the shop closed early", "la peluquera se fue").
#[rustfmt::skip]
const NO_KINDNESS: &[&str] = &[
    "told", "said", "says", "closed", "cancelled", "canceled", "left", "refused", "dijo",
    "dijeron", "cerro", "cancelo", "fue", "nego", "dit", "ferme", "annule", "parti", "partie",
    "refuse", "sagte", "sagt", "geschlossen", "abgesagt", "gegangen", "weigerte", "disse",
    "chiuso", "annullato", "andato", "andata", "rifiutato", "fechou", "cancelou", "foi",
    "recusou", "annulee", "annulees", "annules", "cancelada", "cancelado", "annullata",
    "cancellato",
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
const OPEN_UNTIL: &[&str] = &[
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

/// People, besides [`AGENTS`], who may have done something of their own accord: "the man who
/// fitted our blinds", "el señor que nos puso los estores", "der Mann, der …".
#[rustfmt::skip]
const PERSON: &[&str] = &[
    "man", "woman", "guy", "lady", "gentleman", "senor", "senora", "chico", "chica", "homme",
    "femme", "monsieur", "dame", "mann", "frau", "herr", "signore", "signora", "ragazzo",
    "ragazza", "senhor", "senhora", "rapaz",
];

/// Of one's own accord, said of someone else: "on his own", "unasked", "por su cuenta", "de
/// lui-même", "von sich aus", "di sua iniziativa", "por iniciativa própria". Not "its own" (a
/// boiler that "turns off on its own" is a fault).
#[rustfmt::skip]
const OWN_ACCORD: &[&[&str]] = &[
    &["on", "his", "own"], &["on", "her", "own"], &["on", "their", "own"],
    &["his", "own", "accord"], &["her", "own", "accord"], &["their", "own", "accord"],
    &["unasked"], &["unprompted"], &["without", "being", "asked"], &["por", "su", "cuenta"],
    &["por", "iniciativa", "propia"], &["lui", "meme"], &["elle", "meme"], &["eux", "memes"],
    &["sa", "propre", "initiative"], &["von", "sich", "aus"], &["unaufgefordert"],
    &["ungefragt"], &["di", "sua", "iniziativa"], &["di", "loro", "iniziativa"],
    &["por", "iniciativa", "propria"],
];

/// What opens a purpose after "of his own accord": what he came back to do ("to loosen", "para
/// aflojar", "pour détendre", "um … zu lockern", "per allentare").
const TO: &[&str] = &["to", "para", "pour", "um", "per"];

/// How many words after "so" who acts may stand (German puts the verb first: "also kommt ihre
/// Friseurin").
const REACH: usize = 4;

/// A post read badly, with its words folded once (most posts a rule here reads are ones it
/// leaves as they are).
struct Post<'a> {
    tokens: &'a [Token],
    words: Vec<Cow<'a, str>>,
    r: &'a Reading,
}

impl Post<'_> {
    /// Whether the `i`th word is one of `list`.
    fn is(&self, i: usize, list: &[&str]) -> bool {
        list.contains(&self.words[i].as_ref())
    }

    /// Whether the `i`th word is the writer or what is theirs ([`WRITER`], [`MINE`]).
    fn for_writer(&self, i: usize) -> bool {
        self.is(i, WRITER) || self.is(i, MINE)
    }

    /// Whether a word in `from..to` (cut to the post) is one of `list`.
    fn any(&self, from: usize, to: usize, list: &[&str]) -> bool {
        (from..to.min(self.tokens.len())).any(|i| self.is(i, list))
    }

    /// Whether the last word of a complaint cue stands in `from..to`, as the cue says it or
    /// (`fold`) folded as the post's words are ("annulée").
    fn cue_in(&self, from: usize, to: usize, fold: bool) -> bool {
        self.r.complaint_cues.iter().any(|c| {
            let last = c.rsplit(' ').next().unwrap_or(c);
            let last = match fold {
                true => Cow::Owned(crate::matcher::fold(last)),
                false => Cow::Borrowed(last),
            };
            self.words[from..to].contains(&last)
        })
    }
}

/// Whether the post tells a need the business met; the words that name it then.
fn need_met(r: &Reading) -> Option<String> {
    let tokens = &r.analysed.tokens;
    let p = Post {
        tokens,
        words: tokens.iter().map(folded).collect(),
        r,
    };
    after_difficulty(&p)
        .or_else(|| for_the_writer(&p))
        .or_else(|| found_and_kept(&p))
        .or_else(|| of_own_accord(&p))
        .or_else(|| pest_free(&p))
        .or_else(|| errand(&p))
}

/// Went, or drove, to fetch: "drove", "went", "fue", "est allé", "gefahren", "andato", "foi".
#[rustfmt::skip]
const WENT: &[&str] = &[
    "drove", "went", "ran", "walked", "nipped", "popped", "fue", "fueron", "corrio", "alle",
    "allee", "alles", "couru", "gefahren", "gelaufen", "gegangen", "andato", "andata", "corso",
    "corsa", "foi", "foram", "correu",
];

/// Fetching, as a word opens (folded): "fetch", "buscarnos", "chercher", "holen", "prenderci".
#[rustfmt::skip]
const FETCH: &[&str] = &[
    "fetch", "get", "buy", "pick", "collect", "buscar", "traer", "comprar", "chercher",
    "acheter", "recuperer", "holen", "kaufen", "besorgen", "prender", "comprare", "recuperare",
    "trazer",
];

/// The writer, at the end of a word of fetching ("buscarnos", "prenderci", "buscar-nos").
const CLITIC: &[&str] = &["nos", "me", "ci", "mi"];

/// "<someone of the business> went <somewhere> to fetch <something> for <the writer>": the
/// errand run for the writer ("The campsite owner drove into town to fetch a spare tent pole
/// for us", "El dueño del camping fue en coche al pueblo a buscarnos una varilla"), with no
/// bad word, negation or complaint cue anywhere. Who acts, within the first four words (German
/// joins the place to the owner: "Campingplatzbesitzer").
fn errand(p: &Post) -> Option<String> {
    let n = p.tokens.len();
    let owner = |i: usize| agent(&p.words[i]) || p.words[i].ends_with("besitzer");
    let agent = (0..n.min(4)).find(|&i| owner(i))?;
    if (0..agent).any(|i| p.tokens[i].clause_end) {
        return None;
    }
    let went = (agent + 1..n.min(agent + 10)).find(|&i| p.is(i, WENT))?;
    let fetch =
        (went + 1..n.min(went + 12)).find(|&i| FETCH.iter().any(|f| p.words[i].starts_with(f)))?;
    let word = p.words[fetch].as_ref();
    let clitic = CLITIC
        .iter()
        .any(|c| word.len() > c.len() + 3 && word.ends_with(c));
    let for_writer = clitic || (went + 1..n.min(fetch + 10)).any(|k| p.for_writer(k));
    let german = p.r.lang == Some("de");
    (for_writer && plain_after(p, 0, n)).then(|| named(p.tokens, agent, german))
}

/// A pest gone since the business came (`pest_gone.rs`): the words of no trace.
fn pest_free(p: &Post) -> Option<String> {
    let words: Vec<&str> = p.words.iter().map(|w| w.as_ref()).collect();
    let ends: Vec<bool> = p.tokens.iter().map(|t| t.clause_end).collect();
    let (a, b) = super::grave::pest_gone::gone(&words, &ends)?;
    let said: Vec<&str> = p.tokens[a..=b].iter().map(|t| t.norm.as_str()).collect();
    Some(said.join(" "))
}

/// "<someone of the business> <did something> of his own accord [to put right what was bad]":
/// who acts and the words of "own accord". Before them nothing bad; after them a bad word only
/// in what he came to do ("to loosen a cord he thought was too stiff").
fn of_own_accord(p: &Post) -> Option<String> {
    let (tokens, n) = (p.tokens, p.tokens.len());
    let (start, end) = (0..n).find_map(|i| {
        OWN_ACCORD.iter().find_map(|w| {
            let end = i + w.len();
            (end <= n && p.words[i..end].iter().zip(w.iter()).all(|(a, b)| a == b))
                .then_some((i, end))
        })
    })?;
    let who = (0..start).find(|&i| agent(&p.words[i]) || p.is(i, PERSON))?;
    let mut purpose = false;
    let after_plain = (end..n).all(|i| {
        purpose |= p.is(i, TO);
        let t = &tokens[i];
        purpose || !(t.role == Role::Negation || t.negated || bad(t))
    });
    let by_writer = p.any(start.saturating_sub(2), start, WRITER);
    // Nor a complaint told with it, before what he came to do ("une facture pour une visite
    // qu'il a lui-même annulée"; not "came back on her own to swap a wilted rose").
    let to = (end..n).find(|&i| p.is(i, TO)).unwrap_or(n);
    let plain = plain_after(p, 0, start) && after_plain && !by_writer && !p.cue_in(end, to, true);
    let words: Vec<&str> = tokens[start..end].iter().map(|t| t.norm.as_str()).collect();
    // "lui-même" as written, not "lui même".
    let join = if p.words[end - 1].starts_with("meme") {
        "-"
    } else {
        " "
    };
    (plain && kind_deed(p, who)).then(|| words.join(join))
}

/// "<someone> found <what is the writer's> and <kept it, handed it in>": the words of both.
fn found_and_kept(p: &Post) -> Option<String> {
    let n = p.tokens.len();
    let found = (0..n).find(|&i| p.is(i, FOUND))?;
    let by_writer = p.any(found.saturating_sub(4), found, FINDER);
    // German tells what was found before "gefunden" ("hat meinen Ehering … gefunden").
    let mine = p.any(found.saturating_sub(6), found + 7, MINE);
    let kept = (found + 2..n).find(|&i| p.is(i, KEPT))?;
    let plain = plain_after(p, 0, n);
    let (found, kept) = (&p.tokens[found].norm, &p.tokens[kept].norm);
    (!by_writer && mine && plain).then(|| format!("{found} … {kept}"))
}

/// "<difficulty>, so <who of the business> <did something>": who acts and the deed.
fn after_difficulty(p: &Post) -> Option<String> {
    let (tokens, n) = (p.tokens, p.tokens.len());
    let german = p.r.lang == Some("de");
    // Where the weather or a power cut is first told, for "and" to follow it.
    let nobodys = p.words.iter().position(|w| {
        super::farewell::WEATHER_ITSELF.contains(&w.as_ref()) || OUTAGE.contains(&w.as_ref())
    });
    let (so, agent) = (1..n).find_map(|end| {
        let opens = SO.iter().any(|w| {
            end + 1 >= w.len()
                && p.words[end + 1 - w.len()..=end]
                    .iter()
                    .zip(w.iter())
                    .all(|(a, b)| a == b)
        });
        let after_weather = nobodys.is_some_and(|w| w < end);
        let opens = opens || after_weather && AND.contains(&p.words[end].as_ref());
        // English "so" opens a clause of its own after a comma ("so rude" does not).
        let clause = p.words[end] != "so" || tokens[end - 1].clause_end;
        if !opens || !clause {
            return None;
        }
        let window = end + 1..(end + 1 + REACH).min(n);
        let at = window.clone().find(|&i| agent(&p.words[i]))?;
        let between = window.take_while(|&i| i < at).enumerate().all(|(k, i)| {
            // German puts the verb first, and the writer may follow it ("also hat uns die
            // Wirtin…"); a trade may be told with a word before it ("the delivery men"), not by
            // the writer ("so I asked the assistant").
            let modifier = i + 1 == at && !p.for_writer(i);
            let verb_then_us = k == 0 || k == 1 && p.is(i, WRITER);
            p.is(i, BETWEEN) || german && verb_then_us || modifier
        });
        between.then_some((end, at))
    })?;
    // The difficulty: the weather's or the power's, a negation, a bad word or a complaint's cue
    // before "so", or a reading as negative ("O elevador estava avariado").
    let hard = AND.contains(&p.words[so].as_ref())
        || p.cue_in(0, so, false)
        || p.r.mood == Sentiment::Negative
        || tokens[..so]
            .iter()
            .any(|t| t.role == Role::Negation || t.negated || bad(t));
    let plain = plain_after(p, so, n);
    (hard && plain && kind_deed(p, agent)).then(|| named(tokens, agent, german))
}

/// "<who of the business> <did something> so <the writer could>": who acts and the deed.
fn for_the_writer(p: &Post) -> Option<String> {
    let (tokens, n) = (p.tokens, p.tokens.len());
    let agent = (0..n.min(3)).find(|&i| agent(&p.words[i]))?;
    if !(0..agent).all(|i| p.is(i, BETWEEN)) {
        return None;
    }
    // What the writer need not do: a negation before "have to".
    let needless = |i: usize| p.any(i + 1, i + 4, HAVE_TO);
    let for_writer = |from: usize, reach: usize| {
        (from..(from + reach).min(n))
            .any(|k| p.for_writer(k) || tokens[k].role == Role::Negation && needless(k))
    };
    let purpose = (agent + 2..n).find(|&i| {
        p.is(i, FOR) && for_writer(i + 1, 5) || p.words[i] == "so" && for_writer(i + 1, 2)
    })?;
    // Nothing bad up to the purpose; in it only what the writer need not do.
    let purpose_plain = (purpose..n).all(|i| {
        let t = &tokens[i];
        let negation = t.role == Role::Negation && !needless(i);
        // A bad word negated is what the writer was spared ("so we wouldn't have to worry").
        let harsh = bad(t) && !t.negated;
        !(negation || harsh || p.is(i, OBLIGED))
    });
    // Nor a complaint cue after it ("… per una foratura e poi mi ha fatto pagare il deposito").
    let plain = plain_after(p, 0, purpose) && !p.cue_in(purpose, n, true);
    let german = p.r.lang == Some("de");
    (plain && purpose_plain && kind_deed(p, agent)).then(|| named(tokens, agent, german))
}

/// Whether words `from..to` hold no bad word, no negation but "without" charging ("sin
/// cobrarme nada"), and no complaint cue.
fn plain_after(p: &Post, from: usize, to: usize) -> bool {
    let without = |i: usize| WITHOUT.contains(&p.tokens[i].norm.as_str());
    let clean = (from..to).all(|i| {
        let t = &p.tokens[i];
        let gift = without(i)
            || NOTHING.contains(&t.norm.as_str())
                && (i.saturating_sub(3).max(from)..i).any(without);
        // A negation's reach from before `from` is the difficulty's ("sin luz y el cocinero…").
        let reached = t.negated && (from..i).any(|k| p.tokens[k].role == Role::Negation);
        let negation = (t.role == Role::Negation || reached) && !gift;
        let hours = i > from && p.is(i, LATE) && p.is(i - 1, OPEN_UNTIL);
        !negation && (!bad(t) || hours)
    });
    clean && !p.cue_in(from, to, false)
}

/// Whether what follows who acts is no unkindness ("told", "closed", "se fue").
fn kind_deed(p: &Post, agent: usize) -> bool {
    !p.any(agent + 1, agent + 4, NO_KINDNESS)
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

/// The reading of a post that tells a need the business met, or amends it made for a fault
/// (`amends.rs`): praise, named by who met it and how ("positive: 'florist kept'"), and no
/// complaint. Any other reading as it was.
pub(super) fn met(r: Reading) -> Reading {
    if !open_to_praise(&r) {
        return r;
    }
    match need_met(&r).or_else(|| amends::amends(&r)) {
        Some(word) => praised(r, word),
        None => r,
    }
}

#[path = "amends.rs"]
mod amends;

#[cfg(test)]
#[path = "need_met_tests.rs"]
mod tests;
