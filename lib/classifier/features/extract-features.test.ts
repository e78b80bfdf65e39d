import { describe, expect, it } from "vitest";
import { extractFeatureMatrix, extractFeatures, FEATURE_DIMS, FEATURE_SET_VERSION, featureNames, MAX_SCAN_CHARS, type FeatureInput } from "./extract-features";

const NAMES = featureNames();
const STRUCTURAL = NAMES.filter((n) => !n.startsWith("ngram_")).length;

/** Structural features of one snippet by name. */
function f(content: string, language = "python", path: string | null = "pkg/module.py"): Record<string, number> {
  const v = extractFeatures({ content, language, path });
  return Object.fromEntries(NAMES.map((n, k) => [n, v[k]]));
}

const DOCUMENTED = `"""Helpers for counting words."""
import re
from collections import Counter


def count_words(text: str) -> Counter:
    """Count how often each word occurs in a text.

    >>> count_words("a b a")["a"]
    2
    """
    # Words are runs of letters; case does not matter.
    words = re.findall(r"[a-z]+", text.lower())
    return Counter(words)


def most_common_word(text: str) -> str:
    """Return the word that occurs most often."""
    return count_words(text).most_common(1)[0][0]


if __name__ == "__main__":
    print(most_common_word("the cat and the hat"))
`;

const MINIFIED = `import re,collections as c
def f(t):w=re.findall(r"[a-z]+",t.lower());return c.Counter(w)
def g(t):return f(t).most_common(1)[0][0]
x=g("the cat and the hat");print(x)
`;

const DATA_TABLE = `TABLE = [
    [0.12, 0.54, 0.33, 0.91, 0.27],
    [0.48, 0.05, 0.77, 0.19, 0.62],
    [0.83, 0.36, 0.14, 0.58, 0.99],
    [0.21, 0.67, 0.45, 0.08, 0.74],
]
`;

describe("shape", () => {
  it("has FEATURE_DIMS distinct names: structural first, then ngram_000…", () => {
    expect(FEATURE_DIMS).toBe(256);
    expect(NAMES).toHaveLength(FEATURE_DIMS);
    expect(new Set(NAMES).size).toBe(FEATURE_DIMS);
    expect(STRUCTURAL).toBeGreaterThanOrEqual(48);
    expect(STRUCTURAL).toBeLessThanOrEqual(64);
    expect(NAMES[STRUCTURAL]).toBe("ngram_000");
    expect(NAMES.at(-1)).toBe(`ngram_${String(FEATURE_DIMS - STRUCTURAL - 1).padStart(3, "0")}`);
    expect(FEATURE_SET_VERSION).toMatch(/\S/);
  });

  it("returns a fresh array by default and writes only its own row at an offset", () => {
    expect(extractFeatures({ content: DOCUMENTED, language: "python", path: null })).toHaveLength(FEATURE_DIMS);
    const out = new Float32Array(FEATURE_DIMS * 3).fill(7);
    extractFeatures({ content: DOCUMENTED, language: "python", path: null }, out, FEATURE_DIMS);
    expect(out.subarray(0, FEATURE_DIMS).every((x) => x === 7)).toBe(true);
    expect(out.subarray(FEATURE_DIMS * 2).every((x) => x === 7)).toBe(true);
    expect(Array.from(out.subarray(FEATURE_DIMS, FEATURE_DIMS * 2))).toEqual(Array.from(extractFeatures({ content: DOCUMENTED, language: "python", path: null })));
  });

  it("builds an n × FEATURE_DIMS matrix equal to row-by-row extraction", () => {
    const inputs: FeatureInput[] = [
      { content: DOCUMENTED, language: "python", path: "a.py" },
      { content: MINIFIED, language: "python", path: null },
      { content: "int main() { return 0; }", language: "c", path: "main.c" },
    ];
    const m = extractFeatureMatrix(inputs);
    expect(m).toHaveLength(inputs.length * FEATURE_DIMS);
    inputs.forEach((input, r) => expect(Array.from(m.subarray(r * FEATURE_DIMS, (r + 1) * FEATURE_DIMS))).toEqual(Array.from(extractFeatures(input))));
    expect(extractFeatureMatrix([])).toHaveLength(0);
  });
});

describe("determinism", () => {
  it("gives identical values for the same input, whatever ran before", () => {
    const input = { content: DOCUMENTED, language: "python", path: "pkg/words.py" };
    const first = Array.from(extractFeatures(input));
    extractFeatures({ content: DATA_TABLE.repeat(50), language: "python", path: null });
    extractFeatures({ content: "function f() { /* unterminated", language: "javascript", path: null });
    expect(Array.from(extractFeatures(input))).toEqual(first);
  });
});

describe("structural signals", () => {
  it("rates documented, named code above minified code", () => {
    const doc = f(DOCUMENTED);
    const min = f(MINIFIED);
    expect(doc.docstring_log).toBeCloseTo(Math.log1p(3), 5);
    expect(min.docstring_log).toBe(0);
    expect(doc.comment_char_ratio).toBeGreaterThan(0.2);
    expect(min.comment_char_ratio).toBe(0);
    expect(doc.documented_function_ratio).toBe(1);
    expect(min.documented_function_ratio).toBe(0);
    expect(doc.ident_short_ratio).toBeLessThan(min.ident_short_ratio);
    expect(doc.ident_len_mean_log).toBeGreaterThan(min.ident_len_mean_log);
    expect(doc.blank_line_ratio).toBeGreaterThan(min.blank_line_ratio);
  });

  it("reads Python structure: functions, doctests, main guard, imports by kind, type hints", () => {
    const doc = f(DOCUMENTED);
    expect(doc.function_log).toBeCloseTo(Math.log1p(2), 5);
    expect(doc.class_log).toBe(0);
    expect(doc.doctest_log).toBeCloseTo(Math.log1p(1), 5);
    expect(doc.main_guard).toBe(1);
    expect(doc.import_log).toBeCloseTo(Math.log1p(2), 5);
    expect(doc.import_stdlib_ratio).toBe(1);
    expect(doc.type_hint_ratio).toBe(1);
    expect(doc.print_density).toBeGreaterThan(0);
    // count_words spans 9 lines (def to return), most_common_word 3.
    expect(doc.function_len_max_log).toBeCloseTo(Math.log1p(9), 5);
    expect(doc.function_len_mean_log).toBeCloseTo(Math.log1p(6), 5);

    const mixed = f("import os\nimport numpy as np\nfrom .models import User\nfrom requests import get\n");
    expect(mixed.import_stdlib_ratio).toBeCloseTo(0.25, 5);
    expect(mixed.import_third_party_ratio).toBeCloseTo(0.5, 5);
    expect(mixed.import_relative_ratio).toBeCloseTo(0.25, 5);
  });

  it("measures nesting by indentation step and bracket depth", () => {
    const nested = "def f(xs):\n    for x in xs:\n        if x:\n            while x:\n                x -= 1\n    return xs\n";
    expect(f(nested).indent_max_depth).toBe(4);
    const twoSpaces = "function f(xs) {\n  for (const x of xs) {\n    if (x) {\n      g(x);\n    }\n  }\n}\n";
    expect(f(twoSpaces, "javascript", "f.js").indent_max_depth).toBe(3);
    expect(f("x = f(g(h([1])))\n").bracket_max_depth).toBe(4);
  });

  it("flags a data table as non-code", () => {
    const table = f(DATA_TABLE);
    const code = f(DOCUMENTED);
    expect(table.data_line_ratio).toBeGreaterThan(0.5);
    expect(table.numeric_token_ratio).toBeGreaterThan(0.3);
    expect(code.data_line_ratio).toBe(0);
    expect(code.numeric_token_ratio).toBeLessThan(0.05);
  });

  it("counts comment-only lines, inline comments, TODOs, URLs and test markers", () => {
    const src = "# TODO: handle errors\n# see https://example.com/docs\nx = 1  # fixme\n\nassert x == 1\n";
    const v = f(src);
    expect(v.comment_line_ratio).toBeCloseTo(2 / 5, 5);
    expect(v.blank_line_ratio).toBeCloseTo(1 / 5, 5);
    expect(v.inline_comment_ratio).toBeCloseTo(1 / 2, 5);
    expect(v.todo_log).toBeCloseTo(Math.log1p(2), 5);
    expect(v.url_log).toBeCloseTo(Math.log1p(1), 5);
    expect(v.test_marker_density).toBeGreaterThan(0);
  });

  it("measures lines: long lines, trailing spaces, the same with CRLF endings", () => {
    const long = `x = "${"a".repeat(130)}"\ny = 1   \n`;
    const v = f(long);
    expect(v.long_line_100_ratio).toBeCloseTo(0.5, 5);
    expect(v.long_line_120_ratio).toBeCloseTo(0.5, 5);
    expect(v.trailing_space_ratio).toBeCloseTo(0.5, 5);
    const lf = f(DOCUMENTED);
    const crlf = f(DOCUMENTED.replace(/\n/g, "\r\n"));
    for (const name of ["log_lines", "blank_line_ratio", "comment_line_ratio", "docstring_log", "function_log", "documented_function_ratio", "indent_max_depth"]) expect(crlf[name]).toBeCloseTo(lf[name], 5);
  });
});

describe("languages", () => {
  it("reads C-like comments and functions; `#` is code there", () => {
    const js = f("// Adds two numbers.\nfunction add(a, b) {\n  return a + b; // the sum\n}\n/* a block\n   comment */\nconst x = add(1, 2);\n", "JavaScript", "src/add.js");
    expect(js.comment_line_ratio).toBeCloseTo(3 / 7, 5);
    expect(js.inline_comment_ratio).toBeCloseTo(1 / 4, 5);
    expect(js.function_log).toBeCloseTo(Math.log1p(1), 5);
    expect(js.documented_function_ratio).toBe(1);
    expect(js.lang_javascript).toBe(1);
    expect(js.lang_python).toBe(0);

    const c = f('#include <stdio.h>\n\nint square(int x) {\n    return x * x;\n}\n\nint main(void) {\n    printf("%d\\n", square(3));\n    return 0;\n}\n', "C", "main.c");
    expect(c.comment_line_ratio).toBe(0);
    expect(c.import_log).toBeCloseTo(Math.log1p(1), 5);
    expect(c.function_log).toBeCloseTo(Math.log1p(2), 5);
    expect(c.function_len_max_log).toBeCloseTo(Math.log1p(4), 5);
    expect(c.main_guard).toBe(1);
    expect(c.lang_c).toBe(1);
  });

  it("does not read a Rust lifetime as the start of a string", () => {
    const rust = f("fn first<'a>(xs: &'a [i32]) -> &'a i32 {\n    &xs[0]\n}\n", "Rust", "src/lib.rs");
    expect(rust.string_char_ratio).toBe(0);
    expect(rust.function_log).toBeCloseTo(Math.log1p(1), 5);
    expect(rust.lang_rust).toBe(1);
  });

  it("falls back to the path's extension, then to a generic mode", () => {
    const byExt = f("def f():\n    '''Doc.'''\n    return 1\n", "", "x/y.py");
    expect(byExt.lang_python).toBe(1);
    expect(byExt.docstring_log).toBeGreaterThan(0);
    const generic = f("# a comment\nSELECT 1;\n// another\n", "SQL", "q.sql");
    expect(generic.comment_line_ratio).toBeCloseTo(2 / 3, 5);
    for (const g of ["python", "javascript", "java", "c", "go", "rust"]) expect(generic[`lang_${g}`]).toBe(0);
  });
});

describe("path hints", () => {
  it("reads tests, examples, tutorials, docs, setup, vendored and generated files from the path", () => {
    expect(f("x = 1\n", "python", "tests/test_models.py").path_test).toBe(1);
    expect(f("x = 1\n", "python", "examples/quickstart.py").path_example).toBe(1);
    expect(f("x = 1\n", "python", "Tutorial/lesson_03.py").path_tutorial).toBe(1);
    expect(f("x = 1\n", "python", "docs/conf.py").path_docs).toBe(1);
    expect(f("x = 1\n", "python", "setup.py").path_setup_config).toBe(1);
    expect(f("x = 1\n", "python", "pkg/__init__.py").path_init_index).toBe(1);
    expect(f("x = 1\n", "python", "app/migrations/0001_initial.py").path_migration).toBe(1);
    expect(f("x = 1\n", "javascript", "static/jquery.min.js").path_generated_vendor).toBe(1);
    const plain = f("x = 1\n", "python", "src/graph.py");
    expect(NAMES.filter((n) => n.startsWith("path_")).every((n) => plain[n] === 0)).toBe(true);
    expect(NAMES.filter((n) => n.startsWith("path_")).every((n) => f("x = 1\n", "python", null)[n] === 0)).toBe(true);
  });
});

describe("n-grams", () => {
  it("are L2-normalized, and differ between different code", () => {
    const a = extractFeatures({ content: DOCUMENTED, language: "python", path: null }).subarray(STRUCTURAL);
    const b = extractFeatures({ content: DATA_TABLE, language: "python", path: null }).subarray(STRUCTURAL);
    const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
    expect(norm(a)).toBeCloseTo(1, 5);
    expect(norm(b)).toBeCloseTo(1, 5);
    const cos = a.reduce((s, x, k) => s + x * b[k], 0);
    expect(cos).toBeLessThan(0.9);
  });
});

describe("robustness", () => {
  const finite = (v: Float32Array) => v.every((x) => Number.isFinite(x));

  it("never throws and stays finite on empty, blank, binary-ish and broken input", () => {
    const cases = [
      "",
      "\n\n\n",
      "   \t  ",
      "\u0000\u0001\u0002\ufffd\ud800\udfff",
      String.fromCharCode(...Array.from({ length: 2000 }, (_, k) => (k * 7919) % 65536)),
      '"""never closed\n\n',
      "/* never closed",
      "x = '",
      "\\",
      ")))]]]}}}",
      "(((([[[{{{",
      ">>>",
      "def",
      "\r\r\r",
    ];
    for (const content of cases) {
      for (const language of ["python", "javascript", "rust", "c", "", "Brainfuck"]) {
        const v = extractFeatures({ content, language, path: null });
        expect(finite(v)).toBe(true);
      }
    }
    const empty = f("");
    expect(empty.log_lines).toBe(0);
    expect(NAMES.filter((n) => n.startsWith("ngram_")).every((n) => empty[n] === 0)).toBe(true);
  });

  it("handles very large content by reading its first MAX_SCAN_CHARS characters", () => {
    // 27 characters, 2 lines.
    const unit = "def f(x):\n    return x + 1\n";
    const huge = unit.repeat(Math.ceil((MAX_SCAN_CHARS * 1.5) / unit.length));
    const v = f(huge);
    expect(Object.values(v).every((x) => Number.isFinite(x))).toBe(true);
    expect(v.log_chars).toBeCloseTo(Math.log1p(huge.length), 3);
    expect(v.log_lines).toBeCloseTo(Math.log1p((2 * MAX_SCAN_CHARS) / unit.length), 2);
    const oneLine = f("x".repeat(3_000_000));
    expect(oneLine.line_len_max_log).toBeCloseTo(Math.log1p(MAX_SCAN_CHARS), 3);
  });
});
