import { describe, expect, it } from "vitest";
import { highlightCode, MAX_HIGHLIGHT_LINES } from "./highlight-code";
import { highlightLangFor } from "./languages";

describe("highlightCode", () => {
  it("colors known languages into .line spans, one per line, without a trailing empty line", async () => {
    const r = await highlightCode({ code: "def f(x):\n    return x  # ok\n", language: "Python" });
    expect(r.language).toBe("python");
    expect(r.truncated).toBeNull();
    expect(r.html.startsWith('<pre class="shiki github-light"')).toBe(true);
    expect(r.html.match(/<span class="line">/g)).toHaveLength(2);
    expect(r.html).toMatch(/<span style="color:#[0-9A-Fa-f]{3,8}">def<\/span>/);
  });

  it("escapes everything and falls back to plain text for unknown languages", async () => {
    const evil = `</code></pre><script>alert("x")</script>&amp;`;
    for (const language of ["cobol", "javascript", null]) {
      const r = await highlightCode({ code: evil, language });
      expect(r.html).not.toContain("<script>");
      const text = r.html.replace(/^<pre[^>]*><code>/, "").replace(/<\/code><\/pre>$/, "").replace(/<\/?span[^>]*>/g, "");
      expect(text).toBe(evil.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"));
    }
    expect((await highlightCode({ code: "x", language: "cobol" })).language).toBe("plaintext");
    expect((await highlightCode({ code: "x", language: "python", colorize: false })).language).toBe("plaintext");
  });

  it("caps very long inputs and says how much is shown", async () => {
    const code = Array.from({ length: MAX_HIGHLIGHT_LINES + 500 }, (_, i) => `x_${i} = ${i}`).join("\n");
    const r = await highlightCode({ code, language: "python" });
    expect(r.truncated).toMatchObject({ shownLines: MAX_HIGHLIGHT_LINES, totalLines: MAX_HIGHLIGHT_LINES + 500 });
    expect(r.html.match(/<span class="line">/g)).toHaveLength(MAX_HIGHLIGHT_LINES);
    const wide = await highlightCode({ code: "a".repeat(300_000), language: "json" });
    expect(wide.truncated?.shownChars).toBe(200_000);
  });

  it("maps corpus language names to grammars", () => {
    expect(["C++", "Shell", "TypeScript", "yml", "Markdown", "GO"].map(highlightLangFor)).toEqual(["cpp", "shellscript", "typescript", "yaml", "markdown", "go"]);
    expect(highlightLangFor("Haskell")).toBeNull();
  });
});
