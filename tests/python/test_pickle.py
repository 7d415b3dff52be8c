"""Extractors and mentions pickle (multiprocessing, Spark, Dask)."""

from __future__ import annotations

import multiprocessing
import pickle

import pytest

import tallystick
from tallystick import Extractor

from conftest import ENTRIES, make_mention
from test_api import DATE, PLACE, QUANTITY, RANGE

TEXTS = ["Relief Now reached Camp Hope.", "Homs and Damascus", "", "Qaryat al-Tayr — Podgorny"]


def test_extractor_round_trip_keeps_options_and_results():
    for e in (Extractor(), Extractor(kinds=["camp", "place"]), Extractor(gazetteers=ENTRIES, bundled=False),
              Extractor(gazetteers=ENTRIES, kinds="actor")):
        again = pickle.loads(pickle.dumps(e))
        assert type(again) is Extractor
        assert (again.kinds, again.bundled, again.gazetteer_size) == (e.kinds, e.bundled, e.gazetteer_size)
        assert repr(again) == repr(e)
        assert again.extract_batch(TEXTS) == e.extract_batch(TEXTS)


def test_file_gazetteers_are_inlined(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text(
        "id\tname\tkind\tsubtype\taliases\tlat\tlon\tpopulation\tname_ar\tparent\tpcode\n"
        "f-1\tFile Town\tplace\ttown\tFT|Filetown\t34.5\t38.25\t1200\tمدينة\tsy-homs\tSY0401\n",
        encoding="utf-8",
    )
    e = Extractor(gazetteers=[path], bundled=False)
    data = pickle.dumps(e)
    path.unlink()  # workers need no file
    again = pickle.loads(data)
    assert [m.id for m in again.extract("Filetown and FT and مدينة")] == ["f-1", "f-1", "f-1"]
    assert pickle.loads(pickle.dumps(again)).gazetteer_size == 1


def test_bundled_entries_are_not_pickled():
    assert len(pickle.dumps(Extractor())) < 500


def test_mentions_round_trip():
    mentions = [make_mention(QUANTITY, "camp"), make_mention(RANGE), make_mention(DATE), make_mention(PLACE)]
    mentions += tallystick.extract("Citizens of Homs received aid from UNHCR in Rukban.")
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        again = pickle.loads(pickle.dumps(mentions, protocol=protocol))
        assert again == mentions
        assert [m.to_dict() for m in again] == [m.to_dict() for m in mentions]
        assert [(m.byte_start, m.byte_end) for m in again] == [(m.byte_start, m.byte_end) for m in mentions]


def _work(args):
    extractor, texts = args
    return extractor.extract_batch(texts)


def _one(args):
    extractor, text = args
    return extractor.extract(text)


@pytest.mark.slow
@pytest.mark.parametrize("method", ["spawn", "fork", "forkserver"])
# Python 3.12+ warns when forking a process that has threads (rayon's pool).
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_multiprocessing_pool(method):
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method here")
    e = Extractor(gazetteers=ENTRIES)
    texts = TEXTS * 5
    expected = e.extract_batch(texts)  # the parent has now used rayon's global pool
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(2) as pool:
        # extract_batch in a forked child must not wait on the parent's pool threads.
        got = pool.map_async(_work, [(e, texts[:10]), (e, texts[10:])]).get(timeout=120)
        singles = pool.map_async(_one, [(e, t) for t in texts]).get(timeout=120)
    assert got[0] + got[1] == expected
    assert singles == expected
