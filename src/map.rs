//! The crate's sorted maps and sets: `litemap` (ICU4X's map on one sorted `Vec`, made for small
//! code) in place of `BTreeMap`/`BTreeSet`.
//!
//! A `BTreeMap` brings its node code (search, insert with splits, navigation, drop) for every
//! key and value type; with about fifteen of them that was some 100 KB of wasm before `wasm-opt`.
//! A sorted vector needs a binary search and `Vec::insert`, and the maps here are small (a plan's
//! forms, fields, thresholds; a response's records) and mostly read.
//!
//! The wrapper keeps what callers and outputs relied on: iteration in key order, `map[key]` with
//! a borrowed key, and serde output as a JSON object even when empty (`litemap`'s own serde
//! support writes a map it cannot see a key of as an array). It adds no sort: `collect` inserts
//! one by one (`LiteMap`'s `FromIterator` sorts, and a sort is generated per element type).

use std::borrow::Borrow;
use std::fmt;
use std::ops::{Deref, DerefMut, Index};

use litemap::LiteMap;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A map in key order on one sorted vector. Reads go through `Deref` to [`LiteMap`] (`get`,
/// `insert`, `remove`, `entry`, `iter`, `keys`, `values`, …).
#[derive(Clone, PartialEq, Eq)]
pub struct VecMap<K, V>(LiteMap<K, V>);

impl<K, V> VecMap<K, V> {
    pub const fn new() -> Self {
        VecMap(LiteMap::new_vec())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: Ord, V> VecMap<K, V> {
    /// The stored key and its value.
    pub fn get_key_value<Q: Ord + ?Sized>(&self, key: &Q) -> Option<(&K, &V)>
    where
        K: Borrow<Q>,
    {
        self.0.get_indexed(self.0.find_index(key).ok()?)
    }
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap::new()
    }
}

impl<K, V> Deref for VecMap<K, V> {
    type Target = LiteMap<K, V>;
    fn deref(&self) -> &LiteMap<K, V> {
        &self.0
    }
}

impl<K, V> DerefMut for VecMap<K, V> {
    fn deref_mut(&mut self) -> &mut LiteMap<K, V> {
        &mut self.0
    }
}

impl<K: Borrow<Q> + Ord, Q: Ord + ?Sized, V> Index<&Q> for VecMap<K, V> {
    type Output = V;
    fn index(&self, key: &Q) -> &V {
        match self.0.get(key) {
            Some(v) => v,
            None => panic!("no entry found for key"),
        }
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = VecMap::new();
        for (k, v) in iter {
            map.0.insert(k, v);
        }
        map
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for VecMap<K, V> {
    fn from(items: [(K, V); N]) -> Self {
        items.into_iter().collect()
    }
}

impl<'a, K, V> IntoIterator for &'a VecMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = <&'a LiteMap<K, V> as IntoIterator>::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        (&self.0).into_iter()
    }
}

impl<K, V> IntoIterator for VecMap<K, V> {
    type Item = (K, V);
    type IntoIter = <LiteMap<K, V> as IntoIterator>::IntoIter;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for VecMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.0.iter()).finish()
    }
}

/// Always a JSON object, in key order (as `BTreeMap` wrote it).
impl<K: Serialize, V: Serialize> Serialize for VecMap<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0.iter() {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// A set in order on one sorted vector.
#[derive(Clone, PartialEq, Eq)]
pub struct VecSet<T>(LiteMap<T, ()>);

impl<T> VecSet<T> {
    pub const fn new() -> Self {
        VecSet(LiteMap::new_vec())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The items in order.
    pub fn iter(&self) -> <&VecSet<T> as IntoIterator>::IntoIter {
        self.into_iter()
    }
}

impl<T: Ord> VecSet<T> {
    /// Adds `item`; false when it was there already (and is left as it was).
    pub fn insert(&mut self, item: T) -> bool {
        self.0.try_insert(item, ()).is_none()
    }

    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.contains_key(item)
    }

    /// Removes `item`; false when it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.remove(item).is_some()
    }
}

impl<T> Default for VecSet<T> {
    fn default() -> Self {
        VecSet::new()
    }
}

impl<T: Ord> FromIterator<T> for VecSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut set = VecSet::new();
        set.extend(iter);
        set
    }
}

impl<T: Ord> Extend<T> for VecSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for item in iter {
            self.insert(item);
        }
    }
}

impl<'a, T> IntoIterator for &'a VecSet<T> {
    type Item = &'a T;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (T, ())>, fn(&'a (T, ())) -> &'a T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.as_slice().iter().map(|(item, ())| item)
    }
}

impl<T: fmt::Debug> fmt::Debug for VecSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.0.keys()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_order_and_writes_objects() {
        let mut m: VecMap<String, u32> = [("b".to_string(), 2), ("a".to_string(), 1)].into();
        m.insert("c".into(), 3);
        assert_eq!(m.insert("a".into(), 10), Some(1));
        assert_eq!(m.keys().map(String::as_str).collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!((m["a"], m.get_key_value("b")), (10, Some((&"b".to_string(), &2))));
        assert_eq!(serde_json::to_string(&m).unwrap(), r#"{"a":10,"b":2,"c":3}"#);
        assert_eq!(serde_json::to_string(&VecMap::<String, u32>::new()).unwrap(), "{}");
        assert_eq!(format!("{m:?}"), r#"{"a": 10, "b": 2, "c": 3}"#);

        let mut s: VecSet<&str> = ["y", "x", "y"].into_iter().collect();
        assert!(s.insert("w") && !s.insert("x"));
        assert_eq!(s.iter().copied().collect::<Vec<_>>(), ["w", "x", "y"]);
        assert!(s.contains("x") && s.remove("x") && !s.contains("x"));
        assert_eq!(s.len(), 2);
    }
}
