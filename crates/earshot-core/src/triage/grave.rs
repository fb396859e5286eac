//! Grave posts: an illness, an allergic reaction, an injury, a hazard or vermin; a threat to sue
//! or to report the business; discrimination. Whatever the writer's tone or reach, these are
//! the posts a small business answers first: a complaint of food poisoning left an hour is
//! worse than a cold latte left a day. Found by the complaint automaton (patterns from
//! [`super::cues::Cues::grave_from`] on), folded as `matcher::fold` folds a post. Earshot's own
//! lists.
//!
//! The phrases are written so that one language's cue is not another's everyday word: Spanish
//! "barata" is cheap where Portuguese "barata" is a cockroach, Spanish "ratos" are moments,
//! French "avocat" is also an avocado and "Sue" is a name.

/// What makes a post grave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grave {
    /// Illness after eating, an allergic reaction, an injury, a hazard, vermin.
    Health,
    /// A lawyer, a lawsuit, a report to an authority or to the police, a chargeback.
    Legal,
    /// Racism, sexism, homophobia, being refused service.
    Discrimination,
}

impl Grave {
    /// The kind of the complaint automaton's pattern `i`, counted from the first grave one.
    pub(super) fn of(i: usize) -> Option<Grave> {
        let (h, l) = (HEALTH.len(), LEGAL.len());
        match i {
            _ if i < h => Some(Grave::Health),
            _ if i < h + l => Some(Grave::Legal),
            _ if i < h + l + DISCRIMINATION.len() => Some(Grave::Discrimination),
            _ => None,
        }
    }

    /// How a reason names it, before the post's own words.
    pub fn label(self) -> &'static str {
        match self {
            Grave::Health => "health or safety",
            Grave::Legal => "legal threat or report",
            Grave::Discrimination => "discrimination",
        }
    }
}

/// Every grave cue, in the order [`Grave::of`] counts them.
pub(super) fn all() -> impl Iterator<Item = &'static str> {
    HEALTH.iter().chain(LEGAL).chain(DISCRIMINATION).copied()
}

#[rustfmt::skip]
const HEALTH: &[&str] = &[
    // English.
    "food poisoning", "got sick", "gotten sick", "got ill", "fell ill", "sick all night",
    "sick after eating", "ill after eating", "was sick after", "were sick after", "were all sick",
    "threw up", "throwing up", "vomiting", "diarrhea", "diarrhoea", "allergic reaction",
    "anaphylactic", "anaphylaxis", "my epipen", "his epipen", "her epipen", "ended up in hospital",
    "ended up in the hospital", "ended up in a&e", "ended up in the er", "rushed to hospital",
    "slipped on", "tripped on", "got hurt", "was injured", "were injured", "electric shock",
    "gas leak", "smell of gas", "smelled gas", "carbon monoxide", "fire hazard", "flooded my",
    "flooded our", "a rat", "rats in", "rat in the", "rat droppings", "mouse droppings",
    "mouse in the", "mice in", "mice running", "mice everywhere", "cockroach", "cockroaches",
    "roaches", "mouldy", "moldy", "raw chicken", "chicken was raw", "undercooked chicken",
    "glass in my", "piece of glass", "metal in my", "plastic in my", "piece of plastic",
    "bit of plastic", "piece of metal", "electrocuted",
    "exposed wires", "live wires", "hit my car", "crashed into my", "backed into my car",
    "wires exposed", "cables sueltos", "cables al aire", "fils denudes", "offene kabel",
    "kabel offen", "cavi scoperti", "fios expostos", "fios soltos",
    "slug in", "a slug", "worm in my", "maggots", "bed bugs", "bedbugs", "bed bug", "bedbug",
    // Spanish.
    "intoxicacion alimentaria", "intoxicado", "intoxicada", "intoxicados", "me intoxique",
    "nos intoxicamos", "reaccion alergica", "shock anafilactico", "vomitando", "vomite", "vomito",
    "vomitos", "diarrea", "acabe en urgencias", "acabamos en urgencias", "fui a urgencias",
    "fuimos a urgencias", "termine en urgencias", "acabe en el hospital", "acabamos en el hospital",
    "me resbale", "me cai en", "fuga de gas", "olor a gas", "una rata", "ratas", "un raton",
    "ratones", "cucaracha", "cucarachas", "pollo crudo", "un cristal en", "trozo de cristal",
    "con moho", "una babosa", "un gusano en", "gusanos en", "chinches en", "chinches de cama",
    "con chinches", "trozo de plastico", "trozo de metal",
    // French.
    "intoxication alimentaire", "ete intoxique", "ete intoxiques", "ete intoxiquee",
    "malade toute la nuit", "ete malade", "tombe malade", "tombes malades", "tombee malade",
    "reaction allergique", "choc anaphylactique", "j'ai vomi", "a vomi", "vomissements",
    "fini aux urgences", "finie aux urgences", "termine aux urgences", "nuit aux urgences",
    "fini a l'hopital", "termine a l'hopital", "j'ai glisse", "fuite de gaz", "odeur de gaz",
    "un rat", "des rats", "une souris", "des souris", "un cafard", "des cafards", "cafards",
    "blattes", "poulet cru", "moisi", "moisie", "morceau de verre", "du verre dans", "une limace",
    "un ver dans", "des asticots", "punaises de lit", "punaise de lit", "morceau de plastique",
    "morceau de metal",
    // German.
    "lebensmittelvergiftung", "magen-darm", "erbrochen", "mich ubergeben", "uns ubergeben",
    "allergische reaktion", "allergischen schock", "anaphylaktisch", "notaufnahme",
    "ins krankenhaus", "im krankenhaus gelandet", "ausgerutscht", "mich verletzt",
    "verletzt worden", "wurde verletzt", "wurden verletzt", "gasleck", "gasgeruch", "eine ratte",
    "ratten", "eine maus", "mause", "kakerlake", "kakerlaken", "rohes hahnchen", "schimmel",
    "schimmelig", "glassplitter", "eine nacktschnecke", "ein wurm im", "maden im", "bettwanzen", "bettwanze",
    "mir wurde schlecht", "uns wurde schlecht", "krank geworden", "stuck plastik",
    "stuckchen plastik", "plastikstuck", "plastik in den", "plastik im essen", "stuck metall",
    // Italian.
    "intossicazione alimentare", "intossicato", "intossicata", "intossicati", "sono stato male",
    "sono stata male", "siamo stati male", "mi sono sentito male", "mi sono sentita male",
    "reazione allergica", "shock anafilattico", "vomitato", "pronto soccorso", "finito in ospedale",
    "finita in ospedale", "finiti in ospedale", "portato in ospedale", "scivolato", "scivolata",
    "fuga di gas", "odore di gas", "un topo", "topi", "ratto", "ratti", "scarafaggio", "scarafaggi",
    "blatte", "muffa", "ammuffito", "ammuffita", "pezzo di vetro", "vetro nel", "una lumaca",
    "un verme nel", "vermi nel", "cimici dei letti", "cimici del letto", "cimici nel letto",
    "pezzo di plastica", "pezzo di metallo",
    // Portuguese.
    "intoxicacao alimentar", "passei mal", "passamos mal", "passou mal", "reacao alergica",
    "choque anafilatico", "vomitei", "vomitamos", "diarreia", "pronto-socorro", "pronto socorro",
    "parar no hospital", "acabei no hospital", "escorreguei", "vazamento de gas", "cheiro de gas",
    "um rato", "uns ratos", "ratos na", "uma barata", "umas baratas", "barata na", "baratas na",
    "baratas no", "cheio de baratas", "frango cru", "mofado", "mofada", "com mofo", "caco de vidro",
    "vidro na comida", "uma lesma", "um verme", "uma minhoca", "larvas na", "larvas no", "percevejos",
    "percevejo na", "percevejo no", "pedaco de plastico", "pedaco de metal",
];

#[rustfmt::skip]
const LEGAL: &[&str] = &[
    // English.
    "my lawyer", "our lawyer", "a lawyer", "lawyers involved", "lawyer up", "my solicitor",
    "our solicitor", "a solicitor", "my attorney", "our attorney", "an attorney", "sue you",
    "suing", "sue them", "going to sue", "will sue", "legal action", "see you in court",
    "take you to court", "taking you to court", "small claims", "report you to", "reporting you to",
    "reported you to", "reporting this to", "trading standards", "to the health department",
    "call the health department", "calling the health department", "environmental health",
    "better business bureau", "the bbb", "chargeback", "charge back", "dispute the charge",
    "disputing the charge", "call the police", "calling the police", "called the police",
    "ombudsman", "consumer protection",
    // Spanish.
    "mi abogado", "un abogado", "nuestro abogado", "mis abogados", "mi abogada",
    "poner una demanda", "voy a demandar", "os voy a demandar", "demandaros", "demandarles",
    "poner una denuncia", "puse una denuncia", "os denuncio", "les denuncio", "voy a denunciar",
    "denunciaros", "hoja de reclamaciones", "hoja de reclamacion", "libro de reclamaciones",
    "a los tribunales", "a sanidad", "a la policia", "contracargo",
    // French.
    "mon avocat", "notre avocat", "contacter un avocat", "prendre un avocat", "porter plainte",
    "deposer plainte", "depose plainte", "porte plainte", "au tribunal", "aux prud'hommes",
    "mise en demeure", "dgccrf", "repression des fraudes", "services d'hygiene",
    "service d'hygiene", "appeler la police", "appele la police", "faire opposition",
    // German.
    "mein anwalt", "meinen anwalt", "einen anwalt", "unser anwalt", "unseren anwalt",
    "anwalt einschalten", "anwaltlich", "rechtsanwalt", "anzeige erstatten", "anzeige erstattet",
    "strafanzeige", "zeige euch an", "zeige sie an", "verklagen", "verklage", "vor gericht",
    "gesundheitsamt", "ordnungsamt", "verbraucherzentrale", "lebensmittelkontrolle",
    "polizei gerufen", "polizei rufen", "ruckbuchung",
    // Italian.
    "mio avvocato", "un avvocato", "l'avvocato", "miei avvocati", "vi denuncio", "denunciarvi",
    "sporgere denuncia", "sporto denuncia", "fare denuncia", "querela", "querelare", "in tribunale",
    "vi faccio causa", "fare causa", "l'asl", "chiamato i carabinieri", "chiamato la polizia",
    "codacons", "altroconsumo",
    // Portuguese.
    "meu advogado", "um advogado", "minha advogada", "nosso advogado", "vou processar",
    "processar voces", "processar vcs", "processar a empresa", "entrar na justica", "procon",
    "reclame aqui", "reclameaqui", "vigilancia sanitaria", "vou denunciar", "fazer uma denuncia",
    "boletim de ocorrencia", "chamar a policia", "chamei a policia", "pequenas causas",
];

#[rustfmt::skip]
const DISCRIMINATION: &[&str] = &[
    // Said of someone, not the subject of a debate: "racist", not "racism" (the languages'
    // training tweets discuss "racismo" and "preconceito" on television).
    // English.
    "racist", "racial slur", "sexist", "homophobic", "transphobic", "discriminated",
    "refused to serve", "refused service", "wouldn't serve us", "would not serve us",
    "refused entry",
    // Spanish.
    "racista", "racistas", "discriminado", "discriminada", "discriminados", "homofobo", "homofoba",
    "machista", "no nos quisieron atender", "se negaron a atender", "no nos dejaron entrar",
    // French.
    "raciste", "racistes", "discrimine", "discriminee", "homophobe", "sexiste",
    "refuse de nous servir", "refuse l'entree",
    // German.
    "rassistisch", "rassistische", "rassist", "rassisten", "diskriminiert", "homophob",
    "sexistisch",
    // Italian.
    "razzista", "razzisti", "discriminato", "discriminata", "omofobo", "omofoba", "sessista",
    "rifiutato di servirci",
    // Portuguese ("racista", "discriminado", "machista" are the Spanish words too).
    "homofobico", "homofobica", "recusaram atendimento", "se recusaram a atender",
];

/// Whether a grave cue is no grievance with the business: a lawyer who is the writer's friend
/// ([`a_friend`]), or harm to someone the post wishes well, in a post with a sympathy cue
/// (`wished`) and no second person in it ("Sending strength to the lady from the flower stall,
/// she slipped on the ice and broke her hip"; not "Get well soon, Mum, who slipped on your wet
/// floor").
pub(super) fn not_theirs(grave: Grave, folded: &str, cue: &str, wished: bool) -> bool {
    const YOURS: &[&str] = &[
        "you", "your", "yours", "vuestro", "vuestra", "vosotros", "os", "votre", "vos", "vous",
        "euer", "eure", "euren", "eurem", "ihr", "vostro", "vostra", "voi", "vosso", "vossa",
        "voces",
    ];
    match grave {
        Grave::Legal => a_friend(folded, cue),
        Grave::Health => {
            wished
                && !folded
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| YOURS.contains(&w))
        }
        Grave::Discrimination => false,
    }
}

/// Whether the lawyer a grave cue names is the writer's friend, not a threat: the cue followed by
/// "friend" ("My lawyer friend recommended you"; Spanish "mi amigo abogado" is no cue at all),
/// in the folded post.
fn a_friend(folded: &str, cue: &str) -> bool {
    const FRIEND: &[&str] = &[
        "friend", "friends", "amigo", "amiga", "ami", "amie", "freund", "freundin", "amico",
        "amica",
    ];
    let cue = crate::matcher::fold(cue);
    folded.match_indices(cue.as_str()).any(|(at, _)| {
        let after = folded[at + cue.len()..].trim_start();
        let word = after
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        FRIEND.contains(&word)
    })
}

/// Whether a grave cue stands right after a word that denies it ("no food poisoning
/// thankfully", "sin intoxicación", "keine Lebensmittelvergiftung"); Portuguese "no" is "in the"
/// ("no Reclame Aqui"); or after a delivery, which says where it goes ("Liefert ihr ins
/// Krankenhaus?"). Read only for a post with a grave cue: a handful of posts a day.
pub(super) fn denied(folded: &str, cue: &str, lang: Option<&str>) -> bool {
    const DENIALS: &[&str] = &[
        "no", "not", "never", "without", "zero", "sin", "ni", "nunca", "pas de", "sans", "aucune",
        "kein", "keine", "keinen", "ohne", "nessuna", "nessun", "senza", "sem", "nenhuma",
        "nenhum",
    ];
    // Where a delivery goes is no harm done: "Liefert ihr auch ins Krankenhaus?".
    const DELIVERY: &[&str] = &[
        "deliver",
        "delivers",
        "livrez",
        "livrer",
        "liefert",
        "liefern",
        "consegnate",
        "entregais",
    ];
    let cue = crate::matcher::fold(cue);
    // A pest gone since the business came: "not a single sign of them since".
    if cue.split(' ').any(pest_gone::pest) && pest_gone::told(folded) {
        return true;
    }
    folded.match_indices(cue.as_str()).any(|(at, _)| {
        let before = folded[..at].trim_end();
        let delivered = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(3)
            .any(|w| DELIVERY.contains(&w));
        delivered
            || DENIALS
                .iter()
                .filter(|d| !(**d == "no" && lang == Some("pt")))
                .any(|d| {
                    before.strip_suffix(d).is_some_and(|rest| {
                        rest.chars()
                            .next_back()
                            .is_none_or(|c| !c.is_alphanumeric())
                    })
                })
    })
}

#[path = "pest_gone.rs"]
pub(super) mod pest_gone;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cue_is_folded_and_said_once() {
        let cues: Vec<&str> = all().collect();
        for (i, c) in cues.iter().enumerate() {
            assert_eq!(*c, crate::matcher::fold(c), "not folded: {c}");
            assert!(!cues[..i].contains(c), "twice: {c}");
            assert!(
                !super::super::complaint_cues::all().any(|p| p == *c),
                "also a plain complaint cue: {c}"
            );
        }
        assert_eq!(Grave::of(0), Some(Grave::Health));
        assert_eq!(Grave::of(HEALTH.len()), Some(Grave::Legal));
        assert_eq!(Grave::of(cues.len() - 1), Some(Grave::Discrimination));
        assert_eq!(Grave::of(cues.len()), None);
    }
}
