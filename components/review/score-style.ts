/** One color per score 0–5, from "no educational value" (red) to "textbook quality" (emerald). */
export const SCORE_STYLE: Record<number, { soft: string; solid: string; dot: string; text: string }> = {
  0: { soft: "bg-red-50 text-red-800 ring-red-200 hover:bg-red-100", solid: "bg-red-600 text-white ring-red-700", dot: "bg-red-500", text: "text-red-700" },
  1: { soft: "bg-orange-50 text-orange-800 ring-orange-200 hover:bg-orange-100", solid: "bg-orange-500 text-white ring-orange-600", dot: "bg-orange-500", text: "text-orange-700" },
  2: { soft: "bg-amber-50 text-amber-900 ring-amber-200 hover:bg-amber-100", solid: "bg-amber-500 text-white ring-amber-600", dot: "bg-amber-500", text: "text-amber-700" },
  3: { soft: "bg-lime-50 text-lime-900 ring-lime-200 hover:bg-lime-100", solid: "bg-lime-600 text-white ring-lime-700", dot: "bg-lime-500", text: "text-lime-700" },
  4: { soft: "bg-green-50 text-green-800 ring-green-200 hover:bg-green-100", solid: "bg-green-600 text-white ring-green-700", dot: "bg-green-500", text: "text-green-700" },
  5: { soft: "bg-emerald-50 text-emerald-800 ring-emerald-200 hover:bg-emerald-100", solid: "bg-emerald-700 text-white ring-emerald-800", dot: "bg-emerald-600", text: "text-emerald-700" },
};

/** Short rubric hints for the score buttons (additive 0–5 educational-value scale). */
export const SCORE_HINT: Record<number, string> = {
  0: "No value",
  1: "Little to learn",
  2: "Some concepts",
  3: "Clear, useful",
  4: "Instructive",
  5: "Textbook",
};

export function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
