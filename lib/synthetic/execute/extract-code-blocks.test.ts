import { expect, it } from "vitest";
import { extractCodeBlocks, isPythonBlock } from "./extract-code-blocks";

it("finds fenced blocks with their language, in order", () => {
  const md = "# T\n\ntext\n\n```python\nx = 1\nprint(x)\n```\n\nmore\n\n```\noutput\n```\n\n~~~py title\ny = 2\n~~~\n";
  const blocks = extractCodeBlocks(md);
  expect(blocks).toEqual([
    { index: 0, lang: "python", code: "x = 1\nprint(x)" },
    { index: 1, lang: "", code: "output" },
    { index: 2, lang: "py", code: "y = 2" },
  ]);
  expect(blocks.filter(isPythonBlock).map((b) => b.index)).toEqual([0, 2]);
});

it("needs a closing fence at least as long, strips the fence's indentation, and runs an unclosed fence to the end", () => {
  const md = "  ````python\n  a = '```'\n  ```\n    b = 2\n  ````\n\n```python\nc = 3";
  expect(extractCodeBlocks(md)).toEqual([
    { index: 0, lang: "python", code: "a = '```'\n```\n  b = 2" },
    { index: 1, lang: "python", code: "c = 3" },
  ]);
});

it("ignores indented code and backtick fences whose info string has a backtick", () => {
  expect(extractCodeBlocks("    ```python\n    x\n    ```\n")).toEqual([]);
  expect(extractCodeBlocks("``` a`b\nx")).toEqual([]);
});
