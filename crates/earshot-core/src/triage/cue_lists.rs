//! The cue phrases themselves, folded as `matcher::fold` folds a post (lower case, no accents):
//! English first, then Spanish, French, German, Italian and Portuguese. The earlier a cue stands
//! in its list, the stronger it is. Earshot's own lists.

/// Marks of sarcasm: with one of these, praise words are not taken at their word
/// ("great, another cancelled order 🙃").
#[rustfmt::skip]
pub(super) const SARCASM_CUES: &[&str] = &[
    "🙃",
    "🙄",
    "😒",
    "/s",
    "yeah right",
    "thanks for nothing",
    "just great",
    "great, another",
    "love how",
    "love it when",
    "oh great",
    "what a surprise",
    "as usual",
    "genial, otro",
    "merci pour rien",
    "super, encore un",
    "super, encore une",
    "na toll",
    "danke fur nichts",
    "gracias por nada",
    "grazie di niente",
    "grazie per niente",
    "grazie per nulla",
    "obrigado por nada",
    "obrigada por nada",
    "genial, otra",
    "toll, schon wieder",
    "fantastico, un altro",
    "fantastico, un'altra",
    "otimo, mais um",
    "otimo, mais uma",
    // "Only cash again. How convenient."
    "how convenient", "what a coincidence", "que casualidad", "comme par hasard", "wie praktisch",
    "che coincidenza", "que coincidencia",
    // Thanks for what went wrong ("thanks for ignoring all my tweets").
    // More in `thanks_for.rs`, which finds the loss where it ends the clause.
    "thanks for ignoring", "thank you for ignoring", "thanks for sending the wrong",
    "thank you for sending the wrong", "thanks for hanging up", "thank you for hanging up",
    "gracias por ignorar", "gracias por ignorarme", "gracias por hacerme esperar",
    "merci de m'ignorer", "merci de nous ignorer", "danke furs ignorieren",
    "grazie per averci ignorato", "grazie per avermi ignorato", "obrigado por ignorar",
    "valeu por nada",
    // Delight in waiting ("I love waiting at the DMV for 3 hours").
    "love waiting", "love being on hold", "love being put on hold", "love sitting on hold",
    "enjoy waiting", "nothing like waiting", "me encanta esperar", "j'adore attendre",
    "ich liebe es zu warten", "ich liebe es, zu warten", "adoro aspettare", "amo aspettare",
    "adoro esperar", "amo esperar", "adoro ficar esperando",
    // Delight in paying for it ("love paying £4.50 for a lukewarm latte").
    "love paying", "love spending", "me encanta pagar", "me encanta pagarle",
    "me encanta pagarles", "j'adore payer", "che bello pagare",
    "adoro pagare", "adoro pagar", "amo pagar", "ich liebe es zu zahlen", "ich liebe es, zu zahlen",
];

/// Sympathy and news: negative, but not a breach of what the writer expected of the business
/// ("sad news", "thoughts with everyone").
#[rustfmt::skip]
pub(super) const SYMPATHY_CUES: &[&str] = &[
    "sad news", "thoughts with", "thoughts and prayers", "rip", "rest in peace", "condolences",
    "sorry to hear", "sorry for your loss", "passed away", "breaking news", "hope everyone is ok",
    // Pity for the writer's own pet or child ("hated every minute of the ride to the vet, poor
    // thing"): no complaint in the pity's words ("poor", "pauvre").
    "poor thing", "poor little thing", "pobrecito", "pobrecita", "le pauvre", "la pauvre",
    "pauvre bete", "die arme", "der arme", "poverino", "poverina", "poveretto", "poveretta",
    "coitadinho", "coitadinha",
    "stay safe", "nobody hurt", "nobody was hurt", "nobody got hurt", "no one got hurt",
    "no one hurt", "no one was hurt", "nobody injured", "nobody was injured", "no one was injured",
    "no injuries", "triste noticia", "descanse en paz", "mis condolencias", "triste nouvelle",
    "repose en paix", "mes condoleances", "traurige nachricht", "ruhe in frieden", "mein beileid",
    "triste notizia", "riposa in pace", "condoglianze", "noticia triste", "descanse em paz",
    "meus pesames",
    // Sad to hear, thinking of you, stay safe: in each language.
    "sad to hear", "thinking of the", "thinking of you", "thinking of everyone", "que pena lo de",
    "que pena lo del", "que rabia leer que", "desolee d'apprendre", "desole d'apprendre",
    "che rabbia leggere che",
    "pensando en vosotros", "pensando en todos", "cuidaos", "triste d'apprendre",
    "on pense a vous", "nos pensees vont", "prenez soin de vous", "traurig zu horen",
    "wir denken an euch", "bleibt sicher", "bleibt alle sicher", "passt auf euch auf",
    "mi dispiace sapere", "pensiamo a voi", "state al sicuro", "triste saber",
    "pensando em voces", "fiquem seguros", "fiquem em seguranca", "plein de courage",
    "terrible news", "awful news", "horrible news", "devastating news", "heartbreaking news",
    "terribles noticias", "terrible noticia", "terrible nouvelle", "terribles nouvelles",
    "schreckliche nachricht", "schreckliche nachrichten", "terribile notizia",
    "notizia terribile", "noticia terrivel", "noticias terriveis",
    // A loss; courage.
    "your loss", "su perdida", "votre perte", "ihren verlust", "euren verlust", "vostra perdita",
    "sua perdita", "sua perda", "perda do seu", "perda da sua", "lamento muito", "sinto muito pela",
    "sinto muito pelo", "mucho animo", "muito forca", "forca a todos", "viel kraft", "forza al",
    "forza ragazzi", "coraggio ragazzi", "stay strong", "thoughts are with", "sending love",
    "sending strength", "mucha fuerza", "animo a todo el equipo", "todo nuestro apoyo",
    "todo mi apoyo", "courage a toute l'equipe", "courage a vous tous", "tout notre soutien",
    "tout mon soutien", "muita forca", "todo o apoio", "forza a tutti", "tanta forza",
    // Well wishes after bad news.
    "hope you're all ok", "hope you are all ok", "hope everyone's ok",
    "espero que esten todos bien", "espero que esteis bien", "j'espere que tout le monde va bien",
    "hoffe, es geht allen gut", "hoffe es geht allen gut", "spero stiate tutti bene",
    "spero che stiate tutti bene", "espero que estejam todos bem", "courage a l'equipe",
    "courage a tous", "bon courage a", "tut mir so leid fur", "tut mir leid fur euch",
    "che brutta notizia", "brutta notizia", "hope you're back", "hope you are back",
    "hope you reopen", "back open soon", "pensees a", "pensees pour", "alles gute an",
    "alles gute fur", "alles gute euch", "forza alla",
    // Sad to read it; a wish to get well ("gute Besserung", "as melhoras").
    "sad to read", "sorry to read", "get well soon", "speedy recovery", "que pena leer",
    "triste leer", "que se mejore", "que te mejores", "pronta recuperacion", "pronta mejoria",
    "triste de lire", "bon retablissement", "prompt retablissement", "traurig zu lesen",
    "gute besserung", "schnelle genesung", "mi dispiace leggere", "guarisca presto",
    "pronta guarigione", "rimettiti presto", "que pena saber", "triste ler", "as melhoras",
    "rapidas melhoras", "rapida recuperacao",
    // Sad to see how things go in the town ("Sad to see the queue at the food bank getting
    // longer"); a complaint cue still makes it a complaint ("sad to see how rude the staff were").
    "sad to see", "da pena ver", "triste ver", "triste de voir", "traurig zu sehen",
    "tristezza vedere", "triste vedere",
    // The business's own notice of its hours: "we're closed on Monday for the bank holiday".
    "we're closed", "we are closed", "we'll be closed", "we will be closed", "closed for the bank",
    "closed for the holiday", "closed for the holidays", "estaremos cerrados", "permaneceremos cerrados",
    "cerrado por vacaciones", "cerrados por vacaciones", "nous serons fermes", "nous sommes fermes",
    "ferme pour les fetes", "fermeture exceptionnelle", "wir haben geschlossen",
    "haben wir geschlossen", "bleibt geschlossen", "bleiben geschlossen", "saremo chiusi",
    "resteremo chiusi", "chiuso per ferie", "chiusi per ferie", "estaremos fechados",
    "fechado para ferias", "fechados para ferias",
    // Closed for works: "closed next week for refurbishment", "cierra por reformas".
    "for refurbishment", "for renovation", "for renovations", "por reformas", "pour travaux",
    "wegen umbau", "per lavori di ristrutturazione", "per ristrutturazione",
    "para obras de remodelacao",
    // Nothing more to be done for a patient: "the vet said there was nothing they could do for
    // our old cat" (without "for", a complaint: `service_cues.rs`).
    "nothing they could do for", "nothing more they could do", "no podian hacer nada por",
    "ya no podian hacer nada", "ne pouvait plus rien faire pour", "ne pouvaient plus rien faire",
    "nichts mehr fur ihn tun", "nichts mehr fur sie tun", "non potevano fare piu niente",
    "non potevano farci piu niente", "nao podiam fazer nada por", "ja nao podiam fazer nada",
];

/// News about the town or the place, bad in itself but nothing the business did: the road, the
/// weather, a break-in, a power cut. Read with [`SYMPATHY_CUES`]; such news reads negative
/// without a word of feeling ("Thoughts with the team after last night's break-in").
#[rustfmt::skip]
pub(super) const TOWN_NEWS_CUES: &[&str] = &[
    // The road and the weather.
    "traffic on", "traffic is", "traffic was", "roadworks", "road works", "obras en la calle",
    "des travaux dans", "travaux de voirie", "baustelle in der", "baustelle auf der",
    "lavori sul corso", "lavori stradali", "obras na rua", "atasco", "embouteillage",
    "obras de la calle", "travaux dans la rue", "lavori in strada", "baustelle vor der",
    "embouteillages", "stau", "unwetter", "ingorgo", "engarrafamento", "snowed in",
    "bloqueados por la nieve", "bloques par la neige", "eingeschneit", "bloccati dalla neve",
    "presos pela neve", "because of the storm", "due to the storm", "because of the weather",
    "due to the weather", "por la tormenta", "por el temporal", "a cause de la tempete",
    "en raison de la tempete", "wegen des sturms", "wegen des unwetters", "per il maltempo",
    "a causa del maltempo", "por causa da tempestade", "por causa do temporal",
    "because of the snow", "due to the snow", "por la nieve", "a cause de la neige",
    "wegen des schnees", "per la neve", "a causa della neve", "por causa da neve",
    "because of the rain", "due to the rain", "rained off", "rained out", "por la lluvia",
    "a causa de la lluvia", "debido a la lluvia", "a cause de la pluie", "en raison de la pluie",
    "wegen regen", "wegen des regens", "per la pioggia", "a causa della pioggia",
    "por causa da chuva", "devido a chuva",
    // A break-in, a robbery, a power cut.
    "break-in", "broken into", "burglary", "burgled", "lo del robo", "el robo de", "tras el robo",
    "cambriolage", "cambriole", "cambriolee", "einbruch", "eingebrochen", "il furto",
    "furto al", "furto nel", "o assalto", "assalto a", "assalto ao", "power cut", "power outage",
    "corte de luz", "apagon", "coupure de courant", "coupure d'electricite", "panne de courant",
    "stromausfall", "per un blackout", "un blackout in", "falta de luz", "falta de energia",
    "queda de energia", "apagao", "at knifepoint", "a punta de navaja", "atracaron", "el atraco",
    "braquee", "braquage", "uberfallen wurde", "hanno rapinato", "la rapina", "assaltaram",
    // A fire, a flood.
    "the fire", "the flood", "flooding", "flooded", "el incendio", "del incendio",
    "la inundacion", "l'incendie", "l'inondation", "dem brand", "der brand", "hochwasser",
    "uberschwemmung", "l'incendio", "l'alluvione", "allagamento", "o incendio", "do incendio",
    "a inundacao", "da inundacao", "enchente",
    // A strike.
    "because of the strike", "due to the strike", "strike action", "por la huelga",
    "debido a la huelga", "a cause de la greve", "en raison de la greve", "pour cause de greve",
    "wegen des streiks", "wegen streik", "streikbedingt", "per lo sciopero", "per sciopero",
    "a causa dello sciopero", "por causa da greve", "devido a greve",
];

/// Complaint cues of a thing called off, held up or shut, which the weather or works can do.
#[rustfmt::skip]
pub(super) const CALLED_OFF: &[&str] = &[
    "cancel", "cancelled", "canceled", "delayed", "con retraso", "annule", "annulee", "cancelado",
    "cancelada", "cancelo", "cancelaron", "cancelara", "suspendio", "suspendido", "abgesagt",
    "ausgefallen", "cancellato", "cancellata", "annullato", "annullata", "closed", "cerrado",
    "cerrada", "ferme", "fermee", "geschlossen", "chiuso", "chiusa", "fechado", "fechada",
];

/// The weather's and the power's words in [`TOWN_NEWS_CUES`], and works' in [`SYMPATHY_CUES`],
/// folded: what they make calls a thing off or shuts it through nobody's fault.
#[rustfmt::skip]
pub(super) const WEATHER: &[&str] = &[
    "storm", "weather", "snow", "tormenta", "temporal", "nieve", "tempete", "neige", "sturm",
    "unwetter", "eingeschneit", "maltempo", "neve", "tempestade", "power", "luz", "courant",
    "electricite", "stromausfall", "blackout", "energia", "apagon", "apagao", "rain", "rained",
    "lluvia", "pluie", "regen", "regens", "pioggia", "chuva", "refurbishment", "renovation",
    "renovations", "reformas", "travaux", "umbau", "ristrutturazione", "remodelacao",
];

/// The writer's own change of plan: a booking to cancel or move, running late, a table to keep,
/// a size to exchange that the writer got wrong. A request to the business; its "sorry", "late"
/// and "cancel" are the writer's own doing, not a breach by the business ([`OWN_PLAN_WORDS`]).
/// Bookings only: "I need to cancel my order" is often a complaint's end.
#[rustfmt::skip]
pub(super) const OWN_PLAN_CUES: &[&str] = &[
    "need to cancel my", "have to cancel my", "cancel my booking", "cancel our booking",
    "cancel my reservation", "cancel our reservation", "cancel my table", "cancel our table",
    "move my booking", "move our booking", "change my booking", "change our booking",
    "change my reservation", "change our reservation", "running late", "running a bit late",
    "minutes late for my", "minutos tarde a mi", "de retard pour mon",
    "ritardo all'appuntamento", "atrasada a marcacao", "atrasado a marcacao",
    "running a little late", "keep our table", "hold our table", "keep my table", "hold my table",
    "keep the table", "hold the table", "save our table", "we'll be late", "we will be late",
    "i'll be late", "i will be late", "can't make tomorrow", "cant make tomorrow",
    "can't make today", "cant make today", "can't make it tomorrow", "cant make it tomorrow",
    "no puedo ir a la", "no podre ir", "no voy a poder ir", "ne pourrai pas venir",
    "ne peux pas venir", "ich kann morgen nicht", "ich kann heute nicht", "non potro venire",
    "kann leider nicht kommen", "non riesco a venire", "nao posso ir", "nao vou poder ir",
    "please cancel his", "please cancel her", "cancelad sus citas", "sagt seine termine",
    "annuler ses rendez-vous", "annullate i suoi appuntamenti", "cancelem as marcacoes",
    "rang to say", "called to say", "llame para decir", "appele pour dire", "angerufen habe, dass",
    "ho chiamato per dire", "liguei a dizer",
    // Spanish.
    "tengo que cancelar", "necesito cancelar", "cancelar mi reserva", "cancelar la reserva",
    "cancelar nuestra reserva", "anular mi reserva", "anular la reserva", "cambiar mi reserva",
    "cambiar la reserva", "llegamos tarde", "llegaremos tarde", "llegare tarde",
    "vamos a llegar tarde", "voy a llegar tarde", "guardais la mesa", "guardar la mesa",
    "guardarnos la mesa", "nos guardais", "me guardais",
    // French.
    "je dois annuler", "nous devons annuler", "on doit annuler", "annuler ma reservation",
    "annuler notre reservation", "annuler la reservation", "decaler ma reservation",
    "decaler notre reservation", "modifier ma reservation", "modifier notre reservation",
    "on sera en retard", "nous serons en retard", "je serai en retard", "on aura du retard",
    "nous aurons du retard", "garder notre table", "garder la table", "garder ma table",
    // German.
    "reservierung absagen", "leider absagen", "muss absagen", "mussen absagen",
    "reservierung stornieren", "reservierung verschieben", "reservierung andern", "tisch absagen",
    "termin absagen", "wir kommen spater", "wir kommen etwas spater", "ich komme spater",
    "ich komme etwas spater", "verspaten uns", "verspate mich", "tisch freihalten",
    "tisch freihaltet",
    // Italian.
    "devo annullare", "dobbiamo annullare", "annullare la prenotazione",
    "annullare la mia prenotazione", "disdire la prenotazione", "spostare la prenotazione",
    "cambiare la prenotazione", "arriviamo in ritardo", "saremo in ritardo", "saro in ritardo",
    "tenerci il tavolo", "tenere il tavolo", "tenermi il tavolo",
    // Portuguese.
    "preciso cancelar", "tenho que cancelar", "cancelar minha reserva", "cancelar a reserva",
    "cancelar nossa reserva", "remarcar a reserva", "alterar a reserva", "mudar a reserva",
    "vou me atrasar", "vamos nos atrasar", "vou chegar atrasado", "vou chegar atrasada",
    "vamos chegar atrasados", "guardar a mesa", "guardar nossa mesa", "segurar a mesa",
    "segurar nossa mesa",
    // Whether it is too late to change it ("¿Es demasiado tarde para añadir una persona?").
    "is it too late to", "es demasiado tarde para", "es muy tarde para", "es tarde para",
    "est-il trop tard pour", "est-ce trop tard pour", "est-il trop tard", "ist es zu spat",
    "ist es schon zu spat", "e troppo tardi per", "e tarde demais para", "e muito tarde para",
    // The writer's own mistake: the wrong size ordered, to exchange ("wrong size" is the
    // business's mistake otherwise).
    "i ordered the wrong size", "i ordered the wrong item", "i ordered the wrong colour",
    "i ordered the wrong color", "i bought the wrong size", "i got the wrong size",
    "me equivoque de talla", "pedi la talla equivocada", "pedi una talla equivocada",
    "me suis trompe de taille", "me suis trompee de taille", "ich habe die falsche große",
    "ich habe die falsche grosse",
    "falsche grosse bestellt", "falsche große bestellt", "ho sbagliato taglia",
    "ho ordinato la taglia sbagliata", "errei o tamanho", "pedi o tamanho errado",
    "comprei o tamanho errado",
    // The wrong amount sent, the wrong date booked, by the writer.
    "i sent the wrong amount", "i paid the wrong amount", "i transferred the wrong amount",
    "i booked the wrong date", "transferi el importe equivocado", "pague el importe equivocado", "me equivoque de importe",
    "me equivoque de fecha", "reserve la fecha equivocada", "j'ai vire le mauvais montant",
    "j'ai envoye le mauvais montant", "j'ai paye le mauvais montant", "trompe de montant", "trompee de montant",
    "trompe de date", "trompee de date", "ich habe den falschen", "falschen betrag uberwiesen",
    "ho mandato l'importo sbagliato", "ho pagato l'importo sbagliato",
    "ho bonificato l'importo sbagliato",
    "ho sbagliato importo", "ho sbagliato data", "transferi o valor errado",
    "enviei o valor errado", "paguei o valor errado", "errei o valor", "errei a data",
    // The writer's own fault, said so: "my fault entirely", "culpa mía", "mein Fehler".
    "my fault", "my mistake", "culpa mia", "la culpa es mia", "ma faute", "mon erreur",
    "mein fehler", "meine schuld", "colpa mia", "errore mio", "a culpa e minha", "culpa minha",
    "erro meu",
];

/// Apology, regret, lateness and a wrong choice, folded: beside [`OWN_PLAN_CUES`], the writer's
/// own. A line a language: English, Spanish, French, German, Italian, Portuguese.
#[rustfmt::skip]
pub(super) const OWN_PLAN_WORDS: &[&str] = &[
    "sorry", "apologies", "unfortunately", "late", "later", "cancel", "wrong", "mistake",
    "siento", "perdon", "disculpa", "disculpad", "lamentablemente", "tarde", "equivocada", "equivocado", "equivoque",
    "desole", "desolee", "desoles", "excuse", "excusez", "malheureusement", "retard", "trompe", "trompee", "mauvais",
    "leider", "entschuldigung", "spat", "spater", "falsche", "falschen",
    "dispiace", "scusate", "scusa", "purtroppo", "ritardo", "sbagliato", "sbagliata",
    "desculpa", "desculpe", "infelizmente", "atrasado", "atrasada", "atrasados", "atrasadas", "atraso", "errei", "errado",
    "fault", "culpa", "mal", "faute", "erreur", "mauvaise", "fehler", "schuld", "colpa", "errore", "errada", "erro",
];

/// A suggestion to the business: a request, whose "nice" is wished for, not found. Read with the
/// help cues (one automaton), named apart ("suggests: 'would be nice if'").
#[rustfmt::skip]
pub(super) const SUGGESTION_CUES: &[&str] = &[
    "would be nice if", "would be great if", "it'd be nice if", "would be good if",
    "would love it if", "seria genial que", "seria genial si", "estaria bien que",
    "ce serait bien", "ce serait super", "ce serait genial", "ware schon, wenn", "ware schon wenn",
    "ware toll, wenn", "ware toll wenn", "sarebbe bello se", "sarebbe bello avere",
    "sarebbe utile", "seria bom se", "seria legal se", "seria otimo se", "seria bom ter",
];

#[rustfmt::skip]
pub(super) const HELP_CUES: &[&str] = &[
    "how do i", "how can i", "how to", "anyone know", "does anyone", "can anyone", "can you help",
    "can someone", "need help", "help me", "please help", "is there a way", "where can i",
    "what time", "are you open", "any way to", "who do i contact", "can't log in", "cannot log in",
    "can't login", "open on", "open today", "open tomorrow", "opening hours",
    "winter hours", "summer hours", "holiday hours", "christmas hours", "new hours",
    "is there parking", "is there a charge", "is there a fee", "y a-t-il des frais",
    "se cobra algo", "hay algun cargo", "kostet es etwas", "si paga qualcosa",
    "ha alguma taxa", "do you have parking", "parking nearby", "do you accept", "do you take card",
    "what are your hours", "could you confirm", "can you confirm", "please confirm",
    "could you check", "can you check", "anyone tried", "has anyone tried", "anyone been to",
    "did anyone find", "has anyone found", "did you find", "lost property", "lost and found",
    "i left my", "i forgot my", "are you hiring", "you hiring", "any jobs", "job openings",
    "could you send", "can you send", "could you please send", "can you please send",
    "send me the invoice", "send me an invoice", "send me a receipt", "still open", "kitchen open",
    "open late", "open now", "can i bring", "can we bring", "dog friendly", "pet friendly",
    // Spanish.
    "a que hora",
    "abren",
    "abris",
    "esta abierto",
    "estan abiertos",
    "horario",
    "como puedo",
    "alguien sabe",
    "necesito ayuda",
    "me pueden ayudar",
    "pueden ayudarme",
    "donde puedo",
    "me podeis decir",
    "podeis confirmar",
    "pueden confirmar",
    "buscando personal",
    "buscais personal",
    "buscan personal",
    "me podeis enviar",
    "podeis enviar",
    "me pueden enviar",
    "pueden enviarme",
    "me podeis mandar",
    "me pueden mandar",
    "enviarme la factura",
    "puedo llevar",
    "podemos llevar",
    "se puede llevar",
    "cocina abierta",
    // French.
    "a quelle heure",
    "vous ouvrez",
    "ouvert",
    "ouverts",
    "horaires",
    "comment faire",
    "comment puis-je",
    "quelqu'un sait",
    "besoin d'aide",
    "pouvez-vous m'aider",
    "ou puis-je",
    "pouvez-vous confirmer",
    "pouvez-vous verifier",
    "vous recrutez",
    "recrutez-vous",
    "pouvez-vous m'envoyer",
    "pourriez-vous m'envoyer",
    "vous pouvez m'envoyer",
    "m'envoyer la facture",
    "peut-on venir",
    "peut-on amener",
    "on peut venir avec",
    "puis-je venir",
    "puis-je amener",
    "acceptez les chiens",
    "chiens acceptes",
    // German.
    "habt ihr",
    "geoffnet",
    "offnungszeiten",
    "wann offnet",
    "wann macht",
    "wie kann ich",
    "weiss jemand",
    "weiß jemand",
    "brauche hilfe",
    "konnen sie mir helfen",
    "konnt ihr mir helfen",
    "wo kann ich",
    "bitte prufen",
    "konnen sie bestatigen",
    "sucht ihr",
    "stellt ihr ein",
    "suchen sie mitarbeiter",
    "konnt ihr mir",
    "konnen sie mir",
    "konnten sie mir",
    "rechnung schicken",
    "rechnung zuschicken",
    "darf man",
    "durfen hunde",
    "hunde erlaubt",
    "kuche noch offen",
    // Italian.
    "a che ora",
    "aperti",
    "aperto",
    "orari",
    "come posso",
    "qualcuno sa",
    "ho bisogno di aiuto",
    "potete aiutarmi",
    "mi potete aiutare",
    "dove posso",
    "potete confermare",
    "potete verificare",
    "cercate personale",
    "cercando personale",
    "state assumendo",
    "assumete",
    "mi potete mandare",
    "potete mandarmi",
    "mi potete inviare",
    "potete inviarmi",
    "mandarmi la fattura",
    "posso portare",
    "possiamo portare",
    "si puo portare",
    "cucina aperta",
    // Portuguese.
    "que horas",
    "abrem",
    "aberto",
    "abertos",
    "como posso",
    "alguem sabe",
    "preciso de ajuda",
    "podem me ajudar",
    "onde posso",
    "podem confirmar",
    "podem verificar",
    "estao contratando",
    "voces contratam",
    "podem me enviar", "pode me enviar", "podem me mandar", "podem enviar", "nota fiscal",
    "posso levar", "podemos levar", "pode levar", "da pra levar", "cozinha aberta",
    // Paying by card, in each language.
    "pay by card", "pay with card", "card payment", "pagar con tarjeta", "aceptan tarjeta",
    "payer par carte", "paiement par carte", "mit karte zahlen", "mit karte bezahlen",
    "kartenzahlung", "pagare con carta", "accettate carte", "pagar com cartao", "aceitam cartao",
    // How long delivery takes, asked in each language.
    "how long does delivery take", "how long does shipping take", "how long does it take to deliver",
    "how long is delivery", "cuanto tarda el envio", "cuanto tarda en llegar",
    "cuanto tardan en llegar", "combien de temps pour la livraison", "quel est le delai de livraison",
    "quels sont les delais de livraison", "wie lange dauert die lieferung",
    "wie lange dauert der versand", "wie lange ist die lieferzeit",
    "quanto tempo ci vuole per la consegna", "quali sono i tempi di consegna",
    "quanto tempo demora a entrega", "quanto tempo demora para chegar", "qual e o prazo de entrega",
    // How long any work takes, asked in Portuguese: "quanto tempo demora a ajustar uma aliança?"
    "quanto tempo demora a", "quanto tempo demora para", "quanto tempo demoram a",
    "quanto tempo demoram para",
    // When the kitchen closes.
    "stop serving", "stops serving", "last orders", "last order", "ultima comanda",
    "derniere commande", "letzte bestellung", "ultima ordinazione", "ultimo pedido",
    // Changing the delivery address, in each language.
    "change my delivery address", "change the delivery address", "change my address",
    "cambiar la direccion de entrega", "cambiar la direccion", "changer l'adresse de livraison",
    "changer l'adresse", "lieferadresse noch andern", "lieferadresse andern",
    "cambiare l'indirizzo di consegna", "cambiare l'indirizzo", "mudar a morada",
    "alterar a morada", "mudar o endereco", "alterar o endereco",
    // What is in a dish, for an allergy ("Sind in der Suppe Nüsse oder Sesam?").
    "any nuts", "nuts or", "or sesame", "lleva frutos secos", "frutos secos o",
    "contient-elle des", "fruits a coque", "nusse oder", "oder sesam", "nusse drin",
    "contiene frutta secca", "frutta secca o", "leva frutos secos",
];

#[rustfmt::skip]
pub(super) const LEAD_CUES: &[&str] = &[
    "how much", "price", "prices", "pricing", "quote", "where can i buy", "where to buy",
    "want to buy", "looking to buy", "buy one", "in stock", "back in stock", "do you sell",
    "do you ship", "do you deliver", "ship to", "deliver to", "book a table", "reservation",
    "reserve a", "cater", "catering", "gift card", "gift cards", "wholesale", "bulk order",
    "promo code", "discount code", "do you have", "interested in", "sign up", "take my money",
    "like to book", "want to book", "love to book", "book for", "table for", "reserve for",
    "anyone recommend", "can you recommend", "could you recommend", "recommend me",
    "any recommendations", "recommendations for", "looking for a good", "know a good",
    "gluten free", "gluten-free", "dairy free", "vegan options", "vegetarian options", "discount",
    // Spanish.
    "cuanto cuesta", "cuanto vale", "cuanto cobran", "precio", "precios", "presupuesto", "reservar",
    "quiero comprar", "donde comprar", "hacen envios", "mesa para", "teneis", "me recomienda",
    "me recomendais", "alguien recomienda", "haceis envios", "envios a",
    // French.
    "combien coute", "combien ca coute", "prix", "tarif", "tarifs", "devis", "reserver", "acheter",
    "livrez-vous", "une table pour", "avez-vous", "me conseiller", "vous conseillez",
    "me recommander", "vous livrez",
    // German.
    "was kostet", "wie viel kostet", "wieviel kostet", "preis", "preise", "angebot", "reservieren",
    "kaufen", "liefert ihr", "tisch fur", "haben sie", "empfehlen?", "empfehlen kann",
    // Italian.
    "quanto costa", "quanto costano", "prezzo", "prezzi", "preventivo", "prenotare", "prenotazione",
    "comprare", "spedite", "tavolo per", "mi consiglia", "mi consigliate", "consegne a domicilio",
    "consegnate",
    // Portuguese.
    "quanto custa", "quanto custam", "preco", "precos", "orcamento", "comprar", "entregam",
    "alguem indica", "alguem recomenda", "me indicar",
    // An order to place ("Vorremmo ordinare 40 cornetti per venerdì").
    "like to order", "want to order", "place an order", "encargar", "commander", "bestellen",
    "ordinare", "encomendar",
    // Gift vouchers ("Fate buoni regalo per i massaggi?": "buoni" is no praise there).
    "gift voucher", "gift vouchers", "vale regalo", "vales regalo", "bon cadeau", "bons cadeaux",
    "gutschein", "gutscheine", "buono regalo", "buoni regalo", "vale de oferta", "vales de oferta",
    "vale-presente", "vales-presente",
    // Someone asking for a good one of the trade ("Quelqu'un connaît un bon électricien ?").
    "know a decent", "conoce un buen", "conoceis un buen", "connait un bon", "connaissez un bon",
    "kennt jemand", "kennt ihr", "conosce un buon", "conoscete un buon", "conhece um bom",
    "conhecem um bom",
    // Urgent work asked of a trade ("do you do emergency call-outs?", "machen Sie Notdienst?").
    "do you do emergency", "haceis urgencias", "faites les depannages", "machen sie auch notdienst",
    "fate interventi urgenti", "fate pronto intervento", "fazem servico de urgencia",
];
