import type { ReviewSnippet } from "@/lib/labels/types";
import { formatBytes } from "@/lib/format-bytes";

/**
 * The snippet's code, highlighted on the server (shiki HTML, every input character escaped there), with
 * a one-line header. `.code-view` in app/globals.css adds the line numbers.
 */
export function CodePanel({ snippet }: { snippet: ReviewSnippet }) {
  const where = [snippet.source, snippet.path].filter(Boolean).join(" · ") || "unknown source";
  return (
    <section className="flex min-w-0 flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm" aria-label="Snippet code">
      <header className="flex items-center gap-3 border-b border-slate-100 px-4 py-2 text-xs text-slate-500">
        <span className="truncate font-mono text-slate-700" title={where}>{where}</span>
        <span className="ml-auto flex shrink-0 items-center gap-3">
          <span className="rounded bg-slate-100 px-1.5 py-0.5 font-medium text-slate-700">{snippet.language}</span>
          <span>{snippet.lineCount.toLocaleString()} lines</span>
          <span>{formatBytes(snippet.sizeBytes)}</span>
          <span className="font-mono text-slate-700" data-testid="snippet-id">#{snippet.id}</span>
        </span>
      </header>
      <div
        className="code-view max-h-[calc(100vh-13rem)] min-h-64 overflow-auto"
        data-testid="review-code"
        data-snippet-id={snippet.id}
        dangerouslySetInnerHTML={{ __html: snippet.html }}
      />
      {snippet.truncated && (
        <footer className="border-t border-amber-200 bg-amber-50 px-4 py-1.5 text-xs text-amber-900">
          Showing the first {snippet.truncated.shownLines.toLocaleString()} of {snippet.truncated.totalLines.toLocaleString()} lines
          ({formatBytes(snippet.truncated.shownChars)} of {formatBytes(snippet.truncated.totalChars)}): the rest is not displayed.
        </footer>
      )}
    </section>
  );
}

export function CodePanelSkeleton() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-busy="true" aria-label="Loading snippet">
      <div className="mb-4 h-3 w-1/3 animate-pulse rounded bg-slate-200" />
      {Array.from({ length: 14 }, (_, i) => (
        <div key={i} className="mb-2 h-3 animate-pulse rounded bg-slate-100" style={{ width: `${30 + ((i * 37) % 60)}%` }} />
      ))}
    </div>
  );
}
