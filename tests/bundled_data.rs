//! The bundled gazetteers (data/gazetteer/*.tsv, built by
//! scripts/build_gazetteers.py): they parse, ids are unique, parents and
//! P-codes hang together, and the names the press uses link to one entity.

use std::collections::{HashMap, HashSet};

use tallystick::{Entry, Gazetteer, Mention, MentionKind, Subtype};

const FILES: [(&str, &str); 3] = [
    ("places.tsv", include_str!("../data/gazetteer/places.tsv")),
    ("camps.tsv", include_str!("../data/gazetteer/camps.tsv")),
    ("actors.tsv", include_str!("../data/gazetteer/actors.tsv")),
];

fn all() -> Gazetteer {
    let mut g = Gazetteer::new();
    for (name, text) in FILES {
        let part = Gazetteer::from_tsv_str(text, name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(!part.is_empty(), "{name} is empty");
        g.extend(part).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    g
}

#[test]
fn every_file_parses_and_every_id_is_unique() {
    let mut seen = HashSet::new();
    for (name, text) in FILES {
        let g = Gazetteer::from_tsv_str(text, name).unwrap();
        for e in g.entries() {
            assert!(seen.insert(e.id.clone()), "{name}: id {} is used twice", e.id);
            assert!(!e.name.trim().is_empty());
            assert!(!e.aliases.iter().any(|a| a.trim().is_empty() || a.contains('|')), "{name}: {}", e.id);
        }
    }
    assert!(seen.len() > 14_000, "{} entries", seen.len());
}

#[test]
fn every_file_has_one_kind() {
    for (name, text) in FILES {
        let g = Gazetteer::from_tsv_str(text, name).unwrap();
        let kinds: HashSet<MentionKind> = g.entries().iter().map(Entry::kind).collect();
        let want = match name {
            "places.tsv" => MentionKind::Place,
            "camps.tsv" => MentionKind::Camp,
            _ => MentionKind::Actor,
        };
        assert_eq!(kinds, HashSet::from([want]), "{name}");
    }
}

#[test]
fn every_parent_exists_and_pcodes_nest() {
    let g = all();
    let mut by_level: HashMap<Subtype, usize> = HashMap::new();
    for e in g.entries() {
        if let Some(p) = &e.parent {
            let parent = g.get(p).unwrap_or_else(|| panic!("{}: parent {p} does not exist", e.id));
            assert_eq!(parent.kind(), MentionKind::Place, "{}: parent {p} is not a place", e.id);
        }
        let Some(pcode) = &e.pcode else { continue };
        *by_level.entry(e.subtype()).or_default() += 1;
        let want_len = match e.subtype() {
            Subtype::Country => 2,
            Subtype::Governorate => 4,
            Subtype::District => 6,
            Subtype::Subdistrict => 8,
            other => panic!("{}: a P-code on a {other:?}", e.id),
        };
        assert_eq!(pcode.len(), want_len, "{}: P-code {pcode}", e.id);
        assert!(pcode.starts_with("SY"), "{pcode}");
        if want_len > 2 {
            // The parent of an admin unit is the unit whose P-code is its prefix.
            let parent = g.get(e.parent.as_deref().unwrap()).unwrap();
            let pp = parent.pcode.as_deref().unwrap_or_else(|| panic!("{}: parent has no P-code", e.id));
            assert_eq!(pp, &pcode[..want_len - 2], "{}", e.id);
        }
    }
    assert_eq!(by_level.get(&Subtype::Governorate), Some(&14));
    assert_eq!(by_level.get(&Subtype::District), Some(&62));
    assert_eq!(by_level.get(&Subtype::Subdistrict), Some(&272));
}

#[test]
fn populated_places_and_neighbours_are_there() {
    let g = all();
    let localities = g.entries().iter().filter(|e| e.id.starts_with("gn-") || e.id.starts_with("wof-")).count();
    assert!(localities > 10_000, "{localities} populated places");
    let with_coords = g.entries().iter().filter(|e| e.lat.is_some() && e.lon.is_some()).count();
    assert!(with_coords > 10_000);
    for id in [
        "country-sy",
        "country-jo",
        "country-lb",
        "country-tr",
        "country-iq",
        "jo-prov-mafraq",
        "lb-prov-akkar",
        "tr-prov-hatay",
        "iq-prov-anbar",
    ] {
        assert!(g.get(id).is_some(), "{id}");
    }
    // Every populated place of Syria lies in a governorate.
    for e in g.entries().iter().filter(|e| e.id.starts_with("gn-")) {
        let mut cur = e;
        let mut steps = 0;
        while cur.subtype() != Subtype::Governorate {
            cur = g.get(cur.parent.as_deref().unwrap_or_else(|| panic!("{} has no parent", e.id))).unwrap();
            steps += 1;
            assert!(steps < 5, "{}", e.id);
        }
    }
}

fn places(found: &[Mention]) -> Vec<(String, String)> {
    found
        .iter()
        .filter(|m| m.kind != MentionKind::Quantity && m.kind != MentionKind::Date)
        .map(|m| (m.text.clone(), m.entity().unwrap().entity.id.clone().unwrap_or_default()))
        .collect()
}

#[test]
fn spellings_of_one_place_link_to_one_id() {
    let e = tallystick::default_extractor();
    let ids: HashSet<String> =
        ["Deir-ez-Zour", "Dayr az Zawr", "Deir ez-Zor", "Deir Ezzor", "Deir al-Zor", "DEIR EZ-ZOR"]
            .iter()
            .map(|s| {
                let found = places(&e.extract(&format!("Aid reached {s} today.")));
                assert_eq!(found.len(), 1, "{s}: {found:?}");
                assert_eq!(found[0].0, *s);
                found[0].1.clone()
            })
            .collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    for (a, b) in
        [("Tell Rifaat", "Tal Rifaat"), ("Douma", "Duma"), ("Rif Dimashq", "Rural Damascus"), ("Idlib", "Idleb")]
    {
        let x = places(&e.extract(&format!("in {a}.")));
        let y = places(&e.extract(&format!("in {b}.")));
        assert_eq!(x[0].1, y[0].1, "{a} / {b}");
    }
}

#[test]
fn homonyms_are_chosen_by_context_with_alternatives() {
    let e = tallystick::default_extractor();
    let one = |text: &str, needle: &str| -> Mention {
        e.extract(text).into_iter().find(|m| m.text == needle).unwrap_or_else(|| panic!("{needle} in {text}"))
    };
    let homs = one("Aid reached Homs.", "Homs");
    assert_eq!(homs.entity().unwrap().entity.subtype, Subtype::City);
    assert!(homs.entity().unwrap().alternatives.iter().any(|a| a.subtype == Subtype::Governorate));
    let homs = one("Aid reached Homs province.", "Homs");
    assert_eq!(homs.entity().unwrap().entity.subtype, Subtype::Governorate);
    let douma = one("Demining in Douma continued.", "Douma");
    assert_eq!(douma.entity().unwrap().entity.id.as_deref(), Some("gn-170592"), "the Rif Dimashq city");
    assert!(douma.entity().unwrap().alternatives.len() >= 2, "the other Doumas");
    // Nawa of Daraa, not of Hama or Homs, when Daraa is named next to it.
    let nawa = one("in high-returnee areas such as Izra and Nawa (Dar’a).", "Nawa");
    let g = e.gazetteer();
    let mut cur = g.get(nawa.entity().unwrap().entity.id.as_deref().unwrap()).unwrap();
    while cur.subtype() != Subtype::Governorate {
        cur = g.get(cur.parent.as_deref().unwrap()).unwrap();
    }
    assert_eq!(cur.id, "sy12");
}

#[test]
fn common_words_are_not_villages() {
    let e = tallystick::default_extractor();
    let text = "Tall buildings. Said the minister. Harm was done. Habit of speaking. Bath time. Sham trial.";
    let found = places(&e.extract(text));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn actors_under_their_several_names() {
    let e = tallystick::default_extractor();
    let ids = |text: &str| -> Vec<String> { places(&e.extract(text)).into_iter().map(|x| x.1).collect() };
    for name in [
        "Russian Centre for Reconciliation of Opposing Sides",
        "Russian Center for Reconciliation of Warring Parties",
        "Reconciliation Centre",
        "Russian Reconciliation Center",
        "Centre for reconciliation of opposing sides",
    ] {
        assert_eq!(ids(&format!("The {name} reported.")), vec!["ru-crs"], "{name}");
    }
    assert_eq!(ids("UNHCR and the UN Refugee Agency"), vec!["unhcr", "unhcr"]);
    assert_eq!(ids("the Syrian Arab Red Crescent (SARC)"), vec!["sarc", "sarc"]);
    assert_eq!(ids("the WHO said"), vec!["who"]);
    assert!(ids("who said").is_empty());
}

#[test]
fn names_found_by_context_have_no_id() {
    let e = tallystick::default_extractor();
    let found = e.extract("Statement by Major-General A. Zzyzxov. Aid reached the village of Qqarbuz, Homs province.");
    let person = found.iter().find(|m| m.text == "Major-General A. Zzyzxov").expect("the person");
    assert_eq!(person.entity().unwrap().entity.id, None);
    let village = found.iter().find(|m| m.text == "Qqarbuz").expect("the village");
    assert_eq!(village.entity().unwrap().entity.id, None);
    assert_eq!(village.kind, MentionKind::Place);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 200, ..Default::default() })]

    /// Whatever the text, entity mentions slice it exactly and never overlap
    /// within a kind.
    #[test]
    fn any_text_gives_exact_non_overlapping_entities(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "Mr. ", "Ms.", "Dr.Ḩimş ", "General ", "of the Army ", "Major-General ", "A. ", "Bakin", "Andrei",
            "village of ", "the ", "Homs", " province", "(", ")", ", ", "Daraa", "US", "US-", " troops", "UN ",
            "camp ", "checkpoints ", " and ", "İİ", "–", "’", "Deir-ez-Zour", "Tell ", "\n", "Shihab", "IS ", "AS ",
            "é", "Fleisсher", "Corinne ", ": ", "accommodation centres", "etc", "Al ", "Nawa", ".", "Sinjar ",
            "Idlib", " de-escalation zone", "WASH", "Kafr", "ZZ", "\u{a0}", "🙂",
        ]), 0..40)
    ) {
        let text: String = parts.concat();
        let found = tallystick::default_extractor().extract(&text);
        let mut last: std::collections::HashMap<MentionKind, usize> = std::collections::HashMap::new();
        for m in &found {
            proptest::prop_assert_eq!(&text[m.span.start..m.span.end], m.text.as_str());
            if m.entity().is_some() {
                let end = last.entry(m.kind).or_insert(0);
                proptest::prop_assert!(m.span.start >= *end, "overlap in {:?}: {:?}", text, found);
                *end = m.span.end;
            }
        }
    }
}
