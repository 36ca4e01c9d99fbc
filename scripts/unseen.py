#!/usr/bin/env python3
"""Score the CLI on report texts from outside the corpus against gold made by reading.

    python3 scripts/unseen.py DIR [LENS]

DIR holds excerpts (*.txt) and gold.jsonl (one object a line: file, kind, authority, overall,
grades [[area, grade or score], …], published, notes), written by a reader who never ran the
analyser. Prints, per file and in total: kind right, council right, overall right, grades and
scores read of those the text shows, and how many texts miss something *without a warning* —
a silent partial answer, the worst outcome.
"""
import json, os, re, subprocess, sys

def norm_name(s):
    s = (s or "").lower().replace("&", "and").replace("\u2019", "'")
    s = re.sub(r"\b(the|council|city|borough|county|metropolitan|district|of|london)\b", " ", s)
    return " ".join(re.findall(r"[a-z]+", s))

def norm_grade(g):
    if isinstance(g, int) or (isinstance(g, str) and g.strip().isdigit()):
        return str(int(g))
    g = str(g).lower().replace("require ", "requires ").strip(" .")
    for k in ["requires improvement to be good", "requires improvement", "outstanding", "inadequate", "adequate", "good"]:
        if k in g:
            return k
    return g

def main():
    d = sys.argv[1]
    lens = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "target/release/lens")
    gold = [json.loads(l) for l in open(os.path.join(d, "gold.jsonl")) if l.strip()]
    tot = dict(files=0, kind=0, council=0, council_n=0, overall=0, overall_n=0, grades=0, grades_n=0, silent=0, warned=0)
    for g in gold:
        out = subprocess.run([lens, "analyse", os.path.join(d, g["file"])], capture_output=True, text=True).stdout
        r = json.loads(out)[0]
        tot["files"] += 1
        kind = r["kind"] == g["kind"]
        tot["kind"] += kind
        missed = []
        if g.get("authority"):
            tot["council_n"] += 1
            ok = bool(r["authority"]) and norm_name(r["authority"]) == norm_name(g["authority"])
            tot["council"] += ok
            if not ok:
                missed.append("council")
        gold_overall = g.get("overall")
        if gold_overall and norm_grade(gold_overall) in ("requires improvement to be good", "requires improvement", "outstanding", "inadequate", "adequate", "good"):
            tot["overall_n"] += 1
            got = (r.get("overall") or {}).get("rating")
            if not got:
                got = next((j["grade"] for j in r["judgements"] if j["area"] == "Overall effectiveness"), None)
            ok = got is not None and norm_grade(got) == norm_grade(gold_overall)
            tot["overall"] += ok
            if not ok:
                missed.append("overall")
        want = [norm_grade(x[1]) for x in g.get("grades", [])]
        have = [str(s["score"]) for s in r["scores"]] + [norm_grade(j["grade"]) for j in r["judgements"] if j["area"] != "Overall effectiveness"]
        if g["kind"] == "cqc_la_assessment" and len(want) == 9 and len(have) == 9:
            hit = sum(a == b for a, b in zip(want, have))  # both in the framework's order
        else:
            pool = list(have)
            hit = 0
            for w in want:
                if w in pool:
                    pool.remove(w)
                    hit += 1
        tot["grades_n"] += len(want)
        tot["grades"] += hit
        if hit < len(want):
            missed.append(f"grades {hit}/{len(want)}")
        if missed or not kind:
            if r["warnings"]:
                tot["warned"] += 1
            else:
                tot["silent"] += 1
        print(f"{g['file']}: kind {'ok' if kind else r['kind']}; {', '.join(missed) or 'all read'}; warnings {len(r['warnings'])}")
    print(
        f"total: {tot['files']} texts; kind {tot['kind']}/{tot['files']}, council {tot['council']}/{tot['council_n']}, "
        f"overall {tot['overall']}/{tot['overall_n']}, grades and scores {tot['grades']}/{tot['grades_n']}; "
        f"texts with something missed or wrong: {tot['warned']} with a warning, {tot['silent']} silent"
    )

main()
