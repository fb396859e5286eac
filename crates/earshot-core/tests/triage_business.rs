//! What a business hears, in each language it has a model for: a customer's question, a price
//! enquiry, thanks, a complaint without a single classic complaint word, an accusation of fraud,
//! what customers say of the staff, the food, the wait and the tradesman who never came, and the
//! mixed review whose complaint comes after a "but". The general tweets the models learned from
//! are seldom written to a business, so these are pinned here: a question about opening hours
//! read as a complaint ("complaint: 'morgen'") would put the wrong post at the top of the owner's
//! inbox, and a rude waiter read as praise would hide it.

use earshot_core::triage::classify;

/// (post, language, intent, words one of the reasons must name).
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, &[&str])] = &[
    // English.
    ("Is @bellacafe open on Sunday?", "en", "question", &[]),
    ("What are your opening hours on Sunday?", "en", "question", &[]),
    ("Can I book a table for 6 tonight?", "en", "lead", &[]),
    ("How much do you charge to fix a leaking tap?", "en", "lead", &[]),
    ("@quickplumb you are a bunch of crooks", "en", "complaint", &["crooks"]),
    ("@bellacafe waited 40 minutes for a latte and nobody even said sorry", "en", "complaint", &["waited"]),
    ("The plumber never showed up and didn't call", "en", "complaint", &["never showed up"]),
    ("Best croissant in town, thanks @bellacafe!", "en", "praise", &["best"]),
    ("Overpriced and bland, won't be back", "en", "complaint", &["overpriced", "won't be back"]),
    ("My cake arrived squashed and the name was misspelled", "en", "complaint", &["squashed"]),
    ("Booked for 7, table wasn't ready till 8", "en", "complaint", &["wasn't ready"]),
    // Praise, then a complaint after the turn: the turn decides. Praise after it stays praise.
    ("Lovely staff but my order arrived cold", "en", "complaint", &["arrived cold"]),
    ("Small place but the food is amazing", "en", "praise", &["amazing"]),
    ("Not impressed with the service today", "en", "complaint", &["not impressed"]),
    // Where is my order; my money back; nobody picks up. A question about parking is a question.
    ("Where is my order?", "en", "complaint", &["where is my order"]),
    ("Is there parking nearby?", "en", "question", &[]),
    // Late, and no apology; closed when it said open.
    ("The cake came two days late, no apology", "en", "complaint", &["days late", "no apology"]),
    ("The shop was closed even though your website says open till 6", "en", "complaint", &["closed even though"]),
    // A polite question about an order is a question; news of a fire with nobody hurt is not a
    // complaint ("nobody" is one's cue elsewhere): news, whose fire weighs more than the relief
    // since the thirteenth day's posts (it read as praise before).
    ("Hi, I ordered a birthday cake for Saturday, could you confirm it's on track? Order 4471", "en", "question", &[]),
    ("Fire at the bakery on Main Street last night, nobody was hurt", "en", "other", &[]),
    // A harsh review of a thing is a complaint, not abuse to hide (the offensive tweets taught
    // the abuse model "disgusting"); aimed at people it stays abuse (tests/triage_languages.rs).
    ("Absolutely disgusting, found a hair in my soup", "en", "complaint", &["disgusting"]),
    ("The toilets were filthy and disgusting", "en", "complaint", &["disgusting"]),
    // An allergen question and a discount are enquiries ("gluten free" is no praise); a lost
    // umbrella is a question; wanting the manager is a complaint.
    ("Do you do gluten free options? My daughter is coeliac.", "en", "lead", &[]),
    ("Hey, is the 20% discount still on this weekend?", "en", "lead", &[]),
    ("I left my umbrella there yesterday, did anyone find it?", "en", "question", &[]),
    ("I'd like to speak to the manager about my experience last night", "en", "complaint", &["speak to the manager"]),
    // Thanks for a refund is thanks, not sarcasm ("refund" is a complaint cue); asking the
    // others about the coffee is a question; raised prices are a complaint.
    ("Thanks for the quick refund, appreciate it", "en", "praise", &["thanks"]),
    ("Anyone tried Brightside's cold brew? Thinking of switching from my usual place.", "en", "question", &[]),
    ("Brightside raised prices again, $6 for a latte is getting silly", "en", "complaint", &["raised prices"]),
    // What customers ask of the business besides its wares: cancelling or changing their own
    // booking, running late, asking others for a tradesman, thanking one of the staff by name,
    // asking for work. Their "sorry", "late" and "cancel" are not the business's fault.
    ("Hi, I need to cancel my booking for Friday, so sorry!", "en", "question", &[]),
    ("Sorry, I'm running 10 minutes late, please keep our table", "en", "question", &[]),
    ("Can anyone recommend a good plumber in Leeds?", "en", "lead", &["recommend"]),
    ("Huge shoutout to Maria at the counter, she made my day!", "en", "praise", &[]),
    ("Are you hiring? I'd love to work at @bellacafe", "en", "question", &[]),
    ("Do you deliver to Leith?", "en", "lead", &[]),
    // An invoice to send is a request, in every language ("nota" had read as a complaint at 60);
    // an email's "Dear" and "Kind regards" are English (the trigrams had said Danish).
    ("Could you send me the invoice for last week's order? Thanks", "en", "question", &[]),
    ("Dear Bella Cafe, my order #4471 arrived damaged. Kind regards, John", "en", "complaint", &["damaged"]),
    // A rescue told after the trouble is praise; the business cancelling is a complaint.
    ("My boiler broke and @quickplumb came within the hour, lifesavers!", "en", "praise", &["lifesavers"]),
    ("You cancelled my booking without telling me!", "en", "complaint", &["cancelled"]),
    // A table to book, the kitchen's hours, a dog; a slow kitchen, loud music, a hair in the soup.
    ("We'd like to book for 8 people on Saturday", "en", "lead", &[]),
    ("Is the kitchen still open?", "en", "question", &[]),
    ("Food took forever and the staff seemed overwhelmed", "en", "complaint", &["took forever"]),
    ("The music was way too loud, couldn't hear each other", "en", "complaint", &["too loud"]),
    ("Found a bug in my salad. Disgusting.", "en", "complaint", &["bug in my"]),
    // Spanish.
    ("@cafebella ¿abrís el domingo?", "es", "question", &[]),
    ("¿Tenéis mesa para 4 esta noche?", "es", "lead", &[]),
    ("@cafebella ¿a qué hora abren mañana?", "es", "question", &[]),
    ("¿Cuánto cuesta la tarta de chocolate para 10 personas?", "es", "lead", &[]),
    ("@cafebella llevo una hora esperando y nadie me atiende", "es", "complaint", &["nadie me atiende"]),
    ("@cafebella sois unos ladrones", "es", "complaint", &["ladrones"]),
    ("@cafebella el mejor café de Madrid, gracias!", "es", "praise", &["mejor"]),
    // What customers say of the staff, the food, the wait: every form of the word, in its own
    // language's lexicon ("maleducada", "scortesi", "unfreundliches"), and never again.
    ("La camarera fue muy maleducada con nosotros", "es", "complaint", &["maleducada"]),
    ("El servicio fue decepcionante, tardaron una hora en traer la comida", "es", "complaint", &["decepcionante"]),
    ("No volveremos, la comida estaba asquerosa", "es", "complaint", &["no volveremos", "asquerosa"]),
    ("El pastel estaba riquísimo, gracias!", "es", "praise", &["riquísimo"]),
    ("El fontanero no vino y nadie avisó", "es", "complaint", &["no vino", "nadie avisó"]),
    ("Me cobraron de más y encima el encargado se rió de mí", "es", "complaint", &["cobraron de más"]),
    ("Buena comida pero el servicio lentísimo", "es", "complaint", &["lentísimo"]),
    ("La comida estaba rica pero tardaron una hora en servirnos", "es", "complaint", &["tardaron una hora"]),
    ("Muy buena la pizza, sin embargo el camarero fue grosero", "es", "complaint", &["grosero"]),
    ("Local pequeño pero la comida es buenísima", "es", "praise", &["buenísima"]),
    // Praise words negated: "not good", "not satisfied", "didn't like".
    ("El café no está bueno", "es", "complaint", &["no bueno"]),
    ("No me gustó nada la atención", "es", "complaint", &["no gustó"]),
    ("¿Dónde está mi pedido?", "es", "complaint", &["dónde está mi pedido"]),
    ("Quiero mi dinero de vuelta", "es", "complaint", &["mi dinero de vuelta"]),
    ("El pedido llegó tarde y ni una disculpa", "es", "complaint", &["llegó tarde", "ni una disculpa"]),
    ("Llevo esperando mi reembolso tres semanas", "es", "complaint", &["llevo esperando"]),
    // Sarcasm about a cancelled order; thanks for nothing; no news of an order.
    ("Genial, otra vez me cancelaron el pedido 🙃", "es", "complaint", &["cancelaron"]),
    ("Gracias por nada", "es", "complaint", &["gracias por nada"]),
    ("Hola, hice un pedido el lunes y aún no tengo noticias, ¿me podéis decir algo?", "es", "complaint", &["no tengo noticias"]),
    ("Hola, tengo que cancelar mi reserva del viernes, lo siento", "es", "question", &[]),
    ("Perdón, llegamos 15 minutos tarde, ¿nos guardáis la mesa?", "es", "question", &[]),
    ("¿Alguien me recomienda un buen fontanero en Madrid?", "es", "lead", &["recomienda"]),
    ("Gracias a Lucía por su paciencia, un encanto", "es", "praise", &[]),
    ("¿Estáis buscando personal? Me encantaría trabajar con vosotros", "es", "question", &[]),
    ("¿Hacéis envíos a Sevilla?", "es", "lead", &[]),
    ("Hola, ¿me podéis enviar la factura de ayer? Gracias", "es", "question", &[]),
    ("Habéis cancelado mi reserva sin avisar", "es", "complaint", &["cancelado"]),
    ("¿Puedo llevar a mi perro?", "es", "question", &[]),
    ("La música estaba demasiado alta", "es", "complaint", &["demasiado alta"]),
    ("Encontré un pelo en la sopa", "es", "complaint", &["un pelo en"]),
    // French.
    ("@boulangerie vous ouvrez à quelle heure demain ?", "fr", "question", &[]),
    ("Combien coûte un gâteau pour 10 personnes ?", "fr", "lead", &[]),
    ("Avez-vous des croissants sans gluten ?", "fr", "lead", &[]),
    ("J'ai payé il y a deux semaines et je n'ai jamais reçu ma commande", "fr", "complaint", &["jamais reçu"]),
    ("@boulangerie vous êtes des escrocs", "fr", "complaint", &["escrocs"]),
    ("@boulangerie merci pour l'accueil, tout était parfait", "fr", "praise", &["parfait"]),
    ("Le serveur était désagréable et la soupe froide", "fr", "complaint", &["désagréable", "froide"]),
    ("Plus jamais, serveur impoli", "fr", "complaint", &["plus jamais", "impoli"]),
    ("Le plombier n'est jamais venu, aucune nouvelle", "fr", "complaint", &["jamais venu"]),
    ("On a attendu 45 minutes pour deux cafés, personne ne s'est excusé", "fr", "complaint", &["on a attendu"]),
    ("Accueil chaleureux et pâtisseries délicieuses, je recommande", "fr", "praise", &["chaleureux"]),
    ("Service impeccable, équipe au top", "fr", "praise", &["impeccable"]),
    ("Le cadre est joli mais le plat est arrivé froid", "fr", "complaint", &["arrivé froid"]),
    ("La pizza était bonne, par contre le serveur était impoli", "fr", "complaint", &["impoli"]),
    ("Petit endroit mais la cuisine est excellente", "fr", "praise", &["excellente"]),
    ("Je ne suis pas satisfait du service", "fr", "complaint", &["pas satisfait"]),
    ("Service impeccable, on reviendra", "fr", "praise", &["impeccable"]),
    ("Où est ma commande ?", "fr", "complaint", &["où est ma commande"]),
    ("Commande livrée en retard, aucune excuse", "fr", "complaint", &["livrée en retard", "aucune excuse"]),
    ("J'attends toujours mon remboursement", "fr", "complaint", &["j'attends toujours"]),
    ("Super, encore une commande annulée 🙄", "fr", "complaint", &["annulée"]),
    ("Merci pour rien", "fr", "complaint", &["merci pour rien"]),
    ("Bonjour, je dois annuler ma réservation de vendredi, désolé", "fr", "question", &[]),
    ("Désolé, on a 15 minutes de retard, vous pouvez garder notre table ?", "fr", "question", &[]),
    ("Quelqu'un peut me conseiller un bon plombier à Lyon ?", "fr", "lead", &["conseiller"]),
    ("Merci à Julie pour sa gentillesse, au top !", "fr", "praise", &[]),
    ("Vous recrutez ? J'aimerais beaucoup travailler chez vous", "fr", "question", &[]),
    ("Vous livrez à Villeurbanne ?", "fr", "lead", &[]),
    ("Bonjour, pouvez-vous m'envoyer la facture ? Merci", "fr", "question", &[]),
    ("Peut-on venir avec un chien ?", "fr", "question", &[]),
    ("La musique était beaucoup trop forte", "fr", "complaint", &["trop forte"]),
    // German.
    ("@baeckerei habt ihr morgen geöffnet?", "de", "question", &[]),
    ("Was kostet eine Torte für 10 Personen?", "de", "lead", &[]),
    ("Ich habe meine Bestellung nach drei Wochen immer noch nicht erhalten", "de", "complaint", &["immer noch nicht"]),
    ("@baeckerei ihr seid Betrüger", "de", "complaint", &["betrüger"]),
    ("@baeckerei super Service, vielen Dank!", "de", "praise", &["super"]),
    ("Unfreundliches Personal, nie wieder", "de", "complaint", &["unfreundliches", "nie wieder"]),
    ("Die Lieferung kam zwei Wochen zu spät und war beschädigt", "de", "complaint", &["beschädigt"]),
    ("Das Essen war hervorragend", "de", "praise", &["hervorragend"]),
    ("Der Klempner ist nicht gekommen und hat sich nicht gemeldet", "de", "complaint", &["nicht gekommen"]),
    ("Wir haben eine Stunde auf das Essen gewartet", "de", "complaint", &["gewartet"]),
    ("Warum ist meine Bestellung noch nicht da?", "de", "complaint", &["noch nicht da"]),
    ("Leider war der Kuchen trocken", "de", "complaint", &["trocken"]),
    ("Alles super, sehr zu empfehlen", "de", "praise", &["empfehlen"]),
    ("Das Essen war gut, aber der Service war sehr langsam", "de", "complaint", &["langsam"]),
    ("Schönes Ambiente, aber das Essen war kalt", "de", "complaint", &["kalt"]),
    ("Klein, aber das Essen ist hervorragend", "de", "praise", &["hervorragend"]),
    ("Wir kommen gerne wieder", "de", "praise", &["gerne"]),
    ("Wo bleibt meine Bestellung?", "de", "complaint", &["wo bleibt meine bestellung"]),
    ("Niemand geht ans Telefon", "de", "complaint", &["niemand geht ans telefon"]),
    ("Alles bestens", "de", "praise", &["bestens"]),
    ("Die Lieferung kam zwei Wochen zu spät und niemand hat sich entschuldigt", "de", "complaint", &["zu spät", "entschuldigt"]),
    ("Ich warte seit drei Wochen auf meine Erstattung", "de", "complaint", &["warte seit"]),
    ("Toll, schon wieder eine stornierte Bestellung 🙃", "de", "complaint", &["stornierte"]),
    ("Danke für nichts", "de", "complaint", &["danke für nichts"]),
    ("Hallo, meine Rechnung ist falsch, können Sie das bitte prüfen?", "de", "complaint", &["falsch"]),
    ("Hallo, ich muss meine Reservierung für Freitag leider absagen", "de", "question", &[]),
    ("Wir kommen 15 Minuten später, könnt ihr den Tisch freihalten?", "de", "question", &[]),
    ("Kann jemand einen guten Klempner in Berlin empfehlen?", "de", "lead", &["empfehlen"]),
    ("Danke an Jonas für die tolle Beratung!", "de", "praise", &[]),
    ("Sucht ihr noch Aushilfen? Ich würde gerne bei euch arbeiten", "de", "question", &[]),
    ("Liefert ihr auch nach Potsdam?", "de", "lead", &[]),
    ("Könnt ihr mir bitte die Rechnung schicken?", "de", "question", &[]),
    ("Die Musik war viel zu laut", "de", "complaint", &["zu laut"]),
    // Italian.
    ("@pizzeria siete aperti domenica?", "it", "question", &[]),
    ("Quanto costa una torta per 10 persone?", "it", "lead", &[]),
    ("@pizzeria ho aspettato un'ora e la pizza era fredda", "it", "complaint", &["ho aspettato"]),
    ("@pizzeria siete dei ladri", "it", "complaint", &["ladri"]),
    ("@pizzeria la migliore pizza di Roma, grazie!", "it", "praise", &["migliore"]),
    ("Il cameriere è stato scortese e la pizza era bruciata", "it", "complaint", &["scortese", "bruciata"]),
    ("Mai più, camerieri scortesi e conto salato", "it", "complaint", &["mai più", "scortesi"]),
    ("L'idraulico non si è presentato", "it", "complaint", &["non si è presentato"]),
    ("Perché il mio ordine non è ancora arrivato?", "it", "complaint", &["non è ancora arrivato"]),
    ("Personale gentilissimo e cibo ottimo, torneremo sicuramente", "it", "praise", &["gentilissimo"]),
    ("Bella location, però la pizza è arrivata fredda", "it", "complaint", &["arrivata fredda"]),
    ("Locale piccolo ma la pizza è ottima", "it", "praise", &["ottima"]),
    ("Non sono soddisfatto del servizio", "it", "complaint", &["non sono soddisfatto"]),
    ("Dov'è il mio ordine?", "it", "complaint", &["dov'è il mio ordine"]),
    ("Consegna in ritardo di una settimana, neanche una scusa", "it", "complaint", &["consegna in ritardo", "neanche una scusa"]),
    ("Non mi avete ancora rimborsato", "it", "complaint", &["non mi avete ancora"]),
    ("Fantastico, un altro ordine cancellato 🙄", "it", "complaint", &["cancellato"]),
    ("Grazie di niente", "it", "complaint", &["grazie di niente"]),
    ("Buongiorno, il mio ordine risulta consegnato ma non l'ho ricevuto", "it", "complaint", &["non l'ho ricevuto"]),
    ("Buongiorno, devo annullare la prenotazione di venerdì, mi dispiace", "it", "question", &[]),
    ("Scusate, arriviamo con 15 minuti di ritardo, potete tenerci il tavolo?", "it", "question", &[]),
    ("Qualcuno mi consiglia un buon idraulico a Milano?", "it", "lead", &["consiglia"]),
    ("Grazie a Giulia per la gentilezza, bravissima!", "it", "praise", &[]),
    ("Buongiorno, state cercando personale? Vorrei candidarmi", "it", "question", &[]),
    ("Fate consegne a domicilio a Monza?", "it", "lead", &[]),
    ("Mi potete mandare la fattura? Grazie", "it", "question", &[]),
    ("La musica era troppo alta", "it", "complaint", &["troppo alta"]),
    // Portuguese.
    ("@padaria vocês abrem no domingo?", "pt", "question", &[]),
    ("Quanto custa um bolo para 10 pessoas?", "pt", "lead", &[]),
    ("@padaria paguei e até hoje não recebi o pedido", "pt", "complaint", &["até hoje não"]),
    ("@padaria vocês são uns ladrões", "pt", "complaint", &["ladrões"]),
    ("@padaria atendimento excelente, obrigado!", "pt", "praise", &["excelente"]),
    ("O atendimento foi péssimo e a comida veio fria", "pt", "complaint", &["péssimo", "fria"]),
    ("Nunca mais, atendimento grosseiro", "pt", "complaint", &["nunca mais", "grosseiro"]),
    ("O encanador não apareceu e nem avisou", "pt", "complaint", &["não apareceu"]),
    ("O pedido veio errado e a entrega atrasou dois dias", "pt", "complaint", &["errado"]),
    ("Por que meu pedido ainda não chegou?", "pt", "complaint", &["ainda não chegou"]),
    ("Comida boa, mas o atendimento deixou a desejar", "pt", "complaint", &["deixou a desejar"]),
    ("A comida é boa mas o atendimento é muito demorado", "pt", "complaint", &["demorado"]),
    ("Lugar bonito, mas a comida chegou fria", "pt", "complaint", &["chegou fria"]),
    ("Lugar simples, mas a comida é ótima", "pt", "praise", &["ótima"]),
    ("Cadê meu pedido?", "pt", "complaint", &["cadê meu pedido"]),
    ("Ainda estou esperando o estorno no cartão", "pt", "complaint", &["estorno"]),
    ("Quero meu dinheiro de volta", "pt", "complaint", &["meu dinheiro de volta"]),
    ("Ninguém atende o telefone", "pt", "complaint", &["ninguém atende"]),
    ("A encomenda chegou atrasada e nenhum pedido de desculpas", "pt", "complaint", &["chegou atrasada"]),
    ("Estou esperando meu reembolso há um mês", "pt", "complaint", &["estou esperando meu"]),
    ("Ótimo, mais um pedido cancelado 🙃", "pt", "complaint", &["cancelado"]),
    ("Obrigado por nada", "pt", "complaint", &["obrigado por nada"]),
    ("Olá, preciso cancelar minha reserva de sexta, desculpa", "pt", "question", &[]),
    ("Desculpa, vamos chegar 15 minutos atrasados, podem guardar a mesa?", "pt", "question", &[]),
    ("Alguém indica um bom encanador em São Paulo?", "pt", "lead", &["indica"]),
    ("Obrigado à Ana pela paciência, um amor de pessoa", "pt", "praise", &[]),
    ("Vocês estão contratando? Adoraria trabalhar com vocês", "pt", "question", &[]),
    ("Vocês entregam em Niterói?", "pt", "lead", &[]),
    ("Podem me enviar a nota fiscal? Obrigado", "pt", "question", &[]),
    ("Posso levar meu cachorro?", "pt", "question", &[]),
    ("A música estava alta demais", "pt", "complaint", &["alta demais"]),
    ("Encontrei um cabelo na sopa", "pt", "complaint", &["cabelo na"]),
    // Lukewarm food, being ignored, paying by card, congratulations: written after the tables
    // above, in each language.
    ("La comida llegó tibia y nos ignoraron toda la noche", "es", "complaint", &["tibia", "ignoraron"]),
    ("¿Se puede pagar con tarjeta?", "es", "question", &[]),
    ("Enhorabuena por el nuevo local, ¡qué bonito!", "es", "praise", &["enhorabuena"]),
    ("La serveuse nous a ignorés pendant 20 minutes", "fr", "complaint", &["ignorés"]),
    ("Le plat était tiède", "fr", "complaint", &["tiède"]),
    ("Peut-on payer par carte ?", "fr", "question", &[]),
    ("Der Kaffee war lauwarm und der Kuchen trocken", "de", "complaint", &["lauwarm"]),
    ("Kann man bei euch mit Karte zahlen?", "de", "question", &[]),
    ("Herzlichen Glückwunsch zum Jubiläum!", "de", "praise", &["glückwunsch"]),
    ("La pizza era tiepida e ci hanno ignorato", "it", "complaint", &["tiepida"]),
    ("Si può pagare con carta?", "it", "question", &[]),
    ("Complimenti allo chef!", "it", "praise", &["complimenti"]),
    ("O garçom foi super mal educado com a gente", "pt", "complaint", &["mal educado"]),
    ("Atendimento nota 10, parabéns!", "pt", "praise", &["parabéns"]),
    ("A sopa veio morna", "pt", "complaint", &["morna"]),
    ("Aceitam cartão?", "pt", "question", &[]),
    // The wrong thing sent, the tradesman who never came as customers type it, a return the
    // customer must pay for: written after the tables above. The writer's own wrong size is a
    // request.
    ("Ordered a blue jacket and received a red one. Second time this happens", "en", "complaint", &["ordered … received", "second time this happens"]),
    ("I ordered the wrong size, can I exchange it?", "en", "question", &[]),
    ("Pedí una talla M y me llegó una XL, y encima el cambio lo tengo que pagar yo", "es", "complaint", &["pedí … me llegó"]),
    ("El fontanero dejó el baño lleno de agua y se fue sin decir nada", "es", "complaint", &["sin decir nada"]),
    ("Le plombier devait passer ce matin, toujours personne et aucun appel", "fr", "complaint", &["toujours personne"]),
    ("J'ai commandé un M et j'ai reçu un XL", "fr", "complaint", &["commandé … reçu"]),
    ("Der Klempner kam drei Stunden zu spät und hat nicht mal Bescheid gesagt", "de", "complaint", &["nicht mal bescheid"]),
    ("Habt ihr am Samstag geöffnet?", "de", "question", &[]),
    ("Das Zimmer war dreckig und an der Rezeption war niemand freundlich", "de", "complaint", &["dreckig"]),
    ("Ich habe eine M bestellt und eine XL bekommen", "de", "complaint", &["bestellt … bekommen"]),
    ("L'idraulico doveva venire stamattina, ancora nessuno e nessuna chiamata", "it", "complaint", &["ancora nessuno"]),
    ("Ho ordinato una taglia S e mi è arrivata una L, e il reso è a pagamento", "it", "complaint", &["ordinato … mi è arrivata"]),
    ("O encanador marcou para as 9h e até agora nada, nem uma mensagem", "pt", "complaint", &["até agora nada"]),
    ("Comprei um tênis 40 e chegou 38, e a troca ainda é paga por mim", "pt", "complaint", &["comprei … chegou"]),
    // How long delivery takes is a question, not a complaint ("demora" is "takes" here, not
    // "delay"; the build before read four of these five as negative).
    ("How long does delivery take to Ireland?", "en", "question", &[]),
    ("¿Cuánto tarda en llegar a Canarias?", "es", "question", &[]),
    ("Quel est le délai de livraison pour la Belgique ?", "fr", "question", &[]),
    ("Wie lange dauert die Lieferung nach Österreich?", "de", "question", &[]),
    ("Quanto tempo demora a entrega pra Recife?", "pt", "question", &[]),
];

#[test]
fn questions_enquiries_thanks_and_complaints_to_a_business_read_right_in_each_language() {
    let mut wrong = Vec::new();
    for (text, lang, intent, why) in CASES {
        let got = classify(text, None);
        let reasons = got.reasons.join(" | ");
        // A plain question or enquiry is never negative (it may be warm: "I'd love to work at
        // @bellacafe"): the German model read "habt ihr morgen geöffnet?" as negative, from the
        // training tweets' rhetorical questions. And a tone is a reason only with its words, or
        // in a negative reading.
        let moodless = !matches!(*intent, "question" | "lead") || got.sentiment != "negative";
        let bare_tone = got.sentiment != "negative" && reasons.contains("negative tone");
        if got.language != Some(lang)
            || got.intent != *intent
            || got.complaint != (*intent == "complaint")
            || got.abusive
            || !why.iter().all(|w| reasons.contains(w))
            || !moodless
            || bare_tone
        {
            wrong.push(format!(
                "{text}\n  got {:?} {} {} urgency={} [{reasons}]",
                got.language, got.intent, got.sentiment, got.urgency
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn a_plain_question_ranks_below_a_complaint_in_each_language() {
    // The same business, the same language: the complaint is the one to answer first.
    for lang in ["en", "es", "fr", "de", "it", "pt"] {
        let of = |intent: &str| {
            CASES
                .iter()
                .filter(|c| c.1 == lang && c.2 == intent)
                .map(|c| classify(c.0, None).urgency)
                .collect::<Vec<_>>()
        };
        let questions = of("question");
        let complaints = of("complaint");
        let top_question = questions.iter().max().copied().unwrap_or(0);
        let least_complaint = complaints.iter().min().copied().unwrap_or(100);
        assert!(
            top_question < least_complaint,
            "{lang}: questions {questions:?}, complaints {complaints:?}"
        );
    }
}

#[test]
fn the_writers_own_plan_inside_a_complaint_is_what_happened_not_a_request() {
    // "Cancel my booking" is a request when it stands alone; beside a complaint it is what the
    // business's failure led to, and the writer's "sorry" and "cancel" are not why it is bad.
    for (text, why) in [
        (
            "I had to cancel my booking because nobody answered the phone",
            "nobody",
        ),
        (
            "Sorry but your service is terrible and I need to cancel my reservation",
            "terrible",
        ),
        (
            "We were running late and they gave our table away, never again",
            "never again",
        ),
    ] {
        let got = classify(text, None);
        let reasons = got.reasons.join(" | ");
        assert!(got.complaint, "{text}: {reasons}");
        assert!(reasons.contains(why), "{text}: {reasons}");
        assert!(
            !reasons.contains("asks for help")
                && !reasons.contains("'sorry'")
                && !reasons.contains("'cancel'"),
            "{text}: {reasons}"
        );
    }
}
