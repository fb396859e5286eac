//! What the seventeenth day's blind set (`l` of `data/business/heldout.csv`) showed, in posts of
//! its own: what the writer had written off and the business saved, a death told with sadness,
//! someone else's thing given to the writer, luck that the writer checked, the water turned off
//! and left off, a dose doubled, no hurry, and "please" before a request. Then what set `m`,
//! written after those rules, showed: a room that looks onto a wall, the difference to refund,
//! marked delivered and nowhere, stains everywhere, results read out loud, a shock and a wish
//! that the owner is well, the writer's own "can't come", ten out of ten, never hurried, talked
//! through it on the phone. And what set `n` showed: a condition told before a question, a pet's
//! death and its appointments cancelled, a way in blocked, arrived after it was over, what was
//! reserved given to others, never made to feel slow, calm through the customer's mishaps. And
//! what set `o` showed: a machine that floods the kitchen, arrived chipped, charged for what was
//! never opened, a shop's pet gone missing, left out in the rain, told a time and still waiting
//! at a later one, with time to spare. And set `p`'s: another's logo, cut too short, late to
//! every one, came again without a part, kept aside for the writer who rang to say they would be
//! late, a favourite of the staff moving away. `earshot classify` is what is tested.

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const TOLD: &[(&str, &str, &str, bool)] = &[
    // Written off, and saved: relief, which is praise. Not a hope given up on.
    ("The cobbler saved the boots I'd given up on", "en", "positive", false),
    ("El relojero arregló el reloj de mi abuelo, que yo ya daba por perdido", "es", "positive", false),
    ("Le cordonnier a sauvé mes bottes que je croyais fichues", "fr", "positive", false),
    ("Die Schneiderei hat meinen Mantel gerettet, den ich schon abgeschrieben hatte", "de", "positive", false),
    ("Il calzolaio ha salvato gli stivali che davo ormai per persi", "it", "positive", false),
    ("O sapateiro salvou as botas que eu já dava como perdidas", "pt", "positive", false),
    ("I've given up on ever getting my refund", "en", "negative", true),
    // A death told with sadness: no complaint, and no repair put right for all the years of
    // mending.
    ("Sehr traurig, dass die alte Bäckerin gestorben ist, sie hat uns jeden Morgen Brötchen gebacken", "de", "negative", false),
    ("Che tristezza sapere che il vecchio orologiaio è morto, ci ha riparato gli orologi per vent'anni", "it", "negative", false),
    ("Que tristeza saber que a dona da mercearia faleceu, arranjou-nos a loja durante quarenta anos", "pt", "negative", false),
    // Someone else's thing given to the writer.
    ("The optician gave me someone else's glasses", "en", "negative", true),
    ("En la óptica me dieron las gafas de otro cliente", "es", "negative", true),
    ("Le pressing m'a remis la veste d'un autre client", "fr", "negative", true),
    ("In lavanderia mi hanno consegnato la giacca di un altro cliente", "it", "negative", true),
    ("Na lavandaria deram-me o casaco de outro cliente", "pt", "negative", true),
    // Luck that the writer checked is no relief to praise; luck alone is no complaint.
    ("Menos mal que revisé el ticket, me habían cobrado dos veces el vino", "es", "negative", true),
    ("Heureusement que j'ai vérifié le ticket, ils avaient compté deux fois le vin", "fr", "negative", true),
    ("Zum Glück habe ich die Rechnung kontrolliert, der Wein stand zweimal drauf", "de", "negative", true),
    ("Luckily the rain stopped just before the ceremony", "en", "neutral", false),
    // The water or the power turned off and left off; a dose doubled.
    ("The electrician switched the power off and left without turning it back on", "en", "negative", true),
    ("L'idraulico ha chiuso il gas ed è andato via senza riaprirlo", "it", "negative", true),
    ("O técnico desligou a água e foi-se embora sem voltar a abrir", "pt", "negative", true),
    ("The nurse gave my father double the dose of his tablets", "en", "negative", true),
    ("Die Apotheke hat meiner Tochter die doppelte Dosis aufgeschrieben", "de", "negative", true),
    ("Il veterinario ci ha prescritto il doppio della dose", "it", "negative", true),
    ("A double dose of fun at the kids' club today", "en", "positive", false),
    // No hurry: a plain notice, unless a turn says otherwise.
    ("No rush on the alterations, I won't need the suit until March", "en", "neutral", false),
    ("Rien ne presse pour la facture", "fr", "neutral", false),
    ("Keine Eile mit dem Kostenvoranschlag, wir ziehen erst im März um", "de", "neutral", false),
    ("No rush, but it's been three weeks since I paid", "en", "negative", true),
    // "Please" before a request is its form; before praise it stays praise.
    ("Please leave the parcel with my neighbour at number 4", "en", "neutral", false),
    ("Please never change, best bakery in town", "en", "positive", false),
];

/// What set `m` showed, in posts of its own.
#[rustfmt::skip]
const SHOWN: &[(&str, &str, &str, bool)] = &[
    ("La habitación da a un muro y no al jardín que pagamos", "es", "negative", true),
    ("Bonjour, vous m'avez facturé le plein tarif alors que c'était en promo, pouvez-vous rembourser la différence ?", "fr", "negative", true),
    ("Le colis est marqué comme livré mais il est introuvable", "fr", "negative", true),
    ("Il pittore ha lasciato macchie dappertutto sul divano", "it", "negative", true),
    ("La enfermera leyó mis resultados de sangre en voz alta en el mostrador", "es", "negative", true),
    ("Die Arzthelferin hat meine Befunde vor allen anderen Patienten vorgelesen", "de", "negative", true),
    // "Laut" is also "according to".
    ("Die Ergebnisse laut Labor sind alle in Ordnung, danke für den schnellen Anruf", "de", "positive", false),
    ("Che spavento sapere che hanno rapinato la tabaccheria, spero che il proprietario stia bene", "it", "negative", false),
    ("Schockiert, dass die Bäckerei überfallen wurde, hoffentlich geht es dem Besitzer gut", "de", "negative", false),
    ("Lo siento, no podré ir al entrenamiento del jueves", "es", "neutral", false),
    ("Désolé, je ne pourrai pas venir au rendez-vous de lundi", "fr", "neutral", false),
    ("Tut mir leid, ich kann heute nicht zum Training kommen", "de", "neutral", false),
    ("Dix sur dix pour le service, on reviendra", "fr", "positive", false),
    ("Dez em dez para o atendimento da farmácia", "pt", "positive", false),
    ("El fontanero me fue guiando por teléfono y arreglé la fuga yo solo", "es", "positive", false),
    ("Der Techniker hat mich am Telefon angeleitet, alles läuft wieder", "de", "positive", false),
    ("Il tecnico mi ha guidato al telefono, tutto risolto in cinque minuti", "it", "positive", false),
];

/// What set `n` showed, in posts of its own.
#[rustfmt::skip]
const ASKED: &[(&str, &str, &str, bool)] = &[
    // A condition told before a question is why the writer asks; told before what came, it is
    // the complaint.
    ("My daughter is allergic to eggs, can she have the pancakes?", "en", "neutral", false),
    ("Mio figlio è allergico al latte, il gelato al limone va bene per lui?", "it", "neutral", false),
    ("A minha filha é alérgica ao ovo, o bolo de chocolate tem?", "pt", "neutral", false),
    ("I told the waiter I'm allergic to nuts and the salad came with walnuts", "en", "negative", true),
    ("Our cat died on Sunday, please cancel her check-up next week", "en", "negative", false),
    ("O nosso gato morreu no domingo, por favor cancelem as marcações dele", "pt", "neutral", false),
    ("The delivery van has been blocking our driveway all morning", "en", "negative", true),
    ("Le camion de livraison bloque notre garage depuis ce matin", "fr", "negative", true),
    ("Il furgone delle consegne ci blocca il garage da stamattina", "it", "negative", true),
    ("The caterers arrived after the party had finished", "en", "negative", true),
    ("Der DJ kam erst nach dem Ende der Feier", "de", "negative", true),
    ("The front-row seats we booked were given to other people", "en", "negative", true),
    ("Les places que nous avions réservées ont été données à d'autres spectateurs", "fr", "negative", true),
    ("I posti che avevamo prenotato sono stati dati ad altri clienti", "it", "negative", true),
    ("The swimming coach never made my son feel slow", "en", "positive", false),
    ("El entrenador nunca le hizo sentir torpe a mi hijo", "es", "positive", false),
    ("L'allenatrice non ha mai fatto sentire inadeguata mia figlia", "it", "positive", false),
    ("The dentist stayed calm even when my son kicked him", "en", "positive", false),
    ("La peluquera mantuvo la calma aunque mi hija no paraba de llorar", "es", "positive", false),
    ("Il maestro è rimasto calmo anche quando i bambini urlavano", "it", "positive", false),
];

/// What set `o` showed, in posts of its own.
#[rustfmt::skip]
const LEFT: &[(&str, &str, &str, bool)] = &[
    ("The washing machine you fitted floods the bathroom every time", "en", "negative", true),
    ("Seit der Reparatur steht bei jedem Waschgang die Küche unter Wasser", "de", "negative", true),
    ("Three of the plates arrived chipped", "en", "negative", true),
    ("Las tazas llegaron desportilladas", "es", "negative", true),
    ("They charged me for the wine although we never even opened it", "en", "negative", true),
    ("So sad to hear the shop dog has gone missing, hope he turns up", "en", "negative", false),
    ("Que pena que se haya perdido el perro del bar, ojalá aparezca", "es", "negative", false),
    ("The courier left my parcel on the step in the rain", "en", "negative", true),
    ("Der Bote hat das Paket im Regen vor der Tür stehen lassen", "de", "negative", true),
    ("Il corriere ha lasciato il pacco fuori sotto la pioggia", "it", "negative", true),
    ("Nos dijeron que el coche estaría listo a las 10 y a las 2 todavía estábamos esperando", "es", "negative", true),
    ("Disseram-nos que a mesa estaria pronta às 8 e às 9 ainda estávamos à porta", "pt", "negative", true),
    ("The florist had the bouquets ready with an hour to spare", "en", "positive", false),
    ("We finished the walk in the rain and loved every minute", "en", "positive", false),
];

/// What set `p` showed, in posts of its own.
#[rustfmt::skip]
const KEPT: &[(&str, &str, &str, bool)] = &[
    ("The club shop printed the shirts with another team's badge", "en", "negative", true),
    ("Die Druckerei hat die Tassen mit dem Logo einer anderen Firma bedruckt", "de", "negative", true),
    ("El peluquero me cortó el flequillo demasiado corto", "es", "negative", true),
    ("Der Friseur hat den Pony viel zu kurz geschnitten", "de", "negative", true),
    ("The cleaner has been late for every shift this month", "en", "negative", true),
    ("Die Nachhilfe kam zu jeder Stunde zu spät", "de", "negative", true),
    ("The grocery box came without the eggs again", "en", "negative", true),
    ("La compra ha llegado otra vez sin los huevos", "es", "negative", true),
    ("The plumber came without being asked when he saw the leak next door", "en", "positive", false),
    ("The butcher kept the last chicken aside for us when I rang to say we'd be late", "en", "positive", false),
    ("La carnicera me guardó el último pollo cuando llamé para decir que llegaba tarde", "es", "positive", false),
    ("Dommage que notre coiffeuse préférée déménage, elle va nous manquer", "fr", "negative", false),
    ("Schade, dass unser Lieblingsbarista wegzieht, er wird uns fehlen", "de", "negative", false),
];

#[test]
fn the_seventeenth_days_cases_read_as_told() {
    none_wrong(&misreads(TOLD));
}

#[test]
fn the_cases_of_the_set_written_after_them_read_as_told() {
    none_wrong(&misreads(SHOWN));
}

#[test]
fn the_cases_of_the_third_set_read_as_told() {
    none_wrong(&misreads(ASKED));
}

#[test]
fn the_cases_of_the_fourth_set_read_as_told() {
    none_wrong(&misreads(LEFT));
}

#[test]
fn the_cases_of_the_fifth_set_read_as_told() {
    none_wrong(&misreads(KEPT));
}

#[test]
fn the_reasons_name_what_was_given_and_what_was_saved_not_the_luck() {
    none_wrong(&misquoted(&[
        (
            "The garage gave me someone else's keys, luckily I checked the number plate",
            "gave … someone else's",
            "luckily",
        ),
        (
            "Il calzolaio ha salvato gli stivali che davo ormai per persi",
            "davo … per persi",
            "complaint",
        ),
        (
            "The nurse gave my father double the dose of his tablets",
            "double the dose",
            "",
        ),
    ]));
}
