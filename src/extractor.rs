//! The [`Extractor`]: gazetteers, quantities and dates in one pass over a
//! document, built once and shared across threads.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use crate::bundled;
use crate::context;
use crate::date;
use crate::error::{Error, ErrorKind, Result};
use crate::gazetteer::{Gazetteer, Matcher};
use crate::link;
use crate::mention::{DateValue, Entity, Mention, MentionKind, PartialDate, Payload, Span};
use crate::quantity;
use crate::text::offsets::CharCounter;

/// Per-call options of [`Extractor::extract_with`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtractOptions {
    /// The document's date. Dates written without a year get its year. When
    /// `None`, a dateline in the text ("date 2017-09-11", "MOSCOW, September
    /// 11. /TASS/") is used if there is one.
    pub document_date: Option<PartialDate>,
}

/// One document of a batch: its text and, optionally, its date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Document<'a> {
    /// The text.
    pub text: &'a str,
    /// The document's date, as in [`ExtractOptions::document_date`].
    pub date: Option<PartialDate>,
}

/// Builds an [`Extractor`]. Reusable: `build` does not consume it.
///
/// ```
/// use tallystick::{Entry, Extractor, Gazetteer, MentionKind, Subtype};
/// let mine = Gazetteer::from_entries(vec![
///     Entry::new("my-camp", "Camp Hope", Subtype::Camp).with_aliases(["Hope camp"]),
/// ])?;
/// let extractor = Extractor::builder().gazetteer(mine).kinds([MentionKind::Camp]).build()?;
/// let found = extractor.extract("Families moved to Camp Hope.");
/// assert_eq!(found[0].text, "Camp Hope");
/// # Ok::<(), tallystick::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ExtractorBuilder {
    bundled: bool,
    gazetteers: Vec<Gazetteer>,
    files: Vec<PathBuf>,
    kinds: Vec<MentionKind>,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder { bundled: true, gazetteers: Vec::new(), files: Vec::new(), kinds: MentionKind::ALL.to_vec() }
    }
}

impl ExtractorBuilder {
    /// Whether to include the bundled gazetteers (default `true`). With
    /// `false`, only the gazetteers added here are used.
    pub fn bundled(mut self, yes: bool) -> Self {
        self.bundled = yes;
        self
    }

    /// Adds a gazetteer.
    pub fn gazetteer(mut self, gazetteer: Gazetteer) -> Self {
        self.gazetteers.push(gazetteer);
        self
    }

    /// Adds a gazetteer file (TSV or JSONL), read when [`build`](Self::build) runs.
    pub fn gazetteer_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.files.push(path.into());
        self
    }

    /// The kinds to extract (default: all five).
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = MentionKind>) -> Self {
        self.kinds = kinds.into_iter().collect();
        self.kinds.sort();
        self.kinds.dedup();
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    /// A gazetteer file cannot be read or parsed (the error names the file
    /// and line), two gazetteers share an id, or no kind was asked for.
    pub fn build(&self) -> Result<Extractor> {
        if self.kinds.is_empty() {
            return Err(Error::invalid_argument("no mention kinds to extract: give at least one kind"));
        }
        let matcher = if self.bundled && self.gazetteers.is_empty() && self.files.is_empty() {
            bundled_matcher()?
        } else {
            let mut gazetteer = if self.bundled { bundled::gazetteer()?.clone() } else { Gazetteer::new() };
            for g in &self.gazetteers {
                gazetteer.extend(g.clone())?;
            }
            for path in &self.files {
                gazetteer.extend(Gazetteer::from_path(path)?)?;
            }
            Arc::new(Matcher::new(Arc::new(gazetteer))?)
        };
        Ok(Extractor { inner: Arc::new(Inner { matcher, kinds: self.kinds.clone() }) })
    }
}

/// The matcher over the bundled gazetteers alone, compiled once per process
/// and shared by every extractor that uses only the bundled data.
fn bundled_matcher() -> Result<Arc<Matcher>> {
    static MATCHER: OnceLock<Result<Arc<Matcher>>> = OnceLock::new();
    MATCHER.get_or_init(|| Ok(Arc::new(Matcher::new(Arc::new(bundled::gazetteer()?.clone()))?))).clone()
}

#[derive(Debug)]
struct Inner {
    matcher: Arc<Matcher>,
    kinds: Vec<MentionKind>,
}

/// Finds places, camps, actors, quantities and dates in documents.
///
/// Build it once (it compiles an automaton over every gazetteer name) and
/// share it: it is `Send + Sync` and cheap to clone.
///
/// ```
/// let extractor = tallystick::Extractor::new()?;
/// let text = "Citizens of al-Rastan, Homs province, received 4.4 tons of food products.";
/// for m in extractor.extract(text) {
///     assert_eq!(&text[m.span.start..m.span.end], m.text);
/// }
/// # Ok::<(), tallystick::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    inner: Arc<Inner>,
}

impl Extractor {
    /// An extractor over the bundled gazetteers, extracting every kind.
    ///
    /// # Errors
    /// Only if the bundled data is corrupt, which the tests rule out.
    pub fn new() -> Result<Extractor> {
        ExtractorBuilder::default().build()
    }

    /// A builder, to add or replace gazetteers and choose kinds.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The gazetteer names are matched against (bundled plus added).
    pub fn gazetteer(&self) -> &Gazetteer {
        self.inner.matcher.gazetteer()
    }

    /// The kinds this extractor emits.
    pub fn kinds(&self) -> &[MentionKind] {
        &self.inner.kinds
    }

    /// Every mention in `text`, sorted by start offset.
    pub fn extract(&self, text: &str) -> Vec<Mention> {
        self.extract_with(text, &ExtractOptions::default())
    }

    /// Like [`extract`](Self::extract), for UTF-8 bytes.
    ///
    /// # Errors
    /// `bytes` are not valid UTF-8; the message gives the offset of the first bad byte.
    pub fn extract_bytes(&self, bytes: &[u8]) -> Result<Vec<Mention>> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            Error::new(
                ErrorKind::InvalidUtf8,
                format!("the document is not valid UTF-8: invalid byte at offset {}", e.valid_up_to()),
            )
        })?;
        Ok(self.extract(text))
    }

    /// The document's date: `given` when there is one, otherwise the date of
    /// a dateline near the top of `text` ("date 2017-09-11", "MOSCOW,
    /// September 11, 2017", "Published: 12 July 2019"), otherwise `None`.
    ///
    /// This is the date [`extract_with`](Self::extract_with) gives the years
    /// of dates written without one. A yearless dateline gives `None`.
    ///
    /// ```
    /// use tallystick::{Extractor, PartialDate};
    /// let extractor = Extractor::new()?;
    /// let text = "SANA, date 2017-09-11\nCitizens of Homs received 3.3 tons of food.";
    /// let date = extractor.document_date(text, None);
    /// assert_eq!(date, Some(PartialDate { year: Some(2017), month: Some(9), day: Some(11) }));
    /// assert_eq!(date.map(|d| d.to_string()).as_deref(), Some("2017-09-11"));
    /// // A date given by the caller wins over the dateline.
    /// let given = PartialDate { year: Some(2019), month: Some(7), day: None };
    /// assert_eq!(extractor.document_date(text, Some(given)), Some(given));
    /// assert_eq!(extractor.document_date("No date here.", None), None);
    /// # Ok::<(), tallystick::Error>(())
    /// ```
    pub fn document_date(&self, text: &str, given: Option<PartialDate>) -> Option<PartialDate> {
        given.or_else(|| date::find_document_date(text))
    }

    /// Every mention in `text`, with options such as the document's date.
    pub fn extract_with(&self, text: &str, options: &ExtractOptions) -> Vec<Mention> {
        let wants = |k: MentionKind| self.inner.kinds.contains(&k);
        let gazetteer = self.inner.matcher.gazetteer();
        let mut found: Vec<(MentionKind, Span, Payload)> = Vec::new();

        if wants(MentionKind::Place) || wants(MentionKind::Camp) || wants(MentionKind::Actor) {
            let mut entities: Vec<(Span, Entity)> =
                self.inner.matcher.find(text).iter().map(|m| (m.span, gazetteer.entity_of(m))).collect();
            context::add_context_names(text, gazetteer, &mut entities);
            for (span, entity) in entities {
                found.push((entity.entity.subtype.kind(), span, Payload::Entity(entity)));
            }
        }
        let mut date_spans: Vec<Span> = Vec::new();
        if wants(MentionKind::Date) || wants(MentionKind::Quantity) {
            let document_date = self.document_date(text, options.document_date);
            for d in date::find_dates(text, document_date) {
                date_spans.push(d.span);
                found.push((MentionKind::Date, d.span, Payload::Date(d.date)));
            }
        }
        if wants(MentionKind::Quantity) {
            for q in quantity::find_quantities(text) {
                // A figure inside a date is part of the date ("12 July 2019").
                // Date spans are sorted and disjoint, so their ends are sorted too.
                let k = date_spans.partition_point(|d| d.end <= q.span.start);
                if date_spans.get(k).is_some_and(|d| d.overlaps(&q.span)) {
                    continue;
                }
                found.push((MentionKind::Quantity, q.span, Payload::Quantity(q.quantity)));
            }
        }
        found.retain(|(k, _, _)| wants(*k));
        found.sort_by_key(|(k, s, _)| (s.start, s.end, *k));
        link::assign_where(text, gazetteer, &mut found);

        let mut chars = CharCounter::new(text);
        found
            .into_iter()
            .map(|(kind, span, payload)| {
                let start = chars.char_offset(span.start);
                let end = start + text[span.start..span.end].chars().count();
                Mention {
                    kind,
                    span,
                    chars: Span::new(start, end),
                    text: text[span.start..span.end].to_string(),
                    payload,
                }
            })
            .collect()
    }

    /// Extracts from many texts, in parallel on all cores when the
    /// `parallel` feature is on (the default). Results keep the input order.
    pub fn extract_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Vec<Mention>> {
        let docs: Vec<Document<'_>> = texts.iter().map(|t| Document { text: t.as_ref(), date: None }).collect();
        self.extract_documents(&docs, None).expect("the default thread pool is always available")
    }

    /// Extracts from many documents, each with its own date, on `threads`
    /// threads (`None`: all cores). Results keep the input order.
    ///
    /// # Errors
    /// `threads` is `Some(0)`, or the thread pool cannot be started.
    pub fn extract_documents(&self, docs: &[Document<'_>], threads: Option<usize>) -> Result<Vec<Vec<Mention>>> {
        let one = |d: &Document<'_>| self.extract_with(d.text, &ExtractOptions { document_date: d.date });
        if threads == Some(0) {
            return Err(Error::invalid_argument("threads must be at least 1 (or None for all cores)"));
        }
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            if threads == Some(1) || docs.len() < 2 {
                return Ok(docs.iter().map(one).collect());
            }
            match threads {
                None => Ok(docs.par_iter().map(one).collect()),
                Some(n) => {
                    let pool = rayon::ThreadPoolBuilder::new()
                        .num_threads(n)
                        .build()
                        .map_err(|e| Error::invalid_argument(format!("cannot start {n} threads: {e}")))?;
                    Ok(pool.install(|| docs.par_iter().map(one).collect()))
                }
            }
        }
        #[cfg(not(feature = "parallel"))]
        {
            Ok(docs.iter().map(one).collect())
        }
    }
}

/// Extracts every mention from `text` with an extractor over the bundled
/// gazetteers, built on first use and then reused.
///
/// ```
/// let found = tallystick::extract("About 60,000 people are in the camps.");
/// assert!(found.iter().any(|m| m.text == "About 60,000 people"));
/// ```
pub fn extract(text: &str) -> Vec<Mention> {
    default_extractor().extract(text)
}

/// The shared extractor over the bundled gazetteers.
pub fn default_extractor() -> &'static Extractor {
    static DEFAULT: OnceLock<Extractor> = OnceLock::new();
    DEFAULT.get_or_init(|| Extractor::new().expect("the bundled gazetteers are checked by the test suite"))
}

impl From<DateValue> for Payload {
    fn from(d: DateValue) -> Payload {
        Payload::Date(d)
    }
}

impl From<Entity> for Payload {
    fn from(e: Entity) -> Payload {
        Payload::Entity(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_sync_and_unwind_safe() {
        fn check<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
        check::<Extractor>();
        check::<Mention>();
        check::<Gazetteer>();
    }

    #[test]
    fn an_empty_kind_list_is_refused() {
        let err = Extractor::builder().kinds([]).build().unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::InvalidArgument);
    }

    #[test]
    fn batch_keeps_order_and_refuses_zero_threads() {
        let e = Extractor::new().unwrap();
        let texts = ["Homs", "", "Damascus and Homs"];
        let out = e.extract_batch(&texts);
        assert_eq!(out.len(), 3);
        assert_eq!(out[2], e.extract(texts[2]));
        let docs: Vec<Document> = texts.iter().map(|t| Document { text: t, date: None }).collect();
        assert!(e.extract_documents(&docs, Some(0)).is_err());
        assert_eq!(e.extract_documents(&docs, Some(2)).unwrap(), out);
    }

    #[test]
    fn invalid_utf8_is_a_clear_error() {
        let e = Extractor::builder().bundled(false).build().unwrap();
        let err = e.extract_bytes(b"ok \xff bad").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::InvalidUtf8);
        assert!(err.to_string().contains("offset 3"), "{err}");
    }
}
