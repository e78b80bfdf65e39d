"""Independent computation of the diversity metrics, to check lib/diversity against (numpy only).

Usage: python3 diversity_metrics.py <input.json>
input: {"texts": [...], "grid": {"topics": [...], "audiences": [...], "items": [[topic, audience], ...]}}
prints JSON: distinct (n=1..3), compression (gzip level 9), tfidf vendi and dispersion, grid entropy.
Tokenization: re.findall(r"\\w+", text.lower()); TF-IDF: sublinear tf, smooth idf, l2 rows.
"""
import gzip
import json
import math
import re
import sys

import numpy as np


def tokens(text):
    return re.findall(r"\w+", text.lower())


def distinct(docs, n):
    grams = [tuple(d[i:i + n]) for d in docs for i in range(len(d) - n + 1)]
    return {"n": n, "distinct": len(set(grams)), "total": len(grams), "ratio": len(set(grams)) / len(grams) if grams else None}


def tfidf(docs):
    vocab = {}
    for d in docs:
        for t in d:
            vocab.setdefault(t, len(vocab))
    X = np.zeros((len(docs), len(vocab)))
    for i, d in enumerate(docs):
        for t in d:
            X[i, vocab[t]] += 1
    df = (X > 0).sum(axis=0)
    idf = np.log((1 + len(docs)) / (1 + df)) + 1
    X = np.where(X > 0, 1 + np.log(np.where(X > 0, X, 1)), 0) * idf
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    return X / np.where(norms > 0, norms, 1), len(vocab)


def vendi_and_dispersion(X):
    n = X.shape[0]
    K = X @ X.T
    np.fill_diagonal(K, 1.0)
    lam = np.linalg.eigvalsh(K / n)
    lam = lam[lam > 0]
    vendi = float(np.exp(-(lam * np.log(lam)).sum()))
    iu = np.triu_indices(n, 1)
    return vendi, float((1 - K[iu]).mean())


def grid_entropy(grid):
    counts = {(t, a): 0 for t in grid["topics"] for a in grid["audiences"]}
    for t, a in grid["items"]:
        if (t, a) in counts:
            counts[(t, a)] += 1
    c = np.array(list(counts.values()), dtype=float)
    p = c[c > 0] / c.sum()
    return float(-(p * np.log(p)).sum() / math.log(len(c)))


def main():
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    texts = data["texts"]
    docs = [tokens(t) for t in texts]
    raw = "\n".join(texts).encode("utf-8")
    X, vocab = tfidf(docs)
    vendi, dispersion = vendi_and_dispersion(X)
    out = {
        "distinct": [distinct(docs, n) for n in (1, 2, 3)],
        "compression": len(gzip.compress(raw, compresslevel=9, mtime=0)) / len(raw),
        "vocabulary": vocab,
        "vendi": vendi,
        "dispersion": dispersion,
        "entropy": grid_entropy(data["grid"]) if data.get("grid") else None,
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
