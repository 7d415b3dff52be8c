//! Quantities: numbers in digits or words with their unit, counted thing,
//! approximation, range and rate.
//!
//! The scanner reads a text once, as a stream of tokens (words, digit runs
//! and symbols), and reports every figure with:
//!
//! - **value** — digits with any grouping ("1,851,424", "1 851 424", the
//!   broken "2, 233" of translated bulletins), decimals, scale words ("2.9
//!   million", "300 thousand", "US $25 million"), number words ("four",
//!   "one hundred and twelve", "a dozen", "five and a half", "half a
//!   million"); ranges ("24-48 hours", "between 10 and 15", "from 10 to 15
//!   tons", "two-three times") set `low` and `high` instead.
//! - **unit** — tons and tonnes (metric tonnes in this domain: every "ton"
//!   is [`Unit::Tonne`], `t`), km and square km, money ("US $", "$",
//!   "dollars", "Syrian pounds"), percentages ("29%", "40.96 per cent"),
//!   fractions of a whole as `%` ("a third of" → 33.33, "three-quarters" →
//!   75), and time ("24 hours", "five-day", "24-hour").
//! - **item** — the noun phrase the figure counts ("60,000 people", "3.3
//!   tons of food products" → food products), lower-cased; a bare figure
//!   takes it from a parallel phrase of its sentence ("more than 1,302,870
//!   are internal displaced persons", "Damascus (5)" after "7 cases of
//!   ceasefire violations").
//! - **approx** — from the words before the figure ("about", "more than",
//!   "up to", "nearly", ...), which join the span.
//! - **per** — a rate after it ("per every 5 days", "a day", "daily",
//!   "every week").
//!
//! Not quantities: ordinals ("61st"), years and dates ("2019", "(2018)",
//! "12 July 2019", "May 3-4", "2017-09-11"), identifiers ("No. 1", "decree
//! number 10", "UTC+3", "Rossiya 24"), list markers ("1)"), digits glued in
//! words ("liberat4ed"), and vague amounts ("hundreds of thousands").
//!
//! ```
//! use tallystick::{Approx, Extractor, MentionKind, Unit};
//!
//! let extractor = Extractor::builder().bundled(false).kinds([MentionKind::Quantity]).build()?;
//! let found = extractor.extract("Syria needs more than 1,000 tons of food for about 60,000 people.");
//! assert_eq!(found[0].text, "more than 1,000 tons");
//! let q = found[0].quantity().unwrap();
//! assert_eq!((q.value, q.unit, q.approx), (Some(1000.0), Some(Unit::Tonne), Approx::MoreThan));
//! assert_eq!(q.item.as_deref(), Some("food"));
//! assert_eq!(found[1].text, "about 60,000 people");
//! # Ok::<(), tallystick::Error>(())
//! ```
//!
//! The scan is linear in the length of the text: hand-written over tokens,
//! no regular expressions, and every look-around is bounded.

mod approx;
mod exclude;
mod item;
mod lexicon;
mod measure;
mod number;
mod rate;
mod resolve;
mod scan;
mod token;
mod unit;

pub use unit::Unit;

use crate::mention::{Quantity, Span};

/// A quantity found in a text: its byte span and its reading.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QuantityMatch {
    pub span: Span,
    pub quantity: Quantity,
}

/// Every quantity in `text`, in order, never overlapping. (Never inlined,
/// so that profiles show the scanner's whole cost under its name.)
#[inline(never)]
pub(crate) fn find_quantities(text: &str) -> Vec<QuantityMatch> {
    let tokens = token::Tokens::new(text);
    let mut figures = scan::scan(&tokens);
    resolve::resolve(&tokens, &mut figures);
    figures
        .into_iter()
        .map(|f| QuantityMatch { span: Span::new(tokens.start(f.first), tokens.end(f.last - 1)), quantity: f.quantity })
        .collect()
}

/// Parses a number written in digits or words ("1,851,424", "2, 233",
/// "2.9 million", "two thousand five hundred", "half a million").
///
/// Digits may be grouped with commas, spaces or the broken ", " of
/// translated bulletins, and carry a decimal point and a scale word. Words
/// cover cardinals up to the trillions, "a dozen", "five and a half",
/// "half a million", "a quarter million"; a bare fraction is its value as a
/// fraction ("a third" → 0.333…, "three-quarters" → 0.75).
///
/// Returns `None` when `text` is not, as a whole, a number: units, signs,
/// dates and codes ("5 %", "$5", "2017-09-11", "10:30") are not numbers.
///
/// ```
/// use tallystick::parse_number;
///
/// assert_eq!(parse_number("42"), Some(42.0));
/// assert_eq!(parse_number("1,851,424"), Some(1_851_424.0));
/// assert_eq!(parse_number("1 851 424"), Some(1_851_424.0));
/// assert_eq!(parse_number("2, 233"), Some(2233.0));
/// assert_eq!(parse_number("40.96"), Some(40.96));
/// assert_eq!(parse_number("2.9 million"), Some(2_900_000.0));
/// assert_eq!(parse_number("two thousand five hundred"), Some(2500.0));
/// assert_eq!(parse_number("one hundred and twelve"), Some(112.0));
/// assert_eq!(parse_number("twenty-five"), Some(25.0));
/// assert_eq!(parse_number("a dozen"), Some(12.0));
/// assert_eq!(parse_number("five and a half"), Some(5.5));
/// assert_eq!(parse_number("half a million"), Some(500_000.0));
/// assert_eq!(parse_number("three-quarters"), Some(0.75));
/// assert_eq!(parse_number("thousands"), None);
/// assert_eq!(parse_number("2017-09-11"), None);
/// ```
pub fn parse_number(text: &str) -> Option<f64> {
    number::parse_whole(text)
}

#[cfg(test)]
mod tests;
