//! The statistics measures.md asks for: Wilson intervals, Student's t quantiles for
//! fractional degrees of freedom, and the two tests of change since the baseline.

/// z for a two-sided 95% interval, as measures.md fixes it.
pub const Z95: f64 = 1.959964;

/// Wilson score interval for a share `p` on an effective base `n`.
pub fn wilson(p: f64, n: f64) -> (f64, f64) {
    wilson_z(p, n, Z95)
}

/// The Wilson score interval with a chosen `z` (3.090232 for 99.8% limits).
pub fn wilson_z(p: f64, n: f64, z: f64) -> (f64, f64) {
    if n <= 0.0 {
        return (0.0, 1.0);
    }
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

pub(crate) fn ln_gamma(x: f64) -> f64 {
    // Lanczos approximation (g = 7, n = 9), accurate to about 1e-15 for x > 0.
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    let t = x + G + 0.5;
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// Continued fraction for the regularised incomplete beta function (Lentz's method).
fn beta_cf(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 - qab * x / qap;
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..500 {
        let m = m as f64;
        let m2 = 2.0 * m;
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        if d.abs() < TINY {
            d = TINY;
        }
        c = 1.0 + aa / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        h *= d * c;
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        if d.abs() < TINY {
            d = TINY;
        }
        c = 1.0 + aa / c;
        if c.abs() < TINY {
            c = TINY;
        }
        d = 1.0 / d;
        let del = d * c;
        h *= del;
        if (del - 1.0).abs() < 1e-15 {
            break;
        }
    }
    h
}

/// The regularised incomplete beta function I_x(a, b).
fn beta_inc(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front =
        (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_cf(a, b, x) / a
    } else {
        1.0 - front * beta_cf(b, a, 1.0 - x) / b
    }
}

/// P(T <= t) for Student's t with `df` degrees of freedom (any df > 0).
pub fn t_cdf(t: f64, df: f64) -> f64 {
    let x = df / (df + t * t);
    let tail = 0.5 * beta_inc(df / 2.0, 0.5, x);
    if t >= 0.0 {
        1.0 - tail
    } else {
        tail
    }
}

/// The 97.5th percentile of Student's t with `df` degrees of freedom: the multiplier of a
/// two-sided 95% interval. Falls back to z for huge df.
pub fn t975(df: f64) -> f64 {
    t_quantile(0.975, Z95, df)
}

/// The 99.9th percentile: the multiplier of a two-sided 99.8% interval.
pub fn t999(df: f64) -> f64 {
    t_quantile(0.999, Z998, df)
}

/// z for a two-sided 99.8% interval (Fingertips' "99.8% limits").
pub const Z998: f64 = 3.090232;

/// The `p`th percentile of Student's t (p above a half), whose normal limit is `z`.
fn t_quantile(p: f64, z: f64, df: f64) -> f64 {
    if !df.is_finite() || df > 1e7 {
        return z;
    }
    if df <= 0.0 {
        return f64::INFINITY;
    }
    // Bisection on the CDF: monotone, and plenty fast for the few thousand calls a wave needs.
    let (mut lo, mut hi) = (z - 1e-9, 1e7_f64);
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if t_cdf(mid, df) < p {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo < 1e-12 * hi.max(1.0) {
            break;
        }
    }
    0.5 * (lo + hi)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Increase,
    Decrease,
    NoChange,
}

fn direction(diff: f64, significant: bool) -> Change {
    if !significant || diff == 0.0 {
        Change::NoChange
    } else if diff > 0.0 {
        Change::Increase
    } else {
        Change::Decrease
    }
}

/// With no spread at all in either wave the test is undefined: any real difference is
/// certain, and rounding noise (weighted means of a constant) is no difference.
fn degenerate(diff: f64, se: f64) -> Option<Change> {
    if !se.is_finite() {
        return Some(Change::NoChange);
    }
    (se < 1e-12).then(|| direction(diff, diff.abs() > 1e-9))
}

/// Two shares on effective bases: z test.
pub fn share_change(p1: f64, n1: f64, p0: f64, n0: f64) -> Change {
    let se = (p1 * (1.0 - p1) / n1 + p0 * (1.0 - p0) / n0).sqrt();
    let diff = p1 - p0;
    if let Some(change) = degenerate(diff, se) {
        return change;
    }
    direction(diff, (diff / se).abs() > Z95)
}

/// Two means with standard deviations on effective bases: Welch's t with
/// Welch–Satterthwaite degrees of freedom.
pub fn mean_change(m1: f64, s1: f64, n1: f64, m0: f64, s0: f64, n0: f64) -> Change {
    let a = s1 * s1 / n1;
    let b = s0 * s0 / n0;
    let diff = m1 - m0;
    let se = (a + b).sqrt();
    if let Some(change) = degenerate(diff, se) {
        return change;
    }
    let df = (a + b).powi(2) / (a * a / (n1 - 1.0) + b * b / (n0 - 1.0));
    direction(diff, (diff / se).abs() > t975(df))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn t_quantiles_match_published_tables() {
        for (df, want) in [
            (1.0, 12.706205),
            (2.0, 4.302653),
            (5.0, 2.570582),
            (10.0, 2.228139),
            (29.0, 2.045230),
            (100.0, 1.983972),
            (1000.0, 1.962339),
        ] {
            assert!(
                close(t975(df), want, 1e-5),
                "df {df}: {} vs {want}",
                t975(df)
            );
        }
        // Fractional df lies between its neighbours.
        assert!(t975(10.5) < t975(10.0) && t975(10.5) > t975(11.0));
        assert!(close(t975(1e9), Z95, 1e-12));
    }

    #[test]
    fn wilson_matches_a_worked_example() {
        // p = 0.4 on n = 100: (0.3094, 0.4980), as given by standard calculators.
        let (lo, hi) = wilson(0.4, 100.0);
        assert!(close(lo, 0.309401, 1e-5), "{lo}");
        assert!(close(hi, 0.497997, 1e-5), "{hi}");
        // The interval never leaves [0, 1], even at the edges.
        let (lo, hi) = wilson(0.0, 10.0);
        assert_eq!(lo, 0.0);
        assert!(hi > 0.0 && hi < 1.0);
    }

    #[test]
    fn changes_are_tested_as_measures_md_says() {
        // 0.50 -> 0.60 on 400 each: z = 2.87, an increase.
        assert_eq!(share_change(0.60, 400.0, 0.50, 400.0), Change::Increase);
        // 0.50 -> 0.53 on 100 each: z = 0.42, no change.
        assert_eq!(share_change(0.53, 100.0, 0.50, 100.0), Change::NoChange);
        assert_eq!(share_change(0.40, 1000.0, 0.50, 1000.0), Change::Decrease);
        // Means: 7.0 vs 6.5 with sd 2 on 200 each: t = 2.5 > 1.97.
        assert_eq!(
            mean_change(7.0, 2.0, 200.0, 6.5, 2.0, 200.0),
            Change::Increase
        );
        assert_eq!(
            mean_change(7.0, 2.0, 20.0, 6.8, 2.0, 20.0),
            Change::NoChange
        );
    }
}
