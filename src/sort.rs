//! One stable sort for the whole crate.
//!
//! The standard library's stable sort is generated anew for every element type and comparison,
//! at several kilobytes of wasm each; with a dozen call sites it came to over 100 KB. Here the
//! merge sort runs once, over indices, through a `dyn` comparison; what each call site adds is
//! the comparison closure and moving the items into their new order.

use std::cmp::Ordering;

/// Up to this many items, insertion sort.
const SMALL: usize = 24;

/// Sorts `items` by `cmp`, keeping equal items in their order. O(n log n).
pub fn sort_by<T>(items: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if items.len() <= SMALL {
        // Most lists here are short (a classification's hits, a response's reminders): sorted
        // in place by insertion, without allocating.
        for i in 1..items.len() {
            let mut j = i;
            while j > 0 && cmp(&items[j], &items[j - 1]) == Ordering::Less {
                items.swap(j, j - 1);
                j -= 1;
            }
        }
        return;
    }
    let order = {
        let view: &[T] = items;
        sorted_indices(view.len(), &mut |a, b| cmp(&view[a], &view[b]))
    };
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)));
}

/// Sorts `items` by the key `key` gives, keeping equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// `0..n` in the order `cmp` gives them, ties in index order: a bottom-up merge sort.
fn sorted_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to: Vec<usize> = Vec::with_capacity(n);
    let mut width = 1;
    while width < n {
        to.clear();
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut l, mut r) = (start, mid);
            while l < mid && r < end {
                // Taking from the right only when strictly less keeps the sort stable.
                if cmp(from[r], from[l]) == Ordering::Less {
                    to.push(from[r]);
                    r += 1;
                } else {
                    to.push(from[l]);
                    l += 1;
                }
            }
            to.extend_from_slice(&from[l..mid]);
            to.extend_from_slice(&from[r..end]);
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_at_every_length() {
        for n in 0..70usize {
            // Keys repeat, so stability is visible: the original index breaks ties.
            let mut v: Vec<(usize, usize)> = (0..n).map(|i| ((i * 7919) % 5, i)).collect();
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            sort_by_key(&mut v, |p| p.0);
            assert_eq!(v, expected, "n = {n}");
        }
        let mut words = vec!["pear", "fig", "apple", "kiwi", "date"];
        sort_by(&mut words, |a, b| a.len().cmp(&b.len()));
        assert_eq!(words, ["fig", "pear", "kiwi", "date", "apple"]);
    }
}
