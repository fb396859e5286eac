//! What the nineteenth day's blind set (`t` of `data/business/heldout.csv`, 47 of 72 read right
//! at its one reading) showed, in posts of its own: a wish written on the order with someone
//! else's name ("the cake said Happy Birthday Tom and my son is called Tim"), the writer's bad
//! knee in a question, nobody able to say where the writer's things are, mud trodden through the
//! house, a fault the work left behind ("but now … it never did that before"), a cry of delight
//! at paying for it, a death told in the subjunctive, a patient teacher, children who have not
//! stopped talking about it; and a complaint its cues name that the model read as praise from
//! topic words alone. And what set `u`, written after those rules (37 of 72 at its one reading,
//! as the build before them read it), showed: work left unfinished and someone asked to come
//! back, a cry of delight over a quiet room booked and another given, "too scary?" asked, a
//! string snapped the same evening, nobody rushed us, a mark mended out of sight, sorry to read
//! of the business's misfortune. And set `v`'s (23 of 72 at its one reading, as the builds
//! before t's and u's rules read it): a wish that someone of the business is soon back, waited
//! for one of the writer's, slowed down for them, as it always was, thanks for the news of a
//! cancellation, the writer's own lateness, back again for the same fault, never rang once, the
//! wrong date printed; and sympathy is no abuse. `earshot classify` is what is tested.

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const WRITTEN: &[(&str, &str, &str, bool)] = &[
    // A wish written on the order, and the writer's own whose name is another: the wish is no
    // praise, the names a complaint. Not a wish the writer liked.
    ("The cupcakes said Happy Birthday Ella and my daughter is called Bella", "en", "negative", true),
    ("En la tarta ponía Feliz cumpleaños Marta y mi hija se llama Marina", "es", "negative", true),
    ("Sur la carte il y avait écrit Joyeux Noël Paul alors que mon mari s'appelle Pierre", "fr", "negative", true),
    ("Auf dem Kuchen stand Alles Gute Lena, meine Tochter heißt aber Lina", "de", "negative", true),
    ("Sulla torta c'era scritto Buon compleanno Luca e mio marito si chiama Luigi", "it", "negative", true),
    ("O bolo dizia Parabéns Rita e a minha filha chama-se Rosa", "pt", "negative", true),
    ("The cake said Happy Birthday Mia in pink icing, she loved it", "en", "positive", false),
    // The writer's body in a question: why they ask. Told, it is the complaint it reads as.
    ("Do you do massages for someone with a sore shoulder?", "en", "neutral", false),
    ("Ist das Studio auch was für jemanden mit kaputter Schulter?", "de", "neutral", false),
    ("My shoulder has been sore ever since your massage", "en", "negative", true),
    // Nobody can say where the writer's things are.
    ("Dejé el reloj para cambiarle la pila hace tres semanas y nadie sabe decirme dónde está", "es", "negative", true),
    ("Ich habe meinen Mantel zur Reinigung gebracht und niemand kann mir sagen, wo er ist", "de", "negative", true),
    // Mud trodden through the house.
    ("The plumber left muddy footprints across our white rug", "en", "negative", true),
    ("Der Elektriker hat im ganzen Flur schlammige Fußspuren hinterlassen", "de", "negative", true),
    // A fault the work left behind; not a change for the better.
    ("Le garagiste a changé les pneus mais maintenant la voiture vibre, elle ne le faisait jamais avant", "fr", "negative", true),
    ("Il tecnico ha pulito la lavatrice ma ora perde acqua, prima non lo faceva", "it", "negative", true),
    ("Die Werkstatt hat den Ölwechsel gemacht, aber jetzt leuchtet eine Warnlampe, das war vorher nie", "de", "negative", true),
    ("The tuner came, and now the piano sounds better than ever", "en", "positive", false),
    // A cry of delight at paying for it.
    ("Toll, für die Expresslieferung zu zahlen und dann drei Tage zu warten", "de", "negative", true),
    // A death told in the subjunctive: sad news, no complaint.
    ("Qué pena que haya fallecido el zapatero del barrio", "es", "negative", false),
    // A patient teacher; children still talking about it.
    ("Die Zahnärztin war so geduldig mit unserem ängstlichen Sohn", "de", "positive", false),
    ("The kids haven't stopped talking about the magician since Saturday", "en", "positive", false),
    ("Os miúdos não param de falar do mágico", "pt", "positive", false),
    ("Los niños no paran de hablar del mago", "es", "positive", false),
];

/// Set `u`'s kinds, in posts of their own.
#[rustfmt::skip]
const SHOWN: &[(&str, &str, &str, bool)] = &[
    // Work left unfinished, and someone asked to come back: a polite complaint.
    ("Hi, the decorators left a couple of patches by the window, could someone come back and finish them?", "en", "negative", true),
    ("Hola, el pintor dejó la puerta del baño a medio pintar, ¿puede volver alguien?", "es", "negative", true),
    ("Hallo, die Maler haben im Flur Stellen ausgelassen, könnte jemand nochmal kommen?", "de", "negative", true),
    ("Olá, ficou uma parede por pintar na sala, podem voltar para acabar?", "pt", "negative", true),
    // A cry of delight over what was booked with praise and what came without: sarcasm. Not
    // over an order that came.
    ("Brilliant, ordered the quiet table in the corner and got the one by the kitchen door", "en", "negative", true),
    ("Super, ein ruhiges Zimmer zum Garten gebucht und eins an der Straße bekommen", "de", "negative", true),
    ("Fantástico, reservé una mesa tranquila y me dieron una junto a la puerta del baño", "es", "negative", true),
    ("Great, ordered at nine and got it by noon", "en", "positive", false),
    // "Too scary?" asked is what the writer asks about; "why … too loud?" is a complaint.
    ("Is the haunted house tour too scary for a 10 year old?", "en", "neutral", false),
    ("¿El circuito de aventura es demasiado peligroso para niños pequeños?", "es", "neutral", false),
    ("Why is the music always too loud in there?", "en", "negative", true),
    // Broken the same day it was mended.
    ("The guitar shop fitted new strings and one snapped the same day", "en", "negative", true),
    ("El zapatero cambió la suela y se rompió ese mismo día", "es", "negative", true),
    ("Gestern neue Kette montiert und am selben Tag ist sie gerissen", "de", "negative", true),
    // Nobody rushed us; a mark mended out of sight.
    ("We stayed an hour after closing and nobody rushed us", "en", "positive", false),
    ("Die Feier ging länger und niemand hat uns gedrängt", "de", "positive", false),
    ("A festa acabou tarde e ninguém nos apressou", "pt", "positive", false),
    ("You can't even tell where the crack in the windscreen was", "en", "positive", false),
    ("Nem se nota onde estava o risco no carro", "pt", "positive", false),
    // Sorry to read of the business's misfortune: sad news, no complaint.
    ("Desolée d'apprendre que la vitrine de la pâtisserie a été brisée cette nuit", "fr", "negative", false),
    ("Che rabbia leggere che hanno svaligiato la libreria del quartiere", "it", "negative", false),
    ("Que rabia leer que han entrado a robar en la ferretería", "es", "negative", false),
];

/// Set `v`'s kinds, in posts of their own.
#[rustfmt::skip]
const LAST: &[(&str, &str, &str, bool)] = &[
    // Hurt, and a wish to see them back soon: sad news, no complaint, no abuse.
    ("Such a shame the florist hurt her back, hope she's back in the shop soon", "en", "negative", false),
    ("Qué pena que la peluquera se haya caído, ojalá vuelva pronto", "es", "negative", false),
    ("So schade, dass sich die Wirtin den Fuß verstaucht hat, hoffentlich ist sie bald wieder da", "de", "negative", false),
    ("Que pena a costureira ter caído, espero que volte depressa", "pt", "negative", false),
    // Waited for one of the writer's, slowed down for them: kindness. Not the writer's wait.
    ("The taxi driver waited for my gran while she found her purse", "en", "positive", false),
    ("El camarero nos esperó aunque ya habían cerrado la cocina", "es", "positive", false),
    ("Die Kellnerin hat auf uns gewartet, obwohl die Küche schon zu war", "de", "positive", false),
    ("We waited for our food for an hour", "en", "negative", true),
    ("The instructor slowed the class down for me on my first day", "en", "positive", false),
    ("La guida ha rallentato il giro per noi quando pioveva", "it", "positive", false),
    // As it always was.
    ("The ice cream tastes exactly like it used to when I was small", "en", "positive", false),
    ("Das Brot schmeckt genau wie früher", "de", "positive", false),
    // Thanks for the news of a loss or a cancellation: sarcasm.
    ("Merci pour le joli mail m'annonçant que mon colis est perdu", "fr", "negative", true),
    ("Obrigado pela mensagem a dizer que a reserva foi cancelada", "pt", "negative", true),
    // The writer's own lateness asks; it is no complaint.
    ("Sorry, I'll be five minutes late for my appointment, is that OK?", "en", "neutral", false),
    ("Voy a llegar cinco minutos tarde a mi cita, ¿pasa algo?", "es", "neutral", false),
    // Back again for the same fault; never rang once; the wrong date printed.
    ("Third trip back with the same squeaky door", "en", "negative", true),
    ("Die Werkstatt hat in drei Wochen kein einziges Mal angerufen", "de", "negative", true),
    ("The wedding invitations came back with the wrong date on them", "en", "negative", true),
];

#[test]
fn the_cases_of_the_last_set_read_as_shown() {
    none_wrong(&misreads(LAST));
}

#[test]
fn sympathy_is_no_abuse() {
    let post = "Such a shame the florist hurt her back, hope she's back in the shop soon";
    let got = earshot_core::triage::classify(post, None);
    assert!(!got.abusive, "{:?}", got.reasons);
}

#[test]
fn the_cases_of_the_set_written_after_them_read_as_shown() {
    none_wrong(&misreads(SHOWN));
}

#[test]
fn the_nineteenth_days_cases_read_as_written() {
    none_wrong(&misreads(WRITTEN));
}

#[test]
fn the_reasons_name_the_two_names_and_not_the_wish() {
    none_wrong(&misquoted(&[
        (
            "Auf dem Kuchen stand Alles Gute Lena, meine Tochter heißt aber Lina",
            "complaint: 'stand … heißt'",
            "gute",
        ),
        (
            "Il tecnico ha pulito la lavatrice ma ora perde acqua, prima non lo faceva",
            "ora … prima non",
            "",
        ),
        (
            "Toll, für die Expresslieferung zu zahlen und dann drei Tage zu warten",
            "sarcastic: 'toll'",
            "",
        ),
        (
            "Super, ein ruhiges Zimmer zum Garten gebucht und eins an der Straße bekommen",
            "sarcastic: 'super'",
            "ruhiges",
        ),
        (
            "Gestern neue Kette montiert und am selben Tag ist sie gerissen",
            "selben … gerissen",
            "",
        ),
    ]));
}
