//! Turning Python arguments into core values: texts, dates, kinds and
//! gazetteers. Nothing is decided here; every rule lives in the core.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyByteArray, PyBytes, PyDate, PyDateAccess, PyList, PyMapping, PyString, PyTuple};

use super::errors::{invalid_argument, InvalidUtf8Error};
use crate::error::Error;
use crate::gazetteer::Gazetteer;
use crate::mention::{MentionKind, PartialDate};

/// A document's text, borrowed from a Python `str` (no copy) or decoded
/// from `bytes`.
pub(crate) enum Text {
    Borrowed(PyBackedStr),
    Owned(String),
}

impl Text {
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            Text::Owned(s) => s,
        }
    }
}

/// `what` names the argument in messages ("text", "texts[3]").
pub(crate) fn text(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Text> {
    if let Ok(s) = obj.cast::<PyString>() {
        return PyBackedStr::try_from(s.clone()).map(Text::Borrowed).map_err(|e| {
            InvalidUtf8Error::new_err(format!("{what} cannot be encoded as UTF-8 (it holds a lone surrogate): {e}"))
        });
    }
    let bytes: Vec<u8> = if let Ok(b) = obj.cast::<PyBytes>() {
        b.as_bytes().to_vec()
    } else if let Ok(b) = obj.cast::<PyByteArray>() {
        b.to_vec()
    } else {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{what} must be str or bytes, not {}",
            type_name(obj)
        )));
    };
    String::from_utf8(bytes).map(Text::Owned).map_err(|e| {
        InvalidUtf8Error::new_err(format!(
            "{what} is not valid UTF-8: invalid byte at offset {}",
            e.utf8_error().valid_up_to()
        ))
    })
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into())
}

/// A document date: None, a string [`crate::parse_document_date`] reads (ISO
/// "2017-09-11", "2017-09", "2017", or a written date with a year such as
/// "September 11, 2017"), or a `datetime.date` (or `datetime`).
pub(crate) fn date(obj: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<PartialDate>> {
    let Some(obj) = obj else { return Ok(None) };
    if obj.is_none() {
        return Ok(None);
    }
    if let Ok(d) = obj.cast::<PyDate>() {
        return Ok(Some(PartialDate { year: Some(d.get_year()), month: Some(d.get_month()), day: Some(d.get_day()) }));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        return match crate::parse_document_date(&s) {
            Ok(d) => Ok(Some(d)),
            // The core's message names the input; a batch item also gets its index.
            Err(e) if what == "date" => Err(e.into()),
            Err(e) => Err(invalid_argument(format!("{what}: {e}"))),
        };
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "{what} must be None, an ISO date string or a datetime.date, not {}",
        type_name(obj)
    )))
}

/// Parses a date as mentions write it: "YYYY", "YYYY-MM", "YYYY-MM-DD", and
/// with `unknown_year`, "XXXX-MM-DD" or "XXXX-MM" (used to rebuild pickled
/// mentions; document dates go through [`crate::parse_document_date`]).
pub(crate) fn parse_iso_date(s: &str, unknown_year: bool) -> Result<PartialDate, String> {
    let bad = || format!("invalid date {s:?}: expected an ISO date like \"2017-09-11\", \"2017-09\" or \"2017\"");
    let parts: Vec<&str> = s.trim().split('-').collect();
    if parts.is_empty() || parts.len() > 3 {
        return Err(bad());
    }
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let year = if unknown_year && parts[0] == "XXXX" {
        None
    } else if digits(parts[0], 4) {
        Some(parts[0].parse::<i32>().map_err(|_| bad())?)
    } else {
        return Err(bad());
    };
    let mut date = PartialDate { year, month: None, day: None };
    if let Some(m) = parts.get(1) {
        if !digits(m, 2) {
            return Err(bad());
        }
        let m: u8 = m.parse().map_err(|_| bad())?;
        if !(1..=12).contains(&m) {
            return Err(format!("invalid date {s:?}: month {m} is not between 1 and 12"));
        }
        date.month = Some(m);
    }
    if let Some(d) = parts.get(2) {
        if !digits(d, 2) {
            return Err(bad());
        }
        let d: u8 = d.parse().map_err(|_| bad())?;
        let month = date.month.unwrap_or(1);
        let max = match month {
            2 => match year {
                Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
                _ => 29,
            },
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if d == 0 || d > max {
            return Err(format!("invalid date {s:?}: day {d} does not exist in month {month}"));
        }
        date.day = Some(d);
    }
    if date.year.is_none() && date.month.is_none() {
        return Err(bad());
    }
    Ok(date)
}

/// `kinds=None` (all kinds), a kind name, or an iterable of kind names.
pub(crate) fn kinds(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<MentionKind>>> {
    let Some(obj) = obj else { return Ok(None) };
    if obj.is_none() {
        return Ok(None);
    }
    let names: Vec<String> = if let Ok(s) = obj.cast::<PyString>() {
        vec![s.to_cow()?.into_owned()]
    } else {
        let mut v = Vec::new();
        for item in obj.try_iter().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(format!(
                "kinds must be None or an iterable of kind names, not {}",
                type_name(obj)
            ))
        })? {
            let item = item?;
            let s = item.cast::<PyString>().map_err(|_| {
                invalid_argument(format!(
                    "kinds must hold kind names (place, camp, actor, quantity, date), not {}",
                    type_name(&item)
                ))
            })?;
            v.push(s.to_cow()?.into_owned());
        }
        v
    };
    let kinds = names.iter().map(|n| n.parse::<MentionKind>()).collect::<Result<Vec<_>, Error>>()?;
    Ok(Some(kinds))
}

/// One source of gazetteer entries given to `Extractor(gazetteers=...)`.
pub(crate) enum Source {
    /// A TSV or JSONL file.
    Path(PathBuf),
    /// Entries given in memory, as JSONL text (one object a line), named
    /// `source` in errors.
    Entries { jsonl: String, source: String },
}

/// `gazetteers=`: None, one path, or a sequence whose items are paths
/// (`str`/`os.PathLike`), entries (mappings) or sequences of entries.
/// Entries given at the top level form one source named "gazetteers", whose
/// "line" is the item's 1-based position; a nested list `gazetteers[i]` is a
/// source of its own whose lines are its entries' positions.
pub(crate) fn gazetteers(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<Source>> {
    let Some(obj) = obj else { return Ok(Vec::new()) };
    if obj.is_none() {
        return Ok(Vec::new());
    }
    if let Some(p) = path(obj)? {
        return Ok(vec![Source::Path(p)]);
    }
    if obj.cast::<PyMapping>().is_ok() {
        return Ok(vec![Source::Entries { jsonl: entry_json(obj, "gazetteers", 1)?, source: "gazetteers".into() }]);
    }
    let items = sequence(obj, "gazetteers")?;
    let mut sources = Vec::new();
    let mut top_entries: Vec<String> = Vec::new();
    let mut any_top = false;
    for (i, item) in items.iter().enumerate() {
        if let Some(p) = path(item)? {
            sources.push(Source::Path(p));
            top_entries.push(String::new());
        } else if item.cast::<PyMapping>().is_ok() {
            top_entries.push(entry_json(item, "gazetteers", i + 1)?);
            any_top = true;
        } else {
            let name = format!("gazetteers[{i}]");
            let entries = sequence(item, &name)?;
            let mut lines = Vec::with_capacity(entries.len());
            for (j, e) in entries.iter().enumerate() {
                lines.push(entry_json(e, &name, j + 1)?);
            }
            sources.push(Source::Entries { jsonl: lines.join("\n"), source: name });
            top_entries.push(String::new());
        }
    }
    if any_top {
        sources.push(Source::Entries { jsonl: top_entries.join("\n"), source: "gazetteers".into() });
    }
    Ok(sources)
}

impl Source {
    pub(crate) fn load(&self) -> crate::Result<Gazetteer> {
        match self {
            Source::Path(p) => Gazetteer::from_path(p),
            Source::Entries { jsonl, source } => Gazetteer::from_jsonl_str(jsonl, source),
        }
    }
}

fn path(obj: &Bound<'_, PyAny>) -> PyResult<Option<PathBuf>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Some(PathBuf::from(s.to_cow()?.into_owned())));
    }
    if obj.hasattr("__fspath__")? {
        return Ok(Some(obj.extract::<PathBuf>()?));
    }
    Ok(None)
}

fn sequence<'py>(obj: &Bound<'py, PyAny>, what: &str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let iter = obj.try_iter().map_err(|_| {
        Error::gazetteer(
            what,
            None,
            format!("expected a path, an entry (dict) or a list of entries, not {}", type_name(obj)),
        )
    })?;
    iter.collect()
}

/// One entry (a mapping) as a line of JSON, for the core's JSONL parser.
fn entry_json(obj: &Bound<'_, PyAny>, source: &str, line: usize) -> PyResult<String> {
    let err = |msg: String| -> PyErr { Error::gazetteer(source, Some(line), msg).into() };
    let mapping = obj
        .cast::<PyMapping>()
        .map_err(|_| err(format!("expected an entry (a dict with id, name, kind, subtype), not {}", type_name(obj))))?;
    let mut map = serde_json::Map::new();
    for item in mapping.items()?.iter() {
        let (k, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        let key = k
            .cast::<PyString>()
            .map_err(|_| err(format!("keys must be strings, not {}", type_name(&k))))?
            .to_cow()?
            .into_owned();
        let value = json_value(&v).map_err(|t| {
            err(format!(
                "the value of {key:?} has type {t}: use str, int, float, None or (for \"aliases\") a list of str"
            ))
        })?;
        map.insert(key, value);
    }
    Ok(serde_json::Value::Object(map).to_string())
}

/// A Python value as JSON: None, bool, int, float, str, or a list/tuple of them.
/// The error is the type name of the value that has no JSON form.
fn json_value(v: &Bound<'_, PyAny>) -> Result<serde_json::Value, String> {
    use serde_json::Value;
    if v.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(s) = v.cast::<PyString>() {
        return s.to_cow().map(|s| Value::String(s.into_owned())).map_err(|_| "str with lone surrogates".into());
    }
    if let Ok(b) = v.extract::<bool>() {
        if v.cast::<pyo3::types::PyBool>().is_ok() {
            return Ok(Value::Bool(b));
        }
    }
    if v.cast::<PyList>().is_ok() || v.cast::<PyTuple>().is_ok() {
        let items: Vec<Bound<'_, PyAny>> = v.try_iter().map_err(|_| type_name(v))?.filter_map(Result::ok).collect();
        return items.iter().map(json_value).collect::<Result<Vec<_>, _>>().map(Value::Array);
    }
    if v.hasattr("__index__").unwrap_or(false) {
        if let Ok(i) = v.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = v.extract::<u64>() {
            return Ok(Value::from(u));
        }
    }
    if v.hasattr("__float__").unwrap_or(false) {
        if let Ok(f) = v.extract::<f64>() {
            // NaN (a missing value in pandas) is no value at all.
            return Ok(serde_json::Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null));
        }
    }
    Err(type_name(v))
}
