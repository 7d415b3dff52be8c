//! Dates through the public API: spans, ISO values, ranges, the document
//! date (given or read from a dateline) and code point offsets.

use tallystick::{DateValue, ExtractOptions, Extractor, Mention, MentionKind, PartialDate};

fn extractor() -> Extractor {
    Extractor::builder().bundled(false).kinds([MentionKind::Date]).build().unwrap()
}

fn iso(d: &DateValue) -> String {
    match d.value {
        Some(v) => v.to_string(),
        None => format!("{}/{}", d.low.unwrap(), d.high.unwrap()),
    }
}

fn dates(mentions: &[Mention]) -> Vec<(String, String)> {
    mentions.iter().map(|m| (m.text.clone(), iso(m.date().unwrap()))).collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn a_bulletin_with_every_kind_of_date() {
    let text = "On 12 July 2019, for the first time, refugees returned. Since July 1, 35,928 people \
                came back. A delegation visited from 9-12 July. From early June to the present, and as \
                of mid-July, schools reopened. In 2019 alone, 2 plants opened; 674,000 (2017), 1.2 \
                million (2018). Following the results of the 2018-2019 academic year, more students \
                passed. So, in June of this year, the station opened. Talks were held on May 3-4, \
                and the ban runs from May. Since the beginning of June, convoys ran, and between \
                May and July 2019 prices rose. The memorandum (September 11, 2017) holds.";
    let found = extractor().extract(text);
    assert_eq!(
        dates(&found),
        pairs(&[
            ("12 July 2019", "2019-07-12"),
            ("July 1", "XXXX-07-01"),
            ("9-12 July", "XXXX-07-09/XXXX-07-12"),
            ("early June", "XXXX-06"),
            ("mid-July", "XXXX-07"),
            ("2019", "2019"),
            ("2017", "2017"),
            ("2018", "2018"),
            ("2018-2019 academic year", "2018/2019"),
            ("June", "XXXX-06"),
            ("May 3-4", "XXXX-05-03/XXXX-05-04"),
            ("May", "XXXX-05"),
            ("beginning of June", "XXXX-06"),
            ("May and July 2019", "2019-05/2019-07"),
            ("September 11, 2017", "2017-09-11"),
        ])
    );
}

#[test]
fn counts_identifiers_weekdays_and_relative_words_are_not_dates() {
    let text = "Today, on Monday, 2,233 people and 2019 families, under Resolution 2254 and decree \
                No. 2017, received 2000 tons; this may help. Over the past day and since the \
                beginning of the year, within 24 hours, a total of 2018 parcels arrived.";
    assert_eq!(dates(&extractor().extract(text)), pairs(&[]));
}

#[test]
fn a_given_document_date_fills_in_years() {
    let text = "Since July 1, and from 9-12 July, and since November, and in June of last year.";
    let options =
        ExtractOptions { document_date: Some(PartialDate { year: Some(2019), month: Some(7), day: Some(20) }) };
    let found = extractor().extract_with(text, &options);
    assert_eq!(
        dates(&found),
        pairs(&[
            ("July 1", "2019-07-01"),
            ("9-12 July", "2019-07-09/2019-07-12"),
            ("November", "2018-11"),
            ("June", "2018-06"),
        ])
    );
}

#[test]
fn a_dateline_with_a_year_dates_the_document() {
    let text = " date 2017-09-11 MOSCOW, September 11. /TASS/. Talks were held on May 3-4.";
    let found = extractor().extract(text);
    assert_eq!(
        dates(&found),
        pairs(&[("2017-09-11", "2017-09-11"), ("September 11", "2017-09-11"), ("May 3-4", "2017-05-03/2017-05-04"),])
    );
    // Without a year on the dateline, years stay unknown.
    let text = "MOSCOW, August 13. /TASS/. In late July, talks ended.";
    assert_eq!(dates(&extractor().extract(text)), pairs(&[("August 13", "XXXX-08-13"), ("late July", "XXXX-07")]));
}

#[test]
fn offsets_are_code_points_and_slice_the_text() {
    let text = "Déjà vu — «Dar’a» 😀 on 12 July 2019 and in 2020…";
    let found = extractor().extract(text);
    assert_eq!(found.len(), 2);
    let chars: Vec<char> = text.chars().collect();
    for m in &found {
        assert_eq!(&text[m.span.start..m.span.end], m.text);
        assert_eq!(chars[m.chars.start..m.chars.end].iter().collect::<String>(), m.text);
    }
    assert_eq!(
        found[0].to_json(),
        format!(
            r#"{{"kind":"date","start":{},"end":{},"text":"12 July 2019","value":"2019-07-12","low":null,"high":null}}"#,
            found[0].chars.start, found[0].chars.end
        )
    );
}

#[test]
fn ranges_serialise_with_low_and_high() {
    let found = extractor().extract("between May and July");
    let json = found[0].to_json();
    assert!(json.ends_with(r#""value":null,"low":"XXXX-05","high":"XXXX-07"}"#), "{json}");
}
