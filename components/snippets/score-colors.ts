/**
 * One palette for educational-value scores everywhere (badges, charts): red for 0 through green for 5,
 * slate for unlabeled. Class strings are spelled out so Tailwind sees them.
 */
export const SCORE_HEX: Record<string, string> = {
  "0": "#dc2626",
  "1": "#ea580c",
  "2": "#d97706",
  "3": "#65a30d",
  "4": "#16a34a",
  "5": "#047857",
  unlabeled: "#94a3b8",
};

export const SCORE_BADGE: Record<string, string> = {
  "0": "bg-red-50 text-red-700 ring-red-200",
  "1": "bg-orange-50 text-orange-700 ring-orange-200",
  "2": "bg-amber-50 text-amber-800 ring-amber-200",
  "3": "bg-lime-50 text-lime-800 ring-lime-200",
  "4": "bg-green-50 text-green-700 ring-green-200",
  "5": "bg-emerald-100 text-emerald-800 ring-emerald-300",
  unlabeled: "bg-slate-50 text-slate-500 ring-slate-200",
};

export const scoreKey = (score: number | null) => (score === null ? "unlabeled" : String(score));
