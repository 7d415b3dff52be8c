//! Rates: "per every 5 days", "per day", "a day", "daily", "every week",
//! "weekly", "/day". The rate's denominator goes into `per`.

use super::measure::{is_singular_time, time_unit_at};
use super::number::{read_number, Read};
use super::token::Tokens;
use super::Unit;
use crate::mention::Rate;

/// Adverbs that are a rate on their own.
const ADVERBS: &[(&str, Unit)] = &[
    ("hourly", Unit::Hour),
    ("daily", Unit::Day),
    ("weekly", Unit::Week),
    ("monthly", Unit::Month),
    ("annually", Unit::Year),
    ("yearly", Unit::Year),
];

/// Words after "a day" that make it a time, not a rate ("a day earlier").
/// "to" does only before another amount of time ("a week to ten days"):
/// "20 tonnes a day to Homs" is a rate (see [`time_to_time`]).
const NOT_A_RATE_AFTER: &[&str] = &["ago", "later", "earlier", "before", "after", "or", "and", "of", "in"];

/// Whom an amount is for, before its time rate: "per person per day",
/// "per family every three months".
const RECIPIENTS: &[&str] = &[
    "person",
    "persons",
    "people",
    "individual",
    "capita",
    "head",
    "family",
    "families",
    "household",
    "households",
    "child",
    "beneficiary",
    "student",
    "pupil",
    "patient",
    "refugee",
    "worker",
];

/// The rate right after a figure that ends before token `i`.
pub(crate) fn rate_after(t: &Tokens, i: usize) -> Option<(Rate, usize)> {
    if t.spaced(i) || (t.is_sym(i, '/') && t.glued(i)) {
        rate_at(t, i)
    } else {
        None
    }
}

/// The rate phrase that starts at token `p`, and the token after it.
pub(crate) fn rate_at(t: &Tokens, p: usize) -> Option<(Rate, usize)> {
    if t.is(p, "per") && t.is_any(p + 1, RECIPIENTS) && t.spaced(p + 2) {
        if t.is_any(p + 2, &["per", "every", "each", "a", "an"]) {
            return time_rate_at(t, p + 2);
        }
        return None;
    }
    time_rate_at(t, p)
}

/// A rate phrase with a time unit at token `p` ("per every 5 days", "daily").
fn time_rate_at(t: &Tokens, p: usize) -> Option<(Rate, usize)> {
    if let Some(unit) = t.is_word(p).then(|| super::lexicon::lookup(ADVERBS, t.str(p))).flatten() {
        return Some((Rate { value: 1.0, unit }, p + 1));
    }
    if t.is(p, "per") {
        if t.is(p + 1, "annum") {
            return Some((Rate { value: 1.0, unit: Unit::Year }, p + 2));
        }
        let q = if t.is_any(p + 1, &["every", "each"]) { p + 2 } else { p + 1 };
        return counted_period(t, q);
    }
    if t.is_any(p, &["every", "each"]) {
        return counted_period(t, p + 1);
    }
    if t.is(p, "on") && t.is(p + 1, "a") && t.is(p + 3, "basis") && t.spaced(p + 3) {
        // "on a daily basis", "on a monthly basis"
        let unit = t.is_word(p + 2).then(|| super::lexicon::lookup(ADVERBS, t.str(p + 2))).flatten()?;
        return Some((Rate { value: 1.0, unit }, p + 4));
    }
    if t.is_any(p, &["a", "an"]) && t.spaced(p + 1) && is_singular_time(t, p + 1) {
        let (unit, end) = time_unit_at(t, p + 1)?;
        let timed = t.is_any(end, NOT_A_RATE_AFTER) || time_to_time(t, end) || (t.is_digits(end) && t.near(end));
        return (!timed).then_some((Rate { value: 1.0, unit }, end));
    }
    if t.is_sym(p, '/') && t.glued(p + 1) {
        let (unit, end) = time_unit_at(t, p + 1)?;
        return Some((Rate { value: 1.0, unit }, end));
    }
    None
}

/// "to" at token `i` going on to another amount of time: "a week to ten
/// days", "a day to 2 weeks", "a day to a week".
fn time_to_time(t: &Tokens, i: usize) -> bool {
    t.is(i, "to") && (t.is_any(i + 1, &["a", "an"]) || matches!(read_number(t, i + 1), Read::Num(_)))
}

/// "Every day, 1,500 people cross": a rate phrase that opens the sentence
/// and ends with a comma right before the figure that starts at `first`.
pub(crate) fn rate_before(t: &Tokens, first: usize) -> Option<Rate> {
    if first < 2 || !t.is_sym(first - 1, ',') {
        return None;
    }
    (first.saturating_sub(5)..first - 1)
        .filter(|&k| t.sentence_start(k) && t.is_any(k, &["every", "each", "daily", "weekly", "monthly"]))
        .find_map(|k| rate_at(t, k).filter(|&(_, end)| end == first - 1).map(|(rate, _)| rate))
}

/// "day", "5 days", "five days" after "per" or "every".
fn counted_period(t: &Tokens, q: usize) -> Option<(Rate, usize)> {
    if !t.spaced(q) {
        return None;
    }
    if let Read::Num(n) = read_number(t, q) {
        let (unit, end) = time_unit_at(t, n.end).filter(|_| t.spaced(n.end))?;
        return Some((Rate { value: n.value, unit }, end));
    }
    let (unit, end) = time_unit_at(t, q)?;
    Some((Rate { value: 1.0, unit }, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(text: &str) -> Option<(f64, Unit, String)> {
        let t = Tokens::new(text);
        rate_after(&t, 1).map(|(r, end)| (r.value, r.unit, t.slice(1, end).to_string()))
    }

    #[test]
    fn rates() {
        assert_eq!(rate("x per every 5 days"), Some((5.0, Unit::Day, "per every 5 days".into())));
        assert_eq!(rate("x per day"), Some((1.0, Unit::Day, "per day".into())));
        assert_eq!(rate("x a day"), Some((1.0, Unit::Day, "a day".into())));
        assert_eq!(rate("x daily"), Some((1.0, Unit::Day, "daily".into())));
        assert_eq!(rate("x every week"), Some((1.0, Unit::Week, "every week".into())));
        assert_eq!(rate("x weekly"), Some((1.0, Unit::Week, "weekly".into())));
        assert_eq!(rate("x every two weeks"), Some((2.0, Unit::Week, "every two weeks".into())));
        assert_eq!(rate("x/day"), Some((1.0, Unit::Day, "/day".into())));
        assert_eq!(rate("x per annum"), Some((1.0, Unit::Year, "per annum".into())));
        assert_eq!(rate("x on a monthly basis"), Some((1.0, Unit::Month, "on a monthly basis".into())));
        assert_eq!(rate("x per person per day"), Some((1.0, Unit::Day, "per person per day".into())));
        assert_eq!(
            rate("x per family every three months"),
            Some((3.0, Unit::Month, "per family every three months".into()))
        );
    }

    #[test]
    fn rates_opening_the_sentence() {
        let t = Tokens::new("Every day, 1,500 people. Every two weeks, 5 convoys. Over the past day, 68 people");
        let at = |s: &str| (0..t.len()).find(|&i| t.str(i) == s).unwrap();
        assert_eq!(rate_before(&t, at("1")), Some(Rate { value: 1.0, unit: Unit::Day }));
        assert_eq!(rate_before(&t, at("5")), Some(Rate { value: 2.0, unit: Unit::Week }));
        assert_eq!(rate_before(&t, at("68")), None);
    }

    #[test]
    fn not_rates() {
        assert_eq!(rate("x a day earlier"), None);
        assert_eq!(rate("x each"), None);
        assert_eq!(rate("x per person"), None);
        assert_eq!(rate("x a dozen"), None);
        assert_eq!(rate("x a week to ten days"), None);
        assert_eq!(rate("x a day to 2 weeks"), None);
        assert_eq!(rate("x a day to a week"), None);
    }

    #[test]
    fn a_rate_before_a_destination() {
        assert_eq!(rate("x a week to Deir ez-Zor"), Some((1.0, Unit::Week, "a week".into())));
        assert_eq!(rate("x a day to the camp"), Some((1.0, Unit::Day, "a day".into())));
    }
}
