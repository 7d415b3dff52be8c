"""The spaCy component: nlp.add_pipe("tallystick")."""

from __future__ import annotations

import subprocess
import sys

import pytest

spacy = pytest.importorskip("spacy")

from spacy.tokens import Doc, Span  # noqa: E402

import tallystick  # noqa: E402
from tallystick.spacy_component import FIELDS  # noqa: E402

from nbhelpers import dev_docs  # noqa: E402


def mention_dict(m):
    d = m.to_dict()
    if m.where_id is not None:
        d["where_id"] = m.where_id
    return d


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("tallystick")
    return nlp


def check_doc(doc, mentions, key="tallystick"):
    """The spans are extract's mentions: same kinds, exact offsets and fields
    in the extensions, token spans that hold each mention."""
    spans = list(doc.spans[key])
    assert [(s._.ts_start, s._.ts_end, s.label_) for s in spans] == [(m.start, m.end, m.kind) for m in mentions]
    expanded = 0
    for s, m in zip(spans, mentions):
        assert s._.tallystick == mention_dict(m)
        assert s._.ts_text == m.text == doc.text[m.start : m.end]
        for f in FIELDS:
            assert s._.get(f"ts_{f}") == mention_dict(m).get(f), f
        assert s.kb_id_ == (m.id or "")
        assert s.start_char <= m.start and m.end <= s.end_char
        if (s.start_char, s.end_char) != (m.start, m.end):
            expanded += 1
            # Only mentions that do not fall on token boundaries are expanded.
            assert doc.char_span(m.start, m.end) is None
        else:
            assert doc.char_span(m.start, m.end) is not None
    return expanded


def test_registered_through_the_entry_point():
    """A fresh interpreter finds the factory without importing tallystick."""
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('tallystick')\n"
        "doc = nlp('Citizens of Homs received 3.3 tons of food.')\n"
        "print('tallystick.spacy_component' in sys.modules, [s.label_ for s in doc.spans['tallystick']])\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "True ['place', 'quantity']"


def test_spans_equal_extract_on_the_dev_corpus(nlp):
    expanded = total = 0
    for d in dev_docs():
        doc = nlp(d["text"])
        mentions = tallystick.extract(d["text"])
        expanded += check_doc(doc, mentions)
        total += len(mentions)
    assert total > 500
    # "expand" keeps every mention; those not on token boundaries are few.
    assert expanded < total * 0.05, (expanded, total)


def test_nlp_pipe_with_two_processes_equals_one():
    nlp = spacy.blank("en")
    nlp.add_pipe("tallystick", config={"threads": 1})
    texts = [d["text"] for d in dev_docs()] * 2
    docs = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [d.text for d in docs] == texts
    for doc, text in zip(docs, texts):
        check_doc(doc, tallystick.extract(text))


def test_nlp_pipe_in_batches(nlp):
    texts = [d["text"] for d in dev_docs()]
    for doc, text in zip(nlp.pipe(texts, batch_size=2), texts):
        check_doc(doc, tallystick.extract(text))


def test_doc_serialisation_keeps_the_readings(nlp):
    text = "Citizens of Deir ez-Zor received 3.3 tons of food products from 666,294 UN-registered Syrian refugees."
    doc = nlp(text)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    check_doc(again, tallystick.extract(text))


def test_overlapping_mentions_all_stay_in_spans_and_ents_take_the_longest():
    nlp = spacy.blank("en")
    nlp.add_pipe("tallystick", config={"ents": True})
    text = "There are 666,294 UN-registered Syrian refugees in Jordan, says the UN."
    doc = nlp(text)
    mentions = tallystick.extract(text)
    check_doc(doc, mentions)
    kinds = [s.label_ for s in doc.spans["tallystick"]]
    assert kinds.count("actor") == 2 and "quantity" in kinds
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("666,294 UN-registered Syrian refugees", "quantity") in ents
    assert ("UN", "actor") in ents and ("Jordan", "place") in ents
    assert all(e._.tallystick is not None for e in doc.ents)
    jordan = next(e for e in doc.ents if e.text == "Jordan")
    assert jordan.kb_id_ == "country-jo" and jordan._.ts_name == "Jordan"


def test_existing_ents_stay_unless_overwritten():
    nlp = spacy.blank("en")
    comp = nlp.add_pipe("tallystick", config={"ents": True})
    doc = nlp.make_doc("Aid reached Homs and Hama yesterday.")
    doc.ents = [Span(doc, 2, 3, label="GPE")]  # "Homs"
    comp(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Homs", "GPE"), ("Hama", "place")]
    nlp2 = spacy.blank("en")
    comp2 = nlp2.add_pipe("tallystick", config={"ents": True, "overwrite_ents": True})
    doc2 = nlp2.make_doc("Aid reached Homs and Hama yesterday.")
    doc2.ents = [Span(doc2, 2, 3, label="GPE")]
    comp2(doc2)
    assert [(e.text, e.label_) for e in doc2.ents] == [("Homs", "place"), ("Hama", "place")]


def test_alignment_modes():
    text = "Some 666,294 UN-registered refugees; the UN's staff."
    mentions = tallystick.extract(text)
    strict = spacy.blank("en")
    strict.add_pipe("tallystick", config={"alignment_mode": "strict"})
    doc = strict(text)
    aligned = [m for m in mentions if doc.char_span(m.start, m.end) is not None]
    got = [(s._.ts_start, s._.ts_end, s.label_) for s in doc.spans["tallystick"]]
    assert got == [(m.start, m.end, m.kind) for m in aligned]
    assert all((s.start_char, s.end_char) == (s._.ts_start, s._.ts_end) for s in doc.spans["tallystick"])
    with pytest.raises(ValueError, match="alignment_mode"):
        spacy.blank("en").add_pipe("tallystick", config={"alignment_mode": "loose"})


def test_config_kinds_key_gazetteers_and_date(tmp_path):
    gaz = tmp_path / "extra.tsv"
    gaz.write_text("id\tname\tkind\tsubtype\taliases\nx-hope\tCamp Hope\tcamp\tcamp\tHope camp\n", encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("tallystick", config={"kinds": ["camp", "date"], "spans_key": "ts", "gazetteers": [str(gaz)]})
    doc = nlp.make_doc("Since July 1, 40 tons of food reached Hope camp near Homs.")
    doc._.tallystick_date = "2019-07-15"
    doc = nlp(doc)
    assert "tallystick" not in doc.spans
    got = [(s.label_, s.text, s.kb_id_, s._.ts_value if s.label_ == "date" else s._.ts_name) for s in doc.spans["ts"]]
    assert got == [("date", "July 1", "", "2019-07-01"), ("camp", "Hope camp", "x-hope", "Camp Hope")]
    assert nlp.get_pipe("tallystick").extractor.kinds == ("camp", "date")


def test_two_components_with_their_own_keys():
    nlp = spacy.blank("en")
    nlp.add_pipe("tallystick", name="places", config={"kinds": ["place"], "spans_key": "places"})
    nlp.add_pipe("tallystick", name="figures", config={"kinds": ["quantity"], "spans_key": "figures"})
    doc = nlp("Citizens of Homs received 3.3 tons of food.")
    assert [s._.ts_name for s in doc.spans["places"]] == ["Homs"]
    assert [s._.ts_value for s in doc.spans["figures"]] == [3.3]


def test_spans_not_made_by_tallystick_read_none(nlp):
    doc = nlp("Citizens of Homs received 3.3 tons of food.")
    assert doc[0:2]._.tallystick is None and doc[0:2]._.ts_value is None
    # A span the user rebuilds with the same offsets and label finds its mention.
    s = doc.spans["tallystick"][0]
    assert Span(doc, s.start, s.end, label=s.label_)._.ts_name == s._.ts_name


def test_nlp_pipe_with_spawned_processes():
    """With the "spawn" start method (the default on macOS and Windows) the
    component and the extension getters are pickled to the workers."""
    code = (
        "import multiprocessing, spacy\n"
        "if __name__ == '__main__':\n"
        "    multiprocessing.set_start_method('spawn')\n"
        "    nlp = spacy.blank('en')\n"
        "    nlp.add_pipe('tallystick', config={'threads': 1})\n"
        "    texts = ['Citizens of Homs received 3.3 tons of food.', 'About 60,000 people live in Rukban camp.'] * 2\n"
        "    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))\n"
        "    print([[(s.label_, s._.ts_value, s._.ts_name) for s in d.spans['tallystick']] for d in docs[:2]])\n"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == (
        "[[('place', None, 'Homs'), ('quantity', 3.3, None)], [('quantity', 60000.0, None), ('camp', None, 'Rukban')]]"
    )


def test_pipeline_saves_and_loads(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("tallystick", config={"kinds": ["place", "quantity"], "ents": True})
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert again.pipe_names == ["tallystick"]
    text = "Citizens of Homs received 3.3 tons of food from the UN."
    doc = again(text)
    check_doc(doc, [m for m in tallystick.extract(text) if m.kind in ("place", "quantity")])
    assert [e.label_ for e in doc.ents] == ["place", "quantity"]
