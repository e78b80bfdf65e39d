/**
 * Deterministic synthetic-data replies of the fake OpenAI server: textbook sections and exercises for
 * generation requests, recognised by their structured-output schema name (synthetic_textbook /
 * synthetic_exercise) or, for plain requests, by the wording of the built-in prompts. Replies vary with the
 * constraints found in the prompt (topic, audience, function name), so diversity metrics have something to
 * measure, and exercises are runnable: the requested function, a correct solution and passing asserts for
 * about nine in ten; the tenth has a subtly wrong solution whose tests fail (as real generated data does).
 */
import { createRng, hash32 } from "./replies";

export type GenerationKind = "textbook" | "exercise";
export type GenerationConstraints = { topic: string; audience: string; functionName: string | null };

const SCHEMA_KIND: Record<string, GenerationKind> = { synthetic_textbook: "textbook", synthetic_exercise: "exercise" };

/** The kind of a generation request, or null for any other chat request (labeling). */
export function generationKindOf(body: { response_format?: { type?: string; json_schema?: { name?: string } } }, user: string): GenerationKind | null {
  const name = body.response_format?.json_schema?.name;
  if (name && SCHEMA_KIND[name]) return SCHEMA_KIND[name];
  if (/The function must be called \w+/i.test(user)) return "exercise";
  if (/Write one textbook section about /i.test(user)) return "textbook";
  return null;
}

/** Topic, audience and function name as the built-in prompts state them (hash-derived stand-ins otherwise). */
export function constraintsOf(user: string): GenerationConstraints {
  const topic = user.match(/(?:textbook section|exercise) about (.+?)(?:, pitched at | for |\.\n)/i)?.[1]?.trim() ?? `topic ${hash32(user) % 97}`;
  const audience = (user.match(/ pitched at (.+?)\.\n/i) ?? user.match(/ for (.+?)\.\n/i))?.[1]?.trim() ?? "a student learning to program";
  const functionName = user.match(/The function must be called (\w+)/i)?.[1] ?? null;
  return { topic, audience, functionName };
}

/** The reply content: JSON when structured output was asked for, else Markdown (textbook) or fenced JSON (exercise). */
export function generationReply(kind: GenerationKind, user: string, structured: boolean): string {
  const c = constraintsOf(user);
  if (kind === "textbook") {
    const { title, text } = textbookSection(c);
    return structured ? JSON.stringify({ title, text }) : `# ${title}\n\n${text}`;
  }
  const ex = exercise(c);
  return structured ? JSON.stringify(ex) : `Here is the exercise.\n\n\`\`\`json\n${JSON.stringify(ex, null, 2)}\n\`\`\`\n`;
}

// ---- textbook sections ----

const OPENINGS = [
  (t: string, a: string) => `Picture ${a} facing a small, real problem on a Friday afternoon: the data is messy and the deadline is close. This is exactly where ${t} earns its place, because it turns a vague chore into a few clear steps.`,
  (t: string, a: string) => `Most people meet ${t} long before they know its name. In this section, written for ${a}, we give the idea a name, show it in code, and practise it on something concrete.`,
  (t: string, a: string) => `If you are ${a}, you have probably repeated the same manual step many times. Learning ${t} is how you hand that repetition to the computer and get on with the interesting part.`,
  (t: string, a: string) => `Every program makes decisions about its data, and ${t} is one of the tools that keeps those decisions readable. We start from a tiny example that ${a} can check by hand.`,
  (t: string, a: string) => `Here is a question worth asking before writing any code: what exactly should happen to each value? For ${a}, answering it carefully is half of mastering ${t}.`,
];
const MISTAKES = [
  "A common mistake is to change a list while looping over it; build a new list instead, or loop over a copy.",
  "A frequent slip is an off-by-one error at the end of a range: remember that `range(n)` stops before `n`.",
  "Beginners often reuse one variable for two meanings. Give each value its own descriptive name and the bug disappears.",
  "Watch out for integer division: `7 // 2` is `3`, while `7 / 2` is `3.5`.",
  "It is tempting to catch every exception with a bare `except:`; catch only the error you expect, so real bugs stay visible.",
  "Comparing floating-point numbers with `==` can surprise you; use `math.isclose` when the values come from arithmetic.",
];
const DATASETS = [
  ["temperatures", [18, 21, 19, 25, 23, 17, 20]],
  ["scores", [72, 88, 95, 61, 79, 84]],
  ["steps", [4200, 8800, 10200, 6100, 7300]],
  ["prices", [3, 12, 7, 5, 9, 14, 2]],
  ["lengths", [12, 7, 33, 21, 5, 18]],
  ["visits", [3, 0, 5, 2, 8, 1, 4, 6]],
] as const;
const OPERATIONS = [
  { name: "total", fn: (xs: number[]) => xs.reduce((a, b) => a + b, 0), code: (v: string) => `total = 0\nfor value in ${v}:\n    total += value\nprint(total)` },
  { name: "largest", fn: (xs: number[]) => Math.max(...xs), code: (v: string) => `largest = ${v}[0]\nfor value in ${v}[1:]:\n    if value > largest:\n        largest = value\nprint(largest)` },
  { name: "count above the first", fn: (xs: number[]) => xs.filter((x) => x > xs[0]).length, code: (v: string) => `count = 0\nfor value in ${v}:\n    if value > ${v}[0]:\n        count += 1\nprint(count)` },
  { name: "even values", fn: (xs: number[]) => xs.filter((x) => x % 2 === 0).length, code: (v: string) => `evens = [value for value in ${v} if value % 2 == 0]\nprint(len(evens))` },
];

function words(s: string): string[] {
  return s.toLowerCase().match(/[a-z]+/g) ?? ["data"];
}

export function textbookSection(c: GenerationConstraints): { title: string; text: string } {
  const rng = createRng(hash32(`${c.topic}\u0000${c.audience}`));
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)];
  const [name, values] = pick(DATASETS);
  const op = pick(OPERATIONS);
  const op2 = OPERATIONS[(OPERATIONS.indexOf(op) + 1 + Math.floor(rng() * (OPERATIONS.length - 1))) % OPERATIONS.length];
  const topicWords = words(c.topic);
  const key = topicWords.find((w) => w.length > 4) ?? topicWords[0];
  const variable = `${key.replace(/[^a-z]/g, "")}_${name}`;
  const list = `[${values.join(", ")}]`;
  const title = `${cap(c.topic)} in Practice: ${cap(op.name)} of ${cap(name)} for ${shortAudience(c.audience)}`;
  const text = [
    pick(OPENINGS)(c.topic, c.audience),
    "",
    `## Starting small`,
    "",
    `Suppose we recorded some ${name} and want their ${op.name}. We keep them in a list called \`${variable}\`, so the name says what the values are and where they come from.`,
    "",
    "```python",
    `${variable} = ${list}`,
    op.code(variable),
    "```",
    "",
    `Running this prints \`${op.fn([...values])}\`. Read the loop line by line: each pass looks at one value, and the variable outside the loop remembers what we have learned so far. That pattern — a result that grows as we walk through the data — appears again and again in ${c.topic}.`,
    "",
    `## One step further`,
    "",
    `Now let us ask a second question about the same ${name}: the ${op2.name}. Wrapping the idea in a function makes it reusable and easy to test.`,
    "",
    "```python",
    `def ${op2.name.replace(/\W+/g, "_")}_of(values):`,
    ...op2.code("values").split("\n").map((l) => `    ${l.replace(/^print\((.*)\)$/, "return $1")}`),
    "",
    `print(${op2.name.replace(/\W+/g, "_")}_of(${variable}))`,
    "```",
    "",
    `This prints \`${op2.fn([...values])}\`. Because the function takes its input as a parameter, you can call it on any list of ${name}, which is how ${shortAudience(c.audience).toLowerCase()} would reuse it in a larger script.`,
    "",
    pick(MISTAKES),
    "",
    `## Recap`,
    "",
    `We used ${c.topic} to answer two questions about a list of ${name}: first with a plain loop, then with a small function. Keep the steps explicit and the names meaningful, and the same approach carries over to your own data.`,
  ].join("\n");
  return { title, text };
}

function cap(s: string): string {
  return s.replace(/\b[a-z]/g, (m) => m.toUpperCase());
}

function shortAudience(a: string): string {
  const w = a.replace(/^(a|an|the)\s+/i, "").split(/\s+/).slice(0, 4).join(" ");
  return cap(w);
}

// ---- exercises ----

type ExerciseTemplate = {
  signature: (name: string) => string;
  doc: (name: string) => string[];
  solution: string;
  wrong: string;
  tests: (name: string) => string[];
};

const EXERCISES: ExerciseTemplate[] = [
  {
    signature: (n) => `def ${n}(numbers: list[int]) -> int:`,
    doc: (n) => ["Return the sum of the even numbers in `numbers` (0 for an empty list).", "", `>>> ${n}([1, 2, 3, 4])`, "6", `>>> ${n}([])`, "0"],
    solution: "    return sum(x for x in numbers if x % 2 == 0)\n",
    wrong: "    return sum(x for x in numbers if x % 2 == 1)\n",
    tests: (n) => [`assert ${n}([1, 2, 3, 4]) == 6`, `assert ${n}([]) == 0`, `assert ${n}([7, 9]) == 0`, `assert ${n}([-2, 2, 5]) == 0`],
  },
  {
    signature: (n) => `def ${n}(text: str) -> int:`,
    doc: (n) => ["Count the vowels (a, e, i, o, u, either case) in `text`.", "", `>>> ${n}("Banana")`, "3", `>>> ${n}("xyz")`, "0"],
    solution: '    return sum(1 for ch in text.lower() if ch in "aeiou")\n',
    wrong: '    return sum(1 for ch in text if ch in "aeiou")\n',
    tests: (n) => [`assert ${n}("Banana") == 3`, `assert ${n}("") == 0`, `assert ${n}("AEIOU") == 5`, `assert ${n}("rhythm") == 0`],
  },
  {
    signature: (n) => `def ${n}(items: list) -> list:`,
    doc: (n) => ["Return the items without repeats, keeping the first occurrence of each, in order.", "", `>>> ${n}([3, 1, 3, 2, 1])`, "[3, 1, 2]", `>>> ${n}([])`, "[]"],
    solution: "    seen = set()\n    result = []\n    for item in items:\n        if item not in seen:\n            seen.add(item)\n            result.append(item)\n    return result\n",
    wrong: "    return sorted(set(items))\n",
    tests: (n) => [`assert ${n}([3, 1, 3, 2, 1]) == [3, 1, 2]`, `assert ${n}([]) == []`, `assert ${n}(["b", "a", "b"]) == ["b", "a"]`],
  },
  {
    signature: (n) => `def ${n}(sentence: str) -> str:`,
    doc: (n) => ["Return the words of `sentence` in reverse order, separated by single spaces.", "", `>>> ${n}("the quick fox")`, "'fox quick the'", `>>> ${n}("  one  ")`, "'one'"],
    solution: '    return " ".join(reversed(sentence.split()))\n',
    wrong: '    return sentence[::-1]\n',
    tests: (n) => [`assert ${n}("the quick fox") == "fox quick the"`, `assert ${n}("") == ""`, `assert ${n}("  one  two ") == "two one"`],
  },
  {
    signature: (n) => `def ${n}(values: list[float]) -> list[float]:`,
    doc: (n) => ["Return the running maximum: element i is the largest of values[0..i].", "", `>>> ${n}([2, 1, 5, 3])`, "[2, 2, 5, 5]", `>>> ${n}([])`, "[]"],
    solution: "    result = []\n    best = None\n    for v in values:\n        best = v if best is None or v > best else best\n        result.append(best)\n    return result\n",
    wrong: "    return [max(values[:i]) for i in range(1, len(values))]\n",
    tests: (n) => [`assert ${n}([2, 1, 5, 3]) == [2, 2, 5, 5]`, `assert ${n}([]) == []`, `assert ${n}([-1, -3]) == [-1, -1]`],
  },
  {
    signature: (n) => `def ${n}(items: list, size: int) -> list[list]:`,
    doc: (n) => ["Split `items` into consecutive chunks of `size` (the last may be shorter).", "", "Raises ValueError when size < 1.", "", `>>> ${n}([1, 2, 3, 4, 5], 2)`, "[[1, 2], [3, 4], [5]]"],
    solution: '    if size < 1:\n        raise ValueError("size must be at least 1")\n    return [items[i:i + size] for i in range(0, len(items), size)]\n',
    wrong: "    return [items[i:i + size] for i in range(0, len(items) - 1, size)]\n",
    tests: (n) => [`assert ${n}([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]`, `assert ${n}([], 3) == []`, `assert ${n}([1, 2, 3], 3) == [[1, 2, 3]]`, `try:\n    ${n}([1], 0)\n    assert False, "expected ValueError"\nexcept ValueError:\n    pass`],
  },
  {
    signature: (n) => `def ${n}(n: int) -> int:`,
    doc: (n) => ["Return the sum of the decimal digits of the non-negative integer `n`.", "", `>>> ${n}(4096)`, "19", `>>> ${n}(0)`, "0"],
    solution: "    total = 0\n    while n > 0:\n        total += n % 10\n        n //= 10\n    return total\n",
    wrong: "    return len(str(n))\n",
    tests: (n) => [`assert ${n}(4096) == 19`, `assert ${n}(0) == 0`, `assert ${n}(9) == 9`, `assert ${n}(1001) == 2`],
  },
  {
    signature: (n) => `def ${n}(words: list[str]) -> dict[int, list[str]]:`,
    doc: (n) => ["Group `words` by their length; each group keeps the input order.", "", `>>> ${n}(["ab", "c", "de"])`, "{2: ['ab', 'de'], 1: ['c']}"],
    solution: "    groups: dict[int, list[str]] = {}\n    for word in words:\n        groups.setdefault(len(word), []).append(word)\n    return groups\n",
    wrong: "    return {len(w): [w] for w in words}\n",
    tests: (n) => [`assert ${n}(["ab", "c", "de"]) == {2: ["ab", "de"], 1: ["c"]}`, `assert ${n}([]) == {}`, `assert ${n}(["x", "y"]) == {1: ["x", "y"]}`],
  },
  {
    signature: (n) => `def ${n}(values: list[float], low: float, high: float) -> list[float]:`,
    doc: (n) => ["Clamp every value into the closed range [low, high].", "", `>>> ${n}([-5, 3, 12], 0, 10)`, "[0, 3, 10]"],
    solution: "    return [min(high, max(low, v)) for v in values]\n",
    wrong: "    return [min(high, v) for v in values]\n",
    tests: (n) => [`assert ${n}([-5, 3, 12], 0, 10) == [0, 3, 10]`, `assert ${n}([], 0, 1) == []`, `assert ${n}([0.5], 0, 1) == [0.5]`],
  },
  {
    signature: (n) => `def ${n}(text: str) -> bool:`,
    doc: (n) => ["Return True when `text` reads the same backwards, ignoring case and non-letters.", "", `>>> ${n}("Never odd or even")`, "True", `>>> ${n}("python")`, "False"],
    solution: "    letters = [ch.lower() for ch in text if ch.isalpha()]\n    return letters == letters[::-1]\n",
    wrong: "    return text == text[::-1]\n",
    tests: (n) => [`assert ${n}("Never odd or even")`, `assert not ${n}("python")`, `assert ${n}("")`, `assert ${n}("A man, a plan, a canal: Panama")`],
  },
];

export function exercise(c: GenerationConstraints): { prompt: string; solution: string; tests: string } {
  const name = c.functionName ?? `solve_${words(c.topic).join("_").slice(0, 30)}`;
  const h = hash32(`${name}\u0000${c.topic}\u0000${c.audience}`);
  const t = EXERCISES[h % EXERCISES.length];
  const wrong = Math.floor(h / EXERCISES.length) % 10 === 0;
  const doc = [`Exercise on ${c.topic} (for ${c.audience}).`, "", ...t.doc(name)];
  const prompt = `${t.signature(name)}\n    """${doc.map((l, i) => (i === 0 || !l ? l : `    ${l}`)).join("\n")}\n    """\n`;
  return { prompt, solution: wrong ? t.wrong : t.solution, tests: t.tests(name).join("\n") + "\n" };
}
