//! Tests of the whole scanner, one per format of the issue.

use super::*;
use crate::mention::{Approx, Rate};

fn find(text: &str) -> Vec<(String, Quantity)> {
    find_quantities(text).into_iter().map(|m| (text[m.span.start..m.span.end].to_string(), m.quantity)).collect()
}

/// The only quantity in `text`: its span text and reading.
fn one(text: &str) -> (String, Quantity) {
    let mut found = find(text);
    assert_eq!(found.len(), 1, "{text:?}: {found:#?}");
    found.remove(0)
}

fn spans(text: &str) -> Vec<String> {
    find(text).into_iter().map(|(s, _)| s).collect()
}

/// Checks span, value, unit and item of the only quantity in `text`.
#[track_caller]
fn check(text: &str, span: &str, value: f64, unit: Option<Unit>, item: Option<&str>) {
    let (s, q) = one(text);
    assert_eq!(s, span, "span in {text:?}");
    assert_eq!(q.value, Some(value), "value in {text:?}");
    assert_eq!(q.unit, unit, "unit in {text:?}");
    assert_eq!(q.item.as_deref(), item, "item in {text:?}");
}

#[track_caller]
fn approx(text: &str, span: &str, expected: Approx) {
    let (s, q) = one(text);
    assert_eq!((s.as_str(), q.approx), (span, expected), "{text:?}");
}

#[track_caller]
fn range(text: &str, span: &str, low: f64, high: f64, unit: Option<Unit>) {
    let (s, q) = one(text);
    assert_eq!(s, span, "span in {text:?}");
    assert_eq!((q.value, q.low, q.high, q.unit), (None, Some(low), Some(high), unit), "{text:?}");
}

#[track_caller]
fn per(text: &str, span: &str, rate: Option<(f64, Unit)>) {
    let (s, q) = one(text);
    assert_eq!(s, span, "span in {text:?}");
    assert_eq!(q.per, rate.map(|(value, unit)| Rate { value, unit }), "{text:?}");
}

#[track_caller]
fn none(text: &str) {
    assert_eq!(spans(text), Vec::<String>::new(), "{text:?}");
}

#[test]
fn digits_with_groupings() {
    check("In total 1,851,424 people returned.", "1,851,424 people", 1851424.0, None, Some("people"));
    check("In total 1 851 424 people returned.", "1 851 424 people", 1851424.0, None, Some("people"));
    check("Settlements that signed – 2, 233 settlements.", "2, 233 settlements", 2233.0, None, Some("settlements"));
    check("They got 3.3 tons of food.", "3.3 tons", 3.3, Some(Unit::Tonne), Some("food"));
    check("another 6000 such houses.", "6000 such houses", 6000.0, None, Some("houses"));
}

#[test]
fn number_words() {
    check("Signed four applications.", "four applications", 4.0, None, Some("applications"));
    check("Then twenty-five families left.", "twenty-five families", 25.0, None, Some("families"));
    check(
        "with one hundred and twelve households",
        "one hundred and twelve households",
        112.0,
        None,
        Some("households"),
    );
    check("sent a dozen trucks", "a dozen trucks", 12.0, None, Some("trucks"));
    check("sent two dozen tents", "two dozen tents", 24.0, None, Some("tents"));
    check("with ten field commanders of", "ten field commanders", 10.0, None, Some("field commanders"));
    check("one convoy arrived", "one convoy", 1.0, None, Some("convoy"));
}

#[test]
fn halves_and_fractions() {
    check("five and a half tonnes of flour", "five and a half tonnes", 5.5, Some(Unit::Tonne), Some("flour"));
    check("half a million people fled", "half a million people", 500_000.0, None, Some("people"));
    check("a quarter million refugees", "a quarter million refugees", 250_000.0, None, Some("refugees"));
    let (s, q) = one("the moment when a third of the camp’s population returned");
    assert_eq!((s.as_str(), q.unit, q.item.as_deref()), ("a third", Some(Unit::Percent), Some("camp’s population")));
    assert!((q.value.unwrap() - 100.0 / 3.0).abs() < 1e-9);
    let (s, q) = one("Returns represent more than three-quarters of the total who returned.");
    assert_eq!((s.as_str(), q.value, q.approx), ("more than three-quarters", Some(75.0), Approx::MoreThan));
    assert_eq!(q.item.as_deref(), Some("returns"));
    check("half of the residents left", "half", 50.0, Some(Unit::Percent), Some("residents"));
}

#[test]
fn scale_words() {
    check("Before, 2.9 million people lived there.", "2.9 million people", 2_900_000.0, None, Some("people"));
    check("more than 300 thousand students", "more than 300 thousand students", 300_000.0, None, Some("students"));
    check("about 1.5 thousand tons of aid", "about 1.5 thousand tons", 1500.0, Some(Unit::Tonne), Some("aid"));
    check("will allocate US $25 million to", "US $25 million", 25e6, Some(Unit::Usd), None);
    check("requested $2.5bn for", "$2.5bn", 2.5e9, Some(Unit::Usd), None);
    check("requested $25m for", "$25m", 25e6, Some(Unit::Usd), None);
    check("some 1.5m people", "some 1.5m people", 1.5e6, None, Some("people"));
    check("a wall of 1.5m height", "1.5m", 1.5, Some(Unit::Metre), None);
    check("costs 25 million dollars.", "25 million dollars", 25e6, Some(Unit::Usd), None);
}

#[test]
fn percentages() {
    check("met 29% of our citizens", "29%", 29.0, Some(Unit::Percent), Some("citizens"));
    check("a rise of 40.96 per cent.", "40.96 per cent", 40.96, Some(Unit::Percent), None);
    check("a rise of 12 percent.", "12 percent", 12.0, Some(Unit::Percent), None);
}

#[test]
fn units() {
    for (text, unit) in [
        ("3 tons", Unit::Tonne),
        ("3 tonnes", Unit::Tonne),
        ("3 t", Unit::Tonne),
        ("3 metric tons", Unit::Tonne),
        ("3 kg", Unit::Kilogram),
        ("3 km", Unit::Kilometre),
        ("3 kilometers", Unit::Kilometre),
        ("3 kilometres", Unit::Kilometre),
        ("3 square kilometers", Unit::SquareKilometre),
        ("3 sq km", Unit::SquareKilometre),
        ("3 km²", Unit::SquareKilometre),
        ("3 hectares", Unit::Hectare),
        ("3 litres", Unit::Litre),
        ("3 cubic meters", Unit::CubicMetre),
        ("US $3", Unit::Usd),
        ("$3", Unit::Usd),
        ("USD 3", Unit::Usd),
        ("3 dollars", Unit::Usd),
        ("3 Syrian pounds", Unit::Syp),
        ("€3", Unit::Eur),
        ("3 euros", Unit::Eur),
        ("3 roubles", Unit::Rub),
        ("3 kcal", Unit::Kcal),
        ("3 °C", Unit::Celsius),
        ("3 minutes", Unit::Minute),
        ("3 hours", Unit::Hour),
        ("3 days", Unit::Day),
        ("3 weeks", Unit::Week),
        ("3 months", Unit::Month),
        ("3 years", Unit::Year),
    ] {
        let text = format!("They counted {text}.");
        let (_, q) = one(&text);
        assert_eq!(q.unit, Some(unit), "{text}");
        assert_eq!(q.value, Some(3.0), "{text}");
    }
}

#[test]
fn hyphenated_units() {
    check("carried out by five-day cycles, and", "five-day cycles", 5.0, Some(Unit::Day), Some("cycles"));
    check("a 24-hour ceasefire was", "24-hour ceasefire", 24.0, Some(Unit::Hour), Some("ceasefire"));
    check("the US-occupied 55-kilometer “Al-Tanf” zone", "55-kilometer", 55.0, Some(Unit::Kilometre), Some("zone"));
    check("a two-week pause", "two-week pause", 2.0, Some(Unit::Week), Some("pause"));
}

#[test]
fn times_have_no_item_unless_one_follows() {
    check("Within last 24 hours, the party", "24 hours", 24.0, Some(Unit::Hour), None);
    assert_eq!(spans("within last 24 hours held 2 humanitarian actions"), ["24 hours", "2 humanitarian actions"]);
    assert_eq!(find("within last 24 hours held 2 humanitarian actions")[0].1.item, None);
    check("within 30 days.", "30 days", 30.0, Some(Unit::Day), None);
    check(
        "ready rations, two months food assistance, some",
        "two months",
        2.0,
        Some(Unit::Month),
        Some("food assistance"),
    );
    check("for the first time in the past three months carried out", "three months", 3.0, Some(Unit::Month), None);
}

#[test]
fn counted_items() {
    check("Citizens received 3.3 tons of food products.", "3.3 tons", 3.3, Some(Unit::Tonne), Some("food products"));
    check("There are about 60,000 people in the camps.", "about 60,000 people", 60000.0, None, Some("people"));
    check("750 food packages with a total weight", "750 food packages", 750.0, None, Some("food packages"));
    check(
        "At present, more than 1,851,424 Syrian citizens have returned",
        "more than 1,851,424 Syrian citizens",
        1851424.0,
        None,
        Some("syrian citizens"),
    );
    check(
        "established some 335 community centres offering",
        "some 335 community centres",
        335.0,
        None,
        Some("community centres"),
    );
    check("3,774 IDPs have returned", "3,774 IDPs", 3774.0, None, Some("idps"));
    check("has registered 3 cases of firing in", "3 cases", 3.0, None, Some("cases of firing"));
    check("and 93 places of worship.", "93 places of worship", 93.0, None, Some("places of worship"));
    check(
        "repaired: 337 of water supply facilities, and",
        "337 of water supply facilities",
        337.0,
        None,
        Some("water supply facilities"),
    );
    check(
        "built over 2,000 economy-class apartment buildings were",
        "over 2,000 economy-class apartment buildings",
        2000.0,
        None,
        Some("economy-class apartment buildings"),
    );
    check(
        "held 42 humanitarian and charitable actions in",
        "42 humanitarian and charitable actions",
        42.0,
        None,
        Some("humanitarian and charitable actions"),
    );
    check("over 22 km of roads repaired", "over 22 km", 22.0, Some(Unit::Kilometre), Some("roads"));
    check(
        "food for more than 10 thousand people in need.",
        "more than 10 thousand people",
        10000.0,
        None,
        Some("people in need"),
    );
}

#[test]
fn items_from_parallel_phrases() {
    let found = find("more than 1,851,424 Syrian citizens have returned, out of them more than 1,302,870 are internal displaced persons and more than 548,554 are refugees from abroad.");
    let items: Vec<_> = found.iter().map(|(_, q)| q.item.as_deref().unwrap_or("")).collect();
    assert_eq!(items, ["syrian citizens", "internal displaced persons", "refugees from abroad"]);

    let found = find("35,928 Syrian citizens, including more than 1,577 people from various areas and more than 34,351 from foreign territories, returned.");
    assert_eq!(found[2].0, "more than 34,351");
    assert_eq!(found[2].1.item.as_deref(), Some("people"));

    let found = find("The Turkish party has registered 7 cases of ceasefire violations in the provinces of Damascus (5), and Hama (2).");
    let got: Vec<_> = found.iter().map(|(s, q)| (s.as_str(), q.item.as_deref().unwrap_or(""))).collect();
    assert_eq!(
        got,
        [
            ("7 cases", "cases of ceasefire violations"),
            ("5", "cases of ceasefire violations"),
            ("2", "cases of ceasefire violations")
        ]
    );

    let found = find("the province authorities have met 232,000 or 29% of our citizens");
    assert_eq!(found[0].1.item.as_deref(), Some("citizens"));
    assert_eq!(found[0].1.unit, None);

    let found = find("it takes 2 or 3 days.");
    assert_eq!((found[0].1.value, found[0].1.unit), (Some(2.0), Some(Unit::Day)));

    let found = find(
        "during which approximately 95 tons of humanitarian and more than 7 tons of charitable goods were issued.",
    );
    assert_eq!(found[0].1.item.as_deref(), Some("humanitarian goods"));
    assert_eq!(found[1].1.item.as_deref(), Some("charitable goods"));

    let found = find("From early June, 18 educational and 13 medical institutions have been restored.");
    assert_eq!(found[0].0, "18 educational");
    assert_eq!(found[0].1.item.as_deref(), Some("educational institutions"));

    let (s, q) = one("Total number of settlements that had signed reconciliation agreements – 2, 233.");
    assert_eq!((s.as_str(), q.value, q.item.as_deref()), ("2, 233", Some(2233.0), Some("settlements")));

    let found = find("the Syrian forces controlled 74,200 square kilometers (against slightly over 19,000 by the time the operation began).");
    assert_eq!(found[1].0, "slightly over 19,000");
    assert_eq!((found[1].1.unit, found[1].1.approx), (Some(Unit::SquareKilometre), Approx::MoreThan));

    let found = find(
        "a group of refugees from Lebanon was sent to the pre-war places of residence, numbering approximately 950.",
    );
    assert_eq!(found[0].1.item.as_deref(), Some("refugees"));

    let found = find("750 food packages with a total weight of more than 3.5 tons were distributed");
    assert_eq!(found[1].1.item.as_deref(), Some("food packages"));
}

#[test]
fn approximations() {
    for (words, expected) in [
        ("about", Approx::Approximately),
        ("approximately", Approx::Approximately),
        ("around", Approx::Approximately),
        ("some", Approx::Approximately),
        ("roughly", Approx::Approximately),
        ("an estimated", Approx::Approximately),
        ("more than", Approx::MoreThan),
        ("over", Approx::MoreThan),
        ("above", Approx::MoreThan),
        ("in excess of", Approx::MoreThan),
        ("just over", Approx::MoreThan),
        ("slightly over", Approx::MoreThan),
        ("at least", Approx::AtLeast),
        ("no less than", Approx::AtLeast),
        ("not less than", Approx::AtLeast),
        ("less than", Approx::LessThan),
        ("under", Approx::LessThan),
        ("fewer than", Approx::LessThan),
        ("below", Approx::LessThan),
        ("up to", Approx::AtMost),
        ("at most", Approx::AtMost),
        ("no more than", Approx::AtMost),
        ("a maximum of", Approx::AtMost),
        ("nearly", Approx::Nearly),
        ("almost", Approx::Nearly),
        ("close to", Approx::Nearly),
        ("just under", Approx::Nearly),
        ("as many as", Approx::Exact),
    ] {
        let span = format!("{words} 500 families");
        approx(&format!("They helped {span} in town."), &span, expected);
    }
    approx("They helped ~500 families.", "~500 families", Approx::Approximately);
    approx("usually 24-48 hours", "24-48 hours", Approx::Exact);
    approx("They handed over 50 tents.", "50 tents", Approx::Exact);
}

#[test]
fn ranges() {
    range("for usually 24-48 hours and", "24-48 hours", 24.0, 48.0, Some(Unit::Hour));
    range("between 10 and 15 trucks", "between 10 and 15 trucks", 10.0, 15.0, None);
    range("from 10 to 15 tons of flour", "from 10 to 15 tons", 10.0, 15.0, Some(Unit::Tonne));
    range("10–15% of them", "10–15%", 10.0, 15.0, Some(Unit::Percent));
    range("$10-15 million", "$10-15 million", 10e6, 15e6, Some(Unit::Usd));
    let found = find("airdropped every week - two-three or even four times - are food");
    assert_eq!(found.len(), 2);
    assert_eq!((found[0].0.as_str(), found[0].1.low, found[0].1.high), ("two-three", Some(2.0), Some(3.0)));
    assert_eq!(found[0].1.item.as_deref(), Some("times"));
    assert_eq!(found[1].0, "four times");
    for (_, q) in &found {
        assert_eq!(q.per, Some(Rate { value: 1.0, unit: Unit::Week }));
    }
}

#[test]
fn rates() {
    per(
        "approximately 3500 people per every 5 days.",
        "approximately 3500 people per every 5 days",
        Some((5.0, Unit::Day)),
    );
    per("5 trucks per day.", "5 trucks per day", Some((1.0, Unit::Day)));
    per("300 people a day.", "300 people a day", Some((1.0, Unit::Day)));
    per("10 convoys daily.", "10 convoys daily", Some((1.0, Unit::Day)));
    per("two flights every week.", "two flights every week", Some((1.0, Unit::Week)));
    per("two flights weekly.", "two flights weekly", Some((1.0, Unit::Week)));
    per("5 tons of flour per day.", "5 tons of flour per day", Some((1.0, Unit::Day)));
    per("Over the past day, 68 people have returned.", "68 people", None);
    per("50 backpacks a day earlier", "50 backpacks", None);
}

#[test]
fn parentheses_and_part_of_whole() {
    let found = find("according to UN figures 17,080 people (40.96%) out of 41,700 residents have left.");
    let got: Vec<_> = found.iter().map(|(s, q)| (s.as_str(), q.value, q.item.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("17,080 people", Some(17080.0), Some("people")),
            ("40.96%", Some(40.96), Some("residents")),
            ("41,700 residents", Some(41700.0), Some("residents")),
        ]
    );
    let found = find("More than 70 Syrian families (about 300 people) have returned home in 12 settlements.");
    assert_eq!(spans_of(&found), ["More than 70 Syrian families", "about 300 people", "12 settlements"]);
    let found = find("the top five governorates receiving returnees in 2017 was Aleppo (445,000), Hama (88,000).");
    assert_eq!(spans_of(&found), ["five governorates", "445,000", "88,000"]);
    assert_eq!(found[1].1.item.as_deref(), Some("returnees"));
    assert_eq!(found[2].1.item.as_deref(), Some("returnees"));
}

fn spans_of(found: &[(String, Quantity)]) -> Vec<&str> {
    found.iter().map(|(s, _)| s.as_str()).collect()
}

#[test]
fn not_quantities() {
    none("the 61st Damascus International Fair");
    none("for the first time");
    none("in the de-escalation zone No. 1.");
    none("decree number 10 unjustifiably outraged them");
    none("Moscow time (UTC+3)");
    none("in an interview with the Rossiya 24 television channel");
    none("Resolution 2254 demands a ceasefire");
    assert_eq!(spans("Then in Idlib 300 families returned"), ["300 families"]);
    none("seeks agreement to: 1) conduct an assessment; 2) facilitate transport; 3) provide");
    none("the forces liberat4ed the territory");
    none("one of the most important victories");
    none("hundreds of thousands of refugees and thousands of houses");
    none("on a daily basis and monthly food distributions");
    none("double the size");
    none("Su-24 and COVID-19 and the M5 highway");
    none("at 10 am and at 5 p.m. and at 10:30");
}

#[test]
fn years_and_dates_are_never_quantities() {
    none("in 2017");
    none("(2018)");
    none("In 2019 alone, the");
    none("on 12 July 2019, the");
    none("since July 1, the");
    none("from 9-12 July by");
    none("On May 3-4, during");
    none("(September 11, 2017)");
    none("date 2017-09-11");
    none("the 2018-2019 academic year");
    none("MOSCOW, August 13. /TASS/.");
    none("on 11.09.2017 and 11/09/2017");
    assert_eq!(spans("674,000 (2017), 1.2 million (2018) and 136,000 in 2019."), ["674,000", "1.2 million", "136,000"]);
    assert_eq!(spans("returning home in 2018 41,570 so far in 2019"), ["41,570"]);
    assert_eq!(spans("Since July 1, 35,928 Syrian citizens"), ["35,928 Syrian citizens"]);
}

#[test]
fn spans_are_sorted_disjoint_and_on_char_boundaries() {
    let text = "Über 5 Tonnen — “about 60,000 people” (40%) et 3 km² ½ 2, 233 № 5 ٣ people.";
    let found = find_quantities(text);
    for w in found.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    for m in &found {
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
    }
}

/// Token reads of a full scan (tokenizing, scanning, resolving) of `text`,
/// and the number of figures found.
fn work(text: &str) -> (usize, usize) {
    let tokens = token::Tokens::new(text);
    let mut figures = scan::scan(&tokens);
    resolve::resolve(&tokens, &mut figures);
    (tokens.reads(), figures.len())
}

/// Scanning is linear: the work on a doubled input is about double. The
/// measure is token reads, not time, so it cannot flake on a loaded machine.
#[test]
fn work_grows_linearly_on_pathological_inputs() {
    let units: &[&str] = &[
        "1,",
        "1, 111, ",
        "1 111 ",
        "1.1.",
        "1-1-",
        "1-",
        "a-",
        "5 a-",
        "x",
        "one two three ",
        "more than 5 (5) ",
        "7 cases of violations in Hama (2), ",
        "number of refugees 5 ",
        "every week two-three or even four times ",
        "a third of ",
        "US $5 million ",
        "2017-09-11 ",
        "No. 1. ",
        "refugees ",
        "(",
        "5 ",
        "\u{661}\u{2009}",
    ];
    for unit in units {
        let small = unit.repeat(2000);
        let large = unit.repeat(4000);
        let (w1, _) = work(&small);
        let (w2, _) = work(&large);
        assert!(w2 <= 2 * w1 + w1 / 5 + 1000, "{unit:?}: {w1} reads for n, {w2} for 2n");
    }
}

#[test]
fn huge_inputs_finish() {
    let digits = "9".repeat(1 << 20);
    assert_eq!(work(&digits).1, 0);
    let ones = "1,".repeat(1 << 19);
    let (_, n) = work(&ones);
    assert!(n > 0);
    let no_spaces: String = "refugees5tons-of;food,".repeat((1 << 20) / 22);
    work(&no_spaces);
}

#[test]
fn odd_text_does_not_panic() {
    for text in [
        "",
        " ",
        "(",
        ")",
        "-",
        "$",
        "US $",
        "a",
        "a third",
        "half",
        "5",
        "5-",
        "-5",
        "5,",
        ",5",
        "5.",
        "5 -",
        "5 to",
        "between 5 and",
        "from 5 to",
        "per",
        "every",
        "5 per every",
        "one and a",
        "twenty-",
        "½",
        "٣",
        "5\u{301}",
        "İ 5 İ",
        "km²5",
        "5 km²²",
        "“5”",
        "5’s",
        "(5",
        "5)",
        "\n1)\n2.",
        "No.",
        "No. ",
        "2, ",
        "2, 23",
        "1 85",
    ] {
        let _ = find(text);
        let _ = parse_number(text);
    }
}
