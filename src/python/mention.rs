//! `tallystick.Mention`: a frozen view of a core [`Mention`].

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple};
use pyo3::IntoPyObjectExt;

use super::args::parse_iso_date;
use super::errors::invalid_argument;
use crate::mention::{
    Approx, DateValue, Entity, EntityRef, Mention, MentionKind, PartialDate, Payload, Quantity, Rate, Span, Subtype,
};
use crate::quantity::Unit;

/// One mention found in a document.
///
/// Offsets are code points (Python str indices): ``text[m.start:m.end] == m.text``.
/// Attributes that do not apply to the mention's kind are None.
#[pyclass(frozen, module = "tallystick._core", name = "Mention")]
pub(crate) struct PyMention {
    pub(crate) inner: Mention,
}

pub(crate) fn json_loads<'py>(py: Python<'py>, s: &str) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS.import(py, "json", "loads")?.call1((s,))
}

fn entity_dict<'py>(py: Python<'py>, e: &EntityRef) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("name", &e.name)?;
    d.set_item("id", &e.id)?;
    d.set_item("subtype", e.subtype.as_str())?;
    Ok(d)
}

impl PyMention {
    fn entity(&self) -> Option<&Entity> {
        self.inner.entity()
    }
    fn quantity(&self) -> Option<&Quantity> {
        self.inner.quantity()
    }
    /// `value`, `low` or `high`: a float for quantities, an ISO string for dates.
    fn number_or_date<'py>(
        &self,
        py: Python<'py>,
        q: fn(&Quantity) -> Option<f64>,
        d: fn(&DateValue) -> Option<PartialDate>,
    ) -> PyResult<Py<PyAny>> {
        match &self.inner.payload {
            Payload::Quantity(x) => q(x).filter(|v| v.is_finite()).into_py_any(py),
            Payload::Date(x) => d(x).map(|v| v.to_string()).into_py_any(py),
            Payload::Entity(_) => Ok(py.None()),
        }
    }
}

#[pymethods]
impl PyMention {
    /// "place", "camp", "actor", "quantity" or "date".
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }
    /// Code point offset of the first character.
    #[getter]
    fn start(&self) -> usize {
        self.inner.chars.start
    }
    /// Code point offset just past the mention.
    #[getter]
    fn end(&self) -> usize {
        self.inner.chars.end
    }
    /// UTF-8 byte offset of the first character (``text.encode()[byte_start:byte_end]``).
    #[getter]
    fn byte_start(&self) -> usize {
        self.inner.span.start
    }
    /// UTF-8 byte offset just past the mention.
    #[getter]
    fn byte_end(&self) -> usize {
        self.inner.span.end
    }
    /// The exact slice of the document.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }
    /// Canonical name (places, camps, actors).
    #[getter]
    fn name(&self) -> Option<&str> {
        self.entity().map(|e| e.entity.name.as_str())
    }
    /// Subtype (places, camps, actors).
    #[getter]
    fn subtype(&self) -> Option<&'static str> {
        self.entity().map(|e| e.entity.subtype.as_str())
    }
    /// Gazetteer id, or None for a name found by context (and for other kinds).
    #[getter]
    fn id(&self) -> Option<&str> {
        self.entity().and_then(|e| e.entity.id.as_deref())
    }
    /// Other entities the same words could name, best first, as dicts with
    /// name, id, subtype (places, camps, actors; None for other kinds).
    #[getter]
    fn alternatives<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyList>>> {
        let Some(e) = self.entity() else { return Ok(None) };
        let items = e.alternatives.iter().map(|a| entity_dict(py, a)).collect::<PyResult<Vec<_>>>()?;
        Ok(Some(PyList::new(py, items)?))
    }
    /// The number (quantities: float, None for a range) or the ISO date (dates).
    #[getter]
    fn value(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.number_or_date(py, |q| q.value, |d| d.value)
    }
    /// Lower end of a range (float for quantities, ISO string for dates).
    #[getter]
    fn low(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.number_or_date(py, |q| q.low, |d| d.low)
    }
    /// Upper end of a range (float for quantities, ISO string for dates).
    #[getter]
    fn high(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.number_or_date(py, |q| q.high, |d| d.high)
    }
    /// Canonical unit ("t", "km2", "USD", "%", "day", ...), None for a plain count.
    #[getter]
    fn unit(&self) -> Option<&'static str> {
        self.quantity().and_then(|q| q.unit).map(|u| u.as_str())
    }
    /// What is counted or measured, lower-cased, or None.
    #[getter]
    fn item(&self) -> Option<&str> {
        self.quantity().and_then(|q| q.item.as_deref())
    }
    /// "exact", "approximately", "more_than", "at_least", "less_than", "at_most" or "nearly".
    #[getter]
    fn approx(&self) -> Option<&'static str> {
        self.quantity().map(|q| q.approx.as_str())
    }
    /// The rate's denominator as ``{"value": 5.0, "unit": "day"}``, or None.
    #[getter]
    fn per<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(r) = self.quantity().and_then(|q| q.per) else { return Ok(None) };
        let d = PyDict::new(py);
        d.set_item("value", r.value)?;
        d.set_item("unit", r.unit.as_str())?;
        Ok(Some(d))
    }
    /// Canonical name of the place or camp the quantity is about, or None.
    #[getter]
    #[pyo3(name = "where")]
    fn where_(&self) -> Option<&str> {
        self.quantity().and_then(|q| q.where_.as_ref()).map(|w| w.name.as_str())
    }
    /// Gazetteer id of `where`, or None.
    #[getter]
    fn where_id(&self) -> Option<&str> {
        self.quantity().and_then(|q| q.where_.as_ref()).and_then(|w| w.id.as_deref())
    }

    /// The mention as the JSON object of the mentions contract, as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &self.inner.to_json())
    }

    /// The mention as a JSON string (exactly what the Rust library writes).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let d = self.to_dict(py)?;
        let d = d.cast::<PyDict>()?;
        let mut parts = Vec::new();
        for (k, v) in d.iter() {
            if v.is_none() {
                continue;
            }
            parts.push(format!("{}={}", k.str()?, v.repr()?));
        }
        Ok(format!("Mention({})", parts.join(", ")))
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.inner == other.inner
    }

    fn __hash__(&self) -> u64 {
        let mut h = DefaultHasher::new();
        self.inner.to_json().hash(&mut h);
        self.inner.span.hash(&mut h);
        h.finish()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        static REBUILD: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        let rebuild = REBUILD.import(py, "tallystick._core", "_mention_from_json")?.clone();
        let where_subtype = self.quantity().and_then(|q| q.where_.as_ref()).map(|w| w.subtype.as_str());
        let args =
            (self.inner.to_json(), self.inner.span.start, self.inner.span.end, where_subtype).into_pyobject(py)?;
        PyTuple::new(py, [rebuild, args.into_any()])
    }

    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }
}

/// Rebuilds a mention from its JSON, byte offsets and the subtype of its
/// `where` (for pickle).
#[pyfunction]
#[pyo3(signature = (json, byte_start, byte_end, where_subtype=None))]
pub(crate) fn _mention_from_json(
    json: &str,
    byte_start: usize,
    byte_end: usize,
    where_subtype: Option<&str>,
) -> PyResult<PyMention> {
    mention_from_json(json, Span::new(byte_start, byte_end), where_subtype)
        .map(|inner| PyMention { inner })
        .map_err(|msg| invalid_argument(format!("cannot rebuild a mention from {json:?}: {msg}")))
}

fn mention_from_json(json: &str, span: Span, where_subtype: Option<&str>) -> Result<Mention, String> {
    use serde_json::Value;
    let v: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let str_of = |k: &str| -> Result<Option<String>, String> {
        match v.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(format!("{k} is {other}, not a string")),
        }
    };
    let num_of = |k: &str| -> Option<f64> { v.get(k).and_then(Value::as_f64) };
    let usize_of = |k: &str| -> Result<usize, String> {
        v.get(k).and_then(Value::as_u64).map(|n| n as usize).ok_or_else(|| format!("no {k}"))
    };
    let kind: MentionKind = str_of("kind")?.ok_or("no kind")?.parse().map_err(|e: crate::Error| e.to_string())?;
    let unit = |s: Option<String>| -> Result<Option<Unit>, String> {
        s.map(|s| Unit::from_symbol(&s).ok_or(format!("unknown unit {s:?}"))).transpose()
    };
    let entity_ref = |x: &Value| -> Result<EntityRef, String> {
        Ok(EntityRef {
            name: x.get("name").and_then(Value::as_str).ok_or("an entity without a name")?.to_string(),
            id: x.get("id").and_then(Value::as_str).map(String::from),
            subtype: x
                .get("subtype")
                .and_then(Value::as_str)
                .ok_or("an entity without a subtype")?
                .parse::<Subtype>()
                .map_err(|e| e.to_string())?,
        })
    };
    let payload = match kind {
        MentionKind::Place | MentionKind::Camp | MentionKind::Actor => {
            let alternatives = match v.get("alternatives") {
                Some(Value::Array(a)) => a.iter().map(entity_ref).collect::<Result<Vec<_>, _>>()?,
                _ => Vec::new(),
            };
            Payload::Entity(Entity { entity: entity_ref(&v)?, alternatives })
        }
        MentionKind::Quantity => {
            let approx_s = str_of("approx")?.unwrap_or_default();
            let approx = [
                Approx::Exact,
                Approx::Approximately,
                Approx::MoreThan,
                Approx::AtLeast,
                Approx::LessThan,
                Approx::AtMost,
                Approx::Nearly,
            ]
            .into_iter()
            .find(|a| a.as_str() == approx_s)
            .ok_or(format!("unknown approx {approx_s:?}"))?;
            let per = match v.get("per") {
                Some(p @ Value::Object(_)) => Some(Rate {
                    value: p.get("value").and_then(Value::as_f64).ok_or("a rate without a value")?,
                    unit: unit(p.get("unit").and_then(Value::as_str).map(String::from))?
                        .ok_or("a rate without a unit")?,
                }),
                _ => None,
            };
            let where_ = match str_of("where")? {
                Some(name) => {
                    // The JSON keeps only the name and id of `where`; its subtype
                    // travels beside it.
                    let subtype = match where_subtype {
                        Some(s) => s.parse::<Subtype>().map_err(|e| e.to_string())?,
                        None => Subtype::Region,
                    };
                    Some(EntityRef { name, id: str_of("where_id")?, subtype })
                }
                None => None,
            };
            Payload::Quantity(Quantity {
                value: num_of("value"),
                low: num_of("low"),
                high: num_of("high"),
                unit: unit(str_of("unit")?)?,
                item: str_of("item")?,
                approx,
                per,
                where_,
            })
        }
        MentionKind::Date => {
            let date = |k: &str| -> Result<Option<PartialDate>, String> {
                str_of(k)?.map(|s| parse_iso_date(&s, true)).transpose()
            };
            Payload::Date(DateValue { value: date("value")?, low: date("low")?, high: date("high")? })
        }
    };
    Ok(Mention {
        kind,
        span,
        chars: Span::new(usize_of("start")?, usize_of("end")?),
        text: str_of("text")?.unwrap_or_default(),
        payload,
    })
}
