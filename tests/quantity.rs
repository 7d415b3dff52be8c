//! Quantities through the public API: `parse_number` and the extractor.

use proptest::prelude::*;
use tallystick::{parse_number, Approx, Extractor, Mention, MentionKind, Unit};

fn extractor() -> Extractor {
    Extractor::builder().bundled(false).kinds([MentionKind::Quantity]).build().expect("an extractor")
}

fn quantities(text: &str) -> Vec<Mention> {
    extractor().extract(text)
}

/// Every mention slices the text exactly, in order, never overlapping.
fn assert_well_formed(text: &str, found: &[Mention]) {
    for m in found {
        assert_eq!(text.get(m.span.start..m.span.end), Some(m.text.as_str()));
        assert_eq!(m.chars.end - m.chars.start, m.text.chars().count());
    }
    for w in found.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "{:?} overlaps {:?}", w[0].text, w[1].text);
    }
}

// ------------------------------------------------------------ rendering

fn with_commas(n: u64) -> String {
    group(n, ",")
}

fn group(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

fn below_thousand(n: u64, british_and: bool) -> String {
    let (h, rest) = (n / 100, n % 100);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(format!("{} hundred", ONES[h as usize]));
        if rest > 0 && british_and {
            parts.push("and".to_string());
        }
    }
    if rest > 0 || h == 0 {
        parts.push(if rest < 20 {
            ONES[rest as usize].to_string()
        } else if rest % 10 == 0 {
            TENS[(rest / 10) as usize].to_string()
        } else {
            format!("{}-{}", TENS[(rest / 10) as usize], ONES[(rest % 10) as usize])
        });
    }
    parts.join(" ")
}

/// English words for `n` ("two thousand five hundred").
fn words(n: u64, british_and: bool) -> String {
    if n == 0 {
        return "zero".into();
    }
    let scales = [(1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")];
    let (mut rest, mut parts) = (n, Vec::new());
    for (size, name) in scales {
        if rest >= size {
            parts.push(format!("{} {name}", below_thousand(rest / size, british_and)));
            rest %= size;
        }
    }
    if rest > 0 {
        parts.push(below_thousand(rest, british_and));
    }
    parts.join(" ")
}

// ------------------------------------------------------------ properties

proptest! {
    #[test]
    fn grouped_numbers_parse_back(n in 0u64..1_000_000_000_000) {
        prop_assert_eq!(parse_number(&n.to_string()), Some(n as f64));
        prop_assert_eq!(parse_number(&with_commas(n)), Some(n as f64));
        prop_assert_eq!(parse_number(&group(n, " ")), Some(n as f64));
        prop_assert_eq!(parse_number(&group(n, "\u{a0}")), Some(n as f64));
        if (1000..1_000_000).contains(&n) {
            prop_assert_eq!(parse_number(&group(n, ", ")), Some(n as f64));
        }
    }

    #[test]
    fn decimals_and_scales_parse_back(whole in 0u64..1000, tenths in 0u64..10) {
        let text = format!("{whole}.{tenths} million");
        let expected = (whole as f64 + tenths as f64 / 10.0) * 1e6;
        let got = parse_number(&text).unwrap();
        prop_assert!((got - expected).abs() <= expected * 1e-12, "{} -> {}", text, got);
    }

    #[test]
    fn numbers_in_words_parse_back(n in 0u64..1_000_000_000_000, british in any::<bool>()) {
        let text = words(n, british);
        prop_assert_eq!(parse_number(&text), Some(n as f64), "{}", text);
    }

    #[test]
    fn counts_in_sentences_read_back(n in 2u64..100_000_000, british in any::<bool>(), in_words in any::<bool>()) {
        let number = if in_words { words(n, british) } else { with_commas(n) };
        let text = format!("Over the past day, more than {number} refugees have returned.");
        let found = quantities(&text);
        prop_assert_eq!(found.len(), 1, "{}", text);
        let q = found[0].quantity().unwrap();
        prop_assert_eq!(q.value, Some(n as f64));
        prop_assert_eq!(q.approx, Approx::MoreThan);
        prop_assert_eq!(q.item.as_deref(), Some("refugees"));
        prop_assert_eq!(&found[0].text, &format!("more than {number} refugees"));
    }

    #[test]
    fn any_unicode_is_safe(text in any::<String>()) {
        let found = quantities(&text);
        assert_well_formed(&text, &found);
        let _ = parse_number(&text);
    }

    #[test]
    fn any_bytes_are_safe(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let found = quantities(&text);
        assert_well_formed(&text, &found);
    }

    #[test]
    fn number_soup_is_safe(parts in proptest::collection::vec(
        prop_oneof![
            Just("1"), Just(","), Just(", "), Just("."), Just("-"), Just(" "), Just("2017"), Just("million"),
            Just("one"), Just("and"), Just("a"), Just("half"), Just("third"), Just("of"), Just("tons"), Just("%"),
            Just("("), Just(")"), Just("US $"), Just("per"), Just("every"), Just("day"), Just("July"),
            Just("more than"), Just("people"), Just("No."), Just("\n"), Just("twenty"), Just("–"), Just("²"),
        ],
        0..60,
    )) {
        let text: String = parts.concat();
        let found = quantities(&text);
        assert_well_formed(&text, &found);
    }
}

// ------------------------------------------------------------ big inputs

/// Inputs of a megabyte finish (no panic, no quadratic blow-up: the unit
/// tests count token reads to show the work is linear).
#[test]
fn megabyte_inputs_finish() {
    let ex = extractor();
    let digits = "7".repeat(1 << 20);
    assert!(ex.extract(&digits).is_empty());
    let ones = "1,".repeat(1 << 19);
    let found = ex.extract(&ones);
    assert_well_formed(&ones, &found);
    let glued: String = "about5tons-of-food(5)".repeat((1 << 20) / 21);
    assert_well_formed(&glued, &ex.extract(&glued));
    let words = "two thousand ".repeat((1 << 20) / 13);
    assert_well_formed(&words, &ex.extract(&words));
}

/// Doubling a text doubles what is found: each figure is read from its own
/// neighbourhood only.
#[test]
fn doubled_text_doubles_the_findings() {
    let paragraph = "Citizens of Deir ez-Zor received 3.3 tons of food products. The Turkish party has registered \
                     7 cases of ceasefire violations in Damascus (5), and Hama (2). About 60,000 people live there.\n";
    let one = quantities(paragraph).len();
    let many = quantities(&paragraph.repeat(200)).len();
    assert_eq!(one, 5);
    assert_eq!(many, 200 * one);
}

// ------------------------------------------------------------ examples

#[test]
fn bulletin_sample() {
    let text = "Over the past day, approximately 1,250 people have returned to Eastern Ghouta.\n\
                Residents of Deir-ez-Zour received more than 2.5 tonnes of flour and 600 food packages.\n\
                UNHCR says some 160,000 people have been displaced since 9 October. About 70,000 of them are children.\n\
                The al-Hol camp hosts more than 68,000 residents, 94% of them women and children.\n\
                The UN has requested US $26 million to respond to needs over the next three months.";
    let found = quantities(text);
    type Row<'a> = (&'a str, Option<f64>, Option<Unit>, Option<&'a str>);
    let got: Vec<Row> = found
        .iter()
        .map(|m| {
            let q = m.quantity().unwrap();
            (m.text.as_str(), q.value, q.unit, q.item.as_deref())
        })
        .collect();
    assert_eq!(
        got,
        [
            ("approximately 1,250 people", Some(1250.0), None, Some("people")),
            ("more than 2.5 tonnes", Some(2.5), Some(Unit::Tonne), Some("flour")),
            ("600 food packages", Some(600.0), None, Some("food packages")),
            ("some 160,000 people", Some(160_000.0), None, Some("people")),
            ("About 70,000", Some(70_000.0), None, Some("children")),
            ("more than 68,000 residents", Some(68_000.0), None, Some("residents")),
            ("94%", Some(94.0), Some(Unit::Percent), Some("residents")),
            ("US $26 million", Some(26e6), Some(Unit::Usd), None),
            ("three months", Some(3.0), Some(Unit::Month), None),
        ]
    );
}

#[test]
fn json_of_a_range_with_a_rate() {
    let text = "airdropped every week - two-three or even four times.";
    let found = quantities(text);
    assert_eq!(
        found[0].to_json(),
        r#"{"kind":"quantity","start":24,"end":33,"text":"two-three","value":null,"low":2.0,"high":3.0,"unit":null,"item":"times","approx":"exact","per":{"value":1.0,"unit":"week"}}"#
    );
}

// ------------------------------------------------------------ table of sentences

/// One expected quantity of `tests/fixtures/quantities.tsv`.
struct Expected {
    line: usize,
    span: String,
    value: Option<f64>,
    range: Option<(f64, f64)>,
    unit: Option<String>,
    item: ItemCheck,
    approx: String,
    per: Option<(f64, String)>,
}

enum ItemCheck {
    Unchecked,
    None,
    Exact(String),
    Head(String),
}

/// The head noun of an item, as `eval/score.py` computes it.
fn head(item: &str) -> String {
    let before_of = item.to_lowercase();
    let before_of = before_of.split(" of ").next().unwrap_or("").to_string();
    let words: Vec<String> =
        before_of.split(|c: char| !c.is_ascii_lowercase()).filter(|w| !w.is_empty()).map(str::to_string).collect();
    let Some(w) = words.last() else {
        return String::new();
    };
    if w.ends_with('s') && w.len() > 3 {
        w[..w.len() - 1].to_string()
    } else {
        w.clone()
    }
}

fn parse_fixture(text: &str) -> Vec<(usize, String, Vec<Expected>)> {
    let mut cases: Vec<(usize, String, Vec<Expected>)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        if let Some(sentence) = line.strip_prefix("S\t") {
            cases.push((line_no, sentence.replace("\\n", "\n"), Vec::new()));
        } else if let Some(rest) = line.strip_prefix("Q\t") {
            let cols: Vec<&str> = rest.split('\t').collect();
            let col = |i: usize, default: &'static str| cols.get(i).copied().unwrap_or(default);
            let (value, range) = match col(1, "").split_once("..") {
                Some((lo, hi)) => (None, Some((lo.parse().unwrap(), hi.parse().unwrap()))),
                None => (Some(col(1, "").parse().unwrap_or_else(|_| panic!("line {line_no}: bad value"))), None),
            };
            let unit = match col(2, "-") {
                "-" => None,
                u => Some(u.to_string()),
            };
            let item = match col(3, "?") {
                "?" => ItemCheck::Unchecked,
                "-" => ItemCheck::None,
                i if i.starts_with('~') => ItemCheck::Head(i[1..].to_string()),
                i => ItemCheck::Exact(i.to_string()),
            };
            let per = match col(5, "-") {
                "-" => None,
                p => {
                    let (v, u) = p.split_once(' ').expect("per is 'VALUE UNIT'");
                    Some((v.parse().unwrap(), u.to_string()))
                }
            };
            let expected = Expected {
                line: line_no,
                span: col(0, "").replace("\\n", "\n"),
                value,
                range,
                unit,
                item,
                approx: col(4, "exact").to_string(),
                per,
            };
            cases.last_mut().unwrap_or_else(|| panic!("line {line_no}: Q before any S")).2.push(expected);
        } else {
            assert!(line.is_empty() || line.starts_with('#'), "line {line_no}: not S, Q, # or empty");
        }
    }
    cases
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9),
        (None, None) => true,
        _ => false,
    }
}

/// What is wrong with `got` for `want`, if anything.
fn mismatch(want: &Expected, got: &Mention) -> Option<String> {
    let q = got.quantity()?;
    let mut wrong = Vec::new();
    if got.text != want.span {
        wrong.push(format!("span {:?}", got.text));
    }
    let value_ok = match want.range {
        Some((lo, hi)) => q.value.is_none() && close(q.low, Some(lo)) && close(q.high, Some(hi)),
        None => close(q.value, want.value) && q.low.is_none() && q.high.is_none(),
    };
    if !value_ok {
        wrong.push(format!("value {:?} low {:?} high {:?}", q.value, q.low, q.high));
    }
    if q.unit.map(|u| u.as_str().to_string()) != want.unit {
        wrong.push(format!("unit {:?}", q.unit.map(|u| u.as_str())));
    }
    let item_ok = match &want.item {
        ItemCheck::Unchecked => true,
        ItemCheck::None => q.item.is_none(),
        ItemCheck::Exact(i) => q.item.as_deref() == Some(i.as_str()),
        ItemCheck::Head(h) => q.item.as_deref().is_some_and(|i| head(i) == head(h)),
    };
    if !item_ok {
        wrong.push(format!("item {:?}", q.item));
    }
    if q.approx.as_str() != want.approx {
        wrong.push(format!("approx {}", q.approx.as_str()));
    }
    let per = q.per.map(|r| (r.value, r.unit.as_str().to_string()));
    let per_ok = match (&per, &want.per) {
        (Some((v, u)), Some((wv, wu))) => close(Some(*v), Some(*wv)) && u == wu,
        (None, None) => true,
        _ => false,
    };
    if !per_ok {
        wrong.push(format!("per {per:?}"));
    }
    (!wrong.is_empty()).then(|| wrong.join(", "))
}

/// Every sentence of `tests/fixtures/quantities.tsv` (sentences of the genre
/// that are not in the dev corpus) reads as the table says: the same
/// quantities, in order, with the same span, value or range, unit, item,
/// approximation and rate.
#[test]
fn sentences_of_the_genre_read_as_the_table_says() {
    let cases = parse_fixture(include_str!("fixtures/quantities.tsv"));
    assert!(cases.len() >= 150, "only {} sentences", cases.len());
    let ex = extractor();
    let mut failures = Vec::new();
    for (line, sentence, want) in &cases {
        let got = ex.extract(sentence);
        assert_well_formed(sentence, &got);
        let mut problems = Vec::new();
        if got.len() != want.len() {
            let spans: Vec<&str> = got.iter().map(|m| m.text.as_str()).collect();
            problems.push(format!("{} quantities, expected {}: {spans:?}", got.len(), want.len()));
        } else {
            for (w, g) in want.iter().zip(&got) {
                if let Some(why) = mismatch(w, g) {
                    problems.push(format!("line {} {:?}: {why}", w.line, w.span));
                }
            }
        }
        if !problems.is_empty() {
            failures.push(format!("line {line}: {sentence}\n    {}", problems.join("\n    ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} sentences read wrong:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
