//! A thirteenth day's posts to small businesses: the two sets written on the twelfth day after
//! its training posts and read once with that build (`e`, 120 posts; `f`, 72), in situations
//! checked against `data/business/posts.csv` and the held-out set for word overlap: plans, mishaps
//! put right, kindness, dread that came to nothing, polite complaints. `triage/dread.rs` was
//! written from them, so they were never held out; they waited in `data/business/next.csv` until
//! the sentiment model learned them here.
//!
//! Before they were learned, 73 of the 192 read wrong (with the dread rule); after, 21; after
//! polite complaints were told from plain questions, the 12 in `NOT_YET`. The 24 posts of dread that came to nothing are pinned in `triage_dread.rs`, not
//! here. Learning them cost the case tables three readings of the twelfth day (now in its
//! `NOT_YET`), "I bought it 2 weeks ago and it's great" (mended: a time gone by in praise is no
//! wait, `waited::praised_since`) and "Used to love this place" (mended: praise of how things were
//! is a complaint's cue for the English complaint model too).

mod triage_common;

use triage_common::{misreads, none_wrong, not_in_training};

/// (post, language, sentiment, complaint).
#[rustfmt::skip]
const THIRTEENTH_DAY: &[(&str, &str, &str, bool)] = &[
    ("I'll be home from nine on Thursday for the kitchen fitter", "en", "neutral", false),
    ("El jueves estaré en casa desde las nueve para el montador de la cocina", "es", "neutral", false),
    ("Je serai à la maison jeudi à partir de neuf heures pour le cuisiniste", "fr", "neutral", false),
    ("Ich bin am Donnerstag ab neun zu Hause für den Küchenmonteur", "de", "neutral", false),
    ("Giovedì sono a casa dalle nove per il montatore della cucina", "it", "neutral", false),
    ("Na quinta estou em casa a partir das nove para o montador da cozinha", "pt", "neutral", false),
    ("If I'm out, the parcel can go to my neighbour at number 12", "en", "neutral", false),
    ("Si no estoy, podéis dejar el paquete al vecino del número 12", "es", "neutral", false),
    ("Si je suis absent, vous pouvez laisser le colis au voisin du numéro 12", "fr", "neutral", false),
    ("Falls ich nicht da bin, könnt ihr das Paket beim Nachbarn in Nummer 12 abgeben", "de", "neutral", false),
    ("Se non ci sono, potete lasciare il pacco al vicino del numero 12", "it", "neutral", false),
    ("Se eu não estiver, podem deixar a encomenda ao vizinho do número 12", "pt", "neutral", false),
    ("Esta noche os mando las fotos para imprimir", "es", "neutral", false),
    ("Ich schicke euch heute Abend die Fotos für die Abzüge", "de", "neutral", false),
    ("Hoje à noite envio-vos as fotografias para imprimir", "pt", "neutral", false),
    ("My company is paying, so the invoice should go to our accounts department", "en", "neutral", false),
    ("Paga mi empresa, así que la factura tiene que ir al departamento de contabilidad", "es", "neutral", false),
    ("C'est mon entreprise qui paie, la facture doit donc être adressée au service comptable", "fr", "neutral", false),
    ("Das zahlt meine Firma, die Rechnung bitte an unsere Buchhaltung", "de", "neutral", false),
    ("Paga la mia azienda, quindi la fattura va intestata all'ufficio contabilità", "it", "neutral", false),
    ("Quem paga é a minha empresa, por isso a fatura deve ir para a contabilidade", "pt", "neutral", false),
    ("Do you fit winter tyres on Saturdays?", "en", "neutral", false),
    ("¿Montáis neumáticos de invierno los sábados?", "es", "neutral", false),
    ("Vous montez les pneus hiver le samedi ?", "fr", "neutral", false),
    ("Macht ihr samstags auch Winterreifen drauf?", "de", "neutral", false),
    ("Montate le gomme invernali anche il sabato?", "it", "neutral", false),
    ("Montam pneus de inverno ao sábado?", "pt", "neutral", false),
    ("Are children allowed in the spa?", "en", "neutral", false),
    ("¿Pueden entrar niños al spa?", "es", "neutral", false),
    ("Les enfants sont-ils admis au spa ?", "fr", "neutral", false),
    ("Dürfen Kinder in den Wellnessbereich?", "de", "neutral", false),
    ("I bambini possono entrare nella spa?", "it", "neutral", false),
    ("As crianças podem entrar no spa?", "pt", "neutral", false),
    ("The bride's bouquet was left behind at the hotel and the florist made a new one in forty minutes", "en", "positive", false),
    ("El ramo de la novia se quedó olvidado en el hotel y la florista hizo otro en cuarenta minutos", "es", "positive", false),
    ("Le bouquet de la mariée est resté à l'hôtel et la fleuriste en a fait un nouveau en quarante minutes", "fr", "positive", false),
    ("Der Brautstrauß lag noch im Hotel und die Floristin hat in vierzig Minuten einen neuen gebunden", "de", "positive", false),
    ("Il bouquet della sposa era rimasto in albergo e la fiorista ne ha fatto uno nuovo in quaranta minuti", "it", "positive", false),
    ("O ramo da noiva ficou esquecido no hotel e a florista fez um novo em quarenta minutos", "pt", "positive", false),
    ("The cash machine swallowed my card abroad and the hotel lent us money until the new one came", "en", "positive", false),
    ("El cajero se tragó mi tarjeta en el extranjero y el hotel nos prestó dinero hasta que llegó la nueva", "es", "positive", false),
    ("Le distributeur a avalé ma carte à l'étranger et l'hôtel nous a prêté de l'argent jusqu'à l'arrivée de la nouvelle", "fr", "positive", false),
    ("Der Automat hat im Ausland meine Karte geschluckt und das Hotel hat uns Geld geliehen, bis die neue da war", "de", "positive", false),
    ("Il bancomat mi ha mangiato la carta all'estero e l'hotel ci ha prestato dei soldi finché non è arrivata quella nuova", "it", "positive", false),
    ("O multibanco engoliu-me o cartão no estrangeiro e o hotel emprestou-nos dinheiro até chegar o novo", "pt", "positive", false),
    ("The cake toppled over in the car on the way to the party and the bakery decorated a new one on the spot", "en", "positive", false),
    ("La tarta se volcó en el coche de camino a la fiesta y la pastelería decoró otra en el momento", "es", "positive", false),
    ("Le gâteau s'est renversé dans la voiture en route pour la fête et la pâtisserie en a décoré un autre sur place", "fr", "positive", false),
    ("Die Torte ist auf dem Weg zur Feier im Auto umgekippt und die Konditorei hat sofort eine neue verziert", "de", "positive", false),
    ("La torta si è rovesciata in macchina mentre andavamo alla festa e la pasticceria ne ha decorata un'altra al momento", "it", "positive", false),
    ("O bolo tombou no carro a caminho da festa e a pastelaria decorou outro na hora", "pt", "positive", false),
    ("The mechanic crawled under the car in the pouring rain to find the rattle and didn't charge a thing", "en", "positive", false),
    ("El mecánico se metió debajo del coche con la que estaba cayendo para encontrar el ruido y no me cobró nada", "es", "positive", false),
    ("Le mécanicien s'est glissé sous la voiture sous une pluie battante pour trouver le bruit et ne m'a rien fait payer", "fr", "positive", false),
    ("Der Mechaniker ist bei strömendem Regen unters Auto gekrochen, um das Klappern zu finden, und hat nichts verlangt", "de", "positive", false),
    ("Il meccanico si è infilato sotto la macchina sotto la pioggia battente per trovare il rumore e non mi ha fatto pagare niente", "it", "positive", false),
    ("O mecânico meteu-se debaixo do carro a chover a potes para encontrar o barulho e não me cobrou nada", "pt", "positive", false),
    ("The teacher gave up her lunch break to go over the maths with my son", "en", "positive", false),
    ("La profesora renunció a su hora de comer para repasar las mates con mi hijo", "es", "positive", false),
    ("La prof a sacrifié sa pause déjeuner pour revoir les maths avec mon fils", "fr", "positive", false),
    ("Die Lehrerin hat ihre Mittagspause geopfert, um mit meinem Sohn Mathe zu üben", "de", "positive", false),
    ("La maestra ha rinunciato alla pausa pranzo per ripassare matematica con mio figlio", "it", "positive", false),
    ("A professora abdicou da hora de almoço para rever a matemática com o meu filho", "pt", "positive", false),
    ("Our train got in late and they reopened the kitchen just for us", "en", "positive", false),
    ("El tren llegó tarde y volvieron a abrir la cocina solo para nosotros", "es", "positive", false),
    ("Unser Zug kam zu spät an und sie haben die Küche extra für uns wieder aufgemacht", "de", "positive", false),
    ("Il treno è arrivato in ritardo e hanno riaperto la cucina solo per noi", "it", "positive", false),
    ("The cleaner broke a vase and said nothing, we found the pieces in the bin", "en", "negative", true),
    ("La señora de la limpieza rompió un jarrón y no dijo nada, encontramos los trozos en la basura", "es", "negative", true),
    ("La femme de ménage a cassé un vase sans rien dire, on a retrouvé les morceaux dans la poubelle", "fr", "negative", true),
    ("Die Putzkraft hat eine Vase zerbrochen und nichts gesagt, wir haben die Scherben im Müll gefunden", "de", "negative", true),
    ("La donna delle pulizie ha rotto un vaso senza dire niente, abbiamo trovato i cocci nella spazzatura", "it", "negative", true),
    ("A empregada da limpeza partiu uma jarra e não disse nada, encontrámos os cacos no lixo", "pt", "negative", true),
    ("The kitchen fitters left a week ago and the worktop still isn't in", "en", "negative", true),
    ("Los montadores se fueron hace una semana y la encimera sigue sin poner", "es", "negative", true),
    ("Les installateurs sont partis il y a une semaine et le plan de travail n'est toujours pas posé", "fr", "negative", true),
    ("Die Monteure sind seit einer Woche weg und die Arbeitsplatte fehlt immer noch", "de", "negative", true),
    ("I montatori se ne sono andati una settimana fa e il piano di lavoro non c'è ancora", "it", "negative", true),
    ("Os montadores foram-se embora há uma semana e a bancada continua por pôr", "pt", "negative", true),
    ("Cancelling my Tuesday appointment, I'll book again next week", "en", "neutral", false),
    ("Cancelo mi cita del martes, vuelvo a pedir la semana que viene", "es", "neutral", false),
    ("J'annule mon rendez-vous de mardi, je reprendrai rendez-vous la semaine prochaine", "fr", "neutral", false),
    ("Ich sage meinen Termin am Dienstag ab und buche nächste Woche neu", "de", "neutral", false),
    ("Annullo l'appuntamento di martedì, ne prendo un altro la settimana prossima", "it", "neutral", false),
    ("Cancelo a minha marcação de terça, volto a marcar para a semana", "pt", "neutral", false),
    ("The gym has moved the class times three weeks running without telling anyone", "en", "negative", true),
    ("El gimnasio ha cambiado los horarios de las clases tres semanas seguidas sin avisar a nadie", "es", "negative", true),
    ("La salle de sport a changé les horaires des cours trois semaines de suite sans prévenir personne", "fr", "negative", true),
    ("Das Fitnessstudio hat drei Wochen hintereinander die Kurszeiten geändert, ohne jemandem Bescheid zu sagen", "de", "negative", true),
    ("Our guide carried my daughter on his shoulders for the last kilometre of the walk", "en", "positive", false),
    ("Nuestro guía llevó a mi hija a hombros el último kilómetro de la ruta", "es", "positive", false),
    ("Notre guide a porté ma fille sur ses épaules pendant le dernier kilomètre de la randonnée", "fr", "positive", false),
    ("Unser Guide hat meine Tochter den letzten Kilometer der Wanderung auf den Schultern getragen", "de", "positive", false),
    ("La nostra guida ha portato mia figlia sulle spalle per l'ultimo chilometro dell'escursione", "it", "positive", false),
    ("O nosso guia levou a minha filha às cavalitas no último quilómetro do percurso", "pt", "positive", false),
    ("I'll send you the photos for the prints tonight", "en", "neutral", false),
    ("Je vous envoie ce soir les photos à imprimer", "fr", "neutral", false),
    ("I was worried the new glasses would feel strange, by lunchtime I'd forgotten I had them on", "en", "positive", false),
    ("We feared the rain would ruin the garden party, the caterers put up a marquee in an hour", "en", "positive", false),
    ("Tínhamos medo de que a chuva estragasse a festa no jardim e o catering montou uma tenda numa hora", "pt", "positive", false),
    ("Me cancelaron el vuelo de vuelta y la casa rural me buscó una cama en casa de su vecina", "es", "positive", false),
    ("Mon vol retour a été annulé et la chambre d'hôtes m'a trouvé un lit chez leur voisine", "fr", "positive", false),
    ("Mein Rückflug wurde gestrichen und die Pension hat mir ein Bett bei ihrer Nachbarin besorgt", "de", "positive", false),
    ("Il volo di ritorno è stato cancellato e il B&B mi ha trovato un letto dalla loro vicina", "it", "positive", false),
    ("O meu voo de regresso foi cancelado e o alojamento arranjou-me uma cama em casa da vizinha", "pt", "positive", false),
    ("The pharmacist rang three other shops until she found my daughter's medicine", "en", "positive", false),
    ("La farmacéutica llamó a otras tres farmacias hasta encontrar la medicina de mi hija", "es", "positive", false),
    ("La pharmacienne a appelé trois autres pharmacies jusqu'à trouver le médicament de ma fille", "fr", "positive", false),
    ("Die Apothekerin hat drei andere Apotheken angerufen, bis sie das Medikament für meine Tochter gefunden hat", "de", "positive", false),
    ("La farmacista ha chiamato altre tre farmacie finché non ha trovato la medicina di mia figlia", "it", "positive", false),
    ("A farmacêutica ligou para mais três farmácias até encontrar o medicamento da minha filha", "pt", "positive", false),
    ("I'll pop in on Monday to pay the rest of the deposit", "en", "neutral", false),
    ("El lunes me paso a pagar el resto de la señal", "es", "neutral", false),
    ("Je passe lundi pour régler le reste de l'acompte", "fr", "neutral", false),
    ("Ich komme am Montag vorbei und zahle den Rest der Anzahlung", "de", "neutral", false),
    ("Lunedì passo a saldare il resto dell'acconto", "it", "neutral", false),
    ("Na segunda passo aí para pagar o resto do sinal", "pt", "neutral", false),
    ("The table is booked under my sister's name, Ferreira", "en", "neutral", false),
    ("La table est réservée au nom de ma sœur, Ferreira", "fr", "neutral", false),
    ("Der Tisch ist auf den Namen meiner Schwester reserviert, Ferreira", "de", "neutral", false),
    ("Il tavolo è prenotato a nome di mia sorella, Ferreira", "it", "neutral", false),
    ("A mesa está reservada em nome da minha irmã, Ferreira", "pt", "neutral", false),
    ("Good morning, the hot water in room 12 hasn't worked since yesterday, could someone take a look?", "en", "negative", true),
    ("Buenos días, en la habitación 12 no hay agua caliente desde ayer, ¿podría alguien mirarlo?", "es", "negative", true),
    ("The estate agent gave our keys to the wrong tenant", "en", "negative", true),
    ("La inmobiliaria le dio nuestras llaves al inquilino equivocado", "es", "negative", true),
    ("L'agence immobilière a donné nos clés au mauvais locataire", "fr", "negative", true),
    ("Der Makler hat unsere Schlüssel dem falschen Mieter gegeben", "de", "negative", true),
    ("L'agenzia immobiliare ha dato le nostre chiavi all'inquilino sbagliato", "it", "negative", true),
    ("A imobiliária deu as nossas chaves ao inquilino errado", "pt", "negative", true),
    ("Our piano tuner is a magician, it sounds like new", "en", "positive", false),
    ("Notre accordeur de piano est un magicien, il sonne comme neuf", "fr", "positive", false),
    ("Unser Klavierstimmer ist ein Zauberer, es klingt wie neu", "de", "positive", false),
    ("Il nostro accordatore è un mago, il pianoforte suona come nuovo", "it", "positive", false),
    ("O nosso afinador de pianos é um mágico, soa como novo", "pt", "positive", false),
    ("Quel orage affreux cette nuit, j'espère que tout le monde va bien à la ferme", "fr", "negative", false),
    ("Was für ein schreckliches Unwetter heute Nacht, hoffentlich geht es allen im Hofladen gut", "de", "negative", false),
    ("Che temporale terribile stanotte, spero che stiate tutti bene alla fattoria", "it", "negative", false),
    ("Que tempestade horrível esta noite, espero que estejam todos bem na quinta", "pt", "negative", false),
    ("Can I pay for the sofa in instalments?", "en", "neutral", false),
    ("¿Puedo pagar el sofá a plazos?", "es", "neutral", false),
    ("Est-ce que je peux payer le canapé en plusieurs fois ?", "fr", "neutral", false),
    ("Kann ich das Sofa in Raten zahlen?", "de", "neutral", false),
    ("Posso pagare il divano a rate?", "it", "neutral", false),
    ("Posso pagar o sofá às prestações?", "pt", "neutral", false),
    ("Pensaba que los niños se aburrirían en el museo y no había manera de sacarlos", "es", "positive", false),
    ("Achei que os miúdos se iam aborrecer no museu e não havia maneira de os tirar de lá", "pt", "positive", false),
    ("Hola, en la factura pone dos limpiezas pero solo vinisteis una vez, ¿lo podéis corregir?", "es", "negative", true),
    ("Bonjour, la facture indique deux ménages alors que vous n'êtes venus qu'une fois, pouvez-vous corriger ?", "fr", "negative", true),
    ("Hallo, auf der Rechnung stehen zwei Reinigungen, ihr wart aber nur einmal da, könnt ihr das korrigieren?", "de", "negative", true),
    ("Buongiorno, in fattura ci sono due pulizie ma siete venuti una volta sola, potete correggere?", "it", "negative", true),
    ("Olá, a fatura tem duas limpezas mas só vieram uma vez, podem corrigir?", "pt", "negative", true),
    ("Bonjour, il n'y a plus d'eau chaude dans la chambre 12 depuis hier, quelqu'un pourrait-il regarder ?", "fr", "negative", true),
    ("Guten Morgen, in Zimmer 12 gibt es seit gestern kein warmes Wasser, könnte sich das jemand ansehen?", "de", "negative", true),
    ("Buongiorno, nella camera 12 non c'è acqua calda da ieri, qualcuno potrebbe dare un'occhiata?", "it", "negative", true),
    ("Bom dia, no quarto 12 não há água quente desde ontem, alguém pode ver isso?", "pt", "negative", true),
];

/// Learned and still read wrong:
/// - the English polite complaint that ends in a question ("the invoice lists two cleanings but
///   you only came once, could you correct it?"): the complaint model reads it below its
///   threshold. The other languages' read right since a fault told before the question keeps the
///   post from the pull of plain questions (`flags::told_before_asking`);
/// - a mishap told before what was done about it: "My flight home was cancelled and the B&B found
///   me a bed" is a complaint ("'cancelled'"), and so are the late train and the reopened kitchen
///   in French and Portuguese;
/// - the gym that moved its classes without telling anyone, in Italian and Portuguese: the
///   timetable's word reads as asking for opening hours;
/// - sad news whose word of feeling is a complaint's cue ("Awful storm last night, hope everyone
///   at the farm shop is okay");
/// - "Ich dachte, die Kinder langweilen sich…": "haben sie" reads as wanting to buy;
/// - three posts whose language is not told (too few of its own words).
#[rustfmt::skip]
const NOT_YET: &[(&str, &str, &str, bool)] = &[
    ("Stasera vi mando le foto da stampare", "it", "neutral", false),
    ("Notre train est arrivé en retard et ils ont rouvert la cuisine rien que pour nous", "fr", "positive", false),
    ("O comboio chegou atrasado e voltaram a abrir a cozinha só para nós", "pt", "positive", false),
    ("Hello, the invoice lists two cleanings but you only came once, could you correct it?", "en", "negative", true),
    ("La palestra ha cambiato gli orari dei corsi tre settimane di fila senza avvisare nessuno", "it", "negative", true),
    ("O ginásio mudou o horário das aulas três semanas seguidas sem avisar ninguém", "pt", "negative", true),
    ("My flight home was cancelled and the B&B found me a bed at their neighbour's", "en", "positive", false),
    ("La mesa está reservada a nombre de mi hermana, Ferreira", "es", "neutral", false),
    ("Nuestro afinador de pianos es un mago, suena como nuevo", "es", "positive", false),
    ("Awful storm last night, hope everyone at the farm shop is okay", "en", "negative", false),
    ("Qué tormenta tan horrible anoche, espero que todos en la tienda de la granja estén bien", "es", "negative", false),
    ("Ich dachte, die Kinder langweilen sich im Museum, und wir haben sie kaum wieder rausbekommen", "de", "positive", false),
];

#[test]
fn a_thirteenth_day_of_posts_reads_right_in_each_language() {
    none_wrong(&misreads(THIRTEENTH_DAY));
    none_wrong(&not_in_training(THIRTEENTH_DAY));
}

/// A question after the writer's own lack is no polite complaint: the negation is the writer's
/// ("I don't have a car"), not a fault of the business's.
#[rustfmt::skip]
const OWN_LACK: &[(&str, &str, &str, bool)] = &[
    ("I don't have a car, do you deliver?", "en", "neutral", false),
    ("No tengo coche, ¿hacéis entregas a domicilio?", "es", "neutral", false),
    ("Je n'ai pas de voiture, vous livrez à domicile ?", "fr", "neutral", false),
    ("Ich habe keinen Drucker, könnt ihr mir die Rechnung mailen?", "de", "neutral", false),
    ("Non ho la stampante, potete mandarmi la fattura per email?", "it", "neutral", false),
    ("Não tenho impressora, podem enviar a fatura por email?", "pt", "neutral", false),
];

#[test]
fn a_question_after_the_writer_s_own_lack_is_a_question() {
    none_wrong(&misreads(OWN_LACK));
}

#[test]
fn the_posts_still_read_wrong_are_learned_from() {
    none_wrong(&not_in_training(NOT_YET));
}
