"""One extractor shared by many threads; the GIL is released while extracting."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import tallystick
from tallystick import Extractor

from conftest import ENTRIES, check_mentions

TEXTS = [
    "Relief Now brought 3.3 tons of food to Camp Hope on 12 July 2019.",
    "Citizens of Homs and al-Rastan received aid from UNHCR.",
    "Хорошо — Podgorny, Qaryat al-Tayr «Camp Hope» 👨‍👩‍👧",
    "",
] * 25


def test_threads_share_one_extractor():
    e = Extractor(gazetteers=ENTRIES)
    expected = [e.extract(t) for t in TEXTS]

    def single(i):
        return e.extract(TEXTS[i])

    def batch(i):
        return e.extract_batch(TEXTS[i : i + 10], threads=2)

    with ThreadPoolExecutor(max_workers=8) as pool:
        singles = list(pool.map(single, range(len(TEXTS))))
        batches = list(pool.map(batch, range(0, len(TEXTS), 10)))
        module = list(pool.map(tallystick.extract, TEXTS))
    assert singles == expected
    assert [m for b in batches for m in b] == expected
    for t, ms in zip(TEXTS, module):
        check_mentions(t, ms)


def test_extractors_built_in_threads():
    with ThreadPoolExecutor(max_workers=4) as pool:
        built = list(pool.map(lambda k: Extractor(gazetteers=ENTRIES, kinds=[k]),
                              ["place", "camp", "actor", "place"]))
    assert [b.kinds for b in built] == [("place",), ("camp",), ("actor",), ("place",)]


def test_the_gil_is_released_during_extraction(dev_docs):
    """While a long extraction runs in another thread, this thread keeps running."""
    e = Extractor()
    big = "\n".join(d["text"] for d in dev_docs) * 100
    start = time.perf_counter()
    e.extract(big)
    duration = time.perf_counter() - start
    done = threading.Event()
    ticks: list[float] = []

    def work():
        e.extract(big)
        done.set()

    t = threading.Thread(target=work)
    t.start()
    while not done.is_set():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    t.join()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(ticks) > 5
    # Holding the GIL would stall this loop for the whole extraction.
    assert max(gaps) < max(duration * 0.5, 0.05), (max(gaps), duration)


def test_a_batch_of_many_slices_keeps_input_order_and_dates():
    """A batch larger than one slice (over 1,024 documents or 1 MB) is
    extracted and converted in overlapping slices: same result, same order,
    each document with its own date, on any number of threads."""
    e = Extractor(gazetteers=ENTRIES)
    texts = [f"On 3 May, {i} people reached Camp Hope near Homs." for i in range(2600)]
    texts[1500] = "x" * (1 << 20)  # one large document ends a slice early
    dates = [None if i % 3 else f"{2000 + i % 20}-12-31" for i in range(len(texts))]
    expected = [e.extract(t, date=d) for t, d in zip(texts, dates)]
    for threads in (None, 2, 3, 1):
        got = e.extract_batch(texts, threads=threads, dates=dates)
        assert got == expected, threads
    assert [m.value for m in got[7] if m.kind == "quantity"] == [7.0]
    assert [m.value for m in got[6] if m.kind == "date"] == ["2006-05-03"]


def test_a_failing_slice_raises_and_leaves_no_thread_behind():
    e = Extractor(gazetteers=ENTRIES)
    before = threading.active_count()
    texts = ["Homs"] * 3000
    try:
        e.extract_batch(texts, threads=0)
    except tallystick.InvalidArgumentError as err:
        assert "at least 1" in str(err)
    else:
        raise AssertionError("threads=0 must fail")
    assert threading.active_count() == before


def test_a_batch_of_large_documents_on_several_threads():
    """Documents of about 1 MB each: slices still hold several per thread."""
    e = Extractor(gazetteers=ENTRIES)
    block = "Relief Now brought 3.3 tons of food to Camp Hope near Homs on 12 July 2019. " * 13000
    texts = [block + f" {i} families left." for i in range(20)]
    expected = [e.extract(t) for t in texts[:2]]
    got = e.extract_batch(texts, threads=2)
    assert len(got) == 20
    assert got[:2] == expected
    assert [m.value for m in got[19] if m.kind == "quantity"][-1] == 19.0
