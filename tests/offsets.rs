//! Every emitted offset slices the input exactly, on any input.

use proptest::prelude::*;
use tallystick::{default_extractor, Mention};

fn check(text: &str, mentions: &[Mention]) {
    let mut last_by_kind = std::collections::HashMap::new();
    // Byte offset of every code point, and of the end.
    let char_starts: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    for m in mentions {
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end), "{m:?}");
        assert_eq!(&text[m.span.start..m.span.end], m.text);
        assert_eq!(char_starts[m.chars.start], m.span.start);
        assert_eq!(char_starts[m.chars.end], m.span.end);
        assert!(!m.text.is_empty());
        // Mentions of one kind never overlap.
        if let Some(end) = last_by_kind.insert(m.kind, m.span.end) {
            assert!(end <= m.span.start, "overlap in {m:?}");
        }
        // The JSON parses and carries the code point offsets.
        let v: serde_json::Value = serde_json::from_str(&m.to_json()).unwrap();
        assert_eq!(v["start"], m.chars.start);
        assert_eq!(v["end"], m.chars.end);
    }
}

/// Pieces of bulletin text mixed with the characters that break naive offset code.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Citizens of al-Rastan, Homs province, received 4.4 tons of food products. ".to_string()),
        Just("more than 1,851,424 Syrian citizens ".to_string()),
        Just("Deir-ez-Zour (295,000), Dar’a (14,500) and Rif Dimashq ".to_string()),
        Just("approximately 3500 people per every 5 days ".to_string()),
        Just("on 12 July 2019 the UN and SARC ".to_string()),
        Just("İİ ﬁ ẞ ǅ ".to_string()),
        Just("e\u{301}\u{302} a\u{308} ".to_string()),
        Just("😀👩‍👩‍👧 🇸🇾 ".to_string()),
        Just("دير الزور حمص ".to_string()),
        Just("Дума Сирия ".to_string()),
        Just("’‘`ʿʾ'\"“”«» ".to_string()),
        Just("-‐‑‒–—― ".to_string()),
        "\\PC{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn offsets_slice_the_input_exactly(pieces in proptest::collection::vec(piece(), 0..12)) {
        let text: String = pieces.concat();
        let mentions = default_extractor().extract(&text);
        check(&text, &mentions);
    }
}

#[test]
fn empty_and_whitespace_documents_have_no_mentions() {
    assert!(default_extractor().extract("").is_empty());
    assert!(default_extractor().extract(" \n\t ").is_empty());
}

#[test]
fn a_large_document_is_processed_whole() {
    let para = "Citizens of Deir ez-Zor received 3.3 tons of food products.\n";
    let text = para.repeat(200_000); // about 12 MB
    let mentions = default_extractor().extract(&text);
    check(&text, &mentions);
    let places = mentions.iter().filter(|m| m.text == "Deir ez-Zor").count();
    assert_eq!(places, 200_000);
}
