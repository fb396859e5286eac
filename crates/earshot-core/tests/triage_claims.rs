//! What the thirty-first day's blind sets `ai`, `aj` and `ak` taught, each with a post that must not be
//! read the same way: a claim of the business's in scare quotes beside a cry of delight is
//! sarcasm, and the claim is what the complaint is about ("Great, the 'waterproof' boots…"); a
//! booked visit the desk has no record of; a trip there for nothing; asked for a little and given
//! far more ("asked for just a trim and you…"); someone of the place missed when they leave,
//! which is no complaint; what is written says one thing and should say another ("the sign says
//! 2024 but it should be 2025"); charged for far more than was done; a mishap the writer says is
//! not the business's fault, which is no complaint unless something is still owed. And the
//! thirty-second day's set `al`: someone who kept at it until the writer had what they needed
//! ("until she found us a room"), a treat slipped to the writer's child, what the business says
//! was never ordered, and a wait on hold cut off; and set `am`'s: a question no one answers yes
//! to ("Who needs a working shower anyway?"), something hard in the food, a table laid for fewer
//! than were booked; and set `an`'s: drove on past the customers waiting, payment put off after
//! a theft, thanks beyond words, a tree the storm brought down; and set `ao`'s: taken to the
//! wrong door, not one came back with the fault, an injury to someone the post wishes well.
//! `earshot classify` is what is tested.

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, bool)] = &[
    // A claim mocked; a message cited, a name, praise with no quotes.
    ("Brilliant, the 'homemade' soup came straight out of a tin", "en", "negative", true),
    ("Genial, el pan 'del día' era de anteayer", "es", "negative", true),
    ("Super, das „frische“ Obst war schon ganz matschig", "de", "negative", true),
    ("Perfetto, il servizio 'veloce' ci ha messo un'ora e mezza", "it", "negative", true),
    ("Perfect, they wrote 'happy birthday' on the plate just as I asked", "en", "positive", false),
    ("Brilliant, the Sunday roast was the best in town", "en", "positive", false),
    // A booking the desk knew nothing of; a trip for nothing.
    ("Had a confirmed appointment for 10am but the surgery had no record of it", "en", "negative", true),
    ("Tenía cita confirmada a las diez y en la clínica no les consta", "es", "negative", true),
    ("Rendez-vous confirmé à 10 h, et au cabinet aucune trace de moi", "fr", "negative", true),
    ("Appuntamento confermato alle 10, ma allo studio non risulta niente", "it", "negative", true),
    ("Drove forty minutes to collect my order and it wasn't ready. Wasted trip.", "en", "negative", true),
    ("Quaranta minuti di macchina per ritirare l'ordine e non era pronto. Viaggio a vuoto.", "it", "negative", true),
    // Asked for a little, given far more; and given it as asked.
    ("Only asked for a light trim and you took four inches off", "en", "negative", true),
    ("Solo pedí las puntas y me han cortado media melena", "es", "negative", true),
    ("Ich wollte nur einen kurzen Ölwechsel und ihr habt gleich die Bremsen getauscht", "de", "negative", true),
    ("Only asked for a light trim and you got it perfect, thank you", "en", "positive", false),
    // Someone of the place missed; missing a part is no farewell.
    ("Tom the barber has moved to Leeds, we will really miss him", "en", "negative", false),
    ("Nuestra peluquera se ha jubilado, la vamos a echar de menos", "es", "negative", false),
    ("Unsere Apothekerin hört auf, sie wird uns sehr fehlen", "de", "negative", false),
    ("Il nous manque une pièce du meuble livré hier", "fr", "negative", true),
    // Written one way, should be another; an opinion of what should be is none.
    ("The name on the cake says Jon but it should be John, I spelled it out on the phone", "en", "negative", true),
    ("En la placa pone Dr. Pérez y debería ser Dra. Pérez, ¿lo podéis cambiar?", "es", "negative", true),
    ("Sul biglietto c'è scritto via Roma 12 ma dovrebbe essere via Roma 21", "it", "negative", true),
    ("The mechanic says it should be fine for another year, great news", "en", "positive", false),
    // Charged for far more than was done (`broken_tests.rs` has the pair's look-alikes).
    ("La peluquería me cobró un tinte completo cuando solo me retocaron las raíces", "es", "negative", true),
    ("Il meccanico mi ha fatto pagare il tagliando completo quando ha solo rabboccato l'olio", "it", "negative", true),
    // A cry after a claim in quotes of up to three words.
    ("The 'fully stocked' bar had two bottles of wine. Impressive.", "en", "negative", true),
    ("O bolo 'feito em casa' vinha num plástico do supermercado. Impressionante.", "pt", "negative", true),
    ("Delivered in an hour and set up in ten minutes. Impressive.", "en", "positive", false),
    // Walked away from.
    ("Fragte zweimal nach der Rechnung und die Kellnerin ist einfach weggegangen", "de", "negative", true),
    // Not the business's fault; unless something is still owed.
    ("The power cut stopped the class halfway, not your fault at all, but what a shame", "en", "negative", false),
    ("Se fue la luz en mitad de la clase, no es culpa vuestra, pero qué pena", "es", "negative", false),
    ("I know it's not your fault, but I'm still waiting for the refund from March", "en", "negative", true),
    // Kept at it until the writer had what they needed; a treat slipped to a child.
    ("The hotel was full but the receptionist kept ringing round until she found us a room", "en", "positive", false),
    ("El restaurante estaba lleno, pero el encargado movió mesas hasta conseguirnos un sitio", "es", "positive", false),
    ("Plus de 38 en rayon, mais la vendeuse a fouillé la réserve jusqu'à me trouver une paire", "fr", "positive", false),
    ("Alles ausverkauft, aber die Verkäuferin hat telefoniert, bis sie mir in der anderen Filiale eins besorgt hat", "de", "positive", false),
    ("Non c'erano tavoli liberi ma il cameriere ha insistito finché non ci ha trovato un angolo tranquillo", "it", "positive", false),
    ("Estava tudo esgotado, mas a funcionária ligou para a outra loja até me arranjar um", "pt", "positive", false),
    ("The butcher always slips him a slice of ham when we go in", "en", "positive", false),
    ("En la frutería siempre le regalaban una mandarina a mi hijo", "es", "positive", false),
    ("À la boucherie on lui glisse toujours une tranche de jambon", "fr", "positive", false),
    // What the business says was never ordered; hours on hold and a call cut off.
    ("Nos dicen que el segundo postre nunca se pidió, pero nos lo cobraron", "es", "negative", true),
    ("Selon le traiteur, le plateau de fromages n'a jamais été commandé, il était pourtant sur le bon", "fr", "negative", true),
    ("Dicono che la seconda pizza non è mai stata ordinata, ma l'abbiamo pagata", "it", "negative", true),
    ("Dizem que a sobremesa nunca foi pedida, mas está na conta", "pt", "negative", true),
    ("Quaranta minuti in attesa al telefono con l'assicurazione e poi è caduta la linea", "it", "negative", true),
    ("Eine Stunde in der Warteschleife beim Kundendienst, dann einfach getrennt", "de", "negative", true),
    // A question no one answers yes to; one with praise after it, or a "when", is not.
    ("Who needs clean towels in a hotel anyway? Apparently not us", "en", "negative", true),
    ("¿Quién necesita calefacción en enero? Por lo visto nosotros no.", "es", "negative", true),
    ("Chi ha bisogno di un ascensore funzionante al quinto piano? Non noi, evidentemente.", "it", "negative", true),
    ("Who needs dessert when the starters are this good?", "en", "positive", false),
    // Something in the food; a table laid for fewer than were booked.
    ("Mordí un trozo de metal en la hamburguesa de anoche", "es", "negative", true),
    ("Un morceau de plastique dur dans la salade de mon fils, à midi", "fr", "negative", true),
    ("Avevamo prenotato per otto persone e il tavolo era apparecchiato per sei", "it", "negative", true),
    // Drove on past the customers; payment put off after a theft; thanks beyond words; a tree
    // the storm brought down, which is nobody's complaint.
    ("The 7.40 school bus drove straight past the kids at the stop again", "en", "negative", true),
    ("Der Bus ist heute Morgen einfach an der Haltestelle vorbeigefahren", "de", "negative", true),
    ("Nos robaron la cartera en la playa y el camping no nos dejó pagar hasta volver a casa", "es", "positive", false),
    ("Ci hanno rubato il portafoglio e l'albergo non ci ha fatto pagare finché non è arrivata la carta nuova", "it", "positive", false),
    ("La enfermera se quedó con mi padre toda la noche, no sé cómo agradecérselo", "es", "positive", false),
    ("Die Hebamme war die ganze Nacht bei uns, wir können ihr nicht genug danken", "de", "positive", false),
    ("The storm blew a tree onto the café's terrace last night, awful to see", "en", "negative", false),
    ("La tempête a fait tomber un arbre sur le toit de la boulangerie, terrible à voir", "fr", "negative", false),
    ("The storm cancelled our class and the studio never refunded it, awful", "en", "negative", true),
    // Taken to the wrong door, however lovely; not one came back with the fault; an injury to
    // someone wished well, and one on the business's floor.
    ("Lovely cake, sent to the wrong address. Hope the people at number 14 enjoyed it", "en", "negative", true),
    ("Un bouquet superbe, livré à la mauvaise adresse, évidemment", "fr", "negative", true),
    ("Not one of the forty glasses came back with a chip. Keep doing what you do", "en", "positive", false),
    ("Ni uno de los veinte manteles volvió con una mancha, seguid haciéndolo", "es", "positive", false),
    ("Pas un seul des costumes n'est revenu avec une tache, merci", "fr", "positive", false),
    ("Sending strength to the postman, he slipped on the ice outside the bakery and broke his wrist", "en", "negative", false),
    ("Viel Kraft für den Bäcker, er ist auf dem Eis ausgerutscht und liegt im Krankenhaus", "de", "negative", false),
    ("Get well soon to my dad, who slipped on your wet floor on Saturday", "en", "negative", true),
];

/// (post, a reason it must give, one it must not — empty for none).
#[rustfmt::skip]
const QUOTED: &[(&str, &str, &str)] = &[
    ("Brilliant, the 'homemade' soup came straight out of a tin", "complaint: 'homemade'", "positive"),
    ("Brilliant, the 'homemade' soup came straight out of a tin", "sarcastic: 'brilliant'", ""),
    ("Super, das „frische“ Obst war schon ganz matschig", "complaint: 'frische'", "positive"),
    ("Tenía cita confirmada a las diez y en la clínica no les consta", "complaint: 'no les consta'", ""),
    ("Drove forty minutes to collect my order and it wasn't ready. Wasted trip.", "'wasted trip'", ""),
    ("Only asked for a light trim and you took four inches off", "asked for … and you'", ""),
    ("The hotel was full but the receptionist kept ringing round until she found us a room", "positive: 'until she found us'", "complaint"),
    ("Dizem que a sobremesa nunca foi pedida, mas está na conta", "complaint: 'nunca foi pedida'", "dizem"),
    ("Eine Stunde in der Warteschleife beim Kundendienst, dann einfach getrennt", "'warteschleife'", ""),
    ("Who needs clean towels in a hotel anyway? Apparently not us", "complaint: 'clean towels'", ""),
    ("Who needs clean towels in a hotel anyway? Apparently not us", "sarcastic: 'who needs'", ""),
    ("Mordí un trozo de metal en la hamburguesa de anoche", "health or safety: 'trozo de metal'", ""),
    ("Get well soon to my dad, who slipped on your wet floor on Saturday", "health or safety: 'slipped on'", ""),
];

#[test]
fn claims_mocked_visits_unknown_and_too_much_done_read_right() {
    none_wrong(&misreads(CASES));
}

#[test]
fn claims_mocked_visits_unknown_and_too_much_done_are_quoted() {
    none_wrong(&misquoted(QUOTED));
}
