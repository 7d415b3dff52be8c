//! # tallystick
//!
//! Fast, accurate extraction of structured, linked facts from humanitarian
//! press releases and news: **places, camps and actors** linked to gazetteer
//! entities, **quantities** with their value, unit, counted thing,
//! approximation, range and rate, and **dates**, each quantity tied to the
//! place it is about.
//!
//! ```
//! use tallystick::{Extractor, MentionKind};
//!
//! let extractor = Extractor::new()?;
//! let text = "Citizens of Deir ez-Zor received 3.3 tons of food products.";
//! let mentions = extractor.extract(text);
//! for m in &mentions {
//!     // Byte offsets slice the text exactly; `m.chars` are code point offsets.
//!     assert_eq!(&text[m.span.start..m.span.end], m.text);
//! }
//! let place = mentions.iter().find(|m| m.kind == MentionKind::Place).unwrap();
//! assert_eq!(place.entity().unwrap().entity.name, "Deir ez-Zor");
//! # Ok::<(), tallystick::Error>(())
//! ```
//!
//! The output follows the mentions contract: `serde_json::to_string(&mention)`
//! (or [`Mention::to_json`]) writes exactly its JSON, with code point offsets.
//!
//! ## Matching names
//!
//! Gazetteer names are matched with one Aho-Corasick automaton over a folded
//! copy of the text (see [`Gazetteer`] for the file format and rules). The
//! folding is Unicode-aware (not ASCII-only) and keeps a map back to the
//! original byte offsets, so offsets stay exact after "İ", ligatures or
//! combining marks. Whole-word and case rules are checked on each candidate
//! before the leftmost-longest choice, so an invalid longer match never hides
//! a valid shorter one.
//!
//! ## Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `parallel` | yes | [`Extractor::extract_batch`] on all cores (rayon) |
//! | `python` | no | the PyO3 binding; only maturin turns it on |
//!
//! Rust users never build PyO3.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod batch;
mod bundled;
mod context;
mod date;
mod error;
mod extractor;
mod gazetteer;
mod link;
mod mention;
mod quantity;
mod text;

#[cfg(feature = "python")]
mod python;

pub use date::parse_document_date;
pub use error::{Error, ErrorKind, Result};
pub use extractor::{default_extractor, extract, Document, ExtractOptions, Extractor, ExtractorBuilder};
pub use gazetteer::{Entry, Gazetteer};
pub use mention::{
    Approx, DateValue, Entity, EntityRef, Mention, MentionKind, PartialDate, Payload, Quantity, Rate, Span, Subtype,
};
pub use quantity::{parse_number, Unit};

/// The bundled gazetteers (places, camps and actors of Syria and its
/// neighbours), parsed on first use.
///
/// # Errors
/// Only if the bundled data is corrupt, which the test suite rules out.
pub fn bundled_gazetteer() -> Result<&'static Gazetteer> {
    bundled::gazetteer()
}

/// The README's Rust examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
