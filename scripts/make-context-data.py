#!/usr/bin/env python3
"""The official children's social care figures the page carries, made from the CSVs.

Reads data/children-social-care/*.csv (Ofsted official statistics as at 31 March 2025 and the
DfE statistical neighbour model 2025; see that folder's README) and writes
src/analysis/context/england.tsv, which the core embeds (include_str!). Never edit the TSV by
hand: change the CSVs (or this script) and run it again. Deterministic. `--check` compares
instead of writing (tests/context.rs runs it).

Lines (tab-separated; grades as O/G/R/I, blank when none):
  #...                                  comments: source, date
  C code old_code name region           a council (E-code, DfE three-digit code)
  L code insp overall leaders help care leavers     its latest ILACS inspection
  H code insp type overall leaders help care leavers [name]   one inspection since 2018 (the
                                        name only for councils that no longer exist)
  V code insp type overall theme        a 2024-25 inspection or visit
Publication dates are left out (the page carries what it shows; the CSVs keep them).
  N code n1:c n2:c ...                  its ten statistical neighbours, by old code, closeness
                                        (c = C close, S somewhat close, N not close, …)
"""
import csv
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data", "children-social-care")
OUT = os.path.join(ROOT, "src", "analysis", "context", "england.tsv")
GRADE = {"Outstanding": "O", "Good": "G", "Requires improvement to be good": "R", "Inadequate": "I", "": ""}
AREAS = [
    "Overall effectiveness",
    "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection",
    "The experiences and progress of children in care",
    "The experiences and progress of care leavers",
]


def rows(name):
    with open(os.path.join(DATA, name), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def grades(r):
    return [GRADE[r.get(a, "").strip()] for a in AREAS]


def closeness(c):
    c = c.strip().lower()
    return {"close": "C", "somewhat close": "S", "not close": "N", "very close": "V"}.get(c, c[:1].upper() or "?")


def main():
    latest = rows("ofsted_ilacs_latest_as_at_2025-03-31.csv")
    history = rows("ofsted_ilacs_history_2018-2025.csv")
    visits = rows("ofsted_ilacs_visits_2024-25.csv")
    neighbours = rows("statistical_neighbours_2025.csv")

    def key(n):
        import re
        n = n.lower().replace("&", "and")
        n = re.sub(r"[^a-z ]", " ", n)
        drop = {"city", "of", "the", "county", "council", "borough", "and", "upon", "on"}
        return " ".join(w for w in n.split() if w not in drop)

    old_code = {key(r["la_name"]): r["old_la_code"].strip() for r in neighbours}
    out = [
        "# Made by scripts/make-context-data.py from data/children-social-care/*.csv: do not edit.",
        "# Ofsted, Local authority inspection outcomes as at 31 March 2025 (official statistics, published 25 September 2025);",
        "# DfE children's services statistical neighbour model 2025. Crown copyright, Open Government Licence v3.0.",
        "#as_at\t2025-03-31",
    ]
    for r in latest:
        code, name = r["Local authority area code"].strip(), r["Local authority name"].strip()
        oc = old_code.get(key(name))
        if oc is None:
            raise SystemExit(f"no statistical-neighbour row for {name}")
        out.append("\t".join(["C", code, oc, name, r["Ofsted region"].strip()]))
        out.append("\t".join(["L", code, r["Inspection date"].strip()] + grades(r)))
    current = {r["Local authority area code"].strip() for r in latest}
    for r in history:
        code = r["Local authority area code"].strip()
        gone = [] if code in current else [r["Local authority name"].strip()]
        out.append("\t".join(["H", code, r["Inspection date"].strip(), r["Inspection type"].strip()] + grades(r) + gone))
    for r in visits:
        out.append(
            "\t".join(
                ["V", r["Local authority area code"].strip(), r["Inspection/Visit date"].strip(),
                 r["Inspection/Visit type"].strip(), GRADE[r["Overall effectiveness"].strip()], r["Visit Theme"].strip()]
            )
        )
    for r in neighbours:
        code = next(l["Local authority area code"].strip() for l in latest if key(l["Local authority name"]) == key(r["la_name"]))
        pairs = [f"{r[f'SN_{i}'].strip()}:{closeness(r[f'SN_{i}P'])}" for i in range(1, 11)]
        out.append("\t".join(["N", code] + pairs))
    text = "\n".join(out) + "\n"
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                raise SystemExit(f"{OUT} is not what the CSVs make: run scripts/make-context-data.py")
        print(f"{OUT}: as the CSVs make it")
        return
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"{OUT}: {os.path.getsize(OUT)} bytes, {len(out)} lines")


if __name__ == "__main__":
    main()
