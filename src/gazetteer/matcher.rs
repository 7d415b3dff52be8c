//! The name matcher: one Aho-Corasick automaton over the folded forms of
//! every name, whole-word and case rules checked while choosing matches, and
//! homonyms resolved from the words around them.
//!
//! A name can only start where a word starts, so the automaton is not run
//! over the whole text: from each word start it is walked as a trie (see
//! [`KeyTrie`]) and stops as soon as no name continues. Every name
//! occurrence that starts at a word start is found this way, exactly the
//! ones an overlapping search would report and the whole-word rule would
//! keep.

use rustc_hash::FxHashMap;
use std::sync::Arc;

use super::stopwords;
use super::trie::KeyTrie;
use super::Gazetteer;
use crate::error::Result;
use crate::mention::{Span, Subtype};
use crate::text::fold::{fold_name, is_word_char, Folded, BREAK};

/// Arabic articles that may stand before a name, joined by a hyphen or a space.
const ARTICLES: [&str; 15] =
    ["al", "el", "as", "ad", "ar", "an", "at", "az", "ash", "es", "ez", "ed", "er", "et", "ul"];

/// Names shorter than this (in folded bytes) keep their article: "al-Bab"
/// does not become "Bab".
const MIN_STRIPPED_LEN: usize = 4;

/// Documents are folded and scanned in chunks that end at a line break after
/// this many bytes, so memory stays flat whatever the document size.
const CHUNK: usize = 1 << 16;
/// A chunk with no line break is cut at a character boundary after this many bytes.
const MAX_CHUNK: usize = 1 << 20;

/// How the case of the text must agree with the name as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum CaseRule {
    /// Any case ("joint coordination headquarters").
    Any,
    /// The first letter (after an article) must not be lower case ("Homs", "Tell Shihab").
    Capitalized,
    /// An acronym: the letters and digits must be exactly these ("UN", "WHO").
    Exact(Box<str>),
}

#[derive(Debug)]
struct Pattern {
    rule: CaseRule,
    /// Entries this name may mean, best first, with whether it is their canonical name.
    entries: Vec<u32>,
    /// The name is one word that begins many place names ("Tal", "Jisr",
    /// "Deir"): before another capitalised word it is the start of a
    /// longer name the gazetteer does not know ("Tal Jabeen").
    generic_start: bool,
}

/// Words that begin many Syrian place names ("Tal Abyad", "Jisr
/// al-Shughur", "Kafr Nabl"), folded. Alone they are names too ("Al-Tall",
/// "Al Jisr"), but not when a capitalised word follows.
const GENERIC_STARTS: &[&str] = &[
    "abu", "ain", "arab", "ard", "ayn", "bab", "bayt", "beit", "bir", "birkat", "dayr", "deir", "der", "hawsh",
    "jabal", "jebel", "jisr", "kafr", "kfar", "khan", "khirbat", "khirbet", "maarat", "mazraat", "qalaat", "qaryat",
    "qasr", "ras", "shaykh", "sheikh", "souq", "suq", "tal", "tall", "tel", "tell", "um", "umm", "wadi",
];

/// A name found in a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EntityMatch {
    /// Byte span in the document.
    pub span: Span,
    /// Index of the chosen entry in the gazetteer.
    pub entry: u32,
    /// Other entries the name may mean, best first.
    pub alternatives: Vec<u32>,
}

/// The compiled matcher for one gazetteer.
#[derive(Debug)]
pub(crate) struct Matcher {
    gazetteer: Arc<Gazetteer>,
    /// Every name form, by pattern index.
    trie: Option<KeyTrie>,
    patterns: Vec<Pattern>,
    /// For each entry, the governorate it lies in (itself for a governorate).
    governorate: Vec<Option<u32>>,
    /// For each entry, its folded canonical name and, if it has a leading
    /// article, the folded name without it (see [`CanonicalKeys::is_canonical`]).
    canonical: Vec<CanonicalKeys>,
}

/// The folded forms of an entry's canonical name, computed once.
#[derive(Debug, Clone)]
struct CanonicalKeys {
    name: Box<str>,
    without_article: Option<Box<str>>,
}

impl CanonicalKeys {
    fn of(e: &super::Entry) -> CanonicalKeys {
        CanonicalKeys {
            name: fold_key(&e.name).into_boxed_str(),
            without_article: strip_article(&e.name).map(|rest| fold_key(rest).into_boxed_str()),
        }
    }

    /// True when `key` is the folded canonical name, with or without its article.
    fn is_canonical(&self, key: &str) -> bool {
        &*self.name == key || self.without_article.as_deref() == Some(key)
    }
}

/// How far (in bytes, within one line) a governorate named near an
/// ambiguous place name is taken as its governorate: "Tell Shihab, Daraa
/// province", "As Sanamayn, Izra and Nawa (Dar’a)".
const GOVERNORATE_WINDOW: usize = 200;

fn first_letter_after_article(name: &str) -> Option<char> {
    let body = strip_article(name).unwrap_or(name);
    body.chars().find(|c| c.is_alphabetic())
}

/// Is `word` (any case) one of the [`ARTICLES`]?
fn is_article(word: &str) -> bool {
    ARTICLES.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// The name without a leading article ("al-Rastan" → "Rastan"), if it has one.
fn strip_article(name: &str) -> Option<&str> {
    let (word, rest) = name.split_once(['-', ' ', '\u{2010}', '\u{2011}'])?;
    if is_article(word) && rest.chars().next().is_some_and(char::is_alphabetic) {
        Some(rest)
    } else {
        None
    }
}

fn case_rule(name: &str) -> CaseRule {
    let alnum: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
    let letters = alnum.chars().filter(|c| c.is_alphabetic()).count();
    if letters > 0 && alnum.chars().count() <= 5 && !alnum.chars().any(char::is_lowercase) {
        return CaseRule::Exact(alnum.into_boxed_str());
    }
    match first_letter_after_article(name) {
        Some(c) if c.is_uppercase() => CaseRule::Capitalized,
        _ => CaseRule::Any,
    }
}

/// Rank of a subtype when a name is shared and nothing around it decides:
/// "Damascus" alone is the city, "Homs" alone the city, a country before a
/// town of the same name, a camp before a village.
fn subtype_rank(s: Subtype) -> u8 {
    match s {
        Subtype::Country => 0,
        Subtype::City => 1,
        Subtype::Governorate => 2,
        Subtype::Region => 3,
        Subtype::Crossing => 4,
        Subtype::Camp | Subtype::Shelter => 5,
        Subtype::Town => 6,
        Subtype::District => 7,
        Subtype::Subdistrict => 8,
        // A named neighbourhood of a city is better known than a hamlet of the same name.
        Subtype::Neighbourhood => 9,
        Subtype::Village => 10,
        _ => 0,
    }
}

/// `fold_name`, with a fast path for ASCII names (most of them): the same
/// result, without the offset map.
fn fold_key(name: &str) -> String {
    if !name.is_ascii() {
        return fold_name(name);
    }
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        match b {
            b'a'..=b'z' | b'0'..=b'9' => out.push(b as char),
            b'A'..=b'Z' => out.push(b.to_ascii_lowercase() as char),
            b'\'' | b'`' => {}
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' | b'-' | b'_' => {
                if out.as_bytes().last().is_some_and(|&l| l != b' ') {
                    out.push(' ');
                }
            }
            _ => out.push(BREAK as char),
        }
    }
    let trimmed = out.trim_matches(|c| c == ' ' || c == BREAK as char);
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}

/// The forms a name is matched under: itself, without its article, and with
/// hyphens removed ("Deir ez-Zor" → "Deir ezZor"). A minor place (village,
/// town, district...) is never matched under a single common English word
/// ("Tall", "Harem"), and no name loses its article to become one.
fn name_forms(name: &str, subtype: Subtype) -> Vec<(String, CaseRule)> {
    let rule = case_rule(name);
    let minor = stopwords::applies_to(subtype);
    let mut forms = Vec::with_capacity(3);
    let mut add = |s: &str| {
        let key = fold_key(s);
        let unwanted =
            key.is_empty() || (minor && stopwords::is_stop_word(&key)) || forms.iter().any(|(k, _)| *k == key);
        if !unwanted {
            forms.push((key, rule.clone()));
        }
    };
    add(name);
    if let Some(rest) = strip_article(name) {
        let key = fold_key(rest);
        if key.len() >= MIN_STRIPPED_LEN && !stopwords::is_stop_word(&key) {
            add(rest);
        }
    }
    if name.contains('-') {
        let joined = name.replace('-', "");
        add(&joined);
    }
    forms
}

impl Matcher {
    /// Compiles the automaton for every name of every entry.
    pub fn new(gazetteer: Arc<Gazetteer>) -> Result<Matcher> {
        stopwords::preload();
        let mut index: FxHashMap<(String, CaseRule), usize> = FxHashMap::default();
        let mut keys: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        for (i, entry) in gazetteer.entries().iter().enumerate() {
            for name in entry.names() {
                for (key, rule) in name_forms(name, entry.subtype()) {
                    let slot = *index.entry((key.clone(), rule.clone())).or_insert_with(|| {
                        let generic_start = GENERIC_STARTS.contains(&key.as_str());
                        keys.push(key);
                        patterns.push(Pattern { rule, entries: Vec::new(), generic_start });
                        patterns.len() - 1
                    });
                    let p = &mut patterns[slot];
                    if !p.entries.contains(&(i as u32)) {
                        p.entries.push(i as u32);
                    }
                }
            }
        }
        let entries = gazetteer.entries();
        let canonical: Vec<CanonicalKeys> = entries.iter().map(CanonicalKeys::of).collect();
        for (key, p) in keys.iter().zip(&mut patterns) {
            // By subtype, then the entries this is the canonical name of (not a
            // variant spelling shared by chance), then population.
            p.entries.sort_by_key(|&i| {
                let e = &entries[i as usize];
                let is_canonical = canonical[i as usize].is_canonical(key);
                (subtype_rank(e.subtype()), !is_canonical, std::cmp::Reverse(e.population.unwrap_or(0)))
            });
        }
        let trie = KeyTrie::new(keys.iter().map(String::as_str).zip(0u32..))?;
        let governorate = governorates(&gazetteer);
        Ok(Matcher { gazetteer, trie, patterns, governorate, canonical })
    }

    /// The gazetteer this matcher was built from.
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.gazetteer
    }

    /// Every name in `text`, leftmost-longest among the valid matches, never overlapping.
    pub fn find(&self, text: &str) -> Vec<EntityMatch> {
        let Some(trie) = &self.trie else { return Vec::new() };
        let mut candidates: Vec<(usize, usize, u32)> = Vec::new();
        let mut folded = Folded::default();
        let mut chunk_start = 0;
        while chunk_start < text.len() {
            let chunk_end = chunk_end(text, chunk_start);
            folded.clear();
            folded.push_str(&text[chunk_start..chunk_end], 0);
            for &fs in &folded.word_starts {
                let fs = fs as usize;
                if !is_word_start(text, chunk_start, &folded, fs) {
                    continue;
                }
                trie.prefixes_at(&folded.bytes, fs, |fe, pid| {
                    if let Some((s, e)) = self.validate(text, chunk_start, &folded, fs, fe, pid) {
                        candidates.push((s, e, pid));
                    }
                });
            }
            chunk_start = chunk_end;
        }
        // Leftmost-longest among the valid matches.
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut out: Vec<EntityMatch> = Vec::new();
        let mut decided: Vec<bool> = Vec::new();
        let mut last_end = 0;
        for (s, e, pid) in candidates {
            if s < last_end {
                continue;
            }
            last_end = e;
            let (entry, alternatives, by_context) = self.resolve(text, s, e, &self.patterns[pid as usize]);
            out.push(EntityMatch { span: Span::new(s, e), entry, alternatives });
            decided.push(by_context);
        }
        self.prefer_nearby_governorate(text, &mut out, &decided);
        out
    }

    /// Among the readings of an ambiguous place name, prefers one that lies
    /// in a governorate named close by on the same line, when the reading
    /// chosen by rank lies elsewhere ("Sinjar ... Idlib": the Idlib Sinjar,
    /// not the Iraqi town). Readings forced by the words around the name
    /// ("X province") are kept.
    fn prefer_nearby_governorate(&self, text: &str, out: &mut [EntityMatch], decided: &[bool]) {
        let entries = self.gazetteer.entries();
        // Governorates named in the text: a match one of whose readings is a governorate.
        let named: Vec<(usize, u32)> = out
            .iter()
            .filter_map(|m| {
                std::iter::once(m.entry)
                    .chain(m.alternatives.iter().copied())
                    .find(|&e| entries[e as usize].subtype() == Subtype::Governorate)
                    .map(|g| (m.span.start, g))
            })
            .collect();
        if named.is_empty() {
            return;
        }
        for (i, m) in out.iter_mut().enumerate() {
            if decided[i] || m.alternatives.is_empty() {
                continue;
            }
            // A governorate's own name ("Hama" in a list of governorates) stays as ranked.
            if std::iter::once(m.entry)
                .chain(m.alternatives.iter().copied())
                .any(|e| entries[e as usize].subtype() == Subtype::Governorate)
            {
                continue;
            }
            let key = fold_name(&text[m.span.start..m.span.end]);
            let canonical = self.canonical[m.entry as usize].is_canonical(&key);
            let kind = entries[m.entry as usize].kind();
            let lo = floor_char_boundary(text, m.span.start.saturating_sub(GOVERNORATE_WINDOW));
            let hi = floor_char_boundary(text, (m.span.end + GOVERNORATE_WINDOW).min(text.len()));
            let line_start = text[lo..m.span.start].rfind('\n').map_or(lo, |p| lo + p + 1);
            let line_end = text[m.span.end..hi].find('\n').map_or(hi, |p| m.span.end + p);
            let first = named.partition_point(|(pos, _)| *pos < line_start);
            let near = named[first..]
                .iter()
                .take_while(|(pos, _)| *pos < line_end)
                .filter(|(pos, _)| *pos != m.span.start)
                .map(|&(pos, g)| (pos.abs_diff(m.span.start), g))
                .filter(|(d, _)| *d <= GOVERNORATE_WINDOW)
                .min_by_key(|(d, _)| *d);
            let Some((_, gov)) = near else { continue };
            if self.governorate[m.entry as usize] == Some(gov) {
                continue;
            }
            if let Some(pos) = m.alternatives.iter().position(|&a| {
                let e = &entries[a as usize];
                self.governorate[a as usize] == Some(gov)
                    && e.kind() == kind
                    && (self.canonical[a as usize].is_canonical(&key) || !canonical)
            }) {
                let better = m.alternatives.remove(pos);
                let old = std::mem::replace(&mut m.entry, better);
                m.alternatives.insert(0, old);
            }
        }
    }

    /// Checks boundaries and case, and extends over a leading article.
    /// Returns the byte span in `text`.
    fn validate(&self, text: &str, base: usize, f: &Folded, fs: usize, fe: usize, pid: u32) -> Option<(usize, usize)> {
        // A match must start and end on whole characters of the original.
        if fs > 0 && f.origin[fs - 1] == f.origin[fs] {
            return None;
        }
        if fe < f.bytes.len() && f.origin[fe] == f.origin[fe - 1] {
            return None;
        }
        // Names never start or end on a separator (keys are trimmed), but a
        // key may start after one inside the folded text.
        debug_assert!(f.bytes[fs] != b' ' && f.bytes[fs] != BREAK);
        let start = base + f.origin[fs] as usize;
        let last = base + f.origin[fe - 1] as usize;
        let end = last + text[last..].chars().next().map_or(1, char::len_utf8);
        // Whole words, judged on the original text.
        if text[..start].chars().next_back().is_some_and(is_word_char) {
            return None;
        }
        let mut after = text[end..].chars();
        match after.next() {
            Some(c) if is_word_char(c) => return None,
            // "Dar’a" is not "Dar" followed by something; "Syria’s" is "Syria".
            Some(c) if is_apostrophe_like(c) => {
                let mut rest = after.clone();
                if let Some(n) = rest.next() {
                    // A possessive "’s" ends the name: another letter after the apostrophe does not.
                    let possessive = matches!(n, 's' | 'S') && !rest.next().is_some_and(is_word_char);
                    if is_word_char(n) && !possessive {
                        return None;
                    }
                }
            }
            _ => {}
        }
        let pattern = &self.patterns[pid as usize];
        if pattern.generic_start && capitalised_word_follows(&text[end..]) {
            return None;
        }
        let slice = &text[start..end];
        match &pattern.rule {
            CaseRule::Any => {}
            CaseRule::Capitalized => {
                if first_letter_after_article(slice).is_some_and(char::is_lowercase) {
                    return None;
                }
                // A short word in capitals is an acronym ("WASH"), not a village called "Wash".
                let alnum = slice.chars().filter(|c| c.is_alphanumeric()).count();
                if alnum <= 5
                    && slice.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !slice.chars().any(char::is_lowercase)
                    && pattern
                        .entries
                        .iter()
                        .all(|&e| stopwords::applies_to(self.gazetteer.entries()[e as usize].subtype()))
                {
                    return None;
                }
            }
            CaseRule::Exact(alnum) => {
                if !slice.chars().filter(|c| c.is_alphanumeric()).eq(alnum.chars()) {
                    return None;
                }
            }
        }
        // An acronym takes no article: "AS IS" is not "IS" with an article.
        let start = if matches!(pattern.rule, CaseRule::Exact(_)) {
            start
        } else {
            article_before(text, start, slice).unwrap_or(start)
        };
        Some((start, end))
    }

    /// Chooses among the entries a name may mean, from the words around it.
    /// Returns the choice, the alternatives (best first) and whether the
    /// words around the name decided.
    fn resolve(&self, text: &str, start: usize, end: usize, pattern: &Pattern) -> (u32, Vec<u32>, bool) {
        let mut entries = pattern.entries.clone();
        let mut by_context = false;
        if entries.len() > 1 {
            if let Some(wanted) = context_subtype(text, start, end) {
                let all = self.gazetteer.entries();
                let subtype = |e: &u32| all[*e as usize].subtype();
                // "the town of Atmeh": the town if there is one, else another
                // settlement, else the area named after it, never the camp.
                let pos = entries.iter().position(|e| subtype(e) == wanted).or_else(|| {
                    let settlement = matches!(wanted, Subtype::City | Subtype::Town | Subtype::Village);
                    let fallbacks: &[Subtype] = if settlement {
                        &[Subtype::City, Subtype::Town, Subtype::Village, Subtype::Subdistrict, Subtype::District]
                    } else {
                        &[]
                    };
                    fallbacks.iter().find_map(|&f| entries.iter().position(|e| subtype(e) == f))
                });
                if let Some(pos) = pos {
                    let chosen = entries.remove(pos);
                    entries.insert(0, chosen);
                    by_context = true;
                }
            }
        }
        let chosen = entries[0];
        entries.remove(0);
        entries.truncate(MAX_ALTERNATIVES);
        (chosen, entries, by_context)
    }
}

/// How many other readings of an ambiguous name a match keeps.
const MAX_ALTERNATIVES: usize = 8;

/// The governorate of every entry: itself for a governorate, else the first
/// governorate up its chain of parents.
fn governorates(g: &Gazetteer) -> Vec<Option<u32>> {
    let entries = g.entries();
    entries
        .iter()
        .enumerate()
        .map(|(i, _)| {
            let mut cur = Some(i);
            for _ in 0..8 {
                let idx = cur?;
                let x = &entries[idx];
                if x.subtype() == Subtype::Governorate {
                    return Some(idx as u32);
                }
                cur = x.parent.as_deref().and_then(|p| g.index_of(p));
            }
            None
        })
        .collect()
}

/// Whether a name may start at folded byte `fs` of the chunk at `base`:
/// the first byte of an original character, not a separator, with no word
/// character just before it in the original (the start half of
/// [`Matcher::validate`], checked before walking the automaton). The
/// folding's word starts are these but for the chunk's first character
/// (which may continue a word when a chunk is cut mid-line).
#[inline]
fn is_word_start(text: &str, base: usize, f: &Folded, fs: usize) -> bool {
    let b = f.bytes[fs];
    if b == b' ' || b == BREAK || (fs > 0 && f.origin[fs - 1] == f.origin[fs]) {
        return false;
    }
    let before = &text[..base + f.origin[fs] as usize];
    match before.as_bytes().last() {
        None => true,
        Some(&c) if c < 0x80 => !c.is_ascii_alphanumeric(),
        Some(_) => !before.chars().next_back().is_some_and(is_word_char),
    }
}

/// Whether `after` (the text after a name) goes on with a capitalised
/// word, after one space or hyphen and an optional article: "Tal| Jabeen",
/// "Jisr| al-Shughour", "Kafr|-Nabl".
fn capitalised_word_follows(after: &str) -> bool {
    let Some(rest) = after.strip_prefix([' ', '-', '\u{a0}']) else { return false };
    let rest = match rest.split_once(['-', ' ']) {
        Some((word, name)) if is_article(word) => name,
        _ => rest,
    };
    rest.chars().next().is_some_and(char::is_uppercase)
}

fn is_apostrophe_like(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{02BC}' | '\u{02BF}' | '\u{02BE}')
}

/// Where a chunk starting at `start` ends: the first line break after
/// [`CHUNK`] bytes, or a character boundary after [`MAX_CHUNK`] bytes.
fn chunk_end(text: &str, start: usize) -> usize {
    if text.len() - start <= CHUNK {
        return text.len();
    }
    let from = start + CHUNK;
    let limit = (start + MAX_CHUNK).min(text.len());
    if let Some(nl) = memchr::memchr(b'\n', &text.as_bytes()[from..limit]) {
        return from + nl + 1;
    }
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    cut
}

/// If an Arabic article stands just before `start` ("al-", "Ar ", "es-"),
/// the offset where it begins. A lower-case article joined by a space is
/// taken only for "al"/"el" ("such as Raqqa" keeps "as" out).
fn article_before(text: &str, start: usize, name: &str) -> Option<usize> {
    let before = &text[..start];
    let sep = before.chars().next_back()?;
    let hyphen = matches!(sep, '-' | '\u{2010}' | '\u{2011}');
    if !hyphen && sep != ' ' {
        return None;
    }
    let rest = &before[..before.len() - sep.len_utf8()];
    let word_start = rest.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
    let word = &rest[word_start..];
    if !(2..=3).contains(&word.len()) || rest[..word_start].chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    if !is_article(word) {
        return None;
    }
    if !hyphen {
        let capital = word.starts_with(|c: char| c.is_ascii_uppercase());
        let name_capital = name.starts_with(|c: char| c.is_uppercase());
        let al_or_el = word.eq_ignore_ascii_case("al") || word.eq_ignore_ascii_case("el");
        if !(al_or_el || (capital && name_capital)) {
            return None;
        }
    }
    Some(word_start)
}

/// The subtype the words around a name ask for: "Homs province", "the
/// province of Homs", "provinces of Aleppo, Hama and Idlib", "Rukban camp".
fn context_subtype(text: &str, start: usize, end: usize) -> Option<Subtype> {
    let after = &text[end..floor_char_boundary(text, text.len().min(end + 80))];
    let mut word_buf = [0u8; 16];
    if let Some(w) = next_word(after, &mut word_buf) {
        match w {
            "province" | "provinces" | "governorate" | "governorates" | "gov" | "muhafazat" => {
                return Some(Subtype::Governorate)
            }
            "district" | "districts" => return Some(Subtype::District),
            "subdistrict" | "sub-district" | "nahiya" => return Some(Subtype::Subdistrict),
            "camp" | "camps" => return Some(Subtype::Camp),
            "city" => return Some(Subtype::City),
            "checkpoint" | "crossing" => return Some(Subtype::Crossing),
            // Zones are named after governorates: "the Idlib de-escalation zone".
            "de-escalation" => return Some(Subtype::Governorate),
            _ => {}
        }
    }
    let from = floor_char_boundary(text, start.saturating_sub(100));
    let mut before_buf = [0u8; 100];
    let before = ascii_lowercase_in(&text[from..start], &mut before_buf);
    let before = before.trim_end();
    for (word, subtype) in [
        ("province of", Subtype::Governorate),
        ("governorate of", Subtype::Governorate),
        ("district of", Subtype::District),
        ("city of", Subtype::City),
        ("town of", Subtype::Town),
        ("village of", Subtype::Village),
        ("villages of", Subtype::Village),
        ("settlement of", Subtype::Village),
    ] {
        if before.ends_with(word) {
            return Some(subtype);
        }
    }
    // A list introduced by "provinces of": "provinces of Aleppo, Hama, and al-Quneitra".
    if let Some(pos) = before.rfind("provinces of ").or_else(|| before.rfind("governorates of ")) {
        let between = &before[pos..];
        if !between.contains(['.', ';', ':', '(', ')']) {
            return Some(Subtype::Governorate);
        }
    }
    // A list closed by "provinces": "Aleppo, Hama, and al-Quneitra provinces",
    // "Latakia (1), Idlib (3) and Aleppo (2) provinces".
    let window = &after[..after.find(['.', ';', ':', '\n']).unwrap_or(after.len())];
    let mut window_buf = [0u8; 80];
    let lower = ascii_lowercase_in(window, &mut window_buf);
    if lower.starts_with([',', ' ']) && (lower.contains(" provinces") || lower.contains(" governorates")) {
        return Some(Subtype::Governorate);
    }
    None
}

/// `s` with ASCII letters lower-cased, in `buf` (no allocation); `s` must
/// fit (the callers cut their windows to the buffer's size).
fn ascii_lowercase_in<'b, const N: usize>(s: &str, buf: &'b mut [u8; N]) -> &'b str {
    let n = s.len().min(N);
    let out = &mut buf[..n];
    out.copy_from_slice(&s.as_bytes()[..n]);
    out.make_ascii_lowercase();
    // Lower-casing ASCII keeps UTF-8 valid; a window longer than the buffer
    // (never, by the callers) is cut back to a character boundary.
    match std::str::from_utf8(out) {
        Ok(t) => t,
        Err(e) => std::str::from_utf8(&out[..e.valid_up_to()]).unwrap_or_default(),
    }
}

/// The next word of `s` (letters, digits and hyphens), lower-cased in
/// `buf`. Every word the callers look for is short and ASCII: a longer or
/// non-ASCII word is returned as `Some("")`, which matches none of them.
fn next_word<'b>(s: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let s = s.trim_start_matches([' ', '\u{a0}']);
    let len = s.find(|c: char| !(c.is_alphanumeric() || c == '-')).unwrap_or(s.len());
    let word = &s[..len];
    if word.is_empty() {
        return None;
    }
    if !word.is_ascii() || word.len() > buf.len() {
        return Some("");
    }
    Some(ascii_lowercase_in(word, buf))
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Entry;

    fn matcher(entries: Vec<Entry>) -> Matcher {
        Matcher::new(Arc::new(Gazetteer::from_entries(entries).unwrap())).unwrap()
    }

    fn found(m: &Matcher, text: &str) -> Vec<(String, String)> {
        m.find(text)
            .into_iter()
            .map(|x| (text[x.span.start..x.span.end].to_string(), m.gazetteer.entries()[x.entry as usize].id.clone()))
            .collect()
    }

    /// The gazetteer id of the first name found in `text`.
    fn first_id(m: &Matcher, text: &str) -> String {
        found(m, text)[0].1.clone()
    }

    fn sample() -> Matcher {
        matcher(vec![
            Entry::new("deir", "Deir ez-Zor", Subtype::City).with_aliases(["Deir ez-Zour", "Dayr az Zawr"]),
            Entry::new("rastan", "al-Rastan", Subtype::City),
            Entry::new("homs-city", "Homs", Subtype::City),
            Entry::new("homs-gov", "Homs", Subtype::Governorate),
            Entry::new("un", "United Nations", Subtype::Organization).with_aliases(["UN"]),
            // A region: a village called "Tell" would be dropped by the stop list.
            Entry::new("tell", "Tell", Subtype::Region),
            Entry::new("daraa", "Dar'a", Subtype::Governorate),
            Entry::new("jch", "Joint Coordination Headquarters", Subtype::Government)
                .with_aliases(["joint coordination headquarters"]),
            Entry::new("bab", "al-Bab", Subtype::City),
        ])
    }

    #[test]
    fn transliteration_case_and_apostrophe_variants_link_to_one_entity() {
        let m = sample();
        for text in ["Deir ez-Zor", "DEIR EZ ZOR", "Deir-ez-Zour", "Dayr az-Zawr", "Deir Ezzor"] {
            let f = found(&m, &format!("In {text}, aid"));
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0], (text.to_string(), "deir".to_string()));
        }
        assert_eq!(
            found(&m, "Dar’a and Dara"),
            vec![("Dar’a".into(), "daraa".into()), ("Dara".into(), "daraa".into())]
        );
    }

    #[test]
    fn articles_are_optional_and_kept_in_the_span() {
        let m = sample();
        assert_eq!(
            found(&m, "Citizens of al-Rastan, Ar-Rastan and Rastan"),
            vec![
                ("al-Rastan".into(), "rastan".into()),
                ("Ar-Rastan".into(), "rastan".into()),
                ("Rastan".into(), "rastan".into()),
            ]
        );
        assert_eq!(found(&m, "such as Rastan"), vec![("Rastan".into(), "rastan".into())]);
        // Too short without its article.
        assert!(found(&m, "the Bab gate").is_empty());
        assert_eq!(found(&m, "in Al-Bab"), vec![("Al-Bab".into(), "bab".into())]);
    }

    #[test]
    fn whole_words_only_and_a_longer_invalid_match_hides_nothing() {
        let m = sample();
        assert!(found(&m, "Homsville and Mhoms").is_empty());
        let m2 = matcher(vec![Entry::new("a", "Tal", Subtype::Village), Entry::new("b", "Tal Abyad", Subtype::Town)]);
        // "Tal abyadi" is not "Tal Abyad", but "Tal" is still a valid match
        // (before a capitalised word it would start an unknown name).
        assert_eq!(found(&m2, "near Tal abyadi"), vec![("Tal".into(), "a".into())]);
        assert_eq!(found(&m2, "near Tal Abyad."), vec![("Tal Abyad".into(), "b".into())]);
    }

    #[test]
    fn names_start_wherever_a_word_starts() {
        let m = sample();
        let names = |text: &str| found(&m, text).into_iter().map(|(name, _)| name).collect::<Vec<_>>();
        // After characters that vanish in folding (an apostrophe, a zero-width space).
        assert_eq!(names("d’Homs, x\u{200b}Homs"), ["Homs", "Homs"]);
        // At the very start, after punctuation, and nowhere inside a word
        // (a combining mark belongs to the word before it).
        assert_eq!(names("Homs/Homs(Homs) e\u{301}Homs xHoms"), ["Homs", "Homs", "Homs"]);
        // A shorter name inside a longer one is never reported on its own.
        assert_eq!(names("Deir ez-Zor"), ["Deir ez-Zor"]);
    }

    #[test]
    fn acronyms_and_capitalised_names_respect_case() {
        let m = sample();
        assert_eq!(found(&m, "the UN said"), vec![("UN".into(), "un".into())]);
        assert!(found(&m, "an un-named Un official").is_empty());
        assert!(found(&m, "they tell us").is_empty());
        assert_eq!(found(&m, "in Tell."), vec![("Tell".into(), "tell".into())]);
        assert_eq!(
            found(&m, "the Joint coordination headquarters"),
            vec![("Joint coordination headquarters".into(), "jch".into())]
        );
    }

    #[test]
    fn the_fast_ascii_fold_is_fold_name() {
        for s in [
            "Deir ez-Zor",
            " --Dar'a-- ",
            "A.B",
            "x\ty_z",
            "UN/SARC",
            "`Uqayribat",
            "M. Mizintsev",
            "(x)",
            "-",
            "",
            "a\x0bb\x0cc",
            "1,2",
        ] {
            assert_eq!(fold_key(s), fold_name(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_fold_agrees_on_any_ascii(s in "[ -~\t\n]{0,24}") {
            proptest::prop_assert_eq!(fold_key(&s), fold_name(&s));
        }
    }

    #[test]
    fn common_words_are_not_minor_place_names() {
        let m = matcher(vec![
            Entry::new("v", "Tall", Subtype::Village),
            Entry::new("d", "At-Tall", Subtype::District),
            Entry::new("c", "Harem", Subtype::City),
        ]);
        // "Tall" alone is neither the village nor the district without its article.
        assert!(found(&m, "Tall buildings").is_empty());
        assert_eq!(found(&m, "in At-Tall"), vec![("At-Tall".into(), "d".into())]);
        // The stop list is for minor places only.
        assert_eq!(found(&m, "in Harem"), vec![("Harem".into(), "c".into())]);
        // A short word in capitals is an acronym, not a minor place.
        let m = matcher(vec![Entry::new("w", "Wesh", Subtype::Village), Entry::new("c", "Homs", Subtype::City)]);
        assert!(found(&m, "WESH kits").is_empty());
        assert_eq!(found(&m, "HOMS, Wesh"), vec![("HOMS".into(), "c".into()), ("Wesh".into(), "w".into())]);
    }

    #[test]
    fn a_governorate_named_nearby_chooses_among_homonyms() {
        let m = matcher(vec![
            Entry { parent: None, ..Entry::new("g-idlib", "Idlib", Subtype::Governorate) },
            Entry { parent: None, ..Entry::new("g-hama", "Hama", Subtype::Governorate) },
            Entry {
                parent: Some("g-idlib".into()),
                population: Some(10),
                ..Entry::new("s-idlib", "Sinjar", Subtype::Town)
            },
            Entry {
                parent: Some("g-hama".into()),
                population: Some(99),
                ..Entry::new("s-hama", "Sinjar", Subtype::Town)
            },
        ]);
        assert_eq!(found(&m, "in Sinjar today")[0].1, "s-hama");
        assert_eq!(found(&m, "returnees from Idlib in Sinjar")[0].1, "g-idlib");
        assert_eq!(found(&m, "returnees from Idlib in Sinjar")[1].1, "s-idlib");
        assert_eq!(found(&m, "Sinjar (Idlib)")[0].1, "s-idlib");
        let x = &m.find("Sinjar (Idlib)")[0];
        assert_eq!(m.gazetteer.entries()[x.alternatives[0] as usize].id, "s-hama");
        // Another line does not count.
        assert_eq!(found(&m, "Idlib\nSinjar")[1].1, "s-hama");
    }

    #[test]
    fn homonyms_are_resolved_from_context() {
        let m = sample();
        let id = |text: &str| first_id(&m, text);
        assert_eq!(id("Homs province"), "homs-gov");
        assert_eq!(id("the province of Homs"), "homs-gov");
        assert_eq!(id("in Homs today"), "homs-city");
        assert_eq!(id("in provinces of Aleppo, Homs"), "homs-gov");
        assert_eq!(id("in Homs (2) and Aleppo (3) provinces"), "homs-gov");
        let x = &m.find("Homs")[0];
        assert_eq!(x.alternatives.len(), 1);
    }

    #[test]
    fn a_generic_first_word_before_another_name_is_not_a_name() {
        let m = matcher(vec![
            Entry::new("tall", "Al-Tall", Subtype::City).with_aliases(["Tal"]),
            Entry::new("jisr", "Al Jisr", Subtype::Village),
            Entry::new("abyad", "Tal Abyad", Subtype::Town),
        ]);
        let names = |text: &str| found(&m, text).into_iter().map(|(n, id)| format!("{n}={id}")).collect::<Vec<_>>();
        // The start of names the gazetteer does not know.
        assert!(names("to Tal Jabeen, Aleppo").is_empty());
        assert!(names("Shelling hit Jisr al-Shughour").is_empty());
        // Alone, or before a word in lower case, it is still the name.
        assert_eq!(
            names("in Al-Tall today; Tal and Jisr, Tal said"),
            ["Al-Tall=tall", "Tal=tall", "Jisr=jisr", "Tal=tall"]
        );
        assert_eq!(names("Tal Abyad"), ["Tal Abyad=abyad"]);
    }

    #[test]
    fn the_town_of_a_camp_name_is_the_settlement() {
        let m = matcher(vec![
            Entry::new("c", "Atmeh", Subtype::Camp),
            Entry::new("v", "Atmeh", Subtype::Village),
            Entry::new("c2", "Ain Issa", Subtype::Camp),
            Entry::new("s2", "Ain Issa", Subtype::Subdistrict),
        ]);
        let id = |text: &str| first_id(&m, text);
        assert_eq!(id("in Atmeh"), "c");
        assert_eq!(id("Atmeh camp"), "c");
        // No town called Atmeh: the village, not the camp.
        assert_eq!(id("the town of Atmeh"), "v");
        assert_eq!(id("the village of Atmeh"), "v");
        // No settlement at all: the area named after it.
        assert_eq!(id("the town of Ain Issa"), "s2");
        let m = matcher(vec![Entry::new("c", "Atmeh", Subtype::Camp)]);
        assert_eq!(found(&m, "the town of Atmeh")[0].1, "c");
    }

    #[test]
    fn offsets_are_exact_after_characters_that_change_length_when_folded() {
        let m = sample();
        let text = "İİİ ﬁ “Homs” – Ḩimş Deir ez-Zor";
        for x in m.find(text) {
            assert!(text.is_char_boundary(x.span.start) && text.is_char_boundary(x.span.end));
        }
        assert_eq!(found(&m, text).last().unwrap().0, "Deir ez-Zor");
    }

    #[test]
    fn long_documents_are_chunked_without_losing_names() {
        let m = sample();
        let line = "Aid reached Homs and Deir ez-Zor today.\n";
        let text = line.repeat(5000);
        assert_eq!(m.find(&text).len(), 10000);
        let blob = "x".repeat(3 << 20) + " Homs";
        assert_eq!(m.find(&blob).len(), 1);
    }
}
