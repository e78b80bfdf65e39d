import { describe, expect, it } from "vitest";
import { parseScoreReply } from "@/lib/llm/parse-score-reply";

describe("parseScoreReply", () => {
  it.each([
    ['{"score": 3, "rationale": "loops"}', 3, "loops"],
    ['{"rationale": "clear", "score": 5}', 5, "clear"],
    ['  {"score":0,"rationale":""}\n', 0, ""],
    ['{"score": "4", "rationale": "string score"}', 4, "string score"],
    ['{"score": 2.0, "reason": "float that is whole"}', 2, "float that is whole"],
    ['{"educational_score": 1, "justification": "other keys"}', 1, "other keys"],
    ['```json\n{"score": 4, "rationale": "fenced"}\n```', 4, "fenced"],
    ['```\n{"score": 2, "rationale": "fence without language"}\n```', 2, "fence without language"],
    ['Sure! Here is my rating: {"rationale": "has {braces} and \\"quotes\\"", "score": 3} Hope it helps.', 3, 'has {braces} and "quotes"'],
    ["The code is a config file.\nEducational score: 1", 1, "The code is a config file."],
    ["Educational score: 3\nCovers loops without explanation.", 3, "Covers loops without explanation."],
    ["**Score:** 4/5 — good structure", 4, "good structure"],
    ["Points: 2 out of 5", 2, ""],
    ["I first thought score: 2, but on reflection the total score is 3", 3, "I first thought score: 2, but on reflection the total"],
  ])("reads %j", (text, score, rationale) => {
    expect(parseScoreReply(text)).toEqual({ ok: true, score, rationale });
  });

  it.each([
    ["", "empty reply"],
    ["I'm not able to rate this snippet.", "no score found"],
    ['{"score": 7, "rationale": "x"}', "outside 0–5"],
    ['{"score": -1}', "outside 0–5"],
    ['{"score": 3.5, "rationale": "half"}', "whole number"],
    ['{"score": "high"}', "not a number"],
    ["Educational score: 9", "outside 0–5"],
    ['{"rationale": "no score key"}', "no score found"],
    ['{"score": 3, "rationale": "cut off', "no score found"],
  ])("rejects %j", (text, error) => {
    const r = parseScoreReply(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(error);
  });

  it("keeps long rationales bounded", () => {
    const r = parseScoreReply(JSON.stringify({ score: 2, rationale: "x".repeat(10_000) }));
    expect(r.ok && r.rationale.length).toBe(4000);
  });
});
