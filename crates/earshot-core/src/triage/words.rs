//! Earshot's own word lists for the languages triage reads: the insults that make a post
//! abusive, negations, boosters and dampeners, stop words, false friends and elisions (the
//! sentiment words are in [`super::lexicons`]). Written for Earshot; tokens as the tokenizer gives
//! them (lowercase, accents kept, apostrophes dropped).

/// Insults and slurs, in the same languages and in English: a post aimed at someone with one of
/// these is abusive whatever the learned model says.
pub const INSULTS: &[&str] = &[
    "idiot",
    "idiots",
    "moron",
    "morons",
    "asshole",
    "assholes",
    "bastard",
    "bastards",
    "fuck",
    "fucking",
    "shit",
    "bitch",
    "cunt",
    "dickhead",
    "scum",
    "fucked",
    "fuckin",
    "bullshit",
    "shitty",
    "wanker",
    "twat",
    "dumbass",
    "jackass",
    "idiota",
    "idiotas",
    "imbécil",
    "imbéciles",
    "gilipollas",
    "cabrón",
    "cabrones",
    "mierda",
    "puta",
    "putos",
    "estúpido",
    "estúpidos",
    "connard",
    "connards",
    "connasse",
    "salope",
    "salaud",
    "salauds",
    "merde",
    "enculé",
    "enculés",
    "abruti",
    "abrutis",
    "arschloch",
    "arschlöcher",
    "scheiße",
    "scheisse",
    "idioten",
    "wichser",
    "hurensohn",
    "stronzo",
    "stronzi",
    "stronza",
    "cazzo",
    "coglione",
    "coglioni",
    "merda",
    "vaffanculo",
    "porra",
    "caralho",
    "otário",
    "otários",
    "babaca",
    "babacas",
    "filho da puta",
];

/// Words of a harsh review, not of abuse: the offensive tweets taught the abuse model that
/// "disgusting" is abusive, but "the soup was disgusting" is a complaint to answer, not a post to
/// hide. The learned model alone does not flag a post whose strongest word is one of these,
/// unless the post names a person ([`PERSONS`]: "she is a disgusting hypocrite").
pub(super) const HARSH_NOT_ABUSIVE: &[&str] = &[
    "disgusting",
    "disgusted",
    "filthy",
    "gross",
    "nasty",
    "horrible",
    "terrible",
    "awful",
    "pathetic",
    "useless",
    "ridiculous",
    "revolting",
    "vile",
    "inedible",
    "dirty",
    "appalling",
    "atrocious",
    "unacceptable",
    "worst",
    "rude",
    "incompetent",
    "shameful",
    "disgrace",
    "disgraceful",
    "joke",
    "scam",
    "rip",
    "ripoff",
    "overpriced",
    "bad",
    "sick",
];

/// Words that aim a post at people rather than at a thing.
pub(super) const PERSONS: &[&str] = &[
    "you",
    "youre",
    "u",
    "ur",
    "she",
    "shes",
    "he",
    "hes",
    "her",
    "him",
    "they",
    "theyre",
    "them",
    "people",
    "person",
    "human",
    "humans",
    "guy",
    "guys",
    "woman",
    "women",
    "man",
    "men",
    "hypocrite",
    "hypocrites",
    "liberals",
    "conservatives",
    "republicans",
    "democrats",
];

// The English lists are VADER's (MIT, `data/VADER-LICENSE.txt`); the other languages' are Earshot's.

#[rustfmt::skip]
pub(super) const NEGATIONS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "cannot",
    "without", "aint", "isnt", "wasnt", "arent", "werent", "dont", "doesnt", "didnt", "cant",
    "couldnt", "wont", "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "nt", "no", "nunca",
    "jamás", "jamas", "nada", "nadie", "ningún", "ningun", "ninguna", "ni", "sin", "non", "mai",
    "niente", "nulla", "nessuno", "nessuna", "senza", "não", "nao", "nenhum", "nenhuma", "sem",
    "jamais", "ne … pas", "pas", "ne", "non", "jamais", "ne", "pas", "rien", "aucun", "aucune",
    "sans", "nest", "nai", "nont", "netait", "navait", "nicht", "kein", "keine", "keinen",
    "keinem", "keiner", "nie", "niemals", "nichts", "ohne", "niemand", "ninguém", "ninguem",
    // Text-speak: Italian "nn" (non), "ñ" and Portuguese "n" (não, only in Portuguese: see
    // `text::negates_in`), German "nix" (nichts).
    "nn", "ñ", "n", "nix",
];

/// "Never" in each language, and the words after which it boosts instead of negating ("never so
/// rude", "noch nie so enttäuscht", "jamais aussi déçu", "mai così deluso").
pub(super) const NEVER: &[&str] = &[
    "never", "nunca", "jamás", "jamas", "jamais", "nie", "niemals", "mai",
];
pub(super) const SO: &[&str] = &[
    "so", "this", "tan", "tão", "tao", "si", "aussi", "così", "cosi",
];

#[rustfmt::skip]
pub(super) const BOOSTERS_UP: &[&str] = &[
    "muy", "demasiado", "muchísimo", "realmente", "totalmente", "súper", "très", "trop",
    "vraiment", "tellement", "complètement", "sehr", "echt", "wirklich", "extrem", "total",
    "völlig", "molto", "troppo", "davvero", "veramente", "proprio", "assolutamente", "muito",
    "demais", "extremamente", "absolutely", "amazingly", "awfully", "completely", "considerably",
    "decidedly", "deeply", "enormously", "entirely", "especially", "exceptionally", "extremely",
    "fabulously", "flipping", "fully", "greatly", "hella", "highly", "hugely", "incredibly",
    "intensely", "majorly", "more", "most", "particularly", "purely", "quite", "really",
    "remarkably", "so", "substantially", "thoroughly", "totally", "tremendously", "uber",
    "unbelievably", "unusually", "utterly", "very",
    // Colloquial German: "voll lecker", "mega schlecht".
    "voll", "mega",
];

#[rustfmt::skip]
pub(super) const BOOSTERS_DOWN: &[&str] = &[
    "poco", "peu", "assez", "etwas", "kaum", "pouco", "quasi", "casi", "almost", "barely",
    "hardly", "kinda", "less", "little", "marginally", "occasionally", "partly", "scarcely",
    "slightly", "somewhat", "sorta",
];

/// Function words and counting words of the languages triage reads: never a reason on their own
/// ("is a", "three", "and still" say nothing about why a post ranks).
#[rustfmt::skip]
pub(super) const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "so", "if", "of", "to", "in", "on", "at", "for", "by",
    "with", "from", "as", "is", "are", "was", "were", "be", "been", "am", "it", "its", "this",
    "that", "these", "those", "i", "me", "my", "we", "our", "you", "your", "he", "she", "they",
    "them", "their", "his", "her", "im", "ive", "id", "do", "does", "did", "have", "has", "had",
    "will", "would", "can", "could", "just", "still", "also", "again", "then", "than", "there",
    "here", "what", "which", "who", "when", "where", "how", "why", "all", "any", "some", "about",
    "up", "out", "into", "over", "after", "before", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "first", "second", "day", "days", "time", "times", "week",
    "weeks", "hour", "hours", "minutes", "today", "yesterday", "now", "get", "got", "go", "going",
    "tomorrow", "tonight", "off", "come", "coming", "came", "make", "made", "take", "took",
    "thing", "things", "way", "back", "next", "last", "people", "ppl", "someone", "something",
    "till", "until",
    // Counting and the clock: "complaint: 'every'", "negative: 'past', 'half'" on the thirteenth
    // day ("recovered every single file", "half an hour past closing").
    "every", "each", "half", "past",
    "tan", "tão", "così", "cosi", "bunch", "lot", "lots", "couple", "many", "much", "several",
    // Short forms and pronouns, verbs of being and having, in the five other languages.
    "q", "xq", "pq", "porque", "pero", "como", "más", "mas", "ya", "yo", "tu", "te", "nos",
    "sus", "mis", "tus", "sobre", "todo", "todos", "cuando", "donde", "estoy", "está", "están",
    "estar", "ser", "soy", "eres", "tengo", "tiene", "hace", "vc", "vcs", "ta", "tá", "estou",
    "estão", "mais", "pra", "pro", "ele", "ela", "eles", "você", "voce", "quando", "onde", "sou",
    "tenho", "tem", "vou", "vai", "na", "nas", "dos", "das", "ao", "seu", "sua", "pour", "avec",
    "sur", "dans", "plus", "cest", "ça", "ca", "suis", "sont", "ont", "être", "fait", "tout",
    "tous", "toute", "leur", "leurs", "sa", "son", "ses", "notre", "votre", "aus", "auch", "sein",
    "sich", "als", "wie", "nen", "ne", "hab", "habe", "haben", "bin", "sind", "wird", "mir",
    "mich", "dir", "dich", "uns", "euch", "ihr", "ihre", "seine", "mein", "meine", "dein",
    "deine", "noch", "schon", "dann", "doch", "nur", "siamo", "sei", "hai", "ma", "anche",
    "tutto", "tutti", "ci", "ti", "mi", "più", "piu", "nel", "nella", "della", "delle",
    "dei", "degli", "alla", "sul", "dal", "io", "lui", "lei", "noi", "voi", "loro", "mio", "mia",
    "tuo", "tua", "suo", "hoy", "hoje", "aujourdhui", "heute", "oggi",
    "el", "la", "los", "las", "un", "una", "y", "o", "de", "del", "en", "que", "es", "por",
    "para", "con", "mi", "me", "se", "lo", "le", "su", "al", "le", "les", "des", "du", "et",
    "est", "je", "il", "elle", "nous", "vous", "mon", "ma", "mes", "au", "aux", "der", "die",
    "das", "und", "ist", "ich", "mit", "den", "dem", "ein", "eine", "zu", "von", "auf", "für", "il",
    "lo", "gli", "di", "da", "che", "per", "con", "e", "è", "um", "uma", "os", "as", "do", "da",
    "em", "com", "eu", "meu", "minha", "ce", "cet", "cette", "ces", "qui", "on", "si", "y",
    "este", "esta", "estos", "esto", "eso", "ese", "muy", "hay", "son", "fue", "sie", "er", "wir",
    "es", "nach", "bei", "questo", "questa", "sono", "ho", "ha", "foi", "isso", "esse", "_num",
    "10", "po",
    "_url", "_at",
    // Verbs of being in the past, and the plural "you are".
    "era", "eran", "eras", "war", "waren", "était", "etait", "siete", "sois", "seid", "êtes",
    "etes", "são", "sao", "é", "estaba", "estaban", "estuvo", "estuve", "estado", "sido",
    "estava", "estavam", "esteve", "fiquei", "ficou", "ficamos", "stato", "stata", "stati",
    "été", "gewesen",
    // Yesterday and tomorrow ("today" is above).
    "ayer", "mañana", "hier", "demain", "gestern", "morgen", "ieri", "domani", "ontem", "amanhã",
    // Having, in the plural and polite forms a customer asks with ("avez-vous…?").
    "avez", "avons", "avoir", "tenéis", "teneis", "tenemos", "habt", "avete", "abbiamo", "têm",
    "temos",
    // Having and our, in the other persons; until, under, between: reasons on the twelfth day
    // named them ("positive: 'hat'", "complaint: 'hanno'", "'nostro'", "complaint: 'hasta'").
    "hat", "hatte", "hatten", "hast", "dass", "allein", "wurde", "wurden", "unser", "unsere",
    "unseren", "unserem", "unserer", "bis", "hanno", "nostro", "nostra", "nostri", "nostre",
    "vostro", "vostra", "fino", "sotto", "nuestro", "nuestra", "nuestros", "nuestras", "vuestro",
    "vuestra", "hasta", "desde", "hacia", "nosso", "nossa", "nossos", "nossas", "vosso", "vossa",
    "até", "jusqu", "jusque", "sous", "vers", "chez", "vos", "under",
    // Why and still: a question's words, never its reason ("negative: 'warum'", "'ainda'").
    "qué", "pourquoi", "quoi", "warum", "wieso", "perché", "perche", "ainda", "todavía",
    "todavia", "encore", "ancora",
    // Where a post turns (see [`CONTRASTS`]).
    "however", "aber", "jedoch", "allerdings", "però", "tuttavia", "porém", "porem", "contudo",
    "entretanto", "cependant", "toutefois", "embargo", "contre", "revanche", "à",
    // Counting words, and the units of a wait ("una hora", "deux semaines", "40 minuti").
    "dos", "tres", "cuatro", "cinco", "deux", "trois", "quatre", "cinq", "zwei", "drei", "vier",
    "fünf", "due", "quattro", "cinque", "dois", "duas", "três", "quatro", "hora", "horas",
    "minutos", "semana", "semanas", "días", "dias", "heure", "heures", "semaine", "semaines",
    "jours", "stunde", "stunden", "minuten", "woche", "wochen", "tage", "tagen", "ora", "ore",
    "minuti", "settimana", "settimane", "giorni",
    // Text-speak and short units: "2 hrs late", "u guys", "jsp" (je sais pas), "geht" (goes).
    "hrs", "hr", "mins", "min", "secs", "u", "ur", "pls", "plz", "jsp", "geht",
    // "Sois unos…", "Vocês são uns…", "Ihr seid alle…": the words around an insult.
    "unos", "unas", "umas", "vocês", "voces", "alle",
    // Everything: a counting word ("Nichts zu meckern, alles top" was "complaint: 'alles'").
    "alles", "tudo",
    // The days of the week: when, never why ("Impossible d'avoir quelqu'un au téléphone depuis
    // lundi" read "positive: 'lundi'").
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lunes",
    "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "montag",
    "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lunedì", "lunedi",
    "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi", "venerdì", "venerdi",
    "domenica", "segunda", "terça", "terca", "quarta", "quinta", "sexta",
];

/// The words where a post turns ("good food, but…"), in each language; two or three words are
/// one turn when they stand together ("sin embargo", "par contre"), and so is a time gone by
/// that tells how things stand now ("impressive. Six months later they're still just
/// decoration", where "still" follows: `text::turns`). French "mais" is Portuguese "more" and
/// Portuguese "mas" unaccented Spanish "más", so each turns only in its own language; a post
/// whose language cannot be told turns at the words that mean nothing else.
#[rustfmt::skip]
pub(super) const CONTRASTS: &[(Option<&str>, &[&str])] = &[
    (Some("en"), &[
        "but", "however", "days later", "weeks later", "months later", "week later",
        "month later", "year later",
    ]),
    (Some("es"), &[
        "pero", "sin embargo", "lástima que", "lastima que", "días después", "dias despues",
        "semanas después", "semanas despues", "meses después", "meses despues", "año después",
        "ano despues",
    ]),
    (Some("fr"), &[
        "mais", "cependant", "toutefois", "par contre", "en revanche", "dommage que",
        "jours plus tard", "semaines plus tard", "mois plus tard", "an plus tard",
    ]),
    (Some("de"), &[
        "aber", "jedoch", "allerdings", "tage später", "wochen später", "monate später",
        "jahr später", "tage spater", "wochen spater", "monate spater",
    ]),
    (Some("it"), &[
        "ma", "però", "tuttavia", "peccato che", "giorni dopo", "settimane dopo", "mesi dopo",
        "anno dopo",
    ]),
    (Some("pt"), &[
        "mas", "porém", "porem", "contudo", "entretanto", "no entanto", "pena que", "dias depois",
        "semanas depois", "meses depois", "ano depois",
    ]),
    (None, &["but", "however", "pero", "aber", "però"]),
];

/// The last words of a time gone by among the turns ("months later", "mois plus tard").
pub(super) const LATER: &[&str] = &[
    "later", "después", "despues", "tard", "später", "spater", "dopo", "depois",
];

/// "Still", after a time gone by: what has not changed since.
#[rustfmt::skip]
pub(super) const STILL: &[&str] = &[
    "still", "sigue", "siguen", "seguía", "todavía", "todavia", "aún", "aun", "toujours",
    "encore", "immer", "noch", "ancora", "ainda", "continua", "continuam", "continúa", "continuan",
    "continúan",
];

/// Words of VADER's English lexicon that are common words of another language, where they
/// mean something else: German "die" (the) and "war" (was), Spanish "sin" (without), French
/// "pain" (bread), "tard" (late), "pu" (could: "on a pu réfléchir") and "impose" ("un croissant
/// s'impose": is a must), Italian "mia" (my) and "fine" (end), and "no", which in Spanish,
/// Italian and Portuguese is the plain "not" (or "in the") that English "not" is, with no valence
/// of its own. Found by counting the lexicon's words in each language's training tweets (German
/// "die" stood in a tenth of them at −2.9); German "Lied" (a song) from a blind set.
pub(super) const FALSE_FRIENDS: &[(&str, &[&str])] = &[
    ("es", &["ha", "sin", "hago", "mia", "propio"]),
    (
        "fr",
        &[
            "tout", "dire", "tard", "grand", "pain", "champs", "l", "impose", "fond", "pu", "juste",
        ],
    ),
    (
        "de",
        &[
            "die", "war", "kind", "kinder", "hell", "fallen", "gift", "mal", "lag", "lied",
        ],
    ),
    ("it", &["ha", "mia", "fine", "dire", "po"]),
    ("pt", &["no"]),
];

/// Fear, before what the writer fears ([`FEARED`]): "terrified of needles", "peur bleue des
/// aiguilles" is the writer's own, no complaint about the business.
#[rustfmt::skip]
pub(super) const FEAR: &[&str] = &[
    "terrified", "scared", "afraid", "frightened", "phobia", "fear", "pánico", "panico", "miedo",
    "terror", "peur", "angst", "panik", "terrore", "paura", "pavor", "medo",
];

/// The writer's relief, which no negation before it reaches ("no food poisoning, thankfully",
/// "keine Kratzer, glücklicherweise").
#[rustfmt::skip]
pub(super) const RELIEF: &[&str] = &[
    "thankfully", "luckily", "fortunately", "afortunadamente", "heureusement",
    "glücklicherweise", "gottseidank", "fortunatamente", "felizmente",
];

/// Fearful, of a child ("my nervous little boy", "meinem ängstlichen Sohn", "mi hijo, muy
/// miedoso").
#[rustfmt::skip]
pub(super) const FEARFUL: &[&str] = &[
    "nervous", "anxious", "shy", "timid", "miedoso", "miedosa", "asustadizo", "asustadiza",
    "peureux", "peureuse", "craintif", "craintive", "ängstlich", "ängstliche", "ängstlichen",
    "ängstlicher", "schüchtern", "schüchternen", "pauroso", "paurosa", "timoroso", "timorosa",
    "medroso", "medrosa", "assustado", "assustada",
];

/// A child of the writer's, in the six languages.
#[rustfmt::skip]
pub(super) const CHILD: &[&str] = &[
    "son", "daughter", "boy", "girl", "kid", "kids", "child", "children", "toddler", "hijo",
    "hija", "hijos", "niño", "niña", "niños", "peque", "fils", "fille", "enfant", "enfants",
    "petit", "petite", "sohn", "tochter", "kind", "kinder", "kleiner", "kleine", "figlio",
    "figlia", "figli", "bambino", "bambina", "bimbo", "bimba", "filho", "filha", "filhos",
    "criança", "menino", "menina", "miúdo", "miúda",
];

/// "Who" after a person, in the six languages ("my son, who was afraid").
pub(super) const WHO: &[&str] = &["who", "que", "qui", "der", "die", "che", "quien"];

/// What a writer fears at the dentist's or the doctor's.
#[rustfmt::skip]
pub(super) const FEARED: &[&str] = &[
    "needles", "needle", "injections", "dentist", "dentists", "drill", "agujas", "aguja",
    "inyecciones", "dentista", "dentistas", "aiguilles", "piqûres", "piqures", "dentiste",
    "dentistes", "spritzen", "spritze", "nadeln", "zahnarzt", "zahnärzte", "aghi", "iniezioni",
    "agulhas", "injeções", "injecoes",
];

/// Doubt, after a negation that says there is none ("sin duda", "sans aucun doute", "no doubt").
pub(super) const DOUBT: &[&str] = &[
    "doubt", "duda", "dudas", "doute", "zweifel", "dubbio", "dubbi", "dúvida", "duvida", "dúvidas",
];

/// An allergy or intolerance, in the six languages: the words before it describe it ("a severe
/// nut allergy", "schwere Allergie"), they are no complaint about the business.
#[rustfmt::skip]
pub(super) const ALLERGY: &[&str] = &[
    "allergy", "allergies", "allergic", "intolerance", "intolerant", "alergia", "alergias",
    "alérgico", "alérgica", "alérgicos", "allergie", "allergique", "allergisch", "allergia",
    "allergico", "allergica", "intolerancia", "intolerância", "intolleranza", "unverträglichkeit",
];

/// Words that carry no feeling after one of the words beside them: "free" after an ingredient
/// is one left out ("gluten free"), not praise; Spanish and Portuguese "tarde" after an article
/// is the afternoon ("mañana por la tarde", "à tarde"), not late.
#[rustfmt::skip]
pub(super) const PLAIN_AFTER: &[(&str, &[&str])] = &[
    ("free", &[
        "gluten", "dairy", "sugar", "lactose", "nut", "fat", "alcohol", "caffeine", "egg", "soy",
        "meat", "wheat", "grain", "peanut", "milk",
    ]),
    // "Más tarde", "mais tarde": later, not late.
    ("tarde", &[
        "la", "esta", "una", "cada", "toda", "à", "a", "de", "boa", "essa", "nesta", "más", "mais",
    ]),
    // German "gefällt" after a tree is felled, not liked ("den falschen Baum gefällt").
    ("gefällt", &["baum", "bäume", "bäumen", "hecke", "tanne", "eiche", "birke"]),
    // "A partir de segunda": from Monday, not "to break".
    ("partir", &["a"]),
    // The dry cleaner's, the window cleaner: a trade, not "cleaner than before".
    ("cleaner", &["dry", "window", "carpet", "office", "the", "a", "our", "my"]),
    // "Almonds on top": where, not how good ("on top of that, the waiter was rude").
    ("top", &["on"]),
    // "Nuestra perra", "notre vieille chienne", "a minha cadela": the writer's dog, not an insult.
    ("perra", &["mi", "tu", "su", "nuestra", "vuestra", "mis", "sus", "nuestras"]),
    ("chienne", &["ma", "ta", "sa", "notre", "votre", "vieille", "petite"]),
    ("chatte", &["ma", "ta", "sa", "notre", "votre", "vieille", "petite"]),
    ("cadela", &["minha", "tua", "sua", "nossa", "vossa"]),
    ("hündin", &["unsere", "meine", "eure", "deine", "ihre", "seine", "alte", "kleine"]),
    ("cagna", &["mia", "nostra", "vostra", "tua", "vecchia"]),
    // "Wedelt mit dem Schwanz": a dog's tail.
    ("schwanz", &["dem"]),
    // "Pour louer un kayak": to rent, not to praise. "Giubbotti di salvataggio": life jackets.
    ("louer", &["pour", "à", "de"]),
    ("salvataggio", &["di"]),
    // "O lixo será recolhido", "a recolha do lixo": the rubbish collected, not "é um lixo".
    ("lixo", &["o", "do", "ao", "no", "recolha"]),
    // "Mi difunto marido", "mon défunt mari", "meines verstorbenen Mannes": the writer's dead,
    // named, not a grievance.
    ("difunto", &["mi", "su", "nuestro", "tu"]),
    ("difunta", &["mi", "su", "nuestra", "tu"]),
    ("fallecido", &["mi", "su", "nuestro"]),
    ("fallecida", &["mi", "su", "nuestra"]),
    ("défunt", &["mon", "son", "notre", "feu"]),
    ("défunte", &["ma", "sa", "notre"]),
    ("verstorbenen", &["meines", "meinen", "meinem", "meiner", "unseres", "unseren"]),
    ("verstorbene", &["meine", "unsere"]),
    ("verstorbener", &["mein", "unser"]),
    ("defunto", &["mio", "nostro", "suo"]),
    ("defunta", &["mia", "nostra", "sua"]),
    ("falecido", &["meu", "nosso", "seu"]),
    ("falecida", &["minha", "nossa", "sua"]),
];

/// Until, as tokens are folded: "hasta que", "jusqu'à ce que" (whose elided "jusqu" the
/// tokenizer keeps as a word), "bis", "fino a", "finché", "até". Not Portuguese "ate" without
/// its accent, an English word.
#[rustfmt::skip]
pub(super) const UNTIL: &[&str] = &[
    "until", "till", "til", "hasta", "jusqu", "bis", "fino", "finché", "finche", "até",
];

/// What French and Italian elide into the next word ("l'accueil", "qu'il", "un'ora", "dell'ordine").
#[rustfmt::skip]
pub(super) const ELIDED_FR: &[&str] = &[
    "l", "d", "j", "m", "t", "s", "c", "n", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];
#[rustfmt::skip]
pub(super) const ELIDED_IT: &[&str] = &[
    "l", "un", "dell", "all", "dall", "nell", "sull", "coll", "quell", "quest", "c", "d", "m", "t",
    "s", "v", "n", "tutt",
];

/// The words of a repair done, folded: "fixed", "arreglaron", "réparé", "repariert". A bad word
/// right after one is what was mended (`signals::mended`); thanks for one is no sarcasm
/// (`thanks_for.rs`).
#[rustfmt::skip]
pub(super) const MENDING: &[&str] = &[
    "fixed", "fixing", "repaired", "repairing", "replaced", "replacing", "mended", "mending",
    "arreglar", "arreglaron", "arreglado", "arreglada", "arreglo", "reparar", "repararon",
    "reparado", "reparada", "reemplazaron", "reemplazado", "sustituyeron", "repare", "reparee",
    "reparer", "remplace", "remplacee", "remplacer", "repariert", "reparieren", "ersetzt",
    "getauscht", "riparato", "riparata", "riparare", "sostituito", "sostituita", "consertar",
    "consertaram", "consertou", "consertado", "consertada", "trocaram", "trocou", "substituiu",
    // What took a fault away: "removed the stain", "me quitó la mancha", "a enlevé la tache".
    "removed", "quito", "quitaron", "enleve", "enlevee", "enleves", "tolto", "tolta", "tolti",
    "tirou", "tiraram",
];

/// A repair told without a word of [`MENDING`], folded: after its fault ("the leak is sorted",
/// "das Leck ist dicht", `signals::mended`), or done by the business after a post's turn
/// ("…but the shop sorted it in an hour", `turn.rs`).
#[rustfmt::skip]
pub(super) const SETTLED: &[&str] = &[
    "sorted", "resolved", "solved", "resuelto", "resuelta", "resolvio", "resolvieron",
    "solucionado", "solucionada", "soluciono", "solucionaron", "resolu", "resolue", "regle",
    "gelost", "behoben", "dicht", "risolto", "risolta", "sistemato", "sistemata", "resolvido",
    "resolvida", "resolveu", "resolveram", "arranjado", "arranjada",
];

/// Whether a folded word tells a repair ([`MENDING`], [`SETTLED`]).
pub(super) fn repairs(folded: &str) -> bool {
    MENDING.contains(&folded) || SETTLED.contains(&folded)
}

/// Whether a post asks why or how ("¿por qué…?", "pourquoi", "warum", "perché", "como é
/// possível"): a question of that kind is mostly a complaint.
pub(super) fn asks_why(a: &super::text::Analysed) -> bool {
    const WHY: &[&str] = &[
        "pourquoi", "comment", "warum", "wieso", "weshalb", "perché", "perche", "come", "porque",
        "porquê", "porqué", "cómo", "como",
    ];
    a.tokens.iter().enumerate().any(|(i, t)| {
        WHY.contains(&t.norm.as_str())
            || (t.norm == "por"
                && a.tokens
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.norm.as_str(), "qué" | "que")))
    })
}
