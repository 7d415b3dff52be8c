//! The scanner: figures read left to right over the tokens.
//!
//! At each token it tries, in order: a money sign, a number, a range, the
//! checks that rule the number out (identifiers, dates, years, ordinals,
//! list markers), a unit, the counted noun phrase, a rate, and the
//! approximation words before it. Every step looks at a bounded number of
//! tokens around the figure, and the scan resumes after what it consumed,
//! so the whole pass is linear in the length of the text.

use super::approx::approx_before;
use super::exclude::{excluded_after, excluded_before, listed_identifier, name_label};
use super::item::{self, head_word, Phrase};
use super::lexicon::{
    can_start_number, ends_with_ci, is_count_noun, is_month, is_number_word, is_plural, is_stop_word, plural_of,
    WordSet, DATE_PREPOSITIONS, OR_FILLERS, PERIOD_ORDINALS, TIME_NOUNS, WEAK_DATE_PREPOSITIONS,
};
use super::measure::{money_before, money_scale, other_currency_before, unit_after};
use super::number::{code_run_end, read_number, Form, Num, Read};
use super::rate::{rate_after, rate_before};
use super::token::{Kind, Tokens};
use super::Unit;
use crate::mention::{Quantity, Rate};

/// What the second pass should look for, for a figure whose text does not
/// name what it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Need {
    /// Nothing: the figure is complete.
    Nothing,
    /// A bare count ("more than 34,351"): take the item from a parallel phrase.
    Count,
    /// A share with no "of" phrase ("(40.96%)"): take the whole's item.
    Share,
    /// A weight with no "of" phrase ("a total weight of 3.5 tons"): take the
    /// item of the count it weighs.
    Measure,
}

/// A figure found by the scanner, over tokens `first..last`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    pub first: usize,
    pub last: usize,
    pub quantity: Quantity,
    pub need: Need,
    /// `quantity.item` holds only modifiers ("educational"), waiting for the
    /// noun of the next figure.
    pub dangling: bool,
}

/// Why there is no figure at a token.
enum NoFigure {
    /// Numbers that are not a quantity; resume at this token.
    Skip(usize),
    /// Nothing numeric here.
    Nothing,
}

/// The upper end of a range after a number.
struct Range {
    low: f64,
    high: f64,
    end: usize,
    /// Joined by "to" (so "from" before it belongs to the span).
    by_to: bool,
    high_year_like: bool,
}

/// Every figure in the text, in order, never overlapping.
pub(crate) fn scan(t: &Tokens) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    for &at in t.starts() {
        if at < i || !may_start_figure(t, at) {
            continue;
        }
        i = at;
        let floor = out.last().map_or(0, |f| f.last);
        match figure_at(t, i, floor) {
            Ok(f) => {
                i = f.last.max(i + 1);
                out.push(f);
            }
            Err(NoFigure::Skip(next)) => i = next.max(i + 1),
            Err(NoFigure::Nothing) => i += 1,
        }
    }
    out
}

/// A cheap gate before the figure grammar: digits, a money sign, a word
/// that can start a number in words, or a currency code. Most tokens of a
/// text fail it at once.
#[inline]
fn may_start_figure(t: &Tokens, i: usize) -> bool {
    let s = t.str(i);
    match t.kind(i) {
        Some(Kind::Digits) => true,
        Some(Kind::Word) if can_start_number(s) => {
            // "a dozen", "a third", "a hundred", "a million"; not every article
            s.len() > 2
                || !(s.eq_ignore_ascii_case("a") || s.eq_ignore_ascii_case("an"))
                || can_follow_article(t.str(i + 1))
        }
        Some(Kind::Word) => s.len() <= 3 && s.as_bytes()[0].is_ascii_uppercase(),
        Some(Kind::Sym) => !s.is_ascii() || s == "$",
        None => false,
    }
}

/// Words after "a" that make it a number: scales, "dozen", fractions.
fn can_follow_article(word: &str) -> bool {
    static WORDS: WordSet<32> = WordSet::new(&[
        "hundred", "thousand", "million", "billion", "trillion", "dozen", "half", "third", "quarter", "fourth",
        "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    ]);
    WORDS.contains(word)
}

/// The number part of a figure: money sign, number and range.
struct Core {
    money: Option<Unit>,
    /// The token where the number starts (after a money sign).
    at: usize,
    num: Num,
    range: Option<Range>,
    /// The token after the number or range.
    end: usize,
    between: bool,
    /// A currency code outside the contract's units opens the figure ("JOD 68").
    code: bool,
}

/// The measure read after the number.
struct Measure {
    /// A ratio ("1 in 5") read as a share: its item follows it.
    ratio: bool,
    unit: Option<Unit>,
    value: f64,
    low: Option<f64>,
    high: Option<f64>,
    end: usize,
    hyphen: bool,
}

/// The figure that starts at token `i`, if any. `floor` is the first token
/// the figure may take (the end of the previous one).
fn figure_at(t: &Tokens, i: usize, floor: usize) -> Result<Figure, NoFigure> {
    let core = read_core(t, i, floor)?;
    let mut measure = read_measure(t, &core).ok_or(NoFigure::Skip(core.end))?;
    let mut reading = if measure.ratio {
        ratio_item(t, measure.end)
    } else {
        read_item(t, measure.end, measure.unit, measure.hyphen, measure.value)
    };
    if measure.unit.is_none() && !reading.counted && age_before(t, core.at) {
        measure.unit = Some(Unit::Year); // "aged 5 to 17", "children under five"
        reading = ItemReading::bare(measure.end, Need::Nothing);
    }
    if core.code {
        reading = ItemReading::bare(measure.end, Need::Nothing); // "JOD 68": an amount of money
    }
    let (mut per, end) = read_rate(t, &reading);
    let first = span_first(t, i, floor, &core, measure.unit);
    let (approx, start) = approx_before(t, first, floor);
    let has_approx = start < first;
    if per.is_none() && !measure.unit.is_some_and(|u| u.is_time()) {
        per = rate_before(t, start); // "Every day, 1,500 people cross"
    }

    if core.num.year_like && core.money.is_none() && !keeps_year(t, core.at, measure.unit, &reading, has_approx) {
        return Err(NoFigure::Skip(core.end));
    }
    let label = name_label(t, core.at) || listed_identifier(t, core.at);
    if core.money.is_none() && !core.code && label && !counts_something(&reading, measure.unit) {
        return Err(NoFigure::Skip(core.end)); // "Rossiya 24", "Resolution 2254 demands", "resolutions 2139, 2165"
    }
    let in_parens = start > 0 && t.is_sym(start - 1, '(') && t.is_sym(end, ')');
    let marked = has_approx || core.range.is_some() || in_parens;
    if core.num.form == Form::Words
        && measure.unit.is_none()
        && !keeps_word_count(t, &reading, measure.value, end, marked)
    {
        return Err(NoFigure::Skip(core.num.end));
    }
    let quantity = Quantity {
        value: if core.range.is_some() { None } else { Some(measure.value) },
        low: measure.low,
        high: measure.high,
        unit: measure.unit,
        item: reading.item,
        approx,
        per,
        where_: None,
    };
    Ok(Figure { first: start, last: end, quantity, need: reading.need, dangling: reading.dangling })
}

/// Money sign, number and range at token `i`, or the step to take when
/// there is none or it is ruled out (identifiers, dates, ranges of years).
fn read_core(t: &Tokens, i: usize, floor: usize) -> Result<Core, NoFigure> {
    let (money, at, code) = match (money_before(t, i), other_currency_before(t, i)) {
        (Some((unit, j)), _) => (Some(unit), j, false),
        (None, Some(j)) => (None, j, true),
        (None, None) => (None, i, false),
    };
    if money.is_none() && at > 0 && t.is_sym(at - 1, '+') && t.glued(at) && t.is_digits(at) {
        return Err(NoFigure::Skip(code_run_end(t, at))); // "+963 11 331 0011", "UTC+3"
    }
    let num = match read_number(t, at) {
        Read::Num(n) => n,
        Read::Skip(end) => return Err(NoFigure::Skip(end)),
        Read::None => return Err(NoFigure::Nothing),
    };
    let between = i > floor && t.is(i - 1, "between");
    let range = range_after(t, &num, between);
    let end = range.as_ref().map_or(num.end, |r| r.end);
    let last_value = range.as_ref().map_or(num.value, |r| r.high);
    let ruled_out = (money.is_none() && !code && excluded_before(t, at, num.value))
        || excluded_after(t, at, end, last_value)
        || (num.year_like && range.as_ref().is_some_and(|r| r.high_year_like)); // "2018-2019"
    if ruled_out {
        return Err(NoFigure::Skip(end));
    }
    Ok(Core { money, at, num, range, end, between, code })
}

/// The unit after the number (or a money scale after an amount), with the
/// value scaled, signed or turned into a share. `None` rules the figure out:
/// letters glued to digits ("61st"), a bare fraction with no "of", a period
/// after "every" ("every two weeks" is a rate, not a duration).
fn read_measure(t: &Tokens, core: &Core) -> Option<Measure> {
    let r = core.range.as_ref();
    let mut m = Measure {
        unit: core.money,
        value: core.num.value,
        low: r.map(|r| r.low),
        high: r.map(|r| r.high),
        end: core.end,
        hyphen: false,
        ratio: false,
    };
    if core.money.is_some() {
        if let Some((scale, e)) = money_scale(t, core.end) {
            m.value *= scale;
            m.low = m.low.map(|v| v * scale);
            m.high = m.high.map(|v| v * scale);
            m.end = e;
        }
    } else if let Some((scale, e)) = million_before_noun(t, core.end) {
        m.value *= scale;
        m.end = e;
    } else if let Some(u) = unit_after(t, core.end) {
        (m.unit, m.end, m.hyphen) = (Some(u.unit), u.end, u.hyphen);
    }
    if m.end == core.end && t.is_word(m.end) && t.glued(m.end) {
        return None; // "61st", "1990s", "4ed"
    }
    let start = core.num.start;
    if m.unit.is_some_and(|u| u.is_time()) && !m.hyphen && start > 0 && t.is_any(start - 1, &["every", "each", "per"]) {
        return None;
    }
    if negative(t, core, m.unit) {
        m.value = -m.value;
    }
    if let Some((whole, end)) = ratio_after(t, core, m.unit) {
        m.value = core.num.value / whole * 100.0; // "one in five" → 20 %
        (m.unit, m.end, m.ratio) = (Some(Unit::Percent), end, true);
    }
    if core.num.form == Form::Fraction {
        let period = start > 0 && t.is_any(start - 1, PERIOD_ORDINALS);
        let of_whole = t.is(m.end, "of") && !t.is_digits(m.end + 1);
        if m.unit.is_some() || r.is_some() || period || !of_whole {
            return None;
        }
        m.value *= 100.0;
        m.unit = Some(Unit::Percent);
    }
    Some(m)
}

/// "1 in 5 households", "one in every four children": the whole of a ratio
/// (a small count larger than the part, with no unit after it) and the
/// token after it.
fn ratio_after(t: &Tokens, core: &Core, unit: Option<Unit>) -> Option<(f64, usize)> {
    let part = core.num.value;
    let plain = unit.is_none() && core.range.is_none() && core.money.is_none() && part.fract() == 0.0;
    if !(plain && t.is(core.end, "in") && t.spaced(core.end)) {
        return None;
    }
    let at = if t.is(core.end + 1, "every") { core.end + 2 } else { core.end + 1 };
    let Read::Num(whole) = read_number(t, at) else { return None };
    let fits = whole.value.fract() == 0.0 && part < whole.value && whole.value <= 100.0 && !whole.year_like;
    (fits && t.spaced(at) && unit_after(t, whole.end).is_none()).then_some((whole.value, whole.end))
}

/// "1.5m people": a glued "m" or "k" before a plural noun is a scale, not metres.
fn million_before_noun(t: &Tokens, end: usize) -> Option<(f64, usize)> {
    let (scale, e) = money_scale(t, end)?;
    (t.spaced(e) && t.is_word(e) && is_plural(t.str(e))).then_some((scale, e))
}

/// "-5 °C", "minus 10 degrees Celsius": a minus sign or word before a temperature.
fn negative(t: &Tokens, core: &Core, unit: Option<Unit>) -> bool {
    let at = core.at;
    let sign = at > 0
        && t.is_sym_in(at - 1, &['-', '\u{2212}'])
        && t.glued(at)
        && !(t.glued(at - 1) && (t.is_word(at - 2) || t.is_digits(at - 2)));
    let word = at > 0 && t.is(at - 1, "minus") && t.spaced(at);
    unit == Some(Unit::Celsius) && (sign || word)
}

/// The rate after the figure: right after its span, or after an item kept
/// outside it ("5 tons of flour per day", which then joins the span).
fn read_rate(t: &Tokens, reading: &ItemReading) -> (Option<Rate>, usize) {
    if let Some((rate, e)) = rate_after(t, reading.span_end) {
        return (Some(rate), e);
    }
    match reading.outside_end.and_then(|o| rate_after(t, o)) {
        Some((rate, e)) => (Some(rate), e),
        None => (verb_rate(t, reading), reading.span_end),
    }
}

/// "1,500 people cross daily", "300 trucks enter every day": a rate adverb
/// after the one verb that follows a counted noun is the count's rate (it
/// stays outside the span).
fn verb_rate(t: &Tokens, reading: &ItemReading) -> Option<Rate> {
    let verb = reading.span_end;
    let plain_verb = reading.counted
        && t.is_word(verb)
        && t.spaced(verb)
        && !t.is_upper(verb)
        && !is_stop_word(t.str(verb))
        && !is_plural(t.str(verb))
        && !is_number_word(t.str(verb));
    if !plain_verb || !t.is_any(verb + 1, &["daily", "weekly", "monthly", "every", "each", "per"]) {
        return None;
    }
    rate_after(t, verb + 1).map(|(rate, _)| rate)
}

/// The first token of the span before any approximation: the minus sign of
/// a temperature, "between" or "from" of a range, or the figure itself.
fn span_first(t: &Tokens, i: usize, floor: usize, core: &Core, unit: Option<Unit>) -> usize {
    if core.code {
        return i;
    }
    if core.money.is_none() && negative(t, core, unit) && core.at > floor {
        return core.at - 1;
    }
    let keyword = core.range.as_ref().is_some_and(|r| core.between || (r.by_to && i > floor && t.is(i - 1, "from")));
    if keyword {
        i - 1
    } else {
        i
    }
}

/// "24-48", "two-three", "10 to 15", "between 10 and 15": the upper end of
/// a range after `num`. The upper end must be larger.
fn range_after(t: &Tokens, num: &Num, between: bool) -> Option<Range> {
    let k = num.end;
    let dash = t.is_sym_in(k, &['-', '\u{2013}', '\u{2014}']);
    let by_to = t.is(k, "to");
    let joined = if dash {
        (t.glued(k) && t.glued(k + 1)) || (t.spaced(k) && t.spaced(k + 1) && !num.year_like)
    } else {
        (by_to || (between && t.is(k, "and"))) && t.spaced(k) && t.spaced(k + 1)
    };
    if !joined || num.form == Form::Fraction {
        return None;
    }
    let Read::Num(upper) = read_number(t, k + 1) else {
        return None;
    };
    if upper.form != num.form || (num.year_like && !upper.year_like) {
        return None;
    }
    let low = if num.scale == 1.0 && upper.scale > 1.0 { num.value * upper.scale } else { num.value };
    (upper.value > low).then_some(Range {
        low,
        high: upper.value,
        end: upper.end,
        by_to,
        high_year_like: upper.year_like,
    })
}

/// The item found after a figure and where the span ends.
struct ItemReading {
    item: Option<String>,
    /// The token after the span (after the counted noun if it joins the span).
    span_end: usize,
    /// The token after an item that stays outside the span ("of food products").
    outside_end: Option<usize>,
    need: Need,
    dangling: bool,
    /// The item is a noun phrase right after the number ("50 backpacks").
    counted: bool,
}

impl ItemReading {
    /// No item: the span ends at `end`.
    fn bare(end: usize, need: Need) -> ItemReading {
        ItemReading { item: None, span_end: end, outside_end: None, need, dangling: false, counted: false }
    }
}

/// Words before a bare number that make it an age in years: "aged 5 to
/// 17", "aged between 5 and 17", "under the age of five", "at age 12".
const AGE_WORDS: &[&str] = &["aged", "age", "ages"];

/// Nouns for people that an age limit follows ("children under five").
const AGED_PEOPLE: &[&str] =
    &["children", "child", "girls", "boys", "people", "persons", "adults", "women", "men", "infants", "youth"];

/// True when the number at token `at` is an age: after "aged", "age (of)",
/// or after "under"/"over" that follow a noun for people.
fn age_before(t: &Tokens, at: usize) -> bool {
    let before = |k: usize| at.checked_sub(k);
    let is = |k: usize, words: &[&str]| before(k).is_some_and(|p| t.is_any(p, words));
    is(1, AGE_WORDS)
        || (is(1, &["between", "from", "of"]) && is(2, AGE_WORDS))
        || (is(1, &["under", "over", "below", "above"]) && is(2, AGED_PEOPLE))
}

/// "three of the 12 health facilities", "10 of 14 governorates", "nine out
/// of ten households": the token
/// where the whole's figure starts, when "of" joins it to the part ending
/// before token `end`.
pub(crate) fn part_of_figure(t: &Tokens, end: usize) -> Option<usize> {
    let of = if t.is(end, "out") && t.spaced(end + 1) { end + 1 } else { end };
    if !(t.is(of, "of") && t.spaced(of)) {
        return None;
    }
    let k = if t.is_any(of + 1, &["the", "all"]) { of + 2 } else { of + 1 };
    let number = t.is_digits(k) || (is_number_word(t.str(k)) && !t.is_any(k, &["hundred", "thousand", "million"]));
    (number && t.spaced(k)).then_some(k)
}

/// Reads the item after a figure ending before token `end`, by unit.
fn read_item(t: &Tokens, end: usize, unit: Option<Unit>, hyphen: bool, value: f64) -> ItemReading {
    let none = |need| ItemReading::bare(end, need);
    let inside = |p: Phrase| ItemReading {
        span_end: p.end,
        item: Some(p.item),
        outside_end: None,
        need: Need::Nothing,
        dangling: p.dangling,
        counted: true,
    };
    let outside = |p: Phrase| ItemReading {
        span_end: end,
        outside_end: Some(p.end),
        item: Some(p.item),
        need: Need::Nothing,
        dangling: p.dangling,
        counted: false,
    };
    match unit {
        None if hyphen_count(t, end, value) => ItemReading {
            item: Some(t.str(end + 1).to_lowercase()), // "five-member", "a 50-bed hospital"
            span_end: end + 2,
            outside_end: None,
            need: Need::Nothing,
            dangling: false,
            counted: true,
        },
        None => {
            if let Some(p) = item::counted(t, end, value == 1.0).or_else(|| item::partitive(t, end)) {
                inside(p)
            } else if let Some(p) = item::predicate(t, end) {
                outside(p)
            } else {
                none(Need::Count)
            }
        }
        Some(_) if hyphen => match item::after_adjective(t, end) {
            Some((p, true)) => inside(p),
            Some((p, false)) => outside(p),
            None => none(Need::Nothing),
        },
        Some(u) if u.is_time() => item::time_item(t, end).map_or(none(Need::Nothing), outside),
        Some(Unit::Percent) => item::of_phrase(t, end).map_or(none(Need::Share), outside),
        Some(u) => {
            let weighs = matches!(u, Unit::Tonne | Unit::Kilogram | Unit::Gram | Unit::Litre | Unit::CubicMetre);
            item::of_phrase(t, end).map_or(none(if weighs { Need::Measure } else { Need::Nothing }), outside)
        }
    }
}

/// "five-member", "50-bed": a count written as an adjective with a hyphen
/// and a noun that is not a unit (those are read as units).
fn hyphen_count(t: &Tokens, end: usize, value: f64) -> bool {
    let word = t.str(end + 1);
    value < 1000.0
        && t.is_sym(end, '-')
        && t.glued(end)
        && t.is_word(end + 1)
        && t.glued(end + 1)
        && !(t.is_sym(end + 2, '-') && t.glued(end + 2))
        && !is_stop_word(word)
        && !is_number_word(word)
}

/// The item of a ratio: the noun phrase after it, outside the span ("1 in 5"
/// refugee households).
fn ratio_item(t: &Tokens, end: usize) -> ItemReading {
    match item::counted(t, end, false) {
        Some(p) if !p.dangling => ItemReading {
            span_end: end,
            outside_end: Some(p.end),
            item: Some(p.item),
            need: Need::Nothing,
            dangling: false,
            counted: false,
        },
        _ => ItemReading::bare(end, Need::Share),
    }
}

/// Words that own a year rather than count with it ("the 2019 returns",
/// "its 2020 budget").
const OWNERS: &[&str] = &["the", "its", "their", "this", "that", "last", "next", "whose", "our"];

/// A four-digit year-like number is a quantity only with a measure unit,
/// an approximation, or a counted noun after it that no date preposition
/// contradicts ("2000 tons", "about 2000", "2000 families" but not "in
/// 2019", "(2018)", "2019 academic year").
fn keeps_year(t: &Tokens, j: usize, unit: Option<Unit>, reading: &ItemReading, has_approx: bool) -> bool {
    let measure = unit.is_some_and(|u| !u.is_time() && u != Unit::Percent);
    let date_word = j > 0 && {
        let p = j - 1;
        if t.is_any(p, WEAK_DATE_PREPOSITIONS) {
            p > 0 && (t.is_any(p - 1, TIME_NOUNS) || is_month(t.str(p - 1)) || t.is_digits(p - 1))
        } else {
            let owner = t.is_any(p, OWNERS) || ends_with_ci(t.str(p), "'s") || ends_with_ci(t.str(p), "\u{2019}s");
            t.is_any(p, DATE_PREPOSITIONS) || is_month(t.str(p)) || owner // "UNHCR's 2019 requirements"
        }
    };
    measure || has_approx || (reading.counted && !reading.dangling && !date_word)
}

/// True when the figure has a unit or counts a domain count noun right after it.
fn counts_something(reading: &ItemReading, unit: Option<Unit>) -> bool {
    let counted = reading.counted && reading.item.as_deref().is_some_and(|it| is_count_noun(head_word(it)));
    unit.is_some() || counted
}

/// A number in words with no unit is kept with a counted noun (but "one"
/// only with a domain count noun: "one convoy", not "on the one hand"), or
/// when an approximation, a range, parentheses or a following "or N" shows
/// it is a figure ("two-three or even four times"), or when it is a part of
/// a figure after it ("three of the 12 health facilities").
fn keeps_word_count(t: &Tokens, reading: &ItemReading, value: f64, end: usize, marked: bool) -> bool {
    match &reading.item {
        Some(item) if reading.counted => {
            let head = head_word(item);
            value != 1.0 || is_count_noun(head) || is_count_noun(&plural_of(head))
        }
        _ => {
            let joined = value != 1.0 && marked;
            (value != 0.0 && (joined || or_follows(t, end))) || part_of_figure(t, end).is_some()
        }
    }
}

/// "or even four": another figure joined by "or" starts after token `end`.
fn or_follows(t: &Tokens, end: usize) -> bool {
    if !t.is(end, "or") {
        return false;
    }
    let mut k = end + 1;
    while t.is_any(k, OR_FILLERS) {
        k += 1;
    }
    t.is_digits(k) || is_number_word(t.str(k))
}

/// The token where the figure joined to the one ending before `end` by
/// "or" (and fillers such as "even") starts.
pub(crate) fn or_target(t: &Tokens, end: usize) -> Option<usize> {
    if !t.is(end, "or") {
        return None;
    }
    let mut k = end + 1;
    while t.is_any(k, OR_FILLERS) {
        k += 1;
    }
    Some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<String> {
        let t = Tokens::new(text);
        scan(&t).iter().map(|f| t.slice(f.first, f.last).to_string()).collect()
    }

    #[test]
    fn spans_cover_approximation_number_unit_noun_and_rate() {
        assert_eq!(spans("There are about 60,000 people in the camps."), ["about 60,000 people"]);
        assert_eq!(spans("needs more than 1,000 tons of food"), ["more than 1,000 tons"]);
        assert_eq!(
            spans("approximately 3500 people per every 5 days."),
            ["approximately 3500 people per every 5 days"]
        );
        assert_eq!(spans("by five-day cycles, and"), ["five-day cycles"]);
        assert_eq!(spans("allocate approximately US $25 million to"), ["approximately US $25 million"]);
        assert_eq!(spans("for usually 24-48 hours and"), ["24-48 hours"]);
        assert_eq!(spans("between 10 and 15 trucks"), ["between 10 and 15 trucks"]);
        assert_eq!(spans("from 10 to 15 tons"), ["from 10 to 15 tons"]);
    }

    #[test]
    fn years_and_dates_are_skipped() {
        assert!(spans("in 2019 alone").is_empty());
        assert!(spans("674,000 (2017)").len() == 1);
        assert!(spans("the 2018-2019 academic year").is_empty());
        assert!(spans("on 12 July 2019, and 9-12 July, May 3-4, September 11, 2017 and 2017-09-11").is_empty());
        assert_eq!(spans("about 2000 families"), ["about 2000 families"]);
        assert_eq!(spans("2000 families"), ["2000 families"]);
    }
}
