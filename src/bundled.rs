//! The gazetteers bundled with the library, embedded at compile time and
//! parsed once.

use std::sync::OnceLock;

use crate::error::Result;
use crate::gazetteer::Gazetteer;

/// The bundled gazetteer files: `(name, contents)`. They are built from the
/// sources credited in `data/README.md` by `scripts/build_gazetteers.py`.
pub const FILES: [(&str, &str); 3] = [
    ("data/gazetteer/places.tsv", include_str!("../data/gazetteer/places.tsv")),
    ("data/gazetteer/camps.tsv", include_str!("../data/gazetteer/camps.tsv")),
    ("data/gazetteer/actors.tsv", include_str!("../data/gazetteer/actors.tsv")),
];

/// The bundled gazetteers, parsed on first use.
///
/// # Errors
/// Only if a bundled file is malformed, which the test suite rules out.
pub fn gazetteer() -> Result<&'static Gazetteer> {
    static BUNDLED: OnceLock<Result<Gazetteer>> = OnceLock::new();
    BUNDLED
        .get_or_init(|| {
            let mut g = Gazetteer::new();
            for (name, text) in FILES {
                g.extend(Gazetteer::from_tsv_str(text, name)?)?;
            }
            Ok(g)
        })
        .as_ref()
        .map_err(Clone::clone)
}
