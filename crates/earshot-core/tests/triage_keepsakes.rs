//! What the thirty-ninth day's blind sets taught, each beside a post that must not be read the same
//! way. The writer's own bad luck, no complaint: a car broken down on the way, a place of the past
//! gone, a sprain, a plan undone by a stay in hospital, a mishap never lived down; beside a
//! breakdown after the business's repair, a sprain on its wet floor, a café whose prices went up
//! and a stay in hospital after its oysters. Complaints no single word tells: paid extra and given
//! the ordinary kind, a paper that clearly says otherwise, a fault passed to the bank, the writer's
//! own form blamed, a gift that turned out less (and one that turned out the best, which is
//! praise), a thing sent back or hung the wrong way up (and one asked for so), a thing sold as new,
//! a new one described, not given. Care shown: one of the writer's party who will have no one, and
//! was won over (and one whose ear was nicked), a limit remembered, a teacher who stayed behind, a
//! neighbour who lent her own, a bad back made room for, the writer's own lack of a skill (and a
//! bus relied on that never comes), a fear of the dentist's chair, what one of the party cannot
//! bear (and a promise not kept after it). The writer's dead, named. `earshot classify` is what is
//! tested.

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, bool)] = &[
    // A car broken down on the way; one the business had just fixed.
    ("Our car broke down near Leeds and we never made it to the wedding fair.", "en", "negative", false),
    ("Your garage fixed our car and it broke down near Leeds, we never made it to the wedding fair.", "en", "negative", true),
    // A place of the past gone; prices gone up.
    ("Went back to the record shop where we always spent Saturdays, and it's a nail bar now.", "en", "negative", false),
    ("Went back to the café where we always had brunch and now the prices have doubled.", "en", "negative", true),
    // A sprain; one on the business's wet floor.
    ("Twisted my ankle on the second climb of the day, so I sat out the rest.", "en", "negative", false),
    ("Sprained my ankle on your wet floor and nobody came to help.", "en", "negative", true),
    // Paid extra, given the ordinary; in the ordinary time.
    ("Paid extra for the deluxe frame and it came with a standard one and a chipped corner.", "en", "negative", true),
    ("Paid extra for the express wash and it came back in half the normal time.", "en", "neutral", false),
    // A paper that says otherwise; the fault passed to the bank.
    ("The website clearly says open until nine, and the doors were locked at eight.", "en", "negative", true),
    ("The machine swallowed my card and the shop says it's the bank's problem.", "en", "negative", true),
    // A gift that turned out less; one that turned out the best.
    ("The spa day I bought my sister as a gift turned out to be a fifteen-minute massage and a cup of tea.", "en", "negative", true),
    ("The voucher we gave Mum as a gift turned out to be the best present she had all year.", "en", "positive", false),
    // One who will have no one, won over; one whose ear was nicked.
    ("My grandad won't let anyone trim his beard, but the barber had him laughing the whole time.", "en", "positive", false),
    ("Mi perro no se deja tocar por nadie, pero la peluquera canina lo bañó sin problema.", "es", "positive", false),
    ("My grandad won't let anyone trim his beard, but your barber nicked his ear twice.", "en", "negative", true),
    // A limit remembered; a teacher who stayed behind; a bad back made room for.
    ("The baker remembers my son can't have sesame and keeps a plain roll back for him.", "en", "positive", false),
    ("The swimming coach stayed behind to help my daughter with her breathing.", "en", "positive", false),
    ("The yoga teacher found me a chair version of every pose for my bad back.", "en", "neutral", false),
    // Sent back or hung the wrong way up; sold as new; asked to print upside down.
    ("The upholsterer sent the cushions back with the covers inside out.", "en", "negative", true),
    ("The framer hung our print upside down in the window.", "en", "negative", true),
    ("Can you print it upside down so it reads from the back?", "en", "neutral", false),
    ("The garden centre sold us a cracked pot as new.", "en", "negative", true),
    // A plan undone by a stay in hospital; one after the business's oysters.
    ("We'd planned a day at the lido, and my husband was taken into hospital the night before.", "en", "negative", false),
    ("We'd booked your tasting menu and my wife ended up in hospital after the oysters.", "en", "negative", true),
    // Lent their own.
    ("Our neighbour lent us her own ladder when ours snapped.", "en", "positive", false),
    // The writer's own lack of a skill, met; a bus relied on that never comes.
    ("I can't swim, so the instructor stayed in the water beside me the whole lesson.", "en", "positive", false),
    ("I can't drive, so I rely on your bus, which never comes.", "en", "negative", true),
    // A mishap owned: never lived down. The writer's own form blamed.
    ("Walked into the glass door at the gym in front of everyone. I'll never live it down.", "en", "negative", false),
    ("The printer says that's what I wrote on the form, and it says 200 not 20.", "en", "negative", true),
    // A fear of one's own, of a thing ("pavor da"), met.
    ("Tinha pavor da cadeira do dentista, mas a dentista pôs-me logo à vontade.", "pt", "positive", false),
    // What one of the writer's party cannot bear, and a promise not kept after it; the new one
    // described, not given.
    ("My son hates the dentist, so your receptionist booked him in and then never phoned back.", "en", "negative", true),
    ("The storage firm moved our boxes to another unit without telling us, and the new one has a leak.", "en", "negative", true),
    ("The florist made a wreath for my late husband and it was perfect.", "en", "positive", false),
    // The writer's dead, named: no grievance.
    ("El florista nos preparó el ramo favorito de mi difunta madre sin que se lo pidiéramos.", "es", "positive", false),
];

/// (post, a reason it must give, one it must not — empty for none).
#[rustfmt::skip]
const QUOTED: &[(&str, &str, &str)] = &[
    ("Paid extra for the deluxe frame and it came with a standard one and a chipped corner.", "complaint: 'paid extra … standard'", ""),
    ("The spa day I bought my sister as a gift turned out to be a fifteen-minute massage and a cup of tea.", "complaint: 'as a gift … turned out to be'", ""),
    ("The swimming coach stayed behind to help my daughter with her breathing.", "positive: 'stayed behind to'", "complaint"),
];

#[test]
fn what_the_thirty_ninth_days_sets_taught_reads_right() {
    none_wrong(&misreads(CASES));
}

#[test]
fn what_the_thirty_ninth_days_sets_taught_is_quoted() {
    none_wrong(&misquoted(QUOTED));
}
