//! Linking each quantity to the place or camp it is about (`where`).
//!
//! The conventions, learnt from the annotated corpus (`NOTES.md` calls 19–21):
//!
//! 1. Only the quantity's own clause counts: its sentence (Unicode sentence
//!    boundaries, not broken after "Mr." or an initial), cut further at `;`
//!    and `:`. A place named in another sentence is never used. But when the
//!    clause names no place and follows a short heading and a colon ("Homs:
//!    1,400 children were vaccinated", "From Lebanon: 320 people"), the
//!    heading's places count.
//! 2. Durations (a time unit and no rate: "within 30 days") get no `where`.
//! 3. A figure in parentheses right after a place is about that place:
//!    "Aleppo (445,000)", "Damascus (5)".
//! 4. Places named as a list ("Zabdin and As-Suwayda", "Dar’a, Rural
//!    Damascus and Quneitra", "Tal-Sultan – Abu al-Duhur") are named equally:
//!    none of them is the figure's place.
//! 5. The most specific place wins: in "al-Rastan, Homs province", "Anhul in
//!    the province of Daraa", "Djleb checkpoint (Homs province)", and
//!    wherever the gazetteer says one place lies in the other, the container
//!    is dropped.
//! 6. Movements: a crossing is used only when no other place is named, and an
//!    origin ("from Idlib") only when no other place is left; so is a place
//!    in the possessive ("Germany's KfW said").
//! 7. If one place is left it is the `where`; if several, the nearest one
//!    after the figure ("68 people have returned to Homs province, and 110
//!    people – to the Eastern Ghouta"), else the nearest one before it.

use crate::gazetteer::Gazetteer;
use crate::mention::{EntityRef, MentionKind, Payload, Span, Subtype};

/// How far around a figure its sentence is looked for, in bytes.
const WINDOW: usize = 800;

/// At most this many places of a clause are weighed for one figure.
const MAX_CANDIDATES: usize = 16;

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 16] =
    ["mr", "ms", "mrs", "dr", "no", "st", "gen", "col", "maj", "lt", "capt", "sgt", "prof", "vs", "approx", "nos"];

/// Sets `where` on the quantities of `found` (sorted by start) from the
/// places and camps of their own clause.
pub(crate) fn assign_where(text: &str, gazetteer: &Gazetteer, found: &mut [(MentionKind, Span, Payload)]) {
    if !found.iter().any(|(k, _, _)| *k == MentionKind::Quantity) {
        return;
    }
    let places: Vec<Place> = found
        .iter()
        .filter_map(|(kind, span, payload)| match (kind, payload) {
            (MentionKind::Place | MentionKind::Camp, Payload::Entity(e)) => {
                Some(Place::new(gazetteer, *span, e.entity.clone()))
            }
            _ => None,
        })
        .collect();
    if places.is_empty() {
        return;
    }
    let sentences = sentence_starts(text);
    for (kind, span, payload) in found.iter_mut() {
        let (MentionKind::Quantity, Payload::Quantity(q)) = (kind, payload) else { continue };
        if q.per.is_none() && q.unit.is_some_and(|u| u.is_time()) {
            continue;
        }
        q.where_ = place_of(text, &sentences, *span, &places);
    }
}

#[derive(Debug, Clone)]
struct Place {
    span: Span,
    entity: EntityRef,
    /// The entity's index in the gazetteer, and its ancestors' (parent
    /// first, at most [`MAX_DEPTH`]): looked up once per place, not once per
    /// pair of places weighed for every figure.
    index: Option<u32>,
    ancestors: Vec<u32>,
}

/// How far up its chain of parents a place is looked at.
const MAX_DEPTH: usize = 8;

impl Place {
    fn new(gazetteer: &Gazetteer, span: Span, entity: EntityRef) -> Place {
        let index = entity.id.as_deref().and_then(|id| gazetteer.index_of(id));
        let entries = gazetteer.entries();
        let mut ancestors = Vec::new();
        let mut current = index;
        while let Some(i) = current {
            if ancestors.len() == MAX_DEPTH {
                break;
            }
            current = entries[i].parent.as_deref().and_then(|p| gazetteer.index_of(p));
            if let Some(parent) = current {
                ancestors.push(parent as u32);
            }
        }
        Place { span, entity, index: index.map(|i| i as u32), ancestors }
    }
}

fn place_of(text: &str, sentences: &[usize], figure: Span, places: &[Place]) -> Option<EntityRef> {
    // Places are sorted by start: binary searches keep this linear overall.
    let first_after = places.partition_point(|p| p.span.start < figure.start);
    // Rule 3: "Aleppo (445,000)".
    if let Some(p) = places[..first_after].iter().rev().find(|p| p.span.end <= figure.start) {
        let between = &text[p.span.end..figure.start];
        if between.trim_end().ends_with('(') && between.trim().len() <= 2 {
            return Some(p.entity.clone());
        }
    }
    let clause = clause_around(text, sentences, figure);
    let within = |c: Span| {
        let lo = places.partition_point(|p| p.span.start < c.start);
        let hi = places.partition_point(|p| p.span.start < c.end);
        places[lo..hi].iter().filter(move |p| p.span.end <= c.end)
    };
    let mut candidates: Vec<&Place> = within(clause).collect();
    if candidates.is_empty() {
        // Rule 1b: "Homs: 1,400 children", "From Lebanon: 320 people".
        candidates = heading_before(text, sentences, clause).map_or_else(Vec::new, |h| within(h).collect());
    }
    if candidates.is_empty() {
        return None;
    }
    // A clause naming more places than this is a list or a table: keep the
    // ones nearest the figure, so the work per figure stays bounded.
    if candidates.len() > MAX_CANDIDATES {
        let distance = |p: &Place| p.span.start.abs_diff(figure.start);
        candidates.sort_by_key(|p| distance(p));
        candidates.truncate(MAX_CANDIDATES);
        candidates.sort_by_key(|p| p.span.start);
    }
    // Which candidate contains which (rule 5).
    let n = candidates.len();
    let contains_rel: Vec<Vec<bool>> =
        (0..n).map(|i| (0..n).map(|j| i != j && contains(text, candidates[i], candidates[j])).collect()).collect();
    // Rule 4: lists go, unless the pair is a container relation.
    let mut listed = vec![false; n];
    for i in 1..n {
        if contains_rel[i][i - 1] || contains_rel[i - 1][i] {
            continue;
        }
        if is_list_separator(&text[candidates[i - 1].span.end..candidates[i].span.start]) {
            listed[i - 1] = true;
            listed[i] = true;
        }
    }
    // Rule 5: a container goes when a place inside it is still a candidate.
    let dropped: Vec<bool> = (0..n).map(|i| listed[i] || (0..n).any(|j| contains_rel[i][j] && !listed[j])).collect();
    // Rule 7a: a place attached to the figure by a preposition ("four zones in Syria").
    if let Some(k) = (0..n).find(|&k| candidates[k].span.start >= figure.end) {
        if !listed[k] && is_attached(&text[figure.end..candidates[k].span.start]) && !is_crossing(text, candidates[k]) {
            return Some(candidates[k].entity.clone());
        }
    }
    let mut keep: Vec<&Place> = candidates.iter().zip(&dropped).filter(|(_, d)| !**d).map(|(p, _)| *p).collect();
    // Rule 6: crossings, then origins, only when nothing else is left.
    if keep.iter().any(|p| !is_crossing(text, p)) {
        keep.retain(|p| !is_crossing(text, p));
    }
    if keep.iter().any(|p| !is_origin(text, p)) {
        keep.retain(|p| !is_origin(text, p));
    }
    // Rule 6b: a place in the possessive modifies a noun ("Germany's KfW
    // said"): it is the figure's place only when no other is left.
    if keep.iter().any(|p| !is_possessive(text, p)) {
        keep.retain(|p| !is_possessive(text, p));
    }
    // Rule 7.
    let after = keep.iter().find(|p| p.span.start >= figure.end);
    let before = keep.iter().rev().find(|p| p.span.end <= figure.start);
    after.or(before).map(|p| p.entity.clone())
}

/// True when `outer` is a container of `inner`: by the gazetteer's parent
/// chain, or by the text ("inner, outer province", "inner (outer province)",
/// "inner in the province of outer").
fn contains(text: &str, outer: &Place, inner: &Place) -> bool {
    if is_ancestor(outer, inner) {
        return true;
    }
    if outer.span.start < inner.span.end || outer.span.start - inner.span.end > 40 {
        return false;
    }
    let between = text[inner.span.end..outer.span.start].trim();
    let joined = [",", "(", "in", "in the", "of", "of the"].iter().any(|w| between.eq_ignore_ascii_case(w));
    (joined && first_word_is(&text[outer.span.end..], &["province", "governorate", "district"]))
        || ends_with_ignore_ascii_case(between, "province of")
        || ends_with_ignore_ascii_case(between, "governorate of")
        // "Aleppo, Syria"; but "Turkey, Lebanon and Jordan" is a list.
        || (between == "," && outer.entity.subtype == Subtype::Country && inner.entity.subtype != Subtype::Country)
}

fn ends_with_ignore_ascii_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len() && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

fn is_ancestor(outer: &Place, inner: &Place) -> bool {
    match (outer.index, inner.index) {
        (Some(o), Some(i)) => o != i && inner.ancestors.contains(&o),
        _ => false,
    }
}

/// True when the text from a figure to a place is a short phrase ending in a
/// preposition of place: "zones in", "people have returned to", "tons of
/// food products to the".
fn is_attached(between: &str) -> bool {
    if between.contains(['(', ')', ',', ';', ':', '.']) {
        return false;
    }
    let words: Vec<String> = between.split_whitespace().map(str::to_ascii_lowercase).collect();
    let mut rest = words.as_slice();
    while let Some((last, init)) = rest.split_last() {
        if matches!(last.as_str(), "the" | "province" | "of" | "governorate") {
            rest = init;
        } else {
            break;
        }
    }
    words.len() <= 7 && rest.last().is_some_and(|w| matches!(w.as_str(), "in" | "to" | "into" | "at" | "inside"))
}

/// True when the text between two places makes them a list: only commas,
/// "and"/"or", dashes, slashes, figures in parentheses and words such as
/// "province(s)" or "the".
fn is_list_separator(between: &str) -> bool {
    let mut rest = String::with_capacity(between.len());
    let mut depth = 0usize;
    for c in between.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => rest.push(c),
            _ => {}
        }
    }
    let mut separated = false;
    for word in rest.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()) {
        let w = word.trim_matches(|c: char| matches!(c, ',' | '/' | '&' | '–' | '—' | '-'));
        if word.contains([',', '/', '&', '–', '—']) || word == "-" {
            separated = true;
        }
        match w.to_ascii_lowercase().as_str() {
            "" => {}
            "and" | "or" => separated = true,
            "the" | "province" | "provinces" | "governorate" | "governorates" | "city" | "camp" | "camps" | "etc" => {}
            _ => return false,
        }
    }
    separated
}

fn is_crossing(text: &str, p: &Place) -> bool {
    if p.entity.subtype == Subtype::Crossing {
        return true;
    }
    if first_word_is(&text[p.span.end..], &["checkpoint", "crossing", "checkpoints"]) {
        return true;
    }
    let before = text[floor(text, p.span.start.saturating_sub(24))..p.span.start].trim_end();
    ends_with_ignore_ascii_case(before, "checkpoint") || ends_with_ignore_ascii_case(before, "checkpoints")
}

/// True for a place written in the possessive: "Germany's", "Jordan’s".
fn is_possessive(text: &str, p: &Place) -> bool {
    let mut after = text[p.span.end..].chars();
    matches!(after.next(), Some('\'' | '\u{2019}'))
        && matches!(after.next(), Some('s' | 'S'))
        && !after.next().is_some_and(char::is_alphanumeric)
}

/// True for a place introduced by "from" ("from Lebanon", "from southern and
/// eastern Idlib", "from the territory of Lebanon").
fn is_origin(text: &str, p: &Place) -> bool {
    let before = text[floor(text, p.span.start.saturating_sub(48))..p.span.start].to_ascii_lowercase();
    let words: Vec<&str> = before.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).collect();
    for (n, w) in words.iter().rev().enumerate().take(5) {
        if *w == "from" {
            return true;
        }
        let filler = matches!(
            *w,
            "the" | "and" | "of" | "territory" | "southern" | "northern" | "eastern" | "western" | "rural" | "central"
        );
        if !filler || n >= 4 {
            return false;
        }
    }
    false
}

/// Whether the first word of `s` (letters, digits and hyphens), lower-cased,
/// is one of `words` (lower case).
fn first_word_is(s: &str, words: &[&str]) -> bool {
    let word = s.split(|c: char| !c.is_alphanumeric() && c != '-').find(|w| !w.is_empty()).unwrap_or("");
    if word.is_ascii() {
        words.iter().any(|w| word.eq_ignore_ascii_case(w))
    } else {
        let lower = word.to_lowercase();
        words.iter().any(|w| lower == *w)
    }
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// Where the document's sentences start: Unicode sentence boundaries
/// (UAX #29), except after an abbreviation or an initial ("Mr.", "M.").
/// Computed once per document.
fn sentence_starts(text: &str) -> Vec<usize> {
    let bounds = crate::text::sentence::sentence_breaks(text);
    let mut starts = Vec::with_capacity(bounds.len());
    starts.push(0);
    for pair in bounds.windows(2) {
        figure_sentence_starts(text, pair[0], pair[1], &mut starts);
        if !ends_with_abbreviation(&text[pair[0]..pair[1]]) {
            starts.push(pair[1]);
        }
    }
    if let Some(&last) = bounds.last() {
        figure_sentence_starts(text, last, text.len(), &mut starts);
    }
    starts
}

/// Sentences that open with a figure inside a Unicode sentence: UAX #29
/// (rule SB8) goes on after "Jordan. 12,000 people live in Aleppo"
/// because a lower-case word follows the number. A full stop after a word
/// (not an abbreviation or an initial), spaces and a digit start a sentence.
fn figure_sentence_starts(text: &str, from: usize, to: usize, starts: &mut Vec<usize>) {
    let bytes = &text.as_bytes()[..to];
    for dot in memchr::memchr_iter(b'.', &bytes[from..]).map(|i| from + i) {
        let digit = bytes[dot + 1..].iter().position(|&b| b != b' ').map(|n| dot + 1 + n);
        let Some(digit) = digit.filter(|&d| d > dot + 1 && bytes[d].is_ascii_digit()) else { continue };
        let after_word = dot > from && bytes[dot - 1].is_ascii_alphabetic();
        if after_word && !ends_with_abbreviation(&text[from..=dot]) {
            starts.push(digit);
        }
    }
}

/// The clause containing `figure`: its sentence (at most [`WINDOW`] bytes on
/// either side), cut at `;` and `:`.
fn clause_around(text: &str, sentence_starts: &[usize], figure: Span) -> Span {
    let k = sentence_starts.partition_point(|&s| s <= figure.start);
    let sentence_start = sentence_starts[k.saturating_sub(1)];
    let sentence_end = sentence_starts.get(k).copied().unwrap_or(text.len()).max(figure.end);
    let mut start = sentence_start.max(floor(text, figure.start.saturating_sub(WINDOW)));
    let mut end = sentence_end.min(ceil(text, figure.end + WINDOW));
    // Cut at ';' and ':' (not inside figures such as "10:30").
    let bytes = text.as_bytes();
    for i in (start..figure.start).rev() {
        if is_clause_break(bytes, i) {
            start = i + 1;
            break;
        }
    }
    for i in figure.end..end {
        if is_clause_break(bytes, i) {
            end = i;
            break;
        }
    }
    Span::new(start, end)
}

/// Most words a heading before a colon has ("In Homs", "From Lebanon",
/// "Deir ez-Zor governorate").
const HEADING_WORDS: usize = 5;

/// The short heading a clause follows, when the clause starts right after a
/// colon (on the same line or the next): "Homs: 1,400 children were
/// vaccinated", "From Lebanon:\n320 people".
fn heading_before(text: &str, sentence_starts: &[usize], clause: Span) -> Option<Span> {
    let before = text[..clause.start].trim_end();
    let colon = before.len().checked_sub(1)?;
    let bytes = text.as_bytes();
    if bytes[colon] != b':' || !is_clause_break(bytes, colon) {
        return None;
    }
    let k = sentence_starts.partition_point(|&s| s <= colon);
    let sentence_start = sentence_starts[k.saturating_sub(1)];
    let start = (sentence_start..colon)
        .rev()
        .find(|&i| is_clause_break(bytes, i) || bytes[i] == b'\n')
        .map_or(sentence_start, |i| i + 1);
    let heading = &text[start..colon];
    (heading.split_whitespace().count() <= HEADING_WORDS).then_some(Span::new(start, colon))
}

fn is_clause_break(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b';' => true,
        b':' => !(i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)),
        _ => false,
    }
}

fn ends_with_abbreviation(sentence: &str) -> bool {
    let s = sentence.trim_end();
    let Some(body) = s.strip_suffix('.') else { return false };
    let word: String =
        body.chars().rev().take_while(|c| c.is_alphabetic()).collect::<Vec<_>>().into_iter().rev().collect();
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_initial || ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, needle: &str) -> Span {
        let s = text.find(needle).unwrap();
        Span::new(s, s + needle.len())
    }

    fn place(text: &str, needle: &str, name: &str, subtype: Subtype) -> Place {
        Place::new(&Gazetteer::new(), span_of(text, needle), EntityRef { name: name.into(), id: None, subtype })
    }

    fn where_of(text: &str, figure: &str, places: &[Place]) -> Option<String> {
        place_of(text, &sentence_starts(text), span_of(text, figure), places).map(|e| e.name)
    }

    #[test]
    fn the_most_specific_place_of_the_sentence_wins() {
        let t = "Food came. Citizens of al-Rastan, Homs province, received 4.4 tons of food products. Homs too.";
        let p = [
            place(t, "al-Rastan", "al-Rastan", Subtype::City),
            place(t, "Homs province", "Homs", Subtype::Governorate),
        ];
        let mut p = p.to_vec();
        p[1].span.end = p[1].span.start + 4;
        assert_eq!(where_of(t, "4.4 tons", &p).as_deref(), Some("al-Rastan"));
    }

    #[test]
    fn lists_name_places_equally() {
        let t = "Pupils received 150 backpacks in Zabdin and As-Suwayda.";
        let p = [place(t, "Zabdin", "Zabdin", Subtype::Village), place(t, "As-Suwayda", "As-Suwayda", Subtype::City)];
        assert_eq!(where_of(t, "150 backpacks", &p), None);
    }

    #[test]
    fn parenthesised_figures_belong_to_the_place_before_them() {
        let t = "violations in the provinces of Damascus (5), and Hama (2).";
        let p =
            [place(t, "Damascus", "Damascus", Subtype::Governorate), place(t, "Hama", "Hama", Subtype::Governorate)];
        assert_eq!(where_of(t, "5", &p).as_deref(), Some("Damascus"));
        assert_eq!(where_of(t, "2", &p).as_deref(), Some("Hama"));
    }

    #[test]
    fn movements_prefer_destination_then_origin_then_crossing() {
        let t =
            "From 10 June from Lebanon via checkpoints Dzheydet-Yabus and Tal-Kalakh have returned 16,381 refugees.";
        let p = [
            place(t, "Lebanon", "Lebanon", Subtype::Country),
            place(t, "Dzheydet-Yabus", "Jdeidat Yabous", Subtype::Crossing),
            place(t, "Tal-Kalakh", "Tal Kalakh", Subtype::Crossing),
        ];
        assert_eq!(where_of(t, "16,381 refugees", &p).as_deref(), Some("Lebanon"));
        let t = "approximately 22,500 returnees (from southern and eastern Idlib) in Sinjar since May.";
        let p = [place(t, "Idlib", "Idlib", Subtype::Governorate), place(t, "Sinjar", "Sinjar", Subtype::Town)];
        assert_eq!(where_of(t, "22,500 returnees", &p).as_deref(), Some("Sinjar"));
        let t = "Over the past day, 68 people have returned to Homs province, and 110 people – to the Eastern Ghouta.";
        let p = [
            place(t, "Homs", "Homs", Subtype::Governorate),
            place(t, "Eastern Ghouta", "Eastern Ghouta", Subtype::Region),
        ];
        assert_eq!(where_of(t, "68 people", &p).as_deref(), Some("Homs"));
        assert_eq!(where_of(t, "110 people", &p).as_deref(), Some("Eastern Ghouta"));
    }

    #[test]
    fn a_container_stays_when_the_places_inside_it_are_only_listed() {
        let t = "70 families returned in 12 settlements in the north of Aleppo province (Tal Rifaat, Kafr Antun, Jubah etc)";
        let mut p = vec![
            place(t, "Aleppo", "Aleppo", Subtype::Governorate),
            place(t, "Tal Rifaat", "Tal Rifaat", Subtype::Town),
            place(t, "Kafr Antun", "Kafr Antun", Subtype::Village),
            place(t, "Jubah", "Jubah", Subtype::Village),
        ];
        assert_eq!(where_of(t, "70 families", &p).as_deref(), Some("Aleppo"));
        p.truncate(2);
        assert_eq!(where_of(t, "70 families", &p).as_deref(), Some("Aleppo"));
    }

    #[test]
    fn a_place_attached_by_a_preposition_wins() {
        let t = "They agreed to set up four de-escalation zones in Syria - in the Idlib Governorate and parts of Hama.";
        let p = [
            place(t, "Syria", "Syria", Subtype::Country),
            place(t, "Idlib", "Idlib", Subtype::Governorate),
            place(t, "Hama", "Hama", Subtype::Governorate),
        ];
        assert_eq!(where_of(t, "four de-escalation zones", &p).as_deref(), Some("Syria"));
    }

    #[test]
    fn a_short_heading_before_a_colon_names_the_place() {
        let t = "Homs: 1,400 children were vaccinated.\nFrom Lebanon:\n320 people; 5 more.";
        let p = [place(t, "Homs", "Homs", Subtype::City), place(t, "Lebanon", "Lebanon", Subtype::Country)];
        assert_eq!(where_of(t, "1,400 children", &p).as_deref(), Some("Homs"));
        assert_eq!(where_of(t, "320 people", &p).as_deref(), Some("Lebanon"));
        // Only right after the colon, and only a short heading.
        assert_eq!(where_of(t, "5 more", &p), None);
        let t = "The ministry of health of the region around Homs reported: 1,400 children were vaccinated.";
        let p = [place(t, "Homs", "Homs", Subtype::City)];
        assert_eq!(where_of(t, "1,400 children", &p), None);
        // A place of the clause itself comes first.
        let t = "In Homs: 3 tons reached Hama.";
        let p = [place(t, "Homs", "Homs", Subtype::City), place(t, "Hama", "Hama", Subtype::City)];
        assert_eq!(where_of(t, "3 tons", &p).as_deref(), Some("Hama"));
    }

    #[test]
    fn countries_named_in_a_row_are_a_list() {
        let t = "Some 5.6 million refugees are registered in Turkey, Lebanon and Jordan. 12,000 people live in Aleppo, Syria.";
        let p = [
            place(t, "Turkey", "Turkey", Subtype::Country),
            place(t, "Lebanon", "Lebanon", Subtype::Country),
            place(t, "Jordan", "Jordan", Subtype::Country),
            place(t, "Aleppo", "Aleppo", Subtype::City),
            place(t, "Syria", "Syria", Subtype::Country),
        ];
        assert_eq!(where_of(t, "5.6 million refugees", &p), None);
        assert_eq!(where_of(t, "12,000 people", &p).as_deref(), Some("Aleppo"));
    }

    #[test]
    fn a_place_in_the_possessive_is_a_last_resort() {
        let t =
            "The Zaatari camp, home to 80,000 refugees, got aid, Germany's KfW said. Lebanon’s 1.5 million refugees.";
        let p = [
            place(t, "Zaatari", "Zaatari", Subtype::Camp),
            place(t, "Germany", "Germany", Subtype::Country),
            place(t, "Lebanon", "Lebanon", Subtype::Country),
        ];
        assert_eq!(where_of(t, "80,000 refugees", &p).as_deref(), Some("Zaatari"));
        assert_eq!(where_of(t, "1.5 million refugees", &p).as_deref(), Some("Lebanon"));
    }

    #[test]
    fn other_sentences_and_clauses_do_not_count() {
        let t = "Aid reached Homs. Mr. Smith said 53 civilians were treated; 70 people crossed at Nasib.";
        let p = [place(t, "Homs", "Homs", Subtype::City), place(t, "Nasib", "Nasib", Subtype::Crossing)];
        assert_eq!(where_of(t, "53 civilians", &p), None);
        assert_eq!(where_of(t, "70 people", &p).as_deref(), Some("Nasib"));
    }
}
