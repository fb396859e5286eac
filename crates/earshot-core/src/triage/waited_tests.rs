//! Tests of `waited.rs`.

use super::*;

/// [`measured_wait`] of a folded post, its words found as the cue pass finds them.
fn wait_in(folded: &str) -> Option<(usize, usize)> {
    measured_wait(folded, &super::super::cues::cue_sets().raw(folded).waited)
}

#[test]
fn a_wait_with_its_length() {
    let cases = [
        (
            "been waiting 3 weeks for my refund",
            Some("waiting 3 weeks"),
        ),
        (
            "waiting for over an hour now",
            Some("waiting for over an hour"),
        ),
        ("we've been waiting two days", Some("waiting two days")),
        ("been waiting for this video!", None),
        ("waiting for the bus", None),
        ("waiting", None),
        (
            "el pedido tardo tres semanas en llegar",
            Some("tardo tres semanas"),
        ),
        (
            "la livraison a pris trois semaines",
            Some("pris trois semaines"),
        ),
        ("ich warte seit 3 wochen", Some("warte seit 3 wochen")),
        ("aspetto da due settimane", Some("aspetto da due settimane")),
        ("demorou 10 dias pra chegar", Some("demorou 10 dias")),
        // "Mis" as "pris"; German's length before its verb, after what the writer did.
        (
            "j'ai paye la livraison express et elle a mis neuf jours",
            Some("mis neuf jours"),
        ),
        ("j'ai mis trois jours a repondre", None),
        (
            "expressversand bezahlt, hat neun tage gedauert",
            Some("neun tage gedauert"),
        ),
        ("die reparatur hat zwei tage gedauert", None),
        // Time gone by and nothing come of it.
        ("ja faz 3 semanas e nada", Some("3 semanas e nada")),
        (
            "two weeks and still nothing.",
            Some("two weeks and still nothing"),
        ),
        ("seit 3 wochen nichts von euch", Some("3 wochen nichts")),
        ("hace un mes y nada de mi pedido", Some("un mes y nada")),
        ("3 months and nothing to complain about", None),
        ("2 meses y nada de que quejarse", None),
        ("nothing for 3 weeks", None),
        // What the writer did a length of time ago.
        (
            "i ordered 3 weeks ago, order 5531",
            Some("ordered 3 weeks ago"),
        ),
        (
            "faz 15 dias que paguei e nada",
            Some("faz 15 dias que paguei"),
        ),
        ("hace un mes que pedi el sofa", Some("hace un mes que pedi")),
        (
            "ca fait trois semaines que j'ai commande",
            Some("fait trois semaines que j'ai commande"),
        ),
        (
            "ich habe vor zwei wochen bestellt",
            Some("vor zwei wochen bestellt"),
        ),
        (
            "ho ordinato due settimane fa",
            Some("ordinato due settimane fa"),
        ),
        ("pedi ha 10 dias", Some("pedi ha 10 dias")),
        (
            "it's been 3 weeks since i paid",
            Some("been 3 weeks since i paid"),
        ),
        ("bought it 2 years ago, still works", None),
        ("ordered for 3 people", None),
        ("paid a 2 day fee", None),
        (
            "j'ai commande il y a plus de trois semaines",
            Some("commande il y a plus de trois semaines"),
        ),
        // The wait after its length; a delivery come late.
        (
            "seit drei wochen warte ich auf den ruckruf",
            Some("seit drei wochen warte"),
        ),
        (
            "paguei pela entrega expressa e chegou uma semana depois",
            Some("chegou uma semana depois"),
        ),
        ("arrived 3 days late", Some("arrived 3 days late")),
        ("came back two weeks later, still great", None),
        ("il y a deux jours j'ai pris un cafe", None),
        (
            "trois semaines que j'attends ma facture",
            Some("trois semaines que j'attends"),
        ),
        (
            "due settimane che aspetto",
            Some("due settimane che aspetto"),
        ),
        ("trois semaines que j'ai pris ce cafe", None),
        (
            "paid for express shipping and it took 9 days",
            Some("took 9 days"),
        ),
        ("it took 3 days to build but worth it", None),
        // A length in a queue, or without something.
        (
            "fiquei duas horas na fila e ninguem explicou nada",
            Some("duas horas na fila"),
        ),
        (
            "llevo tres semanas sin internet",
            Some("tres semanas sin internet"),
        ),
        ("3 months without a single problem, thanks", None),
        // No length, or no unit: no wait.
        ("attendu mes commandes", None),
        ("je suis cliente depuis 3 mois", None),
        ("j'ai pris trois jours de conge", None),
    ];
    for (post, want) in cases {
        let f = crate::matcher::fold(post);
        assert_eq!(wait_in(&f).map(|(s, e)| &f[s..e]), want, "{post}");
    }
}

#[test]
fn a_time_gone_by_in_praise_is_no_wait() {
    let cases = [
        ("I bought it 2 weeks ago and it's great", true),
        ("Lo compré hace dos semanas y es genial", true),
        ("I bought it 2 weeks ago and it's already broken", false),
        ("I bought it 2 weeks ago, not great", false),
        ("I ordered 3 weeks ago, order 5531", false),
        // A wait is one whatever follows it.
        ("Been waiting 3 weeks, great job", false),
    ];
    for (post, praised) in cases {
        let folded = crate::matcher::fold(post);
        let span = wait_in(&folded).unwrap_or_else(|| panic!("no wait in {post}"));
        let a = super::super::text::analyse_in(post, None);
        assert_eq!(praised_since(&folded, span, &a), praised, "{post}");
    }
}
