//! 95% intervals worked out from a count and denominator when a source gives none, as
//! OHID Fingertips works them: Wilson score for proportions, Byar's method for rates
//! (exact Poisson limits below 10 events).

use crate::indicators::stats::{ln_gamma, wilson, Z95};

/// A proportion's interval, in the indicator's units (`per` 100 for a percentage).
pub fn proportion(count: f64, denominator: f64, per: f64) -> Option<(f64, f64)> {
    // A NaN denominator is refused too.
    if denominator.is_nan() || denominator <= 0.0 || count < 0.0 || count > denominator {
        return None;
    }
    let (l, u) = wilson(count / denominator, denominator);
    Some((l * per, u * per))
}

/// A rate's interval (`per` 1,000 or 100,000 of the denominator): Byar's approximation
/// from 10 events, exact Poisson limits below.
pub fn rate(count: f64, denominator: f64, per: f64) -> Option<(f64, f64)> {
    if denominator.is_nan() || denominator <= 0.0 || count < 0.0 {
        return None;
    }
    let (l, u) = poisson_limits(count);
    Some((l / denominator * per, u / denominator * per))
}

/// 95% limits for an observed count of events.
pub fn poisson_limits(o: f64) -> (f64, f64) {
    if o < 10.0 {
        let lower = if o <= 0.0 {
            0.0
        } else {
            chi_square_quantile(0.025, 2.0 * o) / 2.0
        };
        (lower, chi_square_quantile(0.975, 2.0 * o + 2.0) / 2.0)
    } else {
        let lower = o * (1.0 - 1.0 / (9.0 * o) - Z95 / (3.0 * o.sqrt())).powi(3);
        let o1 = o + 1.0;
        let upper = o1 * (1.0 - 1.0 / (9.0 * o1) + Z95 / (3.0 * o1.sqrt())).powi(3);
        (lower, upper)
    }
}

/// The regularised lower incomplete gamma function P(a, x): a series below a + 1, a
/// continued fraction above.
fn gamma_p(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let front = (-x + a * x.ln() - ln_gamma(a)).exp();
    if x < a + 1.0 {
        let (mut term, mut sum, mut ap) = (1.0 / a, 1.0 / a, a);
        for _ in 0..1000 {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if term.abs() < sum.abs() * 1e-16 {
                break;
            }
        }
        sum * front
    } else {
        const TINY: f64 = 1e-300;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / TINY;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..1000 {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < TINY {
                d = TINY;
            }
            c = b + an / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            let del = d * c;
            h *= del;
            if (del - 1.0).abs() < 1e-16 {
                break;
            }
        }
        1.0 - front * h
    }
}

/// The `p`th quantile of the chi-square distribution with `k` degrees of freedom.
pub fn chi_square_quantile(p: f64, k: f64) -> f64 {
    let cdf = |x: f64| gamma_p(k / 2.0, x / 2.0);
    let (mut lo, mut hi) = (0.0, k.max(1.0));
    while cdf(hi) < p {
        hi *= 2.0;
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if cdf(mid) < p {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn chi_square_quantiles_match_published_tables() {
        for (p, k, want) in [
            (0.975, 2.0, 7.377759),
            (0.025, 2.0, 0.050636),
            (0.975, 10.0, 20.483177),
            (0.025, 10.0, 3.246973),
            (0.975, 20.0, 34.169607),
        ] {
            let got = chi_square_quantile(p, k);
            assert!(close(got, want, 1e-5), "p {p} k {k}: {got} vs {want}");
        }
    }

    #[test]
    fn exact_poisson_limits_below_ten_events() {
        // Published exact 95% limits for small counts (e.g. the PHE confidence interval
        // tool): 0 -> (0, 3.689), 1 -> (0.0253, 5.572), 5 -> (1.6235, 11.6683).
        let (l, u) = poisson_limits(0.0);
        assert!(close(l, 0.0, 1e-12) && close(u, 3.688879, 1e-5));
        let (l, u) = poisson_limits(1.0);
        assert!(close(l, 0.025318, 1e-5) && close(u, 5.571643, 1e-5));
        let (l, u) = poisson_limits(5.0);
        assert!(close(l, 1.623486, 1e-5) && close(u, 11.668332, 1e-5));
    }

    #[test]
    fn byars_method_from_ten_events() {
        // Worked by hand: O = 100, lower = 100 (1 - 1/900 - 1.959964/30)^3 = 81.3621,
        // upper = 101 (1 - 1/909 + 1.959964/(3 sqrt 101))^3 = 121.6279.
        let (l, u) = poisson_limits(100.0);
        assert!(close(l, 81.3621, 1e-3), "{l}");
        assert!(close(u, 121.6279, 1e-3), "{u}");
        // As a rate per 100,000 of 50,000 people: 200 (162.72, 243.26).
        let (l, u) = rate(100.0, 50_000.0, 100_000.0).unwrap();
        assert!(close(l, 162.724, 1e-2) && close(u, 243.256, 1e-2));
    }

    #[test]
    fn proportions_use_wilson() {
        // 20 of 50: Wilson 95% (27.61%, 53.82%), worked by hand.
        let (l, u) = proportion(20.0, 50.0, 100.0).unwrap();
        assert!(
            close(l, 27.608, 0.001) && close(u, 53.819, 0.001),
            "{l} {u}"
        );
        assert_eq!(proportion(60.0, 50.0, 100.0), None);
        assert_eq!(proportion(1.0, 0.0, 100.0), None);
    }
}
