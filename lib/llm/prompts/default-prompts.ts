/**
 * Built-in prompt versions, written to the `prompt` table on first use. Our own wording: an additive
 * rubric (one point per criterion) for code as study material for someone learning to program.
 */
export const DEFAULT_PROMPT_VERSION = "edu-v1";
export const EDU_SCORE_TASK = "edu-score";

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

export const DEFAULT_PROMPTS = [
  {
    task: EDU_SCORE_TASK,
    version: DEFAULT_PROMPT_VERSION,
    system: SYSTEM,
    template: TEMPLATE,
    maxCodeChars: 6000,
    notes: "Built-in additive 0–5 rubric for code aimed at a student learning basic coding concepts.",
  },
] as const;
