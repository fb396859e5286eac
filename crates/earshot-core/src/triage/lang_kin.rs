//! The words each modelled language writes and its close kin never do, which tell it from them
//! where trigrams cannot ([`super::unlike_kin`]).

/// How many of a post's words are `lang`'s and never its kin `other`'s ([`super::unlike_kin`]).
pub(super) fn kin_words(lang: &str, other: &str, words: &[&str]) -> usize {
    #[rustfmt::skip]
    const SPANISH_NOT_CATALAN: &[&str] = &[
        "fue", "y", "muy", "los", "las", "pero", "yo", "tengo", "estoy", "nadie", "también",
        "cuando", "donde", "hoy", "ahora", "siempre", "hay", "gracias", "mucho", "pues", "quiero",
        "tiene", "tienen", "aunque", "entonces", "alguien", "usted", "vosotros", "eso", "con", "me",
        "ya", "está", "están", "nuevo", "nueva", "hace", "nos", "mesa", "mi", "hija", "hijo", "así",
        "qué", "noche", "mañana", "bueno", "sin", "después", "soy", "otra", "otro", "puedo",
        "buenos", "buenas", "estaba", "esto", "hasta", "él", "ayer", "mismo", "estuvimos", "llevo",
        "lunes", "miércoles", "verdad", "vuestro", "otras",
    ];
    #[rustfmt::skip]
    const GERMAN_NOT_KIN: &[&str] = &[
        "nicht", "ich", "und", "ist", "sehr", "danke", "vielen", "lecker", "schön", "auch",
        "immer", "wieder", "leider", "schlecht", "bitte", "kein", "keine", "mir", "mich", "euch",
        "heute", "noch", "nix", "nich", "voll", "habt", "seid", "geöffnet", "gibt", "warum",
        "kostet", "bestellung", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
        "samstag", "sonntag", "mit", "für", "zu", "aber", "im", "sich", "eine", "auf", "nach", "zum",
        "zur", "muss", "wir", "wird", "bei", "beim", "nur", "doch", "sie", "dann", "über", "mehr",
        "meine", "ihr", "schon", "einfach", "kann", "aus", "dass", "hat", "einen", "meinen", "keinen",
        "gegen", "unter", "guten", "dein", "geht", "oder", "dich", "diese", "dieser", "dieses",
        "haben", "ihre", "jetzt", "mein", "nein", "nichts", "seine", "sind", "soll", "vom",
    ];
    // Catalan writes "és", "per" and "la"; Romanian "per" and "la"; neither "è" nor "non".
    #[rustfmt::skip]
    const ITALIAN_NOT_KIN: &[&str] = &[
        "è", "non", "che", "sono", "ho", "hai", "gli", "della", "nella", "anche", "ancora",
        "grazie", "molto", "questo", "questa", "perché", "più", "già", "però", "siete", "niente",
        "dal", "dalla", "nel", "sul", "di", "alla", "tutti", "tutto", "dei", "io", "c'è", "siamo",
        "essere", "mio", "buongiorno", "così", "oggi", "domani", "degli", "quello", "delle", "loro",
        "sarà", "stato", "fatto", "nn", "può", "avete", "troppo",
    ];
    // Catalan writes "meu", "seu" and "també"; Romanian "eu", "da" and "nu"; neither "não".
    #[rustfmt::skip]
    const PORTUGUESE_NOT_KIN: &[&str] = &[
        "não", "nao", "você", "voce", "vc", "vocês", "vcs", "muito", "também", "tambem", "obrigado",
        "obrigada", "ninguém", "isso", "isto", "agora", "hoje", "tá", "estou", "tenho", "são", "já",
        "né", "pra", "vou", "tem", "mais", "uma", "nem", "minha", "ela", "ele", "mesmo", "ainda",
        "então", "gente", "coisa", "fazer", "ficar", "quer", "demais", "ontem", "amanhã", "kkk",
        "kkkk", "pq", "atendimento", "é", "um", "só", "melhor", "bom", "sem", "bem", "tudo", "hj",
        "pode", "depois", "ter", "novo", "rs", "cadê", "fazem", "oq", "pela", "sim", "tbm",
    ];
    #[rustfmt::skip]
    const FRENCH_NOT_CATALAN: &[&str] = &[
        "vous", "nous", "je", "est", "et", "pas", "avec", "pour", "dans", "très", "merci", "c'est",
        "j'ai", "n'est", "une", "du", "au", "aux", "sont", "ont", "oui", "moi", "ça", "êtes",
        "le", "ne", "il", "ils", "elle", "elles", "sur", "ce", "tout", "tous", "quand", "comme",
        "même", "sans", "leur", "votre", "notre", "ces", "cette", "faire", "peut", "mais", "plus",
        "bien", "rien", "jamais", "toujours", "encore", "aussi", "être", "fait", "quoi", "donc",
        "alors", "trop", "après", "bonjour", "dimanche", "lundi", "mardi", "mercredi", "jeudi",
        "vendredi", "samedi", "demain", "depuis", "moins", "qu'il", "été",
    ];
    let own = match (lang, other) {
        ("es", "ca") => SPANISH_NOT_CATALAN,
        ("fr", "ca") => FRENCH_NOT_CATALAN,
        ("it", _) => ITALIAN_NOT_KIN,
        ("pt", _) => PORTUGUESE_NOT_KIN,
        ("de", _) => GERMAN_NOT_KIN,
        _ => return 0,
    };
    words
        .iter()
        .filter(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            // German's kin write neither "ü" nor "ß" ("Schlüsseldienst"); "ä" and "ö" are
            // Swedish's too.
            own.contains(&w.as_str()) || (lang == "de" && w.contains(['ü', 'ß']))
        })
        .count()
}
