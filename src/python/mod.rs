//! The PyO3 binding, `tallystick._core`. Compiled only with the `python`
//! feature (maturin turns it on).
//!
//! The binding translates, it does not decide: arguments become core values
//! ([`args`]), core errors become exceptions ([`errors`]), mentions become
//! frozen `Mention` objects ([`mention`]). Every call into the core runs with
//! the GIL released and inside a panic guard.

mod args;
mod errors;
mod extractor;
mod mention;

use pyo3::prelude::*;

/// The extension's allocator. Extraction makes many small allocations
/// (mention texts, names, per-document buffers); mimalloc does them about
/// 1.7× faster than the system allocator here, and without lock contention
/// across threads (measured with `examples/throughput.rs`: names 15.6 →
/// 26.6 MB/s, full 8.8 → 15.1 MB/s on one thread). Only the Python
/// extension sets it: a Rust program that depends on the crate keeps its own
/// allocator (the `python` feature is for maturin alone).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Parses a number written in digits or words ("1,851,424", "2.9 million",
/// "four"); None when `text` is not, as a whole, a number.
#[pyfunction]
fn parse_number(py: Python<'_>, text: &str) -> PyResult<Option<f64>> {
    py.detach(|| errors::guard(|| crate::parse_number(text)))
}

/// Panics inside the guard, to test that a panic becomes an exception.
#[pyfunction]
fn _test_panic(message: &str) -> PyResult<()> {
    errors::guard(|| panic!("{message}"))
}

/// Fast extraction of places, camps, actors, quantities and dates.
#[pymodule(gil_used = false)]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(m)?;
    m.add_class::<mention::PyMention>()?;
    m.add_class::<extractor::PyExtractor>()?;
    m.add_function(wrap_pyfunction!(extractor::extract, m)?)?;
    m.add_function(wrap_pyfunction!(parse_number, m)?)?;
    m.add_function(wrap_pyfunction!(extractor::_extractor_from_state, m)?)?;
    m.add_function(wrap_pyfunction!(mention::_mention_from_json, m)?)?;
    m.add_function(wrap_pyfunction!(_test_panic, m)?)?;
    Ok(())
}
