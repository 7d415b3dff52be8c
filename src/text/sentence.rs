//! Sentence boundaries by the rules of Unicode's UAX #29 (SB1–SB11), in one
//! forward pass over the text.
//!
//! The general-purpose segmenter of `unicode-segmentation` classifies every
//! character through a table lookup and runs a state machine on it; on press
//! releases it ran at about 5 MB/s and was a fifth of the whole extraction.
//! Here only the characters that can end a sentence (terminators and
//! paragraph separators) start any work, and the rules are applied around
//! them. The character classes are UAX #29's for every character the genre
//! uses (ASCII, Latin, Cyrillic, Arabic letters, typographic quotes and
//! dashes, the common terminators of other scripts); the property test
//! below checks the result against `unicode-segmentation` on random text of
//! those characters, and the unit tests on real bulletins.

/// The UAX #29 sentence-break classes that matter to the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// CR, LF and the paragraph/line separators: a sentence always ends after them.
    Sep,
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    OLetter,
    Numeric,
    /// A full stop (it may be an abbreviation).
    ATerm,
    /// `!`, `?` and other scripts' terminators.
    STerm,
    Close,
    SContinue,
    /// Marks and format characters: they belong to the character before.
    Extend,
    Other,
}

fn class(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            '\r' => Class::Cr,
            '\n' => Class::Lf,
            ' ' | '\t' | '\u{b}' | '\u{c}' => Class::Sp,
            'a'..='z' => Class::Lower,
            'A'..='Z' => Class::Upper,
            '0'..='9' => Class::Numeric,
            '.' => Class::ATerm,
            '!' | '?' => Class::STerm,
            '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' => Class::Close,
            ',' | '-' | ':' | ';' => Class::SContinue,
            _ => Class::Other,
        };
    }
    match c {
        '\u{85}' | '\u{2028}' | '\u{2029}' => Class::Sep,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => Class::Sp,
        '\u{2024}' | '\u{fe52}' | '\u{ff0e}' => Class::ATerm,
        '\u{589}'
        | '\u{61d}'..='\u{61f}'
        | '\u{6d4}'
        | '\u{700}'..='\u{702}'
        | '\u{7f9}'
        | '\u{964}'
        | '\u{965}'
        | '\u{203c}'
        | '\u{203d}'
        | '\u{2047}'..='\u{2049}'
        | '\u{3002}'
        | '\u{fe56}'
        | '\u{fe57}'
        | '\u{ff01}'
        | '\u{ff1f}'
        | '\u{ff61}' => Class::STerm,
        '\u{ab}'
        | '\u{bb}'
        | '\u{2018}'..='\u{201f}'
        | '\u{2039}'
        | '\u{203a}'
        | '\u{2045}'
        | '\u{2046}'
        | '\u{207d}'
        | '\u{207e}'
        | '\u{208d}'
        | '\u{208e}'
        | '\u{2308}'..='\u{230b}'
        | '\u{2329}'
        | '\u{232a}'
        | '\u{27e6}'..='\u{27ef}'
        | '\u{2e42}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301b}'
        | '\u{301d}'..='\u{301f}'
        | '\u{fd3e}'
        | '\u{fd3f}'
        | '\u{ff08}'
        | '\u{ff09}'
        | '\u{ff3b}'
        | '\u{ff3d}'
        | '\u{ff5b}'
        | '\u{ff5d}'
        | '\u{ff5f}'
        | '\u{ff60}'
        | '\u{ff62}'
        | '\u{ff63}' => Class::Close,
        '\u{55d}' | '\u{60c}' | '\u{60d}' | '\u{7f8}' | '\u{1802}' | '\u{1808}' | '\u{2013}' | '\u{2014}'
        | '\u{3001}' | '\u{fe10}' | '\u{fe11}' | '\u{fe13}' | '\u{fe31}' | '\u{fe32}' | '\u{fe50}' | '\u{fe51}'
        | '\u{fe55}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0c}' | '\u{ff0d}' | '\u{ff1a}' | '\u{ff64}' => Class::SContinue,
        '\u{ad}'
        | '\u{200b}'..='\u{200f}'
        | '\u{2060}'..='\u{2064}'
        | '\u{feff}'
        | '\u{300}'..='\u{36f}'
        | '\u{610}'..='\u{61a}'
        | '\u{64b}'..='\u{65f}'
        | '\u{670}'
        | '\u{483}'..='\u{489}' => Class::Extend,
        _ if c.is_lowercase() => Class::Lower,
        _ if c.is_uppercase() => Class::Upper,
        _ if c.is_numeric() => Class::Numeric,
        _ if c.is_alphabetic() => Class::OLetter,
        _ => Class::Other,
    }
}

/// The classes of `text` from byte `i` on, skipping Extend characters
/// (rule SB5), as `(byte offset, class)`.
struct Classes<'a> {
    text: &'a str,
    i: usize,
}

impl Iterator for Classes<'_> {
    type Item = (usize, Class);

    fn next(&mut self) -> Option<(usize, Class)> {
        loop {
            let c = self.text[self.i..].chars().next()?;
            let at = self.i;
            self.i += c.len_utf8();
            let k = class(c);
            if k != Class::Extend {
                return Some((at, k));
            }
        }
    }
}

/// The first class at or after byte `i` that is not Extend, and where it is.
fn class_at(text: &str, i: usize) -> Option<(usize, Class)> {
    Classes { text, i }.next()
}

/// The end of the Extend characters starting at `i`.
fn skip_extend(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next() {
        if class(c) != Class::Extend {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Is the byte one where a sentence may end (a terminator or a separator)?
/// Every other ASCII byte is skipped without decoding.
#[inline]
fn may_end_sentence(b: u8) -> bool {
    static MAY_END: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = matches!(b as u8, b'.' | b'!' | b'?' | b'\r' | b'\n') || b >= 0x80;
            b += 1;
        }
        t
    };
    MAY_END[usize::from(b)]
}

/// The byte offsets where sentences start: 0, then every UAX #29 sentence
/// boundary inside the text (the end of the text is not included).
pub(crate) fn sentence_breaks(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    // The class of the last letter-like character before `i` (for SB7).
    let mut prev = Class::Other;
    let mut i = 0;
    while i < bytes.len() {
        if !may_end_sentence(bytes[i]) {
            // Skip the run of ordinary ASCII bytes: only the last one's
            // class matters.
            i += 1;
            while i < bytes.len() && !may_end_sentence(bytes[i]) {
                i += 1;
            }
            prev = match bytes[i - 1] {
                b'a'..=b'z' => Class::Lower,
                b'A'..=b'Z' => Class::Upper,
                _ => Class::Other,
            };
            continue;
        }
        let Some((at, k)) = class_at(text, i) else { break };
        if at != i {
            i = at; // marks and format characters belong to the character before (SB5)
            continue;
        }
        let c_len = text[i..].chars().next().map_or(1, char::len_utf8);
        match k {
            Class::Cr | Class::Lf | Class::Sep => {
                // SB3: CR × LF; SB4: ParaSep ÷
                let mut end = i + c_len;
                if k == Class::Cr && bytes.get(end) == Some(&b'\n') {
                    end += 1;
                }
                push_start(&mut starts, end, bytes.len());
                prev = Class::Other;
                i = end;
            }
            Class::ATerm | Class::STerm => {
                let end = terminator_run_end(text, i, k, prev);
                if let Some(end) = end {
                    push_start(&mut starts, end, bytes.len());
                }
                prev = k;
                i = skip_extend(text, i + c_len);
            }
            other => {
                prev = other;
                i = skip_extend(text, i + c_len);
            }
        }
    }
    starts
}

fn push_start(starts: &mut Vec<usize>, start: usize, len: usize) {
    if start < len && starts.last().map_or(true, |&last| start > last) {
        starts.push(start);
    }
}

/// For a terminator of class `k` at byte `i` (after a character of class
/// `prev`): where the sentence it ends stops, or `None` when the rules say
/// the sentence goes on (SB6, SB7, SB8, SB8a).
fn terminator_run_end(text: &str, i: usize, k: Class, prev: Class) -> Option<usize> {
    let mut classes = Classes { text, i }.peekable();
    classes.next(); // the terminator itself
    let is_aterm = k == Class::ATerm;
    if is_aterm {
        match classes.peek() {
            // SB6: ATerm × Numeric
            Some(&(_, Class::Numeric)) => return None,
            // SB7: (Upper | Lower) ATerm × Upper
            Some(&(_, Class::Upper)) if matches!(prev, Class::Upper | Class::Lower) => return None,
            _ => {}
        }
    }
    // Close* Sp*
    let mut end = text.len();
    let mut seen_sp = false;
    while let Some(&(at, c)) = classes.peek() {
        match c {
            Class::Close if !seen_sp => {}
            Class::Sp => seen_sp = true,
            _ => {
                end = at;
                break;
            }
        }
        classes.next();
    }
    match classes.peek().map(|&(_, c)| c) {
        None => return Some(text.len()),
        // SB8a: SATerm Close* Sp* × (SContinue | SATerm)
        Some(Class::SContinue | Class::ATerm | Class::STerm) => return None,
        // SB11 with the paragraph separator: the sentence ends after it.
        Some(sep @ (Class::Cr | Class::Lf | Class::Sep)) => {
            let mut after = end + text[end..].chars().next().map_or(1, char::len_utf8);
            if sep == Class::Cr && text.as_bytes().get(after) == Some(&b'\n') {
                after += 1;
            }
            // SB5 does not apply after a separator: a mark after it starts the next sentence.
            return Some(after);
        }
        _ => {}
    }
    if is_aterm {
        // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
        for (_, c) in classes {
            match c {
                Class::Lower => return None,
                Class::OLetter | Class::Upper | Class::Sep | Class::Cr | Class::Lf | Class::ATerm | Class::STerm => {
                    break
                }
                _ => {}
            }
        }
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn reference(text: &str) -> Vec<usize> {
        let mut v: Vec<usize> = text.split_sentence_bound_indices().map(|(i, _)| i).collect();
        if v.is_empty() {
            v.push(0);
        }
        v
    }

    #[test]
    fn bulletin_sentences() {
        let text = "On 3 May, 4.4 tons were delivered to al-Rastan. Mr. Bakin said: \"It is done.\" (See U.S. data.) \
                    Next?! yes. Then\r\nA new line\u{2029}And a separator. e.g. this. 3. Four.";
        assert_eq!(sentence_breaks(text), reference(text));
    }

    #[test]
    fn real_bulletins_and_genre_sentences() {
        for text in [
            include_str!("../../examples/sample/bulletin-1.txt"),
            include_str!("../../examples/sample/bulletin-2.txt"),
            include_str!("../../examples/sample/docs.jsonl"),
            include_str!("../../tests/fixtures/quantities.tsv"),
        ] {
            assert_eq!(sentence_breaks(text), reference(text));
        }
    }

    #[test]
    fn empty_and_tiny() {
        for t in ["", ".", "a", "\n", "\r\n", "?!", ". a", "\u{301}."] {
            assert_eq!(sentence_breaks(t), reference(t), "{t:?}");
        }
    }

    const PIECES: &[&str] = &[
        "a",
        "word",
        "B",
        "Bakin",
        "1",
        "42",
        ".",
        ".",
        "!",
        "?",
        " ",
        " ",
        "  ",
        "\n",
        "\r",
        "\r\n",
        ")",
        "(",
        "\"",
        "'",
        ",",
        "-",
        ":",
        ";",
        "\u{2019}",
        "\u{201c}",
        "\u{201d}",
        "\u{2013}",
        "\u{a0}",
        "\u{e9}",
        "\u{c9}",
        "\u{628}\u{64a}",
        "\u{ab}",
        "\u{bb}",
        "\u{2029}",
        "\u{301}",
        "\u{6d4}",
        "\u{61f}",
        "\u{3002}",
        "%",
        "$",
        "\u{430}",
        "\u{410}",
        "\u{2026}",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn equals_unicode_segmentation(parts in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let text: String = parts.iter().map(|&k| PIECES[k]).collect();
            prop_assert_eq!(sentence_breaks(&text), reference(&text), "{:?}", text);
        }
    }
}
