//! Tests of `linear.rs`.

use super::*;

#[test]
fn half_floats_round_trip_closely() {
    for v in [0.0f32, 1.0, -1.0, 0.333, -2.75, 12.5, 1e-3, -0.0123] {
        let back = half_value(half_bits(v));
        assert!((back - v).abs() <= v.abs() * 1e-3 + 1e-4, "{v} → {back}");
    }
    assert_eq!(half_value(half_bits(1e9)), 65504.0);
}

#[test]
fn a_model_round_trips_through_bytes_and_rejects_garbage() {
    let mut m = LinearModel::zeros(10);
    m.weights[30] = half_bits(0.5);
    m.weights[31] = half_bits(-1.25);
    let back = LinearModel::from_bytes(&m.to_bytes()).expect("reads back");
    assert_eq!(back, m);
    assert!(LinearModel::from_bytes(b"nope").is_err());
    let mut cut = m.to_bytes();
    cut.pop();
    assert!(LinearModel::from_bytes(&cut).is_err());
}

#[test]
fn confusion_figures_are_right() {
    let mut c = Confusion::new(&["a", "b"]);
    for (t, p) in [(0, 0), (0, 0), (0, 1), (1, 1)] {
        c.add(t, p);
    }
    assert_eq!(c.accuracy(), 0.75);
    let (p, r, _) = c.prf(1);
    assert_eq!((p, r), (0.5, 1.0));
}
