//! The exception hierarchy and the one mapping from [`crate::Error`] to
//! Python exceptions, plus the guard that turns a Rust panic into an
//! exception instead of a crash.

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::error::{Error, ErrorKind};

pyo3::create_exception!(
    tallystick,
    TallystickError,
    PyValueError,
    "Base class of every error tallystick raises (a ValueError).\n\n\
     `path` and `line` name the file (or in-memory source) and 1-based line\n\
     the error is about, or are None."
);
pyo3::create_exception!(
    tallystick,
    GazetteerError,
    TallystickError,
    "A gazetteer file or entry is malformed; `path` and `line` say where."
);
pyo3::create_exception!(tallystick, ReadError, TallystickError, "A file could not be read; `path` names it.");
pyo3::create_exception!(
    tallystick,
    InvalidArgumentError,
    TallystickError,
    "An argument has a value that cannot be used: an unknown kind, an invalid date, threads < 1, ..."
);
pyo3::create_exception!(
    tallystick,
    InvalidUtf8Error,
    TallystickError,
    "A document given as bytes is not valid UTF-8, or a str cannot be encoded as UTF-8 (lone surrogates)."
);
pyo3::create_exception!(
    tallystick,
    DocumentTooLargeError,
    TallystickError,
    "A document is larger than the extractor's limit."
);
pyo3::create_exception!(
    tallystick,
    InternalError,
    TallystickError,
    "A bug in tallystick (a Rust panic, caught before it could crash Python). Please report it."
);

/// The exception type for an error kind. (The match is exhaustive inside the
/// crate: a new kind must pick its exception here.)
fn new_err(kind: &ErrorKind, message: String) -> PyErr {
    match kind {
        ErrorKind::Gazetteer => GazetteerError::new_err(message),
        ErrorKind::Io => ReadError::new_err(message),
        ErrorKind::InvalidArgument => InvalidArgumentError::new_err(message),
        ErrorKind::InvalidUtf8 => InvalidUtf8Error::new_err(message),
        ErrorKind::DocumentTooLarge => DocumentTooLargeError::new_err(message),
    }
}

/// Every core error reaches Python through here: the subclass follows
/// [`Error::kind`], the message is the core's, and `path`/`line` are set.
impl From<Error> for PyErr {
    fn from(err: Error) -> PyErr {
        let pyerr = new_err(err.kind(), err.to_string());
        Python::attach(|py| {
            let value = pyerr.value(py);
            let path = err.path().map(|p| p.display().to_string());
            // Setting attributes on a fresh exception instance cannot fail in
            // practice; if it did, the exception is still raised without them.
            let _ = value.setattr("path", path);
            let _ = value.setattr("line", err.line());
        });
        pyerr
    }
}

/// An [`InvalidArgumentError`] with this message (through the core's error
/// type, so it carries `path`/`line` like every other error).
pub(crate) fn invalid_argument(message: impl Into<String>) -> PyErr {
    Error::invalid_argument(message).into()
}

/// Runs `f`, turning a panic into an [`InternalError`] rather than letting
/// it unwind into Python (where PyO3 would raise a `PanicException`, which is
/// not an `Exception`) or abort the process.
pub(crate) fn guard<T>(f: impl FnOnce() -> T) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        InternalError::new_err(format!(
            "internal error in tallystick (a bug: please report it with the input that caused it): {what}"
        ))
    })
}

/// Adds the exception classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("TallystickError", py.get_type::<TallystickError>())?;
    m.add("GazetteerError", py.get_type::<GazetteerError>())?;
    m.add("ReadError", py.get_type::<ReadError>())?;
    m.add("InvalidArgumentError", py.get_type::<InvalidArgumentError>())?;
    m.add("InvalidUtf8Error", py.get_type::<InvalidUtf8Error>())?;
    m.add("DocumentTooLargeError", py.get_type::<DocumentTooLargeError>())?;
    m.add("InternalError", py.get_type::<InternalError>())?;
    // Class-level defaults, so `err.path` works on instances raised from Python too.
    let base = py.get_type::<TallystickError>();
    base.setattr("path", py.None())?;
    base.setattr("line", py.None())?;
    Ok(())
}
