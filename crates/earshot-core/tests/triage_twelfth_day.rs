//! A twelfth day's posts to small businesses, written to teach the sentiment model what the
//! held-out business posts showed it could not read: plain plans and statements of fact ("Je passe
//! demain matin récupérer la commande" read as a complaint in four languages), a mishap the business
//! put right, kindness told in words of burden ("carried all twelve boxes up four flights of
//! stairs"), and dread that came to nothing ("Tinha pavor do tratamento de canal e não senti nada").
//! Thirty-five situations in each of the six languages; six more were dropped because
//! `data/business/posts.csv` or the held-out set already had them (a parcel soaked in the rain,
//! parking by the clinic, a heated pool, a bottle of wine never ordered, a painless root canal, a
//! move that would cost a fortune).
//!
//! Written before Earshot read them: 133 of 210 read wrong with the build before them (6b6e568).
//! All are in `posts.csv`, which the sentiment model learns from; `NOT_YET` are the fourteen that
//! still read wrong after it learned them, for the next change to aim at, and three more that
//! went wrong when it learned the thirteenth day (`triage_thirteenth_day.rs`).

mod triage_common;

use triage_common::{misquoted, misreads, none_wrong, not_in_training};

/// (post, language — empty where a post is too short to tell —, sentiment, complaint).
#[rustfmt::skip]
const TWELFTH_DAY: &[(&str, &str, &str, bool)] = &[
    ("I'll drop the spare keys at reception on Friday afternoon", "en", "neutral", false),
    ("Dejo las llaves de repuesto en recepción el viernes por la tarde", "es", "neutral", false),
    ("Je déposerai le double des clés à l'accueil vendredi après-midi", "fr", "neutral", false),
    ("Ich gebe die Ersatzschlüssel am Freitagnachmittag an der Rezeption ab", "de", "neutral", false),
    ("Lascio le chiavi di scorta alla reception venerdì pomeriggio", "it", "neutral", false),
    ("Deixo as chaves suplentes na receção na sexta à tarde", "pt", "neutral", false),
    ("My husband will collect the cake at four, it's under the name Moreau", "en", "neutral", false),
    ("Mi marido pasará a recoger la tarta a las cuatro, está a nombre de Moreau", "es", "neutral", false),
    ("Mon mari viendra chercher le gâteau à 16 h, c'est au nom de Moreau", "fr", "neutral", false),
    ("Mein Mann holt die Torte um vier ab, sie läuft auf den Namen Moreau", "de", "neutral", false),
    ("Mio marito passa a prendere la torta alle quattro, è a nome Moreau", "it", "neutral", false),
    ("O meu marido vai buscar o bolo às quatro, está em nome de Moreau", "pt", "neutral", false),
    ("Just paid the invoice by bank transfer, reference 2231", "en", "neutral", false),
    ("Acabo de pagar la factura por transferencia, referencia 2231", "es", "neutral", false),
    ("Je viens de régler la facture par virement, référence 2231", "fr", "neutral", false),
    ("Habe die Rechnung gerade überwiesen, Verwendungszweck 2231", "de", "neutral", false),
    ("Ho appena pagato la fattura con bonifico, causale 2231", "it", "neutral", false),
    ("Acabei de pagar a fatura por transferência, referência 2231", "pt", "neutral", false),
    ("We'll be about ten minutes late for our table tonight", "en", "neutral", false),
    ("Llegaremos unos diez minutos tarde a la reserva de esta noche", "es", "neutral", false),
    ("Nous aurons une dizaine de minutes de retard pour notre table ce soir", "fr", "neutral", false),
    ("Wir kommen heute Abend etwa zehn Minuten später zu unserem Tisch", "de", "neutral", false),
    ("Stasera arriviamo una decina di minuti in ritardo per il nostro tavolo", "it", "neutral", false),
    ("Vamos chegar uns dez minutos atrasados para a mesa de hoje à noite", "pt", "neutral", false),
    ("Sending the signed lease back by post today", "en", "neutral", false),
    ("Hoy os envío por correo el contrato de alquiler firmado", "es", "neutral", false),
    ("Je vous renvoie le bail signé par la poste aujourd'hui", "fr", "neutral", false),
    ("Ich schicke Ihnen den unterschriebenen Mietvertrag heute per Post zurück", "de", "neutral", false),
    ("Oggi vi rispedisco per posta il contratto d'affitto firmato", "it", "neutral", false),
    ("Hoje envio-vos pelo correio o contrato de arrendamento assinado", "pt", "neutral", false),
    ("The returns box will be by the front door tomorrow morning for the courier", "en", "neutral", false),
    ("Mañana por la mañana dejo la caja de la devolución junto a la puerta para el mensajero", "es", "neutral", false),
    ("Je laisse le carton du retour devant la porte demain matin pour le livreur", "fr", "neutral", false),
    ("Das Paket für die Rücksendung steht morgen früh für den Kurier vor der Haustür", "de", "neutral", false),
    ("Domattina lascio il pacco del reso davanti alla porta per il corriere", "it", "neutral", false),
    ("Amanhã de manhã deixo a caixa da devolução à porta para o estafeta", "pt", "neutral", false),
    ("We're four now instead of six for Saturday's booking", "en", "neutral", false),
    ("Para la reserva del sábado al final seremos cuatro en vez de seis", "es", "neutral", false),
    ("Pour la réservation de samedi, nous serons finalement quatre au lieu de six", "fr", "neutral", false),
    ("Für die Reservierung am Samstag sind wir jetzt vier statt sechs Personen", "de", "neutral", false),
    ("Per la prenotazione di sabato alla fine saremo in quattro invece che in sei", "it", "neutral", false),
    ("Para a reserva de sábado afinal somos quatro em vez de seis", "pt", "neutral", false),
    ("I've left the bike by the side gate for its service", "en", "neutral", false),
    ("He dejado la bici junto a la puerta lateral para la revisión", "es", "neutral", false),
    ("J'ai laissé le vélo près du portail sur le côté pour la révision", "fr", "neutral", false),
    ("Ich habe das Fahrrad für die Inspektion am Seiteneingang abgestellt", "de", "neutral", false),
    ("Ho lasciato la bici vicino al cancello laterale per il tagliando", "it", "neutral", false),
    ("Deixei a bicicleta junto ao portão lateral para a revisão", "pt", "neutral", false),
    ("I'll bring the dog's vaccination card to the appointment", "en", "neutral", false),
    ("J'apporterai le carnet de vaccination du chien au rendez-vous", "fr", "neutral", false),
    ("Ich bringe den Impfpass vom Hund zum Termin mit", "de", "neutral", false),
    ("Porto il libretto delle vaccinazioni del cane all'appuntamento", "it", "neutral", false),
    ("Levo o boletim de vacinas do cão à consulta", "pt", "neutral", false),
    ("La oficina cierra entre Navidad y Año Nuevo, así que entregad el pedido el día 22", "es", "neutral", false),
    ("Nos bureaux sont fermés entre Noël et le Nouvel An, livrez-nous donc le 22", "fr", "neutral", false),
    ("Unser Büro ist zwischen den Jahren zu, bitte liefert deshalb am 22.", "de", "neutral", false),
    ("L'ufficio è chiuso tra Natale e Capodanno, quindi consegnate il 22", "it", "neutral", false),
    ("O escritório está fechado entre o Natal e o Ano Novo, por isso entreguem no dia 22", "pt", "neutral", false),
    ("I'm picking up my new glasses after work", "en", "neutral", false),
    ("Paso a recoger mis gafas nuevas al salir del trabajo", "es", "neutral", false),
    ("Je passe chercher mes nouvelles lunettes après le travail", "fr", "neutral", false),
    ("Ich hole meine neue Brille nach der Arbeit ab", "de", "neutral", false),
    ("Passo a ritirare i miei occhiali nuovi dopo il lavoro", "it", "neutral", false),
    ("Vou buscar os meus óculos novos depois do trabalho", "pt", "neutral", false),
    ("El código de la verja para la entrega es 4471", "es", "neutral", false),
    ("Le code du portail pour la livraison est 4471", "fr", "neutral", false),
    ("Der Code für das Tor ist 4471, falls ihr liefert", "de", "neutral", false),
    ("Il codice del cancello per la consegna è 4471", "it", "neutral", false),
    ("O código do portão para a entrega é 4471", "pt", "neutral", false),
    ("Our fridge died the day before the party and the shop delivered a new one that same evening", "en", "positive", false),
    ("Se nos estropeó la nevera el día antes de la fiesta y la tienda nos trajo una nueva esa misma tarde", "es", "positive", false),
    ("Notre frigo a lâché la veille de la fête et le magasin nous en a livré un neuf le soir même", "fr", "positive", false),
    ("Am Tag vor der Party ist unser Kühlschrank kaputtgegangen und der Laden hat noch am selben Abend einen neuen geliefert", "de", "positive", false),
    ("Il frigo si è rotto il giorno prima della festa e il negozio ce ne ha portato uno nuovo la sera stessa", "it", "positive", false),
    ("O frigorífico avariou na véspera da festa e a loja entregou-nos um novo nessa mesma noite", "pt", "positive", false),
    ("Flat tyre on the motorway, the breakdown van reached us in half an hour and had us back on the road", "en", "positive", false),
    ("Pinchamos en la autopista, la grúa llegó en media hora y nos dejó listos para seguir", "es", "positive", false),
    ("Crevaison sur l'autoroute, la dépanneuse est arrivée en une demi-heure et nous a remis sur la route", "fr", "positive", false),
    ("Platten auf der Autobahn, der Pannendienst war in einer halben Stunde da und wir konnten weiterfahren", "de", "positive", false),
    ("Gomma a terra in autostrada, il carro attrezzi è arrivato in mezz'ora e ci ha rimessi in strada", "it", "positive", false),
    ("Furo na autoestrada, o reboque chegou em meia hora e pôs-nos de novo a caminho", "pt", "positive", false),
    ("Mi portátil se colgó la noche antes de la entrega y en la tienda de reparaciones recuperaron todos los archivos", "es", "positive", false),
    ("Mon ordinateur a planté la veille de mon rendu et l'atelier de réparation a récupéré tous mes fichiers", "fr", "positive", false),
    ("Mein Laptop ist am Abend vor der Abgabe abgestürzt und die Werkstatt hat jede einzelne Datei gerettet", "de", "positive", false),
    ("Il portatile si è bloccato la sera prima della consegna e in assistenza hanno recuperato tutti i file", "it", "positive", false),
    ("O portátil foi abaixo na véspera da entrega e na loja de reparações recuperaram todos os ficheiros", "pt", "positive", false),
    ("Perdí el pasaporte el día antes del vuelo, la agencia nos consiguió una cita urgente y salimos a tiempo", "es", "positive", false),
    ("J'ai perdu mon passeport la veille du vol, l'agence nous a obtenu un rendez-vous en urgence et nous sommes partis à l'heure", "fr", "positive", false),
    ("Einen Tag vor dem Flug war mein Pass weg, das Reisebüro hat uns einen Notfalltermin besorgt und wir sind pünktlich geflogen", "de", "positive", false),
    ("Ho perso il passaporto il giorno prima del volo, l'agenzia ci ha trovato un appuntamento urgente e siamo partiti in orario", "it", "positive", false),
    ("Perdi o passaporte na véspera do voo, a agência arranjou-nos uma marcação urgente e partimos a horas", "pt", "positive", false),
    ("My daughter's dress tore an hour before the prom and the tailor stitched it while we waited", "en", "positive", false),
    ("El vestido de mi hija se rompió una hora antes del baile y la costurera lo cosió mientras esperábamos", "es", "positive", false),
    ("La robe de ma fille s'est déchirée une heure avant le bal et la couturière l'a recousue pendant qu'on attendait", "fr", "positive", false),
    ("Das Kleid meiner Tochter ist eine Stunde vor dem Abschlussball gerissen und die Schneiderin hat es sofort genäht, während wir gewartet haben", "de", "positive", false),
    ("Il vestito di mia figlia si è strappato un'ora prima del ballo e la sarta l'ha ricucito mentre aspettavamo", "it", "positive", false),
    ("O vestido da minha filha rasgou-se uma hora antes do baile e a costureira coseu-o enquanto esperávamos", "pt", "positive", false),
    ("Nos cancelaron el vuelo y el hotel nos dejó la habitación una noche más sin cobrarnos nada", "es", "positive", false),
    ("Unser Flug wurde gestrichen und das Hotel hat uns das Zimmer eine Nacht länger gelassen, ohne etwas zu berechnen", "de", "positive", false),
    ("Il volo è stato cancellato e l'hotel ci ha tenuto la camera una notte in più senza farci pagare nulla", "it", "positive", false),
    ("The car wouldn't start on the morning of our holiday, so the garage lent us one of theirs", "en", "positive", false),
    ("El coche no arrancaba la mañana de las vacaciones y el taller nos prestó uno suyo", "es", "positive", false),
    ("La voiture refusait de démarrer le matin du départ en vacances, le garage nous a prêté une des siennes", "fr", "positive", false),
    ("Am Morgen der Urlaubsreise sprang das Auto nicht an, da hat uns die Werkstatt einfach eins von ihren geliehen", "de", "positive", false),
    ("La mattina della partenza la macchina non partiva e l'officina ci ha prestato una delle sue", "it", "positive", false),
    ("O carro não pegava na manhã das férias e a oficina emprestou-nos um dos deles", "pt", "positive", false),
    ("Me dejé la cartera en casa y en la cafetería me dijeron que ya pagaría la próxima vez", "es", "positive", false),
    ("J'avais oublié mon portefeuille et le café m'a dit de payer la prochaine fois", "fr", "positive", false),
    ("Hatte mein Portemonnaie vergessen und im Café meinten sie, ich soll einfach nächstes Mal zahlen", "de", "positive", false),
    ("Avevo dimenticato il portafoglio a casa e al bar mi hanno detto di pagare la prossima volta", "it", "positive", false),
    ("Esqueci-me da carteira em casa e no café disseram-me para pagar da próxima vez", "pt", "positive", false),
    ("Se quedaron abiertos media hora más de la cuenta para que pudiéramos terminar el postre", "es", "positive", false),
    ("Sie hatten eine halbe Stunde länger offen, damit wir in Ruhe unseren Nachtisch essen konnten", "de", "positive", false),
    ("Sono rimasti aperti mezz'ora dopo la chiusura per farci finire il dolce", "it", "positive", false),
    ("El repartidor subió las doce cajas cuatro pisos por la escalera sin quejarse ni una vez", "es", "positive", false),
    ("Le livreur a monté les douze cartons sur quatre étages sans jamais se plaindre", "fr", "positive", false),
    ("Der Fahrer hat alle zwölf Kartons in den vierten Stock getragen, ohne ein einziges Mal zu meckern", "de", "positive", false),
    ("Il corriere ha portato tutti e dodici gli scatoloni su per quattro piani senza mai lamentarsi", "it", "positive", false),
    ("O estafeta levou as doze caixas por quatro andares de escadas sem nunca se queixar", "pt", "positive", false),
    ("The nurse sat with my mum through the whole night", "en", "positive", false),
    ("La enfermera se quedó con mi madre toda la noche", "es", "positive", false),
    ("L'infirmière est restée auprès de ma mère toute la nuit", "fr", "positive", false),
    ("Die Pflegerin ist die ganze Nacht bei meiner Mutter geblieben", "de", "positive", false),
    ("L'infermiera è rimasta accanto a mia madre tutta la notte", "it", "positive", false),
    ("A enfermeira ficou a noite inteira ao lado da minha mãe", "pt", "positive", false),
    ("She drove across town in the rain to bring back the scarf I'd left behind", "en", "positive", false),
    ("Cruzó media ciudad bajo la lluvia para devolverme la bufanda que me había dejado", "es", "positive", false),
    ("Elle a traversé la ville sous la pluie pour me rapporter l'écharpe que j'avais oubliée", "fr", "positive", false),
    ("Sie ist im Regen quer durch die Stadt gefahren, um mir den Schal zu bringen, den ich vergessen hatte", "de", "positive", false),
    ("Ha attraversato la città sotto la pioggia per riportarmi la sciarpa che avevo dimenticato", "it", "positive", false),
    ("Atravessou a cidade à chuva para me devolver o cachecol que eu tinha esquecido", "pt", "positive", false),
    ("The baker got up at three in the morning to have our order ready in time", "en", "positive", false),
    ("El panadero se levantó a las tres de la mañana para tener nuestro pedido a tiempo", "es", "positive", false),
    ("Le boulanger s'est levé à trois heures du matin pour que notre commande soit prête à temps", "fr", "positive", false),
    ("Der Bäcker ist um drei Uhr morgens aufgestanden, damit unsere Bestellung rechtzeitig fertig ist", "de", "positive", false),
    ("Il fornaio si è alzato alle tre di notte per avere il nostro ordine pronto in tempo", "it", "positive", false),
    ("O padeiro levantou-se às três da manhã para ter a nossa encomenda pronta a tempo", "pt", "positive", false),
    ("Packed restaurant and the waiters were run off their feet, yet they never forgot a thing", "en", "positive", false),
    ("Restaurant bondé, les serveurs couraient partout et pourtant ils n'ont rien oublié", "fr", "positive", false),
    ("Ristorante pienissimo, i camerieri correvano da tutte le parti eppure non hanno dimenticato niente", "it", "positive", false),
    ("Restaurante cheio, os empregados não paravam e mesmo assim não se esqueceram de nada", "pt", "positive", false),
    ("I was nervous about going blonde but the colour came out perfect", "en", "positive", false),
    ("Estaba nerviosa por pasarme al rubio, pero el color quedó perfecto", "es", "positive", false),
    ("J'avais peur de passer au blond mais la couleur est parfaite", "fr", "positive", false),
    ("Ich war nervös wegen Blond, aber die Farbe ist perfekt geworden", "de", "positive", false),
    ("Ero agitata all'idea di passare al biondo ma il colore è venuto perfetto", "it", "positive", false),
    ("Estava nervosa por passar a loira mas a cor ficou perfeita", "pt", "positive", false),
    ("Estaba segura de que el paquete se había perdido y esta mañana llegó intacto", "es", "positive", false),
    ("J'étais sûre que le colis s'était perdu, il est arrivé ce matin en parfait état", "fr", "positive", false),
    ("Ich war sicher, das Paket ist verloren gegangen, und heute Morgen kam es völlig unversehrt an", "de", "positive", false),
    ("Ero convinta che il pacco si fosse perso e stamattina è arrivato perfettamente integro", "it", "positive", false),
    ("Tinha a certeza de que a encomenda se tinha perdido e esta manhã chegou impecável", "pt", "positive", false),
    ("Expected a long queue for passport photos, we were in and out in five minutes", "en", "positive", false),
    ("Esperaba una cola enorme para las fotos del pasaporte y en cinco minutos estábamos fuera", "es", "positive", false),
    ("Je m'attendais à une longue attente pour les photos d'identité, on est ressortis en cinq minutes", "fr", "positive", false),
    ("Ich hatte mit einer langen Schlange für die Passfotos gerechnet, nach fünf Minuten waren wir wieder draußen", "de", "positive", false),
    ("Mi aspettavo una lunga fila per le foto tessera, in cinque minuti eravamo fuori", "it", "positive", false),
    ("Contava com uma fila enorme para as fotos do passaporte e em cinco minutos estávamos despachados", "pt", "positive", false),
    ("Feared the worst when the vet rang, but it was only to say the operation had gone well", "en", "positive", false),
    ("Me temí lo peor cuando llamó la veterinaria, pero era para decirme que la operación había ido bien", "es", "positive", false),
    ("Als die Tierärztin anrief, habe ich das Schlimmste befürchtet, aber die OP war gut verlaufen", "de", "positive", false),
    ("Quando ha chiamato la veterinaria ho temuto il peggio, invece era per dirmi che l'operazione era andata bene", "it", "positive", false),
    ("Temi o pior quando a veterinária ligou, mas era só para dizer que a operação tinha corrido bem", "pt", "positive", false),
    ("Asked the hairdresser for one centimetre off and she cut five", "en", "negative", true),
    ("Le pedí a la peluquera que me cortara un centímetro y me cortó cinco", "es", "negative", true),
    ("J'ai demandé à la coiffeuse de couper un centimètre et elle en a coupé cinq", "fr", "negative", true),
    ("Ich wollte beim Friseur einen Zentimeter ab haben und sie hat fünf abgeschnitten", "de", "negative", true),
    ("Ho chiesto alla parrucchiera di tagliare un centimetro e ne ha tagliati cinque", "it", "negative", true),
    ("Pedi à cabeleireira para cortar um centímetro e ela cortou cinco", "pt", "negative", true),
    ("The plumber fitted the mixer tap the wrong way round, the hot comes out cold", "en", "negative", true),
    ("El fontanero montó el grifo al revés y el agua caliente sale fría", "es", "negative", true),
    ("Le plombier a monté le mitigeur à l'envers, l'eau chaude sort froide", "fr", "negative", true),
    ("Der Installateur hat die Mischbatterie falsch herum montiert, warm kommt kalt raus", "de", "negative", true),
    ("L'idraulico ha montato il miscelatore al contrario, l'acqua calda esce fredda", "it", "negative", true),
    ("O canalizador montou a torneira ao contrário e a água quente sai fria", "pt", "negative", true),
    ("Ten days since I sent the claim form and nobody has replied", "en", "negative", true),
    ("Hace diez días que mandé el formulario de reclamación y nadie ha contestado", "es", "negative", true),
    ("Dix jours que j'ai envoyé le formulaire de réclamation et personne n'a répondu", "fr", "negative", true),
    ("Vor zehn Tagen habe ich das Reklamationsformular geschickt und niemand hat geantwortet", "de", "negative", true),
    ("Sono passati dieci giorni da quando ho mandato il modulo di reclamo e nessuno ha risposto", "it", "negative", true),
    ("Há dez dias que enviei o formulário de reclamação e ninguém respondeu", "pt", "negative", true),
    ("The paint on the fence you put up last month is already peeling", "en", "negative", true),
    ("La pintura de la valla que nos pusisteis el mes pasado ya se está pelando", "es", "negative", true),
    ("La peinture de la clôture que vous avez posée le mois dernier s'écaille déjà", "fr", "negative", true),
    ("Die Farbe am Zaun, den ihr letzten Monat aufgestellt habt, blättert schon ab", "de", "negative", true),
    ("La vernice della recinzione che ci avete montato il mese scorso si sta già staccando", "it", "negative", true),
    ("A tinta da vedação que nos puseram no mês passado já está a descascar", "pt", "negative", true),
    ("Can I bring my own cake for my son's birthday?", "en", "neutral", false),
    ("¿Puedo llevar mi propia tarta para el cumpleaños de mi hijo?", "es", "neutral", false),
    ("Est-ce que je peux apporter mon propre gâteau pour l'anniversaire de mon fils ?", "fr", "neutral", false),
    ("Darf ich für den Geburtstag meines Sohnes einen eigenen Kuchen mitbringen?", "de", "neutral", false),
    ("Posso portare una torta mia per il compleanno di mio figlio?", "it", "neutral", false),
    ("Posso levar o meu próprio bolo para o aniversário do meu filho?", "pt", "neutral", false),
];

/// In `posts.csv` and still read wrong: a mishap told before what the business did about it
/// ("Our flight was cancelled and the hotel kept our room an extra night at no charge": a
/// complaint, "'cancelled'"), "without a word of complaint" (a complaint), a Spanish post read as
/// Catalan, "staying open late" asking for opening hours. The first three read right until the
/// thirteenth day was learned: "please" reads as praise, kindness after a mishap ("recovered
/// every single file") as a complaint, "stayed open half an hour past closing" as negative.
#[rustfmt::skip]
const NOT_YET: &[(&str, &str, &str, bool)] = &[
    ("Our office is shut between Christmas and New Year, so please deliver on the 22nd", "en", "neutral", false),
    ("My laptop crashed the night before my deadline and the repair shop recovered every single file", "en", "positive", false),
    ("They stayed open half an hour past closing so we could finish our dessert", "en", "positive", false),
    ("Llevaré la cartilla de vacunación del perro a la cita", "es", "neutral", false),
    ("The gate code for the delivery is 4471", "en", "neutral", false),
    ("Lost my passport the day before we flew, the travel agent got us an emergency appointment and we left on time", "en", "positive", false),
    ("Our flight was cancelled and the hotel kept our room an extra night at no charge", "en", "positive", false),
    ("Notre vol a été annulé et l'hôtel nous a gardé la chambre une nuit de plus sans rien nous facturer", "fr", "positive", false),
    ("O nosso voo foi cancelado e o hotel deixou-nos ficar no quarto mais uma noite sem cobrar nada", "pt", "positive", false),
    ("Forgot my wallet at home and the café told me to pay next time", "en", "positive", false),
    ("Ils sont restés ouverts une demi-heure après la fermeture pour qu'on puisse finir notre dessert", "fr", "positive", false),
    ("Ficaram abertos mais meia hora depois do fecho para podermos acabar a sobremesa", "pt", "positive", false),
    ("The driver carried all twelve boxes up four flights of stairs without a word of complaint", "en", "positive", false),
    ("El restaurante estaba a tope y los camareros no paraban, pero no se olvidaron de nada", "es", "positive", false),
    ("Das Restaurant war brechend voll, die Kellner im Dauerstress, und trotzdem haben sie nichts vergessen", "de", "positive", false),
    ("Was sure the parcel had gone missing, then it turned up this morning without a scratch", "en", "positive", false),
    ("J'ai craint le pire quand la vétérinaire a appelé, mais c'était pour dire que l'opération s'était bien passée", "fr", "positive", false),
];

/// Reasons that named an auxiliary, a possessive or a preposition on the twelfth day: (post, a
/// reason given, one that must not be).
#[rustfmt::skip]
const QUOTED: &[(&str, &str, &str)] = &[
    ("Der Mechaniker hat mir das alte Teil gezeigt und alles erklärt. Fairer Preis obendrein", "positive", "'hat'"),
    ("Ho chiamato quattro volte e mi hanno sempre riattaccato", "complaint", "'hanno'"),
    ("Il nostro cucciolo è tornato dalla toelettatura che sembrava una star del cinema", "positive", "'nostro'"),
    ("Unser Welpe kam vom Hundefriseur zurück wie ein Filmstar", "positive", "'unser'"),
    ("Danke, dass ihr meinen Anzug verloren habt, echt super", "complaint: 'verloren'", "'dass'"),
    ("Colis laissé dehors sous la pluie, tout est trempé", "complaint", "sous'"),
    ("Vuestra recepcionista es una maleducada y una imbécil", "complaint: 'maleducada', 'imbécil'", "vuestra"),
    ("El chico del vivero me llevó todas las macetas pesadas hasta el coche sin que se lo pidiera", "", "'hasta'"),
    ("Mein Auto wurde vom Parkplatz abgeschleppt, obwohl das Ticket drin lag", "complaint", "'lag'"),
];

#[test]
fn reasons_name_no_auxiliary_possessive_or_preposition() {
    none_wrong(&misquoted(QUOTED));
}

#[test]
fn a_twelfth_day_of_posts_reads_right_in_each_language() {
    none_wrong(&misreads(TWELFTH_DAY));
    none_wrong(&not_in_training(TWELFTH_DAY));
}

#[test]
fn the_posts_still_read_wrong_are_learned_from() {
    none_wrong(&not_in_training(NOT_YET));
}
