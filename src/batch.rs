//! How a large batch is cut into slices, so that a caller can hand out the
//! results of one slice (the Python binding turns them into Python objects
//! under the GIL) while the next slice is extracted.

use std::ops::Range;

/// A slice closes after about this many bytes of text...
const SLICE_BYTES: usize = 1 << 20;
/// ...or this many documents...
const SLICE_DOCS: usize = 1024;
/// ...but holds at least this many documents per thread, so that large
/// documents still keep every thread busy.
const SLICE_DOCS_PER_THREAD: usize = 8;

/// Cuts a batch of documents of the given byte lengths into consecutive
/// ranges for `workers` threads: about [`SLICE_BYTES`] bytes or
/// [`SLICE_DOCS`] documents each, never fewer than [`SLICE_DOCS_PER_THREAD`]
/// documents per thread (but the last slice).
#[cfg_attr(not(feature = "python"), allow(dead_code))]
pub(crate) fn slices(lengths: impl IntoIterator<Item = usize>, workers: usize) -> Vec<Range<usize>> {
    let least = SLICE_DOCS_PER_THREAD.saturating_mul(workers.max(1));
    let most = SLICE_DOCS.max(least);
    let mut out = Vec::new();
    let (mut start, mut bytes, mut end) = (0, 0usize, 0);
    for (i, len) in lengths.into_iter().enumerate() {
        end = i + 1;
        bytes = bytes.saturating_add(len);
        let count = end - start;
        if (bytes >= SLICE_BYTES && count >= least) || count >= most {
            out.push(start..end);
            (start, bytes) = (end, 0);
        }
    }
    if start < end {
        out.push(start..end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_documents_are_cut_by_count_and_bytes() {
        assert_eq!(slices([100; 2500], 2), [0..1024, 1024..2048, 2048..2500]);
        assert_eq!(slices([300_000; 40], 2), [0..16, 16..32, 32..40]);
        assert!(slices([], 4).is_empty());
        assert_eq!(slices([5], 4), vec![0..1]);
    }

    #[test]
    fn large_documents_still_give_every_thread_work() {
        // One slice per 1 MB document would run them one at a time.
        assert_eq!(slices([1 << 20; 20], 2), [0..16, 16..20]);
        assert_eq!(slices([1 << 20; 100], 64), vec![0..100]);
    }

    proptest::proptest! {
        #[test]
        fn slices_cover_the_batch_in_order(
            lengths in proptest::collection::vec(0usize..3_000_000, 0..300),
            workers in 1usize..20,
        ) {
            let cut = slices(lengths.iter().copied(), workers);
            let mut next = 0;
            for (k, r) in cut.iter().enumerate() {
                proptest::prop_assert_eq!(r.start, next);
                proptest::prop_assert!(r.end > r.start);
                if k + 1 < cut.len() {
                    proptest::prop_assert!(r.len() >= 8 * workers && r.len() <= 1024.max(8 * workers));
                }
                next = r.end;
            }
            proptest::prop_assert_eq!(next, lengths.len());
        }
    }
}
