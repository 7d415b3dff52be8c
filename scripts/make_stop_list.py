#!/usr/bin/env python3
"""Lists the place names of a build that are common English words (a helper, not part of the build).

    python3 scripts/build_gazetteers.py --out /tmp/gz
    python3 scripts/make_stop_list.py /tmp/gz data/sources/scowl/english_words.txt

Prints the lower-case dictionary words that a village, town, district,
sub-district or neighbourhood name (or that name without its article) folds
to. The result was reviewed and committed as data/curated/stop_words.txt; the
build itself never reads a dictionary, so it stays reproducible.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gazvariants import ARTICLES, fold  # noqa: E402


def main():
    out_dir, dict_path = sys.argv[1], sys.argv[2]
    words = set()
    with open(dict_path, encoding="utf-8") as fh:
        for w in fh:
            w = w.strip()
            if w and w == w.lower() and "'" not in w:
                words.add(fold(w))
    found = set()
    for f in ("places", "camps"):
        with open(os.path.join(out_dir, f + ".tsv"), encoding="utf-8") as fh:
            for line in fh:
                if line.startswith(("#", "id\t")):
                    continue
                r = line.rstrip("\n").split("\t")
                if r[3] not in ("village", "town", "district", "subdistrict", "neighbourhood"):
                    continue
                for n in [r[1]] + r[4].split("|"):
                    k = fold(n)
                    ws = k.split(" ")
                    for x in [k] + ([ws[1]] if len(ws) == 2 and ws[0] in ARTICLES else []):
                        if " " not in x and x in words:
                            found.add(x)
    print("\n".join(sorted(found)))


if __name__ == "__main__":
    main()
