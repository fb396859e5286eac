//! What a few words say beside the business's topic, in each language Earshot models: sadness
//! that a place closes is a farewell, not a complaint ("Qué pena que cierre la librería"); time
//! gone by with nothing come of it is one ("Já faz 3 semanas e nada"), and so is what the writer
//! did a length of time ago ("Faz 15 dias que paguei"); one mild criticism then praise is praise
//! ("a bit slow but the food was worth it"); delight in waiting is
//! sarcasm ("I love waiting at the DMV for 3 hours"); praise of how things were is what the
//! place no longer is ("Used to love this place", "Früher war es hier besser"); asked for without
//! something, it came with it ("Pedi sem cebola e veio cheio de cebola"); "not fair"; a word or
//! two of feeling reads as the word says, whatever the model learned of the word beside it ("Ein
//! herrlicher Morgen": "morgen" is tomorrow's complaints in German tweets). And a day's posts to
//! a trattoria, a gym, a garage, a hotel, a barber and a dentist, written before Earshot read
//! them.

mod triage_common;

use earshot_core::triage::classify;
use triage_common::{misreads, none_wrong, not_in_training};

/// (post, language — empty where a post is too short to tell —, sentiment — empty where the tone
/// is not the point —, complaint, words one of the reasons must name).
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, bool, &[&str])] = &[
    // A farewell: sad, and nothing the business failed to do.
    ("So sad to hear @CornerBooks is closing after 30 years. End of an era.", "en", "negative", false, &["sad"]),
    ("So sad that @CornerBooks is closing at the end of the month", "en", "negative", false, &["sad"]),
    ("Qué pena que cierre la librería de mi barrio, tantos recuerdos.", "es", "negative", false, &[]),
    ("Notre fromager prend sa retraite, quel dommage, il va nous manquer", "fr", "negative", false, &[]),
    ("Schade, dass das Café am Markt schließt. War immer mein Lieblingsplatz.", "de", "negative", false, &[]),
    ("Che tristezza, ha chiuso la storica gelateria in centro.", "it", "negative", false, &["tristezza"]),
    ("Que tristeza ver a padaria do bairro fechando depois de tantos anos.", "pt", "negative", false, &[]),
    // Sadness beside what went wrong, or at closing hours, is still a complaint.
    ("So sad, you are closing and still haven't refunded my gift card", "en", "negative", true, &["haven't refunded"]),
    ("Qué pena que cierren tan temprano, llegué a las 7 y ya no me atendieron", "es", "negative", true, &[]),
    // Time gone by, and nothing: the cue makes the complaint, whatever the tone's words read.
    ("Two weeks and still nothing. Where is my order @ShopCo?", "en", "negative", true, &["two weeks and still nothing"]),
    ("Hace un mes y nada de mi pedido", "es", "negative", true, &["un mes y nada"]),
    ("Trois semaines et toujours rien !", "fr", "negative", true, &["trois semaines et toujours rien"]),
    ("Seit 3 Wochen nichts von euch gehört", "de", "negative", true, &["3 wochen nichts"]),
    ("Due settimane e ancora niente, pessimi", "it", "negative", true, &["due settimane e ancora niente"]),
    ("Já faz 3 semanas e nada", "pt", "negative", true, &["3 semanas e nada"]),
    // What the writer did a length of time ago: a wait, and unhappy without a word of praise.
    ("I ordered 3 weeks ago and still nothing. Order #5531", "en", "negative", true, &["ordered 3 weeks ago"]),
    ("Hace un mes que pedí el sofá y nadie me dice nada", "es", "negative", true, &["hace un mes que pedí", "nadie me dice nada"]),
    ("Ça fait trois semaines que j'ai commandé et toujours rien", "fr", "negative", true, &["fait trois semaines que j'ai commandé"]),
    ("Ich habe vor zwei Wochen bestellt und nichts ist angekommen", "de", "negative", true, &["vor zwei wochen bestellt"]),
    ("Ho ordinato due settimane fa e non è arrivato niente", "it", "negative", true, &["ordinato due settimane fa"]),
    ("Faz 15 dias que paguei e o produto não chegou", "pt", "negative", true, &["faz 15 dias que paguei"]),
    ("I bought it 2 weeks ago and it's great", "en", "positive", false, &["great"]),
    // One mild criticism, then praise: the praise is what the writer wants heard. Not after
    // "terrible", two bad words, or a complaint's cue.
    ("Service was a bit slow but the food was worth it", "en", "positive", false, &["worth"]),
    ("The service was terrible but the food was great", "en", "negative", true, &["terrible"]),
    ("Peccato per il servizio lento, il cibo però era ottimo", "it", "negative", true, &["lento"]),
    ("Still waiting for my refund, but thanks for the quick reply", "en", "negative", true, &["refund"]),
    // Money demanded back is unhappy whatever the other words read; a suggestion is no
    // complaint, unless it is one ("for once").
    ("I want a refund", "en", "negative", true, &["i want a refund"]),
    ("@PalestraTop mi avete addebitato la quota anche dopo la disdetta, voglio un rimborso", "it", "negative", true, &["voglio un rimborso"]),
    ("It would be nice if you had more vegan options", "en", "neutral", false, &["would be nice if"]),
    ("Es wäre schön, wenn ihr auch vegane Kuchen hättet", "de", "neutral", false, &["wäre schön, wenn"]),
    ("It would be nice if someone answered the phone for once", "en", "negative", true, &["for once"]),
    // A dirty room.
    ("the room smelled of smoke and the sheets had stains", "en", "negative", true, &["smelled of smoke"]),
    // Delight in waiting.
    ("I love waiting at the DMV for 3 hours", "en", "negative", true, &["love waiting"]),
    ("Me encanta esperar 40 minutos por un café", "es", "negative", true, &["me encanta esperar"]),
    ("J'adore attendre une heure pour une pizza", "fr", "negative", true, &["j'adore attendre"]),
    // Praise of how things were is what the place no longer is.
    ("Used to love this place", "en", "negative", true, &["used to love"]),
    ("It used to be so good", "en", "negative", true, &["used to be so good"]),
    ("Antes era mi bar favorito, ahora el servicio es lentísimo", "es", "negative", true, &["lentísimo"]),
    ("Avant c'était bon, maintenant c'est immangeable", "fr", "negative", true, &["immangeable"]),
    ("Früher war es hier besser, heute wartet man ewig", "de", "negative", true, &["früher war es hier besser"]),
    ("Prima era il mio bar preferito, ora è sempre sporco", "it", "negative", true, &["sporco"]),
    ("Antes era bom, agora só piora", "pt", "negative", true, &["antes era bom"]),
    ("I used to hate sushi, but this place changed my mind", "en", "positive", false, &["used to hate"]),
    ("Used to be my favourite place, not anymore.", "en", "negative", true, &["used to be my favourite"]),
    ("It used to be good, now it's great", "en", "positive", false, &["great"]),
    // Asked for without something, and it came with it; "not fair".
    ("Pedi sem cebola e veio cheio de cebola de novo", "pt", "negative", true, &["sem cebola … cebola"]),
    ("Ordered a burger without onions and it came covered in onions", "en", "negative", true, &["without onions … onions"]),
    ("Mi hanno rimborsato solo metà dell'importo, non è corretto", "it", "negative", true, &["non è corretto"]),
    ("Me cobraron de más y no es justo", "es", "negative", true, &["no es justo"]),
    // A word or two of feeling.
    ("Ein herrlicher Morgen", "de", "positive", false, &["herrlicher"]),
    ("Was für ein herrlicher Tag", "de", "positive", false, &["herrlicher"]),
    ("Alles top", "", "positive", false, &["top"]),
    ("Un día maravilloso", "es", "positive", false, &["maravilloso"]),
    ("Une journée horrible", "fr", "negative", true, &["horrible"]),
    // A negation is not a word of feeling alone: the model reads it.
    ("I really wish I didn't have to take the ACT tomorrow", "en", "negative", false, &[]),
];

#[test]
fn farewells_waits_for_nothing_past_praise_and_lone_words_of_feeling_read_right() {
    let mut wrong = Vec::new();
    for (text, lang, sentiment, complaint, why) in CASES {
        let got = classify(text, None);
        let reasons = got.reasons.join(" | ");
        let named = why.iter().all(|w| reasons.contains(&format!("'{w}'")));
        if (!lang.is_empty() && got.language != Some(lang))
            || (!sentiment.is_empty() && got.sentiment != *sentiment)
            || got.complaint != *complaint
            || got.abusive
            || !named
        {
            wrong.push(format!(
                "{text}\n  got {:?} {} complaint={} urgency={} [{reasons}]",
                got.language, got.sentiment, got.complaint, got.urgency
            ));
        }
    }
    none_wrong(&wrong);
}

/// A day's posts to small businesses, six a language: three complaints, thanks, a question, and
/// sad news that is no complaint.
#[rustfmt::skip]
const A_DAY: &[(&str, &str, &str, bool)] = &[
    ("Booked a table for 8pm at @LunaTrattoria, got seated at 8:50 and the waiter forgot our drinks twice. Not coming back.", "en", "negative", true),
    ("@FitHub the showers have been cold for two weeks now. I pay 45 a month for this?", "en", "negative", true),
    ("Three calls and two emails to @BrightDental about my invoice and still nobody got back to me", "en", "negative", true),
    ("Huge thanks to @FixItMike for coming out on a Sunday to sort our boiler. Lifesaver!", "en", "positive", false),
    ("@LunaTrattoria do you do gluten free pasta?", "en", "neutral", false),
    ("Pedí una pizza a domicilio hace hora y media y todavía no ha llegado. Nadie contesta el teléfono.", "es", "negative", true),
    ("@TallerRuiz me cobraron 300 euros por un cambio de aceite y encima el coche hace un ruido raro", "es", "negative", true),
    ("La habitación olía a humedad y las sábanas estaban manchadas. Una vergüenza para un hotel de 4 estrellas.", "es", "negative", true),
    ("Gracias @PeluqueriaAna, me encantó el corte, volveré seguro 😊", "es", "positive", false),
    ("¿Hacéis envíos a Canarias?", "es", "neutral", false),
    ("Commande passée il y a trois semaines, toujours rien reçu et le service client ne répond pas.", "fr", "negative", true),
    ("@GarageMartin vous m'avez facturé des pièces que vous n'avez jamais changées. Inadmissible.", "fr", "negative", true),
    ("Le plat est arrivé froid et le serveur a levé les yeux au ciel quand on l'a signalé.", "fr", "negative", true),
    ("Merci à toute l'équipe de @HotelDesAlpes, séjour parfait et personnel adorable !", "fr", "positive", false),
    ("Est-ce que vous livrez le dimanche ?", "fr", "neutral", false),
    ("Triste nouvelle, notre boulanger prend sa retraite. Il va nous manquer.", "fr", "negative", false),
    ("Seit zwei Wochen warte ich auf den Techniker. Jeden Tag heißt es morgen. Unzumutbar.", "de", "negative", true),
    ("@FitnessPlus kündigt man online, zahlt trotzdem weiter. Das ist Abzocke.", "de", "negative", true),
    ("Das Essen war lauwarm und viel zu salzig, und die Rechnung stimmte auch nicht.", "de", "negative", true),
    ("Tolles Team bei @ZahnarztMeyer, ich hatte zum ersten Mal keine Angst. Danke!", "de", "positive", false),
    ("Kann man bei euch auch mit Karte zahlen?", "de", "neutral", false),
    ("Ho prenotato la revisione per le 9 e alle 11 ero ancora lì ad aspettare. Pessimo servizio.", "it", "negative", true),
    ("@PizzeriaDaGino la pizza era bruciata e il fattorino è stato pure maleducato.", "it", "negative", true),
    ("Pacco arrivato danneggiato e nessuno risponde alle mail da una settimana.", "it", "negative", true),
    ("Cena fantastica da @OsteriaRossi, tutto buonissimo e personale gentilissimo!", "it", "positive", false),
    ("A che ora chiudete il sabato?", "it", "neutral", false),
    ("Paguei o conserto há um mês e o celular voltou com o mesmo defeito. Ninguém resolve nada.", "pt", "negative", true),
    ("@AcademiaForte cancelei o plano e continuam cobrando no meu cartão. Quero meu dinheiro de volta.", "pt", "negative", true),
    ("O quarto estava sujo e o ar condicionado não funcionava. Nunca mais fico nesse hotel.", "pt", "negative", true),
    ("Atendimento excelente na @BarbeariaDoZe, saí de lá outro homem! Recomendo", "pt", "positive", false),
    ("Vocês entregam em Niterói?", "pt", "neutral", false),
];

/// Another day's posts (2026-12-03), written before Earshot read them: 5 of the 40 read wrong
/// ("Faz 15 dias que paguei e o produto não chegou" was neutral at urgency 0).
#[rustfmt::skip]
const ANOTHER_DAY: &[(&str, &str, &str, bool)] = &[
    ("I ordered 3 weeks ago and still nothing. Order #5531", "en", "negative", true),
    ("Paid for express shipping, package arrived a week late", "en", "negative", true),
    ("The food was great but we waited 50 minutes for the mains", "en", "negative", true),
    ("Service was a bit slow but the food was worth it", "en", "positive", false),
    ("Your new menu is worse than the old one, bring back the burger", "en", "negative", true),
    ("Do you have gluten free bread on Saturdays?", "en", "neutral", false),
    ("Three emails, zero replies. Is anyone working there?", "en", "negative", true),
    ("Shoutout to Maria at the front desk, super helpful today", "en", "positive", false),
    ("Charged twice for the same haircut, please sort it out", "en", "negative", true),
    ("the room smelled of smoke and the sheets had stains", "en", "negative", true),
    ("Is there parking near the shop?", "en", "neutral", false),
    ("Hace un mes que pedí el sofá y nadie me dice nada", "es", "negative", true),
    ("Me cobraron de más y no me devuelven el dinero", "es", "negative", true),
    ("Gracias por la atención de ayer, todo perfecto", "es", "positive", false),
    ("¿Hacen envíos a Canarias?", "es", "neutral", false),
    ("La comida llegó fría otra vez, ya van tres veces", "es", "negative", true),
    ("Ça fait trois semaines que j'ai commandé et toujours rien", "fr", "negative", true),
    ("On m'a facturé deux fois, je veux être remboursé", "fr", "negative", true),
    ("Accueil chaleureux et café délicieux, merci !", "fr", "positive", false),
    ("Vous livrez le dimanche ?", "fr", "neutral", false),
    ("Le technicien n'est jamais venu, journée perdue", "fr", "negative", true),
    ("Seit zwei Wochen warte ich auf mein Geld zurück", "de", "negative", true),
    ("Die Pizza war kalt und der Fahrer unfreundlich", "de", "negative", true),
    ("Tolle Beratung, komme gerne wieder", "de", "positive", false),
    ("Kann man bei euch mit Karte zahlen?", "de", "neutral", false),
    ("Termin vergessen, niemand hat angerufen. Echt ärgerlich.", "de", "negative", true),
    ("Ho ordinato due settimane fa e non è arrivato niente", "it", "negative", true),
    ("Il parrucchiere mi ha rovinato i capelli", "it", "negative", true),
    ("Personale gentilissimo, torneremo sicuramente", "it", "positive", false),
    ("Siete aperti a Ferragosto?", "it", "neutral", false),
    ("Mi hanno addebitato due volte, nessuno risponde", "it", "negative", true),
    ("Faz 15 dias que paguei e o produto não chegou", "pt", "negative", true),
    ("Atendimento péssimo, fiquei 40 minutos na fila", "pt", "negative", true),
    ("Adorei o bolo, parabéns à equipe!", "pt", "positive", false),
    ("Vocês entregam em Niterói?", "pt", "neutral", false),
    ("Cobraram a mais na minha conta e ninguém resolve", "pt", "negative", true),
    ("Still no refund after 2 weeks. This is ridiculous.", "en", "negative", true),
    ("Not bad at all, will definitely come back", "en", "positive", false),
    ("Not impressed. Cold coffee and a rude barista.", "en", "negative", true),
    ("What time does the kitchen close tonight?", "en", "neutral", false),
];

/// A third day's posts (2026-12-03, later), written before Earshot read them: 19 of the 114 read
/// wrong at d89c9e8 ("Commande reçue incomplète, il manque deux articles" was neutral at urgency
/// 0, "So sad to hear about the fire at the old mill bakery" a complaint, "No estuvo nada mal"
/// negative Portuguese). Two that still read wrong then are in [`FOURTH_DAY`]: a dairy
/// allergy's burger that came with cheese, and "Atendimento nota 10, resolveram tudo rapidinho".
#[rustfmt::skip]
const THIRD_DAY: &[(&str, &str, &str, bool)] = &[
    ("Third time this month my coffee order was wrong. Not hard to get an oat latte right.", "en", "negative", true),
    ("Booked a table for 8pm, got seated at 8:45. No apology.", "en", "negative", true),
    ("The charger I bought stopped working after two days", "en", "negative", true),
    ("Huge thanks to the team at Bloom for the birthday flowers, mum loved them", "en", "positive", false),
    ("Do you deliver to Bristol on Sundays?", "en", "neutral", false),
    ("So sad to hear about the fire at the old mill bakery. Thinking of the staff.", "en", "negative", false),
    ("Not bad at all for the price, would come back", "en", "positive", false),
    ("Your app logs me out every time I open it. Fix it please.", "en", "negative", true),
    ("Been on hold for 40 minutes. Is anyone actually working today?", "en", "negative", true),
    ("Is the shop open on Boxing Day?", "en", "neutral", false),
    ("Oh great, my parcel was 'delivered' to someone else again 🙄", "en", "negative", true),
    ("Best haircut I've had in years, Sam is a genius", "en", "positive", false),
    ("Charged twice for the same order and nobody answers emails", "en", "negative", true),
    ("Our new spring menu launches next week", "en", "neutral", false),
    ("Llevo dos horas esperando al técnico y no ha venido nadie", "es", "negative", true),
    ("Muchas gracias por la atención, volveremos seguro", "es", "positive", false),
    ("El pedido llegó roto y no me devuelven el dinero", "es", "negative", true),
    ("¿A qué hora abrís los sábados?", "es", "neutral", false),
    ("Qué vergüenza de servicio, nunca más", "es", "negative", true),
    ("Commande reçue incomplète, il manque deux articles", "fr", "negative", true),
    ("Accueil chaleureux et plats délicieux, merci !", "fr", "positive", false),
    ("Impossible de joindre le service client depuis lundi", "fr", "negative", true),
    ("Vous livrez à Lyon ?", "fr", "neutral", false),
    ("Franchement déçu, la qualité a beaucoup baissé", "fr", "negative", true),
    ("Die Lieferung ist seit zehn Tagen überfällig und niemand meldet sich", "de", "negative", true),
    ("Super freundliches Personal und leckerer Kuchen", "de", "positive", false),
    ("Das Essen war kalt und der Kellner unhöflich", "de", "negative", true),
    ("Habt ihr morgen geöffnet?", "de", "neutral", false),
    ("Schlimmes Unwetter heute, bleibt alle sicher", "de", "negative", false),
    ("Ho pagato ma l'ordine non è mai arrivato", "it", "negative", true),
    ("Pizza buonissima e personale gentile, torneremo", "it", "positive", false),
    ("Servizio lentissimo, abbiamo aspettato un'ora", "it", "negative", true),
    ("Siete aperti domenica?", "it", "neutral", false),
    ("Il prodotto è difettoso e nessuno risponde alle mail", "it", "negative", true),
    ("O atendimento foi péssimo, ninguém resolve nada", "pt", "negative", true),
    ("Adorei o bolo, muito obrigada!", "pt", "positive", false),
    ("Comprei um celular que veio com a tela quebrada", "pt", "negative", true),
    ("Vocês entregam em Campinas?", "pt", "neutral", false),
    ("Já liguei cinco vezes e ninguém me atende", "pt", "negative", true),
    ("The staff were lovely but the room was freezing and the heating never worked", "en", "negative", true),
    ("Can't fault anything, the service was perfect", "en", "positive", false),
    ("Still waiting for a reply to my email from last Tuesday", "en", "negative", true),
    ("No estuvo nada mal, la verdad, repetiremos", "es", "positive", false),
    ("Pas mal du tout, on reviendra", "fr", "positive", false),
    ("Gar nicht schlecht, wir kommen wieder", "de", "positive", false),
    ("Niente male davvero, ci torneremo", "it", "positive", false),
    ("Nada mal, voltaremos com certeza", "pt", "positive", false),
    ("Hola, hice un pedido el lunes y todavía no sé nada. ¿Me podéis decir algo?", "es", "negative", true),
    ("Bonjour, j'ai été débité deux fois pour la même commande, pouvez-vous vérifier ?", "fr", "negative", true),
    ("Hallo, ich wurde zweimal belastet, könnt ihr das bitte prüfen?", "de", "negative", true),
    ("Buongiorno, mi avete addebitato due volte lo stesso ordine", "it", "negative", true),
    ("Olá, fui cobrado duas vezes pelo mesmo pedido, podem verificar?", "pt", "negative", true),
    ("Genial, otra vez el pedido equivocado 🙃", "es", "negative", true),
    ("Super, encore une commande perdue, bravo 👏", "fr", "negative", true),
    ("Toll, schon wieder zu spät geliefert 🙄", "de", "negative", true),
    ("Perfetto, un altro ordine sbagliato, complimenti", "it", "negative", true),
    ("Ótimo, mais uma entrega atrasada 🙄", "pt", "negative", true),
    ("I'd like to book a table for four on Friday at 7", "en", "neutral", false),
    ("Do you have gluten free options?", "en", "neutral", false),
    ("The new barista is brilliant, best flat white in town", "en", "positive", false),
    ("Ordered a large, got a small. Not the first time either.", "en", "negative", true),
    ("The plumber left a mess in my kitchen and didn't finish the job", "en", "negative", true),
    ("Nobody told us the pool was closed for the whole week we stayed", "en", "negative", true),
    ("Traffic on the high street is a nightmare this morning", "en", "negative", false),
    ("Absolutely love this little shop, hidden gem", "en", "positive", false),
    ("Waited 20 mins to be served while staff chatted behind the counter", "en", "negative", true),
    ("Your website won't let me check out, tried three cards", "en", "negative", true),
    ("What time does the kitchen close tonight?", "en", "neutral", false),
    ("The tiles you installed are already cracking after a month", "en", "negative", true),
    ("El fontanero no vino y tampoco avisó", "es", "negative", true),
    ("La habitación estaba sucia y olía fatal", "es", "negative", true),
    ("Servicio rapidísimo y muy amables, gracias", "es", "positive", false),
    ("Le plombier n'est jamais venu et ne répond plus", "fr", "negative", true),
    ("La chambre était sale et le petit-déjeuner froid", "fr", "negative", true),
    ("Service impeccable et personnel adorable", "fr", "positive", false),
    ("Der Handwerker ist nicht gekommen und hat nicht abgesagt", "de", "negative", true),
    ("Das Zimmer war dreckig und laut", "de", "negative", true),
    ("Tolles Hotel, sehr sauber und ruhig", "de", "positive", false),
    ("L'idraulico non si è fatto vedere né sentire", "it", "negative", true),
    ("La camera era sporca e rumorosa", "it", "negative", true),
    ("Hotel pulitissimo e staff cordiale", "it", "positive", false),
    ("O encanador não apareceu e nem ligou", "pt", "negative", true),
    ("O quarto estava sujo e barulhento", "pt", "negative", true),
    ("Hotel limpinho e equipe muito atenciosa", "pt", "positive", false),
    ("3 stars at best. Food was fine, service painfully slow", "en", "negative", true),
    ("5 stars, could not fault a thing", "en", "positive", false),
    ("The delivery driver threw my parcel over the fence and it broke", "en", "negative", true),
    ("I've emailed three times about my warranty claim. Nothing.", "en", "negative", true),
    ("Shoutout to Jen at the front desk for sorting my booking so fast", "en", "positive", false),
    ("Are you hiring for the summer?", "en", "neutral", false),
    ("Mi han cobrado una comisión que nadie me explicó", "es", "negative", true),
    ("Seit drei Wochen warte ich auf den Rückruf", "de", "negative", true),
    ("On m'a servi un plat froid et le serveur s'en fichait", "fr", "negative", true),
    ("Mi hanno consegnato la torta sbagliata per il compleanno di mia figlia", "it", "negative", true),
    ("Paguei pela entrega expressa e chegou uma semana depois", "pt", "negative", true),
    ("¡Qué maravilla de sitio! El personal encantador", "es", "positive", false),
    ("Danke für die schnelle Hilfe, alles bestens", "de", "positive", false),
    ("Merci pour votre réactivité, problème réglé en 10 minutes", "fr", "positive", false),
    ("Hacéis envíos a Canarias?", "es", "neutral", false),
    ("Faites-vous des gâteaux sans gluten ?", "fr", "neutral", false),
    ("Terrible news about the flooding in town, hope everyone is ok", "en", "negative", false),
    ("Your staff told me the return was free, now I'm being charged £8", "en", "negative", true),
    ("Thanks for the quick refund, really appreciate it", "en", "positive", false),
    ("Not impressed. Cold chips and a sticky table.", "en", "negative", true),
    ("The cake was a hit at the party, everyone asked where it was from!", "en", "positive", false),
    ("App keeps crashing when I try to pay", "en", "negative", true),
    ("Is there parking near the salon?", "en", "neutral", false),
    ("Quinta vez que llamo y me cuelgan", "es", "negative", true),
    ("Le technicien devait passer ce matin, toujours personne à 15h", "fr", "negative", true),
    ("Die Rechnung war doppelt so hoch wie abgesprochen", "de", "negative", true),
    ("Il tecnico doveva venire stamattina, nessuno si è visto", "it", "negative", true),
    ("O técnico marcou para hoje de manhã e não apareceu", "pt", "negative", true),
    // Sixteen more, written after the fixes for the 114 (8 read wrong at c944c15: a booking not
    // kept, a haircut cut far too short, a parcel left in the rain). Four that still read wrong
    // then are in `FOURTH_DAY`: a cleaner who left after an hour, a driver on his phone, a dry
    // cleaner's new stain, and "Toujours un plaisir de venir chez vous".
    ("Kids loved the party, thank you for making it so special", "en", "positive", false),
    ("How much for a full service on a 2015 Golf?", "en", "neutral", false),
    ("Second parcel this month left in the rain, soaked through", "en", "negative", true),
    ("Honestly the best customer service I've had in years", "en", "positive", false),
    ("Un trato excelente, se nota que les gusta lo que hacen", "es", "positive", false),
    ("J'ai réservé pour quatre et ils n'avaient pas notre table", "fr", "negative", true),
    ("Der Friseur hat viel zu viel abgeschnitten, obwohl ich es genau erklärt habe", "de", "negative", true),
    ("Vielen Dank für den tollen Abend!", "de", "positive", false),
    ("Abbiamo prenotato una settimana fa e al nostro arrivo non c'era il tavolo", "it", "negative", true),
    ("Grazie mille, servizio impeccabile come sempre", "it", "positive", false),
    ("Fiz a reserva e quando cheguei não tinha mesa", "pt", "negative", true),
    ("Melhor pizza da cidade, sem dúvida", "pt", "positive", false),
];

/// A fourth day's posts (2026-12-03, evening), written before Earshot read them, and the six of
/// the third day that still read wrong: 30 of the 98 read wrong at 03f9853 ("On m'a facturé une
/// bouteille qu'on n'a jamais bue" was praise, "Sin duda la mejor peluquería del barrio" and
/// "Can't fault the service" complaints, "The \"fresh\" salad had brown leaves and a slug in it"
/// neutral, "La fattura è sbagliata per la terza volta" Catalan praise). Not here: "Me cobraron
/// una bebida que no pedimos", told Portuguese then and now in `triage_fifth_day.rs`, and "Qué
/// pena lo del incendio, mucho ánimo", which still reads neutral (sympathy and courage).
#[rustfmt::skip]
const FOURTH_DAY: &[(&str, &str, &str, bool)] = &[
    ("Booked a 9am slot at the garage, car still not looked at by 3pm", "en", "negative", true),
    ("The gym's showers have been out of order for two weeks and nobody cares", "en", "negative", true),
    ("Dr Patel and the team at the dental practice were so gentle with my son, thank you", "en", "positive", false),
    ("Do you do gift cards for Christmas?", "en", "neutral", false),
    ("Paid for express shipping and it took 9 days", "en", "negative", true),
    ("Your app charged my card but the order never went through", "en", "negative", true),
    ("Best sourdough in town, worth the queue every Saturday", "en", "positive", false),
    ("So sad to hear the bakery on Mill Lane is closing after 40 years", "en", "negative", false),
    ("Asked for no onions, got extra onions. Every single time", "en", "negative", true),
    ("Are dogs allowed on the terrace?", "en", "neutral", false),
    ("Llevo tres semanas sin internet y el técnico no aparece", "es", "negative", true),
    ("Qué rico todo, volveremos seguro", "es", "positive", false),
    ("¿Hacéis envíos a Canarias?", "es", "neutral", false),
    ("La habitación olía a humedad y las toallas estaban rotas", "es", "negative", true),
    ("Muchas gracias por la atención, un trato excelente", "es", "positive", false),
    ("El pedido llegó abierto y faltaban dos cosas", "es", "negative", true),
    ("Le coiffeur m'a raté ma couleur, je suis orange", "fr", "negative", true),
    ("Merci pour ce repas délicieux, le personnel est adorable", "fr", "positive", false),
    ("Est-ce que vous livrez le dimanche ?", "fr", "neutral", false),
    ("Trois semaines que j'attends ma facture rectifiée", "fr", "negative", true),
    ("On m'a facturé une bouteille qu'on n'a jamais bue", "fr", "negative", true),
    ("Super accueil, je recommande les yeux fermés", "fr", "positive", false),
    ("La chambre n'avait pas été nettoyée à notre arrivée", "fr", "negative", true),
    ("Vous acceptez les tickets restaurant ?", "fr", "neutral", false),
    ("Seit Tagen kein Rückruf, obwohl mir das zweimal versprochen wurde", "de", "negative", true),
    ("Tolle Beratung, sehr kompetent und freundlich, gerne wieder", "de", "positive", false),
    ("Kann man bei euch auch mit Karte zahlen?", "de", "neutral", false),
    ("Die Heizung ist nach der Reparatur wieder kaputt", "de", "negative", true),
    ("Uns wurde ein Tisch am Fenster versprochen, stattdessen saßen wir neben der Toilette", "de", "negative", true),
    ("Beste Pizza der Stadt, ihr seid klasse", "de", "positive", false),
    ("Das Zimmer war laut und das Frühstück lieblos", "de", "negative", true),
    ("Il tecnico è arrivato con tre ore di ritardo e senza i pezzi", "it", "negative", true),
    ("Personale gentilissimo e camera pulitissima, consigliato", "it", "positive", false),
    ("Fate anche consegne a domicilio?", "it", "neutral", false),
    ("Ho pagato la caparra e ora non rispondete più", "it", "negative", true),
    ("Il gelato sapeva di frigorifero, peccato", "it", "negative", true),
    ("Grazie mille, siete stati fantastici con la torta", "it", "positive", false),
    ("La fattura è sbagliata per la terza volta", "it", "negative", true),
    ("A que horas vocês abrem no sábado?", "pt", "neutral", false),
    ("Paguei e até agora nada do produto", "pt", "negative", true),
    ("Adorei o corte, a cabeleireira é um amor", "pt", "positive", false),
    ("O quarto cheirava a mofo e o ar condicionado não funcionava", "pt", "negative", true),
    ("Fiquei duas horas na fila e ninguém explicou nada", "pt", "negative", true),
    ("Comida maravilhosa e preço justo, recomendo", "pt", "positive", false),
    ("Vocês aceitam encomendas para festas?", "pt", "neutral", false),
    ("Trocaram meu pedido e ainda cobraram mais caro", "pt", "negative", true),
    ("Three missed calls to your support line today and nobody picked up once", "en", "negative", true),
    ("Shout out to Jade at the front desk, she sorted everything in five minutes", "en", "positive", false),
    ("What time does the kitchen close on Fridays?", "en", "neutral", false),
    ("The \"fresh\" salad had brown leaves and a slug in it", "en", "negative", true),
    ("Gave you my card details and you booked the wrong dates", "en", "negative", true),
    ("No complaints at all, lovely stay and great breakfast", "en", "positive", false),
    ("I've emailed four times about my deposit and heard nothing", "en", "negative", true),
    ("Is there step-free access to the restaurant?", "en", "neutral", false),
    ("Roadworks on the high street mean parking is a nightmare this week", "en", "negative", false),
    ("Tried to return the jacket and the manager refused, even with the receipt", "en", "negative", true),
    ("Can't fault the service, the plumber was on time and tidy", "en", "positive", false),
    ("Twice now the delivery driver has thrown my parcel over the gate", "en", "negative", true),
    ("El camarero se olvidó de nuestra comanda y nadie se disculpó", "es", "negative", true),
    ("Nunca había comido una paella tan buena, gracias", "es", "positive", false),
    ("¿Se puede reservar para un grupo de doce?", "es", "neutral", false),
    ("Me vendieron un móvil reacondicionado que no carga", "es", "negative", true),
    ("Después de la reparación el coche hace un ruido que antes no hacía", "es", "negative", true),
    ("Sin duda la mejor peluquería del barrio", "es", "positive", false),
    ("Impossible d'avoir quelqu'un au téléphone depuis lundi", "fr", "negative", true),
    ("Rien à redire, tout était parfait", "fr", "positive", false),
    ("Vous faites des gâteaux sur commande ?", "fr", "neutral", false),
    ("Le plombier a laissé une fuite pire qu'avant", "fr", "negative", true),
    ("Commande payée le 3, toujours rien reçu le 20", "fr", "negative", true),
    ("Un grand merci à toute l'équipe pour votre patience", "fr", "positive", false),
    ("Die Handwerker haben Dreck hinterlassen und sind einfach gegangen", "de", "negative", true),
    ("Nichts zu meckern, alles top", "de", "positive", false),
    ("Habt ihr noch Termine frei am Samstag?", "de", "neutral", false),
    ("Meine Bestellung wurde storniert, ohne dass mir jemand Bescheid gesagt hat", "de", "negative", true),
    ("Zwei Stunden auf den Techniker gewartet, dann kam eine Absage per SMS", "de", "negative", true),
    ("Ihr habt unseren Hochzeitstag unvergesslich gemacht, danke", "de", "positive", false),
    ("Il parrucchiere mi ha tagliato troppo e non ha chiesto scusa", "it", "negative", true),
    ("Non vedo l'ora di tornare, tutto perfetto", "it", "positive", false),
    ("Avete posto per due stasera?", "it", "neutral", false),
    ("Mi avete addebitato la spedizione anche se era gratuita", "it", "negative", true),
    ("La lavatrice nuova perde acqua dal primo giorno", "it", "negative", true),
    ("Niente da dire, professionali e puntuali", "it", "positive", false),
    ("Comprei um sofá e veio com o tecido rasgado", "pt", "negative", true),
    ("Não tenho palavras, atendimento impecável", "pt", "positive", false),
    ("Vocês fazem entrega no domingo?", "pt", "neutral", false),
    ("O técnico marcou três vezes e não apareceu nenhuma", "pt", "negative", true),
    ("Me cobraram a taxa de entrega duas vezes", "pt", "negative", true),
    ("Voltaremos com certeza, tudo uma delícia", "pt", "positive", false),
    ("Que tristeza ver a loja fechando depois de tantos anos", "pt", "negative", false),
    ("Lamento muito a perda do seu pai, força", "pt", "negative", false),
    ("Schade, dass ihr schließt, wir werden euch vermissen", "de", "negative", false),
    ("Great, another parcel \"delivered\" to a house I've never heard of", "en", "negative", true),
    ("Atendimento nota 10, resolveram tudo rapidinho", "pt", "positive", false),
    ("Ordered a vegan burger and it came with cheese on it. I'm allergic to dairy.", "en", "negative", true),
    ("Booked a deep clean, the cleaner left after an hour and half the flat was untouched", "en", "negative", true),
    ("Your driver was on his phone the whole journey", "en", "negative", true),
    ("La tintorería me ha devuelto la camisa con una mancha nueva", "es", "negative", true),
    ("Toujours un plaisir de venir chez vous", "fr", "positive", false),
];

#[test]
fn a_day_of_posts_to_small_businesses_reads_right_in_each_language() {
    none_wrong(&misreads(
        A_DAY
            .iter()
            .chain(ANOTHER_DAY)
            .chain(THIRD_DAY)
            .chain(FOURTH_DAY),
    ));
    none_wrong(&not_in_training(
        A_DAY
            .iter()
            .chain(ANOTHER_DAY)
            .chain(THIRD_DAY)
            .chain(FOURTH_DAY),
    ));
}
