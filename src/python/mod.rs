//! PyO3 binding (filled by the binding work).
