"""Property test: on any Unicode text, every mention slices the text exactly.

The texts mix random characters with the characters that break naive offset
code (combining marks, emoji and ZWJ sequences, Arabic and Cyrillic letters,
every quote and dash variant, odd spaces) and with fragments the extractor
does find (names, figures, dates).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tallystick
from tallystick import Extractor

from conftest import ENTRIES, check_mentions

COMBINING = "\u0301\u0300\u0308\u0327\u0651\u064e\u064b\u0670\u0483\u20dd\u1ab0\u0345"
EMOJI = ["👍🏽", "👨‍👩‍👧", "🇸🇾", "🏳️‍🌈", "❤️", "🧕", "1️⃣", "\U0001f600", "🫶🏿"]
ARABIC = ["حمص", "دير الزور", "الركبان", "مخيم", "عاجل", "٣٫٣", "١٢", "ـ", "\u200f", "\u061c"]
CYRILLIC = ["Хомс", "Дамаск", "Шойгу", "тонн", "Ёё", "ЙЦУКЕН", "і", "ґ"]
QUOTES = "\"'`´‘’‚‛“”„‟‹›«»′″‴〝〞〟＂＇「」『』"
DASHES = "-‐‑‒–—―−⁃﹘﹣－⸺⸻"
SPACES = " \t\n\r\u00a0\u2009\u202f\u2007\u3000\u200b\u200c\u200d\ufeff\u2028\u2029\x0b\x0c\x85"
ODD = ["İ", "ß", "ﬁ", "Å", "ǅ", "ϴ", "ẞ", "ΐ", "\u0130stanbul", "\x00", "\U0010ffff", "\ufffd", "ª", "½", "²"]
FRAGMENTS = [
    "Homs", "al-Rastan", "Ar-Rastan", "Deir ez-Zor", "Deir-ez-Zor", "Damascus", "Rukban", "al-Hol", "UNHCR",
    "UN", "SARC", "Camp Hope", "Relief Now", "Qaryat al-Tayr", "Podgorny", "3.3 tons of food products",
    "about 60,000 people", "more than 1,851,424 Syrian citizens", "2, 233", "24-48 hours", "per every 5 days",
    "five and a half tonnes", "(40.96%)", "September 11, 2017", "12 July 2019", "9-12 July", "mid-July",
    "2018-2019", "province", "governorate", " of ", ", ", ". ", "the ", "$", "US $", "1", "000", ",", ".",
]

fragments = st.sampled_from(FRAGMENTS)
pieces = st.one_of(
    fragments,
    fragments,
    fragments,
    st.text(alphabet=st.characters(codec="utf-8"), max_size=8),
    st.sampled_from(EMOJI + ARABIC + CYRILLIC + ODD),
    st.sampled_from(list(COMBINING + QUOTES + DASHES + SPACES)),
)
# Separators: mostly a space, as in prose, but any of the troublesome characters too.
separators = st.one_of(st.just(" "), st.just(" "), st.just(""), st.sampled_from(list(COMBINING + QUOTES + DASHES + SPACES)))
documents = st.lists(st.tuples(pieces, separators), max_size=40).map(lambda ps: "".join(p + s for p, s in ps))

BUNDLED = Extractor()
OWN = Extractor(gazetteers=ENTRIES)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_every_mention_slices_the_text(text):
    for extractor in (BUNDLED, OWN):
        found = extractor.extract(text)
        check_mentions(text, found)
        assert extractor.extract(text.encode("utf-8")) == found


@settings(max_examples=100, deadline=None)
@given(documents, st.sampled_from(FRAGMENTS), st.sampled_from(list(COMBINING + QUOTES + DASHES) + EMOJI))
def test_offsets_survive_a_prefix(text, fragment, prefix):
    """A name after multi-code-point characters keeps exact offsets."""
    text = prefix * 3 + " " + fragment + " " + text
    check_mentions(text, tallystick.extract(text))


@settings(max_examples=50, deadline=None)
@given(st.lists(documents, max_size=12), st.sampled_from([None, 1, 2]))
def test_batch_equals_one_by_one(texts, threads):
    assert OWN.extract_batch(texts, threads=threads) == [OWN.extract(t) for t in texts]
