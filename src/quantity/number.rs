//! Numbers in digits or words, read from the token stream.
//!
//! Digits: grouped with commas ("1,851,424"), with spaces ("1 851 424"),
//! with the broken grouping of translated bulletins ("2, 233"), with a
//! decimal point ("40.96"), and followed by a scale word ("2.9 million",
//! "300 thousand", "25 mln"). Words: "four", "twenty-five", "one hundred and
//! twelve", "two thousand five hundred", "a dozen", "two dozen", "five and a
//! half", "half a million", "a quarter million", and fractions ("a third",
//! "three-quarters"), which the scanner turns into shares.
//!
//! Shapes that are codes rather than amounts (dates "2017-09-11" and
//! "11.09.2017", times "10:30", "24/7", runs of more than 15 digits) are
//! read as [`Read::Skip`] so the scanner jumps past them whole.

use super::lexicon::{self, lookup, DIGIT_SCALES, FRACTIONS, SCALES, SMALL, TENS};
use super::token::Tokens;

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// In digits, maybe with a scale word ("2.9 million").
    Digits,
    /// In words ("twenty-five", "half a million").
    Words,
    /// A bare fraction ("a third", "three-quarters"): a share of a whole.
    Fraction,
}

/// A number read from tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Num {
    pub value: f64,
    pub start: usize,
    pub end: usize,
    pub form: Form,
    /// The scale word that multiplied it (1 when none).
    pub scale: f64,
    /// Four plain digits between 1800 and 2100: maybe a year.
    pub year_like: bool,
}

/// What [`read_number`] found at a token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Read {
    /// A number.
    Num(Num),
    /// A code, date or time made of digits: not a quantity; resume at this token.
    Skip(usize),
    /// Nothing numeric here.
    None,
}

/// At most this many digits make an amount; longer runs are codes.
const MAX_DIGITS: usize = 15;

/// Reads the number that starts at token `i`.
pub(crate) fn read_number(t: &Tokens, i: usize) -> Read {
    if t.is_digits(i) {
        read_digits(t, i)
    } else if t.is_word(i) && lexicon::can_start_number(t.str(i)) {
        read_words(t, i).map_or(Read::None, Read::Num)
    } else {
        Read::None
    }
}

/// Parses the whole of `text` as one number, in digits or words.
pub(crate) fn parse_whole(text: &str) -> Option<f64> {
    let t = Tokens::new(text);
    match read_number(&t, 0) {
        Read::Num(n) if n.end == t.len() && n.value.is_finite() => Some(n.value),
        _ => None,
    }
}

// ---------------------------------------------------------------- digits

/// The digits of a number, gathered on the stack ("1,851,424" → "1851424").
struct DigitBuf {
    buf: [u8; MAX_DIGITS + 2],
    len: usize,
}

impl DigitBuf {
    fn new() -> DigitBuf {
        DigitBuf { buf: [0; MAX_DIGITS + 2], len: 0 }
    }

    /// Appends `s`; false when the number grows too long to be an amount.
    fn push(&mut self, s: &str) -> bool {
        let Some(room) = self.buf.get_mut(self.len..self.len + s.len()) else {
            self.len = self.buf.len() + 1;
            return false;
        };
        room.copy_from_slice(s.as_bytes());
        self.len += s.len();
        true
    }

    fn value(&self) -> Option<f64> {
        std::str::from_utf8(self.buf.get(..self.len)?).ok()?.parse().ok()
    }
}

fn read_digits(t: &Tokens, i: usize) -> Read {
    let mut digits = DigitBuf::new();
    let (mut end, grouped) = match dotted_thousands(t, i, &mut digits) {
        Some(end) => (end, true),
        None => {
            if let Some(end) = code_end(t, i) {
                return Read::Skip(end);
            }
            if t.str(i).len() > 1 && t.str(i).starts_with('0') {
                return Read::Skip(code_run_end(t, i)); // "00", "007", "011 331 0011": a code
            }
            digits.push(t.str(i));
            let end = if t.str(i).len() <= 3 { read_groups(t, i, &mut digits) } else { i + 1 };
            (end, end > i + 1)
        }
    };
    let whole_digits = digits.len;
    if !grouped && t.glued(end) && t.glued(end + 1) && t.is_digits(end + 1) {
        let fraction = t.str(end + 1);
        if t.is_sym(end, '.') && !thousands_after_dot(t, i, end) {
            digits.push(".");
            digits.push(fraction);
            end += 2;
        } else if t.is_sym(end, ',') && decimal_comma(t, end) {
            digits.push("."); // "1,5 tons": a decimal comma
            digits.push(fraction);
            end += 2;
        } else if t.is_sym(end, '.') {
            digits.push(fraction); // "1.200 people": a dot for thousands
            end += 2;
        }
    } else if t.is_sym(end, '.') && t.glued(end) && t.is_digits(end + 1) && t.glued(end + 1) {
        digits.push(".");
        digits.push(t.str(end + 1));
        end += 2;
    }
    if digits.len > MAX_DIGITS + 1 {
        return Read::Skip(end);
    }
    let Some(mut value) = digits.value() else {
        return Read::Skip(end);
    };
    let year_like = !grouped && end == i + 1 && whole_digits == 4 && (1800.0..=2100.0).contains(&value);
    let mut scale = 1.0;
    if t.near(end) {
        if let Some(s) = digit_scale(t, end) {
            scale = s;
            value *= s;
            end += 1;
        } else if t.is(end, "dozen") && t.spaced(end) {
            value *= 12.0;
            end += 1;
        }
    }
    Read::Num(Num { value, start: i, end, form: Form::Digits, scale, year_like: year_like && scale == 1.0 })
}

fn digit_scale(t: &Tokens, i: usize) -> Option<f64> {
    let word = t.str(i);
    if !t.is_word(i) {
        return None;
    }
    let full = lookup(SCALES, word);
    if full.is_some() {
        return full;
    }
    lookup(DIGIT_SCALES, word)
}

/// "1.200.000 people": thousands grouped with dots (two groups or more,
/// which no decimal has). Appends the digits; returns the end token.
fn dotted_thousands(t: &Tokens, i: usize, digits: &mut DigitBuf) -> Option<usize> {
    let first = t.str(i);
    if first.len() > 3 || first.starts_with('0') || !(t.is_sym(i + 1, '.') && is_group(t, i + 2)) {
        return None;
    }
    let mut end = i + 1;
    while t.is_sym(end, '.') && t.glued(end) && is_group(t, end + 1) && t.glued(end + 1) {
        end += 2;
    }
    let after_code = t.is_sym_in(end, &['.', ':', '/', '-']) && t.glued(end) && t.is_digits(end + 1);
    if end < i + 5 || after_code {
        return None;
    }
    digits.push(first);
    (i + 2..end).step_by(2).all(|g| digits.push(t.str(g))).then_some(end)
}

/// "1.200 people": one dot before three digits and a plural count noun
/// reads as thousands (a count of people is whole), not as 1.2.
fn thousands_after_dot(t: &Tokens, i: usize, dot: usize) -> bool {
    let noun = dot + 2;
    t.str(i).len() <= 3
        && !t.str(i).starts_with('0')
        && t.str(dot + 1).len() == 3
        && t.spaced(noun)
        && t.is_word(noun)
        && lexicon::is_plural(t.str(noun))
        && lexicon::is_count_noun(t.str(noun))
        && super::measure::unit_after(t, noun).is_none()
}

/// "1,5 tons", "2,75 million": a comma before one or two digits, then a
/// scale word or a unit, is a decimal comma.
fn decimal_comma(t: &Tokens, comma: usize) -> bool {
    let next = comma + 2;
    (1..=2).contains(&t.str(comma + 1).len())
        && t.spaced(next)
        && (digit_scale(t, next).is_some() || super::measure::unit_after(t, next).is_some())
}

/// Reads thousands groups after the first digits at `i` ("1,851,424",
/// "1 851 424", "2, 233"), appending their digits; returns the end token.
fn read_groups(t: &Tokens, i: usize, digits: &mut DigitBuf) -> usize {
    let mut end = i + 1;
    // 1,851,424
    while t.is_sym(end, ',') && t.glued(end) && is_group(t, end + 1) && t.glued(end + 1) {
        digits.push(t.str(end + 1));
        end += 2;
    }
    if end > i + 1 {
        return end;
    }
    // 1 851 424
    while is_group(t, end) && t.single_space(end) {
        digits.push(t.str(end));
        end += 1;
    }
    if end > i + 1 {
        return end;
    }
    // 2, 233: the broken grouping of translated bulletins, never inside a list of numbers
    if in_number_list_before(t, i) {
        return end;
    }
    while t.is_sym(end, ',') && t.glued(end) && is_group(t, end + 1) && t.single_space(end + 1) {
        if continues_number_list(t, end + 2) {
            break;
        }
        digits.push(t.str(end + 1));
        end += 2;
    }
    end
}

fn is_group(t: &Tokens, i: usize) -> bool {
    t.is_digits(i) && t.str(i).len() == 3 && !(t.is_digits(i + 1) && t.glued(i + 1))
}

/// "5, 7, 233": the figure at `i` follows another figure and a comma.
fn in_number_list_before(t: &Tokens, i: usize) -> bool {
    i >= 2 && t.is_sym(i - 1, ',') && t.is_digits(i - 2) || lexicon::is_month(t.str(i.wrapping_sub(1)))
}

/// "2, 233, 7" or "2, 233 and 5": the group at `end - 1` is one of a list.
fn continues_number_list(t: &Tokens, end: usize) -> bool {
    (t.is_sym(end, ',') && t.is_digits(end + 1)) || (t.is_any(end, &["and", "or"]) && t.is_digits(end + 1))
}

/// The token after a run of digit groups that starts at `i` and continues
/// with single spaces or glued hyphens ("011 331 0011", "+963 11 331-0011"):
/// a telephone number or a code, read as one.
pub(crate) fn code_run_end(t: &Tokens, i: usize) -> usize {
    let mut j = i + 1;
    loop {
        if t.is_digits(j) && t.single_space(j) {
            j += 1;
        } else if t.is_sym(j, '-') && t.glued(j) && t.is_digits(j + 1) && t.glued(j + 1) {
            j += 2;
        } else {
            return j;
        }
    }
}

/// Digits joined by `:` `/` or by two or more `.` or `-`, with nothing
/// between them: a time, a date or a code. Returns the token after it.
fn code_end(t: &Tokens, i: usize) -> Option<usize> {
    let (mut j, mut dots, mut dashes, mut others) = (i + 1, 0, 0, 0);
    while t.is_sym_in(j, &[':', '/', '.', '-']) && t.glued(j) && t.is_digits(j + 1) && t.glued(j + 1) {
        match t.str(j) {
            "." => dots += 1,
            "-" => dashes += 1,
            _ => others += 1,
        }
        j += 2;
    }
    let run_too_long = t.str(i).len() > MAX_DIGITS;
    (others > 0 || dots >= 2 || dashes >= 2 || dots + dashes >= 2 || run_too_long).then_some(j)
}

// ---------------------------------------------------------------- words

fn read_words(t: &Tokens, i: usize) -> Option<Num> {
    let card = cardinal(t, i);
    let frac = fraction(t, i);
    match (card, frac) {
        (Some(c), Some(f)) if f.end > c.end => Some(f),
        (Some(c), _) => Some(c),
        (None, f) => f,
    }
}

fn word_value(table: &[(&str, f64)], t: &Tokens, i: usize) -> Option<f64> {
    if t.is_word(i) {
        lookup(table, t.str(i))
    } else {
        None
    }
}

fn scale_at(t: &Tokens, i: usize) -> Option<f64> {
    if t.spaced(i) {
        word_value(SCALES, t, i)
    } else {
        None
    }
}

/// 1 to 9 ("five" in "twenty-five").
fn digit_word(t: &Tokens, i: usize) -> Option<f64> {
    word_value(SMALL, t, i).filter(|v| (1.0..10.0).contains(v))
}

/// 0 to 99: "seven", "twenty", "twenty-five", "twenty five".
fn below_hundred(t: &Tokens, i: usize) -> Option<(f64, usize)> {
    if let Some(tens) = word_value(TENS, t, i) {
        if t.is_sym(i + 1, '-') && t.glued(i + 1) && t.glued(i + 2) {
            if let Some(u) = digit_word(t, i + 2) {
                return Some((tens + u, i + 3));
            }
        }
        if t.spaced(i + 1) {
            if let Some(u) = digit_word(t, i + 1) {
                return Some((tens + u, i + 2));
            }
        }
        return Some((tens, i + 1));
    }
    word_value(SMALL, t, i).map(|v| (v, i + 1))
}

/// 0 to 999: "five hundred", "one hundred and twelve", "a hundred".
fn below_thousand(t: &Tokens, i: usize) -> Option<(f64, usize)> {
    let (lead, j) = if t.is_any(i, &["a", "an"]) && t.is(i + 1, "hundred") && t.spaced(i + 1) {
        (1.0, i + 1)
    } else {
        below_hundred(t, i)?
    };
    if !(t.is(j, "hundred") && t.spaced(j)) {
        return Some((lead, j));
    }
    let mut value = lead * 100.0;
    let mut end = j + 1;
    let rest = if t.is(end, "and") && t.spaced(end) { end + 1 } else { end };
    if t.spaced(rest) {
        if let Some((v, e)) = below_hundred(t, rest) {
            value += v;
            end = e;
        }
    }
    Some((value, end))
}

/// A whole number in words, scales decreasing: "two thousand five hundred",
/// "one and a half million", "a dozen", "two dozen".
fn cardinal(t: &Tokens, i: usize) -> Option<Num> {
    let (mut total, mut end, mut last_scale, mut any) = (0.0, i, f64::INFINITY, false);
    loop {
        if any && !t.spaced(end) {
            break;
        }
        let part_start = if any && t.is(end, "and") { end + 1 } else { end };
        let article = t.is_any(part_start, &["a", "an"])
            && (scale_at(t, part_start + 1).is_some() || (t.is(part_start + 1, "dozen") && t.spaced(part_start + 1)));
        let part = if article { Some((1.0, part_start + 1)) } else { below_thousand(t, part_start) };
        let Some((mut v, mut k)) = part else { break };
        if t.is(k, "and") && t.is_any(k + 1, &["a", "an"]) && t.is(k + 2, "half") && t.spaced(k) {
            v += 0.5;
            k += 3;
        }
        if let Some(s) = scale_at(t, k).filter(|&s| s < last_scale) {
            total += v * s;
            last_scale = s;
            end = k + 1;
            any = true;
            continue;
        }
        if t.is(k, "dozen") && t.spaced(k) {
            v *= 12.0;
            k += 1;
        }
        if article && k == part_start + 1 {
            break; // a lone "a"
        }
        total += v;
        end = k;
        any = true;
        break;
    }
    let scale = if last_scale.is_finite() { last_scale } else { 1.0 };
    any.then_some(Num { value: total, start: i, end, form: Form::Words, scale, year_like: false })
}

/// The denominator named by `word` ("third", "quarters").
fn denominator(word: &str, plural: bool) -> Option<f64> {
    FRACTIONS.iter().find_map(|&(one, many, d)| {
        let hit = if plural { word.eq_ignore_ascii_case(many) } else { word.eq_ignore_ascii_case(one) };
        hit.then_some(d)
    })
}

/// "a third", "two thirds", "three-quarters", "half"; with a scale after it
/// ("half a million", "a quarter million", "three-quarters of a million")
/// it is a plain number.
fn fraction(t: &Tokens, i: usize) -> Option<Num> {
    let (numerator, j) = if t.is_any(i, &["a", "an", "one"]) {
        (1.0, i + 1)
    } else if let Some((v, j)) = below_hundred(t, i) {
        (v, j)
    } else {
        (1.0, i)
    };
    let k = if j == i {
        i
    } else if t.is_sym(j, '-') && t.glued(j) && t.glued(j + 1) {
        j + 1
    } else if t.spaced(j) {
        j
    } else {
        return None;
    };
    if j == i && !t.is(k, "half") {
        return None;
    }
    let word = t.str(k);
    let den = denominator(word, numerator > 1.0).or_else(|| denominator(word, numerator <= 1.0))?;
    let mut value = numerator / den;
    let mut end = k + 1;
    let mut form = Form::Fraction;
    let mut scale = 1.0;
    if t.is_any(end, &["a", "an"]) && t.spaced(end) {
        if let Some(s) = scale_at(t, end + 1) {
            scale = s;
            end += 2;
        } else if t.is(end + 1, "dozen") && t.spaced(end + 1) {
            scale = 12.0;
            end += 2;
        }
    } else if let Some(s) = scale_at(t, end) {
        scale = s;
        end += 1;
    } else if t.is(end, "of") && t.is_any(end + 1, &["a", "an"]) {
        if let Some(s) = scale_at(t, end + 2) {
            scale = s;
            end += 3;
        }
    }
    if scale != 1.0 {
        value *= scale;
        form = Form::Words;
    }
    Some(Num { value, start: i, end, form, scale, year_like: false })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Option<f64> {
        parse_whole(s)
    }

    #[test]
    fn digits_with_groupings_and_decimals() {
        assert_eq!(p("1,851,424"), Some(1851424.0));
        assert_eq!(p("1 851 424"), Some(1851424.0));
        assert_eq!(p("2, 233"), Some(2233.0));
        assert_eq!(p("40.96"), Some(40.96));
        assert_eq!(p("6000"), Some(6000.0));
        assert_eq!(p("0.5"), Some(0.5));
        assert_eq!(p("00"), None);
        assert_eq!(p("1,2"), None);
        assert_eq!(p("1.200.000"), Some(1_200_000.0));
        assert_eq!(p("11.09.2017"), None);
        assert_eq!(p("192.168.1.1"), None);
    }

    #[test]
    fn decimal_commas_and_dotted_thousands() {
        let value = |text: &str| match read_number(&Tokens::new(text), 0) {
            Read::Num(n) => Some(n.value),
            _ => None,
        };
        assert_eq!(value("1,5 tons"), Some(1.5));
        assert_eq!(value("2,75 million people"), Some(2_750_000.0));
        assert_eq!(value("1,5 and"), Some(1.0));
        assert_eq!(value("1.200 people"), Some(1200.0));
        assert_eq!(value("1.200 tons"), Some(1.2));
        assert_eq!(value("1.2 people"), Some(1.2));
    }

    #[test]
    fn digits_with_scales() {
        assert_eq!(p("2.9 million"), Some(2_900_000.0));
        assert_eq!(p("300 thousand"), Some(300_000.0));
        assert_eq!(p("1.5 thousand"), Some(1500.0));
        assert_eq!(p("25 mln"), Some(25e6));
        assert_eq!(p("2 dozen"), Some(24.0));
    }

    #[test]
    fn words() {
        assert_eq!(p("four"), Some(4.0));
        assert_eq!(p("twenty-five"), Some(25.0));
        assert_eq!(p("twenty five"), Some(25.0));
        assert_eq!(p("one hundred and twelve"), Some(112.0));
        assert_eq!(p("two thousand five hundred"), Some(2500.0));
        assert_eq!(p("one million two hundred thousand"), Some(1_200_000.0));
        assert_eq!(p("a dozen"), Some(12.0));
        assert_eq!(p("two dozen"), Some(24.0));
        assert_eq!(p("a hundred"), Some(100.0));
        assert_eq!(p("a thousand"), Some(1000.0));
        assert_eq!(p("five and a half"), Some(5.5));
        assert_eq!(p("one and a half million"), Some(1_500_000.0));
    }

    #[test]
    fn fractions() {
        assert_eq!(p("half a million"), Some(500_000.0));
        assert_eq!(p("a quarter million"), Some(250_000.0));
        assert_eq!(p("a quarter of a million"), Some(250_000.0));
        assert_eq!(p("three-quarters"), Some(0.75));
        assert_eq!(p("a third"), Some(1.0 / 3.0));
        assert_eq!(p("two thirds"), Some(2.0 / 3.0));
        assert_eq!(p("half a dozen"), Some(6.0));
    }

    #[test]
    fn not_numbers() {
        for s in ["", "a", "the", "hundred", "thousands", "first", "2017-09-11", "10:30", "24/7", "one two", "5 %"] {
            assert_eq!(p(s), None, "{s:?}");
        }
        assert_eq!(p(&"9".repeat(40)), None);
    }

    #[test]
    fn broken_grouping_is_not_read_inside_lists() {
        let t = Tokens::new("5, 7, 233 and 2, 233");
        let Read::Num(n) = read_number(&t, 4) else { panic!() };
        assert_eq!(n.value, 233.0);
        let Read::Num(n) = read_number(&t, 6) else { panic!() };
        assert_eq!(n.value, 2233.0);
    }
}
