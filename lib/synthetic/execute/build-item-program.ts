import { composeExerciseProgram, type SyntheticKind } from "@/lib/synthetic/compose-content";
import { extractCodeBlocks, isPythonBlock } from "./extract-code-blocks";

export type ExecutableItem = {
  kind: SyntheticKind | string;
  /** The snippet content (a textbook section's markdown). */
  content: string;
  prompt: string | null;
  solution: string | null;
  tests: string | null;
};

export type ItemProgram =
  | { kind: "program"; code: string }
  /** Textbook: its ```python blocks, run in order in one namespace. blockIndexes[i] is cell i's position among all fenced blocks. */
  | { kind: "cells"; cells: string[]; blockIndexes: number[] }
  | { kind: "none"; reason: string };

/**
 * What executing an item runs. An exercise: prompt + solution + tests (composeExerciseProgram); tests
 * written as a doctest session (`>>>` lines) run through doctest and fail with an AssertionError when an
 * example's output differs. A textbook section: its ```python blocks in order, like a notebook.
 */
export function buildItemProgram(item: ExecutableItem): ItemProgram {
  if (item.kind === "exercise") {
    if (!item.prompt?.trim() || !item.solution?.trim()) return { kind: "none", reason: "the exercise has no prompt or no solution" };
    return { kind: "program", code: composeExerciseProgram({ prompt: item.prompt, solution: item.solution, tests: testsCode(item.tests) }) };
  }
  const python = extractCodeBlocks(item.content).filter(isPythonBlock);
  if (!python.length) return { kind: "none", reason: "no ```python code blocks to run" };
  return { kind: "cells", cells: python.map((b) => b.code), blockIndexes: python.map((b) => b.index) };
}

function testsCode(tests: string | null): string | null {
  if (!tests?.trim()) return tests;
  if (!tests.trimStart().startsWith(">>>")) return tests;
  return [
    "import doctest as _doctest",
    `_runner = _doctest.DocTestRunner(optionflags=_doctest.ELLIPSIS | _doctest.NORMALIZE_WHITESPACE)`,
    `_runner.run(_doctest.DocTestParser().get_doctest(${JSON.stringify(tests)}, globals(), "tests", "tests", 0))`,
    "_failed, _attempted = _runner.summarize(verbose=False)",
    `assert _failed == 0, "%d of %d doctest examples in the tests failed" % (_failed, _attempted)`,
    "",
  ].join("\n");
}
