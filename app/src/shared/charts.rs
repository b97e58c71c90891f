//! Chart arithmetic, kept apart from drawing: scales, tick marks and colour classes.

/// The top of a chart's value axis: 100% for shares, 10 for scores.
pub fn axis_max(is_share: bool) -> f64 {
    if is_share {
        1.0
    } else {
        10.0
    }
}

/// Where a value falls along `width` pixels.
pub fn scale(value: f64, max: f64, width: f64) -> f64 {
    (value.clamp(0.0, max) / max) * width
}

/// Tick values for the axis: five steps.
pub fn ticks(is_share: bool) -> Vec<f64> {
    let max = axis_max(is_share);
    (0..=5).map(|i| max * i as f64 / 5.0).collect()
}

pub const CLASSES: usize = 5;

/// Equal-width classes between the smallest and largest shown value; a single value or
/// none gives one class.
pub fn class_breaks(values: &[f64]) -> Vec<f64> {
    let lo = values.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() || hi - lo < 1e-9 {
        return vec![];
    }
    (1..CLASSES)
        .map(|i| lo + (hi - lo) * i as f64 / CLASSES as f64)
        .collect()
}

/// 0 (lowest) to CLASSES - 1 (highest).
pub fn class_of(value: f64, breaks: &[f64]) -> usize {
    breaks.iter().filter(|b| value >= **b).count()
}

/// The legend's ranges, one per class, as (from, to).
pub fn class_ranges(values: &[f64]) -> Vec<(f64, f64)> {
    let lo = values.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() {
        return vec![];
    }
    let breaks = class_breaks(values);
    if breaks.is_empty() {
        return vec![(lo, hi)];
    }
    let mut edges = vec![lo];
    edges.extend(breaks);
    edges.push(hi);
    edges.windows(2).map(|w| (w[0], w[1])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_fall_in_classes_from_low_to_high() {
        let v = [0.1, 0.3, 0.5, 0.7, 0.9];
        let b = class_breaks(&v);
        assert_eq!(b.len(), CLASSES - 1);
        assert_eq!(class_of(0.1, &b), 0);
        assert_eq!(class_of(0.9, &b), CLASSES - 1);
        assert_eq!(class_ranges(&v).len(), CLASSES);
        assert!(class_breaks(&[0.5, 0.5]).is_empty());
        assert_eq!(class_ranges(&[]).len(), 0);
    }

    #[test]
    fn scales_clamp_to_the_axis() {
        assert_eq!(scale(0.5, 1.0, 200.0), 100.0);
        assert_eq!(scale(2.0, 1.0, 200.0), 200.0);
        assert_eq!(scale(-1.0, 10.0, 200.0), 0.0);
        assert_eq!(ticks(false).last(), Some(&10.0));
    }
}
