import { describe, expect, it } from "vitest";
import { composeContent, composeExerciseProgram } from "@/lib/synthetic/compose-content";
import { parseGenerationReply, splitFunction } from "@/lib/synthetic/parse-generation-reply";

const ex = {
  prompt: 'def add_one(xs: list[int]) -> list[int]:\n    """Add one to each.\n\n    >>> add_one([1])\n    [2]\n    """\n',
  solution: "    return [x + 1 for x in xs]\n",
  tests: "assert add_one([1, 2]) == [2, 3]\nassert add_one([]) == []\n",
};

describe("parseGenerationReply: structured output", () => {
  it("reads a textbook section and drops a title repeated as the first heading", () => {
    const r = parseGenerationReply("textbook", JSON.stringify({ title: "Loops", text: "# Loops\n\nA loop repeats.\n```python\nprint(1)\n```" }));
    expect(r).toEqual({ ok: true, via: "json", parts: { title: "Loops", text: "A loop repeats.\n```python\nprint(1)\n```\n" } });
    expect(composeContent("textbook", (r as { parts: object }).parts)).toBe("# Loops\n\nA loop repeats.\n```python\nprint(1)\n```\n");
  });

  it("reads an exercise; its program runs prompt + solution + tests", () => {
    const r = parseGenerationReply("exercise", JSON.stringify(ex));
    expect(r).toEqual({ ok: true, via: "json", parts: ex });
    expect(composeExerciseProgram((r as { parts: object }).parts)).toBe(ex.prompt + ex.solution + "\n" + ex.tests);
  });

  it("tolerates key aliases, tests as a list, and a solution that repeats the def line or is not indented", () => {
    const r = parseGenerationReply("exercise", JSON.stringify({ Prompt: ex.prompt, Solution: ex.prompt + ex.solution, Tests: ["assert add_one([]) == []"] }));
    expect(r.ok && r.parts).toEqual({ prompt: ex.prompt, solution: ex.solution, tests: "assert add_one([]) == []\n" });
    const flush = parseGenerationReply("exercise", JSON.stringify({ prompt: ex.prompt, solution: "total = 1\nreturn [x + total for x in xs]", tests: "" }));
    expect(flush.ok && flush.parts).toEqual({ prompt: ex.prompt, solution: "    total = 1\n    return [x + total for x in xs]\n", tests: null });
  });
});

describe("parseGenerationReply: fallbacks", () => {
  it("JSON in a code fence, or inside prose", () => {
    const fenced = parseGenerationReply("exercise", `Sure! Here it is:\n\n\`\`\`json\n${JSON.stringify(ex, null, 2)}\n\`\`\`\nHope it helps.`);
    expect(fenced).toMatchObject({ ok: true, via: "fenced-json", parts: ex });
    const prose = parseGenerationReply("textbook", `The section: ${JSON.stringify({ title: "T", text: "Body {with braces}" })} — done.`);
    expect(prose).toMatchObject({ ok: true, via: "embedded-json", parts: { title: "T", text: "Body {with braces}\n" } });
  });

  it("a textbook as plain Markdown with a leading heading", () => {
    const r = parseGenerationReply("textbook", "## Counting with Dictionaries\n\nA dict maps keys to values.\n\n```python\nd = {}\n```\n");
    expect(r).toEqual({ ok: true, via: "markdown", parts: { title: "Counting with Dictionaries", text: "A dict maps keys to values.\n\n```python\nd = {}\n```\n" } });
  });

  it("an exercise as a Python function: docstring ends the prompt, asserts after it are the tests", () => {
    const code = `import math\n\n${ex.prompt}${ex.solution}\n\n${ex.tests}`;
    const r = parseGenerationReply("exercise", `Here you go:\n\`\`\`python\n${code}\`\`\``);
    expect(r).toEqual({ ok: true, via: "code", parts: { prompt: `import math\n\n${ex.prompt}`, solution: ex.solution, tests: ex.tests } });
    expect(splitFunction("def f():\n    return 1\n")).toBeNull();
  });

  it("garbage, empty and incomplete replies fail with a reason", () => {
    expect(parseGenerationReply("textbook", "   ")).toEqual({ ok: false, error: "empty reply" });
    expect(parseGenerationReply("textbook", "I'm not able to write this right now.")).toMatchObject({ ok: false, error: expect.stringMatching(/Markdown section starting with a # heading/) });
    expect(parseGenerationReply("exercise", "I'm not able to write this right now.")).toMatchObject({ ok: false, error: expect.stringMatching(/Python function/) });
    expect(parseGenerationReply("exercise", JSON.stringify({ prompt: ex.prompt }))).toEqual({ ok: false, error: 'the JSON reply has no non-empty "solution"' });
    expect(parseGenerationReply("textbook", JSON.stringify({ title: "x", text: "" }))).toEqual({ ok: false, error: 'the JSON reply has no non-empty "text"' });
    expect(parseGenerationReply("textbook", '{"title": "cut off", "text": "abc')).toMatchObject({ ok: false });
    expect(parseGenerationReply("exercise", "[1, 2, 3]")).toMatchObject({ ok: false });
  });
});
