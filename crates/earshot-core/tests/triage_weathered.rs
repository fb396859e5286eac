//! What the thirty-fifth day's blind sets taught, each with a post that must not be read the
//! same way. Set `ay`: payment refused by the one owed it, which is kindness; rain that fell,
//! which is nobody's fault; a parcel left in a bin; paid for colour or first class and given
//! black and white or second; a call hung up, in Spanish and Italian. Set `az`: talked out of
//! spending more, and a sale that could have been made, which are honesty; the writer's own
//! loss, somewhere; love of a claim in scare quotes, which is sarcasm; "arrived without any".
//! Set `ba`: plates left clean and children who talked of nothing else; worth every minute; a
//! bill for a visit called off; a fault hidden and back; moved after a complaint, at no charge;
//! sorrow at news of someone, which no rule of praise reads again. Set `bb`: a gift that makes
//! amends for the writer's own miss; pity for the writer's own pet; praise the writer never
//! thought to give; "not the end of the world, but"; lenses scratched. Set `bc`: thanks for a
//! claim in scare quotes, which is sarcasm; a fear the business eased, told with "until";
//! something set aside for the writer each week; the wrong song played. `earshot classify` is
//! what is tested.

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, bool)] = &[
    // Payment refused by the one owed it; a card refused by the shop.
    ("The locksmith refused to take any money for opening the door for my elderly neighbour", "en", "positive", false),
    ("La costurera se negó a cobrarnos el arreglo del vestido de comunión", "es", "positive", false),
    ("The shop refused to take my card and there was no cash machine", "en", "negative", true),
    // Rain that fell, and what it led to; rain let in; French "plu" that was liked.
    ("Ha piovuto tutto il giorno alla sagra, così siamo tornati a casa presto", "it", "negative", false),
    ("Llovió toda la mañana, así que la mitad de los puestos ya habían recogido", "es", "negative", false),
    ("It rained into our room through the broken window", "en", "negative", true),
    ("Le concert m'a beaucoup plu, merci", "fr", "positive", false),
    // A parcel in a bin.
    ("Il corriere ha lasciato il pacco nel bidone dell'umido", "it", "negative", true),
    // Paid for one thing, given a lesser.
    ("Paid for a first class ticket and they gave us seats in second class", "en", "negative", true),
    ("Paguei impressões a cores e deram-me fotos a preto e branco", "pt", "negative", true),
    // A call hung up.
    ("El técnico me colgó el teléfono sin dejarme hablar", "es", "negative", true),
    // Talked out of spending; a sale not made.
    ("The guy at the phone shop talked me out of the insurance, which was honest of him", "en", "positive", false),
    ("Hätte mir einen neuen Auspuff verkaufen können, hat ihn aber geschweißt", "de", "positive", false),
    // The writer's own loss somewhere; a loss by the business.
    ("Ho perso l'ombrello da qualche parte in centro, che rabbia", "it", "negative", false),
    ("The courier lost my parcel somewhere between the depot and my house", "en", "negative", true),
    // Love of a claim in scare quotes; and of one praised.
    ("Adoro il 'servizio veloce': un'ora per un caffè", "it", "negative", true),
    ("Love the 'secret' garden behind the café, so peaceful", "en", "positive", false),
    // Arrived without any; without any trouble.
    ("Ordered three chairs and the delivery came without any", "en", "negative", true),
    ("Il est arrivé sans aucun problème", "fr", "positive", false),
    // Plates left clean; talked of nothing else; worth every minute.
    ("Pas une miette n'est restée dans les assiettes des enfants", "fr", "positive", false),
    ("Les enfants n'ont pas arrêté de parler du spectacle de magie", "fr", "positive", false),
    ("Il parrucchiere ci ha messo un po', ma valeva ogni minuto", "it", "positive", false),
    // A bill for what the business called off; a fault back.
    ("The roofer sent a bill for a visit that his office cancelled", "en", "negative", true),
    ("The mould was back two weeks after they repainted the bathroom", "en", "negative", true),
    // Moved after a complaint, at no charge.
    ("I complained about the draught and they moved us to a warmer room at no charge", "en", "positive", false),
    // Sorrow at news of someone, with "so" and the shop shut.
    ("Die Inhaberin der Bäckerei liegt im Krankenhaus, deshalb bleibt der Laden geschlossen. Schlimme Nachricht.", "de", "negative", false),
    // A gift for the writer's own miss; pity for the writer's pet.
    ("I overslept and missed my appointment, and the salon squeezed me in later for free", "en", "positive", false),
    ("My dog was shaking the whole way to the groomer, poor thing", "en", "negative", false),
    // Praise never thought to be given; a complaint made light of; lenses scratched.
    ("Non avrei mai pensato di dirlo di una palestra, ma ci vado volentieri", "it", "positive", false),
    ("Not the end of the world, but the room we were given had no window", "en", "negative", true),
    ("El óptico me rayó los cristales al limpiarlos", "es", "negative", true),
    // Thanks for a claim in scare quotes; a fear eased; set aside each week; the wrong song.
    ("Grazie per la consegna 'veloce', dieci giorni di attesa", "it", "negative", true),
    ("My son was scared of the barber until he let him hold the clippers", "en", "positive", false),
    ("El florista me guarda un ramo de tulipanes todos los sábados", "es", "positive", false),
    ("The band played the wrong song at the wedding", "en", "negative", true),
];

/// (post, a reason it must give, one it must not — empty for none).
#[rustfmt::skip]
const QUOTED: &[(&str, &str, &str)] = &[
    ("Il corriere ha lasciato il pacco nel bidone dell'umido", "complaint: 'pacco … bidone'", ""),
    ("Paguei impressões a cores e deram-me fotos a preto e branco", "complaint: 'paguei … preto e branco'", ""),
    ("O sapateiro recusou-se a cobrar o arranjo", "'recusou se a cobrar'", "complaint"),
    ("Adoro il 'servizio veloce': un'ora per un caffè", "sarcastic: 'adoro'", ""),
];

#[test]
fn what_the_thirty_fifth_days_sets_taught_reads_right() {
    none_wrong(&misreads(CASES));
}

#[test]
fn what_the_thirty_fifth_days_sets_taught_is_quoted() {
    none_wrong(&misquoted(QUOTED));
}
