//! The counted thing (`item`): the noun phrase after a figure.
//!
//! Any noun phrase that follows a number is its item, not only the domain's
//! count nouns: the phrase runs over modifiers up to the first plural noun
//! ("1,538 educational institutions", "13,000 residential apartment
//! buildings" economy class, "42 humanitarian and charitable actions"). A
//! unit takes its item from an "of" phrase that stays outside the span
//! ("3.3 tons" of food products). Items are lower-cased, as written.

use super::lexicon::{
    self, is_collective, is_in, is_item_prefix, is_number_word, is_of_head, is_people_noun, is_plural, is_stop_word,
    is_verb_like, looks_adjective, BE, GENERIC_WHOLES, OF_COMPOUNDS, POST_MODIFIERS,
};
use super::token::Tokens;

/// A noun phrase read after a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Phrase {
    /// The token after the phrase.
    pub end: usize,
    /// The item, lower-cased.
    pub item: String,
    /// Only modifiers, waiting for the noun of the next phrase
    /// ("18 educational and 13 medical institutions").
    pub dangling: bool,
}

/// A noun phrase never runs longer than this many words.
const MAX_WORDS: usize = 5;

/// Words that open a phrase without being part of the item.
const DETERMINERS: &[&str] =
    &["the", "a", "an", "our", "their", "its", "his", "her", "this", "these", "those", "all", "my", "your"];

/// Words after "N of" that make it a part of something named elsewhere ("5 of them").
const PARTITIVE_BLOCKERS: &[&str] =
    &["the", "them", "which", "whom", "these", "those", "it", "us", "you", "our", "their", "its", "his", "her", "all"];

/// The word at `k` with any glued hyphenated parts ("economy-class",
/// "IDP-returnees"): the token after it and the index of its last part.
fn compound(t: &Tokens, k: usize) -> Option<(usize, usize)> {
    let glued_digits_before = k > 0 && t.glued(k) && t.is_digits(k - 1);
    if !t.is_word(k) || glued_digits_before {
        return None;
    }
    let mut e = k + 1;
    while t.is_sym(e, '-') && t.glued(e) && (t.is_word(e + 1) || t.is_digits(e + 1)) && t.glued(e + 1) {
        e += 2; // "economy-class", "COVID-19"
    }
    if t.glued(e) && t.is_digits(e) {
        return None; // "liberat4ed"
    }
    Some((e, e - 1))
}

/// The item text of tokens `a..b`: lower-cased, single-spaced, without a
/// leading "such" or "other".
fn item_text(t: &Tokens, a: usize, b: usize) -> String {
    let mut start = a;
    while start + 1 < b && t.is_word(start) && t.spaced(start + 1) && is_item_prefix(t.str(start)) {
        start += 1;
    }
    let mut out = String::with_capacity(t.end(b.saturating_sub(1)).saturating_sub(t.start(start)));
    for k in start..b {
        if k > start && !t.glued(k) {
            out.push(' ');
        }
        let part = t.str(k);
        if part.is_ascii() {
            let from = out.len();
            out.push_str(part);
            out[from..].make_ascii_lowercase();
        } else {
            out.push_str(&part.to_lowercase());
        }
    }
    out
}

/// True when a word that can continue a coordination starts at `i`
/// ("humanitarian and [charitable] actions").
fn coordinated_word(t: &Tokens, i: usize) -> bool {
    t.spaced(i) && t.is_word(i) && !is_stop_word(t.str(i)) && !is_number_word(t.str(i))
}

/// True when a figure follows soon after token `i` ("and [more than 7] tons").
fn figure_follows(t: &Tokens, i: usize) -> bool {
    (i..i + 4).any(|k| t.is_digits(k) || (t.is_word(k) && is_number_word(t.str(k))))
}

/// The noun phrase that starts at token `k` (spaced from what precedes it):
/// modifiers up to the first plural noun. With `singular_ok`, a phrase with
/// no plural noun is taken up to its first verb-like word ("two months"
/// food assistance, "a third of the camp’s population" returned).
pub(crate) fn counted(t: &Tokens, k: usize, singular_ok: bool) -> Option<Phrase> {
    let (mut j, mut words, mut verb_at, mut last_end, mut last_head) = (k, 0, None, k, None);
    while words < MAX_WORDS && t.spaced(j) {
        let Some((end, head)) = compound(t, j) else {
            break;
        };
        let word = t.str(j);
        if end == j + 1 && (is_stop_word(word) || is_number_word(word) || lexicon::is_month(word)) {
            break;
        }
        let verb = is_verb_like(t.str(head)) && !is_people_noun(t.str(head)); // "the displaced"
        if verb_at.is_none() && (verb || (words > 0 && verb_in_s(t, head))) {
            verb_at = Some(j);
            if words > 0 && verb_in_s(t, head) {
                break; // "five-year plan foresees the return"
            }
        }
        words += 1;
        last_end = end;
        last_head = Some(head);
        let group = singular_ok && (is_collective(t.str(head)) || is_people_noun(t.str(head)));
        if is_plural(t.str(head)) || group {
            let end = coordinated_people(t, head, end);
            let mut phrase = Phrase { end, item: item_text(t, k, end), dangling: false };
            extend_with_of(t, k, head, &mut phrase);
            add_post_modifier(t, head, &mut phrase);
            return Some(phrase);
        }
        j = end;
        if t.is(j, "and") && looks_adjective(t.str(head)) && coordinated_word(t, j + 1) {
            j += 1;
        }
    }
    let head = last_head?;
    if looks_adjective(t.str(head)) && t.is_any(last_end, &["and", "or"]) && figure_follows(t, last_end + 1) {
        return Some(Phrase { end: last_end, item: item_text(t, k, last_end), dangling: true });
    }
    let end = verb_at.unwrap_or(last_end);
    (singular_ok && end > k).then(|| Phrase { end, item: item_text(t, k, end), dangling: false })
}

/// A word in "-s" right before a determiner, after another word of the
/// phrase: a verb ("plan foresees the return"), not a plural noun.
fn verb_in_s(t: &Tokens, head: usize) -> bool {
    t.is_any(head + 1, &["the", "a", "an", "its", "their", "this", "these", "that"])
        && t.spaced(head + 1)
        && t.str(head).ends_with('s')
}

/// "45,000 women and girls": a noun for people coordinated with the one at
/// `head` joins the phrase; returns the token after the phrase.
fn coordinated_people(t: &Tokens, head: usize, end: usize) -> usize {
    let joined = end == head + 1 && t.is_any(end, &["and", "or"]) && t.spaced(end + 1);
    if joined && is_people_noun(t.str(head)) && is_people_noun(t.str(end + 1)) && is_plural(t.str(end + 1)) {
        end + 2
    } else {
        end
    }
}

/// "93 places of worship" keeps its "of" phrase in the span; "3 cases" of
/// firing keeps it in the item only.
fn extend_with_of(t: &Tokens, start: usize, head: usize, phrase: &mut Phrase) {
    let of = phrase.end;
    if !(t.is(of, "of") && t.spaced(of)) {
        return;
    }
    let noun = t.str(head);
    if OF_COMPOUNDS.iter().any(|(a, b)| noun.eq_ignore_ascii_case(a) && t.is(of + 1, b) && t.spaced(of + 1)) {
        phrase.end = of + 2;
        phrase.item = item_text(t, start, phrase.end);
    } else if is_of_head(noun) {
        if let Some(rest) = of_phrase(t, of) {
            phrase.item = format!("{} of {}", phrase.item, rest.item);
        }
    }
}

/// "people" in need, "refugees" from abroad: a fixed phrase after the noun
/// joins the item (not the span), and so does a "with" phrase that says
/// which people are counted ("465 people" with private properties).
fn add_post_modifier(t: &Tokens, head: usize, phrase: &mut Phrase) {
    let at = phrase.end;
    let fits = |words: &[&str]| words.iter().enumerate().all(|(k, w)| t.is(at + k, w) && t.spaced(at + k));
    if let Some(words) = POST_MODIFIERS.iter().find(|w| fits(w)) {
        phrase.item = format!("{} {}", phrase.item, words.join(" "));
    } else if let Some(end) = with_plural(t, head, at) {
        phrase.item = format!("{} {}", phrase.item, t.slice(at, end).to_lowercase());
    }
}

/// "people with private properties", "families with children": the end of
/// a "with" phrase of at most three words, ending in a plural noun, after
/// a noun for people at `head`.
fn with_plural(t: &Tokens, head: usize, at: usize) -> Option<usize> {
    if !(t.is(at, "with") && t.spaced(at) && is_people_noun(t.str(head))) {
        return None;
    }
    for j in at + 1..at + 4 {
        let word = t.str(j);
        if !(t.is_word(j) && t.spaced(j)) || is_stop_word(word) || is_number_word(word) || is_verb_like(word) {
            return None;
        }
        if is_plural(word) {
            return Some(j + 1);
        }
    }
    None
}

/// The last word of an item before any "of" ("cases of firing" → cases).
pub(crate) fn head_word(item: &str) -> &str {
    let before_of = match item.as_bytes().windows(4).position(|w| w == b" of ") {
        Some(at) => &item[..at],
        None => item,
    };
    before_of.rsplit(' ').next().unwrap_or(before_of)
}

/// The phrase after "of" at token `k`, determiners skipped: the item of a
/// unit or a share ("tons of food products", "29% of our citizens"). None
/// when it names only a whole ("of the total").
pub(crate) fn of_phrase(t: &Tokens, k: usize) -> Option<Phrase> {
    if !(t.is(k, "of") && t.spaced(k)) {
        return None;
    }
    let mut j = k + 1;
    while t.is_any(j, DETERMINERS) && t.spaced(j) && j < k + 3 {
        j += 1;
    }
    let phrase = counted(t, j, true)?;
    (!is_in(GENERIC_WHOLES, head_word(&phrase.item))).then_some(phrase)
}

/// "337 of water supply facilities": a count with "of" and a plural noun
/// phrase, kept in the span. Not "5 of them", "one of the most".
pub(crate) fn partitive(t: &Tokens, k: usize) -> Option<Phrase> {
    if !(t.is(k, "of") && t.spaced(k)) || t.is_any(k + 1, PARTITIVE_BLOCKERS) {
        return None;
    }
    counted(t, k + 1, false).filter(|p| !p.dangling)
}

/// "more than 548,554 are refugees from abroad", "70,000 of them are
/// children", "96 of them children": the item named after a form of "to
/// be" or after "of them" (outside the span).
pub(crate) fn predicate(t: &Tokens, k: usize) -> Option<Phrase> {
    let of_them = t.is(k, "of") && t.is_any(k + 1, &["them", "whom", "which"]);
    let after = if of_them { k + 2 } else { k };
    let noun = if t.is_any(after, BE) && t.spaced(after) {
        after + 1
    } else if of_them {
        after
    } else {
        return None;
    };
    counted(t, noun, false).filter(|p| !p.dangling)
}

/// The item of a time span ("two months food assistance", "three years of
/// war"), outside the span. Verbs end it: "24 hours held" has none.
pub(crate) fn time_item(t: &Tokens, k: usize) -> Option<Phrase> {
    if t.is(k, "of") {
        return of_phrase(t, k);
    }
    if t.is_upper(k) {
        return None;
    }
    counted(t, k, true).filter(|p| !p.dangling)
}

/// After a hyphenated unit: the noun right after it ("five-day cycles", in
/// the span) or after a quoted name ("55-kilometer “Al-Tanf” zone", item
/// only). Returns the phrase and whether it joins the span.
pub(crate) fn after_adjective(t: &Tokens, k: usize) -> Option<(Phrase, bool)> {
    if let Some(p) = counted(t, k, true).filter(|p| !p.dangling) {
        return Some((p, true));
    }
    let mut j = k;
    while j < k + 8 && (t.is_sym_in(j, &['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}', '-']) || t.is_upper(j)) {
        j += 1;
    }
    if j == k {
        return None;
    }
    counted(t, j, true).filter(|p| !p.dangling).map(|p| (p, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn np(text: &str, singular_ok: bool) -> Option<(String, String, bool)> {
        let t = Tokens::new(text);
        counted(&t, 1, singular_ok).map(|p| (t.slice(1, p.end).to_string(), p.item, p.dangling))
    }

    fn some(span: &str, item: &str) -> Option<(String, String, bool)> {
        Some((span.into(), item.into(), false))
    }

    #[test]
    fn phrases_run_to_the_first_plural() {
        assert_eq!(np("5 Syrian citizens have", false), some("Syrian citizens", "syrian citizens"));
        assert_eq!(
            np("5 residential apartment buildings economy class", false),
            some("residential apartment buildings", "residential apartment buildings")
        );
        assert_eq!(
            np("5 economy-class apartment buildings were", false),
            some("economy-class apartment buildings", "economy-class apartment buildings")
        );
        assert_eq!(
            np("5 humanitarian and charitable actions in", false),
            some("humanitarian and charitable actions", "humanitarian and charitable actions")
        );
        assert_eq!(np("5 such houses.", false), some("such houses", "houses"));
        assert_eq!(np("5 IDPs have", false), some("IDPs", "idps"));
        assert_eq!(np("5 registered refugees returning", false), some("registered refugees", "registered refugees"));
    }

    #[test]
    fn of_phrases() {
        assert_eq!(np("93 places of worship.", false), some("places of worship", "places of worship"));
        assert_eq!(np("3 cases of firing in", false), some("cases", "cases of firing"));
        assert_eq!(np("7 cases of ceasefire violations in", false), some("cases", "cases of ceasefire violations"));
    }

    #[test]
    fn no_plural_no_item_unless_singular_is_allowed() {
        assert_eq!(np("5 settlements.", false), some("settlements", "settlements"));
        assert_eq!(np("5 television channel", false), None);
        assert_eq!(np("2 food assistance, some", true), some("food assistance", "food assistance"));
        assert_eq!(np("2 carried out", true), None);
        assert_eq!(np("2 held 2", true), None);
    }

    #[test]
    fn dangling_modifiers() {
        assert_eq!(
            np("18 educational and 13 medical institutions", false),
            Some(("educational".into(), "educational".into(), true))
        );
        assert_eq!(np("5 food and 7 tons", false), None);
    }

    #[test]
    fn of_phrase_skips_determiners_and_generic_wholes() {
        let t = Tokens::new("a third of the camp’s population returned");
        assert_eq!(of_phrase(&t, 2).unwrap().item, "camp’s population");
        let t = Tokens::new("one-third of the population lives below");
        assert_eq!(of_phrase(&t, 3).unwrap().item, "population");
        let t = Tokens::new("4 cases of COVID-19.");
        assert_eq!(counted(&t, 1, false).unwrap().item, "cases of covid-19");
        let t = Tokens::new("29% of our citizens");
        assert_eq!(of_phrase(&t, 2).unwrap().item, "citizens");
        let t = Tokens::new("three-quarters of the total who");
        assert_eq!(of_phrase(&t, 3), None);
    }

    #[test]
    fn predicates_and_partitives() {
        let t = Tokens::new("548,554 are refugees from abroad");
        assert_eq!(predicate(&t, 3).unwrap().item, "refugees from abroad");
        let t = Tokens::new("96 of them children.");
        assert_eq!(predicate(&t, 1).unwrap().item, "children");
        let t = Tokens::new("337 of water supply facilities,");
        assert_eq!(partitive(&t, 1).unwrap().item, "water supply facilities");
        let t = Tokens::new("one of the most");
        assert_eq!(partitive(&t, 1), None);
    }

    #[test]
    fn heads() {
        assert_eq!(head_word("cases of firing"), "cases");
        assert_eq!(head_word("food products"), "products");
    }
}
