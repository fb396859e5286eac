//! Earshot's own sentiment words: what customers write about a shop, a café, a restaurant or a
//! service — the food, the staff, the wait, the price, the delivery — with VADER-scale valences
//! (−4 … 4), so that negation ("no está bueno"), boosters ("muy malo") and the learned model's
//! lexicon features work in Spanish, French, German, Italian and Portuguese as they do in
//! English, and the English words VADER's lexicon lacks ("overpriced", "stale"). Written for
//! Earshot.
//!
//! A word counts only in posts of its own language (French "sale", dirty, is Spanish "goes
//! out"), or in a post whose language cannot be told. Words as the tokenizer gives them
//! (lowercase, accents kept, apostrophes dropped). A word ending in `*` stands for its
//! language's adjective forms ([`forms`]: Spanish "malo" → "malo", "mala", "malos", "malas"), one
//! ending in `+` for the word and its plural ("amable", "amables").

pub(super) const OWN_VALENCE: &[(&str, &[(&str, f64)])] = &[
    ("en", ENGLISH),
    ("es", SPANISH),
    ("fr", FRENCH),
    ("de", GERMAN),
    ("it", ITALIAN),
    ("pt", PORTUGUESE),
];

/// What VADER's English lexicon leaves out of a customer's words (it was built from general
/// tweets): the food, the parcel, the room.
#[rustfmt::skip]
const ENGLISH: &[(&str, f64)] = &[
    ("lifesaver+", 2.5), ("favourite+", 2.0), ("tasty", 2.2), ("knowledgeable", 1.8), ("spotless", 2.0), ("attentive", 1.8), ("cosy", 1.8),
    ("cozy", 1.8), ("flavorful", 2.0), ("flavourful", 2.0), ("scrumptious", 2.8), ("shoutout", 1.8),
    ("impeccable", 2.5), ("overpriced", -2.0), ("bland", -1.5), ("stale", -1.8), ("soggy", -1.8),
    ("burnt", -1.8), ("undercooked", -1.8), ("overcooked", -1.5), ("squashed", -1.5), ("slow", -1.3),
    ("misspelled", -1.2), ("misspelt", -1.2), ("soaked", -1.2), ("lukewarm", -1.2),
    ("greasy", -1.5), ("tasteless", -2.0), ("unhelpful", -2.0), ("filthy", -2.8), ("moldy", -2.5),
    ("mouldy", -2.5), ("expired", -1.2), ("tepid", -1.0), ("watery", -1.2), ("inedible", -2.8),
    ("rubbery", -1.5), ("scratched", -1.2), ("dented", -1.2), ("smelly", -2.0), ("unclean", -2.2),
    ("fastest", 1.8), ("quickest", 1.8), ("legends", 2.0), ("cracked", -1.2), ("burglary", -2.3),
    ("burgled", -2.3), ("robbery", -2.3), ("robbed", -2.3), ("ripped", -1.2), ("scratches", -1.2),
    ("muddy", -1.2), ("quiet", 1.0), ("gutted", -2.0),
];

#[rustfmt::skip]
const SPANISH: &[(&str, f64)] = &[
    ("detallazo", 2.5),
    ("buen", 1.9), ("buen*", 1.9), ("excelente+", 3.0), ("genial+", 2.6), ("encanta", 2.8),
    ("encantan", 2.8), ("encantó", 2.8), ("encantad*", 2.5), ("perfect*", 2.7), ("rico", 2.0), ("placer", 2.0),
    ("rica", 2.0), ("delicios*", 2.9), ("riquísim*", 3.0), ("buenísim*", 3.0), ("amable+", 2.0),
    ("gracias", 1.8), ("mejor+", 2.0), ("feliz", 2.7), ("felices", 2.7), ("recomiendo", 2.3),
    ("recomendable+", 2.3), ("maravillos*", 3.0), ("estupend*", 2.8), ("fantástic*", 3.0),
    ("increíble+", 2.5), ("rápid*", 1.5), ("limpi*", 1.5), ("atent*", 1.8), ("simpátic*", 2.0),
    ("agradable+", 2.0), ("content*", 2.2), ("encantador", 2.5), ("encantadora", 2.5),
    ("espectacular+", 2.6), ("bonit*", 2.0), ("hermos*", 2.5), ("precios*", 2.5), ("profesional+", 1.5),
    ("puntual+", 1.5), ("impuntual+", -1.5), ("tranquil*", 1.5),
    ("mancha+", -1.5), ("manchad*", -1.5),
    ("mal", -1.8), ("mal*", -2.5), ("pésim*", -3.2), ("horrible+", -3.0), ("terrible+", -3.0),
    ("peor+", -2.5), ("fatal+", -2.8), ("asco", -2.9), ("asqueros*", -3.0), ("decepcionad*", -2.2),
    ("decepción", -2.2), ("decepcionante+", -2.3), ("triste+", -2.1), ("frí*", -0.8),
    ("tarde", -0.8), ("rot*", -1.8), ("estafa", -3.0), ("vergüenza", -2.4), ("groser*", -2.5),
    ("maleducad*", -2.5), ("lent*", -1.5), ("lentísim*", -2.0), ("suci*", -2.2), ("caro", -1.0),
    ("caros", -1.0), ("carísim*", -1.8), ("quemad*", -1.8), ("crud*", -1.2),
    ("incompetente+", -2.5), ("inútil", -2.5), ("inútiles", -2.5), ("desagradable+", -2.3),
    ("lamentable+", -2.8), ("vergonzos*", -2.6), ("indignante+", -2.8), ("indignad*", -2.5),
    ("hart*", -2.2), ("enfadad*", -2.2), ("cabread*", -2.4), ("molest*", -1.8), ("dañad*", -1.8),
    ("equivocad*", -1.5), ("mediocre+", -1.8), ("insípid*", -1.5), ("nefast*", -3.0),
    ("deplorable+", -2.8), ("desastre", -2.8), ("desastros*", -2.8), ("chapuza", -2.5),
    ("impecable+", 2.5), ("volveremos", 1.5), ("volveré", 1.5), ("timo", -2.8), ("engaño", -2.5),
    ("tardísimo", -1.8), ("satisfech*", 1.8), ("insatisfech*", -2.0), ("gusta", 1.8),
    ("gustan", 1.8), ("gustó", 1.8), ("gustaron", 1.8), ("tibi*", -1.2), ("ignorad*", -1.3),
    ("ignoraron", -1.3), ("enhorabuena", 2.5), ("felicidades", 2.3),
    ("lastimad*", -1.8), ("herid*", -1.5),
    // A break-in or a robbery (the town's bad news, `cue_lists::TOWN_NEWS_CUES`).
    ("robo", -2.0), ("atraco", -2.3),
    ("favorit*", 2.0), ("caducad*", -1.5), ("solucionó", 1.8), ("solucionaron", 1.8),
    ("resolvió", 1.5), ("resolvieron", 1.5), ("lentitud", -1.8), ("empapad*", -1.2),
    ("inutilizable+", -2.0), ("honest*", 2.0), ("relajante+", 2.0),
];

#[rustfmt::skip]
const FRENCH: &[(&str, f64)] = &[
    ("top", 2.0), ("bon", 1.9), ("bons", 1.9), ("bonne", 1.9), ("bonnes", 1.9), ("excellent*", 3.0),
    ("génial", 2.6), ("géniale", 2.6), ("géniaux", 2.6), ("géniales", 2.6), ("adore", 2.9),
    ("adoré*", 2.9), ("satisfait*", 1.8), ("insatisfait*", -2.0), ("aimé", 1.8), ("reviendra", 1.2),
    ("parfait*", 2.7), ("délicieux", 2.9), ("délicieuse+", 2.9), ("merci", 1.8), ("meilleur*", 2.0),
    ("sympa+", 2.0), ("heureux", 2.7), ("heureuse+", 2.7), ("formidable+", 2.8),
    ("magnifique+", 2.9), ("superbe+", 2.7), ("recommande", 2.3), ("agréable+", 2.0),
    ("aimable+", 2.0), ("gentil", 2.0), ("gentille", 2.0), ("gentils", 2.0), ("gentilles", 2.0),
    ("ponctuel", 1.5), ("ponctuelle+", 1.5), ("ponctuels", 1.5),
    ("rapide+", 1.5), ("chaleureux", 2.2), ("chaleureuse+", 2.2), ("accueillant*", 2.0),
    ("savoureux", 2.5), ("savoureuse+", 2.5), ("content*", 2.0), ("ravi*", 2.5), ("bravo", 2.5),
    ("mauvais", -2.5), ("mauvaise+", -2.5), ("horrible+", -3.0), ("nul", -2.6), ("nulle+", -2.6),
    ("nuls", -2.6), ("pire+", -2.7), ("déçu*", -2.2), ("déception", -2.2), ("décevant*", -2.3),
    ("triste+", -2.1), ("froid*", -0.8), ("arnaque", -3.0), ("honteux", -2.6), ("honteuse+", -2.6),
    ("inadmissible+", -2.8), ("inacceptable+", -2.8), ("lamentable+", -2.8), ("impoli*", -2.3),
    ("dégoûtant*", -3.0), ("dégueulasse+", -3.0), ("désagréable+", -2.3), ("lent*", -1.5),
    ("crade+", -2.2), ("sale+", -2.2), ("brûlé*", -1.8), ("incompétent*", -2.5), ("inutile+", -2.2),
    ("catastrophe", -2.8), ("catastrophique+", -3.0), ("honte", -2.5), ("scandaleux", -2.8),
    ("scandale", -2.6), ("médiocre+", -1.8), ("fade+", -1.2), ("abîmé*", -1.8), ("cassé*", -1.8),
    ("énervé*", -2.0), ("furieux", -2.8), ("furieuse+", -2.8), ("insupportable+", -2.5),
    ("pourri*", -2.8), ("minable+", -2.5), ("grossier", -2.5), ("grossière", -2.5),
    ("grossiers", -2.5), ("grossières", -2.5), ("méprisant*", -2.5), ("escroquerie", -3.0),
    ("immangeable+", -2.8), ("rassis", -1.8), ("impeccable+", 2.5), ("rassise+", -1.8),
    ("reviendrons", 1.5), ("reviendrai", 1.5), ("tiède+", -1.2), ("ignoré*", -1.3),
    ("félicitations", 2.5), ("beau", 2.3), ("beaux", 2.3), ("bel", 2.3), ("belle+", 2.3),
    ("plaisir", 2.0), ("raté*", -1.8),
    ("blessé*", -1.5),
    // A break-in or a robbery (the town's bad news, `cue_lists::TOWN_NEWS_CUES`).
    ("cambriolage", -2.3),
    ("lenteur", -1.8),
    ("préféré*", 2.0), ("impolitesse", -2.3), ("périmé*", -1.5), ("bluffé*", 2.5),
    ("froideur", -1.5), ("honnête+", 2.0), ("relaxant*", 2.0), ("sauveur+", 2.5),
];

#[rustfmt::skip]
const GERMAN: &[(&str, f64)] = &[
    ("top", 2.0), ("geduldig*", 2.0), ("gegraut", -1.5), ("graut", -1.5), ("bestanden", 1.5), ("dank", 1.5),
    ("gut*", 1.9), ("toll*", 2.5), ("ausgezeichnet*", 3.0), ("lecker*", 2.6), ("perfekt*", 2.7),
    ("danke", 1.8), ("freundlich*", 2.1), ("freundlichste", 2.3), ("freundlichsten", 2.3),
    ("aufmerksam*", 1.8), ("prima", 2.3), ("hervorragend*", 3.0),
    ("wunderbar*", 3.0), ("großartig*", 3.0), ("empfehlenswert*", 2.3), ("empfehle", 2.0),
    ("zufrieden*", 2.0), ("unzufrieden*", -2.0), ("gefällt", 1.5), ("gefallen", 1.5),
    ("gefiel", 1.5), ("gerne", 1.2), ("bestens", 2.5), ("schnell*", 1.2), ("sauber*", 1.5), ("nett*", 2.0),
    ("pünktlich*", 1.5), ("unpünktlich*", -1.5), ("verdorben*", -2.0),
    ("hilfsbereit*", 2.2), ("köstlich*", 2.9), ("fantastisch*", 3.0), ("genial*", 2.6),
    ("liebevoll*", 2.2), ("schön*", 2.0), ("wunderschön*", 3.0), ("super", 2.4), ("schlecht*", -2.5),
    ("schrecklich*", -3.0), ("furchtbar*", -3.0), ("katastrophe", -3.0), ("katastrophal*", -3.0),
    ("enttäuscht*", -2.2), ("enttäuschend*", -2.3), ("enttäuschung", -2.2), ("traurig*", -2.1),
    ("kalt*", -0.8), ("gekleckert", -1.5), ("betrug", -3.0), ("unverschämt*", -2.8), ("unfreundlich*", -2.3),
    ("ekelhaft*", -3.0), ("eklig*", -2.8), ("widerlich*", -3.0), ("langsam*", -1.0),
    ("teuer", -1.0), ("teure", -1.0), ("teuren", -1.0), ("teurer", -1.0), ("teures", -1.0),
    ("überteuert*", -2.0), ("dreckig*", -2.2), ("schmutzig*", -2.2), ("verbrannt*", -1.8),
    ("kaputt*", -1.8), ("beschädigt*", -1.8), ("unmöglich*", -2.0), ("frech*", -2.0),
    ("inkompetent*", -2.5), ("nutzlos*", -2.2), ("miserabel", -2.8), ("miserable", -2.8),
    ("miserablen", -2.8), ("mies*", -2.5), ("mangelhaft*", -2.2), ("unzumutbar*", -2.8),
    ("ärgerlich*", -2.0), ("verärgert*", -2.2), ("sauer", -1.8), ("schade", -1.5),
    ("unhöflich*", -2.3), ("peinlich*", -2.0), ("verspätet*", -1.5), ("falsch*", -1.5),
    ("zumutung", -2.8), ("frechheit", -2.8), ("abzocke", -3.0), ("ungenießbar*", -2.8),
    ("einwandfrei*", 2.3), ("empfehlen", 2.0), ("trocken*", -1.2), ("ätzend*", -2.5),
    ("lauwarm*", -1.2), ("ignoriert", -1.3), ("glückwunsch", 2.3), ("lieblos*", -1.8), ("beste", 2.5),
    ("besten", 2.5), ("bester", 2.5), ("bestes", 2.5),
    ("muffig*", -2.0),
    ("verletzt", -1.5),
    // A break-in or a robbery (the town's bad news, `cue_lists::TOWN_NEWS_CUES`).
    ("einbruch", -2.3),
    ("lieb", 2.0), ("blöd*", -2.2), ("zerbrochen", -1.5),
    ("unfreundlichkeit", -2.3), ("langsamkeit", -1.5), ("lob", 2.0), ("umgehauen", 2.0),
    ("durchnässt", -1.2), ("gestunken", -2.0), ("unbenutzbar", -2.0), ("ehrlich*", 2.0),
    ("entspannend*", 2.0), ("lebensretter", 2.5), ("dazwischengeschoben", 2.0),
];

#[rustfmt::skip]
const ITALIAN: &[(&str, f64)] = &[
    ("temuto", -1.5),
    ("buon", 1.9), ("buon*", 1.9), ("ottim*", 3.0), ("fantastico", 3.0), ("fantastica", 3.0),
    ("fantastici", 3.0), ("fantastiche", 3.0), ("perfett*", 2.7), ("delizios*", 2.9),
    ("grazie", 1.8), ("migliore+", 2.0), ("gentile+", 2.0), ("felice+", 2.7), ("brav*", 2.5),
    ("bravissim*", 3.0), ("squisit*", 2.9), ("buonissim*", 3.0), ("eccellente+", 3.0),
    ("meraviglios*", 3.0), ("consigliat*", 2.0), ("stupend*", 2.8), ("splendid*", 2.8),
    ("cordiale+", 2.0), ("simpatico", 2.0), ("simpatica", 2.0), ("simpatici", 2.0),
    ("simpatiche", 2.0), ("veloce+", 1.5), ("pulit*", 1.5),
    ("puntuale+", 1.5), ("content*", 2.2), ("soddisfatt*", 2.0),
    ("insoddisfatt*", -2.0), ("piaciuto", 1.8), ("piaciuta", 1.8), ("piace", 1.5),
    ("favolos*", 2.8), ("accogliente+", 2.0), ("professionale+", 1.5), ("cattiv*", -2.5),
    ("pessim*", -3.2), ("orribile+", -3.0), ("peggiore+", -2.7), ("peggio", -2.2), ("delus*", -2.2),
    ("delusione", -2.2), ("deludente+", -2.3), ("triste+", -2.1), ("fredd*", -0.8),
    ("truffa", -3.0), ("vergogna", -2.4), ("vergognos*", -2.6), ("maleducat*", -2.5),
    ("schifo", -3.0), ("schifos*", -3.0), ("scortese+", -2.3), ("lent*", -1.5),
    ("lentissim*", -2.0), ("sporco", -2.2), ("sporca", -2.2), ("sporchi", -2.2), ("sporche", -2.2),
    ("bruciat*", -1.8), ("rott*", -1.8), ("danneggiat*", -1.8), ("incompetente+", -2.5),
    ("inutile+", -2.2), ("scandalos*", -2.8), ("disgustos*", -3.0), ("terribile+", -3.0),
    ("male", -1.8), ("mediocre+", -1.8), ("insipid*", -1.5), ("disastro", -2.8),
    ("disastros*", -2.8), ("arrabbiat*", -2.2), ("schifezza", -2.8), ("indecente+", -2.6),
    ("inaccettabile+", -2.8), ("sbagliat*", -1.5), ("tremend*", -2.5), ("immangiabile+", -2.8),
    ("gentilissim*", 2.5), ("impeccabile+", 2.5), ("torneremo", 1.5), ("tornerò", 1.5),
    ("tiepid*", -1.2), ("ignorat*", -1.3), ("complimenti", 2.3), ("bell*", 2.3),
    ("bellissim*", 3.0),
    ("ferit*", -1.5),
    // A break-in or a robbery (the town's bad news, `cue_lists::TOWN_NEWS_CUES`).
    ("furto", -2.3), ("rapina", -2.3),
    ("guarisci", 1.5), ("guarigione", 1.5), ("benissimo", 3.0),
    ("preferit*", 2.0), ("maleducazione", -2.5), ("lentezza", -1.8), ("conquistat*", 2.0),
    ("fradicio", -1.2), ("fradicia", -1.2), ("fradici", -1.2), ("inutilizzabile+", -2.0),
    ("onest*", 2.0), ("rilassante+", 2.0),
];

#[rustfmt::skip]
const PORTUGUESE: &[(&str, f64)] = &[
    ("sossegad*", 1.5), ("tranquil*", 1.5),
    ("bom", 1.9), ("bons", 1.9), ("boa", 1.9), ("boas", 1.9), ("ótim*", 3.0), ("excelente+", 3.0),
    ("prazer", 2.0), ("amei", 2.9), ("amamos", 2.9), ("faleceu", -2.6), ("compensa", 1.8),
    ("compensam", 1.8), ("compensou", 1.8),
    ("pontual", 1.5), ("pontuais", 1.5),
    ("adorei", 2.9), ("insatisfeit*", -2.0), ("gostei", 1.8), ("gostamos", 1.8), ("gostou", 1.8),
    ("adoro", 2.8), ("perfeit*", 2.7), ("delicios*", 2.9), ("obrigad*", 1.8), ("melhor", 2.0),
    ("melhores", 2.0), ("feliz", 2.7), ("felizes", 2.7), ("contente+", 2.2), ("maravilhos*", 3.0),
    ("incrível", 2.5), ("incríveis", 2.5), ("recomendo", 2.3), ("gostos*", 2.5), ("simpátic*", 2.0),
    ("atencios*", 2.0), ("rápid*", 1.5), ("rapidinh*", 1.5), ("limp*", 1.5), ("lind*", 2.3), ("sensacional", 2.8),
    ("mancha+", -1.5), ("manchad*", -1.5),
    ("sensacionais", 2.8), ("satisfeit*", 2.0), ("gentil", 2.0), ("gentis", 2.0),
    ("agradável", 2.0), ("agradáveis", 2.0), ("ruim", -2.5), ("ruins", -2.5), ("péssim*", -3.2),
    ("horrível", -3.0), ("horríveis", -3.0), ("pior", -2.7), ("piores", -2.7),
    ("decepcionad*", -2.2), ("decepção", -2.2), ("decepcionante+", -2.3), ("triste+", -2.1),
    ("fri*", -0.8), ("golpe", -2.5), ("vergonha", -2.4), ("nojent*", -3.0), ("nojo", -2.8),
    ("lent*", -1.5), ("suj*", -2.2), ("caro", -1.0), ("caros", -1.0), ("queimad*", -1.8),
    ("quebrad*", -1.8), ("danificad*", -1.8), ("estragad*", -2.0), ("grosseir*", -2.5),
    ("incompetente+", -2.5), ("inútil", -2.5), ("inúteis", -2.5), ("absurd*", -2.5),
    ("lamentável", -2.8), ("lamentáveis", -2.8), ("desrespeito", -2.5), ("palhaçada", -2.5),
    ("porcaria", -2.8), ("lixo", -2.8), ("demora", -1.5), ("demorou", -1.5), ("atrasad*", -1.5),
    ("errad*", -1.5), ("insuportável", -2.5), ("voltaremos", 1.5), ("demorad*", -1.5),
    ("voltarei", 1.5), ("impecável", 2.5), ("impecáveis", 2.5), ("irritad*", -2.0),
    ("revoltad*", -2.5), ("enganad*", -2.2), ("parabéns", 2.5), ("morno", -1.2), ("morna", -1.2),
    ("ignorad*", -1.3), ("ignoraram", -1.3), ("ignorou", -1.3),
    ("machucad*", -1.8), ("atrasou", -1.5), ("atrasaram", -1.5),
    // A break-in or a robbery (the town's bad news, `cue_lists::TOWN_NEWS_CUES`).
    ("assalto", -2.3), ("roubo", -2.3),
    ("lentíssim*", -2.0), ("carinhos*", 2.3), ("lindamente", 2.5),
    ("preferid*", 2.0), ("lentidão", -1.8), ("resolveu", 1.5), ("resolveram", 1.5), ("surpreendeu", 1.5),
    ("murch*", -1.5), ("encharcad*", -1.2), ("inutilizável", -2.0), ("grat*", 2.5),
    ("honest*", 2.0), ("relaxante+", 2.0),
];

/// Emoji as customers use them, where VADER's reading of their names misses it: "fire" made 🔥
/// a complaint ("luv this place 🔥🔥"), and 🤮, 👎 and 🤬 had no valence at all ("vomiting",
/// "thumbs down" and "symbols" are not in its lexicon). These replace VADER's; every other emoji
/// keeps the sum of its name's words. Earshot's own values, on VADER's scale.
#[rustfmt::skip]
pub(super) const EMOJI_VALENCE: &[(&str, f64)] = &[
    ("🔥", 2.0), ("💯", 1.8), ("👍", 1.5), ("😋", 2.0), ("🤤", 1.5), ("👎", -1.8), ("🤮", -2.5),
    ("🤢", -2.2), ("💩", -2.0), ("😡", -2.5), ("🤬", -3.0), ("😤", -1.2), ("🙄", -1.3),
    ("😒", -1.5), ("🤡", -1.5),
];

/// AFINN-165 machine-translated (`data/afinn-translated.tsv`, ODbL; `data/AFINN-LICENSE.txt`):
/// about 2,600 words a language that Earshot's own lists above do not have, for what a post says
/// of anything besides the business ("aborrecible", "inquiétant", "langweilig", "fallimento",
/// "ansiedade"). Read after Earshot's own words and VADER's, each only in its own language.
const TRANSLATED: &str = include_str!("../../data/afinn-translated.tsv");

/// AFINN's −5 … 5 on VADER's −4 … 4, a little lower still: a machine's translation is a weaker
/// witness than a word written for the language.
const TRANSLATED_SCALE: f64 = 0.75;

/// Translations whose score is wrong for the word as a customer writes it, or that are not words
/// of feeling at all: prices ("caro", "prix", "teuer" read as "dear", "prize"), waiting
/// ("esperando" as "hoping"), the queue ("queue" as slang), words of colour or kind ("negro",
/// "tipo"), help, which a customer asks for ("necesito ayuda": AFINN's "help" is +2), and words
/// an AFINN entry's other sense brought ("doccia", "würde", "socorro").
#[rustfmt::skip]
const MISTRANSLATED: &[&str] = &[
    // More than one language: Spanish, Italian and Portuguese "caro"; Spanish and Portuguese
    // "negro", "tipo", "frase", "mayor" / "maior".
    "caro", "negro", "tipo", "frase",
    // Spanish
    "solo", "tiempo", "venga", "mayor", "esperando", "listo", "sentido", "puesto", "paja", "cojo",
    "moda", "calor", "pinchazo", "musaraña", "burro", "tragona",
    // French
    "plus", "durable", "comme", "prix", "cher", "chère", "ferme", "nuit", "mode", "queue",
    "attention", "simple", "luxe", "chaleur", "coq", "musaraigne", "râpé", "nègre",
    "errorwithtranslation", "exclusif",
    // German
    "würde", "art", "oben", "teuer", "anziehen", "stecken", "gelassen", "irre", "komisch", "laune",
    "spitzmaus", "dick", "gerissen",
    // Italian
    "subito", "presa", "doccia", "ah", "bla", "causa", "attenzione", "evidente",
    // Portuguese
    "socorro", "caralho", "pênis", "jovem", "entrada", "humano", "maior",
    // Help, in every language
    "ayuda", "aide", "hilfe", "hilft", "aiuto", "ajuda",
    // A joke, which a customer calls the service ("vous êtes une blague"; AFINN's "joke" is +2)
    "broma", "blague", "witz", "scherzo",
];

/// The translated words triage reads: (language, word, valence on VADER's scale). Weak ones (AFINN
/// ±1: "sí", "claro", "bitte") are left out, as are the [`MISTRANSLATED`].
pub(super) fn translated() -> impl Iterator<Item = (&'static str, &'static str, f64)> {
    TRANSLATED.lines().filter_map(|l| {
        if l.starts_with('#') {
            return None;
        }
        let mut f = l.split('\t');
        let (lang, word, score) = (f.next()?, f.next()?, f.next()?.parse::<f64>().ok()?);
        (score.abs() >= 2.0 && !MISTRANSLATED.contains(&word)).then_some((
            lang,
            word,
            score * TRANSLATED_SCALE,
        ))
    })
}

/// A translated adjective's other forms: Spanish "aburrido" → "aburrida", "aburridos",
/// "aburridas"; German "herrlich" → "herrliche", "herrlicher"… Only words with an adjective's
/// ending get them: a noun's "forms" are other words (Italian "torto", wrong, is not "torta",
/// cake).
pub(super) fn translated_forms(lang: &str, word: &str) -> Vec<String> {
    let adjective_endings: &[&str] = match lang {
        "es" | "pt" => &["ado", "ido", "oso", "ivo", "ico", "nte", "ble", "vel"],
        "it" => &["ato", "ito", "oso", "ivo", "ico", "nte", "ile"],
        "fr" => &["é", "eux", "if", "ant", "ent", "able", "ible", "ique"],
        "de" => &[
            "ig", "lich", "isch", "bar", "los", "voll", "sam", "haft", "end",
        ],
        _ => &[],
    };
    if !adjective_endings.iter().any(|e| word.ends_with(e)) {
        return Vec::new();
    }
    let (stem, endings): (&str, &[&str]) = match (lang, word.strip_suffix('o')) {
        ("es" | "pt", Some(stem)) => (stem, &["a", "os", "as"]),
        ("it", Some(stem)) => (stem, &["a", "i", "e"]),
        ("it", None) => match word.strip_suffix('e') {
            Some(stem) => (stem, &["i"]),
            None => (word, &[]),
        },
        ("es" | "pt", None) if word.ends_with('e') => (word, &["s"]),
        // "vel": Portuguese "incrível" → "incríveis".
        ("pt", None) => match word.strip_suffix('l') {
            Some(stem) => (stem, &["is"]),
            None => (word, &[]),
        },
        ("fr", None) => match word.strip_suffix('x') {
            // "-eux" → "-euse", "-euses"; "-if" → "-ive", "-ives".
            Some(stem) => (stem, &["se", "ses"]),
            None => match word.strip_suffix('f') {
                Some(stem) => (stem, &["fs", "ve", "ves"]),
                None if word.ends_with('e') => (word, &["s"]),
                None => (word, &["e", "s", "es"]),
            },
        },
        ("de", None) => (word, &["e", "en", "er", "es", "em"]),
        _ => (word, &[]),
    };
    endings.iter().map(|e| format!("{stem}{e}")).collect()
}

/// A lexicon entry's words: `*` is the language's adjective endings, `+` the word and its plural.
pub(super) fn forms(lang: &str, entry: &str) -> Vec<String> {
    if let Some(stem) = entry.strip_suffix('*') {
        let endings: &[&str] = match lang {
            "es" | "pt" => &["o", "a", "os", "as"],
            "it" => &["o", "a", "i", "e"],
            "fr" => &["", "e", "s", "es"],
            _ => &["", "e", "en", "er", "es", "em"],
        };
        return endings.iter().map(|e| format!("{stem}{e}")).collect();
    }
    if let Some(word) = entry.strip_suffix('+') {
        let plural = match lang {
            // Italian "-e" adjectives: "scortese" → "scortesi".
            "it" => format!("{}i", word.strip_suffix('e').unwrap_or(word)),
            // Spanish "genial" → "geniales", "mejor" → "mejores".
            "es" if !word.ends_with(['a', 'e', 'i', 'o', 'u']) => format!("{word}es"),
            _ => format!("{word}s"),
        };
        return vec![word.to_string(), plural];
    }
    vec![entry.to_string()]
}
