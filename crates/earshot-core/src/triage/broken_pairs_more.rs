//! More of the pairs [`super::broken`] reads (see `broken_pairs.rs`): someone else's thing given
//! to the writer, a way in blocked, another's mark, cut too short, late to every one, left out
//! in the rain, told a time and still waiting, came after it was over, results read out loud,
//! charged for damage already there, a price risen, asked for a little and given more, written
//! one way and should be another, charged for far more than was done.
//! In the six modelled languages, folded. Earshot's own lists.

use super::super::pair_words::CHARGED;
use super::{Pair, PLAIN};

/// Floors and what covers them, folded.
#[rustfmt::skip]
const FLOORS: &[&str] = &[
    "carpet", "carpets", "floor", "floors", "rug", "sofa", "alfombra", "moqueta", "suelo",
    "tapis", "moquette", "sol", "parquet", "teppich", "wohnzimmerteppich", "boden", "fussboden",
    "fußboden", "tappeto", "pavimento", "tapete", "alcatifa", "chao", "couch", "canape",
    "divano",
];

#[rustfmt::skip]
pub(super) const MORE_PAIRS: &[Pair] = &[
    // Someone else's given to the writer: "gave me another patient's tablets", "me dieron las
    // pastillas de otro paciente" (German "eines anderen Patienten gegeben": the pair above).
    Pair {
        first: &[
            "gave", "given", "handed", "sold", "dieron", "dio", "entregaron", "vendieron", "donne",
            "remis", "vendu", "dato", "consegnato", "consegnati", "deram",
            "deu", "entregaram",
        ],
        then: &[
            "another patient's", "another patients", "another customer's", "another customers",
            "someone else's", "someone elses", "somebody else's", "somebody elses",
            "de otro paciente", "de otra paciente", "de otro cliente", "de otra clienta",
            "de otra persona", "d'un autre patient", "d'une autre patiente", "d'un autre client",
            "d'une autre cliente", "de quelqu'un d'autre", "di un altro paziente", "di un'altra paziente", "di un altro cliente",
            "di un'altra cliente", "di qualcun altro", "de outro doente", "de outra doente",
            "de outro paciente", "de outro cliente", "de outra cliente", "de outra pessoa",
        ],
        within: 6,
        one_clause: true,
        ..PLAIN
    },
    // Our way in blocked: "the skip has been blocking our drive since Tuesday", "bloque notre
    // allée depuis mardi", "blockiert seit Dienstag unsere Einfahrt".
    Pair {
        first: &[
            "blocking", "blocked", "blocks", "bloqueando", "bloquea", "bloquean", "bloqueado",
            "bloque", "bloquent", "blockiert", "blockieren", "versperrt", "blocca", "bloccano",
            "bloccato", "bloquear", "bloqueia", "bloqueiam",
        ],
        then: &[
            "drive", "driveway", "garage", "entrada", "allee", "garaje", "einfahrt", "ausfahrt",
            "garageneinfahrt", "passo carrabile", "garagem", "portao",
        ],
        within: 6,
        one_clause: true,
        ours: true,
        ..PLAIN
    },
    // Another's mark on the writer's order: "the logo of another school", "el escudo de otro
    // colegio", "mit dem Logo einer anderen Schule"; English says it first ("another school's
    // logo").
    Pair {
        first: &["logo", "logos", "escudo", "emblema", "badge", "wappen"],
        then: &[
            "de otro", "de otra", "d'une autre", "d'un autre", "einer anderen", "eines anderen",
            "di un'altra", "di un altro", "de outra", "de outro",
        ],
        within: 3,
        one_clause: true,
        ..PLAIN
    },
    Pair {
        first: &["another"],
        then: &["logo", "logos", "badge", "crest", "name on"],
        within: 3,
        one_clause: true,
        ..PLAIN
    },
    // Cut too short: "cut the carpet too short", "la cortaron demasiado corta", "zu kurz
    // geschnitten" (German's verb comes after).
    Pair {
        first: &["cut", "cortaron", "corto", "coupe", "coupee", "tagliato", "tagliata", "cortaram"],
        then: &[
            "too short", "demasiado corta", "demasiado corto", "trop court", "trop courte",
            "troppo corta", "troppo corto", "curta demais", "curto demais",
        ],
        within: 5,
        one_clause: true,
        ..PLAIN
    },
    Pair {
        first: &["kurz"],
        then: &["geschnitten", "abgeschnitten"],
        within: 2,
        one_clause: true,
        ..PLAIN
    },
    // Late to every one: "kam zu jeder einzelnen Stunde zu spät".
    Pair {
        first: &["jeder", "jedem", "jede"],
        then: &["zu spat"],
        within: 4,
        one_clause: true,
        ..PLAIN
    },
    // Left out in the rain: "left our new fridge in the front garden in the rain", "dejaron
    // nuestra nevera … bajo la lluvia"; German says it last ("im Regen … stehen lassen").
    Pair {
        first: &[
            "left", "dejaron", "dejo", "laisse", "laisses", "laissee", "lasciato", "lasciata",
            "lasciati", "deixaram", "deixou",
        ],
        then: &[
            "in the rain", "out in the rain", "bajo la lluvia", "sous la pluie", "sotto la pioggia",
            "a chuva", "debaixo de chuva",
        ],
        within: 12,
        one_clause: true,
        ..PLAIN
    },
    Pair {
        first: &["regen"],
        then: &["stehen lassen", "stehengelassen", "liegen lassen", "liegengelassen", "abgestellt"],
        within: 6,
        one_clause: true,
        ..PLAIN
    },
    // Told a time, and still waiting at a later one: "nos dijeron que la habitación estaría
    // lista a las 2 y a las 5 seguíamos en el vestíbulo".
    Pair {
        first: &["dijeron", "prometieron", "disseram", "prometeram"],
        then: &[
            "seguiamos", "todavia estabamos", "aun estabamos", "ainda estavamos",
            "continuavamos",
        ],
        within: 18,
        // Two times that differ.
        prices: true,
        ..PLAIN
    },
    // Came after it was over: "turned up an hour after the ceremony had finished", "est arrivé
    // une heure après la fin de la cérémonie", "kam eine Stunde nach dem Ende der Trauung".
    Pair {
        first: &[
            "turned", "arrived", "showed", "came", "llego", "aparecio", "llegaron", "arrive",
            "arrivee", "arrives", "kam", "kamen", "arrivato", "arrivata", "arrivati", "chegou",
            "chegaram", "apareceu",
        ],
        then: &[
            "had finished", "had ended", "after the end", "despues de que terminara",
            "despues de que acabara", "despues del final", "apres la fin", "nach dem ende",
            "dopo la fine", "depois do fim", "ter acabado", "ter terminado",
        ],
        within: 10,
        one_clause: true,
        ..PLAIN
    },
    // The writer's results read out to a room: "read my test results out loud in a full waiting
    // room", "leyó mis resultados en voz alta", "meine Testergebnisse laut vorgelesen".
    Pair {
        first: &[
            "results", "resultados", "resultats", "risultati", "referto",
        ],
        then: &[
            "out loud", "aloud", "en voz alta", "a voix haute", "ad alta voce", "em voz alta",
        ],
        within: 8,
        one_clause: true,
        ..PLAIN
    },
    // German reads it last; "laut" alone is also "according to" ("Ergebnisse laut Labor").
    Pair {
        first: &["ergebnisse", "testergebnisse", "befunde", "befund"],
        then: &["vorgelesen", "ausgerufen"],
        within: 10,
        one_clause: true,
        ..PLAIN
    },
    // Asked for one thing and came out with another: "asked for ash blonde and walked out with
    // orange hair", "pedí un rubio ceniza y salí de la peluquería con el pelo naranja".
    Pair {
        first: &["asked", "pedi", "demande", "chiesto", "pedido"],
        then: &[
            "walked out with", "walked out of", "came out with", "ended up with", "sali con", "con el pelo",
            "avec les cheveux", "con i capelli", "com o cabelo",
        ],
        within: 10,
        told: true,
        unless_then: &[
            "great", "lovely", "perfect", "exactly", "beautiful", "gorgeous", "precioso",
            "perfecto", "genial", "parfait", "magnifique", "parfaits", "perfetto", "bellissimi",
            "perfeito", "lindo",
        ],
        ..PLAIN
    },
    // Meat in what was sold as meatless: "the vegetarian box had chicken in it", "la caja
    // vegetariana traía pollo".
    Pair {
        first: &[
            "vegetarian", "vegan", "vegetariana", "vegetariano", "vegana", "vegano", "vegetarien",
            "vegetarienne", "vegetalien", "vegetarische", "vegetarischen", "vegetarisches",
            "vegane", "veganen", "vegetariani", "vegetariane",
        ],
        then: &[
            "chicken", "meat", "ham", "bacon", "beef", "pork", "pollo", "carne", "jamon", "cerdo",
            "poulet", "viande", "jambon", "lardons", "hahnchen", "huhn", "fleisch", "schinken",
            "speck", "prosciutto", "pancetta", "frango", "fiambre", "presunto", "chourico",
        ],
        within: 12,
        one_clause: true,
        told: true,
        ..PLAIN
    },
    // Someone else's bill sent to the writer: "the invoice for someone called Peter", "la
    // factura de un tal Pedro".
    Pair {
        first: &["invoice", "bill", "factura", "facture", "rechnung", "fattura", "fatura"],
        then: &[
            "for someone called", "for somebody called", "de un tal", "de una tal",
            "d'un certain", "d'une certaine", "von einem gewissen", "von einer gewissen",
            "di un certo", "di una certa", "de um tal", "de uma tal",
        ],
        within: 3,
        one_clause: true,
        ..PLAIN
    },
    // Workmanship that left a gap: "left a gap under the worktop", "dejaron un hueco".
    Pair {
        first: &[
            "left", "dejaron", "dejo", "laisse", "gelassen", "lasciato", "deixaram", "deixou",
        ],
        then: &[
            "a gap", "gaps", "un hueco", "huecos", "une fente", "un espace",
            "einen spalt", "eine lucke", "una fessura", "uno spazio", "uma fresta", "uma folga",
        ],
        within: 4,
        one_clause: true,
        told: true,
        ..PLAIN
    },
    Pair {
        first: &["spalt", "lucke"],
        then: &["gelassen"],
        within: 2,
        one_clause: true,
        told: true,
        ..PLAIN
    },
    // Our order given to the next table: "our order was given to the table next to us", "le
    // dieron nuestro pedido a la mesa de al lado", "unser Essen ging an den Nachbartisch".
    Pair {
        first: &[
            "given", "gave", "served", "taken", "dieron", "sirvieron", "llevaron", "servie",
            "servi", "donne", "ging", "gebracht", "serviert", "dato", "servito", "portato",
            "deram", "serviram", "levaram",
        ],
        then: &[
            "table next to us", "next table", "mesa de al lado", "table d'a cote",
            "table voisine", "nachbartisch", "tavolo accanto", "tavolo vicino", "mesa do lado",
            "mesa ao lado",
        ],
        within: 6,
        one_clause: true,
        ..PLAIN
    },
    // A fault the work left behind: "sorted the gears but now the brakes squeal, they never did
    // that before", "mais maintenant les freins grincent, ils ne le faisaient jamais avant".
    Pair {
        first: &["now", "ahora", "maintenant", "jetzt", "adesso", "ora", "agora"],
        then: &[
            "never did that before", "never did before", "never used to", "didn't do that before",
            "antes no lo", "antes nunca", "jamais avant", "vorher nie", "vorher nicht", "prima non",
            "prima mai", "antes nao",
        ],
        within: 16,
        only_after: &["but", "pero", "y", "mais", "et", "aber", "und", "ma", "e", "mas"],
        ..PLAIN
    },
    // A name written on the order that is not the writer's own's: "the cake said Happy Birthday
    // Tom and my son is called Tim", "auf der Torte stand Alles Gute Tom, mein Sohn heißt aber Tim".
    Pair {
        first: &[
            "said", "read", "ponia", "decia", "ecrit", "stand", "scritto", "dizia", "written",
            "escrito", "geschrieben",
        ],
        then: &[
            "is called", "se llama", "s'appelle", "heisst", "heißt", "si chiama", "chama se",
            "se chama", "name is", "nombre es",
        ],
        within: 10,
        ours: true,
        ..PLAIN
    },
    // Broken the same evening it was mended or bought: "restrung my guitar and a string snapped
    // the same evening", "una se rompió esa misma noche"; German says the day first ("am selben
    // Abend ist eine Saite gerissen").
    Pair {
        first: &[
            "snapped", "broke", "rompio", "rompieron", "casse", "cassee", "rotta", "rotto", "rotte",
            "rotti", "partiu", "partiram", "avariou",
        ],
        then: &[
            "the same evening", "the same day", "the same night", "that same evening",
            "esa misma noche", "esa misma tarde", "ese mismo dia", "le soir meme", "le jour meme",
            "la sera stessa", "il giorno stesso", "nessa mesma noite", "nesse mesmo dia",
        ],
        within: 6,
        one_clause: true,
        ..PLAIN
    },
    Pair {
        first: &["selben", "gleichen"],
        then: &["gerissen", "kaputt", "kaputtgegangen", "abgebrochen", "gebrochen"],
        within: 6,
        one_clause: true,
        ..PLAIN
    },
    // Worn out already: gel nails lifted in three days, a colour faded after two washes, a
    // repair broken within the week ("already lifted", "ya se han levantado", "si è già
    // staccato", "já está a descolar", "déjà délavée"). Only words of a failure: what is
    // "already gone" may be the pain as well as the colour.
    Pair {
        first: &["already", "ya", "deja", "schon", "bereits", "gia", "ja"],
        then: &[
            "lifted", "lifting", "peeling", "peeled", "chipped", "chipping", "faded", "washed out",
            "come off", "coming off", "came off", "fallen off", "falling off", "falling apart",
            "fell apart", "broken", "cracked", "leaking", "stopped working", "worn out",
            "se levanta", "se levantan", "se ha levantado", "se han levantado", "se despega",
            "se despegan", "se ha despegado", "se han despegado", "se ha roto", "se han roto",
            "se rompio", "esta roto", "esta rota", "se ha caido", "se han caido",
            "se ha descolorido", "se ha destenido", "destenido", "descolorido", "gotea",
            "se ha estropeado", "se estropeo", "ha dejado de funcionar", "dejo de funcionar",
            "decolle", "decollee", "decolles", "decollees", "se decolle", "se decollent",
            "casse", "cassee", "abime", "abimee", "s'ecaille", "ecaille", "delave", "delavee",
            "fuit", "en panne", "use", "usee", "troue", "trouee", "dechire", "dechiree",
            "kaputt", "abgeblattert", "abgeplatzt", "ausgewaschen", "verblasst", "undicht",
            "abgefallen", "abgegangen", "gerissen", "defekt", "durchgescheuert",
            "staccato", "staccata", "staccati", "staccate", "si stacca", "si staccano", "rotto",
            "rotta", "rotti", "rotte", "sbiadito", "sbiadita", "scolorito", "scolorita", "guasto",
            "guasta", "rovinato", "rovinata", "scheggiato", "scheggiata", "scrostato",
            "scrostata", "strappato", "strappata",
            "a descolar", "descolou", "descolaram", "partiu se", "partido", "partida",
            "estragou", "estragado", "estragada", "desbotou", "desbotado", "desbotada", "lascou",
            "lascado", "lascada", "rasgou", "rasgado", "avariou", "avariado", "avariada",
            "deixou de funcionar", "a pingar",
            // Loose, or letting the rain in, a week after the work.
            "loose", "letting water in", "letting in water", "flojas", "flojos",
            "dejan pasar el agua", "deja pasar el agua", "desserrees", "desserres",
            "wasser durch", "larghi", "larghe", "allentati", "allentate", "entrare l'acqua",
            "largos", "largas", "folgados", "folgadas", "deixam entrar agua", "deixa entrar agua",
        ],
        within: 4,
        one_clause: true,
        ..PLAIN
    },
    // Loose already, in German after its verb ("sitzt schon locker", "sind schon locker"): not
    // "locker" after any "schon", which also says "easily" ("das schaffen wir schon locker").
    Pair {
        first: &["schon", "bereits"],
        then: &["locker"],
        within: 2,
        only_after: &["sitzt", "sitzen", "ist", "sind"],
        one_clause: true,
        ..PLAIN
    },
    // A charge for damage that was there before: "charged me 180 for a scratch that was already
    // there", "me habéis cobrado 180 por un arañazo que ya estaba", "180 für einen Kratzer
    // abgebucht, der schon da war"; not what was already agreed ("lo que ya estaba acordado").
    Pair {
        first: &[
            "charged", "billed", "cobraron", "cobrado", "cobrada", "cobrais", "cobrou",
            "cobraram", "facture", "facturee", "factures", "debite", "preleve", "berechnet",
            "abgebucht", "belastet", "addebitato", "addebitata", "addebitati",
        ],
        then: &[
            "already there", "was already", "were already", "ya estaba", "ya estaban",
            "ya tenia", "deja la", "etait deja", "etaient deja", "schon da", "bereits da",
            "schon vorher", "c'era gia", "gia c'era", "era gia", "ja la estava", "ja estava",
            "ja tinha",
        ],
        within: 12,
        unless_then: &[
            "agreed", "included", "acordado", "pactado", "incluido", "convenu", "inclus",
            "vereinbart", "abgemacht", "inbegriffen", "concordato", "pattuito", "incluso",
            "combinado",
        ],
        ..PLAIN
    },
    // A mess left on the writer's floor: "soot all over the living room carpet", "hollín por
    // toda la alfombra", "de la suie partout sur le tapis", "überall Ruß auf dem
    // Wohnzimmerteppich", "fuliggine su tutto il tappeto", "fuligem por todo o tapete".
    // Not "rose petals all over the floor", nor "no dust on the floor".
    Pair {
        first: &[
            "soot", "dust", "mud", "muddy", "plaster", "sawdust", "grease", "dirt", "rubble",
            "debris", "rubbish", "hair", "hairs", "crumbs", "footprints", "stains",
            "hollin", "polvo", "barro", "yeso", "serrin", "grasa", "suciedad", "escombros",
            "basura", "pelos", "migas", "huellas", "manchas",
            "suie", "poussiere", "boue", "platre", "sciure", "graisse", "salete", "saletes",
            "gravats", "dechets", "poils", "cheveux", "miettes", "traces", "taches",
            "russ", "ruß", "staub", "schlamm", "dreck", "schmutz", "gips", "sagespane", "fett",
            "schutt", "mull", "haare", "krumel", "fussspuren", "fußspuren", "flecken",
            "fuliggine", "polvere", "fango", "gesso", "segatura", "grasso", "sporco",
            "calcinacci", "spazzatura", "peli", "capelli", "briciole", "impronte", "macchie",
            "fuligem", "po", "lama", "serradura", "serragem", "gordura", "sujidade", "sujeira",
            "entulho", "lixo", "migalhas", "pegadas",
        ],
        then: FLOORS,
        within: 7,
        not_after: &[
            "no", "any", "sin", "ningun", "sans", "aucune", "aucun", "kein", "keine", "keinen",
            "ohne", "nessuna", "nessun", "senza", "sem", "nenhuma", "nenhum", "zero",
        ],
        one_clause: true,
        unnegated: true,
        clear_before: 4,
        ..PLAIN
    },
    // A price risen: "the price has gone up twice since the summer", "el precio ha subido", "le
    // prix a augmenté", "der Preis ist seit dem Sommer zweimal gestiegen", "il prezzo è
    // salito", "o preço já subiu"; not asked ("has the price gone up?"), not denied ("prices
    // haven't gone up in years"), nor "but still worth it".
    Pair {
        first: &[
            "price", "prices", "precio", "precios", "prix", "preis", "preise", "prezzo", "prezzi",
            "preco", "precos",
        ],
        then: &[
            "gone up", "went up", "going up", "goes up", "risen", "rose", "increased", "doubled",
            "subido", "subio", "subieron", "aumentado", "aumentaron", "duplicado", "augmente",
            "augmentes", "augmentent", "double", "gestiegen", "erhoht", "verdoppelt",
            "angehoben", "salito", "saliti", "aumentato", "aumentati", "raddoppiato", "subiu",
            "subiram", "aumentou", "aumentaram", "duplicou",
        ],
        within: 8,
        told: true,
        unnegated: true,
        ..PLAIN
    },
    // Asked for only a little, and the business did far more: "asked for just a tidy-up and you
    // shaved him almost bald", "pedí solo un arreglo y le habéis rapado", "j'avais demandé juste
    // un rafraîchissement et vous avez tondu", "wollte nur einen leichten Schnitt und ihr habt";
    // not "… and you gave me a perfect cut".
    Pair {
        first: &[
            "asked for just", "asked for only", "only asked for", "just asked for",
            "asked only for", "only wanted a", "just wanted a", "pedi solo", "solo pedi",
            "pedi solamente", "pedimos solo", "solo pedimos", "solo queria un", "solo queria una",
            "demande juste", "juste demande", "demande seulement", "seulement demande",
            "voulais juste un", "voulais juste une", "wollte nur einen", "wollte nur eine",
            "wollte nur ein", "wollten nur einen", "wollten nur eine", "wollten nur ein",
            "chiesto solo", "solo chiesto", "chiesto soltanto", "volevo solo un", "volevo solo una",
            "volevo solo uno", "pedi so", "so pedi", "pedi apenas", "apenas pedi", "queria so um",
            "queria so uma", "queria apenas um", "queria apenas uma",
        ],
        then: &[
            "and you", "and got", "y me habeis", "y le habeis", "y nos habeis", "y me han",
            "y le han", "y me hicieron", "y le hicieron", "et vous avez", "et vous m'avez",
            "et on m'a", "und ihr habt", "und sie haben", "und man hat", "e avete", "e mi avete",
            "e gli avete", "e le avete", "e hanno", "e mi hanno", "e gli hanno", "e rasparam",
            "e cortaram", "e fizeram", "e puseram", "e tiraram", "e mudaram", "e trocaram",
        ],
        within: 10,
        one_clause: true,
        unless_then: &[
            "perfect", "perfectly", "lovely", "beautiful", "beautifully", "amazing", "brilliant",
            "perfecto", "perfecta", "genial", "precioso", "preciosa", "parfait", "parfaite",
            "parfaitement", "superbe", "perfekt", "toll", "wunderschon", "perfetto", "perfetta",
            "benissimo", "perfeito", "perfeita", "lindo", "linda",
        ],
        ..PLAIN
    },
    // What is written says one thing and should say another: "the engraving says 2024 but it
    // should be 2025", "en el trofeo pone 2024 y debería ser 2025", "il est écrit 2024 alors que
    // c'est 2025", "steht 2024, es müsste aber 2025 heißen", "c'è scritto 2024 ma dovrebbe
    // essere 2025", "diz 2024 mas devia ser 2025".
    Pair {
        first: &[
            "says", "reads", "pone", "ponia", "ecrit", "marque", "indique", "steht", "stand",
            "scritto", "riporta", "diz", "dizia",
        ],
        // Each with its turn: not "the mechanic says it should be fine".
        then: &[
            "but it should be", "but it should say", "but should be", "but it should have been",
            "y deberia ser", "pero deberia ser", "y deberia poner", "pero deberia poner",
            "cuando deberia ser", "alors que c'est", "alors que ca devrait etre",
            "mais ca devrait etre", "mais ce devrait etre", "es musste aber", "es sollte aber",
            "musste aber", "sollte aber", "ma dovrebbe essere", "ma doveva essere",
            "mentre dovrebbe essere", "mas devia ser", "mas deveria ser", "quando devia ser",
        ],
        within: 12,
        ..PLAIN
    },
    // Charged for far more than was done: "charged us for a full consultation when all the
    // nurse did was clip the claws", "nos cobró una consulta completa cuando la enfermera solo le
    // cortó las uñas", "ci ha fatto pagare una visita completa quando … ha solo tagliato".
    Pair {
        first: CHARGED,
        then: &[
            "only", "just", "all", "solo", "solamente", "juste", "seulement", "nur", "soltanto",
            "so", "apenas",
        ],
        via: &[
            "when", "cuando", "quand", "alors", "dabei", "obwohl", "quando", "mentre", "enquanto",
        ],
        within: 14,
        ..PLAIN
    },
    // German tells it after the verb: "Die Gelnägel lösen sich schon", "löst sich bereits".
    Pair {
        first: &["losen", "lost", "blattern", "blattert", "platzen", "platzt"],
        then: &["sich schon", "sich bereits", "schon ab", "bereits ab"],
        within: 3,
        one_clause: true,
        ..PLAIN
    },
    // Asked for a job done, and brought home with the fault still in: "asked for the salmon to
    // be filleted and got it home with half the bones still in", "tenía todavía la mitad de las
    // espinas", "il avait encore la moitié de ses arêtes", "filetieren lassen … steckte noch".
    Pair {
        first: &["asked", "pedi", "demande", "chiesto", "lassen"],
        then: &[
            "still in", "still on", "still had", "still there", "tenia todavia", "todavia tenia",
            "todavia estaba", "todavia estaban", "aun tenia", "avait encore", "etait encore",
            "etaient encore", "restait encore", "steckte noch", "steckten noch", "noch drin",
            "aveva ancora", "era ancora", "erano ancora", "c'era ancora", "c'erano ancora",
            "ainda tinha", "ainda estava", "ainda estavam",
        ],
        within: 16,
        told: true,
        unless_then: &["nie", "jamais", "never", "mai", "nunca"],
        ..PLAIN
    },
    // Paid for it, and over before it began: "paid extra for the sunset cruise and the boat was
    // back before the sun had even started going down", "le bateau était de retour au port avant
    // même", "wieder im Hafen, bevor die Sonne überhaupt". Not what came sooner than hoped ("paid
    // at nine and it arrived before I'd even had lunch"): something must end or go back first.
    Pair {
        first: &[
            "paid", "pagamos", "pague", "paguei", "paye", "payee", "bezahlt", "pagato", "pagata",
        ],
        then: &["even", "siquiera", "meme", "uberhaupt", "ancora", "sequer"],
        via: &[
            "back", "over", "left", "ended", "finished", "closed", "volvio", "volvieron", "termino",
            "cerro", "retour", "fini", "ferme", "wieder", "zuruck", "vorbei", "rientrata",
            "tornata", "rientrato", "tornato", "finito", "chiuso", "volta", "acabou", "fechou",
        ],
        within: 20,
        ..PLAIN
    },
    // Drove on past, German's way: "ist einfach an meinen Kindern vorbeigefahren".
    Pair {
        first: &["einfach"],
        then: &["vorbeigefahren", "weitergefahren", "vorbeigelaufen"],
        within: 5,
        one_clause: true,
        ..PLAIN
    },
];
