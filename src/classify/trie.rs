//! The term trie of the lexicon [`Index`](super::lexicon::Index), built once per plan: nodes in
//! flat arrays (children as sorted runs of one edge array, terms as runs of one output array), so
//! that a walk touches a few cache lines and allocates nothing.

use super::lexicon::What;

/// A child: the char that leads to it, and its node.
pub type Edge = (char, u32);

/// A trie node: its children `edges[edges.0..edges.1]`, the terms ending here `outs[outs.0..outs.1]`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Node {
    edges: (u32, u32),
    outs: (u32, u32),
}

impl Node {
    /// Whether some term ends here.
    #[inline]
    pub fn is_end(self) -> bool {
        self.outs.0 < self.outs.1
    }
}

#[derive(Clone, Debug, Default)]
pub struct Trie {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    outs: Vec<What>,
}

impl Trie {
    #[inline]
    pub fn node(&self, id: u32) -> Option<Node> {
        self.nodes.get(id as usize).copied()
    }

    #[inline]
    pub fn child(&self, node: Node, c: char) -> Option<Node> {
        let run = self.edges.get(node.edges.0 as usize..node.edges.1 as usize)?;
        // Runs below the first char are short: a linear scan is quicker than a binary search.
        let (_, id) = run.iter().find(|e| e.0 == c)?;
        self.node(*id)
    }

    /// What the terms ending at `node` stand for, in plan order.
    #[inline]
    pub fn outs(&self, node: Node) -> &[What] {
        self.outs.get(node.outs.0 as usize..node.outs.1 as usize).unwrap_or_default()
    }
}

/// The terms, while they are added: built into a trie at the end, from the terms in sorted
/// order, where each term shares its path with the one before it up to their common prefix. That
/// needs no search for a child, which made adding a term to a growing trie cost a plan load
/// almost a millisecond.
#[derive(Default)]
pub struct TrieBuilder {
    chars: Vec<char>,
    /// Each term: `chars[start..end]`, and what it stands for.
    terms: Vec<(usize, usize, What)>,
}

impl TrieBuilder {
    /// Adds a term; returns its length in chars (0 for an empty term, which is not added).
    pub fn insert(&mut self, term: impl Iterator<Item = char>, what: What) -> usize {
        let start = self.chars.len();
        self.chars.extend(term);
        let end = self.chars.len();
        if end > start {
            self.terms.push((start, end, what));
        }
        end - start
    }

    /// The flat trie, and the root's children (first char, node).
    pub fn finish(mut self) -> (Trie, Vec<Edge>) {
        let chars = &self.chars;
        let term = |t: &(usize, usize, What)| chars.get(t.0..t.1).unwrap_or_default();
        // Stable: the same word twice keeps plan order, the order of its outputs.
        crate::sort::sort_by(&mut self.terms, |a, b| term(a).cmp(term(b)));
        let at = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
        // Node 0 is the root; `links` are (parent, char, child) in the order the children are made,
        // which is by char within a parent since the terms come sorted.
        let mut nodes = vec![Node::default()];
        let mut links: Vec<(u32, char, u32)> = Vec::new();
        let mut outs: Vec<What> = Vec::with_capacity(self.terms.len());
        let mut path: Vec<u32> = Vec::new();
        let mut previous: &[char] = &[];
        for t in &self.terms {
            let word = term(t);
            let common = word.iter().zip(previous).take_while(|(a, b)| a == b).count();
            path.truncate(common);
            for c in word.iter().skip(common) {
                let child = at(nodes.len());
                nodes.push(Node::default());
                links.push((path.last().copied().unwrap_or(0), *c, child));
                path.push(child);
            }
            if let Some(node) = path.last().and_then(|n| nodes.get_mut(*n as usize)) {
                // The same word again extends the run of outputs it started.
                if !node.is_end() {
                    node.outs = (at(outs.len()), at(outs.len()));
                }
                outs.push(t.2);
                node.outs.1 = at(outs.len());
            }
            previous = word;
        }
        // Group the links by parent (a counting sort keeps them in char order within one).
        let mut first = vec![0usize; nodes.len() + 1];
        for (parent, _, _) in &links {
            if let Some(n) = first.get_mut(*parent as usize + 1) {
                *n += 1;
            }
        }
        for i in 1..first.len() {
            let before = first.get(i - 1).copied().unwrap_or(0);
            if let Some(n) = first.get_mut(i) {
                *n += before;
            }
        }
        let mut edges = vec![(EMPTY, 0u32); links.len()];
        let mut next = first.clone();
        for (parent, c, child) in &links {
            if let Some(slot) = next.get_mut(*parent as usize) {
                if let Some(e) = edges.get_mut(*slot) {
                    *e = (*c, *child);
                }
                *slot += 1;
            }
        }
        for (i, node) in nodes.iter_mut().enumerate() {
            node.edges = (at(first.get(i).copied().unwrap_or(0)), at(first.get(i + 1).copied().unwrap_or(0)));
        }
        let roots = nodes.first().map(|root| edges.get(root.edges.0 as usize..root.edges.1 as usize).unwrap_or_default().to_vec());
        (Trie { nodes, edges, outs }, roots.unwrap_or_default())
    }
}

/// Fills the edge array before it is written: no term has a NUL.
const EMPTY: char = '\0';
