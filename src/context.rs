//! Names that are not in any gazetteer, found from the words around them:
//! "the village of X", "X, Homs province", "Major-General A. Bakin".

use crate::gazetteer::Gazetteer;
use crate::mention::{Entity, Span};

/// Adds the names found by context to `entities` (sorted by start), never
/// overlapping a gazetteer match. Context names have no id.
pub(crate) fn add_context_names(text: &str, gazetteer: &Gazetteer, entities: &mut Vec<(Span, Entity)>) {
    let _ = (text, gazetteer, entities); // TODO(issue 4)
}
