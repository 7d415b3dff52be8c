//! Word lists of the date scanner: month names, the words that make a bare
//! year a date, and the words that show a four-digit number is a count.
//!
//! Every list is lower-case ASCII and sorted, and looked up with a binary
//! search on the lower-cased token (tokens longer than any entry are rejected
//! before lower-casing, so a lookup never allocates much).

/// How a month is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MonthCase {
    /// "July": first letter upper case, the rest lower case.
    Title,
    /// "JULY".
    Upper,
    /// "july".
    Lower,
}

/// A month word: its number, whether it is an abbreviation ("Sept"), how it
/// is cased, and whether the word is also a common English word ("May",
/// "March") and so needs context to stand alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct MonthWord {
    pub month: u8,
    pub abbrev: bool,
    pub case: MonthCase,
    pub ambiguous: bool,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const ABBREVS: [(&str, u8); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

fn case_of(word: &str) -> Option<MonthCase> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let rest_lower = chars.clone().all(|c| c.is_ascii_lowercase());
    let rest_upper = chars.all(|c| c.is_ascii_uppercase());
    match (first.is_ascii_uppercase(), rest_lower, rest_upper) {
        (true, true, _) => Some(MonthCase::Title),
        (true, _, true) => Some(MonthCase::Upper),
        (false, true, _) if first.is_ascii_lowercase() => Some(MonthCase::Lower),
        _ => None,
    }
}

/// The month a word names, if any ("July", "Sept", "DECEMBER").
pub(super) fn month_word(word: &str) -> Option<MonthWord> {
    if word.len() < 3 || word.len() > 9 {
        return None;
    }
    // Most words are refused on their length and first byte.
    if MONTH_FIRST[word.len()] & letter_bit(word.as_bytes()[0]) == 0 {
        return None;
    }
    if !word.is_ascii() {
        return None;
    }
    if let Some(i) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(word)) {
        let month = i as u8 + 1;
        return Some(MonthWord { month, abbrev: false, case: case_of(word)?, ambiguous: month == 3 || month == 5 });
    }
    let &(_, month) = ABBREVS.iter().find(|(a, _)| a.eq_ignore_ascii_case(word))?;
    Some(MonthWord { month, abbrev: true, case: case_of(word)?, ambiguous: true })
}

/// A bit for an ASCII letter of either case (bit 0 for every other byte),
/// to refuse a word on its first byte.
pub(super) const fn letter_bit(b: u8) -> u32 {
    if b.is_ascii_alphabetic() {
        1 << (b.to_ascii_lowercase() - b'a' + 1)
    } else {
        1
    }
}

/// Adds the first letter of each word of `pairs` to the mask of its length.
const fn with_first_letters<T>(mut masks: [u32; 10], pairs: &[(&str, T)]) -> [u32; 10] {
    let mut i = 0;
    while i < pairs.len() {
        let word = pairs[i].0.as_bytes();
        masks[word.len()] |= letter_bit(word[0]);
        i += 1;
    }
    masks
}

/// For each word length, the first letters of the months and their
/// abbreviations of that length (see [`letter_bit`]).
const MONTH_FIRST: [u32; 10] = {
    let mut masks = [0; 10];
    let mut i = 0;
    while i < MONTHS.len() {
        masks[MONTHS[i].len()] |= letter_bit(MONTHS[i].as_bytes()[0]);
        i += 1;
    }
    with_first_letters(masks, &ABBREVS)
};

/// The same for the [`MODIFIERS`].
const MODIFIER_FIRST: [u32; 10] = with_first_letters([0; 10], MODIFIERS);

/// Months, abbreviations or modifiers.
const DATE_WORD_FIRST: [u32; 10] = {
    let mut masks = [0; 10];
    let mut i = 0;
    while i < masks.len() {
        masks[i] = MONTH_FIRST[i] | MODIFIER_FIRST[i];
        i += 1;
    }
    masks
};

fn first_letter_in(masks: &[u32; 10], word: &str) -> bool {
    match (masks.get(word.len()), word.as_bytes().first()) {
        (Some(mask), Some(&b)) => mask & letter_bit(b) != 0,
        _ => false,
    }
}

/// True when `word` (any case) may be one of the [`MODIFIERS`], judged on
/// its length and first byte.
pub(super) fn may_be_modifier(word: &str) -> bool {
    first_letter_in(&MODIFIER_FIRST, word)
}

/// True when `word` may be a month, an abbreviation or a modifier: the
/// only words a date starts with. Judged on its length and first byte.
#[inline]
pub(super) fn may_start_date(word: &str) -> bool {
    first_letter_in(&DATE_WORD_FIRST, word)
}

/// True when `word` (any case) is in the sorted lower-case `list`.
pub(super) fn in_list(list: &[&str], word: &str) -> bool {
    let mut buf = [0u8; 16];
    if word.is_empty() || word.len() > buf.len() || !word.is_ascii() {
        return false;
    }
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    list.binary_search_by(|w| w.as_bytes().cmp(lower)).is_ok()
}

/// Words before a month that show a capitalised "May" or "March" is the
/// month ("in May", "from March", "since the beginning of May").
pub(super) const MONTH_CONTEXT: &[&str] = &[
    "after",
    "and",
    "around",
    "before",
    "between",
    "by",
    "during",
    "early",
    "for",
    "from",
    "in",
    "last",
    "late",
    "mid",
    "next",
    "of",
    "on",
    "or",
    "since",
    "starting",
    "this",
    "through",
    "throughout",
    "till",
    "to",
    "until",
];

/// Words right before a bare year that make it a date with no doubt ("In
/// 2019", "since 2015", "the year 2018", "winter 2018"). A lower-case "in"
/// is handled as a weak trigger by the scanner.
pub(super) const YEAR_STRONG: &[&str] = &[
    "after",
    "autumn",
    "before",
    "during",
    "fy",
    "in",
    "since",
    "spring",
    "summer",
    "throughout",
    "till",
    "until",
    "winter",
    "year",
    "years",
];

/// Words right before a bare year that make it a date unless a counted noun
/// follows ("by 2020", "from 2015", "of 2018" but "a total of 2018 people").
pub(super) const YEAR_WEAK: &[&str] = &["between", "by", "from", "of"];

/// Words before "of" that make the "of" a strong year trigger ("end of 2018").
pub(super) const OF_TIME: &[&str] = &[
    "as",
    "autumn",
    "beginning",
    "end",
    "fall",
    "half",
    "middle",
    "months",
    "quarter",
    "spring",
    "start",
    "summer",
    "winter",
];

/// Words before "of"/"by" that show the figure after them is an amount ("a
/// total of 2018", "increased by 2000").
pub(super) const AMOUNT_BEFORE: &[&str] = &[
    "amount",
    "average",
    "batch",
    "count",
    "declined",
    "decreased",
    "dropped",
    "fell",
    "figure",
    "grew",
    "group",
    "increased",
    "maximum",
    "minimum",
    "number",
    "out",
    "reduced",
    "rose",
    "sum",
    "total",
    "up",
];

/// Words before a number that make it an identifier ("Resolution 2254",
/// "No. 2017").
pub(super) const IDENTIFIER_BEFORE: &[&str] = &[
    "article",
    "code",
    "decree",
    "flight",
    "highway",
    "issue",
    "item",
    "law",
    "no",
    "nr",
    "number",
    "p",
    "page",
    "pp",
    "ref",
    "resolution",
    "room",
    "route",
    "unscr",
    "version",
    "vol",
];

/// Units: a four-digit number before one of these is an amount, never a year.
pub(super) const UNITS: &[&str] = &[
    "billion",
    "calories",
    "cent",
    "cubic",
    "dollars",
    "eur",
    "euro",
    "euros",
    "g",
    "gbp",
    "grams",
    "ha",
    "hectares",
    "hundred",
    "kcal",
    "kg",
    "kilograms",
    "kilometers",
    "kilometres",
    "km",
    "l",
    "liters",
    "litres",
    "m",
    "meters",
    "metres",
    "mi",
    "miles",
    "million",
    "percent",
    "pounds",
    "roubles",
    "rub",
    "rubles",
    "sq",
    "square",
    "syp",
    "t",
    "thousand",
    "ton",
    "tonne",
    "tonnes",
    "tons",
    "usd",
];

/// Counted nouns: after a weak trigger, a four-digit number followed by one
/// of these is a count ("by 2000 people"), and a "Month D" followed by one is
/// a month and a count ("in July 12 families").
pub(super) const COUNTED: &[&str] = &[
    "apartments",
    "bags",
    "beneficiaries",
    "boxes",
    "buildings",
    "buses",
    "cars",
    "cases",
    "casualties",
    "children",
    "citizens",
    "civilians",
    "deaths",
    "doctors",
    "dwellings",
    "facilities",
    "families",
    "fighters",
    "homes",
    "hospitals",
    "households",
    "houses",
    "idps",
    "individuals",
    "inhabitants",
    "injured",
    "items",
    "killed",
    "kits",
    "men",
    "militants",
    "packages",
    "parcels",
    "patients",
    "people",
    "persons",
    "pupils",
    "refugees",
    "residents",
    "returnees",
    "schools",
    "sets",
    "settlements",
    "shelters",
    "soldiers",
    "students",
    "teachers",
    "tents",
    "terrorists",
    "times",
    "towns",
    "troops",
    "trucks",
    "units",
    "vehicles",
    "victims",
    "villages",
    "women",
    "workers",
    "wounded",
];

/// Qualifiers of a year that belong in the span: "the 2018-2019 academic year".
pub(super) const YEAR_QUALIFIERS: &[&str] = &["academic", "budget", "financial", "fiscal", "scholastic", "school"];

/// Words that make a month, year or range "early", "mid", "late" part of the
/// span; the second element says whether "of" must follow ("beginning of").
pub(super) const MODIFIERS: &[(&str, bool)] = &[
    ("beginning", true),
    ("early", false),
    ("end", true),
    ("late", false),
    ("middle", true),
    ("mid", false),
    ("start", true),
];

/// Labels before a document's own date ("date 2017-09-11", "Published:").
pub(super) const DATE_LABELS: &[&str] = &["date", "dated", "issued", "posted", "published", "released", "updated"];

/// Weekday names, allowed before a date on a dateline.
pub(super) const WEEKDAYS: &[&str] = &["friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lower_case_for_binary_search() {
        for list in [
            MONTH_CONTEXT,
            YEAR_STRONG,
            YEAR_WEAK,
            OF_TIME,
            AMOUNT_BEFORE,
            IDENTIFIER_BEFORE,
            UNITS,
            COUNTED,
            YEAR_QUALIFIERS,
            DATE_LABELS,
            WEEKDAYS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.bytes().all(|b| b.is_ascii_lowercase())), "{list:?}");
        }
    }

    #[test]
    fn the_first_letter_filter_keeps_every_month() {
        for (i, m) in MONTHS.iter().enumerate() {
            assert_eq!(month_word(m).map(|w| w.month), Some(i as u8 + 1), "{m}");
        }
        for (a, month) in ABBREVS {
            assert_eq!(month_word(a).map(|w| w.month), Some(month), "{a}");
        }
    }

    #[test]
    fn every_date_word_passes_the_first_letter_test() {
        let words = MONTHS.iter().copied().chain(ABBREVS.iter().map(|a| a.0)).chain(MODIFIERS.iter().map(|m| m.0));
        for w in words {
            for form in [w.to_string(), w.to_uppercase(), w[..1].to_uppercase() + &w[1..]] {
                assert!(may_start_date(&form), "{form}");
            }
        }
        for w in ["the", "in", "people", "", "x", "Septembers", "12"] {
            assert!(!may_start_date(w), "{w}");
        }
    }

    #[test]
    fn month_words_by_case_and_form() {
        let m = month_word("July").unwrap();
        assert_eq!((m.month, m.abbrev, m.case, m.ambiguous), (7, false, MonthCase::Title, false));
        assert_eq!(month_word("SEPTEMBER").unwrap().case, MonthCase::Upper);
        assert_eq!(month_word("june").unwrap().case, MonthCase::Lower);
        assert!(month_word("May").unwrap().ambiguous);
        assert!(month_word("March").unwrap().ambiguous);
        let s = month_word("Sept").unwrap();
        assert_eq!((s.month, s.abbrev), (9, true));
        assert_eq!(month_word("Jan").unwrap().month, 1);
        assert_eq!(month_word("JuLy"), None);
        assert_eq!(month_word("Julyy"), None);
        assert_eq!(month_word("Mayé"), None);
    }

    #[test]
    fn list_lookup_ignores_case() {
        assert!(in_list(YEAR_STRONG, "In"));
        assert!(in_list(UNITS, "TONS"));
        assert!(!in_list(UNITS, "tonsé"));
        assert!(!in_list(UNITS, ""));
    }
}
