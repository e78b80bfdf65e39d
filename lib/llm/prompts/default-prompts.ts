/**
 * Built-in prompt versions, written to the `prompt` table on first use. All in our own words:
 * - edu-score: an additive rubric (one point per criterion) for code as study material for someone learning
 *   to program;
 * - textbook / exercise: synthetic data in the manner of Phi-1 (a textbook section interleaving prose and
 *   runnable Python; a function-completion exercise with its solution and tests), constrained by topic,
 *   audience and function name so that many requests do not all come back alike.
 */
export const DEFAULT_PROMPT_VERSION = "edu-v1";
export const EDU_SCORE_TASK = "edu-score";
export const TEXTBOOK_TASK = "textbook";
export const EXERCISE_TASK = "exercise";

const SYSTEM = `You review source code as teaching material. Your reader is a student who is learning the basics of programming: variables, conditions, loops, functions, simple data structures and algorithms.
Judge the code in front of you, not the project it might come from. Be strict and consistent: most real-world files are not good lessons.
Answer with a JSON object only, no other text: {"rationale": "<at most 80 words>", "score": <integer 0-5>}.`;

const TEMPLATE = `Rate how useful this file would be for the student. Start from 0 and add one point for each statement that is true:

1. It is real program logic in a recognisable language, not mostly configuration, generated code, data tables, license text or empty boilerplate.
2. It uses at least one basic concept a beginner studies (a loop, a condition, a function, a list or map, recursion, a simple algorithm), even if the code is messy or undocumented.
3. A learner could follow it on its own: meaningful names, a clear structure, and comments or docstrings that state what the parts are for, without needing the rest of the codebase.
4. It is focused like a lesson or an exercise: one idea developed step by step, with little reliance on heavy frameworks, external services or hidden state.
5. It is an example worth copying: it explains why as well as what, shows good habits (clear errors, small functions, tests or examples of use), and would not look out of place in a good textbook.

Language: {{language}}
Path: {{path}}

<code>
{{code}}
</code>

Write the rationale first, then the total number of points.`;

const TEXTBOOK_SYSTEM = `You are the author of a practical Python textbook. Each section you write teaches one idea by alternating short explanations with small, runnable Python examples that use only the standard library.
Write plainly and precisely for the reader you are given: define every term the first time it appears, prefer concrete examples over abstract talk, and never pad.
Answer with a JSON object only, no other text: {"title": "<section title>", "text": "<the section body in Markdown>"}.`;

const TEXTBOOK_TEMPLATE = `Write one textbook section about {{topic}} for {{audience}}.

- Start with a short paragraph that shows why the idea matters, through a situation this reader would recognise.
- Then alternate: explain one step in prose, show it in a fenced \`\`\`python code block, and say what the code prints or returns and why.
- Go from a simple case to a slightly harder one, and point out one common mistake and how to avoid it.
- Every code block must run with the standard library alone, either by itself or after the blocks before it, in order.
- Finish with a recap of two or three sentences.
- Length: 400 to 700 words. Give the section a specific title (not just the topic's name), and leave the title out of "text".`;

const EXERCISE_SYSTEM = `You write Python programming exercises in the form of function completion: a signature and a docstring that specify the behaviour completely, a reference solution, and tests.
Use only the standard library. The docstring must be unambiguous: state what the function returns, how it treats edge cases, and give doctest examples whose outputs are exactly right.
Answer with a JSON object only, no other text: {"prompt": "<imports, def line and docstring>", "solution": "<the indented function body>", "tests": "<assert statements>"}.`;

const EXERCISE_TEMPLATE = `Write one exercise about {{topic}}, pitched at {{audience}}.

The function must be called {{function_name}}.
- prompt: any imports the function needs, then the line \`def {{function_name}}(...)\` with type hints, then a docstring that says exactly what it returns, how it handles edge cases, and includes two or three doctest examples (\`>>>\` lines followed by their output).
- solution: only the indented body that completes the function (no def line), correct for every input the docstring allows.
- tests: three to six \`assert\` statements that call {{function_name}} and check its results, at least one of them on an edge case.`;

export const DEFAULT_PROMPTS = [
  {
    task: EDU_SCORE_TASK,
    version: DEFAULT_PROMPT_VERSION,
    system: SYSTEM,
    template: TEMPLATE,
    maxCodeChars: 6000,
    notes: "Built-in additive 0–5 rubric for code aimed at a student learning basic coding concepts.",
  },
  {
    task: TEXTBOOK_TASK,
    version: "textbook-v1",
    system: TEXTBOOK_SYSTEM,
    template: TEXTBOOK_TEMPLATE,
    maxCodeChars: 6000,
    notes: "Built-in: one textbook section on {{topic}} for {{audience}}, prose interleaved with runnable standard-library Python.",
  },
  {
    task: EXERCISE_TASK,
    version: "exercise-v1",
    system: EXERCISE_SYSTEM,
    template: EXERCISE_TEMPLATE,
    maxCodeChars: 6000,
    notes: "Built-in: a function-completion exercise named {{function_name}} on {{topic}}: signature + docstring with doctests, solution body, assert tests.",
  },
] as const;
