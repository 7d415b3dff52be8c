//! Common English words that are also village names ("Tall", "Harem",
//! "Said"): the matcher never matches them alone for a minor place.
//!
//! The list is `data/curated/stop_words.txt` (see `data/README.md` for how it
//! was made and measured), embedded at compile time.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::mention::Subtype;
use crate::text::fold::fold_name;

const STOP_WORDS: &str = include_str!("../../data/curated/stop_words.txt");

fn set() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
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
    }
}
