//! Names that are not in any gazetteer, found from the words around them:
//! "the village of X", "X, Homs province", "Major-General A. Bakin"; and the
//! clean-up of gazetteer matches that the words around them contradict.
//!
//! Everything here is a general rule of the genre, applied after the
//! gazetteer matcher:
//!
//! * an acronym of a country used as a modifier ("US troops", "US-led") is
//!   not a place;
//! * a one-word village name inside a longer capitalised phrase ("Munir
//!   Ibrahim", "Bin Malik") is not a place;
//! * a person introduced by an honorific or a rank ("Ms. Corinne Fleischer",
//!   "Colonel-General M. Mizintsev") is an actor; the honorific or rank is
//!   part of the span, a job title before it is not;
//! * a place introduced by "the village of", "the town of", "the settlement
//!   of", or followed by "X province" ("Anhul in the province of Daraa",
//!   "al-Rastan, Homs province", "Nawa (Daraa province)") is a place;
//! * the named items of a list of shelters ("temporary accommodation
//!   centres ...: A, B, C") are shelters, and an unknown name in a
//!   parenthesised list of places is a place;
//! * a person named again by first name or surname alone ("Shoigu", "Mr.
//!   Andrei", "Esteemed Alexei") is the person named in full earlier in the
//!   document.
//!
//! Context names have no id.

use std::collections::HashMap;

use crate::gazetteer::{is_english_word, Gazetteer};
use crate::mention::{Entity, EntityRef, MentionKind, Span, Subtype};

/// Adds the names found by context to `entities` (sorted by start), never
/// overlapping a gazetteer match. Context names have no id.
pub(crate) fn add_context_names(text: &str, gazetteer: &Gazetteer, entities: &mut Vec<(Span, Entity)>) {
    let _ = gazetteer;
    drop_modifier_acronyms(text, entities);
    // ASCII lower case keeps byte offsets.
    let lower_text = text.to_ascii_lowercase();
    let (toks, mut fl) = tokenize(text);
    let mut extra = String::new();
    let words = lower_words(text, &lower_text, &toks, &fl, &mut extra);
    token_flags(text, &lower_text, &toks, &words, &mut fl);
    let lw = Lw { words, fl };
    drop_acronyms_in_capitals(text, &toks, entities);
    drop_minor_places_in_phrases(text, &toks, entities);
    extend_persons_over_titles(text, &toks, &lw, entities);
    let mut found: Vec<(Span, Entity)> = Vec::new();
    persons_by_title(text, &toks, &lw, entities, &mut found);
    let starts = place_name_starts(text, &toks, &lw);
    places_by_context(text, &toks, &lw, &starts, &mut found);
    camps_and_crossings(text, &toks, &lw, &starts, &mut found);
    shelters(text, &lower_text, &toks, &mut found);
    merge(entities, found);
    let mut listed: Vec<(Span, Entity)> = Vec::new();
    places_in_lists(text, &toks, &lw, entities, &mut listed);
    merge(entities, listed);
    coreference(text, &toks, &lw, entities);
    entities.sort_by_key(|(s, _)| (s.start, s.end));
}

// ------------------------------------------------------------------ tokens

/// A word of the text: letters and digits, with internal hyphens and
/// apostrophes ("Ain-Zrekia", "Dar’a"); an initial keeps its dot ("A.").
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`')
}

/// The character starting at byte `i` of `text` (a character boundary) and
/// its length; ASCII without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = text[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Byte classes for the tokenizer: ASCII letters and digits, upper and lower
/// case, the hyphen and the ASCII apostrophes (joiners), non-ASCII bytes.
const C_ALNUM: u8 = 1;
const C_UPPER: u8 = 2;
const C_LOWER: u8 = 4;
const C_HYPHEN: u8 = 8;
const C_JOIN: u8 = 16;
const C_HIGH: u8 = 32;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            C_ALNUM | C_UPPER
        } else if c.is_ascii_lowercase() {
            C_ALNUM | C_LOWER
        } else if c.is_ascii_digit() {
            C_ALNUM
        } else if c == b'-' {
            C_HYPHEN | C_JOIN
        } else if c == b'\'' || c == b'`' {
            C_JOIN
        } else if c >= 0x80 {
            C_HIGH
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The words of the text ([`Tok`]) with the facts the scan learns on the way
/// (`F_CAP`, `F_LOWER`, `F_HYPHEN`, `F_INITIAL`, `F_SPACE_NEXT`, `F_ASCII`).
#[inline(never)]
fn tokenize(text: &str) -> (Vec<Tok>, Vec<u16>) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 6);
    let mut fl: Vec<u16> = Vec::with_capacity(text.len() / 6);
    // No word yet: a gap that is never one or two bytes.
    let mut prev_end = 0;
    let mut i = 0;
    while i < n {
        let cls = CLASS[usize::from(bytes[i])];
        if cls & (C_ALNUM | C_HIGH) == 0 {
            i += 1;
            continue;
        }
        let (c, len) = if cls & C_HIGH == 0 {
            (char::from(bytes[i]), 1)
        } else {
            let Some((c, len)) = char_at(text, i) else { break };
            if !c.is_alphanumeric() {
                i += len;
                continue;
            }
            (c, len)
        };
        let start = i;
        let mut end = i + len;
        let mut acc = cls;
        loop {
            for &b in &bytes[end..] {
                let c = CLASS[usize::from(b)];
                if c & C_ALNUM == 0 {
                    break;
                }
                acc |= c;
                end += 1;
            }
            if end >= n {
                break;
            }
            let cls = CLASS[usize::from(bytes[end])];
            if cls & C_HIGH != 0 {
                let Some((d, dl)) = char_at(text, end) else { break };
                if d.is_alphanumeric() || crate::text::fold::is_word_char(d) {
                    end += dl;
                    acc |= C_HIGH;
                    continue;
                }
                // Joins two words only when a letter follows.
                if is_apostrophe(d) && char_at(text, end + dl).is_some_and(|(e, _)| is_alnum(e)) {
                    end += dl;
                    acc |= C_HIGH;
                    continue;
                }
                break;
            }
            if cls & C_JOIN != 0 && char_at(text, end + 1).is_some_and(|(e, _)| is_alnum(e)) {
                end += 1;
                acc |= cls;
                continue;
            }
            break;
        }
        let mut f = 0u16;
        let ascii = acc & C_HIGH == 0;
        if ascii {
            f |= F_ASCII;
            if acc & C_LOWER != 0 {
                f |= F_LOWER;
            }
        } else if text[start..end].chars().any(char::is_lowercase) {
            f |= F_LOWER;
        }
        if acc & C_HYPHEN != 0 {
            f |= F_HYPHEN;
        }
        let upper = if cls & C_HIGH == 0 { cls & C_UPPER != 0 } else { c.is_uppercase() };
        if upper {
            f |= F_CAP;
        }
        // An initial: one capital letter and a dot ("A. Bakin").
        if end == start + len && upper && bytes.get(end) == Some(&b'.') {
            end += 1;
            if is_initial(&text[start..end]) {
                f |= F_INITIAL;
            }
        }
        // One space (or a no-break space) since the last word joins them.
        let joined = match start - prev_end {
            1 => bytes[prev_end] == b' ',
            2 => bytes[prev_end] == 0xC2 && bytes[prev_end + 1] == 0xA0,
            _ => false,
        };
        if joined {
            if let Some(p) = fl.last_mut() {
                *p |= F_SPACE_NEXT;
            }
        }
        prev_end = end;
        out.push(Tok { start, end });
        fl.push(f);
        i = end;
    }
    (out, fl)
}

fn word<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.start..t.end]
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_initial(w: &str) -> bool {
    w.len() <= 3 && w.ends_with('.') && w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() == 2
}

/// The text between two tokens is one space (or nothing but a dot, after
/// an initial or an abbreviated title).
fn joined_by_space(text: &str, a: &Tok, b: &Tok) -> bool {
    let gap = &text[a.end..b.start];
    gap == " " || gap == "\u{a0}"
}

/// Lower-case ASCII with Cyrillic look-alike letters read as Latin:
/// "Fleisсher" (with a Cyrillic "с") is "fleischer".
fn norm(w: &str) -> String {
    if w.is_ascii() {
        // No look-alikes; the apostrophes are dropped.
        return w.bytes().filter(|&b| b != b'\'' && b != b'`').map(|b| char::from(b.to_ascii_lowercase())).collect();
    }
    w.chars()
        .map(|c| match c {
            'а' | 'А' => 'a',
            'е' | 'Е' => 'e',
            'о' | 'О' => 'o',
            'р' | 'Р' => 'p',
            'с' | 'С' => 'c',
            'у' | 'У' => 'y',
            'х' | 'Х' => 'x',
            'і' | 'І' => 'i',
            'ј' | 'Ј' => 'j',
            'ѕ' | 'Ѕ' => 's',
            'к' | 'К' => 'k',
            'м' | 'М' => 'm',
            'н' | 'Н' => 'h',
            'т' | 'Т' => 't',
            'в' | 'В' => 'b',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .filter(|c| !is_apostrophe(*c))
        .collect()
}

/// The name as a person's canonical name: look-alike letters made Latin,
/// single spaces.
fn clean_person_name(s: &str) -> String {
    if s.is_ascii() {
        // Every ASCII character stays as it is.
        let mut out = String::with_capacity(s.len());
        for w in s.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        return out;
    }
    let words: Vec<String> = s
        .split_whitespace()
        .map(|w| {
            w.chars()
                .map(|c| {
                    let n = norm(&c.to_string());
                    let l = n.chars().next().unwrap_or(c);
                    if c.is_uppercase() || (c != l && !c.is_lowercase()) {
                        l.to_uppercase().next().unwrap_or(l)
                    } else if norm(&c.to_string()) != c.to_lowercase().to_string() {
                        l
                    } else {
                        c
                    }
                })
                .collect()
        })
        .collect();
    words.join(" ")
}

/// Whether `span` overlaps one of `entities`, which are sorted by start and
/// do not overlap each other (logarithmic).
fn overlaps_any(entities: &[(Span, Entity)], span: Span) -> bool {
    let i = entities.partition_point(|(s, _)| s.end <= span.start);
    entities.get(i).is_some_and(|(s, _)| s.overlaps(&span))
}

/// The same for bare spans, sorted and not overlapping.
fn overlaps_span(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.end <= span.start);
    spans.get(i).is_some_and(|s| s.overlaps(&span))
}

/// The index of the token starting at `start`, if one does.
fn tok_at(toks: &[Tok], start: usize) -> Option<usize> {
    toks.binary_search_by_key(&start, |t| t.start).ok()
}

/// The tokens lying inside `[a, b)`.
fn toks_within(toks: &[Tok], a: usize, b: usize) -> std::ops::Range<usize> {
    let from = toks.partition_point(|t| t.start < a);
    let to = toks.partition_point(|t| t.end <= b).max(from);
    from..to
}

fn subtype_of(e: &Entity) -> Subtype {
    e.entity.subtype
}

fn is_minor_place(s: Subtype) -> bool {
    matches!(s, Subtype::Village | Subtype::Town | Subtype::Neighbourhood | Subtype::Subdistrict | Subtype::District)
}

fn context_entity(name: String, subtype: Subtype) -> Entity {
    Entity { entity: EntityRef { name, id: None, subtype }, alternatives: Vec::new() }
}

/// Adds `found` to `entities`. A name found by context replaces gazetteer
/// matches of minor places it overlaps (a title before "Hussein" makes it a
/// person, not a village); it never replaces anything else.
fn merge(entities: &mut Vec<(Span, Entity)>, mut found: Vec<(Span, Entity)>) {
    if found.is_empty() {
        return;
    }
    found.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut removed = vec![false; entities.len()];
    let mut accepted: Vec<(Span, Entity)> = Vec::new();
    for (span, e) in found {
        if accepted.last().is_some_and(|(s, _)| s.overlaps(&span)) {
            continue;
        }
        let from = entities.partition_point(|(s, _)| s.end <= span.start);
        let over: Vec<usize> = (from..entities.len()).take_while(|&i| entities[i].0.start < span.end).collect();
        let blocking = over.iter().any(|&i| {
            let (xs, x) = &entities[i];
            // A known minor place under the longer name gives way, and so
            // does a known person whose name the longer one goes on from
            // ("Mr. Hussein" in "Mr. Hussein Diab": see `persons_by_title`).
            let minor_place = is_minor_place(subtype_of(x)) && x.entity.id.is_some();
            let shorter_person = subtype_of(x) == Subtype::Person
                && subtype_of(&e) == Subtype::Person
                && span.start <= xs.start
                && xs.end < span.end;
            let yields = minor_place || shorter_person;
            !removed[i] && !yields
        });
        if blocking {
            continue;
        }
        for i in over {
            removed[i] = true;
        }
        accepted.push((span, e));
    }
    let mut i = 0;
    entities.retain(|_| {
        i += 1;
        !removed[i - 1]
    });
    entities.extend(accepted);
    entities.sort_by_key(|(s, _)| (s.start, s.end));
}

// ------------------------------------------------------------------ filters

/// Words after which a country acronym is a noun ("the US and its allies",
/// "stop the US from"), not a modifier ("US troops").
const NOUN_FOLLOWERS: [&str; 40] = [
    "and", "or", "from", "to", "in", "of", "is", "was", "has", "have", "had", "will", "would", "should", "can",
    "could", "must", "may", "but", "with", "which", "that", "who", "did", "does", "do", "are", "were", "as", "at",
    "on", "by", "for", "since", "said", "says", "also", "itself", "not", "against",
];

/// Drops country acronyms used as modifiers: "US troops", "US-occupied",
/// "US $25 million", "US$42 million". Kept: "the US and its allies", "the RF’s support", "US."
#[inline(never)]
fn drop_modifier_acronyms(text: &str, entities: &mut Vec<(Span, Entity)>) {
    entities.retain(|(span, e)| {
        if e.entity.subtype != Subtype::Country {
            return true;
        }
        let t = &text[span.start..span.end];
        let letters = t.chars().filter(char::is_ascii_uppercase).count();
        let acronym = (2..=3).contains(&letters) && t.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        if !acronym {
            return true;
        }
        let rest = &text[span.end..];
        let mut chars = rest.chars();
        match chars.next() {
            // "US$ 42.5 million": a currency.
            Some('$') => false,
            Some('-') | Some('\u{2010}') | Some('\u{2011}') => {
                // "US-occupied" is a modifier; "US-Turkish" too.
                !chars.next().is_some_and(char::is_alphabetic)
            }
            Some(sp @ (' ' | '\u{a0}')) => {
                let after = &rest[sp.len_utf8()..];
                let next: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '$').collect();
                if next.is_empty() {
                    // "US $25 million": a currency.
                    return !after.starts_with('$');
                }
                if next.starts_with('$') {
                    return false;
                }
                let lower = next.to_lowercase();
                // A verb or an adverb after it makes it the subject: "the SAR
                // categorically rejects", "the US imposed".
                NOUN_FOLLOWERS.contains(&lower.as_str())
                    || (lower.len() > 4 && (lower.ends_with("ly") || lower.ends_with("ed")))
            }
            _ => true,
        }
    });
}

/// Drops an acronym match written among other words in capitals: "AS IS",
/// "ANY PARTY WHO MAY" are not the Islamic State or the WHO.
#[inline(never)]
fn drop_acronyms_in_capitals(text: &str, toks: &[Tok], entities: &mut Vec<(Span, Entity)>) {
    let spans: Vec<Span> = entities.iter().map(|(s, _)| *s).collect();
    let shouting = |t: &Tok| {
        let w = word(text, t);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase)
            && !overlaps_span(&spans, Span::new(t.start, t.end))
    };
    entities.retain(|(span, _)| {
        let t = &text[span.start..span.end];
        let acronym = t.chars().filter(|c| c.is_alphanumeric()).count() <= 5 && !t.chars().any(char::is_lowercase);
        if !acronym {
            return true;
        }
        let Some(i) = tok_at(toks, span.start) else { return true };
        let j = toks[i..].iter().take(8).position(|x| x.end >= span.end).map_or(i, |p| i + p);
        let before = i > 0 && joined_by_space(text, &toks[i - 1], &toks[i]) && shouting(&toks[i - 1]);
        let after = j + 1 < toks.len() && joined_by_space(text, &toks[j], &toks[j + 1]) && shouting(&toks[j + 1]);
        !(before || after)
    });
}

/// Capitalised words that do not make a phrase a name ("In Zibdin", "To
/// Nawa").
const FUNCTION_WORDS: [&str; 31] = [
    "a", "in", "at", "from", "to", "near", "and", "of", "the", "on", "into", "towards", "toward", "around", "outside",
    "inside", "via", "through", "across", "between", "with", "by", "for", "as", "since", "while", "when", "where",
    "after", "before", "like",
];

fn is_function_word(w: &str) -> bool {
    let l = w.to_lowercase();
    FUNCTION_WORDS.contains(&l.as_str())
}

/// Drops a one-word village, town or neighbourhood that is part of a longer
/// capitalised phrase: "Munir Ibrahim", "Bin Malik", "Alya Munir".
#[inline(never)]
fn drop_minor_places_in_phrases(text: &str, toks: &[Tok], entities: &mut Vec<(Span, Entity)>) {
    let spans: Vec<Span> = entities.iter().map(|(s, _)| *s).collect();
    entities.retain(|(span, e)| {
        if e.entity.subtype.kind() != MentionKind::Place
            || !matches!(e.entity.subtype, Subtype::Village | Subtype::Town | Subtype::Neighbourhood)
        {
            return true;
        }
        let Some(i) = tok_at(toks, span.start) else { return true };
        if toks[i].end != span.end {
            return true; // several words
        }
        let free = |t: &Tok| !overlaps_span(&spans, Span::new(t.start, t.end));
        let capital_neighbour = |j: usize, before: bool| {
            let t = &toks[j];
            let (a, b) = if before { (&toks[j], &toks[i]) } else { (&toks[i], &toks[j]) };
            let w = word(text, t);
            joined_by_space(text, a, b) && is_capitalised(w) && !is_function_word(w) && free(t)
        };
        let before = i > 0 && capital_neighbour(i - 1, true);
        let after = i + 1 < toks.len() && capital_neighbour(i + 1, false);
        !(before || after)
    });
}

// ------------------------------------------------------------------ persons

/// Honorifics and ranks: part of a person's span ("Ms. Corinne Fleischer",
/// "General of the Army Sergei Shoigu"). Longest first.
const RANKS: [&str; 33] = [
    "general of the army",
    "colonel general",
    "lieutenant general",
    "major general",
    "brigadier general",
    "lieutenant colonel",
    "rear admiral",
    "vice admiral",
    "army general",
    "police colonel",
    "first lieutenant",
    "field marshal",
    "general",
    "colonel",
    "major",
    "captain",
    "lieutenant",
    "brigadier",
    "admiral",
    "marshal",
    "sergeant",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "mister",
    "madam",
    "madame",
    "sir",
    "ambassador",
];

/// Where the honorifics start in [`RANKS`] ("Mr.", "Ms.", "Dr."...): the
/// titles that go with a bare first name or surname too ("Mr. Andrei").
const HONORIFICS_FROM: usize = 21;

/// Job titles: they introduce a person but stay outside the span, and the
/// name after them must have two words ("Governor Ahmad Khalil").
const JOB_TITLES: [&str; 12] = [
    "president",
    "minister",
    "governor",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "commander",
    "mayor",
    "premier",
    "secretary-general",
];

/// Capitalised words that follow a rank without being a name ("General
/// Staff", "Major Aleppo").
const NOT_NAMES: [&str; 40] = [
    "staff",
    "assembly",
    "secretary",
    "directorate",
    "command",
    "headquarters",
    "prosecutor",
    "administration",
    "security",
    "council",
    "committee",
    "department",
    "ministry",
    "office",
    "government",
    "authority",
    "consul",
    "director",
    "manager",
    "secretariat",
    "please",
    "thank",
    "thanks",
    "the",
    "of",
    "and",
    "for",
    "in",
    "on",
    "statement",
    "report",
    "situation",
    "mission",
    "operation",
    "forces",
    "army",
    "federation",
    "republic",
    "minister",
    "president",
];

/// Particles inside names ("Staffan de Mistura", "Abu Bakr al-Baghdadi").
const PARTICLES: [&str; 12] = ["de", "da", "di", "du", "van", "von", "bin", "ibn", "al", "el", "ben", "abu"];

/// Every token lower-cased (as slices of one buffer) with what is known of
/// it, computed once: indexing gives the lower-cased word.
struct Lw<'a> {
    words: Vec<&'a str>,
    /// Facts about each token: the `F_*` bits.
    fl: Vec<u16>,
}

impl<'a> std::ops::Deref for Lw<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.words
    }
}

impl Lw<'_> {
    #[inline]
    fn has(&self, k: usize, flag: u16) -> bool {
        self.fl[k] & flag != 0
    }
}

/// The first character is upper-case.
const F_CAP: u16 = 1;
/// Holds a hyphen.
const F_HYPHEN: u16 = 1 << 1;
/// An initial ("A.").
const F_INITIAL: u16 = 1 << 2;
/// Holds a lower-case letter.
const F_LOWER: u16 = 1 << 3;
/// Joined to the next token by one space ([`joined_by_space`]).
const F_SPACE_NEXT: u16 = 1 << 4;
/// One of [`PARTICLES`].
const F_PARTICLE: u16 = 1 << 5;
/// One of [`NOT_NAMES`].
const F_NOT_NAME: u16 = 1 << 6;
/// One of [`FUNCTION_WORDS`].
const F_FUNCTION: u16 = 1 << 7;
/// One of [`ARTICLES`].
const F_ARTICLE: u16 = 1 << 8;
/// Ends a title: the last word of one of [`RANKS`] or [`JOB_TITLES`]
/// (after the last hyphen: "secretary-general" ends with "general").
const F_ENDS_TITLE: u16 = 1 << 9;
/// May be a word of a place name ([`place_name_at`]).
const F_PLACE_WORD: u16 = 1 << 10;
/// All ASCII.
const F_ASCII: u16 = 1 << 11;

/// Arabic articles ("al", "as"...), written apart or joined by a hyphen.
const ARTICLES: [&str; 10] = ["al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ez"];

/// A word of at most 16 bytes as a number (zero-padded; words hold no zero byte).
#[inline]
fn pack(w: &[u8]) -> Option<u128> {
    if w.is_empty() || w.len() > 16 {
        return None;
    }
    let mut b = [0u8; 16];
    b[..w.len()].copy_from_slice(w);
    Some(u128::from_le_bytes(b))
}

const TABLE_BITS: u32 = 10;

#[inline]
fn slot(key: u128) -> usize {
    let h = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TABLE_BITS)) as usize
}

/// The list bits of a lower-cased word (open addressing on the packed word).
static WORD_TABLE: std::sync::LazyLock<Vec<(u128, u16)>> = std::sync::LazyLock::new(|| {
    let mut t = vec![(0u128, 0u16); 1 << TABLE_BITS];
    let title_last_words: Vec<&str> = RANKS.iter().chain(JOB_TITLES.iter()).map(|t| last_title_word(t)).collect();
    let lists: [(&[&str], u16); 5] = [
        (&PARTICLES, F_PARTICLE),
        (&NOT_NAMES, F_NOT_NAME),
        (&FUNCTION_WORDS, F_FUNCTION),
        (&ARTICLES, F_ARTICLE),
        (&title_last_words, F_ENDS_TITLE),
    ];
    for (list, bit) in lists {
        for w in list {
            let key = pack(w.as_bytes()).expect("short list word");
            let mut i = slot(key);
            while t[i].0 != 0 && t[i].0 != key {
                i = (i + 1) & ((1 << TABLE_BITS) - 1);
            }
            t[i].0 = key;
            t[i].1 |= bit;
        }
    }
    t
});

/// The word a title ends with ("general of the army" → "army",
/// "secretary-general" → "general").
fn last_title_word(title: &str) -> &str {
    title.rsplit([' ', '-']).next().unwrap_or(title)
}

fn word_bits(w: &str) -> u16 {
    let Some(key) = pack(w.as_bytes()) else { return 0 };
    word_bits_packed(&WORD_TABLE, key)
}

/// [`word_bits`] of a packed word.
#[inline]
fn word_bits_packed(t: &[(u128, u16)], key: u128) -> u16 {
    let mut i = slot(key);
    loop {
        let (k, bits) = t[i];
        if k == key {
            return bits;
        }
        if k == 0 {
            return 0;
        }
        i = (i + 1) & ((1 << TABLE_BITS) - 1);
    }
}

/// Every token lower-cased: ASCII words are slices of the lower-cased text,
/// the others are lower-cased into `extra` (character by character).
#[inline(never)]
fn lower_words<'a>(text: &str, lower_text: &'a str, toks: &[Tok], fl: &[u16], extra: &'a mut String) -> Vec<&'a str> {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for (t, &f) in toks.iter().zip(fl) {
        if f & F_ASCII == 0 {
            let s = extra.len();
            extra.extend(word(text, t).chars().flat_map(char::to_lowercase));
            ranges.push((s, extra.len()));
        }
    }
    let extra: &'a str = extra;
    let mut other = ranges.into_iter();
    toks.iter()
        .zip(fl)
        .map(|(t, &f)| {
            if f & F_ASCII != 0 {
                &lower_text[t.start..t.end]
            } else {
                let (s, e) = other.next().unwrap_or((0, 0));
                &extra[s..e]
            }
        })
        .collect()
}

/// Adds to the facts of [`tokenize`] those read from the lower-cased words.
#[inline(never)]
fn token_flags(text: &str, lower_text: &str, toks: &[Tok], lw: &[&str], fl: &mut [u16]) {
    let lb = lower_text.as_bytes();
    let table: &[(u128, u16)] = &WORD_TABLE;
    // For each length, the first letters of the listed words (a quick refusal).
    static FIRST_MASKS: std::sync::LazyLock<[u64; 17]> = std::sync::LazyLock::new(|| {
        let mut m = [0u64; 17];
        for (key, _) in WORD_TABLE.iter().filter(|(k, _)| *k != 0) {
            let w = key.to_le_bytes();
            let len = w.iter().position(|&b| b == 0).unwrap_or(16);
            m[len] |= 1 << (w[0] & 63);
        }
        m
    });
    let first_masks: &[u64; 17] = &FIRST_MASKS;
    for (k, t) in toks.iter().enumerate() {
        let l = lw[k];
        let mut f = fl[k];
        let len = t.end - t.start;
        // Longer than any listed word, or no listed word of this length
        // starts with this letter.
        let unlisted = l.len() > 14 || (f & F_ASCII != 0 && (first_masks[len] >> (lb[t.start] & 63)) & 1 == 0);
        let bits = if unlisted {
            0
        } else if f & F_ASCII != 0 && t.start + 16 <= lb.len() {
            // The word as a number straight from the lower-cased text.
            let mut b = [0u8; 16];
            b.copy_from_slice(&lb[t.start..t.start + 16]);
            let key = u128::from_le_bytes(b) & (u128::MAX >> (8 * (16 - len)));
            word_bits_packed(table, key)
        } else {
            word_bits(l)
        };
        f |= bits & !F_ENDS_TITLE;
        let hyphen = f & F_HYPHEN != 0;
        // "general", "colonel-general": the last part ends a title.
        let title = if hyphen {
            l.rfind('-').is_some_and(|i| word_bits(&l[i + 1..]) & F_ENDS_TITLE != 0)
        } else {
            bits & F_ENDS_TITLE != 0
        };
        if title {
            f |= F_ENDS_TITLE;
        }
        let cap = f & F_CAP != 0;
        let cap_after_article = hyphen && {
            let w = word(text, t);
            w.split_once('-')
                .is_some_and(|(a, rest)| ARTICLES.contains(&a.to_lowercase().as_str()) && is_capitalised(rest))
        };
        if (cap || cap_after_article) && f & (F_FUNCTION | F_NOT_NAME) == 0 {
            f |= F_PLACE_WORD;
        }
        fl[k] = f;
    }
}

/// If a title of `list` ends right before token `k` (its words separated by
/// spaces, hyphens or a dot), the index of its first token.
#[inline]
fn title_before(text: &str, toks: &[Tok], lw: &Lw, k: usize, list: &[&str]) -> Option<usize> {
    // Fast refusal: the word before must end a title ("general", "mr", "colonel-general").
    if k >= toks.len() || k == 0 || !lw.has(k - 1, F_ENDS_TITLE) {
        return None;
    }
    title_before_slow(text, toks, lw, k, list)
}

#[cold]
#[inline(never)]
fn title_before_slow(text: &str, toks: &[Tok], lw: &Lw, k: usize, list: &[&str]) -> Option<usize> {
    let prev_word = lw[k - 1];
    let prev_last = prev_word.rfind('-').map_or(prev_word, |i| &prev_word[i + 1..]);
    for title in list {
        // Only titles ending with the word before can match.
        let tb = title.as_bytes();
        if !(title.ends_with(prev_last)
            && (tb.len() == prev_last.len() || matches!(tb[tb.len() - prev_last.len() - 1], b' ' | b'-')))
        {
            continue;
        }
        let n = 1 + tb.iter().filter(|&&b| b == b' ' || b == b'-').count();
        if k < n {
            continue;
        }
        let first = k - n;
        // A hyphenated title is one token ("colonel-general").
        let ok = title.split([' ', '-']).enumerate().all(|(p, part)| lw[first + p] == part);
        if !ok {
            // "Colonel-General" is one token holding two parts.
            let joined = prev_word.len() == tb.len()
                && prev_word.bytes().zip(tb).all(|(a, &b)| a == if b == b' ' { b'-' } else { b });
            if joined {
                let prev = &toks[k - 1];
                if lw.has(k - 1, F_CAP) && gap_is_title_gap(text, prev, &toks[k]) {
                    return Some(k - 1);
                }
            }
            continue;
        }
        if !lw.has(first, F_CAP) {
            continue;
        }
        // Words of the title joined by spaces or hyphens; the title joined
        // to the name by a space, a dot, or a dot and a space.
        let inner_ok = (first..k - 1).all(|p| {
            let g = &text[toks[p].end..toks[p + 1].start];
            g == " " || g == "-"
        });
        if inner_ok && gap_is_title_gap(text, &toks[k - 1], &toks[k]) {
            return Some(first);
        }
    }
    None
}

fn gap_is_title_gap(text: &str, a: &Tok, b: &Tok) -> bool {
    matches!(&text[a.end..b.start], " " | "." | ". " | "\u{a0}" | ".\u{a0}")
}

/// The name starting at token `k`: capitalised words, initials and
/// particles joined by single spaces, at most four words. Returns the index
/// after its last token.
fn name_at(text: &str, toks: &[Tok], lw: &Lw, k: usize) -> Option<usize> {
    let mut j = k;
    let mut words = 0;
    while j < toks.len() && words < 4 {
        if j > k && !joined_by_space(text, &toks[j - 1], &toks[j]) {
            break;
        }
        let w = word(text, &toks[j]);
        let lower = &lw[j];
        let particle = PARTICLES.contains(lower) || lower.starts_with("al-") && !is_capitalised(w);
        if is_initial(w) || (is_capitalised(w) && !NOT_NAMES.contains(lower) && w.chars().any(char::is_lowercase)) {
            words += 1;
            j += 1;
            if lower.starts_with("al-") || lower.starts_with("el-") {
                continue;
            }
        } else if particle && j > k && j + 1 < toks.len() {
            j += 1;
        } else {
            break;
        }
    }
    // Do not end on a particle or an initial.
    while j > k && {
        let w = word(text, &toks[j - 1]);
        PARTICLES.contains(&lw[j - 1]) || is_initial(w)
    } {
        j -= 1;
    }
    (j > k).then_some(j)
}

/// Persons introduced by an honorific or rank (in the span) or a job title
/// (outside it), not already matched.
#[inline(never)]
fn persons_by_title(text: &str, toks: &[Tok], lw: &Lw, entities: &[(Span, Entity)], found: &mut Vec<(Span, Entity)>) {
    let mut k = 0;
    while k < toks.len() {
        let (start, min_words) = if let Some(first) = title_before(text, toks, lw, k, &RANKS) {
            (toks[first].start, 1)
        } else if title_before(text, toks, lw, k, &JOB_TITLES).is_some() {
            (toks[k].start, 2)
        } else {
            k += 1;
            continue;
        };
        // "Major General X": the title goes on; the name starts later.
        if title_before(text, toks, lw, k + 1, &RANKS).is_some() {
            k += 1;
            continue;
        }
        let Some(end_tok) = name_at(text, toks, lw, k) else {
            k += 1;
            continue;
        };
        let n_words = (k..end_tok).filter(|&j| !PARTICLES.contains(&lw[j])).count();
        if n_words < min_words {
            k += 1;
            continue;
        }
        // "General Public License", "Major Component": words, not a name.
        let all_words = (k..end_tok).all(|j| {
            let w = word(text, &toks[j]);
            is_initial(w) || PARTICLES.contains(&lw[j]) || is_english_word(w)
        });
        if all_words {
            k += 1;
            continue;
        }
        let name_span = Span::new(toks[k].start, toks[end_tok - 1].end);
        // A known entity that is not a minor place (a person, a country...)
        // wins, but for a known person the name goes on from with a word
        // that is not English: "Mr. Hussein Diab" is not the "Hussein" of
        // the gazetteer.
        let goes_on =
            |s: &Span| (k..end_tok).filter(|&j| toks[j].start >= s.end).any(|j| !is_english_word(word(text, &toks[j])));
        let from = entities.partition_point(|(s, _)| s.end <= name_span.start);
        let known = entities[from..].iter().take_while(|(s, _)| s.start < name_span.end).any(|(s, e)| {
            let minor_place = is_minor_place(subtype_of(e)) && e.entity.subtype.kind() == MentionKind::Place;
            let shorter_person = subtype_of(e) == Subtype::Person && s.end < name_span.end && goes_on(s);
            s.overlaps(&name_span) && !minor_place && !shorter_person
        });
        if !known {
            let name = clean_person_name(&text[name_span.start..name_span.end]);
            found.push((Span::new(start, name_span.end), context_entity(name, Subtype::Person)));
        }
        k = end_tok;
    }
}

/// A gazetteer person preceded by an honorific or rank takes it into its
/// span: "General of the Army Sergei Shoigu", "Mr.Hussein Makhlyuf".
#[inline(never)]
fn extend_persons_over_titles(text: &str, toks: &[Tok], lw: &Lw, entities: &mut [(Span, Entity)]) {
    let mut prev_end = 0;
    for (span, e) in entities.iter_mut() {
        let end = span.end;
        if e.entity.subtype == Subtype::Person {
            if let Some(k) = tok_at(toks, span.start) {
                if let Some(first) = title_before(text, toks, lw, k, &RANKS) {
                    let start = toks[first].start;
                    // Never over the mention before.
                    if start >= prev_end {
                        span.start = start;
                    }
                }
            }
        }
        prev_end = end;
    }
}

/// FNV-1a: short keys (words of names) hash faster than with SipHash; the
/// keys come from the document's own names, so flooding is no concern.
#[derive(Default)]
struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Fnv = std::hash::BuildHasherDefault<FnvHasher>;

/// A person mentioned earlier: the words of their full name and of the
/// name as written, normalised.
struct Known {
    at: usize,
    first: Vec<String>,
    last: Vec<String>,
    full: Vec<Vec<String>>,
    entity: EntityRef,
}

fn name_words(s: &str) -> Vec<String> {
    s.split([' ', '\u{a0}']).filter(|w| !w.is_empty()).map(norm).filter(|w| !PARTICLES.contains(&w.as_str())).collect()
}

/// Bare first names and surnames of persons named earlier ("Shoigu", "Mr.
/// Andrei", "Esteemed Alexei"), and their full names written again
/// ("Corinne Fleisсher"), become those persons.
#[inline(never)]
fn coreference(text: &str, toks: &[Tok], lw: &Lw, entities: &mut Vec<(Span, Entity)>) {
    let mut known: Vec<Known> = Vec::new();
    for (span, e) in entities.iter() {
        if e.entity.subtype != Subtype::Person {
            continue;
        }
        let written = {
            // The name as written, without a rank or honorific.
            let t = &text[span.start..span.end];
            let inside = toks_within(toks, span.start, span.end);
            let k = (!inside.is_empty()).then_some(inside.start);
            let mut s = t.to_string();
            if let Some(k0) = k {
                let mut k1 = k0;
                while k1 < toks.len() && toks[k1].end <= span.end {
                    if title_before(text, toks, lw, k1, &RANKS).is_some_and(|f| toks[f].start >= span.start) {
                        s = text[toks[k1].start..span.end].to_string();
                    }
                    k1 += 1;
                }
            }
            s
        };
        let mut full = vec![name_words(&e.entity.name), name_words(&written)];
        full.retain(|w| w.len() >= 2);
        if full.is_empty() {
            continue;
        }
        let mut first = Vec::new();
        let mut last = Vec::new();
        for f in &full {
            if let (Some(a), Some(b)) = (f.first(), f.last()) {
                if a.chars().count() >= 3 && !a.ends_with('.') {
                    first.push(a.clone());
                }
                if b.chars().count() >= 3 {
                    last.push(b.clone());
                }
            }
        }
        known.push(Known { at: span.start, first, last, full, entity: e.entity.clone() });
    }
    if known.is_empty() {
        return;
    }
    // Index: a word of a name → the persons (by when they were first named) it may mean.
    let mut by_word: HashMap<&str, Vec<usize>, Fnv> = HashMap::default();
    let mut by_pair: HashMap<(&str, &str), Vec<usize>, Fnv> = HashMap::default();
    for (i, p) in known.iter().enumerate() {
        for w in p.first.iter().chain(&p.last) {
            let v = by_word.entry(w.as_str()).or_default();
            if v.last() != Some(&i) {
                v.push(i);
            }
        }
        for f in &p.full {
            if let (Some(a), Some(b)) = (f.first(), f.last()) {
                let v = by_pair.entry((a.as_str(), b.as_str())).or_default();
                if v.last() != Some(&i) {
                    v.push(i);
                }
            }
        }
    }
    // The latest of `list` (indices into `known`, in order) named before `pos`.
    let latest = |list: Option<&Vec<usize>>, pos: usize| -> Option<usize> {
        let list = list?;
        let n = list.partition_point(|&i| known[i].at < pos);
        n.checked_sub(1).map(|j| list[j])
    };
    // A one-word name found after an honorific ("Ms. Corinne") is the person
    // named in full before.
    for (span, e) in entities.iter_mut() {
        if e.entity.subtype != Subtype::Person || e.entity.id.is_some() || e.entity.name.contains(' ') {
            continue;
        }
        let n = norm(&e.entity.name);
        if let Some(i) = latest(by_word.get(n.as_str()), span.start) {
            e.entity = known[i].entity.clone();
        }
    }
    // First bytes of the words that may start a name: a quick refusal.
    let mut first_bytes = [false; 256];
    for w in by_word.keys().copied().chain(by_pair.keys().map(|(a, _)| *a)) {
        if let Some(&b) = w.as_bytes().first() {
            first_bytes[usize::from(b)] = true;
        }
    }
    // `norm` of token `k`: its lower-cased word when that is ASCII without apostrophes.
    let norm_at = |k: usize| -> std::borrow::Cow<'_, str> {
        let l = lw[k];
        if l.bytes().all(|b| b.is_ascii() && b != b'\'' && b != b'`') {
            std::borrow::Cow::Borrowed(l)
        } else {
            std::borrow::Cow::Owned(norm(word(text, &toks[k])))
        }
    };
    let mut added: Vec<(Span, Entity)> = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if !lw.has(k, F_CAP) {
            k += 1;
            continue;
        }
        let t = toks[k];
        let w = word(text, &t);
        let n = norm_at(k);
        if !n.as_bytes().first().is_some_and(|&b| first_bytes[usize::from(b)])
            || overlaps_any(entities, Span::new(t.start, t.end))
        {
            k += 1;
            continue;
        }
        // The latest person named before this word whose name it is, in full
        // ("Corinne Fleisсher") or in part ("Andrei").
        let single = latest(by_word.get(&*n), t.start);
        let pair = if k + 1 < toks.len() && joined_by_space(text, &t, &toks[k + 1]) {
            let n2 = norm_at(k + 1);
            latest(by_pair.get(&(&*n, &*n2)), t.start)
        } else {
            None
        };
        let hit = match (pair, single) {
            (Some(a), Some(b)) if b > a => Some((b, k + 1)),
            (Some(a), _) => Some((a, k + 2)),
            (None, Some(b)) => Some((b, k + 1)),
            (None, None) => None,
        };
        let Some((pi, end_tok)) = hit else {
            k += 1;
            continue;
        };
        let p = &known[pi];
        let honorific = title_before(text, toks, lw, k, &RANKS[HONORIFICS_FROM..]).is_some();
        if end_tok == k + 1 && !honorific {
            // "Mark" the verb, not Mark Lowcock: a common word, or a first name
            // opening a sentence without a comma after it ("Andrei, please").
            let sentence_start = text[..t.start].trim_end().ends_with(['.', '!', '?', '\n']) || t.start == 0;
            let first_name = p.first.iter().any(|x| *x == *n) && !p.last.iter().any(|x| *x == *n);
            let addressed = text[t.end..].starts_with([',', '!']);
            if is_english_word(w) || (sentence_start && first_name && !addressed) {
                k += 1;
                continue;
            }
        }
        let end = toks[end_tok - 1].end;
        if overlaps_any(entities, Span::new(t.start, end)) {
            k += 1;
            continue;
        }
        // An honorific right before it is in the span ("Mr. Andrei").
        let start = title_before(text, toks, lw, k, &RANKS[HONORIFICS_FROM..]).map_or(t.start, |f| toks[f].start);
        let start = if overlaps_any(entities, Span::new(start, end)) { t.start } else { start };
        added.push((Span::new(start, end), Entity { entity: p.entity.clone(), alternatives: Vec::new() }));
        k = end_tok;
    }
    entities.extend(added);
    entities.sort_by_key(|(s, _)| (s.start, s.end));
}

// ------------------------------------------------------------------ places

/// A capitalised place name starting at token `k`: one to four words,
/// possibly after an Arabic article ("al-Nasriyah", "Ain-Zrekia", "Tell
/// Shihab"). Returns the index after its last token.
fn place_name_at(text: &str, toks: &[Tok], lw: &Lw, k: usize) -> Option<usize> {
    let _ = text;
    let mut j = k;
    while j < toks.len() && j - k < 4 {
        if j > k && !lw.has(j - 1, F_SPACE_NEXT) {
            break;
        }
        // A name word, or an article joined by a space to a capitalised
        // word: "Al Baraa", "as Sanamayn".
        let name_word = lw.has(j, F_PLACE_WORD);
        let spaced_article = lw.has(j, F_ARTICLE) && j + 1 < toks.len() && lw.has(j + 1, F_CAP);
        if !(name_word || spaced_article) {
            break;
        }
        j += 1;
    }
    (j > k).then_some(j)
}

/// The tokens that may start a place name (capitalised or hyphenated, not
/// right after a capitalised word) with the end of the name ([`place_name_at`]).
#[inline(never)]
fn place_name_starts(text: &str, toks: &[Tok], lw: &Lw) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for k in 0..toks.len() {
        if !lw.has(k, F_CAP | F_HYPHEN) {
            continue;
        }
        // Only at the start of a name.
        if k > 0 && lw.has(k - 1, F_SPACE_NEXT) && lw.has(k - 1, F_CAP) {
            continue;
        }
        if let Some(end_tok) = place_name_at(text, toks, lw, k) {
            out.push((k, end_tok));
        }
    }
    out
}

/// Words after "the ... of" that introduce a place.
const PLACE_INTRO: [(&str, Subtype); 10] = [
    ("village of", Subtype::Village),
    ("villages of", Subtype::Village),
    ("settlement of", Subtype::Village),
    ("settlements of", Subtype::Village),
    ("town of", Subtype::Town),
    ("towns of", Subtype::Town),
    ("city of", Subtype::City),
    ("hamlet of", Subtype::Village),
    ("locality of", Subtype::Village),
    ("neighbourhood of", Subtype::Neighbourhood),
];

/// The largest character boundary of `text` at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// At most `n` bytes of `s`, cut at a character boundary.
fn prefix(s: &str, n: usize) -> &str {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    &s[..n]
}

fn ends_with_word(hay: &str, needle: &str) -> bool {
    hay.ends_with(needle) && !hay[..hay.len() - needle.len()].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Places named by the words around them.
#[inline(never)]
fn places_by_context(text: &str, toks: &[Tok], lw: &Lw, starts: &[(usize, usize)], found: &mut Vec<(Span, Entity)>) {
    for &(k, end_tok) in starts {
        let t = toks[k];
        // "the village of X", "the villages of X and Y": the words before.
        let mut subtype = None;
        if k > 0 && lw[k - 1] == "of" {
            let from = floor_boundary(text, t.start.saturating_sub(40));
            let before = text[from..t.start].trim_end().to_lowercase();
            subtype = PLACE_INTRO.iter().find(|(p, _)| ends_with_word(&before, p)).map(|(_, s)| *s);
        }
        if subtype.is_none() {
            // "X, Homs province", "X (Daraa province)", "X in the province of Daraa".
            let after = prefix(&text[toks[end_tok - 1].end..], 60);
            let prov = |s: &str| {
                let s = s.trim_start_matches([',', '(', ' ']);
                let mut ws = s.split([' ', ')', ',', '.', ';']).filter(|x| !x.is_empty());
                match (ws.next(), ws.next()) {
                    (Some(a), Some(b)) => {
                        a.chars().next().is_some_and(char::is_uppercase)
                            // No other letter lower-cases to these ASCII letters.
                            && (b.eq_ignore_ascii_case("province") || b.eq_ignore_ascii_case("governorate"))
                    }
                    _ => false,
                }
            };
            if (after.starts_with(", ") || after.starts_with(" (")) && prov(after) {
                subtype = Some(Subtype::Village);
            } else if let Some(rest) = after
                .get(..8)
                // Only " in the " lower-cases to " in the ".
                .is_some_and(|x| x.eq_ignore_ascii_case(" in the "))
                .then(|| after.to_lowercase())
                .and_then(|la| {
                    ["in the province of ", "in the governorate of "]
                        .iter()
                        .find_map(|p| la.strip_prefix(' ').and_then(|x| x.strip_prefix(p)).map(|r| r.len()))
                })
                .map(|n| &after[after.len() - n..])
            {
                // "Anhul in the province of Daraa", not "Achieved in the province of the results".
                let sentence_start = text[..t.start].trim_end().ends_with(['.', '!', '?', ':', '\n']) || t.start == 0;
                if is_capitalised(rest) && !sentence_start {
                    subtype = Some(Subtype::Village);
                }
            }
        }
        let Some(subtype) = subtype else { continue };
        // A list after "villages of": "A, B and C".
        let mut spans = vec![(k, end_tok)];
        if matches!(lw.get(k.wrapping_sub(2)).copied(), Some("villages" | "settlements" | "towns")) {
            let mut j = end_tok;
            while j < toks.len() {
                let gap = &text[toks[j - 1].end..toks[j].start];
                let next = if gap == ", " || gap == " " && lw[j] == "and" {
                    if lw[j] == "and" {
                        j + 1
                    } else {
                        j
                    }
                } else {
                    break;
                };
                if next >= toks.len() || (gap == " " && !joined_by_space(text, &toks[j], &toks[next])) {
                    break;
                }
                let Some(e) = place_name_at(text, toks, lw, next) else { break };
                spans.push((next, e));
                j = e;
            }
        }
        for (a, b) in spans {
            if (a..b).all(|j| is_english_word(word(text, &toks[j]))) {
                continue; // "Achieved", "Results": words, not names
            }
            let span = Span::new(toks[a].start, toks[b - 1].end);
            let name = text[span.start..span.end].to_string();
            found.push((span, context_entity(name, subtype)));
        }
    }
}

/// What the word after a name says it is: "X camp", "X IDP camp", "X
/// checkpoint", "X border crossing".
fn kind_after(lw: &[&str], j: usize) -> Option<Subtype> {
    let w = |i: usize| lw.get(i).copied();
    match (w(j), w(j + 1)) {
        (Some("camp" | "camps"), _) => Some(Subtype::Camp),
        (Some("refugee" | "idp" | "displacement" | "transit"), Some("camp" | "camps")) => Some(Subtype::Camp),
        (Some("checkpoint" | "checkpoints" | "crossing"), _) => Some(Subtype::Crossing),
        (Some("border"), Some("crossing" | "checkpoint")) => Some(Subtype::Crossing),
        _ => None,
    }
}

/// Camps and crossings named by the word after them ("Newroz camp", "the
/// Jaber checkpoint") or before them ("via checkpoints Dzheydet-Yabus and
/// Tal-Kalakh", "the refugee camp Rukban").
#[inline(never)]
fn camps_and_crossings(text: &str, toks: &[Tok], lw: &Lw, starts: &[(usize, usize)], found: &mut Vec<(Span, Entity)>) {
    for &(k, end_tok) in starts {
        let t = toks[k];
        let w = word(text, &t);
        // The name stops before "IDP camp", "Border crossing".
        let end_tok = (k + 1..end_tok).find(|&j| kind_after(lw, j).is_some()).unwrap_or(end_tok);
        let after = (end_tok < toks.len() && joined_by_space(text, &toks[end_tok - 1], &toks[end_tok]))
            .then(|| kind_after(lw, end_tok))
            .flatten();
        let before = match (k.checked_sub(1).map(|i| lw[i]), k.checked_sub(2).map(|i| lw[i])) {
            (Some("checkpoint" | "checkpoints" | "crossing"), _) => Some(Subtype::Crossing),
            (Some("camp"), Some("refugee" | "idp" | "displacement")) => Some(Subtype::Camp),
            _ => None,
        };
        let Some(subtype) = after.or(before) else { continue };
        if (k..end_tok).all(|j| is_english_word(word(text, &toks[j])))
            || kind_after(lw, k).is_some()
            || (end_tok == k + 1 && !w.chars().any(char::is_lowercase))
        {
            continue; // "Refugee camp", "IDP camps", "UNHCR camp": not names
        }
        let span = Span::new(toks[k].start, toks[end_tok - 1].end);
        found.push((span, context_entity(text[span.start..span.end].to_string(), subtype)));
        // "checkpoints A and B": the second one too.
        if before.is_some() && after.is_none() {
            let mut j = end_tok;
            while j + 1 < toks.len() && lw[j] == "and" && joined_by_space(text, &toks[j - 1], &toks[j]) {
                let Some(e) = place_name_at(text, toks, lw, j + 1) else { break };
                let span = Span::new(toks[j + 1].start, toks[e - 1].end);
                found.push((span, context_entity(text[span.start..span.end].to_string(), subtype)));
                j = e;
            }
        }
    }
}

/// "... temporary accommodation centres of the province of Homs: Mahmud
/// Usman, Al Baraa Bin Malik, ...": the named shelters of a list.
#[inline(never)]
fn shelters(text: &str, lower: &str, toks: &[Tok], found: &mut Vec<(Span, Entity)>) {
    const INTROS: [&str; 5] =
        ["accommodation centers", "accommodation centres", "shelters", "collective centres", "collective centers"];
    // Every intro ends in "ters" or "tres": one scan finds where each occurs.
    let lb = lower.as_bytes();
    let mut ends: [Vec<usize>; INTROS.len()] = Default::default();
    for tail in ["ters", "tres"] {
        for t in memchr::memmem::find_iter(lb, tail.as_bytes()) {
            let e = t + 4;
            for (n, intro) in INTROS.iter().enumerate() {
                if e >= intro.len() && &lb[e - intro.len()..e] == intro.as_bytes() {
                    ends[n].push(e);
                }
            }
        }
    }
    for (intro, ends) in INTROS.iter().zip(&ends) {
        // The occurrences `find` would give: left to right, not overlapping.
        let mut from = 0;
        for &at in ends {
            if at - intro.len() < from {
                continue;
            }
            from = at;
            // The list follows the first colon in the same sentence.
            let rest = &text[at..floor_boundary(text, (at + 600).min(text.len()))];
            let sentence_end = rest.find(['.', '\n']).unwrap_or(rest.len());
            let Some(colon) = rest[..sentence_end].find(':') else { continue };
            let list_start = at + colon + 1;
            let list_end = at + sentence_end;
            for k in toks_within(toks, list_start, list_end) {
                let tok = &toks[k];
                // Item starts: the first token after the colon or a comma.
                let gap_before = &text[if k > 0 { toks[k - 1].end } else { 0 }..tok.start];
                if !(toks[k - 1].end < list_start || gap_before.trim() == ",") {
                    continue;
                }
                let mut j = k;
                while j < toks.len() && toks[j].end <= list_end {
                    if j > k && !joined_by_space(text, &toks[j - 1], &toks[j]) {
                        break;
                    }
                    j += 1;
                }
                if !is_capitalised(word(text, tok)) {
                    continue;
                }
                let span = Span::new(tok.start, toks[j - 1].end);
                found.push((span, context_entity(text[span.start..span.end].to_string(), Subtype::Shelter)));
            }
        }
    }
}

/// An unknown capitalised name in a parenthesised list in which at least
/// two items are places: "(Tal Rifaat, Kafr Antun, Ehrez, Jubah etc)".
#[inline(never)]
fn places_in_lists(text: &str, toks: &[Tok], lw: &Lw, entities: &[(Span, Entity)], found: &mut Vec<(Span, Entity)>) {
    let mut from = 0;
    while let Some(p) = text[from..].find('(') {
        let open = from + p;
        from = open + 1;
        // The list closes on the same line, within a few hundred bytes.
        let window = &text[open..floor_boundary(text, (open + 400).min(text.len()))];
        let Some(q) = window.find([')', '\n']) else { continue };
        let close = open + q;
        if !text[close..].starts_with(')') {
            continue;
        }
        let inner = &text[open + 1..close];
        if !inner.contains(',') {
            continue;
        }
        // Items: text between commas (and a final "and").
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut s = open + 1;
        for (i, c) in inner.char_indices() {
            if c == ',' {
                items.push((s, open + 1 + i));
                s = open + 1 + i + 1;
            }
        }
        items.push((s, close));
        let is_place = |a: usize, b: usize| {
            let from = entities.partition_point(|(sp, _)| sp.start < a);
            entities[from..]
                .iter()
                .take_while(|(sp, _)| sp.start < b)
                .any(|(sp, e)| sp.end <= b && e.entity.subtype.kind() == MentionKind::Place)
        };
        let places = items.iter().filter(|&&(a, b)| is_place(a, b)).count();
        if places < 2 {
            continue;
        }
        for &(a, b) in &items {
            if is_place(a, b) || (b > a && overlaps_any(entities, Span::new(a, b))) {
                continue;
            }
            let ts = toks_within(toks, a, b);
            if ts.is_empty() {
                continue;
            }
            let k = ts.start;
            let Some(end_tok) = place_name_at(text, toks, lw, k) else { continue };
            // The whole item but a trailing "etc".
            let rest = text[toks[end_tok - 1].end..b].trim().trim_end_matches('.').to_lowercase();
            if !(rest.is_empty() || rest == "etc")
                || end_tok - k > 3
                || (k..end_tok).all(|j| is_english_word(word(text, &toks[j])))
            {
                continue;
            }
            let span = Span::new(toks[k].start, toks[end_tok - 1].end);
            found.push((span, context_entity(text[span.start..span.end].to_string(), Subtype::Village)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(name: &str, id: Option<&str>, subtype: Subtype) -> Entity {
        Entity { entity: EntityRef { name: name.into(), id: id.map(String::from), subtype }, alternatives: Vec::new() }
    }

    fn at(text: &str, needle: &str) -> Span {
        let s = text.find(needle).unwrap();
        Span::new(s, s + needle.len())
    }

    fn run(text: &str, mut entities: Vec<(Span, Entity)>) -> Vec<(String, String, Option<String>)> {
        entities.sort_by_key(|(s, _)| s.start);
        add_context_names(text, &Gazetteer::new(), &mut entities);
        for w in entities.windows(2) {
            assert!(w[0].0.end <= w[1].0.start, "overlap: {entities:?}");
        }
        entities.into_iter().map(|(s, e)| (text[s.start..s.end].to_string(), e.entity.name, e.entity.id)).collect()
    }

    #[test]
    fn persons_by_honorific_and_rank() {
        let text = "Ms. Corinne Fleischer spoke. Statement by Major-General A. Bakin. Mr.Hussein Makhluf and Dr. Feisal Miqdad.";
        let got = run(text, vec![]);
        let names: Vec<&str> = got.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            names,
            vec!["Ms. Corinne Fleischer", "Major-General A. Bakin", "Mr.Hussein Makhluf", "Dr. Feisal Miqdad"]
        );
        assert_eq!(got[1].1, "A. Bakin");
        assert!(got.iter().all(|x| x.2.is_none()));
    }

    #[test]
    fn job_titles_are_not_names() {
        let got = run("The General Staff met the Minister of Defence.", vec![]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_person_named_again_is_the_same_person() {
        let text =
            "Ms. Corinne Fleischer spoke. Ms. Corinne, please! Statement by Corinne Fleisсher. Esteemed Corinne.";
        let got = run(text, vec![]);
        let v: Vec<(&str, &str)> = got.iter().map(|x| (x.0.as_str(), x.1.as_str())).collect();
        assert_eq!(
            v,
            vec![
                ("Ms. Corinne Fleischer", "Corinne Fleischer"),
                ("Ms. Corinne", "Corinne Fleischer"),
                ("Corinne Fleisсher", "Corinne Fleischer"),
                ("Corinne", "Corinne Fleischer"),
            ]
        );
    }

    #[test]
    fn a_first_name_opening_a_sentence_needs_an_address() {
        let text = "Ms. Mark Zzyx spoke. Mark the date. Mark, thank you. Zzyx agreed.";
        let got = run(text, vec![]);
        let v: Vec<&str> = got.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(v, vec!["Ms. Mark Zzyx", "Mark", "Zzyx"]);
        let got = run("Major General Yevgeny Zzyx spoke.", vec![]);
        assert_eq!((got[0].0.as_str(), got[0].1.as_str()), ("Major General Yevgeny Zzyx", "Yevgeny Zzyx"));
    }

    #[test]
    fn gazetteer_persons_take_their_rank_and_are_found_again() {
        let text = "General of the Army Sergei Shoigu wrote. Shoigu said.";
        let got = run(text, vec![(at(text, "Sergei Shoigu"), ent("Sergei Shoigu", Some("p"), Subtype::Person))]);
        assert_eq!(got[0].0, "General of the Army Sergei Shoigu");
        assert_eq!((got[1].0.as_str(), got[1].1.as_str()), ("Shoigu", "Sergei Shoigu"));
        assert_eq!(got[1].2.as_deref(), Some("p"));
    }

    #[test]
    fn a_longer_name_after_a_title_is_another_person() {
        // The gazetteer knows a "Hussein"; "Mr. Hussein Diab" is someone else.
        let text = "Mr. Hussein Diab said. Mr. Hussein said. King Hussein Bridge.";
        let hussein = |from: usize| {
            let s = from + text[from..].find("Hussein").unwrap();
            (Span::new(s, s + 7), ent("Hussein", Some("h"), Subtype::Person))
        };
        let got = run(text, vec![hussein(0), hussein(20), hussein(40)]);
        assert_eq!(got[0], ("Mr. Hussein Diab".into(), "Hussein Diab".into(), None));
        assert_eq!(got[1], ("Mr. Hussein".into(), "Hussein".into(), Some("h".into())));
        // An English word after the name does not make another person.
        assert_eq!(got[2].2.as_deref(), Some("h"), "{got:?}");
    }

    #[test]
    fn a_title_makes_a_village_name_a_person() {
        let text = "Mr. Alya Munir Ibrahim spoke.";
        let got = run(text, vec![(at(text, "Ibrahim"), ent("Ibrahim", Some("v"), Subtype::Village))]);
        assert_eq!(got, vec![("Mr. Alya Munir Ibrahim".into(), "Alya Munir Ibrahim".into(), None)]);
    }

    #[test]
    fn us_as_a_modifier_is_not_a_place() {
        let text = "US troops left the US-occupied zone; the US and its allies; US $25 million; US$42 million; stop the US from it.";
        let us = |needle: &str, from: usize| {
            let s = from + text[from..].find(needle).unwrap();
            (Span::new(s, s + 2), ent("United States", Some("us"), Subtype::Country))
        };
        let ents =
            vec![us("US troops", 0), us("US-occ", 0), us("US and", 0), us("US $", 0), us("US$", 0), us("US from", 0)];
        let got = run(text, ents);
        assert_eq!(got.len(), 2, "{got:?}");
        let text = "U.S. troops and the U.S.";
        let ents = vec![
            (Span::new(0, 4), ent("United States", Some("us"), Subtype::Country)),
            (Span::new(20, 24), ent("United States", Some("us"), Subtype::Country)),
        ];
        assert_eq!(run(text, ents).len(), 1);
    }

    #[test]
    fn places_by_context() {
        let text =
            "Aid reached the village of Anhul in the province of Daraa. Citizens of al-Zara, Homs province, and \
                    Nawa (Daraa province). The villages of Abu Kahf, Maan and Tayba.";
        let got = run(text, vec![]);
        let names: Vec<&str> = got.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(names, vec!["Anhul", "al-Zara", "Nawa", "Abu Kahf", "Maan", "Tayba"], "{got:?}");
    }

    #[test]
    fn camps_and_crossings_by_the_words_around_them() {
        let text = "families left Newroz camp and the Zzyx IDP camp; via checkpoints Qqa-Yabus and Tal-Qqalakh; \
                    through the Jaber border crossing. A Refugee camp. From refugee and IDP camps, a UNHCR camp.";
        let got = run(text, vec![]);
        let v: Vec<(&str, String)> = got.iter().map(|x| (x.0.as_str(), format!("{:?}", x.2))).collect();
        let names: Vec<&str> = v.iter().map(|x| x.0).collect();
        assert_eq!(names, vec!["Newroz", "Zzyx", "Qqa-Yabus", "Tal-Qqalakh", "Jaber"], "{got:?}");
    }

    #[test]
    fn shelters_and_lists() {
        let text = "the temporary accommodation centers of the province of Homs: Mahmud Usman, Al Baraa Bin Malik, \
                    Abdurakhman Shatur.\nsettlements (Tal Rifaat, Kafr Antun, Ehrez, Jubah etc)";
        let ents = vec![
            (at(text, "Tal Rifaat"), ent("Tal Rifaat", Some("a"), Subtype::Town)),
            (at(text, "Kafr Antun"), ent("Kafr Antun", Some("b"), Subtype::Village)),
            (at(text, "Malik"), ent("Malik", Some("m"), Subtype::Village)),
        ];
        let got = run(text, ents);
        let names: Vec<&str> = got.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Mahmud Usman",
                "Al Baraa Bin Malik",
                "Abdurakhman Shatur",
                "Tal Rifaat",
                "Kafr Antun",
                "Ehrez",
                "Jubah"
            ]
        );
    }

    #[test]
    fn title_last_words_end_titles_and_others_do_not() {
        for w in ["army", "general", "mr", "ambassador", "premier", "secretary-general"] {
            let last = last_title_word(w);
            assert!(word_bits(last) & F_ENDS_TITLE != 0, "{w}");
        }
        assert_eq!(last_title_word("secretary-general"), "general");
        for w in ["secretary", "staff", "homs", "the"] {
            assert_eq!(word_bits(w) & F_ENDS_TITLE, 0, "{w}");
        }
    }

    #[test]
    fn honorifics_follow_the_ranks() {
        assert_eq!(RANKS[HONORIFICS_FROM], "mr");
        assert_eq!(RANKS[HONORIFICS_FROM - 1], "sergeant");
    }

    #[test]
    fn words_after_a_rank_are_not_a_person() {
        assert!(run("the GNU General Public License and the Major Component", vec![]).is_empty());
        let text = "THE SOFTWARE IS PROVIDED AS IS; the IS fighters";
        let is = |from: usize| {
            let s = from + text[from..].find("IS").unwrap();
            (Span::new(s, s + 2), ent("Islamic State", Some("isis"), Subtype::ArmedGroup))
        };
        let got = run(text, vec![is(0), is(20), is(30)]);
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn no_panic_on_odd_text() {
        for text in [
            "",
            "Mr.",
            "Mr. ",
            "(",
            "(,)",
            "village of",
            "Ms. Ä",
            "General of the",
            "US",
            "US-",
            "((a, b), c",
            "the village of Ḩimş– –– ééééééééééééééééééééééééééééééééééééééééééééééééé",
            "Tell X, Ḩimş––––––––––––––––––––––––––––––––––––––––––––––––––––––",
            "Mr. Ünal Çelik–, Ms. Ö. Ä.",
        ] {
            run(text, vec![]);
        }
    }
}
