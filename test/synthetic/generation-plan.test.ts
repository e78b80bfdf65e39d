import { describe, expect, it } from "vitest";
import { ZGenerationCampaignInput } from "@/lib/synthetic/campaign-input";
import { FUNCTION_NAME, generateFunctionNames, vocabularyFor } from "@/lib/synthetic/generate-function-names";
import { exerciseCount, gridCells, planGeneration, type PlanInput } from "@/lib/synthetic/plan-generation";

const topics = ["recursion", "string manipulation", "file input and output", "dictionaries and sets", "sorting algorithms"];
const audiences = ["a high-school student", "a data analyst", "a biology researcher"];
const base: PlanInput = { kind: "textbook", topics, audiences, functionNames: [], functionNameMode: "generated", count: 0, strategy: "balanced", seed: 42 };
const cellKey = (p: { topic: string; audience: string | null }) => `${p.topic}|${p.audience}`;

function usePerCell(items: { topic: string; audience: string | null }[]) {
  const m = new Map<string, number>();
  for (const i of items) m.set(cellKey(i), (m.get(cellKey(i)) ?? 0) + 1);
  return m;
}

describe("balanced plan", () => {
  it.each([1, 7, 15, 16, 44, 100, 301])("uses every cell floor(n/cells) or +1 times (n = %i)", (count) => {
    const plan = planGeneration({ ...base, count });
    const cells = gridCells(topics, audiences).length;
    expect(plan).toHaveLength(count);
    expect(plan.map((p) => p.position)).toEqual([...Array(count).keys()]);
    const uses = usePerCell(plan);
    const lo = Math.floor(count / cells);
    // Every cell of the grid appears (when count allows), each lo or lo + 1 times, and exactly count % cells get lo + 1.
    const all = gridCells(topics, audiences).map((c) => uses.get(cellKey(c)) ?? 0);
    expect(all.every((u) => u === lo || u === lo + 1)).toBe(true);
    expect(all.filter((u) => u === lo + 1)).toHaveLength(count % cells);
  });

  it("spreads every prefix over the grid (round-robin over a shuffled cell order)", () => {
    const plan = planGeneration({ ...base, count: 45 });
    expect(new Set(plan.slice(0, 15).map(cellKey)).size).toBe(15);
    expect(new Set(plan.slice(15, 30).map(cellKey)).size).toBe(15);
  });

  it("is reproducible from its seed, and another seed gives another order", () => {
    const a = planGeneration({ ...base, count: 30, kind: "mixed" });
    expect(planGeneration({ ...base, count: 30, kind: "mixed" })).toEqual(a);
    const b = planGeneration({ ...base, count: 30, kind: "mixed", seed: 43 });
    expect(b.map(cellKey)).not.toEqual(a.map(cellKey));
    expect(usePerCell(b.filter((p) => p.kind === "textbook"))).toEqual(usePerCell(a.filter((p) => p.kind === "textbook")));
  });

  it("without audiences, the grid is the topics alone", () => {
    const plan = planGeneration({ ...base, audiences: [], count: 12 });
    expect(plan.every((p) => p.audience === null)).toBe(true);
    expect([...usePerCell(plan).values()].sort()).toEqual([2, 2, 2, 3, 3]);
  });
});

describe("random plan", () => {
  it("draws cells with a seeded generator: same seed same plan, every cell of the grid", () => {
    const a = planGeneration({ ...base, strategy: "random", count: 600 });
    expect(planGeneration({ ...base, strategy: "random", count: 600 })).toEqual(a);
    expect(planGeneration({ ...base, strategy: "random", count: 600, seed: 9 })).not.toEqual(a);
    const uses = [...usePerCell(a).values()];
    expect(uses).toHaveLength(15);
    // Uniform draws: 40 expected per cell; not balanced exactly.
    expect(Math.min(...uses)).toBeGreaterThan(15);
    expect(new Set(uses).size).toBeGreaterThan(1);
  });
});

describe("mixed campaigns and function names", () => {
  it("splits by exerciseShare and interleaves the kinds evenly", () => {
    expect(exerciseCount("mixed", 10, 0.3)).toBe(3);
    const plan = planGeneration({ ...base, kind: "mixed", count: 10, exerciseShare: 0.3 });
    expect(plan.filter((p) => p.kind === "exercise")).toHaveLength(3);
    expect(plan.map((p) => p.kind[0]).join("")).toBe("tttettette");
    for (const p of plan) expect(p.functionName === null).toBe(p.kind === "textbook");
  });

  it("generated names are valid, unique within the campaign, topic-appropriate and reproducible", () => {
    const plan = planGeneration({ ...base, kind: "exercise", count: 3000 });
    const names = plan.map((p) => p.functionName!);
    expect(new Set(names).size).toBe(3000);
    for (const n of names) expect(n).toMatch(FUNCTION_NAME);
    expect(planGeneration({ ...base, kind: "exercise", count: 3000 }).map((p) => p.functionName)).toEqual(names);
    const strings = plan.filter((p) => p.topic === "string manipulation").slice(0, 20);
    const { verbs } = vocabularyFor("string manipulation");
    for (const p of strings) expect(verbs.some((v) => p.functionName!.startsWith(`${v}_`))).toBe(true);
    // Short verb_noun names first; qualifiers only once those run out.
    expect(names.slice(0, 50).filter((n) => n.split("_").length <= 3).length).toBeGreaterThan(40);
  });

  it("generateFunctionNames never repeats, even on one topic far beyond its vocabulary", () => {
    const names = generateFunctionNames(Array(5000).fill("recursion"), 1);
    expect(new Set(names).size).toBe(5000);
  });

  it("listed names are used round-robin over a seeded shuffle", () => {
    const functionNames = ["alpha_one", "beta_two", "gamma_three"];
    const plan = planGeneration({ ...base, kind: "exercise", functionNameMode: "list", functionNames, count: 7 });
    const uses = new Map<string, number>();
    for (const p of plan) uses.set(p.functionName!, (uses.get(p.functionName!) ?? 0) + 1);
    expect([...uses.values()].sort()).toEqual([2, 2, 3]);
    expect(new Set(plan.slice(0, 3).map((p) => p.functionName)).size).toBe(3);
  });
});

describe("campaign input", () => {
  const ok = { datasetName: "synth", topics: ["a"], count: 3 };
  it("dedupes and trims lists and checks what a campaign needs", () => {
    const v = ZGenerationCampaignInput.parse({ ...ok, topics: [" recursion ", "recursion", "", "loops"], audiences: ["x", "x"] });
    expect(v.topics).toEqual(["recursion", "loops"]);
    expect(v.audiences).toEqual(["x"]);
    expect(v.plan).toEqual({ strategy: "balanced", exerciseShare: 0.5 });
    const problems = (input: object) => {
      const r = ZGenerationCampaignInput.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(problems({ ...ok, topics: [] })).toContain("give at least one topic");
    expect(problems({ ...ok, datasetId: 1 })[0]).toMatch(/choose a dataset/);
    expect(problems({ topics: ["a"], count: 3 })[0]).toMatch(/choose a dataset/);
    expect(problems({ ...ok, kind: "exercise", functionNameMode: "list" })[0]).toMatch(/exercises need function names/);
    expect(problems({ ...ok, kind: "exercise", functionNameMode: "list", functionNames: ["Not Valid"] })[0]).toMatch(/Python identifiers/);
    expect(problems({ ...ok, count: 0 })[0]).toMatch(/count/);
    expect(problems({ ...ok, temperature: 3 })[0]).toMatch(/temperature/);
  });
});
