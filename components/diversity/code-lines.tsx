import type { ClusterMember } from "@/lib/diversity/get-cluster";

/**
 * A member's highlighted lines (HTML from the server's highlighter, escaped there) with line numbers; the
 * lines that differ from the other side are tinted and marked in the gutter.
 */
export function CodeLines({ member, changed, testId }: { member: ClusterMember; changed: number[]; testId: string }) {
  const marked = new Set(changed);
  // Prose (textbook sections) wraps so a differing end of a long paragraph line stays visible; code scrolls.
  const wrap = member.kind === "textbook";
  return (
    <div className="max-h-[32rem] overflow-auto rounded-md border border-slate-200 text-[12px] leading-[1.5]" style={parseStyle(member.preStyle)} data-testid={testId}>
      <pre className={`py-2 ${wrap ? "" : "min-w-max"}`} style={{ fontFamily: "var(--font-mono)" }}>
        <code>
          {member.lines.map((html, i) => (
            <div key={i} className={`flex ${marked.has(i) ? "bg-amber-100/80" : ""}`} data-changed={marked.has(i) ? "true" : undefined} data-testid={marked.has(i) ? "changed-line" : undefined}>
              <span className={`w-10 shrink-0 select-none pr-2 text-right ${marked.has(i) ? "border-l-2 border-amber-500 text-amber-700" : "border-l-2 border-transparent text-slate-400"}`}>{i + 1}</span>
              <span className={`min-w-0 pr-4 ${wrap ? "whitespace-pre-wrap break-words" : "whitespace-pre"}`} dangerouslySetInnerHTML={{ __html: html }} />
            </div>
          ))}
        </code>
      </pre>
      {member.truncated && <div className="border-t border-slate-200 bg-slate-50 px-2 py-1 text-xs text-slate-500">Only the beginning is shown.</div>}
    </div>
  );
}

/** "background-color:#fff;color:#24292e" → a style object (the server only emits validated colors there). */
function parseStyle(style: string): React.CSSProperties {
  const out: Record<string, string> = {};
  for (const part of style.split(";")) {
    const [k, v] = part.split(":").map((x) => x?.trim());
    if (k === "background-color" && v) out.backgroundColor = v;
    if (k === "color" && v) out.color = v;
  }
  return out;
}
