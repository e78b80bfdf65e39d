import type { DiversityMetrics } from "@/lib/diversity/types";
import { count, percent, ratio } from "./format";

function FigureCard({ id, label, value, children }: { id: string; label: string; value: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="min-w-0 rounded-md border border-slate-200 bg-white p-3" data-testid={`diversity-card-${id}`}>
      <div className="text-xs font-medium text-slate-500">{label}</div>
      <div className="mt-0.5 text-2xl font-semibold tabular-nums text-slate-900" data-testid={`diversity-card-${id}-value`}>{value}</div>
      <p className="mt-1 text-xs leading-snug text-slate-600">{children}</p>
    </div>
  );
}

/** The headline figures of a report, each with what it measures and which direction is better. */
export function MetricCards({ m }: { m: DiversityMetrics }) {
  const nd = m.nearDup;
  const v = m.vectors;
  const tb = m.coverage?.textbook;
  const ex = m.coverage?.exercise;
  const entropy = tb?.entropy ?? ex?.entropy ?? null;
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="diversity-cards">
      <FigureCard id="distinct" label="Distinct-1 / 2 / 3" value={m.distinct.map((d) => ratio(d.ratio, 2)).join(" / ")}>
        Distinct word n-grams ÷ all n-grams over the {count(m.sample.items)} sampled items. Higher = more varied wording; templated text pulls distinct-2/3 down.
      </FigureCard>
      <FigureCard id="compression" label="Compression ratio" value={ratio(m.compression.ratio)}>
        gzip size ÷ raw size of the sample ({count(m.compression.rawBytes)} bytes). <strong>Lower = more repetition</strong>; varied prose sits near 0.35, code near 0.25.
      </FigureCard>
      <FigureCard id="neardup" label="Near-duplicate rate" value={percent(nd.rate, 2)}>
        {count(nd.duplicates)} of {count(nd.items)} items are near-copies (estimated Jaccard ≥ {nd.threshold} over word {nd.shingle}-gram shingles) of an earlier item, in {count(nd.clusters)} cluster{nd.clusters === 1 ? "" : "s"}. Lower is better; they are marked for export.
      </FigureCard>
      <FigureCard id="vendi" label={`Vendi score (${v.kind === "embeddings" ? "embeddings" : "TF-IDF"})`} value={<>{ratio(v.vendi, 1)} <span className="text-sm font-normal text-slate-500">of {count(v.n)}</span></>}>
        Effective number of distinct items in the sample: 1 if all were the same, {count(v.n)} if all were unrelated. {v.kind === "embeddings" ? `Cached ${v.model} embeddings.` : `TF-IDF vectors (${count(v.dimensions)} terms).`}
      </FigureCard>
      <FigureCard id="dispersion" label="Dispersion" value={ratio(v.dispersion)}>
        Mean pairwise cosine distance (1 − cos) between the sampled items&apos; {v.kind === "embeddings" ? "embeddings" : "TF-IDF vectors"}. Higher = more spread out.
      </FigureCard>
      <FigureCard id="entropy" label="Grid coverage entropy" value={ratio(entropy)}>
        {tb
          ? `H / log(cells) of the items over the ${tb.topics.length} × ${tb.audiences.length} topic × audience grid: 1 = every cell equally covered. ${tb.cellsHit} of ${tb.cells} cells hit.`
          : ex
            ? `H / log(topics) of the exercises over ${ex.cells} topics: 1 = every topic equally covered.`
            : "No constraint grid: this dataset has no synthetic items."}
      </FigureCard>
      <FigureCard id="function-names" label="Function-name uniqueness" value={percent(m.functionNames.ratio)}>
        Distinct ÷ all function names ({count(m.functionNames.distinct)} of {count(m.functionNames.total)}, {m.functionNames.source === "declared" ? "as the exercises declare them" : m.functionNames.source === "code" ? "from def statements" : m.functionNames.source === "mixed" ? "declared names and def statements" : "none found"}). Higher = fewer reused names.
      </FigureCard>
      <FigureCard id="openings" label="Distinct openings" value={percent(m.openings.total ? m.openings.distinct / m.openings.total : null)}>
        Items whose first {m.openings.words} words (after a section&apos;s headings) no other item starts with the same way: {count(m.openings.distinct)} distinct of {count(m.openings.total)}.
      </FigureCard>
    </div>
  );
}
