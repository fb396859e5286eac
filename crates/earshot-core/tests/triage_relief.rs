//! What the thirty-fourth day's blind sets taught, each with a post that must not be read the
//! same way. Set `at`: the writer's own slip, caught by the business, which is relief; the
//! trouble the writer came in with and left without; a notice of works with no "Heads up"; blame
//! put on the satnav; "Ich liebe es, … zu zahlen". Set `au`: how the writer's child was, seen by
//! the staff; a kindness that opens on a charge, which is sarcasm; how little the writer bought
//! ("je n'ai acheté qu'une"); winter hours. Set `av`: doubt that a thing could be rescued, told
//! once it was; "finché non", which denies nothing; an allergy told and the allergen served.
//! Set `aw`: a refusal; a code that opens nothing; barely felt a thing. Set `ax`: harm the
//! business stopped just in time; a place moved, which is news; paid extra for the same.
//! `earshot classify` is what is tested.

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, bool)] = &[
    // The writer's slip, caught; the business's own mistake, or the writer who noticed it.
    ("The optician noticed I'd ordered the wrong prescription and rang me before making the lenses", "en", "positive", false),
    ("El mecánico se dio cuenta de que yo había pedido la pieza equivocada y me llamó antes de montarla", "es", "positive", false),
    ("I noticed they had charged me the wrong price", "en", "negative", true),
    // Came in with trouble, left without it; and left with it.
    ("Cheguei com o portátil avariado e saí com ele a funcionar", "pt", "positive", false),
    ("Sono arrivato con la macchina rotta e sono uscito con la macchina rotta", "it", "negative", true),
    // Shut for works: news.
    ("La boulangerie est fermée pour travaux jusqu'au 3 mars", "fr", "neutral", false),
    ("Closed for renovation AGAIN, third time this year, ridiculous", "en", "negative", true),
    // Blame put on something else; love of paying, German.
    ("Der Installateur kam drei Stunden zu spät und hat es auf den Verkehr geschoben", "de", "negative", true),
    ("Ich liebe es, jeden Monat für einen Parkplatz zu zahlen, der nie frei ist", "de", "negative", true),
    ("Ich liebe es, hier am Fluss zu frühstücken", "de", "positive", false),
    // The child's state, seen and eased.
    ("The nurse saw my daughter was scared and gave her a sticker and a cuddly toy", "en", "positive", false),
    // A kindness that opens on a charge.
    ("Lovely touch, charging us 3 euros each for tap water", "en", "negative", true),
    ("Todo un detalle cobrarnos el pan que nadie pidió", "es", "negative", true),
    ("Lovely touch, the owner wrote a little thank-you note on the receipt", "en", "positive", false),
    ("Nice touch, no charge for the kids' drinks", "en", "positive", false),
    // How little the writer bought.
    ("Je n'ai acheté qu'un carnet et ils me l'ont emballé comme un cadeau", "fr", "positive", false),
    // Hours asked after, as news.
    ("Summer hours from June: 8 to 8 every day", "en", "neutral", false),
    // Doubt that it could be rescued, and it was; doubt that came true.
    ("Non pensavo che l'orologio del nonno si potesse riparare. Adesso va perfetto", "it", "positive", false),
    ("No creía que la chaqueta de cuero tuviera arreglo. Ha quedado como nueva", "es", "positive", false),
    ("I didn't think they could fix it in a day. Three days later it's still in pieces", "en", "negative", true),
    // "Finché non", which denies nothing.
    ("La commessa è rimasta con me finché non ho trovato il vestito giusto", "it", "positive", false),
    // An allergy told, and the allergen served; and asked about.
    ("Told them about my peanut allergy and the curry came topped with peanuts", "en", "negative", true),
    ("I have a sesame allergy, does the salad come with sesame?", "en", "neutral", false),
    // A refusal; a key that opens nothing.
    ("Recusaram-me a troca do casaco com o talão na mão", "pt", "negative", true),
    ("Der Schlüssel, den sie mir gegeben haben, öffnet gar nichts", "de", "negative", true),
    // Barely felt a thing.
    ("Der Tätowierer war super, ich habe kaum etwas gespürt", "de", "positive", false),
    ("Fiz a depilação e quase não senti nada", "pt", "positive", false),
    // Harm stopped just in time; and just in time, no harm.
    ("The pharmacist spotted a fake parcel text on my dad's phone and blocked the payment just in time", "en", "positive", false),
    ("The parcel arrived just in time for the party", "en", "positive", false),
    // Moved: news; an appointment moved: no news.
    ("La librería se ha mudado a la plaza Mayor, justo enfrente del ayuntamiento", "es", "neutral", false),
    ("A loja mudou-se para a Rua Nova, ao lado da farmácia", "pt", "neutral", false),
    // Paid extra, and got the same.
    ("Ho pagato 20 euro in più per la camera con vista e ci hanno dato la stessa di prima", "it", "negative", true),
];

/// (post, a reason it must give, one it must not — empty for none).
#[rustfmt::skip]
const QUOTED: &[(&str, &str, &str)] = &[
    ("Der Monteur hat den Kratzer im Boden auf den Umzug geschoben", "complaint: 'auf … geschoben'", ""),
    ("Ich liebe es, jeden Monat für einen Parkplatz zu zahlen, der nie frei ist", "sarcastic: 'ich liebe es … zu zahlen'", ""),
    ("Lovely touch, charging us 3 euros each for tap water", "sarcastic: 'lovely touch … charging'", ""),
    ("Told them about my peanut allergy and the curry came topped with peanuts", "complaint: 'allergy … peanuts'", ""),
    ("Pagué 30 euros más por el asiento con más espacio y me dieron la misma silla de siempre", "complaint: 'pagué … misma'", ""),
    ("Der Tätowierer war super, ich habe kaum etwas gespürt", "'kaum etwas gespürt'", "complaint"),
];

#[test]
fn what_the_thirty_fourth_days_sets_taught_reads_right() {
    none_wrong(&misreads(CASES));
}

#[test]
fn what_the_thirty_fourth_days_sets_taught_is_quoted() {
    none_wrong(&misquoted(QUOTED));
}
