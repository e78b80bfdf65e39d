import { Markdown } from "@/components/markdown";
import type { ReviewItem, VersionDetail } from "@/lib/synthetic/review/types";

function CodePart({ label, hint, html, testId }: { label: string; hint?: string; html: string | null; testId: string }) {
  return (
    <section className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm" aria-label={label} data-testid={testId}>
      <header className="flex items-baseline gap-2 border-b border-slate-100 px-4 py-1.5 text-xs">
        <span className="font-medium text-slate-700">{label}</span>
        {hint && <span className="text-slate-500">{hint}</span>}
      </header>
      {html ? <div className="code-view" dangerouslySetInnerHTML={{ __html: html }} /> : <p className="px-4 py-3 text-sm text-slate-500 italic">none</p>}
    </section>
  );
}

/**
 * What an item says: a textbook section as rendered markdown with highlighted code blocks; an exercise as
 * its prompt (signature + docstring), solution and tests, each highlighted. Shared by the current item and
 * past versions in the history panel.
 */
export function ItemContent({ item }: { item: Pick<ReviewItem, "kind" | "parts" | "blocks" | "html"> | VersionDetail }) {
  if (item.kind === "textbook") {
    return (
      <article className="rounded-lg border border-slate-200 bg-white px-6 py-4 shadow-sm" data-testid="textbook-view">
        {item.parts.title && <h1 className="mb-1 text-xl font-semibold tracking-tight text-slate-900" data-testid="item-title">{item.parts.title}</h1>}
        <Markdown text={item.parts.text ?? ""} blocks={item.blocks} />
      </article>
    );
  }
  return (
    <div className="space-y-3" data-testid="exercise-view">
      <CodePart label="Prompt" hint="signature + docstring" html={item.html.prompt} testId="exercise-prompt" />
      <CodePart label="Solution" html={item.html.solution} testId="exercise-solution" />
      <CodePart label="Tests" hint="run after prompt + solution" html={item.html.tests} testId="exercise-tests" />
    </div>
  );
}
