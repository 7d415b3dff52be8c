//! Linking each quantity to the place or camp it is about (`where`).

use crate::gazetteer::Gazetteer;
use crate::mention::{MentionKind, Payload, Span};

/// Sets `where` on the quantities of `found` (sorted by start) from the
/// places and camps of their own sentence.
pub(crate) fn assign_where(text: &str, gazetteer: &Gazetteer, found: &mut [(MentionKind, Span, Payload)]) {
    let _ = (text, gazetteer, found); // TODO(issue 5)
}
