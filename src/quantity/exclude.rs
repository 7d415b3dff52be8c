//! Numbers that are not quantities: identifiers ("No. 1", "decree number
//! 10", "UTC+3", "Su-24", "Rossiya 24"), day numbers of dates ("July 1",
//! "12 July", "9-12 July"), clock times ("10 am"), list markers ("1)"), and
//! digits glued inside words ("liberat4ed", "M5").
//!
//! Years are told apart in the scanner, once it knows whether a unit or a
//! counted noun follows ("2000 tons" is a quantity, "in 2000" is not).
//! Ordinals ("61st") and other digits with letters glued after them are
//! rejected there too, after units such as "5km" have had their chance.

use super::lexicon::{is_identifier_noun, is_month, is_number_word, IDENTIFIER_WORDS};
use super::token::Tokens;

/// True when what comes before the number at token `i` makes it no quantity.
pub(crate) fn excluded_before(t: &Tokens, i: usize, value: f64) -> bool {
    glued_to_word(t, i)
        || signed_code(t, i)
        || in_address(t, i)
        || after_dash_of_digits(t, i)
        || identifier_mark(t, i)
        || (is_day_number(value) && month_before(t, i))
}

/// True when what comes after the figure `i..end` makes it no quantity.
pub(crate) fn excluded_after(t: &Tokens, i: usize, end: usize, value: f64) -> bool {
    calibre(t, end)
        || (is_day_number(value) && month_after(t, end))
        || (value <= 12.0 && clock_after(t, end))
        || list_marker(t, i, end)
        || dotted_clock(t, i, end)
}

/// "120-mm mortar", "82mm shells": a weapon's calibre names a model, not an amount.
fn calibre(t: &Tokens, end: usize) -> bool {
    let mm = |k: usize| t.is(k, "mm") && t.glued(k);
    mm(end) || (t.is_sym(end, '-') && t.glued(end) && mm(end + 1))
}

/// "at 14.30", "until 10.00", "from 9.00 to 16.00": hours and minutes
/// after a time preposition (both ends of a range).
fn dotted_clock(t: &Tokens, i: usize, end: usize) -> bool {
    let after_preposition =
        i > 0 && t.is_any(i - 1, &["at", "until", "till", "from", "since", "by", "before", "after", "to", "between"]);
    let clock_end = i + 3;
    let range_end = clock_end + 4;
    let range = end == range_end
        && t.is_any(clock_end, &["to", "and", "-", "\u{2013}", "till", "until"])
        && clock_at(t, clock_end + 1);
    after_preposition && clock_at(t, i) && (end == clock_end || range)
}

/// "14.30" at token `i`: hours below 24, a dot, two digits of minutes.
fn clock_at(t: &Tokens, i: usize) -> bool {
    let shaped = t.is_digits(i) && t.str(i).len() <= 2 && t.is_sym(i + 1, '.') && t.str(i + 2).len() == 2;
    let hours = t.str(i).parse::<u32>().unwrap_or(99);
    let minutes = t.str(i + 2).parse::<u32>().unwrap_or(99);
    shaped && t.glued(i + 1) && t.glued(i + 2) && t.is_digits(i + 2) && hours < 24 && minutes < 60
}

/// True for a number that can be a day of the month.
fn is_day_number(value: f64) -> bool {
    value.fract() == 0.0 && (1.0..=31.0).contains(&value)
}

/// "M5", "liberat4ed": letters right before the digits.
fn glued_to_word(t: &Tokens, i: usize) -> bool {
    i > 0 && t.is_digits(i) && t.glued(i) && t.is_word(i - 1)
}

/// "reliefweb.int/node/3391123", "?page=2": digits glued after a slash or
/// a query sign that follows no digits (a web address, not a fraction).
fn in_address(t: &Tokens, i: usize) -> bool {
    i > 1
        && t.glued(i)
        && t.is_sym_in(i - 1, &['/', '=', '?', '#', '_', '&', '@'])
        && !(t.is_digits(i - 2) && t.glued(i - 1))
}

/// "UTC+3", "+7 495", "Su-24", "COVID-19", "pre-2011".
fn signed_code(t: &Tokens, i: usize) -> bool {
    if !(i > 0 && t.is_digits(i) && t.glued(i)) {
        return false;
    }
    t.is_sym(i - 1, '+')
        || (t.is_sym_in(i - 1, &['-', '\u{2011}'])
            && t.glued(i - 1)
            && t.is_word(i - 2)
            && !is_number_word(t.str(i - 2)))
}

/// "3-1": the second number of a pair the range reader did not take.
fn after_dash_of_digits(t: &Tokens, i: usize) -> bool {
    i > 1 && t.is_digits(i) && t.glued(i) && t.is_sym(i - 1, '-') && t.glued(i - 1) && t.is_digits(i - 2)
}

/// "No. 1", "No 1", "decree number 10", "#5", "№ 3".
fn identifier_mark(t: &Tokens, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    if t.is_sym_in(i - 1, &['#', '\u{2116}']) {
        return true;
    }
    if t.is_sym(i - 1, '.') && t.glued(i - 1) && i > 1 {
        return t.is_any(i - 2, IDENTIFIER_WORDS);
    }
    let word = t.str(i - 1);
    let noun = t.is_digits(i) && t.spaced(i) && is_identifier_noun(t.str(i - 1));
    noun || (t.near(i) && (word.eq_ignore_ascii_case("number") || matches!(word, "No" | "NO" | "Nos" | "Nr" | "nr")))
}

/// "July 1", "Sept. 11".
fn month_before(t: &Tokens, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    (is_month(t.str(i - 1)) && t.near(i)) || (t.is_sym(i - 1, '.') && i > 1 && is_month(t.str(i - 2)))
}

/// "12 July", "9-12 July", "5 of June", "3 and 4 March".
fn month_after(t: &Tokens, end: usize) -> bool {
    let month_at = |k: usize| (t.spaced(k) && is_month(t.str(k))) || (t.is(k, "of") && is_month(t.str(k + 1)));
    let joined_day =
        (t.is_any(end, &["and", "or", "&"]) || t.is_sym(end, ',')) && t.is_digits(end + 1) && t.str(end + 1).len() <= 2;
    month_at(end) || (joined_day && month_at(end + 2))
}

/// "10 am", "5 p.m.".
fn clock_after(t: &Tokens, end: usize) -> bool {
    t.near(end)
        && (t.is_any(end, &["am", "pm"])
            || (t.is_any(end, &["a", "p"]) && t.is_sym(end + 1, '.') && t.is(end + 2, "m")))
}

/// "1) conduct", "(1) conduct" at the start of a line or after a colon,
/// "1. Introduction" at the start of a line.
fn list_marker(t: &Tokens, i: usize, end: usize) -> bool {
    if !t.is_digits(i) || end != i + 1 {
        return false;
    }
    let opened = i > 0 && t.is_sym(i - 1, '(');
    let closes = t.is_sym(end, ')') && t.glued(end);
    if closes && !opened {
        // "to: 1) conduct ...; 2) facilitate", not "(children – 119)"
        return t.line_start(i) || t.is_sym_in(i - 1, &[':', ';', ',', '.']) || t.is_any(i - 1, &["and", "or"]);
    }
    if closes && opened {
        return t.line_start(i - 1) || (i > 1 && t.is_sym_in(i - 2, &[':', ';']));
    }
    t.line_start(i) && t.is_sym(end, '.') && t.glued(end) && t.spaced(end + 1)
}

/// "Rossiya 24", "Resolution 2254", "UNSC 2449": digits right after a
/// capitalised word or an acronym. A capitalised word must be inside its
/// sentence ("Currently 345 settlements" is a count) and not part of a
/// title-case headline ("Russia Sends 50 Tons of Aid"). The scanner still
/// keeps such a figure when a unit or a domain count noun follows it ("in
/// Idlib 300 families", "SARC 25 volunteers").
pub(crate) fn name_label(t: &Tokens, i: usize) -> bool {
    if !(i > 0 && t.is_digits(i) && t.is_upper(i - 1) && t.single_space(i)) {
        return false;
    }
    let word = t.str(i - 1);
    if is_month(word) {
        return false;
    }
    if (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase()) {
        return true;
    }
    if t.sentence_start(i - 1) || word.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    let mut end = i + 1;
    while end < i + 6 && (t.is_digits(end) || t.is_sym_in(end, &[',', '.'])) && t.glued(end) {
        end += 1;
    }
    !headline_after(t, end)
}

/// Short words a title-case headline leaves in lower case.
const HEADLINE_SMALL_WORDS: &[&str] =
    &["of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "the", "a", "an", "as"];

/// True when the words from token `k` on continue a title-case headline:
/// capitalised, with only short function words in lower case.
fn headline_after(t: &Tokens, k: usize) -> bool {
    if !(t.spaced(k) && t.is_upper(k)) {
        return false;
    }
    (k..k + 8)
        .take_while(|&j| j == k || t.near(j))
        .filter(|&j| t.is_word(j) && !t.is_upper(j))
        .all(|j| t.str(j).len() < 3 || t.is_any(j, HEADLINE_SMALL_WORDS))
}

/// "resolutions 2139 (2014), 2165 (2014) and 2258 (2015)": a figure in a
/// list of numbers that an identifier noun opens.
pub(crate) fn listed_identifier(t: &Tokens, i: usize) -> bool {
    let mut k = i;
    let mut joined = false;
    while k > 0 && i - k < 16 {
        k -= 1;
        if t.is_sym(k, ',') || t.is_any(k, &["and", "or", "&"]) {
            joined = true;
        } else if !(t.is_digits(k) || t.is_sym_in(k, &['(', ')'])) {
            return joined && is_identifier_noun(t.str(k)) && t.is_digits(k + 1);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before(text: &str, at: &str) -> bool {
        let t = Tokens::new(text);
        let i = (0..t.len()).find(|&i| t.str(i) == at).unwrap();
        excluded_before(&t, i, at.parse().unwrap())
    }

    fn after(text: &str, at: &str) -> bool {
        let t = Tokens::new(text);
        let i = (0..t.len()).find(|&i| t.str(i) == at).unwrap();
        excluded_after(&t, i, i + 1, at.parse().unwrap())
    }

    #[test]
    fn identifiers() {
        assert!(before("zone No. 1.", "1"));
        assert!(before("decree number 10 outraged", "10"));
        assert!(before("UTC+3", "3"));
        assert!(before("Su-24 jets", "24"));
        let t = Tokens::new("the Rossiya 24 television");
        assert!(name_label(&t, 2));
        assert!(before("liberat4ed", "4"));
        let t = Tokens::new("Currently 345 settlements. Russia Sends 50 Tons");
        assert!(!name_label(&t, 1) && !name_label(&t, 6));
        let t = Tokens::new("UNSC 2449 and the Rossiya 1 TV channel");
        assert!(name_label(&t, 1) && name_label(&t, 5));
        let t = Tokens::new("resolutions 2139 (2014), 2165 (2014) and 2258 (2015). Aleppo (445,000), Hama (88,000)");
        let at = |s: &str| (0..t.len()).find(|&i| t.str(i) == s).unwrap();
        assert!(listed_identifier(&t, at("2165")) && listed_identifier(&t, at("2258")));
        assert!(!listed_identifier(&t, at("88")));
        assert!(!before("Damascus (5)", "5"));
        assert!(!before("checkpoint Nasib - 46", "46"));
    }

    #[test]
    fn dates_clocks_and_lists() {
        assert!(before("Since July 1, 35", "1"));
        assert!(after("on 12 July 2019", "12"));
        assert!(after("at 10 am", "10"));
        let t = Tokens::new("landed at 14.30 and");
        assert!(excluded_after(&t, 2, 5, 14.3));
        let t = Tokens::new("from 9.00 to 16.00, and 2.50 to 3.75 tons");
        assert!(excluded_after(&t, 1, 8, 9.0));
        assert!(!excluded_after(&t, 10, 17, 2.5));
        assert!(after("to: 1) conduct", "1"));
        assert!(after("x:\n(1) conduct", "1"));
        assert!(!after("Damascus (5), and", "5"));
        assert!(!after("received 12 tons", "12"));
        assert!(!before("about 40 July", "40"));
        assert!(after("on 3 and 4 March", "3"));
        assert!(before("resolution 2401 demanded", "2401"));
        assert!(!before("resolution of 24 cases", "24"));
    }
}
