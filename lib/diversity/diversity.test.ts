import { describe, expect, it } from "vitest";
import { changedLines } from "./changed-lines";
import { compressionRatio } from "./compression-ratio";
import { exerciseCoverage, textbookGrid } from "./coverage-grid";
import { distinctN } from "./distinct-n";
import { findNearDuplicates } from "./find-near-duplicates";
import { functionNamesOf, nameUniqueness } from "./function-names";
import { candidateProbability, chooseLshParams } from "./lsh-params";
import { estimatedJaccard, makePermutations, minhashSignature } from "./minhash";
import { normalizedEntropy } from "./normalized-entropy";
import { openingOf } from "./opening-of";
import { signBatch } from "./sign-batch";
import { SignatureBuilder } from "./signature-builder";
import { symmetricEigenvalues } from "./symmetric-eigenvalues";
import { denseCosineMatrix, sparseCosineMatrix, tfidfVectors } from "./tfidf-vectors";
import { topNgrams } from "./top-ngrams";
import { similarityStats } from "./vendi-score";
import { wordTokens } from "./word-tokens";

/** A deterministic pseudo-random source for the property tests. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega".split(" ");
function randomText(r: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(r() * WORDS.length)] + Math.floor(r() * 50)).join(" ");
}

describe("wordTokens", () => {
  it("lower-cases and keeps runs of letters, digits and underscores", () => {
    expect(wordTokens("def Add_Two(a, b):\n    return a+b  # Sum!")).toEqual(["def", "add_two", "a", "b", "return", "a", "b", "sum"]);
    expect(wordTokens("Größe 3.14 naïve 東京")).toEqual(["größe", "3", "14", "naïve", "東京"]);
    expect(wordTokens("  ... ")).toEqual([]);
  });
});

describe("distinct-n", () => {
  it("matches a count by hand", () => {
    const docs = ["the cat sat", "The cat ran."].map(wordTokens);
    // unigrams the cat sat the cat ran: 4 distinct of 6; bigrams "the cat" ×2, "cat sat", "cat ran": 3 of 4.
    expect(distinctN(docs, 1)).toEqual({ n: 1, distinct: 4, total: 6, ratio: 4 / 6 });
    expect(distinctN(docs, 2)).toEqual({ n: 2, distinct: 3, total: 4, ratio: 3 / 4 });
    expect(distinctN(docs, 3)).toEqual({ n: 3, distinct: 2, total: 2, ratio: 1 });
    // n-grams never span documents, and a document shorter than n adds none.
    expect(distinctN([["a"], ["b"]], 2)).toEqual({ n: 2, distinct: 0, total: 0, ratio: null });
    expect(() => distinctN(docs, 0)).toThrow(/n >= 1/);
  });

  it("top n-grams count documents and occurrences, and skip n-grams of one document", () => {
    const docs = ["in this section we learn", "in this section we see", "in this section in this section"].map(wordTokens);
    const top = topNgrams(docs, 3, 5);
    expect(top[0]).toEqual({ text: "in this section", count: 4, docs: 3 });
    expect(top.find((t) => t.text === "this section in")).toBeUndefined();
  });
});

describe("compression ratio", () => {
  it("is gzip bytes over raw bytes: repetitive text compresses far better than varied text", () => {
    const r = rng(3);
    const varied = Array.from({ length: 50 }, () => randomText(r, 80));
    const repeated = Array.from({ length: 50 }, () => "In this section we will learn about loops in Python. ".repeat(5));
    const a = compressionRatio(varied);
    const b = compressionRatio(repeated);
    expect(a.rawBytes).toBe(Buffer.byteLength(varied.join("\n")));
    expect(a.ratio!).toBeGreaterThan(0.25);
    expect(b.ratio!).toBeLessThan(0.05);
    expect(compressionRatio([])).toEqual({ rawBytes: 0, gzipBytes: 0, ratio: null });
  });
});

describe("function names and openings", () => {
  it("prefers the declared name, else finds defs, without dunders", () => {
    expect(functionNamesOf("def foo(x):\n  pass", "bar")).toEqual(["bar"]);
    const code = "class A:\n    def __init__(self): pass\n    def size(self): pass\n\ndef load_file(p):\n    return p.def(1)\nasync def fetch_all():\n    pass";
    expect(functionNamesOf(code)).toEqual(["size", "load_file", "fetch_all"]);
    expect(nameUniqueness(new Map([["a", 2], ["b", 1]]))).toEqual({ distinct: 2, total: 3, ratio: 2 / 3 });
    expect(nameUniqueness(new Map())).toEqual({ distinct: 0, total: 0, ratio: null });
  });

  it("normalizes the first words, skipping a textbook section's headings", () => {
    expect(openingOf("# Loops\n\n## Intro\nIn this section, we will learn about LOOPS and more words here", 6, true)).toBe("in this section we will learn");
    expect(openingOf("# comment\nimport os", 3, false)).toBe("comment import os");
    expect(openingOf("", 3, true)).toBe("");
    const long = "word ".repeat(10_000);
    expect(openingOf(long, 4, false)).toBe("word word word word");
  });
});

describe("normalized entropy and coverage grids", () => {
  it("is 1 on a uniform grid, 0 in one cell, and counts empty cells", () => {
    expect(normalizedEntropy([5, 5, 5, 5])).toBeCloseTo(1, 12);
    expect(normalizedEntropy([7, 0, 0])).toBe(0);
    expect(normalizedEntropy([3, 3], 4)).toBeCloseTo(Math.log(2) / Math.log(4), 12);
    expect(normalizedEntropy([3])).toBeNull();
    expect(normalizedEntropy([0, 0])).toBeNull();
  });

  it("uses a campaign's declared lists so cells never hit show, and counts items outside them", () => {
    const g = textbookGrid(
      [
        { topic: "loops", audience: "kids", n: 2 },
        { topic: "loops", audience: "adults", n: 2 },
        { topic: "files", audience: "kids", n: 2 },
        { topic: "other", audience: "kids", n: 1 },
      ],
      { topics: ["loops", "files"], audiences: ["kids", "adults"] },
    );
    expect(g.counts).toEqual([[2, 2], [2, 0]]);
    expect(g).toMatchObject({ cells: 4, cellsHit: 3, emptyCells: [["files", "adults"]], outside: 1, items: 7 });
    expect(g.entropy).toBeCloseTo(Math.log(3) / Math.log(4), 12);
    const observed = textbookGrid([{ topic: "a", audience: null, n: 1 }, { topic: "b", audience: "x", n: 1 }]);
    expect(observed.topics).toEqual(["a", "b"]);
    expect(observed.audiences).toEqual(["(none)", "x"]);
  });

  it("summarizes exercises per topic with their distinct function names", () => {
    const c = exerciseCoverage(
      [
        { topic: "strings", functionName: "reverse", n: 2 },
        { topic: "strings", functionName: "upper", n: 1 },
        { topic: "math", functionName: "gcd", n: 3 },
      ],
      { topics: ["strings", "math", "io"], functionNames: ["reverse", "gcd", "read_all"] },
    );
    expect(c.topics).toEqual([{ topic: "strings", items: 3, functionNames: 2 }, { topic: "math", items: 3, functionNames: 1 }, { topic: "io", items: 0, functionNames: 0 }]);
    expect(c.emptyTopics).toEqual(["io"]);
    expect(c.entropy).toBeCloseTo(Math.log(2) / Math.log(3), 12);
    expect(c.declaredNames).toEqual({ total: 3, used: 2, unused: ["read_all"] });
  });
});

describe("eigenvalues and the Vendi score", () => {
  it("finds the eigenvalues of small known matrices", () => {
    expect(Array.from(symmetricEigenvalues(Float64Array.from([2, 0, 0, 0, 3, 0, 0, 0, 1]), 3))).toEqual([1, 2, 3]);
    const ev = symmetricEigenvalues(Float64Array.from([2, 1, 1, 2]), 2);
    expect(ev[0]).toBeCloseTo(1, 12);
    expect(ev[1]).toBeCloseTo(3, 12);
    // The 1-D Laplacian tridiag(-1, 2, -1): 2 - 2cos(kπ/(n+1)).
    const n = 30;
    const L = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      L[i * n + i] = 2;
      if (i > 0) L[i * n + i - 1] = L[(i - 1) * n + i] = -1;
    }
    const got = symmetricEigenvalues(L, n);
    const want = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1))).sort((a, b) => a - b);
    for (let k = 0; k < n; k++) expect(got[k]).toBeCloseTo(want[k], 10);
  });

  it("keeps the trace and the Frobenius norm of a random Gram matrix", () => {
    const r = rng(11);
    const n = 60;
    const X = Array.from({ length: n }, () => Float32Array.from({ length: 8 }, () => r() - 0.5));
    const K = denseCosineMatrix(X);
    const ev = symmetricEigenvalues(K, n);
    expect(ev.reduce((a, b) => a + b, 0)).toBeCloseTo(n, 9);
    expect(ev.reduce((a, b) => a + b * b, 0)).toBeCloseTo(K.reduce((a, b) => a + b * b, 0), 8);
    // Rank ≤ 8: the other 52 eigenvalues vanish.
    expect(Math.max(...Array.from(ev.slice(0, n - 8), Math.abs))).toBeLessThan(1e-9);
  });

  it("scores n identical items 1 and n orthogonal items n", () => {
    for (const n of [1, 2, 7, 40]) {
      const same = similarityStats(new Float64Array(n * n).fill(1), n);
      expect(same.vendi).toBeCloseTo(1, 9);
      const I = new Float64Array(n * n);
      for (let i = 0; i < n; i++) I[i * n + i] = 1;
      expect(similarityStats(I, n).vendi).toBeCloseTo(n, 9);
      if (n > 1) {
        expect(same.dispersion).toBeCloseTo(0, 12);
        expect(similarityStats(I, n).dispersion).toBe(1);
      }
    }
    // Two items at cosine s: eigenvalues (1 ± s)/2.
    const s = 0.6;
    const l = [(1 + s) / 2, (1 - s) / 2];
    expect(similarityStats(Float64Array.from([1, s, s, 1]), 2).vendi).toBeCloseTo(Math.exp(-l[0] * Math.log(l[0]) - l[1] * Math.log(l[1])), 12);
  });

  it("TF-IDF: sublinear tf, smooth idf, unit rows; identical documents have cosine 1, disjoint ones 0", () => {
    const docs = ["apple apple banana", "apple apple banana", "cherry date"].map(wordTokens);
    const { vectors, vocabulary } = tfidfVectors(docs);
    expect(vocabulary).toBe(4);
    const idf = (df: number) => Math.log(4 / (1 + df)) + 1;
    const w = [(1 + Math.log(2)) * idf(2), idf(2)];
    const norm = Math.hypot(...w);
    expect(Array.from(vectors[0].val)).toEqual([w[0] / norm, w[1] / norm].map((x) => expect.closeTo(x, 12)));
    const K = sparseCosineMatrix(vectors, vocabulary);
    expect(K[1]).toBeCloseTo(1, 12);
    expect(K[2]).toBe(0);
    // Eigenvalues of K/3: 2/3, 1/3, 0.
    expect(similarityStats(K, 3).vendi).toBeCloseTo(Math.exp(-(2 / 3) * Math.log(2 / 3) - (1 / 3) * Math.log(1 / 3)), 9);
  });
});

describe("MinHash and LSH", () => {
  const perms = makePermutations(128, 1);

  it("estimates Jaccard similarity with the expected sampling error", () => {
    let sq = 0;
    const trials = 60;
    for (let t = 0; t < trials; t++) {
      // Documents as distinct 1-token shingles (shingle = 1) with a known overlap.
      const shared = Array.from({ length: 100 + t * 3 }, (_, i) => `s${t}x${i}`);
      const a = [...shared, ...Array.from({ length: 150 }, (_, i) => `a${t}x${i}`)];
      const b = [...shared, ...Array.from({ length: 150 }, (_, i) => `b${t}x${i}`)];
      const truth = shared.length / (shared.length + 300);
      const est = estimatedJaccard(minhashSignature(a.join(" "), perms, 1)!, minhashSignature(b.join(" "), perms, 1)!);
      sq += (est - truth) ** 2;
    }
    // Theory: sqrt(J(1-J)/128) ≈ 0.044 here; allow 50 % more.
    expect(Math.sqrt(sq / trials)).toBeLessThan(0.066);
  });

  it("pairs an edited copy and leaves unrelated documents alone", () => {
    const r = rng(9);
    const docs = Array.from({ length: 200 }, () => randomText(r, 300));
    const original = docs[17];
    const words = original.split(" ");
    // 3 words changed in 300: ~15 of 296 5-shingles differ on each side → Jaccard ≈ 0.9.
    for (const k of [40, 150, 260]) words[k] = "edited";
    docs.push(words.join(" "));
    const { bands, rows } = chooseLshParams(0.8, 128);
    const builder = new SignatureBuilder(bands, 128);
    builder.add(signBatch(docs.slice(0, 100), { permutations: 128, shingle: 5, seed: 1, bands, rows }));
    builder.add(signBatch(docs.slice(100), { permutations: 128, shingle: 5, seed: 1, bands, rows }));
    const set = builder.build();
    const found = findNearDuplicates(set, 0.8);
    expect(found.clusters).toEqual([[17, 200]]);
    expect(found.pairs[0].similarity).toBeGreaterThan(0.8);
    // An empty document is never paired, even with another empty one.
    const empties = signBatch(["", "...", "x"], { permutations: 128, shingle: 5, seed: 1, bands, rows });
    expect(Array.from(empties.empty)).toEqual([1, 1, 0]);
  });

  it("chooses bands × rows that catch pairs at the threshold", () => {
    const p = chooseLshParams(0.8, 128);
    expect(p.bands * p.rows).toBeLessThanOrEqual(128);
    expect(p.recallAtThreshold).toBeGreaterThanOrEqual(0.95);
    expect(candidateProbability(0.3, p.bands, p.rows)).toBeLessThan(0.01);
    expect(() => chooseLshParams(1, 128)).toThrow();
  });

  it("large buckets of identical documents still form one cluster", () => {
    const docs = [...Array.from({ length: 40 }, () => "the same boilerplate license header text repeated in every file"), "something else entirely different words"];
    const { bands, rows } = chooseLshParams(0.8, 128);
    const b = new SignatureBuilder(bands, 128);
    b.add(signBatch(docs, { permutations: 128, shingle: 5, seed: 1, bands, rows }));
    const found = findNearDuplicates(b.build(), 0.8);
    expect(found.clusters).toHaveLength(1);
    expect(found.clusters[0]).toHaveLength(40);
    expect(found.candidates).toBeLessThan(40 * 39);
  });
});

describe("changedLines", () => {
  it("marks the lines outside the longest common subsequence on both sides", () => {
    expect(changedLines("a\nb\nc\nd", "a\nx\nc\nd\ne")).toEqual({ a: [1], b: [1, 4] });
    expect(changedLines("same\n", "same\n")).toEqual({ a: [], b: [] });
  });
});
