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

/// One token: its byte range in the text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// The tokens of a text, with a sentence number for each.
pub(crate) struct Tokens<'t> {
    text: &'t str,
    toks: Vec<Token>,
    sentence: Vec<u32>,
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
        let toks = tokenize(text);
        let sentence = sentence_ids(text, &toks);
        Tokens {
            text,
            toks,
            sentence,
            #[cfg(test)]
            reads: std::cell::Cell::new(0),
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    fn get(&self, i: usize) -> Option<&Token> {
        #[cfg(test)]
        self.reads.set(self.reads.get() + 1);
        self.toks.get(i)
    }

    /// How many token reads the scanners made (tests only).
    #[cfg(test)]
    pub fn reads(&self) -> usize {
        self.reads.get()
    }

    /// Byte offset where token `i` starts (the text length past the end).
    pub fn start(&self, i: usize) -> usize {
        self.get(i).map_or(self.text.len(), |t| t.start)
    }

    /// Byte offset where token `i` ends (the text length past the end).
    pub fn end(&self, i: usize) -> usize {
        self.get(i).map_or(self.text.len(), |t| t.end)
    }

    /// The kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.get(i).map(|t| t.kind)
    }

    /// The text of token `i`, or `""`.
    pub fn str(&self, i: usize) -> &'t str {
        self.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    pub fn slice(&self, a: usize, b: usize) -> &'t str {
        if b <= a || b > self.len() {
            return "";
        }
        &self.text[self.start(a)..self.end(b - 1)]
    }

    /// True when token `i` is `word`, ignoring ASCII case.
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.str(i).eq_ignore_ascii_case(word)
    }

    /// True when token `i` is one of `words`, ignoring ASCII case.
    pub fn is_any(&self, i: usize, words: &[&str]) -> bool {
        let s = self.str(i);
        !s.is_empty() && words.iter().any(|w| s.eq_ignore_ascii_case(w))
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    /// True when token `i` is a run of digits.
    pub fn is_digits(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Digits)
    }

    /// True when token `i` is the symbol `c`.
    pub fn is_sym(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Sym) && self.str(i).starts_with(c)
    }

    /// True when token `i` is one of the symbols `cs`.
    pub fn is_sym_in(&self, i: usize, cs: &[char]) -> bool {
        self.kind(i) == Some(Kind::Sym) && self.str(i).chars().next().is_some_and(|c| cs.contains(&c))
    }

    /// True when token `i` starts with an upper-case letter.
    pub fn is_upper(&self, i: usize) -> bool {
        self.is_word(i) && self.str(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The whitespace between tokens `i - 1` and `i` (`None` at the ends).
    fn gap(&self, i: usize) -> Option<&'t str> {
        if i == 0 || i >= self.len() {
            return None;
        }
        Some(&self.text[self.end(i - 1)..self.start(i)])
    }

    /// True when token `i` directly follows token `i - 1`.
    pub fn glued(&self, i: usize) -> bool {
        self.gap(i).is_some_and(str::is_empty)
    }

    /// True when token `i` follows token `i - 1` after spaces on the same line.
    pub fn spaced(&self, i: usize) -> bool {
        self.gap(i).is_some_and(|g| !g.is_empty() && !g.contains('\n'))
    }

    /// True when token `i` follows token `i - 1` on the same line, with or without spaces.
    pub fn near(&self, i: usize) -> bool {
        self.gap(i).is_some_and(|g| !g.contains('\n'))
    }

    /// True when exactly one space (or no-break or thin space) separates tokens `i - 1` and `i`.
    pub fn single_space(&self, i: usize) -> bool {
        matches!(self.gap(i), Some(" " | "\u{a0}" | "\u{2009}" | "\u{202f}"))
    }

    /// True when token `i` is the first of its line (or of the text).
    pub fn line_start(&self, i: usize) -> bool {
        i == 0 || self.gap(i).is_some_and(|g| g.contains('\n'))
    }

    /// The sentence number of token `i`.
    fn sentence(&self, i: usize) -> Option<u32> {
        #[cfg(test)]
        self.reads.set(self.reads.get() + 1);
        self.sentence.get(i).copied()
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

/// Splits `text` into tokens in one pass.
fn tokenize(text: &str) -> Vec<Token> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if c.is_ascii_digit() {
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = i + 1;
                chars.next();
            }
            Kind::Digits
        } else if is_word_char(c) {
            while let Some(&(i, d)) = chars.peek() {
                let after = i + d.len_utf8();
                let continues =
                    is_word_char(d) || (is_apostrophe(d) && text[after..].chars().next().is_some_and(is_word_char));
                if !continues {
                    break;
                }
                end = after;
                chars.next();
            }
            Kind::Word
        } else {
            Kind::Sym
        };
        toks.push(Token { start, end, kind });
    }
    toks
}

/// Numbers the sentences: a new one starts after a line break, or after `.`,
/// `!` or `?` followed by a space and a capital, a digit or a quote (but not
/// after an abbreviation such as "No." or an initial such as "M.").
fn sentence_ids(text: &str, toks: &[Token]) -> Vec<u32> {
    let mut ids = Vec::with_capacity(toks.len());
    let mut id = 0u32;
    for (i, tok) in toks.iter().enumerate() {
        if i > 0 {
            let gap = &text[toks[i - 1].end..tok.start];
            if gap.contains('\n') || (!gap.is_empty() && ends_sentence(text, toks, i - 1, tok)) {
                id = id.saturating_add(1);
            }
        }
        ids.push(id);
    }
    ids
}

fn ends_sentence(text: &str, toks: &[Token], stop: usize, next: &Token) -> bool {
    let mark = &text[toks[stop].start..toks[stop].end];
    if !matches!(mark, "." | "!" | "?" | "\u{2026}") {
        return false;
    }
    let opens = text[next.start..].chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}' | '\u{2018}' | '\'' | '(' | '\u{ab}')
    });
    if !opens {
        return false;
    }
    if mark != "." || stop == 0 || toks[stop - 1].end != toks[stop].start {
        return true;
    }
    let before = &text[toks[stop - 1].start..toks[stop - 1].end];
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
}
