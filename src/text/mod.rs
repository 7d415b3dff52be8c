//! Text utilities shared by the scanners.

pub(crate) mod fold;
pub(crate) mod offsets;
pub(crate) mod sentence;
