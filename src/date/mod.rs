//! Dates: full dates, months, years and ranges, with the document date used
//! to give a year to dates that have none.

use crate::mention::{DateValue, PartialDate, Span};

/// A date found in a text: its byte span and its reading.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateMatch {
    pub span: Span,
    pub date: DateValue,
}

/// Every date in `text`, in order, never overlapping. `document_date`, when
/// given, supplies the year of dates written without one.
pub(crate) fn find_dates(text: &str, document_date: Option<PartialDate>) -> Vec<DateMatch> {
    let _ = (text, document_date);
    Vec::new() // TODO(issue 5)
}

/// The document's own date from a dateline ("date 2017-09-11", "MOSCOW,
/// September 11. /TASS/"), if it has one.
pub(crate) fn find_document_date(text: &str) -> Option<PartialDate> {
    let _ = text;
    None // TODO(issue 5)
}
