#!/usr/bin/env python3
"""The heading each labelled finding sentence sits under, as the analyser reads it.

The findings classifier weighs a sentence's section heading ("…: inadequate", "Areas for
improvement", "What is the area partnership doing that is effective?") beside its words. At
run time the heading is the analyser's own (a finding's `section`), so training and evaluation
must see the same: this script runs `lens` over every labelled document (the text the sentences
were drawn from: pdftotext plain for the wide corpora, the fixture text for the reports), finds
each labelled sentence among the report's findings (by its words) and writes

    tests/fixtures/findings/headings.tsv    id <TAB> heading   (empty when not found / none)

Needs `cargo build --release --bin lens`, pdftotext and ../shared/corpus. Deterministic.
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
wide = __import__("wide")
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus"))
FILES = ["labelled.jsonl", "labelled-extra.jsonl", "labelled-extra2.jsonl", "labelled-extra3.jsonl", "labelled-extra4.jsonl"]


def key(s):
    return re.sub(r"\W+", "", s.lower())


def source(row):
    if row["corpus"] in ("ofsted-wide", "area-inspections"):
        return wide.text_of(os.path.join(SHARED, row["corpus"], row["doc"]), "plain")
    return os.path.join(ROOT, "tests", "fixtures", "reports", row["doc"])


def main():
    lens = os.path.join(ROOT, "target", "release", "lens")
    rows = []
    for name in FILES:
        with open(os.path.join(ROOT, "tests", "fixtures", "findings", name), encoding="utf-8") as f:
            rows += [json.loads(l) for l in f if l.strip()]
    by_doc = {}
    for r in rows:
        by_doc.setdefault(r["doc"], []).append(r)
    found = 0
    out = []
    for doc in sorted(by_doc):
        report = wide.run_lens(lens, [source(by_doc[doc][0])])[0]
        sections = {}
        for f in report.get("findings", []):
            sections.setdefault(key(f["text"]), f.get("section") or "")
        for r in by_doc[doc]:
            h = sections.get(key(r["text"]))
            found += h is not None
            out.append((r["id"], (h or "").replace("\t", " ").replace("\n", " ")))
    out.sort()
    with open(os.path.join(ROOT, "tests", "fixtures", "findings", "headings.tsv"), "w", encoding="utf-8") as f:
        f.write("# id\theading (the analyser's section of the sentence; made by scripts/finding-headings.py)\n")
        for i, h in out:
            f.write(f"{i}\t{h}\n")
    print(f"{found} of {len(rows)} labelled sentences found among their report's findings", file=sys.stderr)


if __name__ == "__main__":
    main()
