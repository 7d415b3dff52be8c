//! Unit tests of the whole scanner.

use super::*;

pub(super) fn find(text: &str) -> Vec<(String, Quantity)> {
    find_quantities(text).into_iter().map(|m| (text[m.span.start..m.span.end].to_string(), m.quantity)).collect()
}

#[test]
fn smoke() {
    let found = find("There are about 60,000 people in the camps.");
    assert_eq!(found.len(), 1);
}
