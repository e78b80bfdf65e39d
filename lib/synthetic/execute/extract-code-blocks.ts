export type CodeBlock = {
  /** 0-based position among the document's fenced code blocks. */
  index: number;
  /** First word of the info string, lower-cased ("" when none). */
  lang: string;
  /** The block's text without the fences or a trailing newline. */
  code: string;
};

const PYTHON_LANGS = new Set(["python", "py", "python3"]);

export function isPythonBlock(block: CodeBlock): boolean {
  return PYTHON_LANGS.has(block.lang);
}

/**
 * The fenced code blocks of a markdown document, as CommonMark reads them at the top level: a fence is
 * ≥ 3 backticks or tildes indented ≤ 3 spaces; it closes with the same character, at least as long; an
 * unclosed fence runs to the end; content lines lose the opening fence's indentation. Used to run a textbook
 * section's ```python blocks in order and to highlight blocks for the review page (which matches them to
 * what react-markdown renders by their text).
 */
export function extractCodeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    if (fence[0] === "`" && info.includes("`")) continue;
    const close = new RegExp(`^ {0,3}${fence[0] === "`" ? "`" : "~"}{${fence.length},}[ \\t]*$`);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !close.test(lines[j]); j++) {
      let line = lines[j];
      for (let k = 0; k < indent.length && line.startsWith(" "); k++) line = line.slice(1);
      body.push(line);
    }
    blocks.push({ index: blocks.length, lang: (info.trim().split(/\s+/)[0] ?? "").toLowerCase().replace(/^\{?\.?/, "").replace(/\}$/, ""), code: body.join("\n") });
    i = j;
  }
  return blocks;
}
