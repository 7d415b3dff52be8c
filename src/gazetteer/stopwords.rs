//! Common English words that are also village names ("Tall", "Harem",
//! "Said"): the matcher never matches them alone for a minor place.
//!
//! The list is `data/curated/stop_words.txt` (see `data/README.md` for how it
//! was made and measured), embedded at compile time.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::mention::Subtype;
use crate::text::fold::fold_name;

const STOP_WORDS: &str = include_str!("../../data/curated/stop_words.txt");

/// Common English words (SCOWL, see data/sources/scowl/README.md): lower
/// case, one a line.
const ENGLISH_WORDS: &str = include_str!("../../data/sources/scowl/english_words.txt");

/// True when `word` (any case) is a common English word ("public",
/// "license", "achieved"), not a proper noun.
pub(crate) fn is_english_word(word: &str) -> bool {
    if !word.is_ascii() {
        return false;
    }
    let set = english_words();
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return set.contains(word);
    }
    set.contains(word.to_ascii_lowercase().as_str())
}

fn english_words() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| ENGLISH_WORDS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect())
}

/// Builds the word sets now, so that the first document does not pay for it.
pub(crate) fn preload() {
    let _ = english_words();
    let _ = set();
}

fn set() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        STOP_WORDS
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .map(fold_name)
            .collect()
    })
}

/// True when `key` (a folded name) is a single common English word.
pub(crate) fn is_stop_word(key: &str) -> bool {
    !key.contains(' ') && set().contains(key)
}

/// Subtypes whose one-word names are dropped when they are common words:
/// minor places, never countries, governorates, cities, camps or actors.
pub(crate) fn applies_to(subtype: Subtype) -> bool {
    matches!(
        subtype,
        Subtype::Village | Subtype::Town | Subtype::Neighbourhood | Subtype::District | Subtype::Subdistrict
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_folded_and_one_word() {
        assert!(is_stop_word("tall"));
        assert!(is_stop_word("harem"));
        assert!(!is_stop_word("homs"));
        assert!(!is_stop_word("tall kalakh"));
        assert!(applies_to(Subtype::Village) && !applies_to(Subtype::City) && !applies_to(Subtype::Country));
        assert!(is_english_word("Public") && is_english_word("license") && is_english_word("achieved"));
        assert!(!is_english_word("Fleischer") && !is_english_word("Homs") && !is_english_word("Jordan"));
    }
}
