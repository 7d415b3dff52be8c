//! Converting byte offsets to Unicode code point offsets.

/// Converts ascending byte offsets of `text` to code point offsets in one
/// pass. `offsets` must be sorted and lie on character boundaries.
pub(crate) struct CharCounter<'a> {
    bytes: &'a [u8],
    byte_pos: usize,
    char_pos: usize,
}

impl<'a> CharCounter<'a> {
    pub fn new(text: &'a str) -> CharCounter<'a> {
        CharCounter { bytes: text.as_bytes(), byte_pos: 0, char_pos: 0 }
    }

    /// The code point offset of byte offset `byte`. Offsets asked for must
    /// not decrease; an offset behind the last one restarts the count.
    pub fn char_offset(&mut self, byte: usize) -> usize {
        if byte < self.byte_pos {
            self.byte_pos = 0;
            self.char_pos = 0;
        }
        let seg = &self.bytes[self.byte_pos..byte];
        self.char_pos += if seg.is_ascii() { seg.len() } else { seg.iter().filter(|&&b| (b as i8) >= -0x40).count() };
        self.byte_pos = byte;
        self.char_pos
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points_not_bytes() {
        let text = "aé😀دb";
        let mut c = CharCounter::new(text);
        let want: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        for (i, &b) in want.iter().enumerate() {
            assert_eq!(c.char_offset(b), i);
        }
        assert_eq!(c.char_offset(text.len()), 5);
        assert_eq!(c.char_offset(1), 1);
    }
}
