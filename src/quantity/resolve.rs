//! The second pass: figures whose own words do not name what they count
//! take it from a parallel phrase of their sentence.
//!
//! - "18 educational and 13 medical institutions": modifiers left waiting
//!   take the noun of the next figure ("educational institutions").
//! - "232,000 or 29% of our citizens", "two-three or even four times", "2
//!   or 3 days": a bare figure joined by "or" shares the next figure's item
//!   (and its unit, unless that is a share).
//! - "74,200 square kilometers (against slightly over 19,000": a bare figure
//!   right after a measured one shares its unit.
//! - "Total number of settlements ... – 2, 233": the noun after "number".
//! - "refugees from Lebanon ... numbering approximately 950": the nearest
//!   noun for people (or their returns) before it in the sentence.
//! - "7 cases of ceasefire violations in Damascus (5)": the item of the
//!   previous count in the sentence.
//! - "17,080 people (40.96%) out of 41,700 residents": a share takes the
//!   item of the whole it is "out of".
//! - "airdropped every week - two-three or even four times": counts of
//!   "times" take a rate from their sentence.
//!
//! Each look-back is bounded, so the pass is linear.

use super::item::{counted, head_word};
use super::lexicon::{
    is_in, is_number_word, is_people_noun, is_stop_word, is_verb_like, looks_adjective, GENERIC_WHOLES, ITEM_PREFIXES,
};
use super::rate::rate_at;
use super::scan::{or_target, part_of_figure, Figure, Need};
use super::token::Tokens;
use super::Unit;

/// How many tokens back a figure looks for its item.
const LOOKBACK: usize = 80;

/// How many tokens may separate a bare figure from the measured one it
/// shares a unit with.
const PARALLEL_GAP: usize = 10;

/// How far from a count of "times" its rate may be.
const RATE_WINDOW: usize = 12;

/// What a figure inherits.
struct Inherited {
    item: Option<String>,
    unit: Option<Unit>,
}

fn item_only(item: &str) -> Option<Inherited> {
    Some(Inherited { item: Some(item.to_string()), unit: None })
}

/// Fills in items, units and rates from parallel phrases.
pub(crate) fn resolve(t: &Tokens, figs: &mut [Figure]) {
    for i in 0..figs.len() {
        if figs[i].dangling {
            complete_modifiers(t, figs, i);
        }
    }
    for i in 0..figs.len() {
        let found = match figs[i].need {
            Need::Nothing => None,
            Need::Count => count_item(t, figs, i),
            Need::Share => share_item(t, figs, i),
            Need::Measure => weighed_item(t, figs, i)
                .or_else(|| whole_named(t, figs, i, MEASURE_WHOLES, true))
                .or_else(|| previous_count_item(t, figs, i))
                .and_then(|s| item_only(&s)),
        };
        if let Some(found) = found {
            let q = &mut figs[i].quantity;
            if q.item.is_none() {
                q.item = found.item;
            }
            if q.unit.is_none() {
                q.unit = found.unit;
            }
        }
    }
    for i in 0..figs.len() {
        frequency_rate(t, figs, i);
    }
}

fn same_sentence(t: &Tokens, a: &Figure, b: &Figure) -> bool {
    t.same_sentence(a.first, b.first)
}

/// The previous figure, if it is in the same sentence.
fn previous(t: &Tokens, figs: &[Figure], i: usize) -> Option<usize> {
    let p = i.checked_sub(1)?;
    same_sentence(t, &figs[p], &figs[i]).then_some(p)
}

/// "18 educational" + "13 medical institutions" → "educational institutions".
fn complete_modifiers(t: &Tokens, figs: &mut [Figure], i: usize) {
    let Some(next) = figs.get(i + 1) else { return };
    if !same_sentence(t, &figs[i], next) || next.dangling {
        return;
    }
    let Some(noun) = next.quantity.item.as_deref().map(head_word).map(str::to_string) else {
        return;
    };
    let f = &mut figs[i];
    if let Some(mods) = &f.quantity.item {
        f.quantity.item = Some(format!("{mods} {noun}"));
        f.dangling = false;
    }
}

/// The item of a bare count, from the first source that has one.
fn count_item(t: &Tokens, figs: &[Figure], i: usize) -> Option<Inherited> {
    if let Some(whole) = whole_of(t, figs, i) {
        return Some(whole);
    }
    if let Some(joined) = or_joined(t, figs, i) {
        return Some(joined);
    }
    if let Some(p) = previous(t, figs, i) {
        let prev = &figs[p];
        let measured = prev.quantity.unit.is_some_and(|u| !u.is_time() && u != Unit::Percent);
        if measured && figs[i].first.saturating_sub(prev.last) <= PARALLEL_GAP {
            return Some(Inherited { item: prev.quantity.item.clone(), unit: prev.quantity.unit });
        }
    }
    let last = figs[i].last;
    if t.is(last, "of") && t.is_any(last + 1, &["them", "whom", "which"]) {
        // "300 children ... from their families, and 2 of them": the count before
        if let Some(item) = previous_count_item(t, figs, i) {
            return item_only(&item);
        }
    }
    let item = whole_named(t, figs, i, &["number"], false)
        .or_else(|| people_before(t, figs, i))
        .or_else(|| previous_count_item(t, figs, i))?;
    item_only(&item)
}

/// "three of the 12 health facilities": the item of the whole.
fn whole_of(t: &Tokens, figs: &[Figure], i: usize) -> Option<Inherited> {
    let next = figs.get(i + 1)?;
    if next.first != part_of_figure(t, figs[i].last)? {
        return None;
    }
    next.quantity.item.as_deref().and_then(item_only)
}

/// "750 food packages with a total weight of 3.5 tons", "humanitarian aid
/// with a total weight of 3.2 tonnes", "450 food packages weighing 2.1
/// tons": the noun phrase the weight is of.
fn weighed_item(t: &Tokens, figs: &[Figure], i: usize) -> Option<String> {
    let first = figs[i].first;
    let mut k = first;
    while k > first.saturating_sub(6) && k > 0 && t.is_any(k - 1, WEIGHT_WORDS) {
        k -= 1;
    }
    if !(t.is_any(k, &["weighing", "with"]) && k < first) {
        return None;
    }
    let noun = k.checked_sub(1)?;
    if !t.is_word(noun) || is_stop_word(t.str(noun)) {
        return None;
    }
    if let Some(owner) = figure_containing(&figs[..i], noun) {
        return owner.quantity.item.clone();
    }
    let mut start = noun;
    while start > noun.saturating_sub(3) && modifier_at(t, start - 1) && t.same_sentence(start - 1, noun) {
        start -= 1;
    }
    Some(t.slice(start, noun + 1).to_lowercase())
}

/// Words between a weighed noun and its weight.
const WEIGHT_WORDS: &[&str] =
    &["with", "a", "an", "the", "total", "overall", "gross", "net", "combined", "weight", "weighing", "of"];

/// True when token `k` can modify the noun after it inside an item: a
/// lower-case word that is neither a function word, a verb nor a number.
fn modifier_at(t: &Tokens, k: usize) -> bool {
    let word = t.str(k);
    t.is_word(k)
        && t.spaced(k + 1)
        && !is_stop_word(word)
        && !is_verb_like(word)
        && !is_number_word(word)
        && (looks_adjective(word) || t.is_upper(k) || word.chars().all(|c| c.is_lowercase()))
}

/// "232,000 or 29% of our citizens", "2 or 3 days": the item of the figure
/// after "or", and its unit unless that is a share.
fn or_joined(t: &Tokens, figs: &[Figure], i: usize) -> Option<Inherited> {
    let next = figs.get(i + 1)?;
    if next.first != or_target(t, figs[i].last)? {
        return None;
    }
    let unit = next.quantity.unit.filter(|&u| u != Unit::Percent);
    let item = next.quantity.item.clone();
    (item.is_some() || unit.is_some()).then_some(Inherited { item, unit })
}

/// The share's whole: "(40.96%) out of 41,700 residents".
fn share_item(t: &Tokens, figs: &[Figure], i: usize) -> Option<Inherited> {
    let mut k = figs[i].last;
    if t.is_sym(k, ')') {
        k += 1;
    }
    if t.is(k, "out") && t.is(k + 1, "of") {
        k += 2;
    } else if t.is(k, "of") {
        k += 1;
    }
    if k > figs[i].last {
        if let Some(next) = figs.get(i + 1).filter(|n| n.first == k) {
            if let Some(item) = &next.quantity.item {
                return item_only(item);
            }
        }
    }
    let item = people_before(t, figs, i).or_else(|| previous_count_item(t, figs, i))?;
    item_only(&item)
}

/// The first token a look-back from figure `i` may read: within
/// [`LOOKBACK`] tokens, in the same sentence.
fn lookback_floor(figs: &[Figure], i: usize) -> usize {
    figs[i].first.saturating_sub(LOOKBACK)
}

/// Words that name the measure of a whole ("the total weight of
/// humanitarian cargo amounted to 1,718.5 tons").
const MEASURE_WHOLES: &[&str] = &["weight", "volume", "amount", "quantity", "tonnage"];

/// "Total number of settlements ... – 2, 233", "the total weight of
/// humanitarian cargo amounted to 1,718.5 tons": the noun phrase after one
/// of `heads` (and "of"), unless another figure stands between. With
/// `singular_ok` the phrase may be a mass noun ("humanitarian cargo").
fn whole_named(t: &Tokens, figs: &[Figure], i: usize, heads: &[&str], singular_ok: bool) -> Option<String> {
    let start = figs[i].first;
    let stop = lookback_floor(figs, i).max(i.checked_sub(1).map_or(0, |p| figs[p].last));
    let mut p = start;
    while p > stop {
        p -= 1;
        if !t.same_sentence(p, start) {
            return None;
        }
        if t.is_any(p, heads) {
            let q = if t.is(p + 1, "of") { p + 2 } else { p + 1 };
            return counted(t, q, singular_ok).filter(|ph| !ph.dangling).map(|ph| ph.item);
        }
    }
    None
}

/// The nearest noun for people before figure `i` in its sentence; the whole
/// item when that noun belongs to an earlier figure ("spontaneous returns").
/// Nouns inside a closed parenthesis are a breakdown, not a parallel:
/// "1,158 refugees ... (348 women, 591 children) and 612" counts refugees.
fn people_before(t: &Tokens, figs: &[Figure], i: usize) -> Option<String> {
    let start = figs[i].first;
    let stop = lookback_floor(figs, i);
    let mut p = start;
    let mut depth = 0usize;
    while p > stop {
        p -= 1;
        if !t.same_sentence(p, start) {
            return None;
        }
        if t.is_sym(p, ')') {
            depth += 1;
        } else if t.is_sym(p, '(') {
            depth = depth.saturating_sub(1);
        }
        // "people displaced since December", "12 were wounded": a participle after a noun
        // for people or a verb is not a noun ("the wounded" is)
        let participle = p > 0 && is_verb_like(t.str(p)) && !t.is_any(p - 1, &["the", "of", "and", "or"]);
        if depth == 0 && t.is_word(p) && is_people_noun(t.str(p)) && !participle {
            if let Some(owner) = figure_containing(&figs[..i], p).and_then(|f| f.quantity.item.clone()) {
                return Some(owner);
            }
            // "the number of spontaneous returnees": adjectives before the noun join it
            let mut q = p;
            while q > p.saturating_sub(2) && t.is_word(q - 1) && plain_adjective(t.str(q - 1)) {
                q -= 1;
            }
            return Some(t.slice(q, p + 1).to_lowercase());
        }
    }
    None
}

/// An adjective that may join an item ("spontaneous"), not a verb nor a
/// word for a whole ("total").
fn plain_adjective(word: &str) -> bool {
    looks_adjective(word) && !is_verb_like(word) && !is_in(GENERIC_WHOLES, word) && !is_in(ITEM_PREFIXES, word)
}

/// The figure whose span holds token `p` (figures are sorted and disjoint).
fn figure_containing(figs: &[Figure], p: usize) -> Option<&Figure> {
    let after = figs.partition_point(|f| f.first <= p);
    let f = figs.get(after.checked_sub(1)?)?;
    (p < f.last).then_some(f)
}

/// The item of the nearest earlier count (no unit) in the sentence.
fn previous_count_item(t: &Tokens, figs: &[Figure], i: usize) -> Option<String> {
    let stop = lookback_floor(figs, i);
    figs[..i]
        .iter()
        .rev()
        .take_while(|f| f.last > stop && same_sentence(t, f, &figs[i]))
        .find(|f| f.quantity.unit.is_none() && f.quantity.item.is_some() && !f.dangling)
        .and_then(|f| f.quantity.item.clone())
}

/// "airdropped every week - two-three or even four times": a count of
/// "times" with no rate takes the nearest rate phrase of its sentence.
fn frequency_rate(t: &Tokens, figs: &mut [Figure], i: usize) {
    let f = &figs[i];
    let is_times = f.quantity.item.as_deref().is_some_and(|it| head_word(it) == "times");
    if !is_times || f.quantity.per.is_some() {
        return;
    }
    let (lo, hi) = (f.first.saturating_sub(RATE_WINDOW), f.last + RATE_WINDOW);
    let outside = |p: usize| figure_containing(figs, p).is_none();
    let found = (lo..hi)
        .filter(|&p| t.same_sentence(p, f.first) && t.is_word(p) && outside(p))
        .filter_map(|p| rate_at(t, p).map(|(rate, _)| (p.abs_diff(f.first).min(p.abs_diff(f.last)), rate)))
        .min_by_key(|&(d, _)| d)
        .map(|(_, rate)| rate);
    figs[i].quantity.per = found;
}
