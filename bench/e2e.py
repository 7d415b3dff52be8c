#!/usr/bin/env python3
"""End-to-end throughput of tallystick beside the tools users would pick instead.

    python3 -m pip install -r bench/requirements.txt      # the peers (optional)
    python3 bench/e2e.py                                   # 50 MB corpus, every tool
    python3 bench/e2e.py --size-mb 0.2 --tools tallystick-1t,tallystick-cli   # smoke run

The corpus is generated deterministically from the paragraphs of
../shared/corpus/dev/docs.jsonl (press releases), shuffled with a fixed seed
into documents of 3 to 12 paragraphs, until it reaches --size-mb. Each tool
runs in its own process, so its peak RSS is its own (from wait4). Peers get
the same gazetteer names as tallystick (every name, alias and Arabic name of
data/gazetteer/*.tsv):

- tallystick through the Python batch API on 1 thread and on all cores, and
  through the CLI (all kinds: names, quantities, dates, where);
- pyahocorasick (leftmost-longest over lower-cased text, whole-word check),
  flashtext (KeywordProcessor), spaCy's PhraseMatcher (attr LOWER, blank
  English tokenizer), all three names only;
- quantulum3 on a slice of the corpus (it is far slower).

Prints MB/s, documents/s and peak RSS per tool with each one's speed relative
to tallystick on one thread, and writes the Markdown table to --out.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DOCS = ROOT.parent / "shared" / "corpus" / "dev" / "docs.jsonl"
TOOLS = [
    "tallystick-1t",
    "tallystick-all",
    "tallystick-cli",
    "pyahocorasick",
    "flashtext",
    "spacy-phrasematcher",
    "quantulum3",
]
# quantulum3 runs on this share of the corpus (it is ~1000x slower).
SLICE_BYTES = {"quantulum3": 200_000}


def make_corpus(docs_path: Path, size_mb: float, out: Path) -> Path:
    """Writes a deterministic JSONL corpus of about size_mb megabytes."""
    paragraphs = []
    with docs_path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                text = json.loads(line)["text"]
                paragraphs += [p.strip() for p in text.split("\n\n") if len(p.strip()) > 40]
    rng = random.Random(20261122)
    target = int(size_mb * 1_000_000)
    written = 0
    n = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        while written < target:
            text = "\n\n".join(rng.choice(paragraphs) for _ in range(rng.randint(3, 12)))
            fh.write(json.dumps({"id": f"doc-{n:07d}", "text": text}, ensure_ascii=False) + "\n")
            written += len(text.encode("utf-8"))
            n += 1
    return out


def gazetteer_names() -> list[str]:
    names: set[str] = set()
    for path in sorted((ROOT / "data" / "gazetteer").glob("*.tsv")):
        with path.open(encoding="utf-8") as fh:
            header = None
            for line in fh:
                if not line.strip() or line.startswith("#"):
                    continue
                fields = line.rstrip("\n").split("\t")
                if header is None:
                    header = fields
                    continue
                row = dict(zip(header, fields))
                names.add(row.get("name", ""))
                names.update(a for a in row.get("aliases", "").split("|"))
                names.add(row.get("name_ar", ""))
    return sorted(n.strip() for n in names if len(n.strip()) > 1)


def load_texts(corpus: Path, limit_bytes: int | None = None) -> list[str]:
    texts, total = [], 0
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            t = json.loads(line)["text"]
            if limit_bytes is not None and total >= limit_bytes:
                break
            texts.append(t)
            total += len(t.encode("utf-8"))
    return texts


# --- one tool, run inside its own process -------------------------------------------------


def run_tool(tool: str, corpus: Path) -> dict:
    texts = load_texts(corpus, SLICE_BYTES.get(tool))
    size = sum(len(t.encode("utf-8")) for t in texts)
    found = 0
    if tool.startswith("tallystick-"):
        import tallystick

        extractor = tallystick.Extractor()
        threads = 1 if tool == "tallystick-1t" else None
        start = time.perf_counter()
        for i in range(0, len(texts), 2000):
            for mentions in extractor.extract_batch(texts[i : i + 2000], threads=threads):
                found += len(mentions)
    elif tool == "pyahocorasick":
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for name in gazetteer_names():
            key = name.lower()
            automaton.add_word(key, len(key))
        automaton.make_automaton()
        start = time.perf_counter()
        for text in texts:
            lower = text.lower()
            n = len(lower)
            for end, length in automaton.iter_long(lower):
                s = end - length + 1
                if (s == 0 or not lower[s - 1].isalnum()) and (end + 1 == n or not lower[end + 1].isalnum()):
                    found += 1
    elif tool == "flashtext":
        from flashtext import KeywordProcessor

        kp = KeywordProcessor(case_sensitive=False)
        for name in gazetteer_names():
            kp.add_keyword(name)
        start = time.perf_counter()
        for text in texts:
            found += len(kp.extract_keywords(text, span_info=True))
    elif tool == "spacy-phrasematcher":
        import spacy
        from spacy.matcher import PhraseMatcher

        nlp = spacy.blank("en")
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        matcher.add("NAME", list(nlp.tokenizer.pipe(gazetteer_names())))
        start = time.perf_counter()
        for doc in nlp.tokenizer.pipe(texts, batch_size=256):
            found += len(matcher(doc))
    elif tool == "quantulum3":
        from quantulum3 import parser

        start = time.perf_counter()
        for text in texts:
            found += len(parser.parse(text))
    else:
        raise SystemExit(f"unknown tool {tool!r}: expected one of {', '.join(TOOLS)}")
    seconds = time.perf_counter() - start
    return {"tool": tool, "bytes": size, "docs": len(texts), "seconds": seconds, "found": found}


# --- the driver ---------------------------------------------------------------------------


def measure(tool: str, corpus: Path) -> dict | None:
    if tool == "tallystick-cli":
        size = corpus.stat().st_size
        docs = sum(1 for _ in corpus.open(encoding="utf-8"))
        cmd = [sys.executable, "-m", "tallystick", "extract", str(corpus), "-o", os.devnull, "--quiet"]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        if status != 0:
            print(f"{tool}: exit status {status}", file=sys.stderr)
            return None
        # The CLI's time includes start-up and JSON writing; its bytes include JSON framing.
        return {"tool": tool, "bytes": size, "docs": docs, "seconds": seconds, "found": None, "rss_mb": usage.ru_maxrss / 1024}
    cmd = [sys.executable, __file__, "--child", tool, "--corpus", str(corpus)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate()
    if proc.returncode != 0:
        last = err.strip().splitlines()[-1] if err.strip() else f"exit {proc.returncode}"
        print(f"{tool}: skipped ({last})", file=sys.stderr)
        return None
    return json.loads(out.strip().splitlines()[-1])


def table(results: list[dict]) -> str:
    base = next((r for r in results if r["tool"] == "tallystick-1t"), None)
    lines = [
        "| tool | MB/s | docs/s | peak RSS (MB) | MB measured | relative to tallystick (1 thread) |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        mbs = r["bytes"] / 1e6 / r["seconds"]
        rel = ""
        if base:
            rel = f"{mbs / (base['bytes'] / 1e6 / base['seconds']):.3g}×"
        lines.append(
            f"| {r['tool']} | {mbs:.2f} | {r['docs'] / r['seconds']:.0f} | {r['rss_mb']:.0f} | {r['bytes'] / 1e6:.1f} | {rel} |"
        )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=float, default=50.0, help="corpus size (default 50)")
    ap.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="source documents (JSONL)")
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of: " + ", ".join(TOOLS))
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md", help="Markdown table to write")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        result = run_tool(args.child, args.corpus)
        import resource

        result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return

    tools = [t for t in args.tools.split(",") if t]
    for t in tools:
        if t not in TOOLS:
            ap.error(f"unknown tool {t!r}: expected one of {', '.join(TOOLS)}")
    corpus = ROOT / "target" / "bench" / f"corpus-{args.size_mb:g}mb.jsonl"
    if not corpus.exists():
        make_corpus(args.docs, args.size_mb, corpus)
    print(f"corpus: {corpus} ({corpus.stat().st_size / 1e6:.1f} MB), {os.cpu_count()} cores", file=sys.stderr)
    results = []
    for tool in tools:
        print(f"running {tool} ...", file=sys.stderr)
        r = measure(tool, corpus)
        if r:
            results.append(r)
    md = table(results)
    print(md)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        f"Corpus: {corpus.stat().st_size / 1e6:.1f} MB generated by `bench/e2e.py`, {os.cpu_count()} cores.\n\n{md}\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
