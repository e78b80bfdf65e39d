import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildBenchmarkIndex, type IndexInputItem } from "@/lib/decontam/build-benchmark-index";
import { createSnippetScanner } from "@/lib/decontam/create-snippet-scanner";
import { normalizeText } from "@/lib/decontam/normalize-text";
import { ngramKeys } from "@/lib/decontam/ngram-keys";
import { tokenizeWords } from "@/lib/decontam/tokenize-words";

const words = (s: string) => {
  const t = tokenizeWords(s);
  return Array.from({ length: t.count }, (_, i) => s.slice(t.starts[i], t.ends[i]).toLowerCase());
};

describe("tokenization and normalization", () => {
  it("splits words on punctuation, whitespace and indentation, lowercased", () => {
    expect(words("def Add(a,b):\n\treturn a+b  # Sum")).toEqual(["def", "add", "a", "b", "return", "a", "b", "sum"]);
    expect(words("  snake_case x2 == 3.14\n")).toEqual(["snake_case", "x2", "3", "14"]);
    expect(words("Größe ÉTÉ naïve 数据")).toEqual(["größe", "été", "naïve", "数据"]);
    expect(words("!!! ... ---")).toEqual([]);
    expect(words("")).toEqual([]);
  });

  it("gives equal tokens equal hashes whatever their case, and different tokens different ones", () => {
    const t = tokenizeWords("Hello hello HELLO world");
    expect(t.hashA[0]).toBe(t.hashA[1]);
    expect(t.hashB[0]).toBe(t.hashB[2]);
    expect(t.hashA[0]).not.toBe(t.hashA[3]);
  });

  it("computes rolling n-gram keys equal to keys computed from scratch", () => {
    const text = "a b c d e f g a b c d e f g h";
    const keys = ngramKeys(tokenizeWords(text), 3);
    expect(keys.count).toBe(13);
    // "a b c" at 0 and 7 share a key; "b c d" differs.
    expect([keys.a[0], keys.b[0]]).toEqual([keys.a[7], keys.b[7]]);
    expect(keys.a[0]).not.toBe(keys.a[1]);
    const alone = ngramKeys(tokenizeWords("e f g"), 3);
    expect([alone.a[0], alone.b[0]]).toEqual([keys.a[4], keys.b[4]]);
    expect(ngramKeys(tokenizeWords("a b"), 3).count).toBe(0);
  });

  it("normalizes case and whitespace runs, keeping offsets into the original", () => {
    const s = "  Return   X\n\t+ 1  ";
    const n = normalizeText(s);
    expect(n.text).toBe("return x + 1");
    expect(s.slice(n.starts[0], n.ends[5])).toBe("Return");
    expect(s.slice(n.starts[7], n.ends[7])).toBe("X");
    expect(s.slice(n.starts[0], n.ends[n.text.length - 1])).toBe("Return   X\n\t+ 1");
    expect(normalizeText(" \n ").text).toBe("");
  });
});

const item = (id: number, prompt: string, solution = ""): IndexInputItem => ({ id, benchmarkId: 1, taskId: `T/${id}`, prompt, solution });

describe("scanner", () => {
  const long = "Return the number of distinct characters in the given string ignoring case and whitespace entirely please";
  const other = "Compute the running maximum of a list of integers and return it as a new list of the same length always";
  it("matches an item sharing an n-gram, whatever the formatting, with the evidence span", () => {
    const index = buildBenchmarkIndex([item(10, long), item(11, other)], { ngram: 13 });
    const scanner = createSnippetScanner(index);
    const snippet = `def f(s):\n    """RETURN the number of distinct\n  characters in the given string, ignoring case and whitespace!"""\n    return len(set(s))\n`;
    const m = scanner.scan(snippet);
    expect(m).toHaveLength(1);
    expect(index.items[m[0].item].taskId).toBe("T/10");
    expect(m[0].method).toBe("ngram");
    expect(m[0].shared).toBe(2);
    expect(m[0].overlap).toBeCloseTo(2 / 4);
    expect(snippet.slice(m[0].start, m[0].end)).toBe("RETURN the number of distinct\n  characters in the given string, ignoring case and whitespace");
    expect(scanner.scan("nothing to see here at all, just some words that are not in any benchmark whatsoever")).toEqual([]);
  });

  it("counts each distinct n-gram once and honours minShared", () => {
    const index = buildBenchmarkIndex([item(1, long)], { ngram: 13 });
    const twice = `${long}\n${long}`;
    const m = createSnippetScanner(index).scan(twice);
    expect(m[0]).toMatchObject({ shared: index.itemGrams[0], overlap: 1 });
    expect(createSnippetScanner(index, { minShared: 6 }).scan(long.split(" ").slice(0, 14).join(" "))).toEqual([]);
    expect(createSnippetScanner(index, { minShared: 2 }).scan(long.split(" ").slice(0, 14).join(" "))).toHaveLength(1);
  });

  it("finds a short prompt (fewer than n words) as a normalized substring", () => {
    const short = "Write a python function to check whether the given number is even.";
    const index = buildBenchmarkIndex([item(5, short, "def is_even(n): return n % 2 == 0")], { ngram: 13, minSubstringChars: 50 });
    expect(index.itemGrams[0]).toBe(0);
    const snippet = `def even(n):\n    """WRITE a Python function to check\n    whether the given number is even.\n    """\n    return not n % 2\n`;
    const m = createSnippetScanner(index).scan(snippet);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ method: "substring", shared: short.length });
    expect(snippet.slice(m[0].start, m[0].end)).toBe("WRITE a Python function to check\n    whether the given number is even.");
    // Punctuation matters to the substring check: a changed one is not a copy.
    expect(createSnippetScanner(index).scan(snippet.replace("even.", "even!"))).toEqual([]);
  });

  it("drops n-grams that are too common across items", () => {
    const shared = "this boilerplate sentence appears in every single benchmark item of the set verbatim";
    const items = Array.from({ length: 10 }, (_, i) => item(i, `${shared} unique${i} tail words for item ${i} here`));
    const index = buildBenchmarkIndex(items, { ngram: 5, maxItemShare: 0.01 });
    expect(index.maxItemsPerNgram).toBe(3);
    expect(index.droppedGrams).toBeGreaterThan(0);
    expect(createSnippetScanner(index).scan(shared)).toEqual([]);
    const m = createSnippetScanner(index).scan(`unique7 tail words for item 7`);
    expect(m.map((x) => index.items[x.item].taskId)).toEqual(["T/7"]);
  });
});

const humanEvalFile = path.resolve(process.cwd(), "../shared/data/benchmarks/HumanEval.jsonl.gz");
const present = fs.existsSync(humanEvalFile);
describe.skipIf(!present)("scanner on HumanEval", () => {
  it("flags each pasted prompt with its own task id (and only pairs that share a prompt n-gram with another)", () => {
    const rows = zlib.gunzipSync(fs.readFileSync(humanEvalFile)).toString("utf8").trim().split("\n").map((l) => JSON.parse(l));
    const index = buildBenchmarkIndex(rows.map((r, i) => ({ id: i + 1, benchmarkId: 1, taskId: r.task_id, prompt: r.prompt, solution: r.canonical_solution })));
    const scanner = createSnippetScanner(index);
    let exact = 0;
    for (const r of rows) {
      const found = scanner.scan(`# copied\n${r.prompt}    pass\n`).map((m) => index.items[m.item].taskId);
      expect(found).toContain(r.task_id);
      if (found.length === 1) exact++;
    }
    expect(exact).toBeGreaterThanOrEqual(150);
  });
});
