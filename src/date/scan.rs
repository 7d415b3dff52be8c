//! The date scanner: a tokenizer and a small hand-written grammar over its
//! tokens.
//!
//! The text is cut once into words, ASCII digit runs and single punctuation
//! characters, each remembering whether space or a line break came before
//! it. At each token the grammar tries, longest first: numeric dates
//! ("2017-09-11", "11.09.2017"), day ranges ("9-12 July", "May 3-4"), ranges
//! of two dates, months or years ("30 June - 2 July 2019", "between May and
//! July", "2018-2019"), then single dates, months with or without a year,
//! and bare years. Matching resumes after the end of a match, so matches
//! never overlap and come out in order. Every rule looks at a bounded number
//! of tokens around its start, so the whole scan is linear in the text.
//!
//! Offsets are the tokens' byte offsets, which always lie on character
//! boundaries.

use unicode_normalization::char::is_combining_mark;

use super::lexicon::{self as lex, MonthCase, MonthWord};
use crate::mention::{DateValue, PartialDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A run of letters (any script) and combining marks.
    Word,
    /// A run of ASCII digits.
    Num,
    /// One other non-space character.
    Punct(char),
}

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    Space,
    Newline,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
    gap: Gap,
}

/// What an ASCII byte is to the tokenizer.
const A_SPACE: u8 = 0;
const A_NEWLINE: u8 = 1;
const A_DIGIT: u8 = 2;
const A_LETTER: u8 = 3;
const A_PUNCT: u8 = 4;

static ASCII_CLASS: [u8; 128] = {
    let mut t = [A_PUNCT; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = match c {
            b' ' | b'\t' => A_SPACE,
            b'\n' | b'\r' | 0x0b | 0x0c => A_NEWLINE,
            b'0'..=b'9' => A_DIGIT,
            b'a'..=b'z' | b'A'..=b'Z' => A_LETTER,
            _ => A_PUNCT,
        };
        b += 1;
    }
    t
};

/// The first character of `text[i..]`, which starts on a character boundary.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// Cuts the text into tokens. ASCII bytes are classified by a table; only
/// other characters are decoded.
fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let mut gap = Gap::Newline;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        let kind = if b < 0x80 {
            match ASCII_CLASS[usize::from(b)] {
                A_SPACE => {
                    if gap == Gap::None {
                        gap = Gap::Space;
                    }
                    i += 1;
                    continue;
                }
                A_NEWLINE => {
                    gap = Gap::Newline;
                    i += 1;
                    continue;
                }
                A_DIGIT => {
                    i += 1;
                    while i < bytes.len() && bytes[i].is_ascii_digit() {
                        i += 1;
                    }
                    Kind::Num
                }
                A_LETTER => {
                    i = word_end(text, i + 1);
                    Kind::Word
                }
                _ => {
                    i += 1;
                    Kind::Punct(char::from(b))
                }
            }
        } else {
            let Some(c) = char_at(text, i) else { break };
            if c.is_whitespace() {
                if matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}') {
                    gap = Gap::Newline;
                } else if gap == Gap::None {
                    gap = Gap::Space;
                }
                i += c.len_utf8();
                continue;
            }
            if is_word_char(c) {
                i = word_end(text, i + c.len_utf8());
                Kind::Word
            } else {
                i += c.len_utf8();
                Kind::Punct(c)
            }
        };
        toks.push(Tok { start, end: i, kind, gap });
        gap = Gap::None;
    }
    toks
}

/// The end of the run of word characters from byte `i`.
#[inline]
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if !b.is_ascii_alphabetic() {
                break;
            }
            i += 1;
        } else {
            match char_at(text, i) {
                Some(c) if is_word_char(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() && !c.is_ascii_digit()) || is_combining_mark(c)
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}')
}

/// A date found by the scanner, before years are filled in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Raw {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// The reading, years as written.
    pub value: DateValue,
    /// "June of this year" (0), "of last year" (-1), "of next year" (+1):
    /// the year relative to the document's.
    pub rel_year: Option<i32>,
}

/// What a single date expression is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PtKind {
    /// With a day: "12 July 2019", "July 1", "2017-09-11".
    Day,
    /// "June 2019".
    MonthYear,
    /// "June", "early June".
    Month,
    /// "2019", "mid-2019".
    Year,
}

/// One date expression: tokens `start..end`.
#[derive(Debug, Clone, Copy)]
struct Pt {
    start: usize,
    end: usize,
    date: PartialDate,
    kind: PtKind,
    /// Preceded by "early", "mid", "beginning of", ...
    modified: bool,
    /// The month word, for months that stand alone.
    month_word: Option<MonthWord>,
}

/// How two ends of a range are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conn {
    /// "-", "–", "—".
    Dash,
    /// "to", "until", "till", "through".
    To,
    /// "and", after "between".
    And,
    /// "/", for years only ("2018/2019").
    Slash,
}

/// A match at a token: its tokens, value, and whether it ends in a year.
#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    value: DateValue,
    rel_year: Option<i32>,
    year_like: bool,
}

fn days_in_month(month: u8, year: Option<i32>) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 31,
    }
}

/// True when `day` exists in `month` (of `year`, when known).
pub(super) fn valid_day(day: u8, month: u8, year: Option<i32>) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(month, year)
}

fn single(d: PartialDate) -> DateValue {
    DateValue { value: Some(d), low: None, high: None }
}

fn sort_key(d: &PartialDate) -> (i32, u8, u8) {
    (d.year.unwrap_or(0), d.month.unwrap_or(0), d.day.unwrap_or(0))
}

struct Scanner<'a> {
    text: &'a str,
    t: Vec<Tok>,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Scanner<'a> {
        Scanner { text, t: tokenize(text) }
    }

    fn str_of(&self, i: usize) -> &'a str {
        let t = &self.t[i];
        &self.text[t.start..t.end]
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        match self.t.get(i)?.kind {
            Kind::Word => Some(self.str_of(i)),
            _ => None,
        }
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    fn word_in(&self, i: usize, list: &[&str]) -> bool {
        self.word(i).is_some_and(|x| lex::in_list(list, x))
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.t.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// A digit run's value and length; `None` for runs over 9 digits.
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        match self.t.get(i)?.kind {
            Kind::Num => {
                let s = self.str_of(i);
                if s.len() > 9 {
                    return None;
                }
                Some((s.parse().ok()?, s.len()))
            }
            _ => None,
        }
    }

    /// Token `i` exists and touches the one before it.
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.gap == Gap::None)
    }

    /// Token `i` exists and is on the same line as the one before it.
    fn inline(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.gap != Gap::Newline)
    }

    /// The word before token `i` on the same line, if token `i - 1` is one.
    fn prev_word(&self, i: usize) -> Option<&'a str> {
        if i == 0 || !self.inline(i) {
            return None;
        }
        self.word(i - 1)
    }

    /// Token `i` does not continue a word or number on its left ("x12",
    /// "1.5", "3,12").
    fn left_ok(&self, i: usize) -> bool {
        if i == 0 || !self.glued(i) {
            return true;
        }
        match self.t[i - 1].kind {
            Kind::Word | Kind::Num => false,
            Kind::Punct(c) => {
                let joins = matches!(c, '.' | ',' | ':' | '/') || is_dash(c);
                let continues = joins && i >= 2 && self.glued(i - 1) && self.t[i - 2].kind == Kind::Num;
                let sign = matches!(c, '$' | '€' | '£' | '#' | '№' | '+');
                !(continues || sign)
            }
        }
    }

    /// The match ending before token `j` is not continued on its right
    /// ("2019.5", "1,200", "10:30", "2019%").
    fn right_ok(&self, j: usize) -> bool {
        if j >= self.t.len() || !self.glued(j) {
            return true;
        }
        match self.t[j].kind {
            Kind::Word | Kind::Num => false,
            Kind::Punct(c) => {
                let joins = matches!(c, '.' | ',' | ':' | '/') || is_dash(c);
                !(joins && self.glued(j + 1) && self.t.get(j + 1).is_some_and(|t| t.kind == Kind::Num)) && c != '%'
            }
        }
    }

    /// A year ending before token `j` is not continued and not an amount.
    fn year_end_ok(&self, j: usize) -> bool {
        self.right_ok(j) && !self.unit_follows(j)
    }

    /// A unit follows token `j` ("2000 tons", "2019 %"): the number is an amount.
    fn unit_follows(&self, j: usize) -> bool {
        if !self.inline(j) {
            return false;
        }
        self.word_in(j, lex::UNITS)
            || self.punct(j) == Some('%')
            || (self.word_is(j, "per") && self.word_is(j + 1, "cent"))
    }

    /// A counted noun follows token `j` ("2000 people").
    fn counted_follows(&self, j: usize) -> bool {
        self.inline(j) && (self.word_in(j, lex::COUNTED) || self.unit_follows(j))
    }

    fn day(&self, i: usize) -> Option<(u8, usize)> {
        let (v, n) = self.num(i)?;
        if n > 2 || !(1..=31).contains(&v) {
            return None;
        }
        let mut end = i + 1;
        if self.glued(end) && self.word(end).is_some_and(|w| lex::in_list(&["nd", "rd", "st", "th"], w)) {
            end += 1;
        }
        Some((v as u8, end))
    }

    fn year(&self, i: usize) -> Option<i32> {
        let (v, n) = self.num(i)?;
        (n == 4 && (1900..=2100).contains(&v)).then_some(v as i32)
    }

    /// A month word at `i` and the token after it (after "Sept." its dot).
    fn month(&self, i: usize) -> Option<(MonthWord, usize)> {
        let m = lex::month_word(self.word(i)?)?;
        let mut end = i + 1;
        if m.abbrev && self.punct(end) == Some('.') && self.glued(end) {
            end += 1;
        }
        Some((m, end))
    }

    /// A month that may take a day or year: any but lower-case "may",
    /// "march" and lower-case abbreviations.
    fn month_with_number(&self, i: usize) -> Option<(MonthWord, usize)> {
        self.month(i).filter(|(m, _)| !(m.case == MonthCase::Lower && m.ambiguous))
    }

    /// A year at `j` (on the same line) that belongs to the date before it:
    /// not continued, not followed by a unit or counted noun.
    fn trailing_year(&self, j: usize) -> Option<(i32, usize)> {
        let j = if self.punct(j) == Some(',') && self.inline(j) { j + 1 } else { j };
        if !self.inline(j) {
            return None;
        }
        let y = self.year(j)?;
        (self.right_ok(j + 1) && !self.counted_follows(j + 1)).then_some((y, j + 1))
    }

    /// A range connector at `i` and the token after it.
    fn conn(&self, i: usize, between: bool) -> Option<(Conn, usize)> {
        if !self.inline(i) || !self.inline(i + 1) {
            return None;
        }
        if let Some(c) = self.punct(i) {
            if is_dash(c) {
                return Some((Conn::Dash, i + 1));
            }
            if c == '/' && self.glued(i) && self.glued(i + 1) {
                return Some((Conn::Slash, i + 1));
            }
            return None;
        }
        let w = self.word(i)?;
        if ["to", "until", "till", "through", "thru"].iter().any(|x| w.eq_ignore_ascii_case(x)) {
            return Some((Conn::To, i + 1));
        }
        if between && w.eq_ignore_ascii_case("and") {
            return Some((Conn::And, i + 1));
        }
        None
    }

    /// "between" comes right before token `i`.
    fn after_between(&self, i: usize) -> bool {
        self.prev_word(i).is_some_and(|w| w.eq_ignore_ascii_case("between"))
    }

    /// "11.09.2017", "2017-09-11", "11/09/2017" (day first unless only the
    /// other order is valid).
    fn numeric(&self, i: usize, lc: bool) -> Option<Pt> {
        if lc && !self.left_ok(i) {
            return None;
        }
        let sep = self.punct(i + 1)?;
        if !(sep == '.' || sep == '/' || sep == '-') || self.punct(i + 3) != Some(sep) {
            return None;
        }
        if !(1..=4).all(|k| self.glued(i + k)) {
            return None;
        }
        let (a, an) = self.num(i)?;
        let (b, bn) = self.num(i + 2)?;
        let (c, cn) = self.num(i + 4)?;
        let date = if an == 4 && bn <= 2 && cn <= 2 {
            let (y, m, d) = (a as i32, b as u8, c as u8);
            valid_day(d, m, Some(y)).then_some(PartialDate { year: Some(y), month: Some(m), day: Some(d) })?
        } else if an <= 2 && bn <= 2 && cn == 4 {
            let y = c as i32;
            if valid_day(a as u8, b as u8, Some(y)) {
                PartialDate { year: Some(y), month: Some(b as u8), day: Some(a as u8) }
            } else if valid_day(b as u8, a as u8, Some(y)) {
                PartialDate { year: Some(y), month: Some(a as u8), day: Some(b as u8) }
            } else {
                return None;
            }
        } else {
            return None;
        };
        // A time may follow an ISO date: "2017-09-11T10:30".
        let timed =
            an == 4 && self.glued(i + 5) && self.word_is(i + 5, "T") && self.glued(i + 6) && self.num(i + 6).is_some();
        if !(1900..=2100).contains(&date.year.unwrap_or(0)) || !(timed || self.right_ok(i + 5)) {
            return None;
        }
        Some(Pt { start: i, end: i + 5, date, kind: PtKind::Day, modified: false, month_word: None })
    }

    /// "12 July", "12th of July 2019", "12 July, 2019".
    fn day_first(&self, i: usize, lc: bool) -> Option<Pt> {
        if lc && !self.left_ok(i) {
            return None;
        }
        let (d, mut j) = self.day(i)?;
        if let Some(p) = self.day_mon_year(i, d, j) {
            return Some(p);
        }
        if self.word_is(j, "of") && self.inline(j) {
            j += 1;
        }
        if !self.inline(j) {
            return None;
        }
        let (m, k) = self.month_with_number(j)?;
        if let Some((y, end)) = self.trailing_year(k) {
            if valid_day(d, m.month, Some(y)) {
                let date = PartialDate { year: Some(y), month: Some(m.month), day: Some(d) };
                return Some(Pt { start: i, end, date, kind: PtKind::Day, modified: false, month_word: None });
            }
        }
        if !valid_day(d, m.month, None) || !self.right_ok(k) {
            return None;
        }
        let date = PartialDate { year: None, month: Some(m.month), day: Some(d) };
        Some(Pt { start: i, end: k, date, kind: PtKind::Day, modified: false, month_word: None })
    }

    /// "12-Jul-2019", "12-July-2019" (tables): day `d` ends before token `j`.
    fn day_mon_year(&self, i: usize, d: u8, j: usize) -> Option<Pt> {
        let dash = |k: usize| self.punct(k).is_some_and(is_dash) && self.glued(k) && self.glued(k + 1);
        if !dash(j) {
            return None;
        }
        let (m, k) = self.month_with_number(j + 1)?;
        if !dash(k) {
            return None;
        }
        let y = self.year(k + 1)?;
        if !valid_day(d, m.month, Some(y)) || !self.right_ok(k + 2) {
            return None;
        }
        let date = PartialDate { year: Some(y), month: Some(m.month), day: Some(d) };
        Some(Pt { start: i, end: k + 2, date, kind: PtKind::Day, modified: false, month_word: None })
    }

    /// "July 1", "September 11, 2017", "June 2019", "June of 2019", "June".
    fn month_first(&self, i: usize, lc: bool) -> Option<Pt> {
        if lc && !self.left_ok(i) {
            return None;
        }
        let (m, j) = self.month(i)?;
        let numbered = !(m.case == MonthCase::Lower && m.ambiguous);
        if numbered && self.inline(j) {
            if let Some((d, k)) = self.day(j) {
                if let Some((y, end)) = self.trailing_year(k) {
                    if valid_day(d, m.month, Some(y)) {
                        let date = PartialDate { year: Some(y), month: Some(m.month), day: Some(d) };
                        return Some(Pt { start: i, end, date, kind: PtKind::Day, modified: false, month_word: None });
                    }
                }
                if valid_day(d, m.month, None) && self.right_ok(k) && !self.counted_follows(k) {
                    let date = PartialDate { year: None, month: Some(m.month), day: Some(d) };
                    return Some(Pt { start: i, end: k, date, kind: PtKind::Day, modified: false, month_word: None });
                }
            }
            let k = if self.word_is(j, "of") && self.inline(j) { j + 1 } else { j };
            if let Some((y, end)) = self.trailing_year(k) {
                let date = PartialDate { year: Some(y), month: Some(m.month), day: None };
                return Some(Pt { start: i, end, date, kind: PtKind::MonthYear, modified: false, month_word: None });
            }
        }
        if !self.right_ok(j) {
            return None;
        }
        let date = PartialDate { year: None, month: Some(m.month), day: None };
        Some(Pt { start: i, end: j, date, kind: PtKind::Month, modified: false, month_word: Some(m) })
    }

    /// "2019" (whether it is a date, and whether its right side is clean,
    /// is decided by the caller: "2018" in "2018-2019" is not alone).
    fn bare_year(&self, i: usize, lc: bool) -> Option<Pt> {
        let y = self.year(i)?;
        if lc && !self.left_ok(i) {
            return None;
        }
        let date = PartialDate { year: Some(y), month: None, day: None };
        Some(Pt { start: i, end: i + 1, date, kind: PtKind::Year, modified: false, month_word: None })
    }

    /// "early June", "mid-July", "beginning of May", "end of 2018": the
    /// modifier's tokens and the token where the month or year starts.
    fn modifier(&self, i: usize) -> Option<usize> {
        let w = self.word(i)?;
        if !lex::may_be_modifier(w) {
            return None;
        }
        let &(_, needs_of) = lex::MODIFIERS.iter().find(|(m, _)| w.eq_ignore_ascii_case(m))?;
        let mut j = i + 1;
        if needs_of {
            if !(self.word_is(j, "of") && self.inline(j)) {
                return None;
            }
            j += 1;
        } else if self.punct(j).is_some_and(is_dash) && self.glued(j) && self.glued(j + 1) {
            j += 1;
        }
        self.inline(j).then_some(j)
    }

    /// A single date expression at `i`, without deciding whether a lone
    /// month or year is a date.
    fn point(&self, i: usize, lc: bool) -> Option<Pt> {
        match self.t.get(i)?.kind {
            Kind::Num => self.numeric(i, lc).or_else(|| self.day_first(i, lc)).or_else(|| self.bare_year(i, lc)),
            Kind::Word => {
                if let Some(j) = self.modifier(i) {
                    let core = match self.t.get(j)?.kind {
                        Kind::Num => self.bare_year(j, false).filter(|p| self.year_end_ok(p.end)),
                        Kind::Word => self.month_first(j, false).filter(|p| p.kind != PtKind::Day),
                        Kind::Punct(_) => None,
                    }?;
                    if let Some(m) = core.month_word {
                        if m.case == MonthCase::Lower && m.ambiguous {
                            return None;
                        }
                    }
                    return Some(Pt { start: i, modified: true, ..core });
                }
                self.month_first(i, lc)
            }
            Kind::Punct(_) => None,
        }
    }

    /// Whether a lone month is a date: "June", "from May", never "may",
    /// "MAY" or "Jun" alone.
    fn month_alone_ok(&self, p: &Pt) -> bool {
        let Some(m) = p.month_word else { return true };
        if p.modified {
            return !m.abbrev || m.case != MonthCase::Lower;
        }
        if m.case != MonthCase::Title || m.abbrev {
            return false;
        }
        !m.ambiguous || self.prev_word(p.start).is_some_and(|w| lex::in_list(lex::MONTH_CONTEXT, w))
    }

    /// How sure the words before a bare year at `i` make it a date.
    fn year_trigger(&self, i: usize, last: Option<(usize, bool)>) -> Trigger {
        if i == 0 || !self.inline(i) {
            return Trigger::None;
        }
        // "No. 2017", "Resolution 2254", "$2019".
        if let Some(c) = self.punct(i - 1) {
            if c == '.' && i >= 2 && self.glued(i - 1) && self.word_in(i - 2, lex::IDENTIFIER_BEFORE) {
                return Trigger::Never;
            }
            if matches!(c, '$' | '€' | '£' | '#' | '№') {
                return Trigger::Never;
            }
            if c == '(' && self.punct(i + 1) == Some(')') {
                return Trigger::Strong;
            }
        }
        let Some(w) = self.prev_word(i) else {
            return self.list_continues(i, last);
        };
        if lex::in_list(lex::IDENTIFIER_BEFORE, w) {
            return Trigger::Never;
        }
        // "resulted in 2000 deaths": a lower-case "in" is weak; "In 2019
        // families returned" opens a sentence with a date.
        if w == "in" {
            return Trigger::Weak;
        }
        if lex::in_list(lex::YEAR_STRONG, w) {
            return Trigger::Strong;
        }
        if lex::in_list(lex::YEAR_WEAK, w) {
            let before = if i >= 2 && self.inline(i - 1) { self.word(i - 2) } else { None };
            if let Some(b) = before {
                if w.eq_ignore_ascii_case("of") && lex::in_list(lex::OF_TIME, b) {
                    return Trigger::Strong;
                }
                if lex::in_list(lex::AMOUNT_BEFORE, b) {
                    return Trigger::Never;
                }
            }
            return Trigger::Weak;
        }
        self.list_continues(i, last)
    }

    /// "in 2017, 2018 and 2019": a year after ", " / "and" / "or" right
    /// after a year the scanner accepted.
    fn list_continues(&self, i: usize, last: Option<(usize, bool)>) -> Trigger {
        let Some((end, true)) = last else {
            return Trigger::None;
        };
        let mut k = i;
        for _ in 0..2 {
            if k == 0 || !self.inline(k) {
                return Trigger::None;
            }
            let p = k - 1;
            if self.punct(p) == Some(',') || self.word_is(p, "and") || self.word_is(p, "or") {
                k = p;
                if k == end {
                    return Trigger::Weak;
                }
            } else {
                break;
            }
        }
        Trigger::None
    }

    /// Whether a bare year (or a range of years) at tokens `p.start..end`
    /// is a date.
    fn year_ok(&self, start: usize, end: usize, last: Option<(usize, bool)>, has_qualifier: bool) -> bool {
        match self.year_trigger(start, last) {
            Trigger::Never => false,
            Trigger::Strong => true,
            Trigger::Weak => !self.counted_follows(end),
            Trigger::None => {
                has_qualifier
                    || (start > 0
                        && self.punct(start - 1) == Some('(')
                        && self.punct(end) == Some(')')
                        && self.inline(start))
            }
        }
    }

    /// "academic year" after a year: the tokens past it, if present.
    fn qualifier(&self, end: usize) -> Option<usize> {
        let year = self.word_is(end + 1, "year") || self.word_is(end + 1, "years");
        if self.inline(end) && self.word_in(end, lex::YEAR_QUALIFIERS) && self.inline(end + 1) && year {
            return Some(end + 2);
        }
        None
    }

    /// "of this year", "last year" after a month without a year.
    fn relative_year(&self, end: usize) -> Option<i32> {
        let mut j = end;
        if self.word_is(j, "of") && self.inline(j) {
            j += 1;
        }
        if self.word_is(j, "the") && self.inline(j) {
            j += 1;
        }
        let w = self.word(j).filter(|_| self.inline(j))?;
        if !(self.inline(j + 1) && self.word_is(j + 1, "year")) {
            return None;
        }
        match w.to_ascii_lowercase().as_str() {
            "this" | "current" | "same" => Some(0),
            "last" | "previous" | "past" => Some(-1),
            "next" | "coming" => Some(1),
            _ => None,
        }
    }

    /// "9-12 July (2019)", "between 9 and 12 July".
    fn day_range(&self, i: usize) -> Option<Found> {
        if !self.left_ok(i) {
            return None;
        }
        let (d1, j) = self.day(i)?;
        let (_, k) = self.conn(j, self.after_between(i)).filter(|(c, _)| *c != Conn::Slash)?;
        let p2 = self.day_first(k, false)?;
        let high = p2.date;
        let (m, d2) = (high.month?, high.day?);
        if d1 >= d2 || !valid_day(d1, m, high.year) {
            return None;
        }
        let low = PartialDate { day: Some(d1), ..high };
        Some(Found {
            start: i,
            end: p2.end,
            value: DateValue { value: None, low: Some(low), high: Some(high) },
            rel_year: if high.year.is_none() { self.relative_year(p2.end) } else { None },
            year_like: false,
        })
    }

    /// "May 3-4", "July 9 to 12, 2019".
    fn month_day_range(&self, i: usize) -> Option<Found> {
        if !self.left_ok(i) {
            return None;
        }
        let (m, j) = self.month_with_number(i)?;
        if !self.inline(j) {
            return None;
        }
        let (d1, k) = self.day(j)?;
        let (_, l) = self.conn(k, self.after_between(i)).filter(|(c, _)| *c != Conn::Slash)?;
        let (d2, q) = self.day(l)?;
        if self.inline(q) && self.month(q).is_some() {
            return None;
        }
        let (year, end) = match self.trailing_year(q) {
            Some((y, e)) => (Some(y), e),
            None if self.right_ok(q) && !self.counted_follows(q) => (None, q),
            None => return None,
        };
        if d1 >= d2 || !valid_day(d2, m.month, year) {
            return None;
        }
        let low = PartialDate { year, month: Some(m.month), day: Some(d1) };
        let high = PartialDate { day: Some(d2), ..low };
        Some(Found {
            start: i,
            end,
            value: DateValue { value: None, low: Some(low), high: Some(high) },
            rel_year: if year.is_none() { self.relative_year(end) } else { None },
            year_like: false,
        })
    }

    /// Two date expressions joined by a connector: "30 June - 2 July 2019",
    /// "from May to July", "between May and July", "2018-2019", "2018/19".
    fn range(&self, p1: &Pt, last: Option<(usize, bool)>) -> Option<Found> {
        let between = self.after_between(p1.start);
        let (conn, k) = self.conn(p1.end, between)?;
        let glued = self.glued(p1.end) && self.glued(k);
        let mut p2 = match self.point(k, false) {
            Some(p) => p,
            // "2018-19", "2018/19".
            None if p1.kind == PtKind::Year && !p1.modified && glued => {
                let (v, n) = self.num(k)?;
                let y1 = p1.date.year?;
                let y = y1 - y1 % 100 + v as i32;
                if n != 2 || y <= y1 || !self.right_ok(k + 1) {
                    return None;
                }
                Pt {
                    start: k,
                    end: k + 1,
                    date: PartialDate { year: Some(y), month: None, day: None },
                    kind: PtKind::Year,
                    modified: false,
                    month_word: None,
                }
            }
            None => return None,
        };
        if p2.kind == PtKind::Year && !self.year_end_ok(p2.end) {
            return None;
        }
        let mut low = p1.date;
        let years = p1.kind == PtKind::Year && p2.kind == PtKind::Year;
        if conn == Conn::Slash && !years {
            return None;
        }
        if p1.month_word.is_some_and(|m| m.abbrev) || p2.month_word.is_some_and(|m| m.abbrev) {
            // "Jan-Mar" only with a year somewhere.
            if low.year.is_none() && p2.date.year.is_none() {
                return None;
            }
        }
        let lower = |p: &Pt| p.month_word.is_some_and(|m| m.case == MonthCase::Lower);
        if lower(p1) || lower(&p2) {
            return None;
        }
        if p1.kind != PtKind::Year && p2.kind == PtKind::Year {
            return None;
        }
        if p1.kind == PtKind::Year && p2.kind != PtKind::Year && p2.date.year.is_none() {
            return None;
        }
        // Years missing on one end come from the other.
        let (m1, m2) = (low.month.unwrap_or(0), p2.date.month.unwrap_or(0));
        match (low.year, p2.date.year) {
            (None, Some(y2)) => low.year = Some(if m1 > m2 { y2 - 1 } else { y2 }),
            (Some(y1), None) => p2.date.year = Some(if m2 < m1 { y1 + 1 } else { y1 }),
            _ => {}
        }
        if let (Some(d), Some(m), y) = (low.day, low.month, low.year) {
            if !valid_day(d, m, y) {
                return None;
            }
        }
        // "December 20 - January 5": across the turn of an unknown year.
        let wraps = low.year.is_none() && m1 >= 11 && (1..=2).contains(&m2) && conn != Conn::Slash;
        if sort_key(&low) >= sort_key(&p2.date) && !wraps {
            return None;
        }
        let mut end = p2.end;
        if years {
            let qualified = self.qualifier(end);
            let has_q = qualified.is_some();
            let triggered = p1.modified
                || p2.modified
                || (matches!(conn, Conn::Dash | Conn::Slash)
                    && !self.counted_follows(end)
                    && self.year_trigger(p1.start, last) != Trigger::Never)
                || self.year_ok(p1.start, end, last, has_q);
            if !triggered {
                return None;
            }
            end = qualified.unwrap_or(end);
        } else if p1.kind == PtKind::Year && !(p1.modified || self.year_ok(p1.start, p1.end, last, false)) {
            return None;
        }
        let rel_year = if low.year.is_none() { self.relative_year(end) } else { None };
        Some(Found {
            start: p1.start,
            end,
            value: DateValue { value: None, low: Some(low), high: Some(p2.date) },
            rel_year,
            year_like: p2.kind == PtKind::Year,
        })
    }

    /// The longest date starting at token `i`, if any.
    fn at(&self, i: usize, last: Option<(usize, bool)>) -> Option<Found> {
        let tok = self.t[i];
        match tok.kind {
            Kind::Num => {
                if let Some(p) = self.numeric(i, true) {
                    return Some(Found {
                        start: p.start,
                        end: p.end,
                        value: single(p.date),
                        rel_year: None,
                        year_like: false,
                    });
                }
                if let Some(f) = self.day_range(i) {
                    return Some(f);
                }
            }
            Kind::Word => {
                if !lex::may_start_date(self.str_of(i)) || (self.month(i).is_none() && self.modifier(i).is_none()) {
                    return None;
                }
                if let Some(f) = self.month_day_range(i) {
                    return Some(f);
                }
            }
            Kind::Punct(_) => return None,
        }
        let p = self.point(i, true)?;
        if let Some(f) = self.range(&p, last) {
            return Some(f);
        }
        let ok = match p.kind {
            PtKind::Day | PtKind::MonthYear => true,
            PtKind::Month => self.month_alone_ok(&p),
            PtKind::Year => {
                self.year_end_ok(p.end)
                    && (p.modified || self.year_ok(p.start, p.end, last, self.qualifier(p.end).is_some()))
            }
        };
        if !ok {
            return None;
        }
        let end = if p.kind == PtKind::Year { self.qualifier(p.end).unwrap_or(p.end) } else { p.end };
        let rel_year = if p.date.year.is_none() { self.relative_year(end) } else { None };
        Some(Found { start: p.start, end, value: single(p.date), rel_year, year_like: p.kind == PtKind::Year })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// An identifier or amount: never a year.
    Never,
    /// No word makes it a date.
    None,
    /// A date unless a counted noun follows.
    Weak,
    /// A date.
    Strong,
}

/// Every date expression in `text`, in order, never overlapping, years as
/// written.
pub(super) fn scan(text: &str) -> Vec<Raw> {
    dates(text).collect()
}

/// The same, found one at a time: a caller that stops early saves the rest
/// of the grammar's work (the text is tokenized at once).
pub(super) fn dates(text: &str) -> Dates<'_> {
    Dates { s: Scanner::new(text), last: None, i: 0 }
}

/// See [`dates`].
pub(super) struct Dates<'a> {
    s: Scanner<'a>,
    /// The end token of the last date and whether it was a lone year.
    last: Option<(usize, bool)>,
    /// The next token to try.
    i: usize,
}

impl Iterator for Dates<'_> {
    type Item = Raw;

    fn next(&mut self) -> Option<Raw> {
        let s = &self.s;
        while self.i < s.t.len() {
            match s.at(self.i, self.last) {
                Some(f) if f.end > f.start => {
                    self.last = Some((f.end, f.year_like));
                    self.i = f.end;
                    return Some(Raw {
                        start: s.t[f.start].start,
                        end: s.t[f.end - 1].end,
                        value: f.value,
                        rel_year: f.rel_year,
                    });
                }
                _ => self.i += 1,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain char-by-char tokenizer the fast one must agree with.
    fn reference_tokenize(text: &str) -> Vec<Tok> {
        let mut toks = Vec::new();
        let mut gap = Gap::Newline;
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if c.is_whitespace() {
                if matches!(c, '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}') {
                    gap = Gap::Newline;
                } else if gap == Gap::None {
                    gap = Gap::Space;
                }
                continue;
            }
            let mut end = start + c.len_utf8();
            let kind = if c.is_ascii_digit() {
                while let Some(&(j, d)) = chars.peek() {
                    if !d.is_ascii_digit() {
                        break;
                    }
                    end = j + 1;
                    chars.next();
                }
                Kind::Num
            } else if is_word_char(c) {
                while let Some(&(j, d)) = chars.peek() {
                    if !is_word_char(d) {
                        break;
                    }
                    end = j + d.len_utf8();
                    chars.next();
                }
                Kind::Word
            } else {
                Kind::Punct(c)
            };
            toks.push(Tok { start, end, kind, gap });
            gap = Gap::None;
        }
        toks
    }

    fn same_tokens(text: &str) {
        let (a, b) = (tokenize(text), reference_tokenize(text));
        let view = |t: &[Tok]| t.iter().map(|t| (t.start, t.end, t.kind, t.gap)).collect::<Vec<_>>();
        assert_eq!(view(&a), view(&b), "{text:?}");
    }

    #[test]
    fn fast_tokens_equal_the_reference_on_awkward_text() {
        for text in [
            "",
            " ",
            "\n",
            "a",
            "9-12 July,\n2019é",
            "May\u{301} 5",
            "\u{85}x\u{2028}y\u{2029}z\u{a0}1",
            "Dar’a 12،5 ٣ يوليو",
            "x\u{1c}y\u{7f}z",
            "e\u{301}\u{301}9",
            "\u{3000}2018\r\n\tJan.",
        ] {
            same_tokens(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_tokens_equal_the_reference(text in "(?s)[ -~\t\n\r\u{0b}\u{0c}\u{85}\u{a0}\u{2028}\u{2029}\u{301}é’٣ي\u{1c}]{0,40}") {
            same_tokens(&text);
        }
    }

    #[test]
    fn tokens_keep_offsets_and_gaps() {
        let t = tokenize("9-12 July,\n2019é");
        let kinds: Vec<Kind> = t.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            vec![Kind::Num, Kind::Punct('-'), Kind::Num, Kind::Word, Kind::Punct(','), Kind::Num, Kind::Word]
        );
        assert_eq!(t[3].gap, Gap::Space);
        assert_eq!(t[5].gap, Gap::Newline);
        assert_eq!(t[6].gap, Gap::None);
        assert_eq!((t[6].start, t[6].end), (15, 17));
    }

    #[test]
    fn combining_marks_stay_in_words() {
        let t = tokenize("May\u{301} 5");
        assert_eq!(t.len(), 2);
        assert!(scan("May\u{301} 5").is_empty());
    }

    #[test]
    fn leap_days() {
        assert!(valid_day(29, 2, Some(2020)));
        assert!(!valid_day(29, 2, Some(2019)));
        assert!(valid_day(29, 2, None));
        assert!(!valid_day(31, 4, None));
        assert!(!valid_day(1, 13, None));
    }
}
