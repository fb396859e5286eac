//! What the twenty-ninth day's blind set (`af` of `data/business/heldout.csv`, 26 of 42 read
//! right at its one reading) showed, in posts of its own: someone of the business who did
//! something of their own accord ("came back on his own to loosen a cord he thought was too
//! stiff", `triage/need_met.rs`), whose fault put right is no grievance; a shop that never pushed
//! the writer to buy ("kein einziges Mal zum Kaufen gedrängt", `idiom_list_more.rs`), where the
//! purchase word is no wish to buy; and French "pu" (could), which VADER's English lexicon read
//! as a complaint ("on a pu réfléchir", `words.rs`). Each kind beside a post that must still
//! read as the complaint it is. Before these rules 10 of the 17 posts below read wrong.

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const OWN_ACCORD: &[(&str, &str, &str, bool)] = &[
    // Of one's own accord; not a thing "on its own", nor someone who left.
    ("The florist came back on her own the next day to swap a wilted rose in the bouquet", "en", "positive", false),
    ("El fontanero volvió por su cuenta al día siguiente para comprobar que ya no goteaba", "es", "positive", false),
    ("Le plombier est repassé de lui-même le lendemain pour vérifier qu'il n'y avait plus de fuite", "fr", "positive", false),
    ("Il fioraio è ripassato di sua iniziativa per sostituire una rosa appassita", "it", "positive", false),
    ("O canalizador voltou por iniciativa própria no dia seguinte para ver se ainda pingava", "pt", "positive", false),
    ("The boiler turns itself off on its own every night and nobody has come to look at it", "en", "negative", true),
    ("The builder went off on his own at lunchtime and never came back to finish the wall", "en", "negative", true),
    ("El técnico se fue por su cuenta sin terminar la instalación", "es", "negative", true),
    // Never pushed to buy; pushed to buy.
    ("The lady at the furniture shop never pressured us, we took our time and ordered a week later", "en", "positive", false),
    ("Im Fahrradladen hat uns niemand zum Kaufen gedrängt, wir konnten in Ruhe schauen", "de", "positive", false),
    ("Na loja de móveis nunca nos pressionaram e pudemos ver tudo com calma", "pt", "positive", false),
    ("Il commesso del negozio di scarpe non ci ha mai messo fretta anche se era quasi ora di chiudere", "it", "positive", false),
    ("Le vendeur ne nous a jamais poussés à acheter, on a pu réfléchir tranquillement", "fr", "positive", false),
    ("The salesman kept pushing us to buy the extended warranty and wouldn't take no for an answer", "en", "negative", true),
    // French "pu": could, no complaint; a complaint beside it still one.
    ("Grâce à la vendeuse j'ai pu trouver une robe pour le mariage", "fr", "positive", false),
    ("Je n'ai pas pu venir samedi, est-ce qu'on peut décaler à mardi ?", "fr", "neutral", false),
    ("Je n'ai jamais pu joindre le service client, personne ne répond", "fr", "negative", true),
];

#[test]
fn what_was_done_unasked_and_no_push_to_buy_are_praise() {
    none_wrong(&misreads(OWN_ACCORD));
}

/// Of one's own accord is named as the post says it ("lui-même", not "lui même").
#[test]
fn own_accord_is_named_as_written() {
    none_wrong(&misquoted(&[
        (
            "Le plombier est repassé de lui-même le lendemain pour vérifier qu'il n'y avait plus de fuite",
            "positive: 'lui-même'",
            "lui même",
        ),
        (
            "Il fioraio è ripassato di sua iniziativa per sostituire una rosa appassita",
            "positive: 'di sua iniziativa'",
            "",
        ),
    ]));
}
