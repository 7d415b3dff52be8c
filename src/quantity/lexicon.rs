//! The word lists of the quantity scanner, as constant tables.
//!
//! All look-ups ignore ASCII case. Unit spellings live in `measure.rs`,
//! approximation phrases in `approx.rs`.
//!
//! The long lists are [`WordSet`]s: each word is packed, lower-cased, into
//! a `u128`, and the keys sit in an open-addressing table built at compile
//! time, so a look-up is one pass over the word's bytes and one or two
//! probes, with no allocation and no walk down the list.

/// Words of at most this many bytes can be looked up in a [`WordSet`].
const KEY_BYTES: usize = 16;

/// `word` packed lower-cased into a `u128` (its first byte lowest), or
/// `None` when it is empty or longer than [`KEY_BYTES`]. Two words have the
/// same key exactly when they are equal ignoring ASCII case (words hold no
/// NUL bytes).
#[inline]
pub(crate) const fn key(word: &[u8]) -> Option<u128> {
    let n = word.len();
    if n == 0 || n > KEY_BYTES {
        return None;
    }
    let (mut lo, mut hi) = (0u64, 0u64);
    let mut i = 0;
    while i < n && i < 8 {
        lo |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    while i < n {
        hi |= (word[i] as u64) << (8 * (i - 8));
        i += 1;
    }
    Some((lower_ascii(hi) as u128) << 64 | lower_ascii(lo) as u128)
}

/// The eight bytes of `x` with ASCII capitals lower-cased (other bytes kept).
#[inline]
const fn lower_ascii(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = x & !HIGH;
    let from_a = low7 + (0x80 - b'A' as u64) * ONES;
    let past_z = low7 + (0x80 - b'Z' as u64 - 1) * ONES;
    let capitals = from_a & !past_z & !x & HIGH;
    x | (capitals >> 2)
}

/// The home slot of `k` in a table of `slots` (a power of two) entries.
#[inline]
const fn home(k: u128, slots: usize) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & (slots - 1)
}

/// A set of words, looked up ignoring ASCII case, in a table of `S` slots
/// (a power of two, at least twice the number of words).
pub(crate) struct WordSet<const S: usize> {
    slots: [u128; S],
}

impl<const S: usize> WordSet<S> {
    /// The set of `words` (checked when the constant is evaluated: every
    /// word fits a key, and the table is at most half full).
    pub(crate) const fn new(words: &[&str]) -> WordSet<S> {
        assert!(S.is_power_of_two() && words.len() * 2 <= S, "a WordSet needs twice as many slots as words");
        let mut slots = [0u128; S];
        let mut i = 0;
        while i < words.len() {
            let Some(k) = key(words[i].as_bytes()) else { panic!("a WordSet word is empty or too long") };
            let mut h = home(k, S);
            while slots[h] != 0 && slots[h] != k {
                h = (h + 1) & (S - 1);
            }
            slots[h] = k;
            i += 1;
        }
        WordSet { slots }
    }

    /// True when `word` is in the set, ignoring ASCII case.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        let Some(k) = key(word.as_bytes()) else { return false };
        let mut h = home(k, S);
        loop {
            match self.slots[h] {
                0 => return false,
                s if s == k => return true,
                _ => h = (h + 1) & (S - 1),
            }
        }
    }
}

/// True when `word` ends with `suffix`, ignoring ASCII case.
#[inline]
pub(crate) fn ends_with_ci(word: &str, suffix: &str) -> bool {
    let (w, s) = (word.as_bytes(), suffix.as_bytes());
    w.len() >= s.len() && w[w.len() - s.len()..].eq_ignore_ascii_case(s)
}

/// Number words below twenty.
pub(crate) const SMALL: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
];

/// Tens.
pub(crate) const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Scale words that multiply what comes before them ("2.9 million", "two thousand").
pub(crate) const SCALES: &[(&str, f64)] = &[("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)];

/// Abbreviated scales, after digits only ("25 mln", "2.5bn").
pub(crate) const DIGIT_SCALES: &[(&str, f64)] =
    &[("hundred", 1e2), ("mln", 1e6), ("mn", 1e6), ("bn", 1e9), ("bln", 1e9)];

/// One-letter scales, after an amount of money only ("$25m", "$5k").
pub(crate) const MONEY_SCALES: &[(&str, f64)] = &[("m", 1e6), ("k", 1e3), ("b", 1e9)];

/// Fraction words, singular and plural, with their denominator.
pub(crate) const FRACTIONS: &[(&str, &str, f64)] = &[
    ("half", "halves", 2.0),
    ("third", "thirds", 3.0),
    ("quarter", "quarters", 4.0),
    ("fourth", "fourths", 4.0),
    ("fifth", "fifths", 5.0),
    ("sixth", "sixths", 6.0),
    ("seventh", "sevenths", 7.0),
    ("eighth", "eighths", 8.0),
    ("ninth", "ninths", 9.0),
    ("tenth", "tenths", 10.0),
];

/// Month names and abbreviations (capitalised in text), for telling dates from counts.
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Words before a year ("in 2019", "since 2011").
pub(crate) const DATE_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "from",
    "until",
    "till",
    "by",
    "during",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "end",
    "year",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "through",
    "throughout",
];

/// Words before a year only when a time word precedes them ("the end of
/// 2018", "from 2017 to 2019"), not in "a total of 2000 families".
pub(crate) const WEAK_DATE_PREPOSITIONS: &[&str] = &["of", "to", "and", "between", "or"];

/// Time words before a weak date preposition ("the end of 2018").
pub(crate) const TIME_NOUNS: &[&str] = &[
    "end",
    "beginning",
    "start",
    "middle",
    "half",
    "quarter",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "year",
    "years",
    "month",
    "months",
    "period",
    "course",
    "since",
    "from",
    "between",
    "until",
    "budget",
    "plan",
    "appeal",
];

/// Words that close a noun phrase: determiners, pronouns, prepositions,
/// conjunctions, auxiliaries, approximation and rate words.
const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "from",
    "by",
    "for",
    "with",
    "without",
    "within",
    "into",
    "onto",
    "over",
    "under",
    "and",
    "or",
    "but",
    "nor",
    "as",
    "than",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "where",
    "when",
    "while",
    "this",
    "these",
    "those",
    "it",
    "its",
    "their",
    "our",
    "his",
    "her",
    "my",
    "your",
    "we",
    "they",
    "he",
    "she",
    "them",
    "us",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "not",
    "no",
    "so",
    "per",
    "every",
    "each",
    "all",
    "some",
    "any",
    "both",
    "either",
    "neither",
    "also",
    "already",
    "only",
    "just",
    "more",
    "most",
    "less",
    "least",
    "very",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "including",
    "include",
    "includes",
    "etc",
    "there",
    "here",
    "then",
    "now",
    "today",
    "yesterday",
    "via",
    "through",
    "across",
    "against",
    "among",
    "between",
    "during",
    "after",
    "before",
    "since",
    "until",
    "up",
    "down",
    "out",
    "off",
    "above",
    "below",
    "near",
    "if",
    "because",
    "although",
    "though",
    "ago",
    "later",
    "earlier",
    "old",
    "long",
    "alone",
    "respectively",
    "daily",
    "weekly",
    "monthly",
    "annually",
    "yearly",
    "even",
    "still",
    "again",
    "too",
    "else",
];

/// Words dropped from the front of an item ("6000 such houses" → houses).
pub(crate) const ITEM_PREFIXES: &[&str] = &["such", "other", "more", "additional", "further", "extra", "another"];

/// True for a word dropped from the front of an item ("such").
pub(crate) fn is_item_prefix(word: &str) -> bool {
    static SET: WordSet<16> = WordSet::new(ITEM_PREFIXES);
    SET.contains(word)
}

/// Plural nouns not ending in "s" (and abbreviated units outside the
/// contract, counted like nouns: "50 mm" of rain).
const IRREGULAR_PLURALS: &[&str] = &[
    "mm",
    "cm",
    "ml",
    "people",
    "children",
    "men",
    "women",
    "police",
    "personnel",
    "staff",
    "cattle",
    "livestock",
    "sheep",
    "aircraft",
    "feet",
    "geese",
    "mice",
    "oxen",
    "clergy",
    "militia",
    "youth",
];

/// Singular nouns for a group of people: in an "of" phrase they end the
/// noun phrase like a plural ("a third of the population" lives ...).
const COLLECTIVE_NOUNS: &[&str] = &["population", "public", "workforce", "caseload", "electorate", "diaspora"];

/// Words ending in "s" that are not plural nouns.
const NOT_PLURALS: &[&str] = &[
    "news",
    "always",
    "perhaps",
    "besides",
    "towards",
    "afterwards",
    "whereas",
    "across",
    "various",
    "numerous",
    "previous",
    "thus",
    "does",
    "goes",
    "has",
    "was",
    "plus",
    "lens",
    "yes",
    "remains",
    "includes",
    "represents",
    "continues",
    "stands",
    "seems",
    "becomes",
    "contains",
    "consists",
    "exceeds",
    "amounts",
    "totals",
    "comprises",
    "less",
    "unless",
    "regardless",
    "nevertheless",
    "overseas",
    "abroad",
    "whereabouts",
    "measles",
    "diabetes",
    "rabies",
    "scabies",
    "mumps",
    "herpes",
    "series",
    "species",
    "means",
];

/// Past forms that do not end in "-ed" ("24 hours held ...").
const IRREGULAR_VERBS: &[&str] = &[
    "held", "made", "met", "sent", "spent", "took", "went", "gave", "left", "built", "brought", "got", "came",
    "became", "began", "fell", "found", "kept", "led", "lost", "paid", "put", "ran", "said", "saw", "set", "shot",
    "stood", "told", "thought", "won", "fled", "hit", "cut", "taken", "given", "done", "seen", "gone", "known",
    "shown", "grown", "become", "begun", "run", "died", "used",
];

/// Suffixes of adjectives ("humanitarian", "educational", "charitable"):
/// such a word before "and" may share the noun of the next phrase.
const ADJECTIVE_SUFFIXES: &[&str] = &["al", "ian", "ic", "ive", "ary", "ous", "ful", "able", "ible", "less", "ed"];

/// Nouns of the domain that count people, or movements of people. A bare
/// figure takes the nearest of these before it in its sentence as its item
/// ("refugees from Lebanon ... numbering approximately 950").
const PEOPLE_NOUNS: &[&str] = &[
    "people",
    "persons",
    "individuals",
    "refugees",
    "idps",
    "returnees",
    "returns",
    "citizens",
    "residents",
    "civilians",
    "families",
    "households",
    "children",
    "women",
    "men",
    "migrants",
    "syrians",
    "inhabitants",
    "evacuees",
    "students",
    "pupils",
    "patients",
    "beneficiaries",
    "detainees",
    "prisoners",
    "fighters",
    "militants",
    "soldiers",
    "victims",
    "casualties",
    "workers",
    "volunteers",
    "teachers",
    "arrivals",
    "departures",
    "nationals",
    "displaced",
    "newcomers",
    "asylum-seekers",
    "survivors",
    "orphans",
    "elderly",
    "infants",
    "girls",
    "boys",
    "adults",
    "minors",
    "residents",
    "villagers",
    "townspeople",
    "wounded",
    "injured",
    "disabled",
    "missing",
];

/// Other count nouns of the domain (what bulletins count besides people).
/// Not needed to read an item (any noun phrase after a number is one), but
/// they tell a count noun from a verb or a name when the text is ambiguous.
const COUNT_NOUNS: &[&str] = &[
    "trucks",
    "convoys",
    "settlements",
    "schools",
    "bakeries",
    "hospitals",
    "clinics",
    "shelters",
    "camps",
    "tents",
    "houses",
    "homes",
    "buildings",
    "cases",
    "violations",
    "incidents",
    "actions",
    "packages",
    "parcels",
    "baskets",
    "kits",
    "backpacks",
    "tons",
    "tonnes",
    "localities",
    "villages",
    "towns",
    "institutions",
    "facilities",
    "substations",
    "enterprises",
    "centres",
    "centers",
    "markets",
    "shops",
    "governorates",
    "provinces",
    "zones",
    "checkpoints",
    "applications",
    "commanders",
    "formations",
    "times",
    "meals",
    "rations",
    "doses",
    "vaccines",
    "wells",
    "roads",
    "bridges",
    "mines",
    "shells",
    "rockets",
    "attacks",
    "strikes",
    "vehicles",
    "ambulances",
    "flights",
    "sorties",
    "drones",
    "missiles",
    "aircraft",
    "helicopters",
    "projectiles",
    "devices",
    "objects",
    "apartments",
    "classrooms",
    "beds",
    "sites",
    "locations",
    "communities",
    "neighbourhoods",
    "neighborhoods",
    "districts",
    "projects",
    "partners",
    "organizations",
    "organisations",
    "agencies",
    "teams",
    "rooms",
    "latrines",
    "generators",
    "blankets",
    "mattresses",
    "stoves",
    "items",
    "loaves",
    "consultations",
    "operations",
    "surgeries",
    "deliveries",
    "distributions",
    "crossings",
    "routes",
    "points",
];

/// Head nouns whose "of" phrase belongs to the item ("3 cases" of firing →
/// "cases of firing") but not to the span.
const OF_HEADS: &[&str] = &[
    "cases",
    "incidents",
    "instances",
    "acts",
    "episodes",
    "kinds",
    "types",
    "sorts",
    "pieces",
    "units",
    "sets",
    "bags",
    "boxes",
    "packs",
    "bottles",
    "cans",
    "cartons",
    "sacks",
    "loads",
    "truckloads",
    "pallets",
    "rounds",
    "batches",
    "shipments",
    "consignments",
    "litres",
    "liters",
    "gallons",
    "barrels",
    "loaves",
    "doses",
    "bundles",
    "bales",
    "containers",
    "jerrycans",
    "tanks",
    "sheets",
    "rolls",
    "packets",
    "portions",
    "servings",
    "pairs",
];

/// Fixed "X of Y" count nouns, kept whole in the span ("93 places of worship").
pub(crate) const OF_COMPOUNDS: &[(&str, &str)] = &[
    ("places", "worship"),
    ("heads", "household"),
    ("heads", "households"),
    ("prisoners", "war"),
    ("items", "clothing"),
    ("pieces", "equipment"),
    ("units", "housing"),
    ("members", "parliament"),
];

/// Fixed phrases after a plural noun that belong to the item but not to the
/// span ("10 thousand people" in need, "548,554 are refugees" from abroad).
pub(crate) const POST_MODIFIERS: &[&[&str]] = &[
    &["in", "need"],
    &["from", "abroad"],
    &["with", "disabilities"],
    &["with", "special", "needs"],
    &["in", "transit"],
    &["at", "risk"],
    &["of", "concern"],
    &["in", "detention"],
    &["on", "the", "move"],
];

/// Words that name a whole without saying what it is made of ("three-quarters
/// of the total"): a share of one of these looks further back for its item.
pub(crate) const GENERIC_WHOLES: &[&str] =
    &["total", "number", "amount", "sum", "whole", "rest", "remainder", "majority", "figure", "overall"];

/// Forms of "to be" that introduce an item after a bare figure
/// ("more than 548,554 are refugees").
pub(crate) const BE: &[&str] = &["are", "were", "is", "was"];

/// Words that make the figure after them an identifier ("No. 1", "decree number 10").
pub(crate) const IDENTIFIER_WORDS: &[&str] = &["no", "nos", "nr", "number", "num", "ref", "tel", "phone", "fax"];

/// Nouns that name a document, a unit or a route by the number after them
/// ("resolution 2401", "article 5", "route 4").
const IDENTIFIER_NOUNS: &[&str] = &[
    "resolution",
    "resolutions",
    "decree",
    "article",
    "paragraph",
    "section",
    "chapter",
    "clause",
    "annex",
    "phase",
    "stage",
    "route",
    "highway",
    "channel",
    "flight",
    "brigade",
    "division",
    "corps",
    "battalion",
    "regiment",
    "page",
    "protocol",
    "law",
    "order",
    "item",
    "point",
    "version",
    "session",
    "round",
    "platform",
    "gate",
    "terminal",
    "zone",
    "sector",
    "block",
    "ward",
    "plot",
    "grade",
    "level",
    "tier",
    "para",
    "art",
    "vol",
];

/// Words before a fraction that make it a part of a period ("the first half of 2018").
pub(crate) const PERIOD_ORDINALS: &[&str] =
    &["the", "first", "second", "third", "fourth", "last", "latter", "former", "final", "next", "past", "this"];

/// Words after "or" that still join two figures ("two-three or even four times").
pub(crate) const OR_FILLERS: &[&str] = &["even", "perhaps", "possibly", "maybe", "so", "rather"];

static MONTH_SET: WordSet<64> = WordSet::new(MONTHS);
static STOP_SET: WordSet<512> = WordSet::new(STOP_WORDS);
static IRREGULAR_PLURAL_SET: WordSet<64> = WordSet::new(IRREGULAR_PLURALS);
static NOT_PLURAL_SET: WordSet<128> = WordSet::new(NOT_PLURALS);
static IRREGULAR_VERB_SET: WordSet<128> = WordSet::new(IRREGULAR_VERBS);
static PEOPLE_SET: WordSet<128> = WordSet::new(PEOPLE_NOUNS);
static COUNT_SET: WordSet<256> = WordSet::new(COUNT_NOUNS);
static OF_HEAD_SET: WordSet<128> = WordSet::new(OF_HEADS);
static IDENTIFIER_NOUN_SET: WordSet<128> = WordSet::new(IDENTIFIER_NOUNS);

/// Looks `word` up in `table`, ignoring ASCII case.
pub(crate) fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| w.eq_ignore_ascii_case(word)).map(|&(_, v)| v)
}

fn contains(table: &[&str], word: &str) -> bool {
    table.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// True for a month name or abbreviation written with a capital.
pub(crate) fn is_month(word: &str) -> bool {
    word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) && MONTH_SET.contains(word)
}

/// True for a word that closes a noun phrase.
#[inline]
pub(crate) fn is_stop_word(word: &str) -> bool {
    STOP_SET.contains(word)
}

/// True for a noun whose "of" phrase belongs to the item ("cases" of firing).
pub(crate) fn is_of_head(word: &str) -> bool {
    OF_HEAD_SET.contains(word)
}

/// True for a noun that names a document, a unit or a route by the number
/// after it ("resolution 2401").
pub(crate) fn is_identifier_noun(word: &str) -> bool {
    IDENTIFIER_NOUN_SET.contains(word)
}

/// True for a number word ("five", "twenty", "hundred", "million", "dozen").
pub(crate) fn is_number_word(word: &str) -> bool {
    static NUMBER_WORDS: WordSet<128> = WordSet::new(&NUMBER_WORD_LIST);
    NUMBER_WORDS.contains(word)
}

/// True when a number in words can start with `word` (a cheap gate before
/// the number grammar: most words of a text fail it at once).
#[inline]
pub(crate) fn can_start_number(word: &str) -> bool {
    has_number_shape(word.as_bytes()) && NUMBER_START_SET.contains(word)
}

/// True when `bytes` have the first two letters and the length of a word
/// that can start a number: a table look-up that most words fail ("the" and
/// "to" are not shaped like "two", "ten" or "three"). Bytes other than
/// letters may pass (the set look-up that follows rules them out); number
/// words never fail.
#[inline]
pub(crate) fn has_number_shape(bytes: &[u8]) -> bool {
    // By the low five bits of the first two bytes, lower-cased (letters are
    // 1 to 26; 0 stands for no second letter), the lengths of the words
    // that may follow (bit n for n letters).
    const LENGTHS: [[u16; 32]; 32] = {
        let mut lengths = [[0u16; 32]; 32];
        let mut i = 0;
        while i < NUMBER_STARTS.len() {
            let w = NUMBER_STARTS[i].as_bytes();
            let second = if w.len() > 1 { (w[1] & 31) as usize } else { 0 };
            lengths[(w[0] & 31) as usize][second] |= 1 << w.len();
            i += 1;
        }
        lengths
    };
    let n = bytes.len();
    match bytes.first() {
        Some(&first) if n < 16 => {
            let second = bytes.get(1).map_or(0, |&b| ((b | 0x20) & 31) as usize);
            LENGTHS[((first | 0x20) & 31) as usize][second] & (1 << n) != 0
        }
        _ => false,
    }
}

/// The words a number in words can start with: "a", "an", "half" and the
/// words of [`SMALL`] and [`TENS`].
const NUMBER_STARTS: [&str; 3 + SMALL.len() + TENS.len()] = table_words(&["a", "an", "half"], &[SMALL, TENS], &[]);

/// Every number word: [`SMALL`], [`TENS`], "hundred", [`SCALES`], "dozen".
const NUMBER_WORD_LIST: [&str; SMALL.len() + TENS.len() + 1 + SCALES.len() + 1] =
    table_words(&[], &[SMALL, TENS, &[("hundred", 1e2)], SCALES], &["dozen"]);

/// `first`, then the words of `tables`, then `last`, as one array (at compile
/// time, so that the number words are spelled once, in the value tables).
const fn table_words<const N: usize>(
    first: &[&'static str],
    tables: &[&[(&'static str, f64)]],
    last: &[&'static str],
) -> [&'static str; N] {
    let mut out = [""; N];
    let mut n = 0;
    let mut i = 0;
    while i < first.len() {
        out[n] = first[i];
        n += 1;
        i += 1;
    }
    let mut t = 0;
    while t < tables.len() {
        let mut j = 0;
        while j < tables[t].len() {
            out[n] = tables[t][j].0;
            n += 1;
            j += 1;
        }
        t += 1;
    }
    i = 0;
    while i < last.len() {
        out[n] = last[i];
        n += 1;
        i += 1;
    }
    assert!(n == N, "table_words: the array length does not match the words");
    out
}

static NUMBER_START_SET: WordSet<64> = WordSet::new(&NUMBER_STARTS);

/// Irregular plurals of singular count nouns ("one child").
const IRREGULAR_SINGULARS: &[(&str, &str)] =
    &[("child", "children"), ("man", "men"), ("woman", "women"), ("person", "persons"), ("staff", "staff")];

/// The plural of a singular noun ("child" → "children", "family" → "families").
pub(crate) fn plural_of(word: &str) -> String {
    if let Some(plural) = lookup(IRREGULAR_SINGULARS, word) {
        return plural.to_string();
    }
    let lower = word.to_ascii_lowercase();
    let b = lower.as_bytes();
    if b.len() > 1 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2]) {
        format!("{}ies", &lower[..lower.len() - 1])
    } else if ["s", "x", "ch", "sh"].iter().any(|e| lower.ends_with(e)) {
        format!("{lower}es")
    } else {
        format!("{lower}s")
    }
}

/// True for a word that looks like a plural noun ("tons", "IDPs", "people").
pub(crate) fn is_plural(word: &str) -> bool {
    if !ends_with_ci(word, "s") {
        // "servicemen", "gunmen", "tribesmen"
        return IRREGULAR_PLURAL_SET.contains(word) || (word.len() > 5 && ends_with_ci(word, "men"));
    }
    if word.len() <= 3 || NOT_PLURAL_SET.contains(word) || word.chars().count() <= 3 {
        return false;
    }
    !["ss", "us", "is", "'s", "\u{2019}s"].iter().any(|e| ends_with_ci(word, e))
}

/// True for a singular noun for a group of people ("population").
pub(crate) fn is_collective(word: &str) -> bool {
    contains(COLLECTIVE_NOUNS, word)
}

/// True for a word that reads as a verb in the past ("returned", "held").
pub(crate) fn is_verb_like(word: &str) -> bool {
    (word.len() > 4 && ends_with_ci(word, "ed")) || IRREGULAR_VERB_SET.contains(word)
}

/// True for a word that reads as an adjective ("humanitarian", "medical").
pub(crate) fn looks_adjective(word: &str) -> bool {
    word.len() > 4 && ADJECTIVE_SUFFIXES.iter().any(|s| ends_with_ci(word, s))
}

/// True for a noun that counts people or their movements.
#[inline]
pub(crate) fn is_people_noun(word: &str) -> bool {
    PEOPLE_SET.contains(word)
}

/// True for a domain count noun (people or things).
pub(crate) fn is_count_noun(word: &str) -> bool {
    is_people_noun(word) || COUNT_SET.contains(word)
}

/// True when `word` is in `table`, ignoring ASCII case.
pub(crate) fn is_in(table: &[&str], word: &str) -> bool {
    contains(table, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals() {
        for w in ["tons", "IDPs", "people", "Syrians", "times", "bakeries", "children", "servicemen", "gunmen"] {
            assert!(is_plural(w), "{w}");
        }
        for w in ["class", "status", "crisis", "camp’s", "its", "was", "news", "zone", "food"] {
            assert!(!is_plural(w), "{w}");
        }
    }

    #[test]
    fn word_sets_ignore_case_and_reject_the_rest() {
        static SET: WordSet<8> = WordSet::new(&["one", "Two", "sixteen-letters!"]);
        for w in ["one", "ONE", "two", "sixteen-LETTERS!"] {
            assert!(SET.contains(w), "{w}");
        }
        for w in ["", "on", "ones", "three", "sixteen-letters!!", "ｏne"] {
            assert!(!SET.contains(w), "{w}");
        }
        for w in STOP_WORDS.iter().chain(PEOPLE_NOUNS).chain(COUNT_NOUNS).chain(MONTHS).chain(IDENTIFIER_NOUNS) {
            let upper = w.to_uppercase();
            assert!(is_stop_word(w) || is_count_noun(&upper) || is_month(w) || is_identifier_noun(&upper), "{w}");
        }
        assert!(ends_with_ci("Tons", "S") && !ends_with_ci("s", "ss"));
    }

    #[test]
    fn keys_fold_ascii_case_only() {
        let lower = |w: &str| key(w.to_ascii_lowercase().as_bytes());
        for w in ["a", "ZZ", "AbCdEfGhIjKlMnOp", "@[`{", "Ünited", "x\u{c0}y", "0123456789ABCDEF"] {
            assert_eq!(key(w.as_bytes()), lower(w), "{w:?}");
        }
        for b in 0..=255u8 {
            let word = [b, b'A', b'z', b, b'Q', b, b, b'm', b, b'Z'];
            let expected: Vec<u8> = word.iter().map(u8::to_ascii_lowercase).collect();
            let packed = |w: &[u8]| w.iter().enumerate().fold(0u128, |k, (i, &c)| k | (c as u128) << (8 * i));
            assert_eq!(key(&word), Some(packed(&expected)), "{b}");
        }
        assert_eq!(key(b""), None);
        assert_eq!(key(&[b'a'; 17]), None);
    }

    #[test]
    fn number_words_are_the_tables() {
        for (w, _) in SMALL.iter().chain(TENS).chain(SCALES) {
            assert!(is_number_word(w), "{w}");
        }
        assert!(is_number_word("hundred") && is_number_word("Dozen") && !is_number_word("dozens"));
    }

    #[test]
    fn months_need_a_capital() {
        assert!(is_month("July") && is_month("Sept"));
        assert!(!is_month("may") && !is_month("march"));
    }

    #[test]
    fn word_classes() {
        assert!(looks_adjective("humanitarian") && looks_adjective("educational") && looks_adjective("charitable"));
        assert!(!looks_adjective("food"));
        assert!(is_verb_like("returned") && is_verb_like("held") && !is_verb_like("food"));
        assert!(is_people_noun("Returns") && is_count_noun("bakeries") && !is_people_noun("provinces"));
        assert!(is_number_word("Twenty") && !is_number_word("first"));
        for (w, _) in SMALL.iter().chain(TENS) {
            assert!(can_start_number(w) && can_start_number(&w.to_uppercase()));
        }
        assert!(can_start_number("A") && can_start_number("half") && !can_start_number("the"));
        for w in NUMBER_STARTS {
            assert!(has_number_shape(w.as_bytes()) && has_number_shape(w.to_uppercase().as_bytes()), "{w}");
        }
        for w in ["the", "to", "on", "and", "for", "of", "as", "si", "t", ""] {
            assert!(!has_number_shape(w.as_bytes()), "{w}");
        }
    }
}
