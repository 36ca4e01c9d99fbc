#!/usr/bin/env python3
"""Sample "finding sentences" from inspection reports for labelling by reading.

Reproducible: fixed seed, sorted inputs, pdftotext (poppler-utils) in plain mode.

    python3 scripts/sample-findings.py            # writes tests/fixtures/findings/unlabelled.jsonl
    python3 scripts/sample-findings.py --stats    # also prints per-corpus / per-split counts

Sources
  reports           tests/fixtures/reports/*.txt  (CQC assessments, Ofsted ILACS, a committee paper pack)
  ofsted-wide       ../shared/corpus/ofsted-wide/*.pdf
  area-inspections  ../shared/corpus/area-inspections/*.pdf  (Area SEND and JTAI letters)

Split by document: wide corpora follow tests/fixtures/wide/SPLIT.tsv ("test" -> test; "dev" -> train,
or dev when int(sha256(file name)) % 4 == 0); tests/fixtures/reports: cqc-hartlepool-2025 and
ofsted-westminster-2025 -> test, cqc-stockton-on-tees-2025 -> dev, the rest -> train.
"""
import argparse
import collections
import hashlib
import json
import os
import random
import re
import subprocess
import sys

SEED = 20261123
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus"))
OUT = os.path.join(ROOT, "tests", "fixtures", "findings", "unlabelled.jsonl")

# quotas (sentences) per group; per-document cap for the wide corpora
QUOTA = {"cqc": 300, "ofsted-fixture": 100, "committee": 150, "ofsted-wide": 750, "area-inspections": 300}
CAP_WIDE = 25
SKIP = {"ofsted-bromley-2012.pdf",            # not a PDF
        "ofsted-barnsley-2023-layout.txt"}    # same report as ofsted-barnsley-2023.txt, other layout

MIN_WORDS, MAX_WORDS = 6, 80

# Applied AFTER the seeded draw (so the draw stays stable): the wide-corpus copy of a report that is also a
# fixture text (its sentences would duplicate, and share ids with, the fixture's), and publisher boilerplate
# the section filters missed.
POST_DROP_DOCS = {"ofsted-middlesbrough-2023.pdf"}
POST_DROP_TEXT = re.compile(r"^(It regulates and inspects|It assesses council children|You may copy all or parts|"
                            r"If you are not happy with the inspection|"
                            r".{0,80}We may not always review all quality statements)")

# sections whose text is not findings: context, data, framework boilerplate, method, annexes
EXCLUDE_SECTION = re.compile(
    r"^(contents|about |demographics|financial facts|local authority rating|quality statement scores|"
    r"how we assess|what people expect|the local authority commitment|information about this inspection|"
    r"information about this local authority|information about the local area|inspection team|"
    r"the inspection team|annex|glossary|what the inspection judgements? mean|what the judgements? mean|"
    r"children living in this area|child protection in this area|children looked after in this area|"
    r"other ofsted inspections|other inspections|ofsted produces|background|appendix|agenda|"
    r"apologies|declarations of interest|date of next meeting|any other urgent items|"
    r"local area partnership details|local authority$|health$|education$|"
    r"(the )?inspection (was|is) (carried|led)|the following inspectors)", re.I)

BOILER = re.compile(
    r"(www\.|https?:|@|gov\.uk|crown copyright|open government licence|office for standards in education|"
    r"if you would like a copy|this publication is available|ofsted produces this report|"
    r"under section \d+ of the|education and inspections act|regulations 20\d\d|subscribe to|"
    r"telephone 0|textphone|national archives|piccadilly gate|this data is reproduced|"
    r"has not been factored into our assessment|\.{4,}|…{2,}|inspection dates?:|report published|"
    r"lead inspector|his majesty’s inspector|her majesty’s inspector|hmi\b|inspectors were)", re.I)

GRADES = re.compile(r"^(outstanding|good|requires improvement( to be good)?|inadequate|adequate|"
                    r"score: ?\d|judgement|grade|\d+(\.\d+)*|page \d+( of \d+)?|[ivx]+)$", re.I)
BULLET = re.compile(r"^([◼■•▪●◦\-\*–\ue000-\uf8ff]|o\s)\s*")
NUMBERED = re.compile(r"^(\d{1,3}|[a-z]|[ivx]+)[.)]\s*$")
TERMINAL = re.compile(r"[.!?][’'\")\]]*$")
ABBREV = re.compile(r"\b(e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|Cllr|No|St|vs|approx|para|Prof)\.$", re.I)


def pdf_text(path):
    r = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True)
    if r.returncode != 0:
        return None
    return r.stdout.decode("utf-8", "replace")


def is_terminal(s):
    return bool(TERMINAL.search(s))


def paragraphs(text):
    """Yield (section, paragraph) pairs from extracted text."""
    raw = [l.replace("\f", "").replace("\u00a0", " ").strip() for l in text.replace("\r", "").split("\n")]
    freq = collections.Counter(l for l in raw if l)
    # repeated short lines are page furniture (running headers/footers)
    furniture = {l for l, n in freq.items() if n >= 3 and len(l.split()) <= 14 and not is_terminal(l)
                 and not EXCLUDE_SECTION.match(l)
                 and re.search(r"(\d|inspection|report|council|ofsted|local authority|partnership|children’s services)",
                               l, re.I)}
    furniture |= {l for l, n in freq.items() if n >= 2 and re.search(r"\b(19|20)\d\d\b", l) and len(l) < 110
                  and re.search(r"(inspection|report|letter)", l, re.I) and not is_terminal(l)}
    lines = []
    for l in raw:
        if not l:
            lines.append("")
            continue
        if l in furniture or GRADES.match(l) or l.startswith("[") or l.startswith("!"):
            continue
        lines.append(l)

    section, buf, prev_short, md_heading = None, [], False, False

    def flush():
        nonlocal buf
        if buf:
            para = ""
            for part in buf:
                if para.endswith("-") and part[:1].islower():
                    para += part
                else:
                    para = (para + " " + part).strip()
            yield section, para
        buf = []

    def next_content(i):
        for j in range(i + 1, min(i + 4, len(lines))):
            if lines[j]:
                return lines[j]
        return ""

    for i, l in enumerate(lines):
        if not l:
            continue
        if l.startswith("#"):
            yield from flush()
            section = l.lstrip("#").strip().strip("*") or section
            md_heading = True
            continue
        if NUMBERED.match(l):
            yield from flush()
            prev_short = False
            continue
        m = BULLET.match(l)
        if m and len(l) > 2:
            yield from flush()
            buf = [l[m.end():]]
            prev_short = False
            continue
        short = len(l) <= 70 and not re.search(r"[.,;:]$", l) and len(l.split()) <= 12
        nxt = next_content(i)
        buf_ended = not buf or is_terminal(buf[-1]) or l.endswith("?")
        two_line = nxt[:1].islower() and len(nxt) <= 50 and not is_terminal(nxt) and len(l) <= 70
        if short and (buf_ended or prev_short) and (l[:1].isupper() or l[:1].isdigit()) \
                and (not nxt[:1].islower() or two_line):
            yield from flush()
            section = re.sub(r"^\d+(\.\d+)*\.?\s*", "", l)
            prev_short = True
            continue
        if short and prev_short and not buf:
            # continuation of a two-line heading
            section = (section + " " + l) if section else l
            continue
        if buf and is_terminal(buf[-1]) and not l[:1].islower():
            # new sentence after a full stop: keep in same paragraph (sentences split later)
            pass
        buf.append(l)
        prev_short = short and not is_terminal(l)
    yield from flush()


SENT_SPLIT = re.compile(r"(?<=[.!?])[’'\")\]]*\s+(?=[A-Z‘“\"(0-9])")


def sentences(para):
    out = []
    for piece in re.split(r"[\ue000-\uf8ff◼■•▪●]", para):   # bullets left inside a paragraph
        out.extend(_sentences(re.sub(r"\s+", " ", piece).strip()))
    return out


def _sentences(para):
    parts = SENT_SPLIT.split(para)
    out, cur = [], ""
    for p in parts:
        cur = (cur + " " + p).strip() if cur else p
        if ABBREV.search(cur):
            continue
        out.append(cur)
        cur = ""
    if cur:
        out.append(cur)
    return out


def keep(s):
    w = s.split()
    if not (MIN_WORDS <= len(w) <= MAX_WORDS):
        return False
    if not (s[:1].isupper() or s[:1] in "‘“\"("):
        return False
    if not is_terminal(s):
        return False
    if BOILER.search(s):
        return False
    digits = sum(1 for t in w if re.search(r"\d", t))
    if digits / len(w) > 0.25:
        return False
    if sum(1 for t in w if t[:1].isupper()) / len(w) > 0.6:   # title-case runs: headings, names lists
        return False
    return True


def doc_sentences(text):
    out, seen = [], set()
    for section, para in paragraphs(text):
        if section and EXCLUDE_SECTION.match(section.strip()):
            continue
        for s in sentences(para):
            s = re.sub(r"\s+", " ", s).strip()
            if keep(s) and s not in seen:
                seen.add(s)
                out.append((section, s))
    return out


def load_split_tsv():
    m = {}
    with open(os.path.join(ROOT, "tests", "fixtures", "wide", "SPLIT.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("file\t"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3:
                m[parts[0]] = parts[2]
    return m


def wide_split(name, table):
    s = table.get(name)
    if s == "test":
        return "test"
    return "dev" if int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % 4 == 0 else "train"


def report_split(name):
    stem = name.rsplit(".", 1)[0]
    if stem in ("cqc-hartlepool-2025", "ofsted-westminster-2025"):
        return "test"
    if stem == "cqc-stockton-on-tees-2025":
        return "dev"
    return "train"


def collect():
    docs = []   # (group, corpus, name, split, [(section, sentence)])
    table = load_split_tsv()
    rep = os.path.join(ROOT, "tests", "fixtures", "reports")
    for name in sorted(os.listdir(rep)):
        if not name.endswith(".txt") or name in SKIP:
            continue
        with open(os.path.join(rep, name), encoding="utf-8") as f:
            text = f.read()
        group = "cqc" if name.startswith("cqc-") else "ofsted-fixture" if name.startswith("ofsted-") else "committee"
        docs.append((group, "reports", name, report_split(name), doc_sentences(text)))
    for corpus in ("ofsted-wide", "area-inspections"):
        d = os.path.join(SHARED, corpus)
        for name in sorted(os.listdir(d)):
            if not name.endswith(".pdf") or name in SKIP:
                continue
            text = pdf_text(os.path.join(d, name))
            if not text:
                print(f"skip (no text): {name}", file=sys.stderr)
                continue
            docs.append((corpus, corpus, name, wide_split(name, table), doc_sentences(text)))
    return docs


def picked_rows(gdocs, picked):
    """The rows of the sentences picked from each document, in document and sentence order."""
    rows = []
    for d in gdocs:
        stem = d[2].rsplit(".", 1)[0]
        for i in sorted(picked[d[2]]):
            section, text = d[4][i]
            rows.append({"id": f"{stem}#{i}", "doc": d[2], "corpus": d[1], "split": d[3],
                         "section": section, "text": text})
    return rows


def sample(docs):
    rng = random.Random(SEED)
    rows = []
    by_group = collections.defaultdict(list)
    for d in docs:
        by_group[d[0]].append(d)
    for group in sorted(by_group):
        gdocs = [d for d in by_group[group] if d[4]]
        quota = QUOTA[group]
        # equal share per document (spreads the sample over documents and eras), remainder at random
        cap = CAP_WIDE if group in ("ofsted-wide", "area-inspections", "ofsted-fixture") else quota
        share = max(1, min(cap, quota // len(gdocs)))
        picked = {d[2]: [] for d in gdocs}
        left = {}
        for d in gdocs:
            idx = list(range(len(d[4])))
            rng.shuffle(idx)
            picked[d[2]] = idx[:share]
            left[d[2]] = idx[share:]
        total = sum(len(v) for v in picked.values())
        names = [d[2] for d in gdocs]
        while total < quota:
            cands = [n for n in names if left[n] and len(picked[n]) < cap]
            if not cands:
                break
            n = rng.choice(cands)
            picked[n].append(left[n].pop())
            total += 1
        while total > quota:
            n = rng.choice([n for n in names if picked[n]])
            picked[n].pop()
            total -= 1
        rows.extend(picked_rows(gdocs, picked))
    rng.shuffle(rows)   # labelling order: any prefix is a spread over documents and splits
    return [r for r in rows if r["doc"] not in POST_DROP_DOCS and not POST_DROP_TEXT.match(r["text"])]


# The later draws (--extra N): more training sentences, from training and development documents
# only (the test documents stay unread), none drawn before; an equal share from every document of
# a group (round robin), at most `cap` more per document of the wide corpora.
EXTRA = {
    1: {"seed": 20261206, "cap": 40, "out": "unlabelled-extra.jsonl",
        "quota": {"cqc": 900, "ofsted-fixture": 300, "committee": 300, "ofsted-wide": 1700, "area-inspections": 800}},
    2: {"seed": 20261207, "cap": 60, "out": "unlabelled-extra2.jsonl",
        "quota": {"cqc": 1400, "ofsted-fixture": 600, "committee": 200, "ofsted-wide": 4400, "area-inspections": 1600}},
    3: {"seed": 20261208, "cap": 120, "out": "unlabelled-extra3.jsonl",
        "quota": {"cqc": 0, "ofsted-fixture": 0, "committee": 0, "ofsted-wide": 6000, "area-inspections": 2000}},
    4: {"seed": 20261209, "cap": 200, "out": "unlabelled-extra4.jsonl",
        "quota": {"cqc": 0, "ofsted-fixture": 0, "committee": 0, "ofsted-wide": 7600, "area-inspections": 2000}},
}


def sample_extra(docs, draw):
    spec = EXTRA[draw]
    taken = set()
    for name in [OUT] + [os.path.join(os.path.dirname(OUT), EXTRA[d]["out"]) for d in sorted(EXTRA) if d < draw]:
        # An earlier draw as labelled (the repository keeps the labelled rows, not the draw).
        if not os.path.exists(name):
            name = name.replace("unlabelled-", "labelled-")
        with open(name, encoding="utf-8") as f:
            taken |= {json.loads(l)["id"] for l in f if l.strip()}
    rng = random.Random(spec["seed"])
    rows = []
    by_group = collections.defaultdict(list)
    for d in docs:
        if d[3] != "test" and d[2] not in POST_DROP_DOCS:
            by_group[d[0]].append(d)
    for group in sorted(by_group):
        gdocs = [d for d in by_group[group] if d[4]]
        quota = spec["quota"][group]
        cap = spec["cap"] if group in ("ofsted-wide", "area-inspections") else quota
        left = {}
        for d in gdocs:
            stem = d[2].rsplit(".", 1)[0]
            idx = [i for i in range(len(d[4])) if f"{stem}#{i}" not in taken]
            rng.shuffle(idx)
            left[d[2]] = idx
        picked = {d[2]: [] for d in gdocs}
        total = 0
        while total < quota:
            cands = [d[2] for d in gdocs if left[d[2]] and len(picked[d[2]]) < cap]
            if not cands:
                break
            # round robin over documents: every document gives one before any gives two
            least = min(len(picked[n]) for n in cands)
            n = rng.choice([n for n in cands if len(picked[n]) == least])
            picked[n].append(left[n].pop())
            total += 1
        rows.extend(picked_rows(gdocs, picked))
    rng.shuffle(rows)
    return [r for r in rows if not POST_DROP_TEXT.match(r["text"])]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--extra", type=int, choices=sorted(EXTRA), help="a later draw of training sentences")
    ap.add_argument("--out")
    a = ap.parse_args()
    a.out = a.out or (os.path.join(os.path.dirname(OUT), EXTRA[a.extra]["out"]) if a.extra else OUT)
    docs = collect()
    rows = sample_extra(docs, a.extra) if a.extra else sample(docs)
    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if a.stats:
        c = collections.Counter((r["corpus"], r["split"]) for r in rows)
        for k in sorted(c):
            print(*k, c[k], sep="\t")
        print("documents", len({r["doc"] for r in rows}), "sentences", len(rows))
        pool = collections.Counter(d[0] for d in docs for _ in d[4])
        print("pool", dict(pool))


if __name__ == "__main__":
    main()
