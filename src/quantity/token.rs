//! The token stream the quantity scanner walks.
//!
//! A text becomes a list of tokens in one pass over its characters: words
//! (letters, with apostrophes inside them: "camp’s", "Dar’a"), runs of ASCII
//! digits, and single symbols (every other non-space character: `,` `-` `%`
//! `$` `²` ...). Whitespace is not a token; whether two tokens touch
//! ([`Tokens::glued`]) or are separated by spaces on one line
//! ([`Tokens::spaced`]) is read from the text between them.
//!
//! Every accessor takes any index and answers "no" (or `""`) past the ends,
//! so the scanners can look around freely without bounds checks.
//!
//! The text is read byte by byte (ASCII letters, digits and spaces without
//! decoding), and the gap before each token and its sentence number are
//! found in the same pass, so that the scanners' questions ("glued?",
//! "same sentence?") are a field read. A single line break between a
//! lower-case word (or a comma) and a lower-case word wraps a sentence and
//! reads as a space.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, possibly with inner apostrophes.
    Word,
    /// ASCII digits.
    Digits,
    /// One character that is neither a letter, a digit nor a space.
    Sym,
}

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Nothing: the tokens touch.
    Glued,
    /// Exactly one space (or no-break or thin space).
    OneSpace,
    /// Other whitespace on one line, or a line wrapped inside a sentence.
    Spaces,
    /// A line break (or the start of the text).
    Newline,
}

/// One token: its text (a slice of the whole), how it is separated from
/// the token before it, and the number of its sentence.
#[derive(Debug, Clone, Copy)]
struct Token<'t> {
    text: &'t str,
    sentence: u32,
    kind: Kind,
    gap: Gap,
}

/// The tokens of a text, with a sentence number for each.
pub(crate) struct Tokens<'t> {
    text: &'t str,
    toks: Vec<Token<'t>>,
    /// The tokens that may start a figure (digits, money signs, words
    /// shaped like a number word or a currency code), in order.
    starts: Vec<usize>,
    /// Token reads, counted in tests to show that scanning is linear.
    #[cfg(test)]
    reads: std::cell::Cell<usize>,
}

/// Words before a full stop that do not end a sentence ("Mr. Andrei", "No. 1").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "no", "nos", "nr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "prof", "vs", "etc",
    "approx", "sq", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "est",
];

impl<'t> Tokens<'t> {
    /// Tokenizes `text`.
    pub fn new(text: &'t str) -> Tokens<'t> {
        let (toks, starts) = tokenize(text);
        Tokens {
            text,
            toks,
            starts,
            #[cfg(test)]
            reads: std::cell::Cell::new(0),
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The tokens that may start a figure, in order: every other token
    /// surely starts none (the scanner still checks these).
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    #[inline]
    fn get(&self, i: usize) -> Option<&Token<'t>> {
        #[cfg(test)]
        self.reads.set(self.reads.get() + 1);
        self.toks.get(i)
    }

    /// How many token reads the scanners made (tests only).
    #[cfg(test)]
    pub fn reads(&self) -> usize {
        self.reads.get()
    }

    /// Byte offset of `s`, a slice of the text.
    fn offset(&self, s: &str) -> usize {
        s.as_ptr() as usize - self.text.as_ptr() as usize
    }

    /// Byte offset where token `i` starts (the text length past the end).
    pub fn start(&self, i: usize) -> usize {
        self.get(i).map_or(self.text.len(), |t| self.offset(t.text))
    }

    /// Byte offset where token `i` ends (the text length past the end).
    pub fn end(&self, i: usize) -> usize {
        self.get(i).map_or(self.text.len(), |t| self.offset(t.text) + t.text.len())
    }

    /// The kind of token `i`.
    #[inline]
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.get(i).map(|t| t.kind)
    }

    /// The text of token `i`, or `""`.
    #[inline]
    pub fn str(&self, i: usize) -> &'t str {
        self.get(i).map_or("", |t| t.text)
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    pub fn slice(&self, a: usize, b: usize) -> &'t str {
        if b <= a || b > self.len() {
            return "";
        }
        &self.text[self.start(a)..self.end(b - 1)]
    }

    /// True when token `i` is `word`, ignoring ASCII case.
    #[inline]
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.str(i).eq_ignore_ascii_case(word)
    }

    /// True when token `i` is one of `words`, ignoring ASCII case.
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        let s = self.str(i);
        !s.is_empty() && words.iter().any(|w| s.eq_ignore_ascii_case(w))
    }

    /// True when token `i` is a word.
    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    /// True when token `i` is a run of digits.
    #[inline]
    pub fn is_digits(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Digits)
    }

    /// True when token `i` is the symbol `c`.
    #[inline]
    pub fn is_sym(&self, i: usize, c: char) -> bool {
        self.get(i).is_some_and(|t| t.kind == Kind::Sym && t.text.starts_with(c))
    }

    /// True when token `i` is one of the symbols `cs`.
    pub fn is_sym_in(&self, i: usize, cs: &[char]) -> bool {
        self.get(i).is_some_and(|t| t.kind == Kind::Sym && t.text.chars().next().is_some_and(|c| cs.contains(&c)))
    }

    /// True when token `i` starts with an upper-case letter.
    pub fn is_upper(&self, i: usize) -> bool {
        self.get(i).is_some_and(|t| {
            t.kind == Kind::Word
                && match t.text.as_bytes()[0] {
                    b if b.is_ascii() => b.is_ascii_uppercase(),
                    _ => t.text.chars().next().is_some_and(char::is_uppercase),
                }
        })
    }

    /// What separates token `i` from token `i - 1` (a line break at the ends).
    #[inline]
    fn gap(&self, i: usize) -> Gap {
        self.get(i).map_or(Gap::Newline, |t| t.gap)
    }

    /// True when token `i` directly follows token `i - 1`.
    #[inline]
    pub fn glued(&self, i: usize) -> bool {
        self.gap(i) == Gap::Glued
    }

    /// True when token `i` follows token `i - 1` after spaces on the same
    /// line (or across a line wrapped inside a sentence).
    #[inline]
    pub fn spaced(&self, i: usize) -> bool {
        matches!(self.gap(i), Gap::OneSpace | Gap::Spaces)
    }

    /// True when token `i` follows token `i - 1` on the same line, with or without spaces.
    #[inline]
    pub fn near(&self, i: usize) -> bool {
        self.gap(i) != Gap::Newline
    }

    /// True when exactly one space (or no-break or thin space) separates tokens `i - 1` and `i`.
    #[inline]
    pub fn single_space(&self, i: usize) -> bool {
        self.gap(i) == Gap::OneSpace
    }

    /// True when token `i` is the first of its line (or of the text).
    pub fn line_start(&self, i: usize) -> bool {
        i == 0 || self.get(i).is_some_and(|t| t.gap == Gap::Newline)
    }

    /// The sentence number of token `i`.
    fn sentence(&self, i: usize) -> Option<u32> {
        self.get(i).map(|t| t.sentence)
    }

    /// True when tokens `a` and `b` are in the same sentence.
    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        matches!((self.sentence(a), self.sentence(b)), (Some(x), Some(y)) if x == y)
    }

    /// True when token `i` opens a sentence.
    pub fn sentence_start(&self, i: usize) -> bool {
        i == 0 || !self.same_sentence(i - 1, i)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2bc}')
}

/// Byte classes of ASCII, for the tokenizer's inner loops.
const SPACE: u8 = 0;
const DIGIT: u8 = 1;
const LETTER: u8 = 2;
const OTHER: u8 = 3;
/// A byte of a multi-byte character: decoded and classified as a `char`.
const WIDE: u8 = 4;

const CLASS: [u8; 256] = {
    let mut class = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        class[b] = match b as u8 {
            b'\t'..=b'\r' | b' ' => SPACE,
            b'0'..=b'9' => DIGIT,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            _ => OTHER,
        };
        b += 1;
    }
    class
};

#[inline]
fn class(b: u8) -> u8 {
    CLASS[b as usize]
}

/// Splits `text` into tokens in one pass over its bytes, with the gap
/// before each token and its sentence number; and lists the tokens that may
/// start a figure.
fn tokenize(text: &str) -> (Vec<Token<'_>>, Vec<usize>) {
    let bytes = text.as_bytes();
    let mut toks: Vec<Token<'_>> = Vec::with_capacity(text.len() / 5 + 1);
    let mut starts = Vec::with_capacity(text.len() / 64 + 1);
    let mut sentence = 0u32;
    let mut prev_end = 0;
    let mut pos = 0;
    while let Some(&b) = bytes.get(pos) {
        let c = class(b);
        let (kind, end) = if b.is_ascii_alphabetic() {
            let end = letters_end(bytes, pos + 1);
            // a letter run goes on only past a wide character or an apostrophe
            let more = bytes.get(end).is_some_and(|&b| b == b'\'' || class(b) == WIDE);
            (Kind::Word, if more { word_end(text, end) } else { end })
        } else if c == SPACE {
            pos += 1;
            continue;
        } else if c == OTHER {
            (Kind::Sym, pos + 1)
        } else if c == DIGIT {
            (Kind::Digits, run_end(bytes, pos + 1, DIGIT))
        } else {
            let c = text[pos..].chars().next().unwrap_or(' ');
            let after = pos + c.len_utf8();
            if c.is_whitespace() {
                pos = after;
                continue;
            } else if is_word_char(c) {
                (Kind::Word, word_end(text, after))
            } else {
                (Kind::Sym, after)
            }
        };
        let tok = Token { text: &text[pos..end], sentence, kind, gap: Gap::Newline };
        let gap = match toks.last() {
            // the common cases first: glued, or one space
            Some(_) if prev_end == pos => Gap::Glued,
            Some(prev) if prev_end + 1 == pos && bytes[prev_end] == b' ' => {
                if prev.kind == Kind::Sym && ends_sentence(&toks, prev, &tok) {
                    sentence = sentence.saturating_add(1);
                }
                Gap::OneSpace
            }
            Some(prev) => {
                let gap = gap_kind(&bytes[prev_end..pos], prev, &tok);
                if gap == Gap::Newline || (prev.kind == Kind::Sym && ends_sentence(&toks, prev, &tok)) {
                    sentence = sentence.saturating_add(1);
                }
                gap
            }
            None => Gap::Newline,
        };
        if may_start(&tok) {
            starts.push(toks.len());
        }
        toks.push(Token { sentence, gap, ..tok });
        prev_end = end;
        // one space after a token is the common case: step over it here
        pos = if bytes.get(end) == Some(&b' ') { end + 1 } else { end };
    }
    (toks, starts)
}

/// True when `tok` may start a figure: digits, `$` or a non-ASCII symbol
/// (other money signs), a word shaped like a number word, or a short word
/// with a capital (a currency code such as "USD").
#[inline]
fn may_start(tok: &Token<'_>) -> bool {
    let bytes = tok.text.as_bytes();
    match tok.kind {
        Kind::Digits => true,
        Kind::Word => super::lexicon::has_number_shape(bytes) || (bytes.len() <= 3 && bytes[0].is_ascii_uppercase()),
        Kind::Sym => bytes[0] == b'$' || !bytes[0].is_ascii(),
    }
}

/// The end of the run of ASCII letters from `pos`, eight bytes at a time.
#[inline]
fn letters_end(bytes: &[u8], mut pos: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else { break };
        let x = u64::from_le_bytes(chunk);
        // a byte is a letter when, with bit 5 set, it lies in a..=z (and is ASCII)
        let folded = (x | (0x20 * ONES)) & !HIGH;
        let from_a = folded + (0x80 - b'a' as u64) * ONES;
        let past_z = folded + (0x80 - b'z' as u64 - 1) * ONES;
        let letters = from_a & !past_z & !x & HIGH;
        let others = !letters & HIGH;
        if others != 0 {
            return pos + (others.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    run_end(bytes, pos, LETTER)
}

/// The end of the run of bytes of class `c` from `pos`.
#[inline]
fn run_end(bytes: &[u8], pos: usize, c: u8) -> usize {
    match bytes.get(pos..) {
        Some(rest) => pos + rest.iter().position(|&b| class(b) != c).unwrap_or(rest.len()),
        None => pos,
    }
}

/// The end of a word whose first characters end before byte `pos`:
/// letters and apostrophes followed by a letter.
fn word_end(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(pos) {
        match class(b) {
            LETTER => pos += 1,
            WIDE => {
                let Some(c) = text[pos..].chars().next() else { break };
                let after = pos + c.len_utf8();
                let continues =
                    is_word_char(c) || (is_apostrophe(c) && text[after..].chars().next().is_some_and(is_word_char));
                if !continues {
                    break;
                }
                pos = after;
            }
            _ if b == b'\'' && text[pos + 1..].chars().next().is_some_and(is_word_char) => pos += 1,
            _ => break,
        }
    }
    pos
}

/// The gap `between` a token and the one before it: a line break, unless
/// it only wraps a sentence (a single line break between a lower-case word
/// or a comma and a lower-case word); one space; several; or none.
#[inline]
fn gap_kind(between: &[u8], prev: &Token<'_>, tok: &Token<'_>) -> Gap {
    match between {
        [] => return Gap::Glued,
        [b' '] => return Gap::OneSpace,
        _ => {}
    }
    let newlines = between.iter().filter(|&&b| b == b'\n').count();
    if newlines > 0 {
        // "about\n60,000 people", "850,000\npeople", "tons of\nfood"
        let prev_word = prev.kind == Kind::Word && prev.text.ends_with(|c: char| c.is_ascii_lowercase());
        let next_lower = tok.kind == Kind::Word && tok.text.starts_with(|c: char| c.is_ascii_lowercase());
        let wraps = match (prev.kind, tok.kind) {
            (Kind::Word, Kind::Digits) => prev_word,
            (Kind::Digits, Kind::Word) => next_lower,
            _ => (prev_word || prev.text == ",") && next_lower,
        };
        return if newlines == 1 && wraps { Gap::Spaces } else { Gap::Newline };
    }
    match between {
        // no-break space, thin space, narrow no-break space
        [0xC2, 0xA0] | [0xE2, 0x80, 0x89] | [0xE2, 0x80, 0xAF] => Gap::OneSpace,
        _ => Gap::Spaces,
    }
}

/// True when `prev` (the last of `toks`) is `.`, `!` or `?` that ends a
/// sentence before `next`: followed by a capital, a digit or a quote, and
/// not after an abbreviation such as "No." or an initial such as "M.".
fn ends_sentence(toks: &[Token<'_>], prev: &Token<'_>, next: &Token<'_>) -> bool {
    let mark = prev.text;
    if !matches!(mark, "." | "!" | "?" | "\u{2026}") {
        return false;
    }
    let opens = next.text.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '\u{2018}' | '\'' | '(' | '\u{ab}')
    });
    if !opens {
        return false;
    }
    let before = match toks.len().checked_sub(2).map(|k| &toks[k]) {
        Some(before) if mark == "." && prev.gap == Gap::Glued => before.text,
        _ => return true,
    };
    let initial = before.chars().count() == 1 && before.chars().all(char::is_uppercase);
    !(initial || ABBREVIATIONS.iter().any(|a| before.eq_ignore_ascii_case(a)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_digits_and_symbols() {
        let t = Tokens::new("the camp’s 1,851 km² (5)");
        let parts: Vec<&str> = (0..t.len()).map(|i| t.str(i)).collect();
        assert_eq!(parts, ["the", "camp’s", "1", ",", "851", "km", "²", "(", "5", ")"]);
        assert!(t.glued(3) && t.glued(4) && t.spaced(5) && t.glued(6));
        assert!(t.is_digits(2) && t.is_word(5) && t.is_sym(7, '('));
        assert_eq!(t.str(99), "");
        assert!(!t.glued(0) && !t.spaced(99));
    }

    #[test]
    fn sentences_break_at_stops_and_lines_but_not_abbreviations() {
        let t = Tokens::new("Zone No. 1. Total 5 by Mr. Andrei.\nNext");
        let one = (0..t.len()).find(|&i| t.str(i) == "1").unwrap();
        let total = one + 2;
        assert!(t.same_sentence(0, one));
        assert!(!t.same_sentence(one, total));
        let andrei = (0..t.len()).find(|&i| t.str(i) == "Andrei").unwrap();
        assert!(t.same_sentence(total, andrei));
        assert!(t.sentence_start(t.len() - 1));
    }

    #[test]
    fn letter_runs() {
        for text in
            ["", "a", "abcdefgh", "abcdefghi", "abcdefgh1", "Zz@[`{", "AbCdEfGhIjKlM N", "ab\u{e9}cd", "abcdefg\u{e9}"]
        {
            let bytes = text.as_bytes();
            let slow = bytes.iter().position(|b| !b.is_ascii_alphabetic()).unwrap_or(bytes.len());
            assert_eq!(letters_end(bytes, 0), slow, "{text:?}");
        }
        for b in 0..=255u8 {
            let bytes = [b'a', b'b', b'c', b, b'd', b'e', b'f', b'g', b'h', b'i'];
            let slow = bytes.iter().position(|b| !b.is_ascii_alphabetic()).unwrap_or(bytes.len());
            assert_eq!(letters_end(&bytes, 0), slow, "{b}");
        }
    }

    #[test]
    fn gaps() {
        let t = Tokens::new("a  b\u{a0}c\td\n\ne,\nf\nG");
        assert!(!t.single_space(1) && t.spaced(1));
        assert!(t.single_space(2) && t.spaced(3) && !t.single_space(3));
        assert!(t.line_start(4) && !t.near(4) && !t.same_sentence(3, 4));
        // a single line break inside a sentence is a wrap: "e,\nf"
        assert!(t.spaced(6) && !t.line_start(6) && t.same_sentence(5, 6));
        assert!(t.line_start(7) && !t.same_sentence(6, 7));
        assert!(!t.line_start(99) && !t.near(99));
    }
}
