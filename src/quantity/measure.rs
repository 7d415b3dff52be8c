//! Units: their spellings after a number ("tons", "sq km", "km²", "per
//! cent", "Syrian pounds", "five-day") and money signs before it ("US $",
//! "$", "USD", "€").
//!
//! In this domain "ton" and "tons" are metric tonnes: every spelling of the
//! ton maps to [`Unit::Tonne`] (`t`).

use super::lexicon::{key, lookup, WordSet, MONEY_SCALES};
use super::token::{Kind, Tokens};
use super::Unit;

/// Whether a spelling must match case exactly (one-letter symbols such as
/// "t", "m", "g", "h", so that "T" or "M" do not read as units).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Any,
    Exact,
}

/// One way to write a unit, as the tokens it spans.
struct Spelling {
    parts: &'static [&'static str],
    unit: Unit,
    case: Case,
}

const fn any(parts: &'static [&'static str], unit: Unit) -> Spelling {
    Spelling { parts, unit, case: Case::Any }
}

const fn exact(parts: &'static [&'static str], unit: Unit) -> Spelling {
    Spelling { parts, unit, case: Case::Exact }
}

/// Every unit spelling after a number. The longest match wins.
const SPELLINGS: &[Spelling] = &[
    // mass: "tons" are metric tonnes here
    any(&["metric", "tons"], Unit::Tonne),
    any(&["metric", "tonnes"], Unit::Tonne),
    any(&["metric", "ton"], Unit::Tonne),
    any(&["metric", "tonne"], Unit::Tonne),
    any(&["tons"], Unit::Tonne),
    any(&["tonnes"], Unit::Tonne),
    any(&["ton"], Unit::Tonne),
    any(&["tonne"], Unit::Tonne),
    exact(&["t"], Unit::Tonne),
    exact(&["MT"], Unit::Tonne),
    any(&["kg"], Unit::Kilogram),
    any(&["kgs"], Unit::Kilogram),
    any(&["kilograms"], Unit::Kilogram),
    any(&["kilogram"], Unit::Kilogram),
    any(&["kilogrammes"], Unit::Kilogram),
    any(&["kilogramme"], Unit::Kilogram),
    any(&["kilos"], Unit::Kilogram),
    any(&["kilo"], Unit::Kilogram),
    exact(&["g"], Unit::Gram),
    any(&["grams"], Unit::Gram),
    any(&["gram"], Unit::Gram),
    any(&["grammes"], Unit::Gram),
    any(&["gramme"], Unit::Gram),
    // length and area
    any(&["km"], Unit::Kilometre),
    any(&["kms"], Unit::Kilometre),
    any(&["kilometers"], Unit::Kilometre),
    any(&["kilometres"], Unit::Kilometre),
    any(&["kilometer"], Unit::Kilometre),
    any(&["kilometre"], Unit::Kilometre),
    exact(&["m"], Unit::Metre),
    any(&["meters"], Unit::Metre),
    any(&["metres"], Unit::Metre),
    any(&["meter"], Unit::Metre),
    any(&["metre"], Unit::Metre),
    any(&["miles"], Unit::Mile),
    any(&["mile"], Unit::Mile),
    exact(&["mi"], Unit::Mile),
    any(&["square", "kilometers"], Unit::SquareKilometre),
    any(&["square", "kilometres"], Unit::SquareKilometre),
    any(&["square", "kilometer"], Unit::SquareKilometre),
    any(&["square", "kilometre"], Unit::SquareKilometre),
    any(&["square", "km"], Unit::SquareKilometre),
    any(&["sq", "km"], Unit::SquareKilometre),
    any(&["sq", ".", "km"], Unit::SquareKilometre),
    any(&["sq", "kilometers"], Unit::SquareKilometre),
    any(&["sq", "kilometres"], Unit::SquareKilometre),
    any(&["km", "2"], Unit::SquareKilometre),
    any(&["km", "\u{b2}"], Unit::SquareKilometre),
    any(&["hectares"], Unit::Hectare),
    any(&["hectare"], Unit::Hectare),
    exact(&["ha"], Unit::Hectare),
    // volume
    any(&["liters"], Unit::Litre),
    any(&["litres"], Unit::Litre),
    any(&["liter"], Unit::Litre),
    any(&["litre"], Unit::Litre),
    exact(&["l"], Unit::Litre),
    exact(&["L"], Unit::Litre),
    any(&["cubic", "meters"], Unit::CubicMetre),
    any(&["cubic", "metres"], Unit::CubicMetre),
    any(&["cubic", "meter"], Unit::CubicMetre),
    any(&["cubic", "metre"], Unit::CubicMetre),
    exact(&["m", "3"], Unit::CubicMetre),
    exact(&["m", "\u{b3}"], Unit::CubicMetre),
    // money
    exact(&["US", "dollars"], Unit::Usd),
    any(&["dollars"], Unit::Usd),
    any(&["dollar"], Unit::Usd),
    exact(&["USD"], Unit::Usd),
    any(&["euros"], Unit::Eur),
    any(&["euro"], Unit::Eur),
    exact(&["EUR"], Unit::Eur),
    any(&["roubles"], Unit::Rub),
    any(&["rubles"], Unit::Rub),
    any(&["rouble"], Unit::Rub),
    any(&["ruble"], Unit::Rub),
    exact(&["RUB"], Unit::Rub),
    any(&["syrian", "pounds"], Unit::Syp),
    any(&["syrian", "pound"], Unit::Syp),
    any(&["syrian", "lira"], Unit::Syp),
    any(&["syrian", "liras"], Unit::Syp),
    exact(&["SYP"], Unit::Syp),
    any(&["pounds", "sterling"], Unit::Gbp),
    any(&["british", "pounds"], Unit::Gbp),
    exact(&["GBP"], Unit::Gbp),
    // energy and temperature
    any(&["kcal"], Unit::Kcal),
    any(&["kilocalories"], Unit::Kcal),
    any(&["kilocalorie"], Unit::Kcal),
    any(&["calories"], Unit::Kcal),
    any(&["\u{b0}", "C"], Unit::Celsius),
    any(&["\u{2103}"], Unit::Celsius),
    any(&["degrees", "celsius"], Unit::Celsius),
    any(&["degrees", "centigrade"], Unit::Celsius),
    // share
    any(&["%"], Unit::Percent),
    any(&["percent"], Unit::Percent),
    any(&["per", "cent"], Unit::Percent),
    any(&["per", "-", "cent"], Unit::Percent),
    any(&["pct"], Unit::Percent),
    // time
    any(&["minutes"], Unit::Minute),
    any(&["minute"], Unit::Minute),
    any(&["mins"], Unit::Minute),
    any(&["min"], Unit::Minute),
    any(&["hours"], Unit::Hour),
    any(&["hour"], Unit::Hour),
    any(&["hrs"], Unit::Hour),
    any(&["hr"], Unit::Hour),
    exact(&["h"], Unit::Hour),
    any(&["days"], Unit::Day),
    any(&["day"], Unit::Day),
    any(&["weeks"], Unit::Week),
    any(&["week"], Unit::Week),
    any(&["months"], Unit::Month),
    any(&["month"], Unit::Month),
    any(&["years"], Unit::Year),
    any(&["year"], Unit::Year),
    any(&["yrs"], Unit::Year),
    any(&["yr"], Unit::Year),
];

/// A unit found after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UnitMatch {
    pub unit: Unit,
    /// The token after the unit.
    pub end: usize,
    /// Written as an adjective with a hyphen ("five-day", "55-kilometer").
    pub hyphen: bool,
}

fn is_alpha(part: &str) -> bool {
    part.chars().all(char::is_alphabetic)
}

/// The token after `sp` if it is written at token `i`.
fn match_at(t: &Tokens, i: usize, sp: &Spelling) -> Option<usize> {
    for (k, part) in sp.parts.iter().enumerate() {
        let pos = i + k;
        let same = match sp.case {
            Case::Exact => t.str(pos) == *part,
            Case::Any => t.str(pos).eq_ignore_ascii_case(part),
        };
        if !same {
            return None;
        }
        if k > 0 {
            let prev = sp.parts[k - 1];
            let joined = if is_alpha(prev) && is_alpha(part) {
                t.spaced(pos)
            } else if prev == "." {
                t.near(pos)
            } else {
                t.glued(pos)
            };
            if !joined {
                return None;
            }
        }
    }
    let end = i + sp.parts.len();
    // "5 km" but not "5 kmh"-like glued continuations, nor "m" of "m3" when only "m" matched
    let continued = t.glued(end) && (t.is_word(end) || t.is_digits(end));
    (!continued).then_some(end)
}

/// The first word of every spelling: a token that is none of these starts
/// no unit, which one look-up tells.
static FIRST_PARTS: WordSet<256> = WordSet::new(&first_parts());

const fn first_parts() -> [&'static str; SPELLINGS.len()] {
    let mut out = [""; SPELLINGS.len()];
    let mut i = 0;
    while i < SPELLINGS.len() {
        out[i] = SPELLINGS[i].parts[0];
        i += 1;
    }
    out
}

/// The key of each spelling's first word, in the order of [`SPELLINGS`].
const FIRST_KEYS: [u128; SPELLINGS.len()] = {
    let mut keys = [0; SPELLINGS.len()];
    let mut i = 0;
    while i < SPELLINGS.len() {
        keys[i] = match key(SPELLINGS[i].parts[0].as_bytes()) {
            Some(k) => k,
            None => panic!("a unit spelling is too long"),
        };
        i += 1;
    }
    keys
};

/// The longest spelling written at token `i` that `keep` accepts.
fn longest(t: &Tokens, i: usize, keep: impl Fn(&Spelling) -> bool) -> Option<(Unit, usize)> {
    let first = t.str(i);
    if !FIRST_PARTS.contains(first) {
        return None;
    }
    let first = key(first.as_bytes())?;
    SPELLINGS
        .iter()
        .zip(FIRST_KEYS)
        .filter(|&(sp, k)| k == first && keep(sp))
        .map(|(sp, _)| sp)
        .filter_map(|sp| match_at(t, i, sp).map(|end| (sp.unit, end)))
        .max_by_key(|&(_, end)| end)
}

/// The unit of the number whose last token is just before `i`: "3.3 tons",
/// "29%", "5km", "74,200 square kilometers", or the hyphenated adjective
/// "five-day" / "24-hour" / "55-kilometer".
pub(crate) fn unit_after(t: &Tokens, i: usize) -> Option<UnitMatch> {
    if t.is_sym(i, '-') && t.glued(i) && t.glued(i + 1) && t.is_word(i + 1) {
        let hyphened = longest(t, i + 1, |sp| sp.parts.iter().all(|p| is_alpha(p)) && sp.unit != Unit::Percent);
        return hyphened.map(|(unit, end)| UnitMatch { unit, end, hyphen: true });
    }
    if !t.near(i) {
        return None;
    }
    longest(t, i, |_| true).map(|(unit, end)| UnitMatch { unit, end, hyphen: false })
}

/// A time unit word at token `i` ("day", "weeks", "hrs"), for rates.
pub(crate) fn time_unit_at(t: &Tokens, i: usize) -> Option<(Unit, usize)> {
    if !t.is_word(i) {
        return None;
    }
    longest(t, i, |sp| sp.unit.is_time() && sp.parts.len() == 1)
}

/// True when the unit word at token `i` is a singular time unit ("day", "week").
pub(crate) fn is_singular_time(t: &Tokens, i: usize) -> bool {
    t.is_any(i, &["minute", "hour", "day", "week", "month", "year"])
}

/// A money sign or code before a number at token `i` ("US $", "$", "USD",
/// "€"): the currency and the token where the number starts.
pub(crate) fn money_before(t: &Tokens, i: usize) -> Option<(Unit, usize)> {
    let (unit, j) = match (t.kind(i)?, t.str(i)) {
        (Kind::Word, "US") if t.is_sym(i + 1, '$') && t.near(i + 1) => (Unit::Usd, i + 2),
        (Kind::Word, "USD") => (Unit::Usd, i + 1),
        (Kind::Word, "EUR") => (Unit::Eur, i + 1),
        (Kind::Word, "GBP") => (Unit::Gbp, i + 1),
        (Kind::Word, "RUB") => (Unit::Rub, i + 1),
        (Kind::Word, "SYP") => (Unit::Syp, i + 1),
        (Kind::Sym, "$") => (Unit::Usd, i + 1),
        (Kind::Sym, "\u{20ac}") => (Unit::Eur, i + 1),
        (Kind::Sym, "\u{a3}") => (Unit::Gbp, i + 1),
        (Kind::Sym, "\u{20bd}") => (Unit::Rub, i + 1),
        _ => return None,
    };
    (t.is_digits(j) && t.near(j)).then_some((unit, j))
}

/// Currency codes outside the contract's units, written before an amount
/// ("JOD 68", "LBP 450,000"): the figure keeps them in its span, with no unit.
const OTHER_CURRENCIES: &[&str] =
    &["LBP", "JOD", "TRY", "IQD", "EGP", "CHF", "JPY", "CAD", "AUD", "SEK", "NOK", "DKK", "KWD", "QAR", "AED", "CNY"];

/// A currency code outside the contract's units before a number at token
/// `i`: the token where the number starts.
pub(crate) fn other_currency_before(t: &Tokens, i: usize) -> Option<usize> {
    let code = t.is_word(i) && OTHER_CURRENCIES.contains(&t.str(i));
    (code && t.is_digits(i + 1) && t.near(i + 1)).then_some(i + 1)
}

/// A one-letter scale glued to an amount of money ("$25m", "$5k"): the
/// factor and the token after it.
pub(crate) fn money_scale(t: &Tokens, i: usize) -> Option<(f64, usize)> {
    if !(t.is_word(i) && t.glued(i)) {
        return None;
    }
    lookup(MONEY_SCALES, t.str(i)).map(|s| (s, i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(text: &str) -> Option<(Unit, bool)> {
        let t = Tokens::new(text);
        unit_after(&t, 1).map(|m| (m.unit, m.hyphen))
    }

    #[test]
    fn spellings() {
        assert_eq!(unit("3 tons"), Some((Unit::Tonne, false)));
        assert_eq!(unit("3 metric tonnes"), Some((Unit::Tonne, false)));
        assert_eq!(unit("3 t of"), Some((Unit::Tonne, false)));
        assert_eq!(unit("3 T"), None);
        assert_eq!(unit("5km"), Some((Unit::Kilometre, false)));
        assert_eq!(unit("5 square kilometers"), Some((Unit::SquareKilometre, false)));
        assert_eq!(unit("5 sq km"), Some((Unit::SquareKilometre, false)));
        assert_eq!(unit("5 sq. km"), Some((Unit::SquareKilometre, false)));
        assert_eq!(unit("5 km²"), Some((Unit::SquareKilometre, false)));
        assert_eq!(unit("5 km2"), Some((Unit::SquareKilometre, false)));
        assert_eq!(unit("5 km 2"), Some((Unit::Kilometre, false)));
        assert_eq!(unit("5 m3"), Some((Unit::CubicMetre, false)));
        assert_eq!(unit("5 Syrian pounds"), Some((Unit::Syp, false)));
        assert_eq!(unit("5 dollars"), Some((Unit::Usd, false)));
        assert_eq!(unit("5 per cent"), Some((Unit::Percent, false)));
        assert_eq!(unit("5%"), Some((Unit::Percent, false)));
        assert_eq!(unit("5 °C"), Some((Unit::Celsius, false)));
        assert_eq!(unit("5-day cycles"), Some((Unit::Day, true)));
        assert_eq!(unit("55-kilometer zone"), Some((Unit::Kilometre, true)));
        assert_eq!(unit("24 hours"), Some((Unit::Hour, false)));
        assert_eq!(unit("24 people"), None);
        assert_eq!(unit("5 tonsils"), None);
    }

    #[test]
    fn money_signs() {
        let t = Tokens::new("US $25 $3 USD 4 € 5 usd 6");
        assert_eq!(money_before(&t, 0), Some((Unit::Usd, 2)));
        assert_eq!(money_before(&t, 3), Some((Unit::Usd, 4)));
        assert_eq!(money_before(&t, 5), Some((Unit::Usd, 6)));
        assert_eq!(money_before(&t, 7), Some((Unit::Eur, 8)));
        assert_eq!(money_before(&t, 9), None);
    }
}
