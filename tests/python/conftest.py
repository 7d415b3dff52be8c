"""Shared fixtures and the checks every list of mentions must pass."""

from __future__ import annotations

import json
from typing import Any, Sequence

import pytest

import tallystick

from dev_corpus import DEV_DOCS, DEV_GOLD, ROOT, SCORER, load_dev_docs  # noqa: F401 (re-exported to the tests)

ENTITY_KEYS = ["kind", "start", "end", "text", "name", "subtype", "id"]
QUANTITY_KEYS = ["kind", "start", "end", "text", "value", "low", "high", "unit", "item", "approx", "per"]
DATE_KEYS = ["kind", "start", "end", "text", "value", "low", "high"]

# A small gazetteer of our own, so that entity tests do not depend on the bundled data.
ENTRIES: list[dict[str, Any]] = [
    {"id": "t-hope", "name": "Camp Hope", "kind": "camp", "subtype": "camp", "aliases": ["Hope camp"]},
    {"id": "t-qaryat", "name": "Qaryat al-Tayr", "kind": "place", "subtype": "village", "lat": 35.1, "lon": 36.2},
    {"id": "t-aid", "name": "Relief Now", "kind": "actor", "subtype": "organization", "aliases": "RN|Relief-Now"},
    {"id": "t-cyr", "name": "Podgorny", "kind": "place", "subtype": "town", "name_ar": "بودغورني"},
]


def check_mentions(text: str, mentions: Sequence[tallystick.Mention]) -> None:
    """The contract every result must meet, whatever the extractor finds."""
    encoded = text.encode("utf-8")
    last_start = -1
    by_kind: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        assert isinstance(m, tallystick.Mention)
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start : m.end] == m.text, m
        assert encoded[m.byte_start : m.byte_end].decode("utf-8") == m.text, m
        assert m.start >= last_start, "mentions are sorted by start"
        last_start = m.start
        by_kind.setdefault(m.kind, []).append((m.start, m.end))
        d = m.to_dict()
        assert d == json.loads(m.to_json())
        assert list(d)[:4] == ["kind", "start", "end", "text"]
        assert (d["kind"], d["start"], d["end"], d["text"]) == (m.kind, m.start, m.end, m.text)
        if m.kind in ("place", "camp", "actor"):
            assert list(d)[:7] == ENTITY_KEYS
            assert (d["name"], d["subtype"], d["id"]) == (m.name, m.subtype, m.id)
            assert d.get("alternatives", []) == m.alternatives
            assert m.value is None and m.unit is None and m.approx is None
        elif m.kind == "quantity":
            assert list(d)[:11] == QUANTITY_KEYS
            for k in ("value", "low", "high", "unit", "item", "approx", "per"):
                assert d[k] == getattr(m, k), k
            assert d.get("where") == m.where and d.get("where_id") == m.where_id
            assert m.name is None and m.alternatives is None
        else:
            assert m.kind == "date"
            assert list(d) == DATE_KEYS
            assert (d["value"], d["low"], d["high"]) == (m.value, m.low, m.high)
    for kind, spans in by_kind.items():
        spans.sort()
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            assert e1 <= s2, f"two {kind} mentions overlap: {(s1, e1)} and {(s2, e2)}"


@pytest.fixture(scope="session")
def own_extractor() -> tallystick.Extractor:
    return tallystick.Extractor(gazetteers=ENTRIES, bundled=False)


@pytest.fixture(scope="session")
def dev_docs() -> list[dict[str, Any]]:
    return load_dev_docs()


def make_mention(obj: dict[str, Any], where_subtype: str | None = None) -> tallystick.Mention:
    """A mention of any kind, built from its JSON (as pickle does)."""
    text = obj["text"]
    return tallystick._core._mention_from_json(json.dumps(obj), 0, len(text.encode()), where_subtype)
