//! The complaint cue phrases, folded as `matcher::fold` folds a post (lower case, no accents):
//! money demanded back first, then English, Spanish, French, German, Italian and Portuguese,
//! then groups of one meaning in every language. The earlier a cue stands in the list, the
//! stronger it is. Earshot's own list.

#[rustfmt::skip]
pub(super) const COMPLAINT_CUES: &[&str] = &[
    // Money demanded back (`demands`): the strongest, named before the "refund" inside them.
    "i want a refund", "i want my money back", "quiero un reembolso", "quiero mi dinero",
    "je veux etre rembourse", "je veux etre remboursee", "je veux un remboursement",
    "ich will mein geld", "ich mochte mein geld", "voglio un rimborso", "voglio il rimborso",
    "voglio i miei soldi", "quero um reembolso", "quero o reembolso", "quero meu dinheiro",
    "refund", "cancel", "cancelled", "canceled", "broken", "still waiting", "never arrived",
    "never received", "worst", "terrible", "awful", "rude", "scam", "charged twice", "overcharged",
    "disappointed", "disappointing", "unacceptable", "complaint", "cold food", "waited",
    "no response", "ignored", "ripped off", "rip off", "money back", "not working", "doesn't work",
    "does not work", "stopped working", "lost my", "missing", "wrong order", "never again",
    "won't be back", "wont be back", "will not be back", "not coming back", "never going back",
    "wasn't ready", "wasnt ready", "avoid", "delayed", "late again", "lost", "damaged", "on hold",
    "still no", "no one", "nobody", "useless", "ridiculous", "horrible", "not happy", "fed up",
    "sort it out", "fix it", "fix this", "crashing", "keeps crashing", "error", "charged",
    "poor service", "slow service", "customer service", "issue", "problem", "hours",
    // Spanish (folded: no accents).
    "reembolso", "devolucion", "sigo esperando", "nadie contesta", "nadie me contesta",
    "nadie responde", "pesimo", "pesima", "estafa", "nunca llego", "no funciona",
    "cobraron dos veces", "queja", "reclamacion", "decepcionado", "decepcionada", "vergüenza",
    "verguenza", "fatal",
    // French.
    "remboursement", "rembourse", "toujours pas", "toujours rien", "personne ne repond", "arnaque",
    "nul", "nulle", "inadmissible", "inacceptable", "jamais recu", "ne marche pas",
    "ne fonctionne pas", "decu", "decue", "plainte", "honteux", "lamentable",
    // German.
    "erstattung", "ruckerstattung", "geld zuruck", "warte immer noch", "niemand antwortet",
    "betrug", "abzocke", "katastrophe", "unverschamt", "nie angekommen", "funktioniert nicht",
    "enttauscht", "beschwerde", "frechheit",
    // Italian.
    "rimborso", "ancora in attesa", "nessuno risponde", "truffa", "pessimo", "pessima", "vergogna",
    "mai arrivato", "non funziona", "deluso", "delusa", "reclamo", "inaccettabile",
    // Portuguese.
    "ninguem responde", "golpe", "pessimo atendimento", "nunca chegou", "nao funciona",
    "decepcionado", "reclamacao", "absurdo", "vergonha", "ainda esperando",
    // Accusations of dishonesty: a complaint the owner answers, not abuse to hide.
    "crooks", "thieves", "scammers", "fraudsters", "liars", "ladrones", "estafadores",
    "sinverguenzas", "escrocs", "voleurs", "arnaqueurs", "betruger", "betrueger", "diebe",
    "abzocker", "ladri", "truffatori", "imbroglioni", "ladroes", "golpistas",
    // Waiting, nobody answering, never received: in each language.
    "nadie me atiende", "nadie atiende", "una hora esperando", "horas esperando", "dias esperando",
    "semanas esperando", "no me ha llegado", "no ha llegado", "nunca me llego", "no recibi",
    "pas recu", "jamais recue", "personne ne decroche", "nicht erhalten", "nie erhalten",
    "immer noch nicht", "niemand geht ran", "niemand meldet sich", "ho aspettato",
    "abbiamo aspettato", "non ho ricevuto", "mai ricevuto", "nessuno mi risponde", "era fredda",
    "era freddo", "nao recebi", "nunca recebi", "ninguem me atende", "ninguem atende",
    "ate hoje nao",
    // Never again, not recommended: in each language.
    "nunca mas", "no vuelvo", "no volvere", "no volveremos", "no lo recomiendo", "no recomiendo",
    "plus jamais", "jamais plus", "je ne reviendrai", "nous ne reviendrons", "je ne recommande pas",
    "a eviter", "nie wieder", "nicht zu empfehlen", "nicht empfehlenswert",
    "kann ich nicht empfehlen", "mai piu", "non tornero", "non torneremo", "non lo consiglio",
    "sconsiglio", "da evitare", "nunca mais", "nao volto", "nao voltarei", "nao recomendo",
    // Nobody came, nobody called: the tradesman's no-show.
    "never showed up", "didn't show up", "didnt show up", "did not show up", "never turned up",
    "no show", "no vino", "no se presento", "nadie aviso", "nadie avisa", "jamais venu", "pas venu",
    "aucune nouvelle", "nicht gekommen", "nicht erschienen", "nicht gemeldet",
    "non si e presentato", "non e venuto", "nessuno ha avvisato", "nao apareceu", "nao veio",
    "nem avisou",
    // Waited, overcharged.
    "he esperado", "hemos esperado", "estuvimos esperando", "ai attendu", "avons attendu",
    "on a attendu", "gewartet", "esperei", "ficamos esperando", "cobraron de mas", "cobrado de mas",
    "tomadura de pelo", "facture deux fois", "trop facture", "doppelt abgebucht",
    "zu viel berechnet", "addebitato due volte", "pagare di piu", "cobraram a mais",
    "cobrado duas vezes",
    // Still not here; left much to be desired.
    "noch nicht da", "noch nicht angekommen", "noch nicht geliefert", "non e ancora arrivato",
    "non e ancora arrivata", "non sono ancora arrivati", "ancora non e arrivato",
    "ainda nao chegou", "ainda nao recebi", "todavia no ha llegado", "todavia no llega",
    "pas encore arrive", "pas encore arrivee",
    // Where is my order; my money back; nobody picks up.
    "where is my order", "where's my order", "wheres my order", "where is my package",
    "where's my package", "where is my refund", "where's my refund", "donde esta mi pedido",
    "donde esta mi paquete", "mi dinero de vuelta", "devuelvan mi dinero", "devuelvanme el dinero",
    "ou est ma commande", "ou est mon colis", "ou en est ma commande", "wo bleibt meine bestellung",
    "wo ist meine bestellung", "wo bleibt mein paket", "wo ist mein paket",
    "niemand geht ans telefon", "niemand nimmt ab", "keiner geht ran", "dov'e il mio ordine", "dove il mio ordine",
    "dov'e il mio pacco", "che fine ha fatto il mio ordine", "cade meu pedido", "cade o meu pedido",
    "onde esta meu pedido", "onde esta o meu pedido", "meu dinheiro de volta",
    // Served cold; took an hour.
    "arrived cold", "came cold", "served cold", "food was cold", "food is cold", "llego frio",
    "llego fria", "estaba frio", "estaba fria", "tardaron una hora", "tardaron mas de",
    "tardaron mucho", "tardo una hora", "tardo mas de", "tardo mucho", "arrive froid",
    "arrivee froide", "servi froid", "etait froid", "etait froide", "essen war kalt", "kam kalt",
    "kalt serviert", "kalt geliefert", "arrivato freddo", "arrivata fredda", "servito freddo",
    "chegou fria", "chegou frio", "veio fria", "veio frio", "estava fria", "estava frio",
    "demorou uma hora", "demorou muito", "demoraram muito",
    "left a lot to be desired", "leaves a lot to be desired", "left much to be desired",
    "deja mucho que desear", "dejo mucho que desear", "laisse a desirer", "lascia a desiderare",
    "zu wunschen ubrig", "deixou a desejar", "deixa a desejar",
    // Late; no apology; not refunded yet; shut when it said open.
    "arrived late", "came late", "days late", "weeks late", "hours late", "hrs late", "no apology",
    "never apologised", "never apologized", "didn't even apologise", "didn't even apologize",
    "closed early", "closed even though", "llego tarde", "llegaron tarde", "llega tarde", "llegan tarde", "con retraso",
    "dias de retraso", "semanas de retraso", "ni una disculpa", "nadie se disculpo",
    "arrive en retard", "arrivee en retard", "livre en retard", "livree en retard",
    "jours de retard", "semaines de retard", "aucune excuse", "pas une excuse", "kam zu spat",
    "viel zu spat", "tage zu spat", "wochen zu spat", "verspatet", "keine entschuldigung",
    "niemand hat sich entschuldigt", "arrivato in ritardo", "arrivata in ritardo",
    "consegna in ritardo", "giorni di ritardo", "settimane di ritardo", "nessuna scusa",
    "neanche una scusa", "non mi avete ancora", "non avete ancora", "chegou atrasado",
    "chegou atrasada", "entrega atrasada", "dias de atraso", "semanas de atraso",
    "nem um pedido de desculpas", "nenhum pedido de desculpas",
    // Waiting for weeks, in the other languages ("been waiting" is as often excitement).
    "llevo esperando", "estoy esperando mi", "j'attends toujours", "j'attends depuis", "warte seit",
    "warten seit", "sto ancora aspettando", "aspetto ancora", "estou esperando meu",
    "estou esperando o meu", "estou aguardando meu", "estou aguardando o meu",
    // Cancelled; no news; marked delivered but never received.
    "cancelaron", "cancelado", "cancelada", "anularon", "annule", "annulee", "storniert",
    "stornierte", "abgesagt", "cancellato", "cancellata", "annullato", "annullata", "cancelaram",
    "no reply", "no answer", "no update", "haven't received", "have not received", "didn't receive",
    "did not receive", "haven't refunded", "have not refunded", "not refunded", "not been refunded",
    "never refunded", "not fair", "no es justo", "no es normal", "pas normal", "pas correct",
    "nicht fair", "nicht in ordnung", "non e giusto", "non e corretto", "non e normale",
    "nao e justo", "nao e normal", "says delivered", "marked as delivered", "shows as delivered",
    "no tengo noticias", "sigo sin noticias", "no lo he recibido", "no la he recibido",
    "aparece como entregado", "pas de nouvelles", "je ne l'ai pas recu", "indique livre",
    "keine ruckmeldung", "keine antwort", "als zugestellt", "nessuna risposta", "nessuna notizia",
    "non l'ho ricevuto", "non l'ho ancora ricevuto", "risulta consegnato", "nenhuma resposta",
    "sem resposta", "consta como entregue", "aparece como entregue",
    // Thanks for nothing: sarcasm, and a complaint.
    "thanks for nothing", "gracias por nada", "merci pour rien", "danke fur nichts",
    "grazie di niente", "grazie per niente", "grazie per nulla", "obrigado por nada",
    "obrigada por nada",
    // Wants the manager.
    "speak to the manager", "speak to a manager", "talk to the manager", "talk to a manager",
    "hablar con el encargado", "hablar con el gerente", "parler au responsable", "parler au gerant",
    "mit dem chef sprechen", "mit dem geschaftsfuhrer sprechen", "parlare con il responsabile",
    "falar com o gerente",
    // Prices raised; a refund to the card (Brazil's "estorno").
    "raised prices", "raised their prices", "raised the prices", "price hike", "too expensive",
    "demasiado caro", "trop cher", "zu teuer", "troppo caro", "caro demais", "estorno",
    "ainda estou esperando",
    // A slow kitchen; music too loud; something found in the food (vermin: `grave.rs`).
    "took forever", "takes forever", "taking forever", "too loud", "too noisy", "demasiado alta",
    "demasiado ruido", "trop forte", "trop bruyant", "trop de bruit", "zu laut", "troppo alta",
    "troppo rumore", "troppo rumoroso", "alta demais", "barulho demais", "hair in my", "a hair in",
    "found a hair", "bug in my", "fly in my", "un pelo en", "pelo en la", "pelo en el",
    "una mosca en", "un cheveu", "une mouche dans", "ein haar", "haar im", "fliege im",
    "un capello", "capello nel", "capello nella", "mosca nel", "cabelo na", "cabelo no", "mosca na",
    "mosca no",
    // Not arrived; nobody tells me anything; the money not given back.
    "hasn't arrived", "has not arrived", "didn't arrive", "did not arrive", "no llego",
    "n'est pas arrive", "n'est pas arrivee", "n'est jamais arrive", "n'est jamais arrivee",
    "ist nicht angekommen", "non e arrivato", "non e arrivata", "nao chegou",
    "nobody tells me anything", "no one tells me anything", "nobody told me", "no one told me",
    "nadie me dice nada", "nadie dice nada", "no me dicen nada", "personne ne me dit rien",
    "personne ne dit rien", "niemand sagt mir", "niemand sagt bescheid", "nessuno mi dice niente",
    "nessuno mi dice nulla", "nessuno dice niente", "ninguem me diz nada", "ninguem diz nada",
    "no me devuelven", "no devuelven", "ne me rembourse pas", "ne rembourse pas",
    "nao devolvem", "nao me devolvem", "non mi rimborsano", "non rimborsano",
    // "Answer the phone for once".
    "for once",
    // A dirty room: smoke, stains.
    "smelled of smoke", "smelt of smoke", "smells of smoke", "smelled like smoke",
    "smells like smoke", "had stains", "stains on", "stained sheets", "olia a tabaco",
    "olia a humo", "manchas en", "sentait la cigarette", "sentait le tabac", "taches sur",
    "roch nach rauch", "stank nach rauch", "flecken auf", "puzzava di fumo", "macchie sul",
    "macchie sulle", "cheirava a cigarro", "manchas no", "manchas na",
    // Not satisfied (the lexicon's "satisfied", negated, leaned on the model alone).
    "not satisfied", "no estoy satisfecho", "no estoy satisfecha", "no quede satisfecho",
    "pas satisfait", "pas satisfaite", "nicht zufrieden", "non sono soddisfatto",
    "non sono soddisfatta", "non soddisfatto", "nao estou satisfeito", "nao estou satisfeita",
    "nao fiquei satisfeito",
    // A rating in words: none, one or two stars ("zero stars if I could"). `cues::ranked_cues`
    // leaves "2 stars" of "4.2 stars" alone.
    "zero stars", "0 stars", "no stars", "one star", "1 star", "1 stars", "two stars", "2 stars",
    "one-star", "1-star", "0/10", "0/5", "cero estrellas", "0 estrellas", "una estrella",
    "1 estrella", "dos estrellas", "2 estrellas", "zero etoile", "0 etoile", "une etoile",
    "1 etoile", "deux etoiles", "2 etoiles", "null sterne", "0 sterne", "ein stern", "1 stern",
    "zwei sterne", "2 sterne", "zero stelle", "0 stelle", "una stella", "1 stella", "due stelle",
    "2 stelle", "zero estrelas", "0 estrelas", "uma estrela", "1 estrela", "duas estrelas",
    "2 estrelas",
    // Nobody answers, as customers type it: French without its "ne", text-speak negations
    // ("nn", Portuguese "n"; "ñ" folds to "n").
    "no contestan", "no contesta", "no responden", "no cogen el telefono", "repondez jamais",
    "repondez pas", "repond jamais", "repond pas", "repondent jamais", "repondent pas",
    "decrochez jamais", "decrochez pas", "decroche jamais", "keiner ans telefon",
    "niemand ans telefon", "geht keiner ran", "geht niemand ran", "non rispondono",
    "nn rispondono", "non risponde nessuno", "nn risponde nessuno", "nao respondem",
    "n respondem", "nao responde", "nao atendem o telefone", "nao atende o telefone",
    // Not recommended, not great, as customers type it.
    "recommande pas", "pas terrible", "pas ouf", "non consiglio", "nn consiglio",
    "nn lo consiglio", "n recomendo", "n gostei", "non ci torno", "nn ci torno", "non ci tornero",
    "nn ci tornero", "non vi consiglio", "nn vi consiglio",
    // Still nothing; nobody helps; tastes of nothing.
    "still nothing", "todavia nada", "toujours rien", "immer noch nichts", "immer noch nix",
    "ancora niente", "ainda nada", "keiner hilft", "niemand hilft", "schmeckt nach nichts",
    "schmeckt nach nix", "tastes of nothing", "no sabe a nada",
    // Thanks for nothing: sarcasm (`SARCASM_CUES`) that is a complaint by itself.
    "thanks for nothing", "thanks for ignoring", "thank you for ignoring", "gracias por nada",
    "gracias por ignorarme", "merci pour rien", "merci de m'ignorer", "danke fur nichts",
    "grazie per niente", "grazie di niente", "obrigado por nada", "obrigada por nada",
    "valeu por nada",
    // Must do better: the customer asks the business to improve, in each language.
    "you can do better", "you could do better", "need to do better", "needs to do better",
    "do better than that", "need better food", "needs better food", "need better staff",
    "needs better staff", "need better service", "needs better service",
    "need better customer service", "need better communication", "needs better management",
    "tienen que mejorar", "tiene que mejorar", "deben mejorar", "debe mejorar", "necesitan mejorar",
    "peut mieux faire", "pouvez mieux faire", "doit s'ameliorer", "doivent s'ameliorer",
    "service a revoir", "accueil a revoir", "besser werden", "verbesserungswurdig",
    "verbesserungsbedurftig", "dovete migliorare", "deve migliorare", "devono migliorare",
    "servizio da rivedere", "tutto da rivedere", "potete fare di meglio", "precisam melhorar",
    "precisa melhorar", "tem que melhorar", "deveriam melhorar", "podem fazer melhor",
    // Rude in two words (Portuguese writes "mal educado" apart; "educado" alone is polite).
    "mal educado", "mal educada", "mal educados", "mal educadas", "mal-educado", "mal-educada",
    "mal-educados", "mal-educadas",
    // Nobody came and nobody called, as customers type it; hours late.
    "toujours personne", "aucun appel", "pas un appel", "ancora nessuno", "nessuna chiamata",
    "nemmeno una chiamata", "ate agora nada", "ate agora ninguem", "nem uma mensagem",
    "nem uma ligacao", "nem um aviso", "sin decir nada", "sin avisar", "ni una llamada",
    "todavia nadie", "nicht mal bescheid", "nicht einmal bescheid", "ohne bescheid",
    "immer noch niemand", "stunden zu spat", "horas tarde", "heures de retard", "ore di ritardo",
    "horas de atraso",
    // The wrong thing sent or served, and it has happened before.
    "wrong size", "wrong item", "wrong colour", "wrong color", "wrong product", "wrong dish",
    "not what i ordered", "talla equivocada", "talla incorrecta", "producto equivocado",
    "pedido equivocado", "no es lo que pedi", "mauvaise taille", "pas la bonne taille",
    "mauvais article", "mauvaise commande", "pas ce que j'ai commande", "falsche große",
    "falsche grosse", "falscher artikel", "falsche bestellung", "falsches gericht",
    "nicht das was ich bestellt", "nicht das, was ich bestellt",
    "taglia sbagliata", "ordine sbagliato", "articolo sbagliato", "piatto sbagliato",
    "non e quello che ho ordinato", "tamanho errado", "pedido errado", "produto errado",
    "veio errado", "veio trocado", "nao e o que eu pedi", "second time this happens",
    "second time this has happened", "third time this happens", "third time this has happened",
    "not the first time this", "no es la primera vez que", "ce n'est pas la premiere fois",
    "nicht das erste mal", "non e la prima volta che", "nao e a primeira vez que",
    // Made to pay for the business's mistake: the return, the exchange.
    "at my own expense", "pay for the return", "pay for return shipping", "lo tengo que pagar",
    "tengo que pagarlo yo", "me toca pagar", "a mes frais", "retour payant", "auf meine kosten",
    "rucksendung kostenpflichtig", "ruckversand kostenpflichtig", "a mie spese",
    "reso a pagamento", "reso e a pagamento", "paga por mim", "pago por mim",
    // Broke what it was given; a fault after the repair that was not there before, or the same
    // one still; an update that broke the app; nobody owns up.
    "broke my", "scratched my", "wasn't there before", "wasnt there before", "was not there before",
    "strange noise", "weird noise", "funny noise", "grinding noise", "same noise", "same problem",
    "same issue", "logs me out", "logging me out", "since the update", "since the last update",
    "rompieron", "me rompieron", "han roto", "no estaba antes", "ruido raro", "ruido extrano",
    "mismo ruido", "mismo problema", "desde la actualizacion", "nadie se hace cargo",
    "nadie se hace responsable", "ont casse", "avez casse", "ont raye", "avez raye",
    "n'etait pas la avant", "bruit bizarre", "bruit etrange", "meme bruit", "meme probleme",
    "depuis la mise a jour", "kaputt gemacht", "beschadigt", "vorher nicht da",
    "komisches gerausch", "seltsames gerausch", "gleiche gerausch", "gleiche problem",
    "selbe problem", "seit dem update", "avete rotto", "hanno rotto", "rumore strano",
    "strano rumore", "stesso rumore", "stesso problema", "prima non c'era",
    "dopo l'aggiornamento", "dall'aggiornamento", "quebraram", "quebrou meu", "quebrou minha",
    "barulho estranho", "mesmo barulho", "mesmo problema", "nao tinha antes",
    "desde a atualizacao", "depois da atualizacao", "ninguem se responsabiliza",
    "ninguem falou nada", "ninguem disse nada",
    // Waiting for the order, the parcel, the refund.
    "attendre ma commande", "attendre mon colis", "attendre mon remboursement",
    "esperar mi pedido", "esperar mi paquete", "esperar mi reembolso", "warte auf meine bestellung",
    "warte auf mein paket", "warte auf meine erstattung", "aspettare il mio ordine", "aspettare il mio pacco",
    "aspettare il mio rimborso", "esperar meu pedido", "esperar o meu pedido",
    "esperar meu reembolso",
];

/// How a demand among the cues begins ("i want a refund", "voglio un rimborso").
const DEMAND_LEADS: &[&str] = &[
    "i want ",
    "quiero ",
    "je veux ",
    "ich will ",
    "ich mochte ",
    "voglio ",
    "quero ",
];

/// Whether a complaint cue, as the post spells it, demands something back: the writer is unhappy
/// whatever the other words read ("@PalestraTop … voglio un rimborso").
pub(super) fn demands(cue: &str) -> bool {
    let cue = crate::matcher::fold(cue);
    DEMAND_LEADS.iter().any(|l| cue.starts_with(l))
}
