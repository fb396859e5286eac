//! What the sixteenth day's blind set (`i` of `data/business/heldout.csv` was the fifteenth's;
//! this one is `j`) showed, in posts of its own: news chased for something stuck since a day, a
//! tool used on the customer before, a mistake the business caught, a day called off by the
//! rain, whether it is too late to change a booking, the writer's own dog, a concert outdoors.
//! And what set `i` still read wrong: the writer made to pay for the business's mistake, what
//! was the writer's given to someone else, fitted the wrong way round, roadworks again, an
//! allergen "on top". Then what set `k`, written after those rules, showed: a harm supposed in a
//! question, an order to place, change for less than was paid with, closed for works, cleaning
//! up after the job, a thoughtful touch. `earshot classify` is what is tested.

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const TOLD: &[(&str, &str, &str, bool)] = &[
    // Stuck since a day, and news asked for: a wait, however politely asked.
    ("Hello, the app has shown my order as 'being prepared' since Friday, any update?", "en", "negative", true),
    ("Buenas, mi pedido pone 'en preparación' desde el viernes, ¿hay novedades?", "es", "negative", true),
    ("Bonjour, ma commande est « en préparation » depuis vendredi, du nouveau ?", "fr", "negative", true),
    ("Hallo, meine Bestellung steht seit Freitag auf 'in Bearbeitung', gibt es Neuigkeiten?", "de", "negative", true),
    ("Salve, il mio ordine risulta 'in preparazione' da venerdì, ci sono aggiornamenti?", "it", "negative", true),
    ("Olá, a minha encomenda está 'em preparação' desde sexta, alguma novidade?", "pt", "negative", true),
    ("Any news on when the summer menu starts?", "en", "neutral", false),
    // The same tool as on the customer before.
    ("The barber used the same towel on me as on the customer before", "en", "negative", true),
    ("La peluquera usó el mismo peine que con la clienta anterior sin lavarlo", "es", "negative", true),
    ("L'esthéticienne a pris la même cire que pour la cliente d'avant", "fr", "negative", true),
    ("Der Friseur hat denselben Kamm wie beim Kunden vor mir benutzt", "de", "negative", true),
    ("Il barbiere ha usato lo stesso asciugamano del cliente precedente", "it", "negative", true),
    ("O barbeiro usou a mesma toalha que no cliente anterior", "pt", "negative", true),
    // A mistake the business caught is its service; one the writer found is a complaint.
    ("El gestor encontró un error en la declaración y nos ahorró una multa", "es", "positive", false),
    ("Le comptable a repéré une erreur dans ma déclaration, merci !", "fr", "positive", false),
    ("O contabilista encontrou um erro na declaração e poupou-nos uma multa", "pt", "positive", false),
    ("Encontré un error en la factura", "es", "negative", true),
    ("J'ai trouvé une erreur sur ma facture", "fr", "negative", true),
    // Called off by the rain: sad, and nobody's fault.
    ("Shame the garden party got rained off", "en", "negative", false),
    ("Qué pena que se cancelara la feria por la lluvia", "es", "negative", false),
    ("Dommage que le marché ait été annulé à cause de la pluie", "fr", "negative", false),
    ("Schade, dass der Markt wegen Regen abgesagt wurde", "de", "negative", false),
    ("Peccato che il mercato sia stato annullato per la pioggia", "it", "negative", false),
    ("Que pena a feira ter sido cancelada por causa da chuva", "pt", "negative", false),
    // Whether it is too late to change a booking: the writer's own plan.
    ("¿Es demasiado tarde para cambiar la hora de la reserva?", "es", "neutral", false),
    ("È troppo tardi per spostare la prenotazione a domani?", "it", "neutral", false),
    ("Ist es schon zu spät, die Torte für Samstag zu bestellen?", "de", "neutral", false),
    // The writer's own dog, no insult.
    ("Cuidaron a nuestra perra toda la semana y volvió feliz", "es", "positive", false),
    ("Ils ont gardé notre chienne toute la semaine et elle est revenue ravie", "fr", "positive", false),
    ("Cuidaram da nossa cadela a semana toda e ela voltou contente", "pt", "positive", false),
    // Made to pay for the business's own mistake.
    ("The garage scratched my door and now wants me to pay for the paint", "en", "negative", true),
    ("El taller me rayó la puerta y ahora quiere que pague la pintura", "es", "negative", true),
    ("Le garage a rayé ma portière et veut que je paie la peinture", "fr", "negative", true),
    ("Die Werkstatt hat meine Tür zerkratzt und will, dass ich den Lack bezahle", "de", "negative", true),
    ("L'officina mi ha rigato la portiera e vuole che paghi la vernice", "it", "negative", true),
    ("A oficina riscou-me a porta e quer que eu pague a pintura", "pt", "negative", true),
    // What was the writer's, given to someone else.
    ("The restaurant gave our table to another couple while we were parking", "en", "negative", true),
    ("El restaurante dio nuestra mesa a otra pareja mientras aparcábamos", "es", "negative", true),
    ("Le restaurant a donné notre table à un autre couple pendant qu'on se garait", "fr", "negative", true),
    ("Das Restaurant hat unseren Tisch an ein anderes Paar gegeben, während wir geparkt haben", "de", "negative", true),
    ("Il ristorante ha dato il nostro tavolo a un'altra coppia mentre parcheggiavamo", "it", "negative", true),
    ("O restaurante deu a nossa mesa a outro casal enquanto estacionávamos", "pt", "negative", true),
    // Fitted the wrong way round.
    ("The shop fitted my handlebars backwards", "en", "negative", true),
    ("En la tienda me montaron el manillar al revés", "es", "negative", true),
    ("Le magasin a monté mon guidon à l'envers", "fr", "negative", true),
    ("Die Werkstatt hat mein Vorderrad falsch herum montiert", "de", "negative", true),
    ("Il negozio ha montato il manubrio al contrario", "it", "negative", true),
    ("A loja montou o guiador ao contrário", "pt", "negative", true),
    // Roadworks again: the town's news, sad for the shops, nothing they did.
    ("Otra vez obras en la calle del mercado, pobres tenderos", "es", "negative", false),
    ("Encore des travaux dans la rue du marché, pauvres commerçants", "fr", "negative", false),
    ("Schon wieder eine Baustelle in der Altstadt, die armen Händler", "de", "negative", false),
    ("Outra vez obras na rua do mercado, coitados dos lojistas", "pt", "negative", false),
    // An allergen on top: where it was, not how good.
    ("Ordered the dairy-free pancakes but they came with cheese on top", "en", "negative", true),
];

/// What set `k` (written after the rules above) showed, in posts of its own. (post, language,
/// sentiment, complaint).
#[rustfmt::skip]
const SUPPOSED: &[(&str, &str, &str, bool)] = &[
    // A harm supposed in a question asks for help; told, it is a complaint.
    ("What happens if my order arrives broken?", "en", "neutral", false),
    ("¿Qué hago si la lavadora llega rota?", "es", "neutral", false),
    ("Que faire si ma commande arrive cassée ?", "fr", "neutral", false),
    ("Was mache ich, wenn die Lieferung kaputt ankommt?", "de", "neutral", false),
    ("Cosa devo fare se la consegna arriva rotta?", "it", "neutral", false),
    ("O que faço se a encomenda chegar partida?", "pt", "neutral", false),
    ("My order arrived broken, what should I do?", "en", "negative", true),
    // An order to place.
    ("Quisiera encargar una tarta para 12 personas para el sábado", "es", "neutral", false),
    ("Je voudrais commander un gâteau pour douze personnes samedi", "fr", "neutral", false),
    ("Wir möchten eine Torte für zwölf Personen zum Samstag bestellen", "de", "neutral", false),
    ("Vorrei ordinare una torta per dodici persone per sabato", "it", "neutral", false),
    ("Queria encomendar um bolo para doze pessoas para sábado", "pt", "neutral", false),
    // Change for less than was paid with.
    ("The cashier gave me change for a 20 instead of a 50", "en", "negative", true),
    ("Me dieron el cambio de 20 en vez de 50", "es", "negative", true),
    ("On m'a rendu la monnaie sur 20 au lieu de 50", "fr", "negative", true),
    ("Mi hanno dato il resto di 20 invece che di 50", "it", "negative", true),
    ("Deram-me o troco de 20 em vez de 50", "pt", "negative", true),
    // Closed for works: the business's own notice.
    ("The bakery is closed all next week for renovation", "en", "neutral", false),
    // Cleaned up after the job; a thoughtful touch.
    ("The plumber tidied up after himself, not a drop left on the floor", "en", "positive", false),
    ("El pintor limpió antes de irse y dejó todo como estaba", "es", "positive", false),
    ("Le carreleur a passé l'aspirateur avant de partir", "fr", "positive", false),
    ("Der Maler hat danach noch geputzt", "de", "positive", false),
    ("L'idraulico ha passato l'aspirapolvere prima di andarsene", "it", "positive", false),
    ("O canalizador ainda limpou tudo antes de sair", "pt", "positive", false),
    ("La camarera nos guardó la mesa de siempre, todo un detalle", "es", "positive", false),
    ("Ils avaient préparé une bougie pour l'anniversaire, quelle attention", "fr", "positive", false),
    ("Guardaram-nos a mesa do costume, que gentileza", "pt", "positive", false),
    ("Ma chatte adore ces croquettes", "fr", "positive", false),
];

#[test]
fn the_sixteenth_days_cases_read_as_told() {
    none_wrong(&misreads(TOLD));
}

#[test]
fn the_cases_of_the_set_written_after_them_read_as_told() {
    none_wrong(&misreads(SUPPOSED));
}

#[test]
fn the_reasons_name_the_chase_the_tool_and_the_weather_not_a_request() {
    none_wrong(&misquoted(&[
        (
            "Hola, el paquete pone 'en reparto' desde el lunes, ¿sabéis algo?",
            "desde el lunes … sabéis algo",
            "",
        ),
        (
            "The barber used the same towel on me as on the customer before",
            "same … customer before",
            "",
        ),
        // "All'aperto" is outdoors, not opening hours.
        (
            "Il concerto all'aperto è stato bellissimo",
            "bellissimo",
            "asks for help",
        ),
        // An insult is still one.
        ("Eres una perra", "perra", ""),
        // Given to someone else: what was the writer's, not a gift to a charity.
        (
            "Le cinéma a vendu mes billets à quelqu'un d'autre",
            "vendu … à quelqu'un d'autre",
            "",
        ),
        (
            "We gave the leftover bread to another charity this week",
            "",
            "complaint",
        ),
    ]));
}
