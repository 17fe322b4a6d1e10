//! One sort for every list the explorer orders. The standard sorts are compiled anew for each
//! element type and comparison (about 4 KB of module each); here the comparison is called
//! through a reference and the sort works on positions, so one compiled sort serves them all
//! and each list only adds the few lines that move its items into place.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in the order they came (a stable sort).
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    apply(items, order);
}

/// Sorts `items` by the key `key` gives each, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in the order `compare` puts them, equal ones as they came.
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves each item to its place: `order[k]` is the position of the item that goes to `k`.
fn apply<T>(items: &mut [T], order: Vec<usize>) {
    // where each item goes, followed cycle by cycle with swaps
    let mut target = vec![0; order.len()];
    for (to, &from) in order.iter().enumerate() {
        target[from] = to;
    }
    for at in 0..items.len() {
        while target[at] != at {
            let to = target[at];
            items.swap(at, to);
            target.swap(at, to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // pairs compared by their first half only: the second shows that ties keep their order
        let mut seed = 7_u64;
        for len in [0, 1, 2, 3, 10, 57, 300] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut standard = items.clone();
            standard.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!(ours, standard, "{len} items");
            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |item| std::cmp::Reverse(item.0));
            let mut standard = items;
            standard.sort_by_key(|item| std::cmp::Reverse(item.0));
            assert_eq!(by_key, standard, "{len} items, by key");
        }
    }
}
