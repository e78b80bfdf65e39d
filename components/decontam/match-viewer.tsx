"use client";

import { useEffect, useRef, useState } from "react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { percent } from "./format";
import { HighlightedText } from "./highlighted-text";
import { OverridePanel } from "./override-panel";
import { useSnippetContamination } from "./use-snippet-contamination";

/**
 * The side-by-side review of one flagged snippet: the snippet with the shared spans marked on the left, the
 * chosen benchmark item (prompt + solution) with its shared spans marked on the right, a tab per matched
 * item, and the override decision. Keys: `[` / `]` previous / next matched item, Esc closes. Mount it with
 * key={snippetId} so another snippet starts at its first match.
 */
export function MatchViewer({ snippetId, onClose }: { snippetId: number; onClose: () => void }) {
  const detail = useSnippetContamination(snippetId);
  const [active, setActive] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const matches = detail.data?.matches ?? [];
  const current = matches[Math.min(active, Math.max(0, matches.length - 1))];

  useEffect(() => {
    root.current?.closest("section")?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "TEXTAREA" || t.tagName === "INPUT" || t.tagName === "SELECT")) return;
      if (e.key === "Escape") onClose();
      else if (e.key === "]") setActive((a) => Math.min(a + 1, Math.max(0, matches.length - 1)));
      else if (e.key === "[") setActive((a) => Math.max(0, a - 1));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose, matches.length]);
  useEffect(() => {
    // Bring the first marked span of each side into view.
    for (const pre of root.current?.querySelectorAll("pre") ?? []) {
      const mark = pre.querySelector<HTMLElement>("mark[data-first-mark]");
      if (mark) pre.scrollTop = Math.max(0, mark.offsetTop - pre.offsetTop - 24);
    }
  }, [current?.id, detail.data]);

  const title = detail.data ? (
    <span>
      Snippet #{detail.data.snippet.id} <span className="font-normal text-slate-500">· {detail.data.snippet.datasetName}{detail.data.snippet.path ? ` · ${detail.data.snippet.path}` : ""}</span>
    </span>
  ) : (
    `Snippet #${snippetId}`
  );
  return (
    <Card
      title={title}
      actions={
        <Button variant="ghost" className="px-2 py-0.5 text-xs" onClick={onClose} aria-label="Close the match view" data-testid="match-close">
          Close (Esc)
        </Button>
      }
    >
      <div ref={root} className="space-y-3" data-testid="match-viewer">
        {detail.error ? (
          <Alert tone="error">{detail.error.message}</Alert>
        ) : !detail.data ? (
          <div className="h-64 animate-pulse rounded bg-slate-100" aria-busy="true" aria-label="Loading the snippet's matches" />
        ) : (
          <>
            <OverridePanel data={detail.data} />
            {matches.length === 0 ? (
              <p className="text-sm text-slate-600" data-testid="match-none">
                No current benchmark match for this snippet{detail.data.snippet.contaminated ? " (the flag is cleared by the next check)" : ""}.
              </p>
            ) : (
              <>
                <div role="tablist" aria-label="Matched benchmark items" className="flex flex-wrap gap-1.5">
                  {matches.map((m, i) => (
                    <button
                      key={m.id}
                      role="tab"
                      aria-selected={m.id === current?.id}
                      onClick={() => setActive(i)}
                      className={`rounded-md px-2 py-1 text-xs ring-1 ${m.id === current?.id ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
                      data-testid="match-tab"
                    >
                      {m.benchmark.name} <span className="font-mono">{m.item.taskId}</span> · {percent(m.overlap)}
                    </button>
                  ))}
                  {matches.length > 1 && <span className="self-center text-xs text-slate-500">[ / ] switch</span>}
                </div>
                {current && (
                  <>
                    <p className="text-xs text-slate-600" data-testid="match-summary">
                      {current.method === "ngram"
                        ? `${current.shared} shared ${current.ngram}-word n-grams, ${percent(current.overlap)} of the item's n-grams`
                        : `The item's normalized text (${current.shared} characters) occurs in the snippet, ${percent(current.overlap)} of the item`}
                      {" "}· run #{current.runId}
                    </p>
                    <div className="grid gap-3 lg:grid-cols-2">
                      <section className="space-y-1">
                        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Snippet</h3>
                        <HighlightedText text={detail.data.snippet.content} spans={current.highlights.snippet} testId="match-snippet" label={`Snippet ${detail.data.snippet.id} with the matching spans marked`} />
                      </section>
                      <section className="space-y-1">
                        <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
                          {current.benchmark.name} {current.item.taskId}
                          {current.item.entryPoint ? <span className="font-normal normal-case"> · {current.item.entryPoint}</span> : null}
                        </h3>
                        <div className="text-[11px] text-slate-500">Prompt</div>
                        <HighlightedText text={current.item.prompt} spans={current.highlights.prompt} testId="match-prompt" label={`Prompt of ${current.item.taskId}`} />
                        <div className="text-[11px] text-slate-500">Solution</div>
                        <HighlightedText text={current.item.solution} spans={current.highlights.solution} testId="match-solution" label={`Solution of ${current.item.taskId}`} />
                      </section>
                    </div>
                  </>
                )}
              </>
            )}
          </>
        )}
      </div>
    </Card>
  );
}
