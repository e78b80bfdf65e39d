import { describe, expect, it } from "vitest";
import { hashContent } from "./hash-content";
import { countLines, mapRecord, parseLlmScore } from "./map-record";

describe("mapRecord", () => {
  it("maps The Stack's columns and keeps the others in meta", () => {
    const content = "def f():\r\n    return 1\n";
    const { row, error } = mapRecord({
      hexsha: "abc123",
      size: 24,
      ext: "py",
      lang: "Python",
      max_stars_repo_path: "src/f.py",
      max_stars_repo_name: "me/repo",
      max_stars_repo_head_hexsha: "def456",
      max_stars_repo_licenses: ["MIT", "Apache-2.0"],
      content,
      avg_line_length: 11.5,
      max_line_length: 14,
      alphanum_fraction: 0.6,
    });
    expect(error).toBeUndefined();
    expect(row).toEqual({
      contentHash: hashContent(content),
      content,
      language: "python",
      source: "me/repo",
      path: "src/f.py",
      license: "MIT, Apache-2.0",
      externalId: "abc123",
      sizeBytes: 23,
      lineCount: 2,
      meta: JSON.stringify({ size: 24, ext: "py", max_stars_repo_head_hexsha: "def456", avg_line_length: 11.5, max_line_length: 14, alphanum_fraction: 0.6 }),
      llm: null,
    });
  });

  it("maps the plain schema (text/code, language, source, path, license, id)", () => {
    expect(mapRecord({ text: "print(1)", language: "PYTHON ", source: "s", path: "p.py", license: "MIT", id: 7 }).row).toMatchObject({
      content: "print(1)", language: "python", source: "s", path: "p.py", license: "MIT", externalId: "7", meta: null, lineCount: 1,
    });
    expect(mapRecord({ code: "x = 1" }).row).toMatchObject({ content: "x = 1", language: "unknown", source: null, externalId: null });
  });

  it("hashes the exact decoded content, without normalising it", () => {
    const a = mapRecord({ content: "x = 1\n" }).row!;
    const b = mapRecord({ content: "x = 1\r\n" }).row!;
    const c = mapRecord({ content: "x = 1\n " }).row!;
    expect(new Set([a.contentHash, b.contentHash, c.contentHash]).size).toBe(3);
    expect(mapRecord({ content: "é" }).row!.sizeBytes).toBe(2);
  });

  it("rejects records without usable content", () => {
    expect(mapRecord({ lang: "python" }).error).toBe('missing content (no "content", "text" or "code" field)');
    expect(mapRecord({ content: null }).error).toBe('missing content (no "content", "text" or "code" field)');
    expect(mapRecord({ content: "" }).error).toBe("content is empty");
    expect(mapRecord({ text: " \n\t" }).error).toBe("content is empty");
    expect(mapRecord({ content: 42 }).error).toBe("content is not a string (got number)");
    expect(mapRecord({ content: ["a"] }).error).toBe("content is not a string (got array)");
    expect(mapRecord({ content: "a\u0000b" }).error).toBe("content contains NUL (\\u0000) characters");
  });

  it("reads an optional LLM label with defaults", () => {
    expect(mapRecord({ content: "x", llm_score: 3 }).row!.llm).toEqual({
      score: 3, rationale: "", model: "imported", promptVersion: "unknown", origin: "import", isExample: false,
    });
    expect(mapRecord({ content: "x", llm_score: "4", llm_rationale: "clear", llm_model: "m", prompt_version: "v2", llm_is_example: true }).row!.llm).toEqual({
      score: 4, rationale: "clear", model: "m", promptVersion: "v2", origin: "import", isExample: true,
    });
    expect(mapRecord({ content: "x", llm_score: null, llm_rationale: "orphan" }).row!.llm).toBeNull();
  });

  it("rejects an invalid llm_score", () => {
    expect(mapRecord({ content: "x", llm_score: 3.5 }).error).toBe("llm_score must be an integer 0–5 (got 3.5)");
    expect(mapRecord({ content: "x", llm_score: 7 }).error).toBe("llm_score out of range 0–5 (got 7)");
    expect(mapRecord({ content: "x", llm_score: "high" }).error).toBe('llm_score must be an integer 0–5 (got "high")');
  });
});

describe("parseLlmScore", () => {
  it("accepts integers 0–5 written as numbers, floats with no fraction, numeric strings and bigints", () => {
    expect([0, 5, 3.0, "3", " 2 ", "4.0", 1n].map(parseLlmScore)).toEqual([0, 5, 3, 3, 2, 4, 1]);
  });
  it("rejects everything else", () => {
    for (const v of [-1, 6, 2.5, "2.5", "", "x", true, {}, Number.NaN]) expect(typeof parseLlmScore(v)).toBe("string");
  });
});

describe("countLines", () => {
  it("counts a last line without newline", () => {
    expect([countLines("a"), countLines("a\n"), countLines("a\nb"), countLines("\n\n")]).toEqual([1, 1, 2, 2]);
  });
});
