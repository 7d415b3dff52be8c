//! Anchored walks over the folded name keys: every key that starts at a
//! given byte, found by walking an Aho-Corasick automaton as a trie.
//!
//! The walk never follows a failure transition, so it stops as soon as no
//! key continues the text, usually a few bytes into a word. It reports
//! exactly the keys that are prefixes of the text from the start byte.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::{contiguous, noncontiguous};
use aho_corasick::{Anchored, MatchKind};

use crate::error::{Error, Result};

/// A set of keys, each with the caller's id for it.
#[derive(Debug)]
pub(crate) struct KeyTrie {
    automaton: Compiled,
    /// The anchored start state.
    root: StateID,
    /// The caller's id of each key, by the automaton's pattern id.
    ids: Vec<u32>,
}

/// The automaton: the compact contiguous NFA, or the noncontiguous one
/// when there are too many names for the former's state ids (the same
/// fallback `AhoCorasick::builder()` makes).
#[derive(Debug)]
enum Compiled {
    Contiguous(contiguous::NFA),
    Noncontiguous(noncontiguous::NFA),
}

fn compile_error(e: impl std::fmt::Display) -> Error {
    Error::invalid_argument(format!("cannot compile the gazetteer names: {e}"))
}

impl KeyTrie {
    /// Compiles `keys` (non-empty byte strings) with their ids. Returns
    /// `None` for no keys.
    pub fn new<'k>(keys: impl IntoIterator<Item = (&'k str, u32)>) -> Result<Option<KeyTrie>> {
        KeyTrie::build(keys, true)
    }

    fn build<'k>(keys: impl IntoIterator<Item = (&'k str, u32)>, contiguous: bool) -> Result<Option<KeyTrie>> {
        let (keys, ids): (Vec<&str>, Vec<u32>) = keys.into_iter().unzip();
        if keys.is_empty() {
            return Ok(None);
        }
        let compact = if contiguous {
            contiguous::NFA::builder().match_kind(MatchKind::Standard).build(&keys).ok()
        } else {
            None
        };
        let automaton = match compact {
            Some(nfa) => Compiled::Contiguous(nfa),
            None => Compiled::Noncontiguous(
                noncontiguous::NFA::builder().match_kind(MatchKind::Standard).build(&keys).map_err(compile_error)?,
            ),
        };
        let root = match &automaton {
            Compiled::Contiguous(nfa) => nfa.start_state(Anchored::Yes),
            Compiled::Noncontiguous(nfa) => nfa.start_state(Anchored::Yes),
        }
        .map_err(compile_error)?;
        Ok(Some(KeyTrie { automaton, root, ids }))
    }

    /// Calls `found(end, id)` for every key that `bytes[start..end]` equals,
    /// shortest first.
    #[inline(always)]
    pub fn prefixes_at(&self, bytes: &[u8], start: usize, found: impl FnMut(usize, u32)) {
        match &self.automaton {
            Compiled::Contiguous(nfa) => walk(nfa, self.root, &self.ids, bytes, start, found),
            Compiled::Noncontiguous(nfa) => walk(nfa, self.root, &self.ids, bytes, start, found),
        }
    }
}

#[inline(always)]
fn walk<A: Automaton>(
    nfa: &A,
    root: StateID,
    ids: &[u32],
    bytes: &[u8],
    start: usize,
    mut found: impl FnMut(usize, u32),
) {
    let mut sid = root;
    let Some(rest) = bytes.get(start..) else { return };
    for (i, &b) in rest.iter().enumerate() {
        let at = start + i;
        sid = nfa.next_state(Anchored::Yes, sid, b);
        if !nfa.is_special(sid) {
            continue;
        }
        if nfa.is_dead(sid) {
            return;
        }
        // A match state also lists the keys that end here but start later
        // (copied along failure links when it was built): only those as
        // long as the walk count.
        let len = at + 1 - start;
        for k in 0..nfa.match_len(sid) {
            let pid = nfa.match_pattern(sid, k);
            if nfa.pattern_len(pid) == len {
                found(at + 1, ids[pid.as_usize()]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefixes(trie: &KeyTrie, text: &str, start: usize) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        trie.prefixes_at(text.as_bytes(), start, |end, id| out.push((end, id)));
        out
    }

    #[test]
    fn every_key_starting_here_and_no_other() {
        let trie = KeyTrie::new([("tal", 7), ("tal abyad", 8), ("abyad", 9), ("al", 10)]).unwrap().unwrap();
        assert_eq!(prefixes(&trie, "tal abyad", 0), [(3, 7), (9, 8)]);
        // "al" ends inside "tal" and "abyad" inside "tal abyad": not from here.
        assert_eq!(prefixes(&trie, "tal abyad", 4), [(9, 9)]);
        assert_eq!(prefixes(&trie, "tal abyad", 1), [(3, 10)]);
        assert!(prefixes(&trie, "xtal", 0).is_empty());
        assert!(prefixes(&trie, "ta", 0).is_empty());
    }

    #[test]
    fn the_fallback_automaton_walks_alike() {
        let keys = [("tal", 7), ("tal abyad", 8), ("abyad", 9)];
        let trie = KeyTrie::build(keys, false).unwrap().unwrap();
        assert!(matches!(trie.automaton, Compiled::Noncontiguous(_)));
        assert_eq!(prefixes(&trie, "tal abyad", 0), [(3, 7), (9, 8)]);
        assert!(matches!(KeyTrie::new(keys).unwrap().unwrap().automaton, Compiled::Contiguous(_)));
    }

    #[test]
    fn no_keys_no_trie() {
        assert!(KeyTrie::new([]).unwrap().is_none());
    }

    proptest::proptest! {
        #[test]
        fn the_walk_finds_what_comparing_every_key_finds(
            keys in proptest::collection::vec("[ab ]{1,4}", 1..12),
            text in "[ab ]{0,16}",
            start in 0usize..16,
        ) {
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            let start = start.min(text.len());
            let mut want: Vec<(usize, u32)> = keys
                .iter()
                .enumerate()
                .filter(|(_, k)| text[start..].starts_with(**k))
                .map(|(i, k)| (start + k.len(), i as u32))
                .collect();
            want.sort();
            for contiguous in [true, false] {
                let keyed = keys.iter().enumerate().map(|(i, k)| (*k, i as u32));
                let trie = KeyTrie::build(keyed, contiguous).unwrap().unwrap();
                let mut got = prefixes(&trie, &text, start);
                got.sort();
                proptest::prop_assert_eq!(&got, &want);
            }
        }
    }
}
