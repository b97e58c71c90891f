//! Disclosure control, exactly as measures.md sets it out: primary suppression of small
//! cells, then complementary suppression along lines (a parent and its children) so that no
//! withheld cell can be recovered by adding or subtracting published ones.

use super::cells::{Breakdown, CellId, CellIndex, Level};
use super::data::Areas;

/// A parent cell and its children, as positions in the cell index.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub parent: usize,
    pub children: Vec<usize>,
}

/// Every line, in the order measures.md visits them: (a) groups and their wards, (b) the
/// whole area and its groups, each for every breakdown category; (c) every area's cell with
/// no breakdown and its categories, for each breakdown variable.
pub fn lines(areas: &Areas) -> Vec<Line> {
    let index = CellIndex::new(areas);
    let pos = |level, area, breakdown| {
        index.position(CellId {
            level,
            area,
            breakdown,
        })
    };
    let mut out = Vec::new();
    for b in Breakdown::all() {
        for g in 0..areas.groups.len() {
            out.push(Line {
                parent: pos(Level::Group, g, b),
                children: (0..areas.wards.len())
                    .filter(|&w| areas.wards[w].group == g)
                    .map(|w| pos(Level::Ward, w, b))
                    .collect(),
            });
        }
    }
    for b in Breakdown::all() {
        out.push(Line {
            parent: pos(Level::All, 0, b),
            children: (0..areas.groups.len())
                .map(|g| pos(Level::Group, g, b))
                .collect(),
        });
    }
    let every_area = (0..areas.wards.len())
        .map(|w| (Level::Ward, w))
        .chain((0..areas.groups.len()).map(|g| (Level::Group, g)))
        .chain(std::iter::once((Level::All, 0)));
    for (level, area) in every_area {
        let ages: Vec<usize> = Breakdown::all()
            .filter(|b| matches!(b, Breakdown::Age(_)))
            .map(|b| pos(level, area, b))
            .collect();
        let sexes: Vec<usize> = Breakdown::all()
            .filter(|b| matches!(b, Breakdown::Sex(_)))
            .map(|b| pos(level, area, b))
            .collect();
        out.push(Line {
            parent: pos(level, area, Breakdown::None),
            children: ages,
        });
        out.push(Line {
            parent: pos(level, area, Breakdown::None),
            children: sexes,
        });
    }
    out
}

/// Marks cells withheld: first every cell with `n` below `threshold`, then complementary
/// suppression in passes until a pass changes nothing. `n[i]` is cell i's unweighted base.
pub fn suppress(n: &[u64], threshold: u64, lines: &[Line]) -> Vec<bool> {
    let mut withheld: Vec<bool> = n.iter().map(|&n| n < threshold).collect();
    loop {
        let mut changed = false;
        for line in lines {
            let count = std::iter::once(line.parent)
                .chain(line.children.iter().copied())
                .filter(|&c| withheld[c])
                .count();
            if count != 1 {
                continue;
            }
            // The published child with the smallest n; ties go to the first in order.
            let pick = line
                .children
                .iter()
                .copied()
                .filter(|&c| !withheld[c])
                .min_by_key(|&c| n[c]);
            match pick {
                Some(c) => withheld[c] = true,
                None => withheld[line.parent] = true,
            }
            changed = true;
        }
        if !changed {
            return withheld;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(parent: usize, children: &[usize]) -> Line {
        Line {
            parent,
            children: children.to_vec(),
        }
    }

    #[test]
    fn a_lone_small_child_takes_the_next_smallest_with_it() {
        // Parent 0 (n 100) with children 1..=4 (n 40, 5, 30, 25): 2 is small, so 4 goes too.
        let n = [100, 40, 5, 30, 25];
        let w = suppress(&n, 10, &[line(0, &[1, 2, 3, 4])]);
        assert_eq!(w, [false, false, true, false, true]);
    }

    #[test]
    fn ties_go_to_the_first_in_order() {
        let n = [100, 30, 5, 30, 30];
        let w = suppress(&n, 10, &[line(0, &[1, 2, 3, 4])]);
        assert_eq!(w, [false, true, true, false, false]);
    }

    #[test]
    fn a_withheld_parent_takes_its_smallest_child() {
        let n = [8, 4, 4];
        // Both children are small already: two withheld children and parent: 3, fine.
        assert_eq!(suppress(&n, 10, &[line(0, &[1, 2])]), [true, true, true]);
        let n = [9, 30, 20];
        assert_eq!(suppress(&n, 10, &[line(0, &[1, 2])]), [true, false, true]);
    }

    #[test]
    fn with_no_child_left_the_parent_goes() {
        let n = [50, 3];
        assert_eq!(suppress(&n, 10, &[line(0, &[1])]), [true, true]);
    }

    #[test]
    fn passes_repeat_until_nothing_changes() {
        // Suppressing 3 in the second line makes the first line need a second cell.
        let n = [200, 50, 60, 35, 4, 40];
        let lines = [line(0, &[1, 3]), line(2, &[4, 5, 3])];
        let w = suppress(&n, 10, &lines);
        assert!(w[4] && w[3], "{w:?}");
        assert!(w[1], "line one then needs its other child: {w:?}");
    }
}
