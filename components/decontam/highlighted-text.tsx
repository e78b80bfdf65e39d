import type { Span } from "@/lib/decontam/types";

/**
 * Text in a monospace block with the given character ranges marked. The first mark carries
 * data-first-mark so the viewer can scroll it into view.
 */
export function HighlightedText({ text, spans, testId, label }: { text: string; spans: Span[]; testId: string; label: string }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  spans.forEach(([start, end], i) => {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={i} data-testid="match-highlight" data-first-mark={i === 0 ? "" : undefined} className="rounded-sm bg-amber-200/80 text-slate-900 ring-1 ring-amber-300">
        {text.slice(Math.max(start, at), end)}
      </mark>,
    );
    at = Math.max(at, end);
  });
  if (at < text.length) parts.push(text.slice(at));
  return (
    <pre aria-label={label} data-testid={testId} className="max-h-[32rem] overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap text-slate-800 ring-1 ring-slate-200">
      {text.length ? parts : <span className="text-slate-400">(empty)</span>}
    </pre>
  );
}
