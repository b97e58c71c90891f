//! Properties every judgement keeps, over many generated values.

use proptest::prelude::*;

use super::compare::Comparison;
use super::*;

fn polarity() -> impl Strategy<Value = Polarity> {
    prop_oneof![Just(Polarity::HighGood), Just(Polarity::LowGood)]
}

proptest! {
    #[test]
    fn flipping_polarity_flips_better_and_worse(
        v in -1000.0f64..1000.0, half in 0.001f64..100.0, b in -1000.0f64..1000.0, p in polarity()
    ) {
        let local = Some(Estimate::new(v, Some(v - half), Some(v + half)));
        let one = compare(local, Some(b), p);
        let other = compare(local, Some(b), p.flipped());
        let flipped = match one {
            Comparison::Better => Comparison::Worse,
            Comparison::Worse => Comparison::Better,
            c => c,
        };
        prop_assert_eq!(other, flipped);
    }

    #[test]
    fn a_value_equal_to_england_is_similar(
        v in -1000.0f64..1000.0, lo in 0.0f64..100.0, hi in 0.0f64..100.0,
        p in prop_oneof![Just(Polarity::HighGood), Just(Polarity::LowGood), Just(Polarity::NoJudgement)]
    ) {
        let local = Some(Estimate::new(v, Some(v - lo), Some(v + hi)));
        prop_assert_eq!(compare(local, Some(v), p), Comparison::Similar);
    }

    #[test]
    fn flipping_polarity_flips_a_change(
        b in 0.0f64..100.0, l in 0.0f64..100.0, se0 in 0.01f64..10.0, se1 in 0.01f64..10.0,
        p in polarity()
    ) {
        let z = crate::indicators::stats::Z95;
        let e = |v: f64, se: f64| Some(Estimate::new(v, Some(v - z * se), Some(v + z * se)));
        let one = change(e(b, se0), e(l, se1), false, p);
        let other = change(e(b, se0), e(l, se1), false, p.flipped());
        let flipped = match one {
            Change::Improved => Change::Worsened,
            Change::Worsened => Change::Improved,
            c => c,
        };
        prop_assert_eq!(other, flipped);
    }

    #[test]
    fn flipping_polarity_flips_a_target_met_by_a_whole_interval(
        v in 0.0f64..100.0, half in 0.01f64..10.0, t in 0.0f64..100.0, p in polarity()
    ) {
        let e = Some(Estimate::new(v, Some(v - half), Some(v + half)));
        let one = target_status(e, t, p);
        let other = target_status(e, t, p.flipped());
        // Strictly beyond the target either way, met for one polarity is not met for the other.
        if (v - half) > t || (v + half) < t {
            let want = match one {
                TargetStatus::Met { value_only } => TargetStatus::NotMet { value_only },
                TargetStatus::NotMet { value_only } => TargetStatus::Met { value_only },
                s => s,
            };
            prop_assert_eq!(other, want);
        }
    }

    #[test]
    fn any_iso_period_reads_back_as_written(
        y in 1990i32..2100, m in 1u32..=12, n in 1u32..=5, unit in 0usize..3
    ) {
        let u = ["Y", "M", "D"][unit];
        let text = format!("{y}-{m:02}-01/P{n}{u}");
        prop_assert_eq!(Period::parse(&text).unwrap().iso(), text);
    }
}
