//! The words `broken.rs`'s pairs are made of, folded as `matcher::fold` folds a post: what was
//! missing, the order, the deposit, the quote and the bill, the booking, the charge. Earshot's
//! own lists.

/// Missing, folded ("faltaban", "il manquait", "fehlte", "mancavano", "faltavam").
#[rustfmt::skip]
pub(super) const MISSING: &[&str] = &[
    "falta", "faltan", "faltaba", "faltaban", "falto", "faltaron", "manque", "manquent",
    "manquait", "manquaient", "fehlt", "fehlte", "fehlten", "manca", "mancano", "mancava",
    "mancavano", "faltam", "faltava", "faltavam", "faltou", "faltaram",
];

/// An order or a parcel, folded.
#[rustfmt::skip]
pub(super) const ORDER: &[&str] = &[
    "pedido", "paquete", "commande", "colis", "bestellung", "lieferung", "paket", "ordine",
    "ordinazione", "pacco", "encomenda", "nell'ordine", "dell'ordine", "l'ordine",
];

/// A deposit, folded.
#[rustfmt::skip]
pub(super) const DEPOSIT: &[&str] = &[
    "deposit", "fianza", "caution", "kaution", "caparra", "cauzione", "caucao",
];

/// A quote or an estimate, folded.
#[rustfmt::skip]
pub(super) const QUOTE: &[&str] = &[
    "quote", "quoted", "estimate", "presupuesto", "presupuestado", "devis", "angebot",
    "kostenvoranschlag", "preventivo", "orcamento", "orcamentou", "orcamentaram", "orcamentado",
    "presupuestaron", "veranschlagt",
];

/// A bill, folded.
#[rustfmt::skip]
pub(super) const BILL: &[&str] = &[
    "bill", "billed", "charged", "invoice", "factura", "facture", "rechnung", "berechnet",
    "fattura", "fatturato", "fatura", "cobraron", "cobrou", "cobraram", "pagare",
];

/// A receipt or a bill, folded ("ticket", "Bon", "scontrino", "talão").
#[rustfmt::skip]
pub(super) const RECEIPT: &[&str] = &[
    "receipt", "bill", "ticket", "cuenta", "recibo", "addition", "bon", "kassenbon", "rechnung",
    "scontrino", "conto", "talao", "fatura", "factura", "beleg", "quittung",
];

/// A booking, folded ("reservé", "gebucht", "prenotato").
#[rustfmt::skip]
pub(super) const BOOKED: &[&str] = &[
    "booked", "reserved", "reserve", "reservamos", "reservado", "gebucht", "reserviert",
    "prenotato", "prenotata", "prenotati", "reservei",
];

/// A charge, folded ("cobraron", "facturé", "fatto pagare").
#[rustfmt::skip]
pub(super) const CHARGED: &[&str] = &[
    "charged", "billed", "cobraron", "cobro", "cobrado", "cobrada", "cobrou", "cobraram", "facture",
    "facturee", "factures", "debite", "preleve", "berechnet", "pagare", "addebitato", "addebitata",
    "addebitati",
];

/// How many times, more than once ("three times", "tres veces", "dreimal").
#[rustfmt::skip]
pub(super) const TIMES: &[&str] = &[
    "twice", "two times", "three times", "3 times", "four times", "several times",
    "multiple times", "many times", "dos veces", "tres veces", "varias veces", "mil veces",
    "deux fois", "trois fois", "plusieurs fois", "zweimal", "dreimal", "mehrmals", "mehrfach",
    "due volte", "tre volte", "piu volte", "diverse volte", "duas vezes", "tres vezes",
    "varias vezes", "mil vezes",
];

/// Arrived or delivered, folded: the parcel that came without a part of it.
#[rustfmt::skip]
pub(super) const ARRIVED: &[&str] = &[
    "arrived", "delivered", "llego", "llegaron", "entregado", "arrivee", "arrive", "arrives",
    "livree", "livre", "kam", "kamen", "geliefert", "arrivato", "arrivata", "arrivati",
    "consegnato", "consegnata", "chegou", "chegaram", "entregue", "came", "llegado", "veio",
    "apareceu", "apareceram", "turned up", "showed up",
];

/// Without, folded.
pub(super) const WITHOUT: &[&str] = &["without", "sin", "sans", "ohne", "senza", "sem"];

/// What a parcel arrives without when all went well: "arrived without a scratch", "llegó sin
/// problemas", "kam ohne Verzögerung".
#[rustfmt::skip]
pub(super) const WENT_WELL: &[&str] = &[
    "problem", "problems", "issue", "issues", "hitch", "fuss", "scratch", "dent", "damage",
    "delay", "any", "problema", "problemas", "incidencias", "incidentes", "retraso", "demora",
    "dano", "danos", "ningun", "ninguna", "probleme", "problemes", "souci", "soucis", "encombre",
    "retard", "dommage", "aucun", "aucune", "problemen", "schaden", "verzogerung", "kratzer",
    "termin", "irgendwelche", "problemi", "intoppi", "ritardo", "ritardi", "danni", "alcun",
    "alcuna", "nessun", "atraso", "atrasos", "nenhum", "nenhuma", "qualquer", "aranazo",
    "rasguno", "rayure", "egratignure", "schramme", "graffio", "risco", "arranhao",
    // Came without being asked ("sem eu pedir"; "sin que se lo pidiera" is an idiom of praise).
    "being", "asking", "asked", "even", "charging", "hesitation", "fail", "eu",
];
