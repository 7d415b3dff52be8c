//! Quantities: numbers in digits or words with their unit, counted thing,
//! approximation, range and rate.

mod unit;

pub use unit::Unit;

use crate::mention::{Quantity, Span};

/// A quantity found in a text: its byte span and its reading.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QuantityMatch {
    pub span: Span,
    pub quantity: Quantity,
}

/// Every quantity in `text`, in order, never overlapping.
pub(crate) fn find_quantities(text: &str) -> Vec<QuantityMatch> {
    let _ = text;
    Vec::new() // TODO(issue 3): the scanner
}

/// Parses a number written in digits or words ("1,851,424", "2, 233",
/// "2.9 million", "two thousand five hundred", "half a million").
///
/// Returns `None` when `text` is not, as a whole, a number.
///
/// ```
/// assert_eq!(tallystick::parse_number("42"), Some(42.0));
/// ```
pub fn parse_number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite()) // TODO(issue 3)
}
