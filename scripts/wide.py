#!/usr/bin/env python3
"""Score the analyser on the wide corpora against the gold made by reading.

    scripts/wide.py [--corpus ofsted|area|all] [--shape pdf|plain|layout|all] [--split dev|test|all]
                    [--lens target/release/lens] [--quiet]

Each report of ../shared/corpus/ofsted-wide/ and ../shared/corpus/area-inspections/ is run
through the CLI three ways: from the PDF (the page's pdf.js code under Node), and from
`pdftotext` text, plain and `-layout`. Each result is compared with its gold file in
tests/fixtures/gold/{ofsted-wide,area-inspections}/ and one line per report is printed:
kind, framework, authority, period, judgements right / expected (and wrong, invented),
stated items found / expected, and whether a shortfall was warned about. The last line is
the totals. Measure on --split test (the documents held out while developing) before saying
anything is resolved. Each report's table is also checked against its own text ("body r/n":
judgements the text restates with the same grade). Exits 1 when any Ofsted judgement is wrong
or invented, a report is short of judgements with no warning, or a warning says the table and
the text disagree (the gold agrees with every table, so that warning would be false) (`./dev test` runs it when ../shared is present).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "corpus")
CORPORA = {"ofsted": ("ofsted-wide", "gold/ofsted-wide"), "area": ("area-inspections", "gold/area-inspections")}
CACHE = os.path.join(ROOT, "target", "wide")


def norm(s):
    s = unicodedata.normalize("NFKC", s or "").lower()
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"[^a-z0-9£%]+", " ", s).strip()


PLACE_WORDS = {"council", "borough", "city", "of", "county", "metropolitan", "district", "london", "royal", "the",
               "local", "authority", "area", "partnership", "and", "children", "s", "services"}


def place(s):
    return [w for w in norm(s).split() if w not in PLACE_WORDS]


def same_place(a, b):
    pa, pb = place(a), place(b)
    if not pa and not pb:  # every word a place word: "City of London"
        return bool(norm(a)) and norm(a) == norm(b)
    return bool(pa) and bool(pb) and (set(pa) <= set(pb) or set(pb) <= set(pa))


def date_tokens(s):
    return set(re.findall(r"\d+|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*", norm(s)))


def same_area(a, b):
    wa, wb = set(norm(a).split()) - {"the", "of", "and"}, set(norm(b).split()) - {"the", "of", "and"}
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.75


def text_of(pdf, shape):
    """The path of the input for one shape, made once into the cache."""
    if shape == "pdf":
        return pdf
    os.makedirs(CACHE, exist_ok=True)
    out = os.path.join(CACHE, os.path.basename(pdf)[:-4] + (".layout.txt" if shape == "layout" else ".txt"))
    if not os.path.exists(out):
        args = ["pdftotext"] + (["-layout"] if shape == "layout" else []) + [pdf, out]
        if subprocess.run(args, capture_output=True).returncode != 0:
            # Not a PDF (a saved web page): give the bytes as they are.
            with open(pdf, "rb") as f, open(out, "wb") as g:
                g.write(f.read())
    return out


def run_lens(lens, paths):
    r = subprocess.run([lens, "analyse", "--format", "json"] + paths, capture_output=True)
    try:
        return json.loads(r.stdout)
    except json.JSONDecodeError:
        sys.exit(f"lens gave no JSON: {r.stderr.decode()[-500:]}")


def stated_items(report):
    return [norm(g["text"]) for g in report.get("gaps", []) if g.get("origin") == "stated_list"]


def stated_scopes(report):
    return [(norm(g["text"]), g.get("scope") or "council") for g in report.get("gaps", []) if g.get("origin") == "stated_list"]


def item_found(prefix, items):
    p = norm(prefix)[:35].strip()
    return any(i.startswith(p) or p in i[:80] for i in items)


def item_scope(prefix, scoped):
    """The scope of the item found by `prefix`, or None."""
    p = norm(prefix)[:35].strip()
    return next((sc for i, sc in scoped if i.startswith(p) or p in i[:80]), None)


def score_ofsted(gold, rep):
    s = {"judgements": len(gold["judgements"]), "right": 0, "wrong": 0, "missing": 0, "invented": 0,
         "items": sum(len(l["items"]) for l in gold["stated_lists"]), "items_found": 0}
    if gold["kind"] == "not_a_report":
        s["ok_kind"] = "error" in rep
        return s
    s["ok_kind"] = rep.get("kind") == gold["kind"]
    s["ok_authority"] = same_place(rep.get("authority") or "", gold["authority"] or "")
    s["ok_period"] = gold["period"] is None or (rep.get("period") and date_tokens(rep["period"]) >= date_tokens(gold["period"]))
    s["framework"] = rep.get("framework")
    s["ok_framework"] = rep.get("framework") == gold["framework"]
    got = list(rep.get("judgements", []))
    for j in gold["judgements"]:
        scope = j.get("scope") or "council"
        match = [g for g in got if same_area(g["area"], j["area"]) and (g.get("scope") or "council") == scope
                 and (g.get("parent") is None) == (j.get("parent") is None)]
        if not match:
            s["missing"] += 1
            continue
        g = match[0]
        got.remove(g)
        if g["grade"] == j["grade"]:
            s["right"] += 1
        else:
            s["wrong"] += 1
    s["invented"] = len(got)
    items = stated_items(rep)
    s["items_found"] = sum(item_found(i, items) for l in gold["stated_lists"] for i in l["items"])
    # The Priorities card leads with the report's own list: each gold item should be on it.
    prio = [norm(p["text"]) for p in rep.get("priorities", []) if p.get("origin") == "stated_list"]
    s["on_priorities"] = sum(item_found(i, prio) for l in gold["stated_lists"] for i in l["items"])
    # Whose list each found item is on: the council's or the LSCB's.
    scoped = stated_scopes(rep)
    found_scopes = [(item_scope(i, scoped), l.get("scope") or "council") for l in gold["stated_lists"] for i in l["items"]]
    s["scope_right"] = sum(1 for got, want in found_scopes if got == want)
    # Items on no list of the gold: a paragraph after the list read as one of its items.
    golds = [norm(i)[:35].strip() for l in gold["stated_lists"] for i in l["items"]]
    s["extra"] = sum(1 for i in items if not any(i.startswith(p) or p in i[:80] for p in golds))
    # The table checked against the report's own text: judgements it restates with the same
    # grade, and warnings that it grades one otherwise (none is right: the gold agrees with
    # every table, so such a warning would be false).
    s["restated"] = sum(1 for g in rep.get("judgements", []) if g.get("restated"))
    s["read"] = len(rep.get("judgements", []))
    s["disagree"] = sum(1 for w in rep.get("warnings", []) if "but the report's text says" in w or "but its section heading says" in w)
    short = s["missing"] + s["wrong"] > 0
    # Silent: short, and no warning says anything about the judgements.
    s["silent"] = short and not any("judgement" in w.lower() for w in rep.get("warnings", []))
    return s


def gap_lists(gold):
    """The gold's lists of what must improve: a JTAI letter's "Strengths" list is findings (issue
    15), not a stated gap, so it is not scored as one."""
    return [l for l in gold["stated_lists"] if "strength" not in (l.get("section") or "").lower()]


def score_area(gold, rep):
    s = {"items": sum(len(l["items"]) for l in gap_lists(gold)), "items_found": 0}
    s["ok_kind"] = rep.get("kind") == gold["kind"]
    s["framework"] = rep.get("framework")
    s["ok_framework"] = rep.get("framework") == gold["framework"]
    s["ok_authority"] = same_place(rep.get("authority") or "", gold["area"] or "")
    s["ok_period"] = gold["period"] is None or (rep.get("period") and date_tokens(rep["period"]) >= date_tokens(gold["period"]))
    outcome = [j["grade"] for j in rep.get("judgements", []) if j.get("area") == "Inspection outcome"]
    s["ok_outcome"] = (outcome[:1] == [gold["outcome"]]) if gold.get("outcome") else not rep.get("judgements")
    s["ok_agencies"] = set(rep.get("agencies", [])) == set(gold.get("agencies") or [])
    s["ok_theme"] = gold.get("theme") is None or same_area(rep.get("theme") or "", gold["theme"])
    items = stated_items(rep)
    s["items_found"] = sum(item_found(i["text"], items) for l in gap_lists(gold) for i in l["items"])
    # Items on no list of the gold (a strengths bullet, a paragraph after the list).
    golds = [norm(i["text"])[:35].strip() for l in gap_lists(gold) for i in l["items"]]
    s["extra"] = sum(1 for i in items if not any(i.startswith(p) or p in i[:80] for p in golds))
    # The body each item is addressed to (a priority action's "Responsible body", or a partner
    # the item names as its subject): right when the gold names the same body, or none.
    addressed = [(norm(g.get("section") or ""), norm(g["text"]), norm(g.get("agency") or ""))
                 for g in rep.get("gaps", []) if g.get("origin") == "stated_list"]
    s["agency_named"] = s["agency_right"] = s["agency_wrong"] = 0
    for l in gap_lists(gold):
        for i in l["items"]:
            p = norm(i["text"])[:35].strip()
            got = next((a for sec, t, a in addressed if sec == norm(l["section"]) and (t.startswith(p) or p in t[:80])), None)
            if got is None:
                continue
            want = norm(i.get("agency") or "")
            s["agency_named"] += bool(want)
            s["agency_right"] += bool(want) and got == want
            s["agency_wrong"] += bool(got) and got != want
    return s


def mark(ok):
    return "✓" if ok else "✗"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="all", choices=["ofsted", "area", "all"])
    ap.add_argument("--shape", default="all", choices=["pdf", "plain", "layout", "all"])
    ap.add_argument("--split", default="all", choices=["dev", "test", "all"])
    ap.add_argument("--lens", default=os.path.join(ROOT, "target", "release", "lens"))
    ap.add_argument("--quiet", action="store_true", help="totals only")
    a = ap.parse_args()
    if not os.path.isdir(SHARED):
        print(f"wide: {SHARED} is not beside this clone; nothing to score")
        return 0
    shapes = ["pdf", "plain", "layout"] if a.shape == "all" else [a.shape]
    corpora = ["ofsted", "area"] if a.corpus == "all" else [a.corpus]
    totals = {}
    for corpus in corpora:
        folder, gold_dir = CORPORA[corpus]
        golds = []
        for name in sorted(os.listdir(os.path.join(ROOT, "tests", "fixtures", gold_dir))):
            g = json.load(open(os.path.join(ROOT, "tests", "fixtures", gold_dir, name)))
            if a.split in ("all", g["split"]):
                golds.append(g)
        for shape in shapes:
            paths = [text_of(os.path.join(SHARED, folder, g["file"]), shape) for g in golds]
            reports = run_lens(a.lens, paths)
            t = totals.setdefault((corpus, shape), {})
            for g, r in zip(golds, reports):
                s = (score_ofsted if corpus == "ofsted" else score_area)(g, r)
                for k, v in s.items():
                    if isinstance(v, bool):
                        t[k] = t.get(k, 0) + int(v)
                    elif isinstance(v, int):
                        t[k] = t.get(k, 0) + v
                t["reports"] = t.get("reports", 0) + 1
                if a.quiet:
                    continue
                fw = g["framework"]
                if corpus == "ofsted":
                    print(f"{shape:6} {g['file'][:-4]:42} {fw:26} kind{mark(s['ok_kind'])}"
                          + (f" fw{mark(s['ok_framework'])} auth{mark(s['ok_authority'])} dates{mark(s['ok_period'])}"
                             f" judgements {s['right']}/{s['judgements']} wrong {s['wrong']} invented {s['invented']}"
                             f" body {s['restated']}/{s['read']}{' DISAGREES' if s['disagree'] else ''}"
                             f" items {s['items_found']}/{s['items']} scope {s.get('scope_right')} extra {s.get('extra')}{' SILENT' if s['silent'] else ''}"
                             if "ok_authority" in s else ""))
                else:
                    print(f"{shape:6} {g['file'][:-4]:42} {fw:16} kind{mark(s['ok_kind'])} fw{mark(s['ok_framework'])}"
                          f" area{mark(s['ok_authority'])} dates{mark(s['ok_period'])} outcome{mark(s['ok_outcome'])}"
                          f" theme{mark(s['ok_theme'])} agencies{mark(s['ok_agencies'])}"
                          f" items {s['items_found']}/{s['items']} extra {s['extra']}"
                          f" addressed {s['agency_right']}/{s['agency_named']} wrong {s['agency_wrong']}")
    print()
    for (corpus, shape), t in totals.items():
        n = t["reports"]
        if corpus == "ofsted":
            print(f"{corpus}/{shape}: {n} reports; kind {t.get('ok_kind', 0)}/{n}, framework {t.get('ok_framework', 0)},"
                  f" authority {t.get('ok_authority', 0)}, dates {t.get('ok_period', 0)};"
                  f" judgements {t.get('right', 0)}/{t.get('judgements', 0)} right, {t.get('wrong', 0)} wrong,"
                  f" {t.get('invented', 0)} invented, {t.get('silent', 0)} reports short without a warning;"
                  f" restated in the text {t.get('restated', 0)}/{t.get('read', 0)}, {t.get('disagree', 0)} false disagreements;"
                  f" stated items {t.get('items_found', 0)}/{t.get('items', 0)}"
                  f" (council's or LSCB's told right for {t.get('scope_right', 0)}), {t.get('extra', 0)} extra;"
                  f" on the Priorities card {t.get('on_priorities', 0)}")
        else:
            print(f"{corpus}/{shape}: {n} reports; kind {t.get('ok_kind', 0)}/{n}, framework {t.get('ok_framework', 0)},"
                  f" area {t.get('ok_authority', 0)}, dates {t.get('ok_period', 0)}, outcome {t.get('ok_outcome', 0)},"
                  f" theme {t.get('ok_theme', 0)}, agencies {t.get('ok_agencies', 0)};"
                  f" stated items {t.get('items_found', 0)}/{t.get('items', 0)}, {t.get('extra', 0)} extra;"
                  f" of the items found that the gold addresses to a body, {t.get('agency_right', 0)}/{t.get('agency_named', 0)}"
                  f" given that body, {t.get('agency_wrong', 0)} items given a body the gold does not name")
    # A wrong or invented Ofsted judgement, or a short table with no warning, fails the run.
    bad = [f"{c}/{s}" for (c, s), t in totals.items()
           if c == "ofsted" and t.get("wrong", 0) + t.get("invented", 0) + t.get("silent", 0) + t.get("disagree", 0)]
    if bad:
        print(f"wide: wrong, invented or silently missing judgements, or a table said to disagree with a text that agrees, in {', '.join(bad)}")
        return 1
    # An area report of the wrong kind or framework, or with a wrong or invented outcome, fails too.
    bad = [f"{c}/{s}" for (c, s), t in totals.items()
           if c == "area" and min(t.get("ok_kind", 0), t.get("ok_framework", 0), t.get("ok_outcome", 0)) < t["reports"]]
    if bad:
        print(f"wide: an area inspection of the wrong kind or framework, or a wrong or invented outcome, in {', '.join(bad)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
