//! More idioms for `idioms.rs`, written as in `idiom_list.rs` (whose file is full): praise said
//! through a negation of taking advantage ("didn't take advantage", "n'a pas profité de la
//! situation"), and worth what it cost ("lo compensan", "ne valgono la pena"). Earshot's own
//! list.

#[rustfmt::skip]
pub(super) const MORE_IDIOMS: &[(&str, f64)] = &[
    // The locksmith at 2am, the plumber on Christmas Day: a fair price when the writer had no
    // choice.
    ("didnt|never take|took advantage", 2.0),
    ("did not take advantage", 2.0),
    ("no se aprovechó|aprovecho|aprovecharon de la situación|situacion", 2.0),
    ("ne a|ont|avait|avaient pas profité|profite|abusé|abuse de la situation", 2.0),
    ("sans profiter|abuser de la situation", 2.0),
    ("situation|notlage|lage nicht ausgenutzt", 2.0),
    ("non ha|hanno approfittato della situazione", 2.0),
    ("senza approfittare della situazione", 2.0),
    ("não|nao se aproveitou|aproveitaram da situação|situacao", 2.0),
    // Found a home in a week: "found us a flat in a week", "nos encontró piso en una semana".
    ("found|find us a|an flat|house|home|place", 2.0),
    ("nos encontró|encontro|encontraron piso|casa", 2.0),
    // Closing for good: for ever, not "good" (sad news, `farewell.rs`).
    ("closing|closes|closed|close|shutting|shut for good", -1.5),
    // The care taken over a hard day: "the care you took with Mum's funeral".
    ("care you took|showed", 2.0),
    // Worth what it cost: "lo compensan", "ne valgono la pena", "compensam".
    ("lo|la compensa|compensan|compensaba|compensó|compenso", 2.0),
    ("ne vale|valgono|valeva|valevano la pena", 2.0),
    // Still talking about it: "haven't stopped talking about it", "não pararam de falar nisso".
    ("havent|hasnt|not stopped talking about", 2.0),
    ("no han|ha parado de hablar", 2.0),
    ("no paran|para de hablar", 2.0),
    ("não|nao pararam|param|parou|para de falar", 2.0),
    // No push to buy: "never once pushed us to buy", "en ningún momento nos presionó", "uns kein
    // einziges Mal zum Kaufen gedrängt", "nunca nos pressionou a comprar". Word by word a
    // negation and a wish to buy; whole, a shop's patience.
    ("never|not once pushed|pressured|pressed us|me", 2.0),
    ("no pressure to buy", 2.0),
    ("nunca|momento nos|me presionó|presiono|presionaron|agobió|agobio", 2.0),
    ("jamais poussés|pousses|poussé|pousse|poussée|poussee à|a acheter", 2.0),
    ("nicht|nie|niemand|kein|keinmal … zum kaufen gedrängt|gedrangt|überredet|uberredet", 2.0),
    ("mai messo fretta", 2.0),
    ("nunca|ninguém|ninguem nos|me pressionou|pressionaram|pressionar", 2.0),
    // Nobody rushed us out: "nobody rushed us out", "niemand hat uns rausgedrängt".
    ("nobody rushed|hurried us|me", 2.0),
    ("no one rushed|hurried us|me", 2.0),
    ("nadie nos|me metió|metio|metieron prisa", 2.0),
    ("niemand hat uns|mich rausgedrängt|gedrängt|gehetzt|rausgeworfen", 2.0),
    ("nessuno ci|mi ha messo fretta", 2.0),
    ("ninguém|ninguem nos|me apressou|apressaram", 2.0),
    // The mark mended out of sight: "you can't even see where the old scar was", "ni se ve
    // dónde estaba la cicatriz", "man sieht nicht mal mehr, wo die alte Narbe war".
    ("cant|cannot even see|tell where", 2.0),
    ("ni se ve|nota dónde|donde", 2.0),
    ("on ne voit même|meme plus|pas où|ou", 2.0),
    ("sieht nicht mal|einmal mehr $", 2.0),
    ("non si vede nemmeno|neanche dove", 2.0),
    ("nem se vê|ve|nota onde", 2.0),
    // Waited for one of the writer's, told of the business ("the bus driver waited for my mum");
    // not the writer's own wait ("esperé", "j'ai attendu", "ho aspettato").
    ("waited for my|our mum|dad|mother|father|gran|grandma|nan|son|daughter|wife|husband", 2.0),
    ("esperó|espero a mi|mis|nuestro|nuestra|nuestros|nuestras", 2.0),
    ("nos esperó|espero", 2.0),
    ("a attendu ma|mon|mes|notre|nos", 2.0),
    ("hat auf meine|meinen|unsere|unseren|uns … gewartet", 2.0),
    ("ha aspettato mia|mio|nostra|nostro|nostri", 2.0),
    ("ci ha aspettato|aspettati", 2.0),
    ("esperou pela|pelo|por minha|meu|nossa|nosso|nós|nos", 2.0),
    // Slowed down for the writer's own: "slowed the whole group down for him".
    ("slowed … down for him|her|us|me", 2.0),
    ("bajó|bajo el ritmo … por él|el|ella|nosotros|mí|mi", 2.0),
    ("ralenti … pour lui|elle|nous|moi", 2.0),
    ("für|fur ihn|sie|uns|mich langsamer", 2.0),
    ("rallentato … per lui|lei|noi|me", 2.0),
    ("abrandou … por ele|ela|nós|nos|mim", 2.0),
    // As it always was, under new owners: "taste exactly like they used to", "genau wie früher".
    ("exactly|just like they|it used to", 2.0),
    ("igual que antes|siempre", 1.5),
    ("genau wie früher|fruher", 2.0),
    ("sapore di una volta", 2.0),
    ("mesmo de antes", 1.5),
    // Cannot stop looking in the mirror, or smiling: "no paro de mirarme al espejo", "je
    // n'arrête pas de me regarder", "non smetto di sorridere".
    ("no paro|dejo de mirarme|sonreír|sonreir", 2.0),
    ("ne arrête|arrete pas de me regarder", 2.0),
    ("ne arrête|arrete pas de sourire", 2.0),
    ("non smetto di guardarmi|sorridere", 2.0),
    ("não|nao paro de me ver|olhar|sorrir", 2.0),
    ("cant|cannot stop smiling", 2.0),
    // Someone else who has not stopped smiling since: "he hasn't stopped smiling", "no ha
    // parado de sonreír", "hört gar nicht mehr auf zu lächeln", "ele não pára de sorrir".
    ("havent|hasnt|not stopped smiling|grinning|laughing", 2.0),
    // A thing that has not stopped making its noise is a fault: "hasn't stopped beeping".
    ("havent|hasnt|not stopped beeping|leaking|dripping|flashing|buzzing|rattling|squeaking", -2.0),
    ("no ha|han parado|dejado de sonreír|sonreir", 2.0),
    ("no para|paran de sonreír|sonreir", 2.0),
    ("hört|hort|hören|horen nicht mehr auf zu lächeln|lacheln|grinsen", 2.0),
    ("hört|hort|hören|horen gar nicht mehr auf zu lächeln|lacheln|grinsen", 2.0),
    ("não|nao pára|para|param|parou de sorrir", 2.0),
    // Tears of relief: "I could have cried with relief", "casi lloro de alivio", "j'ai failli
    // pleurer de soulagement", "quasi piangevo dal sollievo".
    ("cried|cry|crying with relief", 2.0),
    ("lloro|llorar|lloré|llorando de alivio", 2.0),
    ("pleurer|pleuré|pleure de soulagement", 2.0),
    ("vor erleichterung geweint|weinen|heulen|geheult", 2.0),
    ("piangevo|piangere|piangendo|piansi dal|di sollievo", 2.0),
    ("chorei|chorar|chorando de alívio|alivio", 2.0),
    // An upgrade given: "they upgraded us", "nos subieron de categoría", "ils nous ont
    // surclassés", "fizeram-nos um upgrade".
    ("upgraded us|me", 2.0),
    ("nos|me subieron de categoría|categoria", 2.0),
    ("nous ont surclassés|surclasses", 2.0),
    ("fizeram nos|me um upgrade", 2.0),
    // Nothing broken in a move or a delivery: "not one of them broke", "no se rompió ni uno".
    ("not one of them broke", 2.0),
    ("not one of them was|got broken", 2.0),
    ("not a single one broke", 2.0),
    ("not a single one was|got broken", 2.0),
    ("no se rompió|rompio ni uno|una", 2.0),
    ("pas un seul ne est cassé|casse", 2.0),
    ("pas une seule ne est cassée|cassee", 2.0),
    ("kein einziges|einziger|einzige ist|war zerbrochen|kaputtgegangen|kaputt", 2.0),
    ("non se ne è|e rotto|rotta nemmeno|neanche|neppure uno|una", 2.0),
    ("não|nao se partiu|partiram|quebrou nem um|uma", 2.0),
    // Overjoyed since: "he's been buzzing all week", "è al settimo cielo", "anda radiante"; not
    // a phone buzzing.
    ("hes|shes|ive|weve|theyve been buzzing", 2.5),
    ("hes|shes|im|theyre buzzing", 2.5),
    ("over the moon", 2.5),
    ("on cloud nine", 2.5),
    ("en una nube", 2.5),
    ("aux anges", 2.5),
    ("strahlt|strahlte|strahlen seitdem|seit", 2.5),
    ("strahlt|strahlte|strahlen die|den ganze|ganzen", 2.5),
    ("al settimo cielo", 2.5),
    ("anda|está|esta|ficou|ficaram radiante|radiantes", 2.5),
    // Kept at it until the writer had what they needed: "rang round until he found me a room",
    // "hasta encontrarme", "jusqu'à me trouver" (whose "jusqu'" the tokenizer drops), "bis er mir
    // … ein Zimmer gefunden hat", "finché non mi ha trovato", "até me arranjar".
    ("until|till he|she|they found|got me|us", 2.0),
    ("hasta encontrarme|encontrarnos|conseguirme|conseguirnos", 2.0),
    ("à|a me|nous trouver un|une", 2.0),
    ("bis er|sie mir|uns … … gefunden|besorgt", 2.0),
    ("finché|finche non mi|ci ha|hanno trovato|trovata", 2.0),
    ("até|ate me|nos arranjar|arranjarem|encontrar|encontrarem|conseguir|conseguirem", 2.0),
    // Not one came back with the fault feared: "Not one of the twelve shirts came back with a
    // crease", "Ni una de las doce camisas volvió con una arruga", "Nem uma das doze camisas
    // voltou com um vinco"; and whatever is done, keep doing it.
    ("not one of … came back with", 2.0),
    ("ni una|uno de … volvió|volvio|volvieron con", 2.0),
    ("pas une|un seule|seul … ne est|sont revenue|revenu|revenues|revenus avec", 2.0),
    ("nem uma|um das|dos … voltou|voltaram|veio|vieram com", 2.0),
    // Only the plural imperatives: "continua così" and "continua assim" are as often "it is still
    // like this", and "you keep doing it" a grievance.
    ("whatever youre|you are doing", 1.0),
    ("keep doing what youre|you are doing", 2.0),
    ("seguid|sigan haciéndolo|haciendolo", 2.0),
    ("continuez comme ça|ca", 2.0),
    ("macht weiter so", 2.0),
    ("continuate così|cosi", 2.0),
    ("continuem assim", 2.0),
    // Barely felt a thing, at the dentist's or the tattooist's.
    ("barely|hardly felt a thing", 2.0),
    ("casi no noté|note|sentí|senti nada", 2.0),
    ("presque rien senti", 2.0),
    ("kaum etwas|was gespürt|gespurt|gemerkt", 2.0),
    ("non ho sentito quasi niente|nulla", 2.0),
    ("quase não|nao senti nada", 2.0),
    // Thanks beyond words: "no sé cómo agradecérselo", "je ne le remercierai jamais assez",
    // "ich kann ihm nicht genug danken", "non so come ringraziarlo", "não tenho como agradecer".
    ("no sé|se cómo|como agradecérselo|agradecerselo|agradecéroslo|agradeceroslo|agradecerles", 2.5),
    ("ne le|la|vous|les remercierai|remercierons jamais assez", 2.5),
    ("nicht genug danken|bedanken", 2.5),
    ("non so come ringraziarlo|ringraziarla|ringraziarvi|ringraziarli", 2.5),
    ("não|nao tenho|temos como lhe|lhes|vos agradecer", 2.5),
    ("não|nao tenho|temos como agradecer", 2.5),
    ("nem sei|sabemos como agradecer", 2.5),
    // Payment put off until the writer could pay, after a theft or a lost card: "wouldn't let us
    // pay until we got home", "no nos dejó pagar hasta", "non ci ha fatto pagare finché".
    ("wouldnt|didnt let us|me pay until|till", 2.0),
    ("would not let us|me pay until|till", 2.0),
    ("no nos|me dejó|dejo|dejaron pagar hasta", 2.0),
    ("pas voulu on|que|quon paie|payions|payer avant", 2.0),
    ("non ci|mi ha|hanno fatto pagare finché|finche", 2.0),
    ("não|nao nos|me deixou|deixaram pagar até|ate", 2.0),
    // Nothing else needed beside what the business gives: "Who needs dessert when the starters
    // are this good?" (without "when", the question is sarcasm: `who_needs.rs`).
    ("who needs … when", 2.0),
    ("quién|quien necesita … cuando", 2.0),
    ("qui a besoin … quand", 2.0),
    ("wer braucht … wenn", 2.0),
    ("chi ha bisogno … quando", 2.0),
    ("quem precisa … quando", 2.0),
    // A treat slipped to the writer's child: "slipped her a bread roll", "le regalaban un
    // bollo", "on lui glissait un petit pain", "le regalavano un panino", "davam-lhe um pãozinho".
    ("slipped|slips her|him|them a|an", 2.0),
    ("le|les regalaban|regalaba|regalaron|regaló", 2.0),
    ("on lui|leur glissait|glisse", 2.0),
    ("on lui|leur a glissé|glisse", 2.0),
    ("le|gli regalavano|regalava", 2.0),
    ("le|gli hanno|ha regalato", 2.0),
    ("davam|dava|ofereciam|ofereceram|ofereceu lhe|lhes um|uma", 2.0),
    // The first who really listened, where others failed: "You're the first who actually
    // listened", "sois los primeros que de verdad", "die ersten, die wirklich zugehört haben".
    ("first who|to|that|one actually|really|finally bothered", 2.0),
    ("first who|to|that|one actually|really|finally", 2.0),
    ("los|las primeros|primeras que de verdad", 2.0),
    ("los|las primeros|primeras que realmente", 2.0),
    ("premiers|premières|premieres|premier|première|premiere à|a avoir vraiment", 2.0),
    ("ersten die wirklich", 2.0),
    ("erste die|der wirklich", 2.0),
    ("primi|prime|primo|prima ad|a avermi|averci|aver davvero", 2.0),
    ("primeiros|primeiras|primeiro|primeira a … a sério|serio", 2.0),
    // Not a penny asked, without "me": "didn't charge a penny for looking at it", "keinen Cent
    // verlangt".
    ("didnt|wouldnt charge a penny|cent|thing", 2.0),
    ("keinen cent|euro|pfennig verlangt|berechnet", 2.0),
    // Payment refused by the one owed it: "refused to take a penny", "se negó a cobrarme",
    // "a refusé de prendre le moindre centime", "si è rifiutato di farsi pagare", "recusou-se a
    // cobrar". Not "refused to take my card" nor "se negó a aceptar el vale": those are refusals.
    ("refused to take a|one|any penny|cent|dime|money|payment", 2.0),
    ("wouldnt take a|one|any penny|cent|dime|money|payment", 2.0),
    ("refused to charge me|us|anything|a", 2.0),
    ("se negó|nego|negaron a cobrar|cobrarme|cobrarnos|cobrarle|cobrarles", 2.0),
    ("refusé|refuse|refusée|refusee|refusés|refuses de prendre … centime|sou|argent|euro", 2.0),
    ("refusé|refuse|refusée|refusee de me|nous faire payer", 2.0),
    ("refusé|refuse|refusée|refusee être|etre payé|paye|payée|payee", 2.0),
    ("rifiutato|rifiutata|rifiutati di prendere … centesimo|soldi|euro", 2.0),
    ("rifiutato|rifiutata|rifiutati di farsi|farmi|farci pagare", 2.0),
    ("recusou|recusaram se a receber … cêntimo|centimo|tostão|tostao", 2.0),
    ("recusou|recusaram se a cobrar", 2.0),
    // Plates left clean, and children who talked of nothing else: "Not one crumb left on the
    // plates", "ni una miga", "kein Krümel", "didn't stop talking about the pizza".
    ("not one|a crumb left", 2.0),
    ("no quedó|quedo ni una miga", 2.0),
    ("pas une miette", 2.0),
    ("kein krümel|krumel mehr", 2.0),
    ("neanche|nemmeno|manco una briciola", 2.0),
    ("nem uma migalha", 2.0),
    ("didnt|couldnt|wouldnt stop talking about", 2.0),
    ("no pararon|paraban|paró|paro de hablar de|del", 2.0),
    ("pas arrêté|arrete de parler de|du|des", 2.0),
    ("von nichts anderem", 2.0),
    ("smesso di parlare del|della|di", 2.0),
    ("não|nao pararam|parou|paravam de falar da|do|de", 2.0),
    // Worth the wait: "worth every minute of the wait", "valait chaque minute d'attente".
    ("worth every minute|second", 2.0),
    ("valió|valio|vale|valía|valia cada minuto|segundo", 2.0),
    ("valait|vaut|valu chaque minute|seconde", 2.0),
    ("jede minute|sekunde … wert", 2.0),
    ("valeva|vale|valso ogni minuto|secondo", 2.0),
    ("valeu|vale|valia cada minuto|segundo", 2.0),
    // Something set aside for the writer each week: "sets aside a gluten-free loaf for her",
    // "le guarda un pan", "lui met de côté", "legt ihr … zurück", "le mette da parte".
    ("sets|set|puts|put aside … for", 2.0),
    ("le|me|nos|les guarda|guardan … todos|cada", 2.0),
    ("met|mettent|mettait de côté|cote", 2.0),
    ("legt|legen|legte ihr|mir|uns|ihm … zurück|zuruck", 2.0),
    ("le|mi|ci|gli mette|mettono|metteva da parte", 2.0),
    ("guarda|guardam|guardava lhe|me|nos um|uma", 2.0),
    // Praise the writer never expected to give: "Never thought I'd say this about a dentist",
    // "Nunca pensé que diría esto", "Non avrei mai pensato di dirlo" ("non" inside, or it turns).
    ("never thought id|i'd|i|ill say|be this|that", 2.0),
    ("nunca pensé|pense que diría|diria|iba esto|eso", 2.0),
    ("jamais cru dire ça|ca", 2.0),
    ("jamais cru que je dirais ça|ca", 2.0),
    ("non avrei|avevo mai pensato di dirlo|dire", 2.0),
    ("nunca pensei dizer isto|isso", 2.0),
    ("nunca pensei que diria isto|isso", 2.0),
    // Talked out of spending more: "talked me out of the expensive drill", "me convenció de no
    // comprar", "m'a dissuadé de prendre", "mir … ausgeredet", "mi ha sconsigliato".
    ("talked me|us out of", 2.0),
    ("convenció|convencio|convencieron de no comprar|gastar|llevar|pagar", 2.0),
    ("dissuadé|dissuade|dissuadée|dissuadee de prendre|acheter|payer|dépenser|depenser", 2.0),
    // "nous a dissuadés d'acheter", whose "d'" the tokenizer drops.
    ("dissuadés|dissuades|dissuadées|dissuadees|dissuadé|dissuadée acheter|payer|dépenser", 2.0),
    ("mir|uns … ausgeredet", 2.0),
    ("mir|uns davon abgeraten", 2.0),
    ("mi|ci ha|hanno sconsigliato", 2.0),
    ("convenceu|convenceram me|nos a não|nao levar|comprar|gastar", 2.0),
    // A sale that could have been made, and was not: "could have sold me a new battery, but…",
    // "podia ter-me vendido", "hätte mir eine neue verkaufen können".
    ("could have sold|charged me|us", 2.0),
    ("podría|podria|podrían|podrian|podía|podia haberme|habernos vendido|cobrado", 2.0),
    ("aurait|auraient pu me|nous vendre|facturer", 2.0),
    ("hätte|hätten|haette mir|uns … verkaufen|berechnen können|koennen", 2.0),
    ("avrebbe|avrebbero potuto vendermi|venderci|farmi|farci", 2.0),
    ("podia|podiam|poderia|poderiam ter me|nos vendido|cobrado", 2.0),
    // A smell the business got out: "Can't smell a thing now", "on ne sent plus rien".
    ("cant|cannot smell a thing", 2.0),
    ("ahora no se nota|huele nada", 2.0),
    ("sent plus rien", 2.0),
    ("riecht man gar|überhaupt|uberhaupt nichts mehr", 2.0),
    ("non si sente più|piu niente|nulla", 2.0),
    ("agora não|nao se sente nada", 2.0),
    // Wonder at how it was done: "No idea how he did it", "je ne sais pas comment il a fait".
    ("no idea how he|she|they|you did|managed it", 2.0),
    ("no sé|se cómo|como lo hizo|hicieron|hicisteis", 2.0),
    ("sais pas comment il|elle|ils ont|a fait", 2.0),
    ("keine ahnung wie er|sie|ihr das gemacht|geschafft", 2.0),
    ("non so come ci sia|siano|siate riuscito|riuscita|riusciti", 2.0),
    ("não|nao faço|faco ideia de como conseguiu|conseguiram|fez|fizeram", 2.0),
    // The big chains set aside for a little shop: "Forget the big DIY chains", "Olvidaos de las
    // grandes cadenas", "Oubliez les grandes enseignes", "Esqueçam as grandes cadeias".
    ("forget the big … chains|stores|supermarkets", 2.0),
    ("olvidaos|olvidad|olvídate|olvidate de las grandes cadenas|superficies", 2.0),
    ("oubliez les grandes enseignes|surfaces|chaînes|chaines", 2.0),
    ("lasciate perdere le grandi catene", 2.0),
    ("esqueçam|esquecam as grandes cadeias|superfícies|superficies", 2.0),
    // A price let down: "zwanzig Euro nachgelassen", "le ha fatto uno sconto".
    ("euro nachgelassen", 1.5),
    ("fatto uno sconto", 1.5),
    // Done unasked, in Spanish with the writer named: "sin que yo lo pidiera".
    ("sin que yo lo|se pidiera|pidiese", 2.0),
    ("sin que yo se lo pidiera|pidiese", 2.0),
    // A taxi or a table found for the writer: "found me a taxi at five in the morning", "me
    // consiguió un taxi", "m'a trouvé un taxi", "ein Taxi besorgt", "mi ha trovato un taxi".
    ("found|got|called|booked me|us a|an taxi|cab|table|seat|room|lift", 2.0),
    ("me|nos consiguió|consiguio|consiguieron|buscó|busco|pidió|pidio|llamó|llamo un taxi", 2.0),
    ("me|nos consiguió|consiguio|consiguieron una mesa|habitación|habitacion", 2.0),
    ("trouvé|trouve|appelé|appele|commandé|commande un taxi", 2.0),
    ("ein taxi besorgt|gerufen|bestellt|organisiert", 2.0),
    ("trovato|chiamato|prenotato un taxi", 2.0),
    ("arranjou|arranjaram|chamou|chamaram me|nos um táxi|taxi", 2.0),
    // Let use what is the business's own, a toilet or a phone: "still let my pregnant wife use
    // their toilet", "dejaron a mi mujer usar el baño"; "wouldn't let us use" is turned.
    ("let me|us use", 2.0),
    ("let my … use", 2.0),
    ("let my … pick|choose", 2.0),
    ("dejaron|dejó|dejo … usar", 2.0),
    ("laissé|laisse|laissés|laisses … utiliser", 2.0),
    ("auf die toilette gelassen", 2.0),
    ("lasciato|lasciata|lasciati … usare", 2.0),
    ("deixou|deixaram … usar", 2.0),
    // Taught how: "showed me how to tie a roast", "me enseñó a", "m'a montré comment", "mi ha
    // insegnato a", "ensinou-me a".
    ("showed|taught me|us how to", 2.0),
    ("me|nos enseñó|enseno|enseñaron|ensenaron a|cómo|como", 2.0),
    ("montré|montre comment", 2.0),
    ("mi|ci ha|hanno insegnato a|come", 2.0),
    ("ensinou|ensinaram me|nos a|como", 2.0),
    // Bullied at school, where a club or a class is what helped: sad, and no complaint to the
    // club ("at your school" is one). Standing tall again: "walks tall again", "con la cabeza
    // alta", "la tête haute", "a testa alta", "de cabeça erguida".
    ("bullied|bullying at|in school", -1.5),
    ("bullying en el colegio|instituto", -1.5),
    ("harceler|harcelé|harcelée|harcele à école", -1.5),
    ("in der schule gemobbt", -1.5),
    ("vittima di bullismo a scuola", -1.5),
    ("bullying na escola", -1.5),
    ("walks|walking|stands|standing tall", 2.0),
    ("con la cabeza alta", 2.0),
    ("la tête|tete haute", 2.0),
    ("geht|läuft wieder aufrecht", 2.0),
    ("a testa alta", 2.0),
    ("de cabeça|cabeca erguida", 2.0),
    // Sung along by a whole room: "the whole room sang along", "todo el local cantó".
    ("whole|entire room|pub|bar sang", 2.0),
    ("todo el local|bar|público|publico cantó|canto", 2.0),
    ("toute la salle a chanté|chante", 2.0),
    ("hat|haben mitgesungen", 2.0),
    ("tutto il locale|pubblico ha cantato", 2.0),
    ("sala|plateia inteira cantou", 2.0),
    // A child inspired: "now my daughter wants to be an illustrator", "ahora mi hija quiere
    // ser", "maintenant ma fille veut devenir", "jetzt will meine Tochter … werden".
    ("now my|our daughter|son|kid|kids|boy|girl wants|want to be", 2.0),
    ("ahora mi|nuestra|nuestro hija|hijo|niña|niño quiere ser", 2.0),
    ("maintenant ma|mon|notre fille|fils veut devenir|être|etre", 2.0),
    ("jetzt will|wollen meine|mein|unsere|unser tochter|sohn|kleine|kleiner … werden", 2.0),
    ("ora mia|mio|nostra|nostro figlia|figlio vuole fare|diventare", 2.0),
    ("agora a|o minha|meu|nossa|nosso filha|filho quer ser", 2.0),
    // A mishap told with irony: "managed to spill red wine down my shirt".
    ("managed to spill|drop|break|smash|lose|burn", -1.5),
    // Done for the writer while they shopped: "filleted the salmon for us while we did the rest
    // of our shopping", "mientras hacíamos el resto de la compra", "pendant qu'on finissait nos
    // courses", "während wir den Rest eingekauft haben", "mentre finivamo la spesa".
    ("while we|i did|finished the rest", 1.5),
    ("mientras hacíamos|haciamos|terminábamos|terminabamos el resto", 1.5),
    ("pendant … finissait|finissions|faisait|faisions nos|le courses|reste", 1.5),
    ("während wir|ich den rest", 1.5),
    ("mentre finivamo|facevamo|finivo|facevo la spesa", 1.5),
    ("enquanto fazíamos|faziamos|acabávamos|acabavamos o resto", 1.5),
    // Cheaper than the big one: "half the price of the big garage" (not "half the price at the
    // station", where it is dearer here).
    ("half the price of", 2.0),
    ("la mitad de precio que|de", 2.0),
    ("moitié|moitie prix par rapport", 2.0),
    ("halb so teuer wie", 2.0),
    ("metà|meta prezzo rispetto", 2.0),
    ("metade do preço|preco da|do", 2.0),
    // Cheaper than quoted: "rang to say it would come in cheaper than he'd quoted".
    ("cheaper than … quoted|quote|expected|estimated", 2.0),
    ("más|mas barata|barato de lo que me|nos había|habia presupuestado", 2.0),
    ("moins cher que prévu|prevu", 2.0),
    ("moins cher que le|son devis", 2.0),
    ("günstiger|gunstiger als im kostenvoranschlag|angebot", 2.0),
    ("costata|costato meno del preventivo|previsto", 2.0),
    ("mais barata|barato do que o orçamento|orcamento|previsto", 2.0),
    // Never rushed: "without once rushing us", "sin meternos prisa", "sans jamais nous presser",
    // "ohne uns … zu drängen", "senza mai metterci fretta", "sem nunca nos apressar".
    ("without once|ever rushing|hurrying|pressuring us|me", 2.0),
    ("sin meternos|meterme prisa", 2.0),
    ("sans jamais nous|me presser|brusquer", 2.0),
    ("ohne uns|mich … zu drängen|drangen|hetzen", 2.0),
    ("senza mai metterci|mettermi fretta", 2.0),
    ("sem nunca nos|me apressar", 2.0),
    // Done, somehow: "somehow got a shot with all fourteen grandchildren looking", "hat es
    // irgendwie geschafft". Not a harm done somehow ("somehow lost my parcel"): its cue stays.
    ("somehow got|managed|pulled", 2.0),
    ("irgendwie geschafft|hinbekommen", 2.0),
    // Told honestly a thing was not worth mending: advice, not a complaint of its worth.
    ("wasnt|isnt worth fixing|repairing|mending", 1.0),
    ("not worth fixing|repairing|mending", 1.0),
    // Made to feel one belonged: "made him feel he'd always belonged there", "lui a donné
    // l'impression qu'il avait toujours eu sa place".
    ("feel|feels|felt … always|truly belonged", 2.0),
    ("feel|feels|felt like he|she|they|we|i belonged", 2.0),
    ("toujours eu sa|leur|ma|notre place", 2.0),
    // Stayed on after the class to help: "stayed behind to show me", "se quedó después de clase
    // para", "est restée après le cours", "nach der Stunde geblieben", "rimasta dopo la lezione".
    ("stayed|stays behind to|after", 1.5),
    ("se quedó|quedo|quedaron después|despues de clase", 1.5),
    ("restée|restee|resté|reste|restés après|apres le cours", 1.5),
    ("nach der stunde geblieben|dageblieben", 1.5),
    ("nach dem kurs|training geblieben|dageblieben", 1.5),
    ("rimasta|rimasto|rimasti dopo la lezione", 1.5),
    ("ficou|ficaram depois da aula", 1.5),
    // Kept aside while the writer decided: "kept my husband's coat aside for a week".
    ("kept|put|set … aside for", 1.5),
    ("tenuto|tenuta da parte", 1.5),
    // Lent their own: "my daughter's teacher lent her own spare one", "le prestó el suyo",
    // "ihre eigene Ersatzgeige geliehen", "le ha prestato il suo", "emprestou-lhe o dela".
    ("lent|loaned|lends her|him|us|me … own", 2.0),
    ("prestó|presto|prestaron el|la|los|las suyo|suya|suyos|suyas", 2.0),
    ("eigene|eigenen|eigenes … geliehen", 2.0),
    ("prestato il|la|i|le suo|sua|suoi|sue", 2.0),
    ("emprestou|emprestaram … dele|dela", 2.0),
];
