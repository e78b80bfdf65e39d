import ReactMarkdown, { type Components, type ExtraProps } from "react-markdown";
import remarkGfm from "remark-gfm";

type Element = NonNullable<ExtraProps["node"]>;
type ElementContent = Element["children"][number];

export type HighlightedCodeBlock = { code: string; html: string; lang: string; index: number };

function textOf(nodes: ElementContent[] | undefined): string {
  return (nodes ?? []).map((n) => (n.type === "text" ? n.value : n.type === "element" ? textOf(n.children) : "")).join("");
}

/**
 * Markdown (GitHub flavour) for textbook sections. Raw HTML in the text is never rendered (react-markdown
 * shows it as text), links cannot be javascript:. Fenced code blocks are swapped for the server's shiki
 * highlighting of the same block, matched by their text; a block without one shows plain.
 */
export function Markdown({ text, blocks = [], testId = "markdown" }: { text: string; blocks?: HighlightedCodeBlock[]; testId?: string }) {
  const byCode = new Map(blocks.map((b) => [b.code.replace(/\n+$/, ""), b]));
  const components: Components = {
    pre: ({ node }) => {
      const code = node?.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
      const raw = textOf(code?.children).replace(/\n+$/, "");
      const classes = (code?.properties.className as string[] | undefined) ?? [];
      const lang = classes.find((c) => c.startsWith("language-"))?.slice(9) ?? "";
      const hit = byCode.get(raw);
      return (
        <div className="not-prose my-3 overflow-hidden rounded-md border border-slate-200" data-testid="md-code-block" data-lang={lang || "none"}>
          {lang && <div className="border-b border-slate-100 bg-slate-50 px-3 py-0.5 font-mono text-[11px] text-slate-500">{lang}</div>}
          {hit ? (
            <div className="code-view" dangerouslySetInnerHTML={{ __html: hit.html }} />
          ) : (
            <div className="code-view">
              <pre>
                <code>{raw}</code>
              </pre>
            </div>
          )}
        </div>
      );
    },
    code: ({ children }) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800">{children}</code>,
    h1: ({ children }) => <h1 className="mt-5 mb-2 text-xl font-semibold text-slate-900">{children}</h1>,
    h2: ({ children }) => <h2 className="mt-5 mb-2 text-lg font-semibold text-slate-900">{children}</h2>,
    h3: ({ children }) => <h3 className="mt-4 mb-1.5 text-base font-semibold text-slate-900">{children}</h3>,
    h4: ({ children }) => <h4 className="mt-3 mb-1 text-sm font-semibold text-slate-900">{children}</h4>,
    p: ({ children }) => <p className="my-2.5 leading-relaxed">{children}</p>,
    ul: ({ children }) => <ul className="my-2.5 list-disc space-y-1 pl-6">{children}</ul>,
    ol: ({ children }) => <ol className="my-2.5 list-decimal space-y-1 pl-6">{children}</ol>,
    blockquote: ({ children }) => <blockquote className="my-3 border-l-4 border-slate-200 pl-3 text-slate-600">{children}</blockquote>,
    a: ({ href, children }) => (
      <a href={href} className="text-indigo-700 underline hover:text-indigo-900" target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    ),
    table: ({ children }) => (
      <div className="my-3 overflow-x-auto">
        <table className="min-w-full border-collapse text-sm">{children}</table>
      </div>
    ),
    th: ({ children }) => <th className="border border-slate-200 bg-slate-50 px-2 py-1 text-left font-medium">{children}</th>,
    td: ({ children }) => <td className="border border-slate-200 px-2 py-1">{children}</td>,
    hr: () => <hr className="my-4 border-slate-200" />,
  };
  return (
    <div className="text-[15px] text-slate-800" data-testid={testId}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
