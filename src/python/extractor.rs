//! `tallystick.Extractor` and the module-level `extract`.

use std::sync::atomic::{AtomicU32, Ordering};

use pyo3::prelude::*;
use pyo3::types::{PyList, PyString, PyTuple};

use super::args::{self, Text};
use super::errors::{guard, invalid_argument, InternalError};
use super::mention::PyMention;
use crate::extractor::{default_extractor, Document, ExtractOptions, Extractor};
use crate::gazetteer::{Entry, Gazetteer};
use crate::mention::{Mention, MentionKind, PartialDate};

/// Finds places, camps, actors, quantities and dates in documents.
///
/// Build it once and reuse it: construction compiles an automaton over every
/// gazetteer name. It is immutable, thread-safe and picklable.
#[pyclass(frozen, module = "tallystick._core", name = "Extractor")]
pub(crate) struct PyExtractor {
    inner: Extractor,
    bundled: bool,
    /// The entries added to (or replacing) the bundled gazetteer, kept so
    /// that pickling needs no file.
    added: Gazetteer,
}

impl PyExtractor {
    fn build(py: Python<'_>, bundled: bool, added: Gazetteer, kinds: Option<Vec<MentionKind>>) -> PyResult<Self> {
        if bundled && added.is_empty() && kinds.is_none() {
            // The shared default: built once per process.
            let inner = py.detach(|| guard(|| default_extractor().clone()))?;
            return Ok(PyExtractor { inner, bundled, added });
        }
        let mut builder = Extractor::builder().bundled(bundled);
        if !added.is_empty() {
            builder = builder.gazetteer(added.clone());
        }
        if let Some(k) = kinds {
            builder = builder.kinds(k);
        }
        let inner = py.detach(|| guard(|| builder.build()))??;
        Ok(PyExtractor { inner, bundled, added })
    }
}

/// Mentions of one document as a Python list.
fn to_list<'py>(py: Python<'py>, mentions: Vec<Mention>) -> PyResult<Bound<'py, PyList>> {
    let objs = mentions.into_iter().map(|inner| Bound::new(py, PyMention { inner })).collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objs)
}

/// Extracts one document with the GIL released and panics caught.
fn extract_one<'py>(
    py: Python<'py>,
    extractor: &Extractor,
    text: &Bound<'py, PyAny>,
    date: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let text: Text = args::text(text, "text")?;
    let options = ExtractOptions { document_date: args::date(date, "date")? };
    let mentions = py.detach(|| guard(|| extractor.extract_with(text.as_str(), &options)))?;
    to_list(py, mentions)
}

/// Process id that first used rayon's global pool. After a fork, the child
/// has a copy of the pool without its threads; it must not use it.
static GLOBAL_POOL_PID: AtomicU32 = AtomicU32::new(0);

/// `threads=None` means rayon's global pool, except in a forked child of a
/// process that used it, which gets a pool of its own for each call.
fn effective_threads(threads: Option<usize>) -> Option<usize> {
    if threads.is_some() {
        return threads;
    }
    let pid = std::process::id();
    match GLOBAL_POOL_PID.compare_exchange(0, pid, Ordering::SeqCst, Ordering::SeqCst) {
        Ok(_) => None,
        Err(first) if first == pid => None,
        Err(_) => Some(std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)),
    }
}

/// The texts and dates of a batch call, checked: one date (or None) per text.
fn batch_args(
    texts: &Bound<'_, PyAny>,
    dates: Option<&Bound<'_, PyAny>>,
) -> PyResult<(Vec<Text>, Vec<Option<PartialDate>>)> {
    if texts.is_instance_of::<PyString>() {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "texts must be a list of documents, not a single str: use extract(text) for one document",
        ));
    }
    let mut docs: Vec<Text> = Vec::new();
    for (i, t) in texts.try_iter()?.enumerate() {
        docs.push(args::text(&t?, &format!("texts[{i}]"))?);
    }
    let dates: Vec<Option<PartialDate>> = match dates {
        None => vec![None; docs.len()],
        Some(d) if d.is_none() => vec![None; docs.len()],
        Some(d) => {
            let mut v = Vec::with_capacity(docs.len());
            for (i, x) in d.try_iter()?.enumerate() {
                v.push(args::date(Some(&x?), &format!("dates[{i}]"))?);
            }
            if v.len() != docs.len() {
                return Err(invalid_argument(format!(
                    "dates has {} items but texts has {}: give one date (or None) per text",
                    v.len(),
                    docs.len()
                )));
            }
            v
        }
    };
    Ok((docs, dates))
}

/// The `Document`s of `range`.
fn documents<'a>(docs: &'a [Text], dates: &[Option<PartialDate>], range: std::ops::Range<usize>) -> Vec<Document<'a>> {
    docs[range.clone()].iter().zip(&dates[range]).map(|(t, d)| Document { text: t.as_str(), date: *d }).collect()
}

impl PyExtractor {
    /// Extracts a checked batch with the GIL released and returns each
    /// document's list of Mentions, in input order.
    ///
    /// On one thread (or for a batch of one slice) the whole batch is
    /// extracted, then converted. On more, a producer thread extracts the
    /// slices one after the other (each on all the threads asked for, in one
    /// pool) while this thread converts the slices already done: the
    /// conversion, serial under the GIL, no longer waits for the extraction
    /// to finish.
    fn run_batch<'py>(
        &self,
        py: Python<'py>,
        docs: &[Text],
        dates: &[Option<PartialDate>],
        threads: Option<isize>,
    ) -> PyResult<Vec<Bound<'py, PyList>>> {
        // Negative counts get the core's "at least 1" error, like 0.
        let threads = threads.map(|n| usize::try_from(n).unwrap_or(0));
        let threads = effective_threads(threads);
        let inner = &self.inner;
        let workers = threads.unwrap_or_else(rayon::current_num_threads);
        let slices = crate::batch::slices(docs.iter().map(|d| d.as_str().len()), workers);
        if workers < 2 || slices.len() < 2 {
            // Also where a bad thread count gets the core's error.
            let results =
                py.detach(|| guard(|| inner.extract_documents(&documents(docs, dates, 0..docs.len()), threads)))??;
            return results.into_iter().map(|m| to_list(py, m)).collect();
        }
        // One pool for the whole batch (None: rayon's global pool).
        let pool =
            match threads {
                Some(n) => Some(rayon::ThreadPoolBuilder::new().num_threads(n).build().map_err(|e| {
                    PyErr::from(crate::Error::invalid_argument(format!("cannot start {n} threads: {e}")))
                })?),
                None => None,
            };
        let extract = |range: std::ops::Range<usize>| -> PyResult<Vec<Vec<Mention>>> {
            guard(|| {
                let batch = documents(docs, dates, range);
                match &pool {
                    Some(pool) => pool.install(|| inner.extract_documents(&batch, None)),
                    None => inner.extract_documents(&batch, None),
                }
            })?
            .map_err(PyErr::from)
        };
        let mut lists = Vec::with_capacity(docs.len());
        let (tx, rx) = std::sync::mpsc::sync_channel::<PyResult<Vec<Vec<Mention>>>>(1);
        std::thread::scope(|scope| -> PyResult<()> {
            let producer = scope.spawn(move || {
                for range in slices {
                    let done = extract(range);
                    let failed = done.is_err();
                    if tx.send(done).is_err() || failed {
                        break;
                    }
                }
            });
            let mut rx = Some(rx);
            let converted = (|| -> PyResult<()> {
                while let Some(receiver) = rx.take() {
                    // Waits with the GIL released (the receiver moves in and
                    // out: it cannot be shared).
                    let (done, receiver) = py.detach(move || (receiver.recv(), receiver));
                    let Ok(done) = done else { return Ok(()) };
                    rx = Some(receiver);
                    for mentions in done? {
                        lists.push(to_list(py, mentions)?);
                    }
                }
                Ok(())
            })();
            // Without a receiver the producer stops at its next send; it is
            // waited for with the GIL released.
            drop(rx);
            py.detach(move || producer.join()).map_err(|_| {
                InternalError::new_err(
                    "internal error in tallystick (a bug: please report it): the extraction thread failed",
                )
            })?;
            converted
        })?;
        Ok(lists)
    }
}

#[pymethods]
impl PyExtractor {
    /// Builds an extractor. See the stubs (`_core.pyi`) for the arguments.
    #[new]
    #[pyo3(signature = (*, gazetteers=None, bundled=true, kinds=None))]
    fn new(
        py: Python<'_>,
        gazetteers: Option<&Bound<'_, PyAny>>,
        bundled: bool,
        kinds: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let kinds = args::kinds(kinds)?;
        let sources = args::gazetteers(gazetteers)?;
        let added = py.detach(|| {
            guard(|| -> crate::Result<Gazetteer> {
                let mut added = Gazetteer::new();
                for s in &sources {
                    added.extend(s.load()?)?;
                }
                Ok(added)
            })
        })??;
        PyExtractor::build(py, bundled, added, kinds)
    }

    /// Every mention in `text`, sorted by start offset.
    #[pyo3(signature = (text, /, *, date=None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        extract_one(py, &self.inner, text, date)
    }

    /// The document's date as an ISO string: `date` when given, otherwise the
    /// dateline's date, otherwise None (the core decides).
    #[pyo3(signature = (text, /, *, date=None))]
    fn document_date<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        date: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Option<String>> {
        let text: Text = args::text(text, "text")?;
        let given = args::date(date, "date")?;
        let inner = &self.inner;
        py.detach(|| guard(|| inner.document_date(text.as_str(), given).map(|d| d.to_string())))
    }

    /// The mentions of every text, in input order, extracted on `threads`
    /// threads (None: all cores) with the GIL released.
    #[pyo3(signature = (texts, /, *, threads=None, dates=None))]
    fn extract_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<isize>,
        dates: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let (docs, dates) = batch_args(texts, dates)?;
        PyList::new(py, self.run_batch(py, &docs, &dates, threads)?)
    }

    /// A pandas DataFrame with one row per mention of `texts` (see
    /// `tallystick.to_frame`), with each document's date (given or dateline).
    #[pyo3(signature = (texts, /, ids=None, *, threads=None, dates=None))]
    fn extract_frame<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        ids: Option<&Bound<'py, PyAny>>,
        threads: Option<isize>,
        dates: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        // Materialise once: `texts` may be an iterator, and `ids` defaults to positions.
        let texts = PyList::new(py, texts.try_iter()?.collect::<PyResult<Vec<_>>>()?)?;
        let (docs, dates) = batch_args(texts.as_any(), dates)?;
        let lists = PyList::new(py, self.run_batch(py, &docs, &dates, threads)?)?;
        let inner = &self.inner;
        let doc_dates: Vec<Option<String>> = py.detach(|| {
            guard(|| {
                docs.iter()
                    .zip(&dates)
                    .map(|(t, d)| inner.document_date(t.as_str(), *d).map(|d| d.to_string()))
                    .collect()
            })
        })?;
        let to_frame = py.import("tallystick._frame")?.getattr("to_frame")?;
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("dates", doc_dates)?;
        match ids {
            Some(ids) => to_frame.call((lists, ids), Some(&kwargs)),
            None => to_frame.call((lists,), Some(&kwargs)),
        }
    }

    /// The kinds this extractor emits.
    #[getter]
    fn kinds<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.inner.kinds().iter().map(|k| k.as_str()))
    }

    /// Whether the bundled gazetteer is used.
    #[getter]
    fn bundled(&self) -> bool {
        self.bundled
    }

    /// Number of gazetteer entries (bundled and added).
    #[getter]
    fn gazetteer_size(&self) -> usize {
        self.inner.gazetteer().len()
    }

    /// The gazetteer entry with this id as a dict (id, name, kind, subtype,
    /// aliases, parent, pcode, lat, lon, name_ar, population), or None.
    fn gazetteer_entry<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner.gazetteer().get(id).map(|e| super::mention::json_loads(py, &entry_to_json(e))).transpose()
    }

    fn __repr__(&self) -> String {
        let kinds: Vec<String> = self.inner.kinds().iter().map(|k| format!("'{}'", k.as_str())).collect();
        format!(
            "Extractor(bundled={}, added_entries={}, kinds=({}))",
            if self.bundled { "True" } else { "False" },
            self.added.len(),
            kinds.join(", ") + if kinds.len() == 1 { "," } else { "" }
        )
    }

    /// Pickles as its construction arguments, with added gazetteer entries
    /// inlined (workers need no file).
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let rebuild = py.import("tallystick._core")?.getattr("_extractor_from_state")?;
        let kinds: Vec<&str> = self.inner.kinds().iter().map(|k| k.as_str()).collect();
        let entries: Vec<String> = self.added.entries().iter().map(entry_to_json).collect();
        let state = (1u32, self.bundled, kinds, entries.join("\n")).into_pyobject(py)?;
        PyTuple::new(py, [rebuild, PyTuple::new(py, [state.into_any()])?.into_any()])
    }

    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }
}

/// An entry as one JSONL line of the gazetteer format.
fn entry_to_json(e: &Entry) -> String {
    let mut m = serde_json::Map::new();
    m.insert("id".into(), e.id.clone().into());
    m.insert("name".into(), e.name.clone().into());
    m.insert("kind".into(), e.kind().as_str().into());
    m.insert("subtype".into(), e.subtype().as_str().into());
    if !e.aliases.is_empty() {
        m.insert("aliases".into(), e.aliases.clone().into());
    }
    let mut opt = |k: &str, v: Option<serde_json::Value>| {
        if let Some(v) = v {
            m.insert(k.into(), v);
        }
    };
    opt("parent", e.parent.clone().map(Into::into));
    opt("pcode", e.pcode.clone().map(Into::into));
    opt("lat", e.lat.and_then(serde_json::Number::from_f64).map(Into::into));
    opt("lon", e.lon.and_then(serde_json::Number::from_f64).map(Into::into));
    opt("name_ar", e.name_ar.clone().map(Into::into));
    opt("population", e.population.map(Into::into));
    serde_json::Value::Object(m).to_string()
}

/// Rebuilds a pickled extractor.
#[pyfunction]
pub(crate) fn _extractor_from_state(py: Python<'_>, state: &Bound<'_, PyTuple>) -> PyResult<PyExtractor> {
    let (version, bundled, kinds, entries): (u32, bool, Vec<String>, String) = state.extract()?;
    if version != 1 {
        return Err(invalid_argument(format!(
            "this extractor was pickled by a newer tallystick (state version {version}); upgrade tallystick"
        )));
    }
    let kinds = kinds.iter().map(|k| k.parse::<MentionKind>()).collect::<crate::Result<Vec<_>>>()?;
    let added = py.detach(|| guard(|| Gazetteer::from_jsonl_str(&entries, "pickled extractor")))??;
    PyExtractor::build(py, bundled, added, Some(kinds))
}

/// Every mention in `text`, with the extractor over the bundled gazetteers.
#[pyfunction]
#[pyo3(signature = (text, /, *, date=None))]
pub(crate) fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    date: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let extractor = py.detach(|| guard(default_extractor))?;
    extract_one(py, extractor, text, date)
}
