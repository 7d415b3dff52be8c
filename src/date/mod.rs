//! Dates: full dates, months, years and ranges, with the document date used
//! to give a year to dates that have none.
//!
//! # What is a date
//!
//! | text | span | value |
//! |---|---|---|
//! | "September 11, 2017", "12 July 2019", "12th of July 2019" | all of it | `2017-09-11`, `2019-07-12` |
//! | "2017-09-11", "11.09.2017", "11/09/2017" | all of it | `2017-09-11` (slashes: day first unless only month first is valid) |
//! | "July 1", "10 June", "MOSCOW, September 11. /TASS/" | "July 1", "September 11" | `XXXX-07-01` |
//! | "June 2019", "June of 2019" | all of it | `2019-06` |
//! | "June", "from May", "June of this year" | the month | `XXXX-06` |
//! | "early June", "mid-July", "late July", "beginning of May", "end of 2018" | with the modifier | month or year precision |
//! | "in 2019", "(2017)", "since 2015", "by 2020", "end of 2018" | the year | `2019` |
//! | "9-12 July", "from 1 to 15 June", "May 3-4, 2017" | the days and month | low `XXXX-07-09`, high `XXXX-07-12` |
//! | "30 June - 2 July 2019", "between May and July", "May-July 2019" | both ends | low / high |
//! | "the 2018-2019 academic year", "2018/19", "from 2015 to 2018" | the years (and "academic year") | low `2018`, high `2019` |
//!
//! Prepositions ("from", "since", "between") are left out of spans, as the
//! gold annotation does ("from May" → "May"); modifiers are kept ("early
//! June"). Weekdays and relative expressions ("today", "over the past day",
//! "since the beginning of the year") are not dates.
//!
//! # Years, counts and identifiers
//!
//! A four-digit number from 1900 to 2100 with no month is a year only when
//! the words around it say so: after "In", "since", "during", "until",
//! "before", "after", "throughout", "year", "early", "mid", "late", "end of",
//! "beginning of", alone in parentheses "(2017)", before "academic year", in
//! a dash range "2018-2019", or continuing a list of years ("in 2017, 2018
//! and 2019"). After the weaker "by", "from", "of", "between", a lower-case
//! "in" ("resulted in 2000 deaths") and in a list, it is a year
//! unless a counted noun follows ("by 2000 people") or an amount word comes
//! before ("a total of 2018"). It is never a year before a unit ("2000
//! tons", "2019 %") or after an identifier word or sign ("Resolution 2254",
//! "No. 2017", "$2019"), and never when it is part of a larger number ("2,233",
//! "2019.5"). "May" and "March" alone need a word before them that makes them
//! months ("in May", "from March"); month abbreviations and upper-case months
//! are dates only with a day or a year.
//!
//! # The document date and yearless dates
//!
//! The caller may give the document's date ([`parse_document_date`] reads an
//! ISO string); otherwise [`find_document_date`] looks at the first lines for
//! a dated line: a label ("date 2017-09-11", "Published: 12 July 2019"), a
//! dateline with a year ("MOSCOW, September 11, 2017"), or a line holding
//! only a date. It returns a date only when the dateline has a year: a
//! yearless dateline such as "MOSCOW, September 11. /TASS/" cannot give a
//! year to anything, so it yields `None` (the dateline itself is still
//! extracted as a date mention).
//!
//! With a document year, dates written without one get a year by a simple
//! rule that never looks forward: a month more than two months after the
//! document's month is taken as last year's (a January document's
//! "December 20" is the December before), and every other month as the
//! document's year (a December document's "January 5" is this year's
//! January, the usual case in reports looking back). "June of this year",
//! "of last year" and "of next year" use the document year, minus or plus
//! one. With no document year, the year stays unknown (`XXXX`).

mod lexicon;
mod scan;

use crate::error::{Error, Result};
use crate::mention::{DateValue, PartialDate, Span};

/// A date found in a text: its byte span and its reading.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateMatch {
    pub span: Span,
    pub date: DateValue,
}

/// Every date in `text`, in order, never overlapping. `document_date`, when
/// it has a year, supplies the year of dates written without one (see the
/// module documentation for the rule).
pub(crate) fn find_dates(text: &str, document_date: Option<PartialDate>) -> Vec<DateMatch> {
    scan::scan(text)
        .into_iter()
        .map(|raw| {
            let mut date = raw.value;
            if let Some(doc) = document_date {
                fill_years(&mut date, doc, raw.rel_year);
            }
            DateMatch { span: Span::new(raw.start, raw.end), date }
        })
        .collect()
}

/// The year a yearless month gets in a document of `doc`'s date.
fn year_for(month: Option<u8>, doc: PartialDate, rel_year: Option<i32>) -> Option<i32> {
    let y = doc.year?;
    if let Some(r) = rel_year {
        return Some(y + r);
    }
    match (month, doc.month) {
        (Some(m), Some(dm)) if m > dm.saturating_add(2) => Some(y - 1),
        _ => Some(y),
    }
}

fn fill_years(date: &mut DateValue, doc: PartialDate, rel_year: Option<i32>) {
    if let Some(v) = date.value.as_mut() {
        if v.year.is_none() && v.month.is_some() {
            v.year = year_for(v.month, doc, rel_year);
        }
    }
    if let (Some(low), Some(high)) = (date.low.as_mut(), date.high.as_mut()) {
        if high.year.is_none() && high.month.is_some() {
            high.year = year_for(high.month, doc, rel_year);
        }
        if low.year.is_none() {
            if let Some(hy) = high.year {
                let later = (low.month, low.day) > (high.month, high.day);
                low.year = Some(if later { hy - 1 } else { hy });
            }
        }
    }
}

/// How far into a text a dateline is looked for.
const HEAD_BYTES: usize = 1000;
const HEAD_LINES: usize = 10;

/// The document's own date from a dateline ("date 2017-09-11", "MOSCOW,
/// September 11, 2017", "Published: 12 July 2019"), when it has a year.
///
/// A yearless dateline ("MOSCOW, September 11. /TASS/") gives `None`: its
/// only use would be to supply a year, which it does not have.
pub(crate) fn find_document_date(text: &str) -> Option<PartialDate> {
    let mut cut = text.len().min(HEAD_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut head = &text[..cut];
    if let Some((pos, _)) = head.match_indices('\n').nth(HEAD_LINES) {
        head = &head[..pos];
    }
    // A dateline needs a year, and the scanner's years are runs of exactly
    // four ASCII digits: without one, the scan cannot find a dateline.
    if !has_four_digit_run(head.as_bytes()) {
        return None;
    }
    dateline_in(head)
}

/// The first date with a year and a month in `head` that reads as a dateline.
fn dateline_in(head: &str) -> Option<PartialDate> {
    // The first date that reads as one ends the search.
    for m in scan::dates(head) {
        let Some(date) = m.value.value else { continue };
        if date.year.is_none() || date.month.is_none() {
            continue;
        }
        let line_start = head[..m.start].rfind(['\n', '\r']).map_or(0, |p| p + 1);
        let line_end = head[m.end..].find(['\n', '\r']).map_or(head.len(), |p| m.end + p);
        let before = head[line_start..m.start].trim();
        let after = head[m.end..line_end].trim();
        if is_label(before) || is_dateline(before) || (is_weekday_or_empty(before) && is_time_or_empty(after)) {
            return Some(date);
        }
    }
    None
}

/// Whether `bytes` holds a run of exactly four ASCII digits (a possible year).
fn has_four_digit_run(bytes: &[u8]) -> bool {
    let mut run = 0;
    for &b in bytes {
        if b.is_ascii_digit() {
            run += 1;
        } else if run == 4 {
            return true;
        } else {
            run = 0;
        }
    }
    run == 4
}

/// "date", "Published:", "Updated at" just before the date.
fn is_label(before: &str) -> bool {
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '|' | '–' | ','));
    let mut words = trimmed.rsplit(char::is_whitespace).filter(|w| !w.is_empty());
    let Some(last) = words.next() else {
        return false;
    };
    if lexicon::in_list(lexicon::DATE_LABELS, last) {
        return true;
    }
    (last.eq_ignore_ascii_case("at") || last.eq_ignore_ascii_case("on"))
        && words.next().is_some_and(|w| lexicon::in_list(lexicon::DATE_LABELS, w))
}

/// "MOSCOW," or "DAMASCUS, SYRIA," just before the date.
fn is_dateline(before: &str) -> bool {
    let Some(place) = before.strip_suffix(',') else {
        return false;
    };
    let place = place.trim();
    place.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && place.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\'' | '’' | ','))
}

fn is_weekday_or_empty(before: &str) -> bool {
    let w = before.trim_end_matches(',').trim();
    w.is_empty() || lexicon::in_list(lexicon::WEEKDAYS, w)
}

/// Nothing after the date on its line but perhaps a time ("10:30") or "|".
fn is_time_or_empty(after: &str) -> bool {
    let b = after.as_bytes();
    after.is_empty()
        || after.starts_with('|')
        || (b.len() >= 4
            && b[0].is_ascii_digit()
            && (b[1] == b':' || (b[1].is_ascii_digit() && b.get(2) == Some(&b':'))))
}

/// Parses a document date given by a caller: an ISO 8601 date ("2017-09-11"),
/// month ("2017-09") or year ("2017"), or a written full date with a year
/// ("11 September 2017", "September 11, 2017"). Surrounding spaces are
/// ignored.
///
/// The result is what [`crate::ExtractOptions::document_date`] takes: dates
/// in the document written without a year get their year from it.
///
/// ```
/// use tallystick::parse_document_date;
/// assert_eq!(parse_document_date("2017-09-11")?.to_string(), "2017-09-11");
/// assert_eq!(parse_document_date("2017-09")?.to_string(), "2017-09");
/// assert_eq!(parse_document_date("2017")?.to_string(), "2017");
/// assert!(parse_document_date("2017-13-01").is_err());
/// # Ok::<(), tallystick::Error>(())
/// ```
///
/// # Errors
/// An error of kind [`crate::ErrorKind::InvalidArgument`] that names the
/// input and says what is wrong: not a date at all, a month or day out of
/// range ("2019-02-30"), or a written date without a year.
// Used once lib.rs re-exports it (`pub use date::parse_document_date`).
pub fn parse_document_date(s: &str) -> Result<PartialDate> {
    let t = s.trim();
    let expected = "expected an ISO 8601 date such as \"2017-09-11\", \"2017-09\" or \"2017\"";
    if t.starts_with(|c: char| c.is_ascii_digit()) && t.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        let parts: Vec<&str> = t.split('-').collect();
        let shape_ok = parts.len() <= 3 && parts[0].len() == 4 && parts[1..].iter().all(|p| p.len() == 2);
        if !shape_ok {
            return Err(Error::invalid_argument(format!("invalid document date {s:?}: {expected}")));
        }
        let num = |p: &str| p.parse::<u32>().ok();
        let year = num(parts[0]).map(|y| y as i32);
        let month = parts.get(1).and_then(|p| num(p));
        let day = parts.get(2).and_then(|p| num(p));
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(Error::invalid_argument(format!(
                    "invalid document date {s:?}: month {m:02} is not between 01 and 12"
                )));
            }
        }
        if let (Some(d), Some(m)) = (day, month) {
            if !scan::valid_day(d.min(99) as u8, m as u8, year) {
                return Err(Error::invalid_argument(format!(
                    "invalid document date {s:?}: day {d:02} does not exist in month {m:02} of {}",
                    parts[0]
                )));
            }
        }
        return Ok(PartialDate { year, month: month.map(|m| m as u8), day: day.map(|d| d as u8) });
    }
    if let [one] = scan::scan(t).as_slice() {
        if one.start == 0 && one.end == t.len() {
            if let Some(d) = one.value.value {
                if d.year.is_some() {
                    return Ok(d);
                }
                return Err(Error::invalid_argument(format!(
                    "invalid document date {s:?}: it has no year, so it cannot date the document; {expected}"
                )));
            }
        }
    }
    Err(Error::invalid_argument(format!("invalid document date {s:?}: {expected}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn render(d: &DateValue) -> String {
        match d.value {
            Some(v) => v.to_string(),
            None => format!(
                "{}/{}",
                d.low.map(|x| x.to_string()).unwrap_or_default(),
                d.high.map(|x| x.to_string()).unwrap_or_default()
            ),
        }
    }

    /// (span text, value) of every date, with no document date.
    fn dates(text: &str) -> Vec<(String, String)> {
        dates_in(text, None)
    }

    fn dates_in(text: &str, doc: Option<&str>) -> Vec<(String, String)> {
        let doc = doc.map(|d| parse_document_date(d).unwrap());
        find_dates(text, doc).iter().map(|m| (text[m.span.start..m.span.end].to_string(), render(&m.date))).collect()
    }

    proptest! {
        /// The four-digit prefilter never hides a dateline the scan would find.
        #[test]
        fn no_dateline_without_a_four_digit_run(
            parts in proptest::collection::vec(prop_oneof![
                Just("2017"), Just("17"), Just("201"), Just("20171"), Just("11"), Just("9"), Just("-"), Just("/"),
                Just("."), Just(", "), Just(" "), Just("\n"), Just("September"), Just("Sept."), Just("May"),
                Just("date"), Just("MOSCOW,"), Just("Monday"), Just("12:30"), Just("on"), Just("٢٠١٧"),
            ], 0..14)
        ) {
            let head: String = parts.concat();
            if dateline_in(&head).is_some() {
                prop_assert!(has_four_digit_run(head.as_bytes()), "{head:?}");
            }
        }
    }

    #[test]
    fn four_digit_runs() {
        assert!(has_four_digit_run(b"date 2017-09-11"));
        assert!(has_four_digit_run(b"2017"));
        assert!(!has_four_digit_run(b"20171 and 201 and 11/09/17"));
        assert!(!has_four_digit_run(b""));
        assert_eq!(find_document_date("MOSCOW, September 11\nNo year."), None);
    }

    fn one(text: &str) -> (String, String) {
        let found = dates(text);
        assert_eq!(found.len(), 1, "{text:?} gave {found:?}");
        found.into_iter().next().unwrap()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn full_dates_in_both_orders() {
        assert_eq!(one("the Memorandum (September 11, 2017) on"), pair("September 11, 2017", "2017-09-11"));
        assert_eq!(one("signed on May 4, 2017."), pair("May 4, 2017", "2017-05-04"));
        assert_eq!(one("on 12 July 2019, for the first time"), pair("12 July 2019", "2019-07-12"));
        assert_eq!(one("on the 12th of July 2019"), pair("12th of July 2019", "2019-07-12"));
        assert_eq!(one("on July 12th, 2019"), pair("July 12th, 2019", "2019-07-12"));
        assert_eq!(one("on Sept. 11 2017"), pair("Sept. 11 2017", "2017-09-11"));
        assert_eq!(one("MOSCOW, SEPTEMBER 11, 2017"), pair("SEPTEMBER 11, 2017", "2017-09-11"));
        assert_eq!(one("on Monday, 12 July 2019"), pair("12 July 2019", "2019-07-12"));
        assert_eq!(one("29 February 2020"), pair("29 February 2020", "2020-02-29"));
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(one(" date 2017-09-11 MOSCOW"), pair("2017-09-11", "2017-09-11"));
        assert_eq!(one("Updated 2017-09-11T10:30Z"), pair("2017-09-11", "2017-09-11"));
        assert_eq!(one("as of 12-Jul-2019."), pair("12-Jul-2019", "2019-07-12"));
        assert_eq!(one("on 11.09.2017."), pair("11.09.2017", "2017-09-11"));
        assert_eq!(one("on 11/09/2017"), pair("11/09/2017", "2017-09-11"));
        assert_eq!(one("on 09/30/2017"), pair("09/30/2017", "2017-09-30"));
        assert!(dates("version 1.2.2019.3 and 2017-02-30 and 31.31.2019").is_empty());
    }

    #[test]
    fn month_and_day_without_year() {
        assert_eq!(one("Since July 1, 35,928 Syrian citizens"), pair("July 1", "XXXX-07-01"));
        assert_eq!(one("From 10 June from Lebanon"), pair("10 June", "XXXX-06-10"));
        assert_eq!(one("MOSCOW, September 11. /TASS/. Russian"), pair("September 11", "XXXX-09-11"));
        assert_eq!(one("MOSCOW, August 13. /TASS/."), pair("August 13", "XXXX-08-13"));
        assert_eq!(one("in July 12 families returned"), pair("July", "XXXX-07"));
        assert!(dates("on 31 June, 30 February").iter().all(|(_, v)| v.len() == 7));
    }

    #[test]
    fn day_ranges() {
        assert_eq!(one("Damascus from 9-12 July by a delegation"), pair("9-12 July", "XXXX-07-09/XXXX-07-12"));
        assert_eq!(one("from 1 to 15 June"), pair("1 to 15 June", "XXXX-06-01/XXXX-06-15"));
        assert_eq!(one("between 1 and 15 June 2019"), pair("1 and 15 June 2019", "2019-06-01/2019-06-15"));
        assert_eq!(one("On May 3-4, during the talks"), pair("May 3-4", "XXXX-05-03/XXXX-05-04"));
        assert_eq!(one("July 9 to 12, 2019"), pair("July 9 to 12, 2019", "2019-07-09/2019-07-12"));
        assert_eq!(one("9 – 12 July 2019"), pair("9 – 12 July 2019", "2019-07-09/2019-07-12"));
    }

    #[test]
    fn ranges_of_dates_and_months() {
        assert_eq!(one("from 30 June - 2 July 2019"), pair("30 June - 2 July 2019", "2019-06-30/2019-07-02"));
        assert_eq!(one("June 30 to July 2"), pair("June 30 to July 2", "XXXX-06-30/XXXX-07-02"));
        assert_eq!(one("between May and July"), pair("May and July", "XXXX-05/XXXX-07"));
        assert_eq!(one("from May to July 2019"), pair("May to July 2019", "2019-05/2019-07"));
        assert_eq!(one("in May-July 2019"), pair("May-July 2019", "2019-05/2019-07"));
        assert_eq!(one("December 2018 - January 2019"), pair("December 2018 - January 2019", "2018-12/2019-01"));
        assert_eq!(one("from December to January 2019"), pair("December to January 2019", "2018-12/2019-01"));
        assert_eq!(one("from early June to mid-July"), pair("early June to mid-July", "XXXX-06/XXXX-07"));
    }

    #[test]
    fn month_and_year() {
        assert_eq!(one("in June 2019"), pair("June 2019", "2019-06"));
        assert_eq!(one("in June of 2019"), pair("June of 2019", "2019-06"));
        assert_eq!(one("since Sept 2017"), pair("Sept 2017", "2017-09"));
        assert_eq!(one("in July 2000 tons"), pair("July", "XXXX-07"));
    }

    #[test]
    fn months_alone_and_modified() {
        assert_eq!(one("prohibits activities from May."), pair("May", "XXXX-05"));
        assert_eq!(one("So, in June of this year, the station"), pair("June", "XXXX-06"));
        assert_eq!(one("From early June to the present"), pair("early June", "XXXX-06"));
        assert_eq!(one("as of mid-July."), pair("mid-July", "XXXX-07"));
        assert_eq!(one("In late July, Rudskoi"), pair("late July", "XXXX-07"));
        assert_eq!(one("Since the beginning of June, the"), pair("beginning of June", "XXXX-06"));
        assert_eq!(one("since the beginning of May and"), pair("beginning of May", "XXXX-05"));
        assert_eq!(one("by the end of March"), pair("end of March", "XXXX-03"));
        assert_eq!(one("in mid June"), pair("mid June", "XXXX-06"));
    }

    #[test]
    fn not_months() {
        assert!(dates("sanctions, which may prevent the return").is_empty());
        assert!(dates("May God help them. March on. MAY. Jan Egeland said. Dec.").is_empty());
        assert!(dates("since the beginning of this year; the new school year; within a month").is_empty());
        assert!(dates("on Monday, on Sunday, Today, over the past day").is_empty());
        assert!(dates("Mayor Junebug Augusta").is_empty());
    }

    #[test]
    fn bare_years_that_denote_time() {
        assert_eq!(one("In 2019 alone, 2 industrial enterprises"), pair("2019", "2019"));
        assert_eq!(one("674,000 (2017), then"), pair("2017", "2017"));
        assert_eq!(one("since 2015"), pair("2015", "2015"));
        assert_eq!(one("by 2020"), pair("2020", "2020"));
        assert_eq!(one("the floods of 2018"), pair("2018", "2018"));
        assert_eq!(one("at the end of 2018"), pair("end of 2018", "2018"));
        assert_eq!(one("in early 2019"), pair("early 2019", "2019"));
        assert_eq!(one("mid-2019"), pair("mid-2019", "2019"));
        assert_eq!(one("the year 2019"), pair("2019", "2019"));
        let found = dates("674,000 (2017), 1.2 million (2018) and 136,000 in 2019.");
        assert_eq!(found.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>(), ["2017", "2018", "2019"]);
        let found = dates("returning home in 2018 41,570 so far in 2019 (according to UNHCR)");
        assert_eq!(found.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>(), ["2018", "2019"]);
        let found = dates("in 2017, 2018 and 2019");
        assert_eq!(found.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>(), ["2017", "2018", "2019"]);
    }

    #[test]
    fn years_are_not_counts_or_identifiers() {
        assert!(dates("2,233 people; 2, 233 people; 2019 people; 2019.5; 20190").is_empty());
        assert!(dates("Resolution 2254; No. 2017; number 2019; $2019; in 2000 tons; 2019%").is_empty());
        assert!(dates("a total of 2018 people; a total of 2018; by 2000 people; increased by 2019").is_empty());
        assert!(dates("in 1850; in 2150; liberat4ed; Rossiya 24; 24-48 hours").is_empty());
        assert!(dates("for 2000-2500 people; 2017 2018").is_empty());
        assert!(dates("which resulted in 2000 deaths").is_empty());
        assert_eq!(one("In 2019 families returned"), pair("2019", "2019"));
    }

    #[test]
    fn year_ranges() {
        assert_eq!(
            one("Following the results of 2018-2019 academic year, more"),
            pair("2018-2019 academic year", "2018/2019")
        );
        assert_eq!(one("the 2018/19 school year"), pair("2018/19 school year", "2018/2019"));
        assert_eq!(one("from 2015 to 2018"), pair("2015 to 2018", "2015/2018"));
        assert_eq!(one("between 2015 and 2018"), pair("2015 and 2018", "2015/2018"));
        assert_eq!(one("(2017-2018)"), pair("2017-2018", "2017/2018"));
        assert_eq!(one("2018–2019"), pair("2018–2019", "2018/2019"));
        assert_eq!(one("in the 2019 academic year"), pair("2019 academic year", "2019"));
    }

    #[test]
    fn document_year_fills_yearless_dates() {
        let doc = Some("2019-07-20");
        assert_eq!(dates_in("Since July 1", doc), [pair("July 1", "2019-07-01")]);
        assert_eq!(dates_in("from 9-12 July", doc), [pair("9-12 July", "2019-07-09/2019-07-12")]);
        assert_eq!(dates_in("From early June", doc), [pair("early June", "2019-06")]);
        assert_eq!(dates_in("on 12 July 2018", doc), [pair("12 July 2018", "2018-07-12")]);
        // More than two months ahead of the document: last year's.
        assert_eq!(dates_in("since November", doc), [pair("November", "2018-11")]);
        assert_eq!(dates_in("in September", doc), [pair("September", "2019-09")]);
        // Relative years.
        assert_eq!(dates_in("in November of this year", doc), [pair("November", "2019-11")]);
        assert_eq!(dates_in("in June of last year", doc), [pair("June", "2018-06")]);
        // A January document: December is the one before; January 5 in December is this year's.
        assert_eq!(dates_in("on December 20", Some("2018-01-10")), [pair("December 20", "2017-12-20")]);
        assert_eq!(dates_in("January 5", Some("2017-12-10")), [pair("January 5", "2017-01-05")]);
        assert_eq!(
            dates_in("December 20 - January 5", Some("2018-01-10")),
            [pair("December 20 - January 5", "2017-12-20/2018-01-05")]
        );
        // A year alone: no rollover.
        assert_eq!(dates_in("in December", Some("2018")), [pair("December", "2018-12")]);
    }

    #[test]
    fn document_dates_from_datelines() {
        let d = find_document_date(" date 2017-09-11 MOSCOW, September 11. /TASS/. Russian");
        assert_eq!(d.map(|d| d.to_string()).as_deref(), Some("2017-09-11"));
        assert_eq!(find_document_date("MOSCOW, September 11. /TASS/. Russia expects"), None);
        let d = find_document_date("Title\n\nDAMASCUS, SYRIA, September 11, 2017 (SANA) - text");
        assert_eq!(d.map(|d| d.to_string()).as_deref(), Some("2017-09-11"));
        let d = find_document_date("Title\nMonday, 12 July 2019 10:30\n\nBody on 1 June 2019.");
        assert_eq!(d.map(|d| d.to_string()).as_deref(), Some("2019-07-12"));
        let d = find_document_date("Title\nPublished: 12 July 2019\n");
        assert_eq!(d.map(|d| d.to_string()).as_deref(), Some("2019-07-12"));
        let d = find_document_date("Updated at: June 2019\n");
        assert_eq!(d.map(|d| d.to_string()).as_deref(), Some("2019-06"));
        assert_eq!(find_document_date("The Memorandum (September 11, 2017) was signed."), None);
        assert_eq!(find_document_date("All news\nUpdated at:\u{a0}\n\nText"), None);
    }

    #[test]
    fn parse_document_date_reads_iso_and_written_dates() {
        let p = |s: &str| parse_document_date(s).map(|d| d.to_string());
        assert_eq!(p("2017-09-11").unwrap(), "2017-09-11");
        assert_eq!(p(" 2017-09 ").unwrap(), "2017-09");
        assert_eq!(p("2017").unwrap(), "2017");
        assert_eq!(p("2020-02-29").unwrap(), "2020-02-29");
        assert_eq!(p("11 September 2017").unwrap(), "2017-09-11");
        assert_eq!(p("September 11, 2017").unwrap(), "2017-09-11");
        for (bad, says) in [
            ("2017-13-01", "month 13"),
            ("2019-02-29", "day 29"),
            ("2017-9-11", "expected an ISO 8601 date"),
            ("17", "expected an ISO 8601 date"),
            ("", "expected an ISO 8601 date"),
            ("yesterday", "expected an ISO 8601 date"),
            ("2017-09-11-", "expected an ISO 8601 date"),
            ("September 11", "no year"),
        ] {
            let err = parse_document_date(bad).unwrap_err();
            assert_eq!(err.kind(), &crate::error::ErrorKind::InvalidArgument, "{bad}");
            assert!(err.to_string().contains(says), "{bad}: {err}");
            assert!(err.to_string().contains(&format!("{bad:?}")), "{bad}: {err}");
        }
    }

    #[test]
    fn spans_are_sorted_and_never_overlap() {
        let text = "From 9-12 July, in 2019, (2018), mid-July and 12 July 2019 - 2018-2019 academic year";
        let found = find_dates(text, None);
        assert!(found.len() >= 5, "{found:?}");
        assert!(found.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    }

    proptest! {
        #[test]
        fn random_text_never_panics_and_spans_are_char_boundaries(text in "\\PC{0,80}") {
            check_spans(&text);
        }

        #[test]
        fn date_like_text_never_panics(
            text in "([0-9]{1,5}|July|May|mid|early|of|in|between|and|to|the|academic|year|\\(|\\)|,|\\.|-|–|/|é|\u{301}| |\n){0,24}"
        ) {
            check_spans(&text);
        }
    }

    fn check_spans(text: &str) {
        let doc = PartialDate { year: Some(2019), month: Some(1), day: None };
        let found = find_dates(text, Some(doc));
        let mut prev = 0;
        for m in &found {
            assert!(m.span.start < m.span.end && m.span.start >= prev);
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            prev = m.span.end;
        }
        let _ = find_document_date(text);
        let _ = parse_document_date(text);
    }
}
