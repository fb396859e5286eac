//! What the eighteenth day's blind set (`q` of `data/business/heldout.csv`, 57 of 72 read right
//! at its one reading) showed, in posts of its own: a cry of delight at each end of a mishap
//! ("Genial, … Maravilloso"), asked for one thing and came out with another, a wait told with
//! "esperamos", "esperei", "aspettato", no confirmation had yet, a fair price when the business
//! could have taken advantage, and a dog's tail. And what set `r`, written after those rules
//! (45 of 72 at its one reading), showed: a new one brought in place of what the business
//! broke, the writer's own fault, someone else's bill, a bunch of clowns who should learn how to
//! run a shop, meat in the vegetarian box, a gap left by the fitters, worth what it cost, and a
//! German first time ("beim ersten Mal"). And set `s`'s (57 of 72 at its one reading): the
//! writer's nerves before a question, charged for the business's own fault, a sign that promised
//! otherwise, our order given to the next table, closing for good, found a home in a week.
//! `earshot classify` is what is tested.

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const TOLD: &[(&str, &str, &str, bool)] = &[
    // A cry at each end, and a mishap or "again" between: sarcasm. Not praise at each end of
    // good news.
    ("Brilliant, the laundrette shrank another jumper. Wonderful", "en", "negative", true),
    ("Genial, el taller me ha vuelto a rayar el coche. Estupendo", "es", "negative", true),
    ("Parfait, la poste a encore égaré un colis. Magnifique", "fr", "negative", true),
    ("Ottimo, il corriere ha perso un altro pacco. Splendido", "it", "negative", true),
    ("Perfeito, a oficina riscou mais um carro. Maravilha", "pt", "negative", true),
    ("Perfect, the florist had the white roses after all. Wonderful", "en", "positive", false),
    // Asked for one thing, came out with another; not with exactly what was asked.
    ("Asked for a light trim and came out with a buzz cut", "en", "negative", true),
    ("Pedí solo las puntas y salí con el pelo por los hombros", "es", "negative", true),
    ("J'avais demandé des mèches discrètes et je suis repartie avec les cheveux jaunes", "fr", "negative", true),
    ("Avevo chiesto solo una spuntatina e mi ritrovo con i capelli cortissimi", "it", "negative", true),
    ("Pedi só para aparar as pontas e saí com o cabelo curtíssimo", "pt", "negative", true),
    ("Asked for a bob and came out with exactly what I wanted", "en", "positive", false),
    // A wait with its length, in the words of those who waited.
    ("Esperamos 40 minutos a que el camarero nos tomara nota", "es", "negative", true),
    ("Esperei 45 minutos pela conta", "pt", "negative", true),
    ("Abbiamo aspettato 40 minuti per il primo", "it", "negative", true),
    // No confirmation had yet.
    ("Booked the cottage for August two weeks ago and haven't had a confirmation", "en", "negative", true),
    ("Sent my CV last month and still no confirmation that you got it", "en", "negative", true),
    // A fair price where the business could have taken advantage; not where it did.
    ("Boiler broke on Christmas Eve and the engineer didn't take advantage of us", "en", "positive", false),
    ("Le dépanneur n'a pas profité de la situation alors qu'on était coincés sur l'autoroute", "fr", "positive", false),
    ("El de la grúa no se aprovechó de la situación aunque estábamos tirados en la autopista", "es", "positive", false),
    ("Il carrozziere non ha approfittato della situazione", "it", "positive", false),
    ("O reboque não se aproveitou da situação", "pt", "positive", false),
    ("Der Abschleppdienst hat unsere Notlage nicht ausgenutzt", "de", "positive", false),
    ("They took advantage of my mum and charged her triple", "en", "negative", true),
    // The writer's dog and its tail.
    ("Unsere alte Hündin wird beim Tierarzt so lieb behandelt, sie wedelt jedes Mal mit dem Schwanz", "de", "positive", false),
    ("La mia cagna adora la toelettatrice, grazie", "it", "positive", false),
];

/// Set `r`'s kinds, in posts of their own.
#[rustfmt::skip]
const SHOWN: &[(&str, &str, &str, bool)] = &[
    // A new one brought in place of what the business broke: put right. Not a new one bought by
    // the writer.
    ("Los pintores mancharon la alfombra y al día siguiente nos mandaron una nueva", "es", "positive", false),
    ("Die Handwerker haben unsere Lampe zerbrochen und uns gleich eine neue gebracht", "de", "positive", false),
    ("Il corriere ha rotto il vaso e ce ne ha mandato uno nuovo", "it", "positive", false),
    ("The cleaners broke our lamp and now I have to buy a new one myself", "en", "negative", true),
    // The writer's own fault, said so; not a fault the business put on the writer.
    ("My mistake, I booked the wrong day. Could you move it to Friday?", "en", "neutral", false),
    ("Culpa mía, puse mal el código postal. ¿Lo podéis corregir?", "es", "neutral", false),
    ("Mon erreur, j'ai mis le mauvais étage. Vous pouvez le corriger ?", "fr", "neutral", false),
    ("Mein Fehler, ich habe die falsche Hausnummer angegeben. Könnt ihr das ändern?", "de", "neutral", false),
    ("Errore mio, ho dato il numero civico sbagliato. Potete correggerlo?", "it", "neutral", false),
    ("Erro meu, pus o código postal errado. Conseguem corrigir?", "pt", "neutral", false),
    ("The garage scratched my door and acted as if it was my fault", "en", "negative", true),
    // Someone else's bill.
    ("You sent me the bill for someone called Jenkins", "en", "negative", true),
    ("Me habéis mandado la factura de una tal Marisa", "es", "negative", true),
    // Clowns who should learn how to run a shop.
    ("What a bunch of clowns, lost my order twice", "en", "negative", true),
    ("Sois unos payasos, aprended a gestionar los pedidos", "es", "negative", true),
    ("Apprenez à gérer une boutique avant d'en ouvrir une", "fr", "negative", true),
    ("Imparate a gestire un ristorante, siete dei pagliacci", "it", "negative", true),
    // Meat in the vegetarian dish; not a vegetarian dish beside the chicken.
    ("Ordered the vegan burger and it came with bacon on it", "en", "negative", true),
    ("El menú vegetariano venía con jamón", "es", "negative", true),
    ("Dans le plat végétarien il y avait des lardons", "fr", "negative", true),
    ("Das vegetarische Curry war mit Hähnchen", "de", "negative", true),
    ("Nel piatto vegetariano c'era la pancetta", "it", "negative", true),
    ("O prato vegetariano vinha com presunto", "pt", "negative", true),
    ("Is the vegetarian lasagne cooked in the same oven as the meat dishes?", "en", "neutral", false),
    // A gap left by the fitters.
    ("The joiner left gaps round every window frame", "en", "negative", true),
    ("Los carpinteros dejaron huecos alrededor de las ventanas", "es", "negative", true),
    ("Der Fliesenleger hat überall eine Lücke gelassen", "de", "negative", true),
    ("L'idraulico ha lasciato una fessura sotto il lavandino", "it", "negative", true),
    // Worth what it cost.
    ("Caro, pero la calidad lo compensa", "es", "positive", false),
    ("Un po' caro, ma ne vale la pena per la qualità", "it", "positive", false),
    ("É caro, mas a qualidade compensa", "pt", "positive", false),
    // "Beim ersten Mal": a first time, no bad word.
    ("Beim ersten Mal hat alles geklappt, vielen Dank an das Team", "de", "positive", false),
];

/// Set `s`'s kinds, in posts of their own.
#[rustfmt::skip]
const LAST: &[(&str, &str, &str, bool)] = &[
    // Nerves before a question: why the writer asks, no complaint.
    ("Bit nervous about my first piercing, does it hurt much?", "en", "neutral", false),
    ("Estoy nervioso por la primera clase de buceo, ¿qué tengo que llevar?", "es", "neutral", false),
    ("Sono agitato per il primo esame di guida, avete consigli?", "it", "neutral", false),
    ("Estou nervoso com a primeira aula de surf, o que devo levar?", "pt", "neutral", false),
    // Charged for the business's own fault.
    ("The boiler firm billed us for fixing their own mistake", "en", "negative", true),
    ("Nos cobraron la visita para arreglar su propio error", "es", "negative", true),
    ("Sie haben uns die Reparatur berechnet, dabei war es ihr eigener Fehler", "de", "negative", true),
    // A sign that promised otherwise.
    ("No breakfast after 9 even though the website says until 11", "en", "negative", true),
    ("Ya no servían desayunos a las 10, aunque la web dice que hasta las 12", "es", "negative", true),
    ("Plus de petit-déjeuner à 10h, alors que le site indique jusqu'à midi", "fr", "negative", true),
    ("Keine Pizza mehr um 21 Uhr, obwohl auf der Website steht, dass es bis 23 Uhr geht", "de", "negative", true),
    // Our order given to the next table.
    ("They gave our starters to the next table", "en", "negative", true),
    ("Sirvieron nuestros postres en la mesa de al lado", "es", "negative", true),
    ("Hanno portato le nostre pizze al tavolo accanto", "it", "negative", true),
    // Closing for good is sad news, not "good".
    ("So sad the bookshop is closing for good", "en", "negative", false),
    // Found a home in a week.
    ("The letting agent found us a house in ten days", "en", "positive", false),
];

#[test]
fn the_cases_of_the_third_set_read_as_told() {
    none_wrong(&misreads(LAST));
}

#[test]
fn the_cases_of_the_set_written_after_them_read_as_told() {
    none_wrong(&misreads(SHOWN));
}

#[test]
fn the_eighteenth_days_cases_read_as_told() {
    none_wrong(&misreads(TOLD));
}

#[test]
fn the_reasons_name_the_cry_and_what_was_asked_for() {
    none_wrong(&misquoted(&[
        (
            "Genial, el taller me ha vuelto a rayar el coche. Estupendo",
            "sarcastic: 'genial'",
            "positive",
        ),
        (
            "Asked for a light trim and came out with a buzz cut",
            "asked … came out with",
            "",
        ),
    ]));
}
