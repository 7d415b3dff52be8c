//! Approximation words before a figure ("about", "more than", "up to").
//!
//! The phrase is part of the quantity's span: "approximately 3500 people",
//! "just over 2 million spontaneous returns".

use super::lexicon::{key, WordSet};
use super::token::Tokens;
use crate::mention::Approx;

/// Every approximation phrase, as its words, with what it means. The
/// longest phrase that ends just before the figure wins, so "no more than"
/// beats "more than" and "just over" beats "over".
const PHRASES: &[(&[&str], Approx)] = &[
    (&["as", "many", "as"], Approx::Exact),
    (&["as", "much", "as"], Approx::Exact),
    (&["approximately"], Approx::Approximately),
    (&["approx"], Approx::Approximately),
    (&["approx", "."], Approx::Approximately),
    (&["about"], Approx::Approximately),
    (&["around"], Approx::Approximately),
    (&["some"], Approx::Approximately),
    (&["roughly"], Approx::Approximately),
    (&["circa"], Approx::Approximately),
    (&["an", "estimated"], Approx::Approximately),
    (&["estimated"], Approx::Approximately),
    (&["in", "the", "region", "of"], Approx::Approximately),
    (&["on", "the", "order", "of"], Approx::Approximately),
    (&["of", "the", "order", "of"], Approx::Approximately),
    (&["greater", "than"], Approx::MoreThan),
    (&["higher", "than"], Approx::MoreThan),
    (&["exceeding"], Approx::MoreThan),
    (&["lower", "than"], Approx::LessThan),
    (&["as", "few", "as"], Approx::Exact),
    (&["as", "little", "as"], Approx::Exact),
    (&["~"], Approx::Approximately),
    (&["more", "than"], Approx::MoreThan),
    (&["over"], Approx::MoreThan),
    (&["above"], Approx::MoreThan),
    (&["in", "excess", "of"], Approx::MoreThan),
    (&["upwards", "of"], Approx::MoreThan),
    (&["just", "over"], Approx::MoreThan),
    (&["slightly", "over"], Approx::MoreThan),
    (&["well", "over"], Approx::MoreThan),
    (&["a", "little", "over"], Approx::MoreThan),
    (&["slightly", "more", "than"], Approx::MoreThan),
    (&["well", "above"], Approx::MoreThan),
    (&["at", "least"], Approx::AtLeast),
    (&["no", "less", "than"], Approx::AtLeast),
    (&["not", "less", "than"], Approx::AtLeast),
    (&["no", "fewer", "than"], Approx::AtLeast),
    (&["not", "fewer", "than"], Approx::AtLeast),
    (&["a", "minimum", "of"], Approx::AtLeast),
    (&["less", "than"], Approx::LessThan),
    (&["fewer", "than"], Approx::LessThan),
    (&["under"], Approx::LessThan),
    (&["below"], Approx::LessThan),
    (&["slightly", "less", "than"], Approx::LessThan),
    (&["up", "to"], Approx::AtMost),
    (&["at", "most"], Approx::AtMost),
    (&["no", "more", "than"], Approx::AtMost),
    (&["not", "more", "than"], Approx::AtMost),
    (&["a", "maximum", "of"], Approx::AtMost),
    (&["nearly"], Approx::Nearly),
    (&["almost"], Approx::Nearly),
    (&["close", "to"], Approx::Nearly),
    (&["just", "under"], Approx::Nearly),
    (&["just", "below"], Approx::Nearly),
    (&["just", "short", "of"], Approx::Nearly),
];

/// The last word of every phrase: a figure whose previous token is none of
/// these has no approximation, which one look-up tells.
static LAST_WORDS: WordSet<128> = WordSet::new(&last_words());

/// The key of each phrase's last word, in the order of [`PHRASES`].
const LAST_KEYS: [u128; PHRASES.len()] = {
    let words = last_words();
    let mut keys = [0; PHRASES.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = match key(words[i].as_bytes()) {
            Some(k) => k,
            None => panic!("an approximation word is too long"),
        };
        i += 1;
    }
    keys
};

const fn last_words() -> [&'static str; PHRASES.len()] {
    let mut out = [""; PHRASES.len()];
    let mut i = 0;
    while i < PHRASES.len() {
        let words = PHRASES[i].0;
        out[i] = words[words.len() - 1];
        i += 1;
    }
    out
}

/// Words after which "over" is a particle or a preposition, not an
/// approximation: verbs ("handed over 50 tons") and nouns that take "over"
/// ("control over 50 settlements", "concern over 300 detainees").
const OVER_TAKERS: &[&str] = &[
    "hand",
    "hands",
    "handed",
    "handing",
    "turn",
    "turns",
    "turned",
    "turning",
    "take",
    "takes",
    "took",
    "taken",
    "taking",
    "give",
    "gave",
    "given",
    "pass",
    "passed",
    "passing",
    "carry",
    "carried",
    "hold",
    "held",
    "look",
    "looked",
    "tipped",
    "control",
    "sovereignty",
    "jurisdiction",
    "authority",
    "supremacy",
    "superiority",
    "dominance",
    "concern",
    "concerns",
    "dispute",
    "disputes",
    "presided",
    "preside",
    "presides",
    "fought",
    "win",
    "won",
];

/// The approximation phrase ending just before token `first`, not reaching
/// back past token `floor`: its meaning and the token where it starts.
/// Returns `(Approx::Exact, first)` when there is none.
pub(crate) fn approx_before(t: &Tokens, first: usize, floor: usize) -> (Approx, usize) {
    let mut best = (Approx::Exact, first);
    if first <= floor || !LAST_WORDS.contains(t.str(first - 1)) {
        return best;
    }
    let Some(last) = key(t.str(first - 1).as_bytes()) else { return best };
    for ((words, approx), _) in PHRASES.iter().zip(LAST_KEYS).filter(|&(_, k)| k == last) {
        let n = words.len();
        if first < n || first - n < floor || first - n >= best.1 {
            continue;
        }
        let start = first - n;
        if phrase_at(t, start, words) && t.near(first) && !is_particle(t, start, words) {
            best = (*approx, start);
        }
    }
    best
}

fn phrase_at(t: &Tokens, start: usize, words: &[&str]) -> bool {
    words.iter().enumerate().all(|(k, w)| t.is(start + k, w) && (k == 0 || t.near(start + k)))
}

/// "handed over 50", "control over 50": "over" after a word that takes it
/// as a particle or a preposition.
fn is_particle(t: &Tokens, start: usize, words: &[&str]) -> bool {
    words == ["over"] && start > 0 && t.is_any(start - 1, OVER_TAKERS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn approx(text: &str) -> (Approx, String) {
        let t = Tokens::new(text);
        let n = t.len() - 1;
        let (a, s) = approx_before(&t, n, 0);
        (a, t.slice(s, n + 1).to_string())
    }

    #[test]
    fn phrases() {
        assert_eq!(approx("about 5"), (Approx::Approximately, "about 5".into()));
        assert_eq!(approx("There are More than 5"), (Approx::MoreThan, "More than 5".into()));
        assert_eq!(approx("no more than 5"), (Approx::AtMost, "no more than 5".into()));
        assert_eq!(approx("just over 5"), (Approx::MoreThan, "just over 5".into()));
        assert_eq!(approx("slightly over 5"), (Approx::MoreThan, "slightly over 5".into()));
        assert_eq!(approx("just under 5"), (Approx::Nearly, "just under 5".into()));
        assert_eq!(approx("an estimated 5"), (Approx::Approximately, "an estimated 5".into()));
        assert_eq!(approx("as many as 5"), (Approx::Exact, "as many as 5".into()));
        assert_eq!(approx("~5"), (Approx::Approximately, "~5".into()));
        assert_eq!(approx("handed over 5"), (Approx::Exact, "5".into()));
        assert_eq!(approx("regained control over 5"), (Approx::Exact, "5".into()));
        assert_eq!(approx("another 5"), (Approx::Exact, "5".into()));
    }

    #[test]
    fn never_reaches_past_the_floor() {
        let t = Tokens::new("more than 5");
        assert_eq!(approx_before(&t, 2, 1), (Approx::Exact, 2));
    }
}
