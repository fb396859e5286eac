//! Dread that came to nothing (`triage/dread.rs`): a fear the writer had, told once it was over,
//! and what came of it. Written on the twelfth day before the rule, in new situations after the
//! day's training posts: 22 of these 24 read wrong before it, eighteen as complaints ("Tinha medo
//! que a tatuagem doesse e acabou antes de eu dar por isso": "complaint: 'medo'"), three as bad
//! news and one as an offer to buy. Each with a post that must not read the same way: a fear still felt, a
//! fear that came true, an expectation the business breached.

mod triage_common;

use triage_common::{misreads, none_wrong, not_in_training};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const CAME_TO_NOTHING: &[(&str, &str, &str, bool)] = &[
    ("I was terrified the tattoo would hurt, it was over before I knew it", "en", "positive", false),
    ("Tenía miedo de que el tatuaje doliera y se acabó antes de darme cuenta", "es", "positive", false),
    ("J'avais très peur que le tatouage fasse mal, c'était fini avant que je m'en rende compte", "fr", "positive", false),
    ("Ich hatte Angst, dass das Tattoo wehtut, und es war vorbei, bevor ich es gemerkt habe", "de", "positive", false),
    ("Avevo paura che il tatuaggio facesse male ed era finito prima che me ne accorgessi", "it", "positive", false),
    ("Tinha medo que a tatuagem doesse e acabou antes de eu dar por isso", "pt", "positive", false),
    ("Worried the hotel wouldn't take dogs, they had a bowl and a bed waiting for him", "en", "positive", false),
    ("Temía que el hotel no admitiera perros y le tenían preparados un cuenco y una cama", "es", "positive", false),
    ("J'avais peur que l'hôtel n'accepte pas les chiens, ils lui avaient préparé une gamelle et un panier", "fr", "positive", false),
    ("Ich hatte Sorge, dass das Hotel keine Hunde nimmt, und dann standen Napf und Körbchen für ihn bereit", "de", "positive", false),
    ("Temevo che l'hotel non accettasse cani e invece gli avevano preparato una ciotola e una cuccia", "it", "positive", false),
    ("Tinha receio de que o hotel não aceitasse cães e tinham-lhe preparado uma tigela e uma cama", "pt", "positive", false),
    ("Me preocupaba que las gafas nuevas me resultaran raras y a la hora de comer ya ni me acordaba de que las llevaba", "es", "positive", false),
    ("J'avais peur que les nouvelles lunettes me gênent, à midi j'avais oublié que je les portais", "fr", "positive", false),
    ("Ich hatte Sorge, dass sich die neue Brille komisch anfühlt, und mittags hatte ich vergessen, dass ich sie trage", "de", "positive", false),
    ("Temevo che gli occhiali nuovi mi dessero fastidio e a pranzo avevo già dimenticato di averli addosso", "it", "positive", false),
    ("Tinha receio de que os óculos novos me incomodassem e ao almoço já nem me lembrava que os tinha postos", "pt", "positive", false),
    ("Temíamos que la lluvia arruinara la fiesta en el jardín y el catering montó una carpa en una hora", "es", "positive", false),
    ("On craignait que la pluie gâche la fête dans le jardin, le traiteur a monté un chapiteau en une heure", "fr", "positive", false),
    ("Wir hatten Angst, dass der Regen das Gartenfest ruiniert, und der Caterer hat in einer Stunde ein Zelt aufgebaut", "de", "positive", false),
    ("Temevamo che la pioggia rovinasse la festa in giardino e il catering ha montato un gazebo in un'ora", "it", "positive", false),
    ("Thought the kids would be bored at the museum, we couldn't drag them out", "en", "positive", false),
    ("Je pensais que les enfants allaient s'ennuyer au musée, impossible de les faire sortir", "fr", "positive", false),
    ("Pensavo che i bambini si sarebbero annoiati al museo e invece non volevano più uscire", "it", "positive", false),
];

/// A fear still felt, one that came true, and relief at what did not happen.
#[rustfmt::skip]
const NOT_DREAD: &[(&str, &str, &str, bool)] = &[
    ("I'm afraid my order still hasn't arrived", "en", "negative", true),
    ("J'avais peur que la commande arrive en retard, et effectivement elle est arrivée en retard", "fr", "negative", true),
    ("Went there once, no food poisoning thankfully", "en", "positive", false),
];

#[test]
fn a_fear_that_came_to_nothing_is_relief_in_each_language() {
    none_wrong(&misreads(CAME_TO_NOTHING));
    // Learned on the thirteenth day (`triage_thirteenth_day.rs`).
    none_wrong(&not_in_training(CAME_TO_NOTHING));
}

#[test]
fn a_fear_still_felt_or_come_true_is_what_the_post_says() {
    none_wrong(&misreads(NOT_DREAD));
}
