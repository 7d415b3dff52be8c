//! Folding text into the form gazetteer names are matched in, with a map
//! back to the original byte offsets.
//!
//! The folded form is what both the names and the documents are turned into
//! before the Aho-Corasick scan:
//!
//! * letters are decomposed (NFKD), combining marks are dropped, and the rest
//!   is lower-cased with Unicode's full lowercase mapping (not only ASCII), so
//!   "Ḩimş", "HIMS" and "Hims" fold alike and "İ" cannot shift an offset;
//! * apostrophes, primes and the ayn/hamza letters (`'` `’` `‘` `` ` `` `´`
//!   `ʿ` `ʾ` `ʼ` `ʻ` `′`) vanish, so "Dar’a" = "Dar'a" = "Dara";
//! * runs of white space, hyphens and underscores become one space
//!   ("Deir ez-Zor" = "Deir ez Zor" = "Deir-ez-Zor");
//! * any other character (punctuation, dashes, symbols) becomes a break byte
//!   [`BREAK`] that no name spans across, except as the same punctuation.
//!
//! Every byte of the folded text records the byte offset of the original
//! character it came from, so a match in folded text maps back to an exact
//! slice of the original.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// The byte that stands for punctuation and symbols in folded text.
pub(crate) const BREAK: u8 = b'|';

/// Folded text and, for each folded byte, the byte offset (relative to the
/// chunk's start) of the original character it came from.
#[derive(Debug, Default, Clone)]
pub(crate) struct Folded {
    pub bytes: Vec<u8>,
    pub origin: Vec<u32>,
    /// Where words start: the index of the first folded byte of each word
    /// character (see [`is_word_char`]) that does not follow one in the
    /// pushed text. The first character pushed counts as following none.
    pub word_starts: Vec<u32>,
    /// Whether the last character pushed was a word character.
    after_word: bool,
}

/// What a character folds to.
enum Class {
    /// Dropped without trace (apostrophes, combining marks, format chars).
    Vanish,
    /// White space, hyphen, underscore: a soft separator.
    Space,
    /// Punctuation or symbol: a hard break.
    Break,
    /// A letter or digit, folded to one or more chars.
    Word,
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}'
            | '\u{2018}'
            | '\u{201B}'
            | '`'
            | '\u{00B4}'
            | '\u{02BF}'
            | '\u{02BE}'
            | '\u{02BC}'
            | '\u{02BB}'
            | '\u{2032}'
            | '\u{02B9}'
    )
}

fn is_soft_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '_' | '\u{2010}' | '\u{2011}' | '\u{00AD}')
}

fn classify(c: char) -> Class {
    if c.is_ascii_alphanumeric() {
        Class::Word
    } else if is_apostrophe(c) || is_combining_mark(c) || matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}' | '\u{0640}')
    {
        Class::Vanish
    } else if is_soft_separator(c) {
        Class::Space
    } else if c.is_alphanumeric() {
        Class::Word
    } else {
        Class::Break
    }
}

/// True for a character that belongs to a word (letter, digit, combining mark).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

impl Folded {
    /// Clears the buffers, keeping their capacity.
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.origin.clear();
        self.word_starts.clear();
        self.after_word = false;
    }

    fn push_byte(&mut self, b: u8, origin: u32) {
        self.bytes.push(b);
        self.origin.push(origin);
    }

    fn push_char(&mut self, c: char, origin: u32) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.push_byte(b, origin);
        }
    }

    fn push_space(&mut self, origin: u32) {
        // Runs of separators collapse into one space.
        if self.bytes.last().is_some_and(|&b| b != b' ') {
            self.push_byte(b' ', origin);
        }
    }

    /// Appends the folding of `text`, whose first byte is at offset `base`
    /// of the chunk.
    pub fn push_str(&mut self, text: &str, base: u32) {
        let bytes = text.as_bytes();
        self.bytes.reserve(bytes.len());
        self.origin.reserve(bytes.len());
        let mut after_word = self.after_word;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let at = base + i as u32;
            // ASCII (nearly all of an English text): one table look-up a byte.
            if b < 0x80 {
                match ASCII_FOLD[b as usize] {
                    VANISH => after_word = false,
                    b' ' => {
                        self.push_space(at);
                        after_word = false;
                    }
                    BREAK => {
                        self.push_byte(BREAK, at);
                        after_word = false;
                    }
                    f => {
                        if !after_word {
                            self.word_starts.push(self.bytes.len() as u32);
                            after_word = true;
                        }
                        self.push_byte(f, at);
                    }
                }
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else { break };
            let is_word = is_word_char(c);
            if is_word && !after_word {
                self.word_starts.push(self.bytes.len() as u32);
            }
            let len = self.bytes.len();
            self.push_non_ascii(c, at);
            if is_word && !after_word && self.bytes.len() == len {
                self.word_starts.pop(); // nothing was pushed (a combining mark)
            }
            after_word = is_word;
            i += c.len_utf8();
        }
        self.after_word = after_word;
    }

    /// Appends the folding of one non-ASCII character.
    fn push_non_ascii(&mut self, c: char, at: u32) {
        match classify(c) {
            Class::Vanish => {}
            Class::Space => self.push_space(at),
            Class::Break => self.push_byte(BREAK, at),
            Class::Word => {
                decompose_compatible(c, |d| {
                    if is_combining_mark(d) || is_apostrophe(d) {
                        return;
                    }
                    for l in d.to_lowercase() {
                        if l.is_ascii() {
                            if l.is_ascii_alphanumeric() {
                                self.push_byte(l as u8, at);
                            } else if l == ' ' {
                                self.push_space(at);
                            } else {
                                self.push_byte(BREAK, at);
                            }
                        } else {
                            self.push_char(l, at);
                        }
                    }
                });
            }
        }
    }
}

/// Marks an ASCII byte that vanishes in [`ASCII_FOLD`].
const VANISH: u8 = 0;

/// What each ASCII byte folds to: itself lower-cased for a letter or digit,
/// [`VANISH`] for an apostrophe, a space for white space, `-` and `_`, and
/// [`BREAK`] for anything else (the same as [`classify`] says).
static ASCII_FOLD: [u8; 128] = {
    let mut t = [BREAK; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() || c.is_ascii_digit() {
            c
        } else if c.is_ascii_uppercase() {
            c.to_ascii_lowercase()
        } else if c == b'\'' || c == b'`' {
            VANISH
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'-' | b'_') {
            b' '
        } else {
            BREAK
        };
        b += 1;
    }
    t
};

/// Folds a gazetteer name: the same folding as documents get, with leading
/// and trailing separators and breaks removed. Returns an empty string for a
/// name with no letters or digits.
pub(crate) fn fold_name(name: &str) -> String {
    let mut f = Folded::default();
    f.push_str(name, 0);
    let s = String::from_utf8(f.bytes).expect("folding keeps UTF-8 valid");
    s.trim_matches(|c| c == ' ' || c == BREAK as char).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_fold_alike() {
        assert_eq!(fold_name("Deir ez-Zor"), "deir ez zor");
        assert_eq!(fold_name("Deir-ez-Zor"), "deir ez zor");
        assert_eq!(fold_name("DEIR  EZ – ZOR"), "deir ez | zor");
        assert_eq!(fold_name("Dar’a"), "dara");
        assert_eq!(fold_name("Dar'a"), "dara");
        assert_eq!(fold_name("Ḩimş"), "hims");
        assert_eq!(fold_name("Rīf Dimashq"), "rif dimashq");
        assert_eq!(fold_name("İdlib"), "idlib");
        assert_eq!(fold_name("ʿAyn al-ʿArab"), "ayn al arab");
        assert_eq!(fold_name("U.N."), "u|n");
    }

    #[test]
    fn every_folded_byte_points_into_the_original() {
        let text = "İstanbul – Ḩimş’s “Dar’a” ﬁeld 😀 Дума دوما";
        let mut f = Folded::default();
        f.push_str(text, 0);
        assert_eq!(f.bytes.len(), f.origin.len());
        for &o in &f.origin {
            assert!(text.is_char_boundary(o as usize));
        }
        assert!(std::str::from_utf8(&f.bytes).is_ok());
    }

    /// The folding as first written, one `char` at a time: the reference
    /// the table-driven [`Folded::push_str`] must agree with.
    fn reference_fold(text: &str, base: u32) -> Folded {
        let mut f = Folded::default();
        for (i, c) in text.char_indices() {
            let at = base + i as u32;
            match classify(c) {
                Class::Vanish => {}
                Class::Space => f.push_space(at),
                Class::Break => f.push_byte(BREAK, at),
                Class::Word if c.is_ascii() => f.push_byte(c.to_ascii_lowercase() as u8, at),
                Class::Word => f.push_non_ascii(c, at),
            }
        }
        f
    }

    #[test]
    fn the_ascii_table_agrees_with_classify() {
        for b in 0u8..128 {
            let s = (b as char).to_string();
            let mut f = Folded { bytes: vec![b'x'], origin: vec![0], ..Folded::default() };
            f.push_str(&s, 1);
            let r = reference_fold(&format!("x{s}"), 0);
            assert_eq!(f.bytes, r.bytes, "{b:#x}");
            assert_eq!(f.origin, r.origin, "{b:#x}");
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_folding_agrees_with_the_reference(
            s in "([ -~\t\n]|[\u{80}-\u{3ff}]|[’‘ʿʾ–—\u{a0}\u{200b}\u{640}İﬁ😀ДумаدوماḨ\u{301}\u{fdfa}\u{a8}])*",
            base in 0u32..1000,
        ) {
            let mut f = Folded::default();
            f.push_str(&s, base);
            let r = reference_fold(&s, base);
            proptest::prop_assert_eq!(&f.bytes, &r.bytes);
            proptest::prop_assert_eq!(&f.origin, &r.origin);
        }
    }

    /// The word starts by their definition, one `char` at a time.
    fn reference_word_starts(text: &str, base: u32) -> Vec<u32> {
        let f = reference_fold(text, base);
        let mut starts = Vec::new();
        let mut prev: Option<char> = None;
        for (i, c) in text.char_indices() {
            let at = base + i as u32;
            if is_word_char(c) && !prev.is_some_and(is_word_char) {
                if let Some(fs) = f.origin.iter().position(|&o| o == at) {
                    starts.push(fs as u32);
                }
            }
            prev = Some(c);
        }
        starts
    }

    proptest::proptest! {
        #[test]
        fn word_starts_agree_with_the_definition(
            s in "([ -~\t\n]|[\u{80}-\u{3ff}]|[’‘ʿʾ–—\u{a0}\u{200b}\u{640}İﬁ😀ДумаدوماḨ\u{301}\u{fdfa}\u{a8}])*",
            split in 0usize..40,
        ) {
            // Pushed in two pieces: the state carries over.
            let cut = (0..=split.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
            let mut f = Folded::default();
            f.push_str(&s[..cut], 0);
            f.push_str(&s[cut..], cut as u32);
            proptest::prop_assert_eq!(f.word_starts, reference_word_starts(&s, 0));
        }
    }

    #[test]
    fn word_starts_follow_non_word_characters() {
        let mut f = Folded::default();
        f.push_str("Dar’a al-Bab x\u{301}y 12ab", 0);
        let starts: Vec<&str> =
            f.word_starts.iter().map(|&i| std::str::from_utf8(&f.bytes[i as usize..i as usize + 1]).unwrap()).collect();
        assert_eq!(starts, ["d", "a", "a", "b", "x", "1"]);
    }

    #[test]
    fn arabic_and_cyrillic_letters_are_word_chars() {
        assert_eq!(fold_name("دير الزور"), "دير الزور");
        assert_eq!(fold_name("Дума"), "дума");
    }
}
