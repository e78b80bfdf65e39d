import { FNV_OFFSET, FNV_PRIME, fmix32, type HashTable } from "./hash-token";
import type { LanguageMode } from "./language-mode";
import { PYTHON_STDLIB_MODULES, R, ROLE_WORD_LENGTHS, TOKEN_ROLES } from "./token-roles";

/**
 * The one pass behind extractFeatures: a small state machine (code, line comment, block comment, string)
 * that counts what the structural features need and feeds hashed token unigrams and bigrams into buckets.
 * No regular expressions and no per-token strings: identifiers are hashed from their char codes as they
 * are scanned. Split into small methods so V8 compiles each quickly (one big function took ~400 ms per
 * compile and re-compiled after every rare branch it had not seen yet).
 *
 * One instance per thread is reused: reset() clears every field, so results depend on the input only.
 */

// Imported bindings copied into module constants: transpiled ES modules read an import through a getter
// on every access, which cost more than the lookups themselves in these loops.
const OFFSET = FNV_OFFSET;
const PRIME = FNV_PRIME;
const mix = fmix32;
const ROLE_KEYS = TOKEN_ROLES.keys;
const ROLE_CODES = TOKEN_ROLES.codes;
const ROLE_MASK = TOKEN_ROLES.mask;
const STDLIB: HashTable = PYTHON_STDLIB_MODULES;
const ROLE_MIN_LEN = ROLE_WORD_LENGTHS.min;
const ROLE_MAX_LEN = ROLE_WORD_LENGTHS.max;
const R_DEF = R.DEF;
const R_CLASS = R.CLASS;
const R_IMPORT = R.IMPORT;
const R_FROM = R.FROM;
const R_FUNCTION = R.FUNCTION;
const R_ASYNC = R.ASYNC;
const R_IF = R.IF;
const R_USE = R.USE;
const R_ASSERT = R.ASSERT;
const R_KEYWORD_LIMIT = R.KEYWORD_LIMIT;
const R_PRINT = R.PRINT;
const R_LOGGING = R.LOGGING;
const R_TEST = R.TEST;
const R_DUNDER_NAME = R.DUNDER_NAME;
const R_MAIN = R.MAIN;
const R_REQUIRE = R.REQUIRE;
const R_INCLUDE = R.INCLUDE;
const R_TODO = R.TODO;
const R_CONSOLE = R.CONSOLE;

export const NGRAM_BUCKETS = 192;

// Scanner states.
const CODE = 0;
const LINE_COMMENT = 1;
const BLOCK_COMMENT = 2;
const STRING = 3;

// Token kinds.
const K_IDENT = 1;
const K_KEYWORD = 2;
const K_NUM = 3;
const K_STR = 4;
const K_DOC = 5;
const K_PUNCT = 6;

const H_NUM = 0x4e554d31;
const H_STR = 0x53545231;
const H_DOC = 0x444f4331;
const COMMENT_SEED = 0x6d2b79f5;
const DISTINCT_SIZE = 4096;
const DISTINCT_LIMIT = 2048;
const STACK_LIMIT = 64;
const PAREN_LIMIT = 256;

// Character classes of ASCII codes; everything ≥ 128 is an identifier character.
const IDENT_START = 1;
const IDENT_PART = 2;
const DIGIT = 4;
const UPPER = 8;
const LOWER = 16;
const VOWEL = 32;
const CC = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[a-z]/.test(ch)) CC[c] |= IDENT_START | IDENT_PART | LOWER;
  if (/[A-Z]/.test(ch)) CC[c] |= IDENT_START | IDENT_PART | UPPER;
  if (/[0-9]/.test(ch)) CC[c] |= IDENT_PART | DIGIT;
  if (ch === "_" || ch === "$") CC[c] |= IDENT_START | IDENT_PART;
  if ("aeiouy".includes(ch)) CC[c] |= VOWEL;
}

const punctHash = (c: number) => Math.imul(c + 0x3f1, 0x2c1b3c6d) >>> 0;

/** The role of a token hash (see token-roles.ts), 0 for a plain identifier. */
function roleOf(h: number): number {
  let slot = (h ^ (h >>> 15)) & ROLE_MASK;
  for (;;) {
    const code = ROLE_CODES[slot];
    if (code === 0 || ROLE_KEYS[slot] === h) return code;
    slot = (slot + 1) & ROLE_MASK;
  }
}

function hasPrefixLower(text: string, from: number, len: number, prefix: string): boolean {
  if (len < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if ((text.charCodeAt(from + k) | 32) !== prefix.charCodeAt(k)) return false;
  return true;
}

function isStringPrefix(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k) | 32;
    if (c !== 114 && c !== 98 && c !== 102 && c !== 117) return false;
  }
  return true;
}

export class CodeScanner {
  readonly buckets = new Float64Array(NGRAM_BUCKETS);
  readonly lineLenHist = new Int32Array(257);
  readonly indentHist = new Int32Array(129);
  private readonly distinctKeys = new Uint32Array(DISTINCT_SIZE);
  private readonly distinctStamp = new Uint32Array(DISTINCT_SIZE);
  private distinctGeneration = 0;
  private readonly pyFuncIndent = new Int32Array(STACK_LIMIT);
  private readonly pyFuncStart = new Int32Array(STACK_LIMIT);
  private readonly braceFuncDepth = new Int32Array(STACK_LIMIT);
  private readonly braceFuncStart = new Int32Array(STACK_LIMIT);
  private readonly parenFlags = new Uint8Array(PAREN_LIMIT);

  private text = "";
  private n = 0;
  private i = 0;
  private python = false;
  private hashComments = 0;
  private slashComments = false;
  private backticks = false;
  private lifetimes = false;

  // Scanner state carried across lines.
  private state = CODE;
  private strQuote = 0;
  private strTriple = false;
  private strMulti = false;
  private strDoc = false;
  private bracketDepth = 0;
  // Open parentheses and square brackets (and braces in Python, where they are literals): a line that
  // starts inside one continues a statement.
  private contDepth = 0;
  private braceDepth = 0;
  private parenDepth = 0;
  private lastParenFlag = 0;
  private pyDepth = 0;
  private braceFuncs = 0;
  private pendingBraceFunc = false;
  private awaitDoc = false;
  private awaitDocLine = -1;
  private importPending = 0;
  private prevTok = 0;
  private prevKind = 0;
  private prevRole = 0;
  private prevChar = 0;
  private lastCodeLine = -1;
  private prevBackslash = false;
  private prevNonBlankComment = false;

  // The current line.
  private lineLenStart = 0;
  private cols = 0;
  private lineStartState = CODE;
  private lineStartCont = 0;
  private lineCode = false;
  private lineDoc = false;
  private lineComment = false;
  private lineTokens = 0;
  private lineLits = 0;
  private lineIdents = 0;
  private firstRole = 0;
  private stmt = false;
  private lastCodeChar = 0;

  // Counts read by extractFeatures.
  lines = 0;
  blankLines = 0;
  commentLines = 0;
  inlineCommentLines = 0;
  codeLines = 0;
  docLines = 0;
  doctestLines = 0;
  nonBlank = 0;
  commentChars = 0;
  stringChars = 0;
  nonAscii = 0;
  urls = 0;
  todos = 0;
  trailing = 0;
  long100 = 0;
  long120 = 0;
  lenSum = 0;
  lenSq = 0;
  lenMax = 0;
  tokens = 0;
  keywords = 0;
  idents = 0;
  identLenSum = 0;
  identShort = 0;
  distinctSeen = 0;
  distinctCount = 0;
  distinctSnake = 0;
  distinctCamel = 0;
  distinctWordlike = 0;
  numTokens = 0;
  dataLines = 0;
  docstrings = 0;
  functions = 0;
  classes = 0;
  documented = 0;
  funcLenSum = 0;
  funcLenCount = 0;
  funcLenMax = 0;
  imports = 0;
  importStd = 0;
  importThird = 0;
  importRel = 0;
  mainGuard = 0;
  prints = 0;
  logs = 0;
  tests = 0;
  arrows = 0;
  decorators = 0;
  globalLines = 0;
  indentLines = 0;
  indentColsSum = 0;
  indentColsMax = 0;
  maxBracket = 0;

  scan(text: string, maxChars: number, mode: LanguageMode): void {
    this.reset(text, maxChars, mode);
    while (this.i < this.n) {
      this.startLine();
      this.scanLine();
      this.endLine();
    }
    if (this.python) this.closePythonFunctions(0);
  }

  private reset(text: string, maxChars: number, mode: LanguageMode): void {
    this.buckets.fill(0);
    this.lineLenHist.fill(0);
    this.indentHist.fill(0);
    this.distinctGeneration = (this.distinctGeneration + 1) >>> 0;
    if (this.distinctGeneration === 0) {
      this.distinctStamp.fill(0);
      this.distinctGeneration = 1;
    }
    this.text = text;
    this.n = Math.min(text.length, maxChars);
    this.i = 0;
    this.python = mode.python;
    this.hashComments = mode.hashComments;
    this.slashComments = mode.slashComments;
    this.backticks = mode.backticks;
    this.lifetimes = mode.lifetimes;
    this.state = CODE;
    this.strQuote = 0;
    this.strTriple = this.strMulti = this.strDoc = false;
    this.bracketDepth = this.contDepth = this.braceDepth = this.parenDepth = this.lastParenFlag = 0;
    this.pyDepth = this.braceFuncs = 0;
    this.pendingBraceFunc = this.awaitDoc = false;
    this.awaitDocLine = -1;
    this.importPending = this.prevTok = this.prevKind = this.prevRole = this.prevChar = 0;
    this.lastCodeLine = -1;
    this.prevBackslash = this.prevNonBlankComment = false;
    this.lines = this.blankLines = this.commentLines = this.inlineCommentLines = this.codeLines = this.docLines = this.doctestLines = 0;
    this.nonBlank = this.commentChars = this.stringChars = this.nonAscii = this.urls = this.todos = this.trailing = 0;
    this.long100 = this.long120 = this.lenSum = this.lenSq = this.lenMax = 0;
    this.tokens = this.keywords = this.idents = this.identLenSum = this.identShort = 0;
    this.distinctSeen = this.distinctCount = this.distinctSnake = this.distinctCamel = this.distinctWordlike = 0;
    this.numTokens = this.dataLines = this.docstrings = this.functions = this.classes = this.documented = 0;
    this.funcLenSum = this.funcLenCount = this.funcLenMax = 0;
    this.imports = this.importStd = this.importThird = this.importRel = 0;
    this.mainGuard = this.prints = this.logs = this.tests = this.arrows = this.decorators = this.globalLines = 0;
    this.indentLines = this.indentColsSum = this.indentColsMax = this.maxBracket = 0;
  }

  /** Indentation and a doctest prompt at the start of a line. */
  private startLine(): void {
    const text = this.text;
    const n = this.n;
    let i = this.i;
    let cols = 0;
    let c = 0;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c === 32) cols++;
      else if (c === 9) cols += 4 - (cols & 3);
      // A CR of a CRLF ending counts as nothing, so a blank line inside a docstring stays blank.
      else if (c !== 12 && c !== 13) break;
      i++;
    }
    if (c === 62 && i + 2 < n && text.charCodeAt(i + 1) === 62 && text.charCodeAt(i + 2) === 62) this.doctestLines++;
    this.cols = cols;
    this.lineStartState = this.state;
    this.lineStartCont = this.contDepth;
    this.lineCode = this.lineDoc = this.lineComment = this.stmt = false;
    this.lineTokens = this.lineLits = this.lineIdents = this.firstRole = this.lastCodeChar = 0;
    this.lineLenStart = this.i;
    this.i = i;
  }

  /** The line's characters, up to (not including) its newline. */
  private scanLine(): void {
    const text = this.text;
    const n = this.n;
    while (this.i < n) {
      const c = text.charCodeAt(this.i);
      if (c === 10) return;
      if (this.state === STRING) this.scanString();
      else if (this.state !== CODE) this.scanComment();
      else if (c === 32 || c === 9 || c === 13 || c === 12) this.i++;
      else this.code(c);
    }
  }

  private scanString(): void {
    const text = this.text;
    const n = this.n;
    const doc = this.strDoc;
    const quote = this.strQuote;
    if (doc) this.lineDoc = true;
    else this.lineCode = true;
    let i = this.i;
    let chars = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) break;
      if (c === 92) {
        const step = i + 1 < n && text.charCodeAt(i + 1) !== 10 ? 2 : 1;
        i += step;
        chars += step;
        continue;
      }
      if (c === quote) {
        if (!this.strTriple) {
          i++;
          chars++;
          this.state = CODE;
          break;
        }
        if (text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
          i += 3;
          chars += 3;
          this.state = CODE;
          break;
        }
      } else if (doc && c < 128 && (CC[c] & IDENT_START) !== 0 && c !== 95 && c !== 36) {
        const end = this.word(i);
        chars += end - i;
        i = end;
        continue;
      } else if (c === 58) {
        if (i + 2 < n && text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47) this.urls++;
      } else if (c >= 128) this.nonAscii++;
      i++;
      chars++;
    }
    if (doc) this.commentChars += chars;
    else this.stringChars += chars;
    this.i = i;
  }

  private scanComment(): void {
    const text = this.text;
    const n = this.n;
    const block = this.state === BLOCK_COMMENT;
    this.lineComment = true;
    let i = this.i;
    const start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) break;
      if (c < 128) {
        const f = CC[c];
        if ((f & (UPPER | LOWER)) !== 0) {
          i = this.word(i);
          continue;
        }
        if (c === 42 && block && text.charCodeAt(i + 1) === 47) {
          i += 2;
          this.state = CODE;
          break;
        }
        if (c === 58 && i + 2 < n && text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47) this.urls++;
      } else this.nonAscii++;
      i++;
    }
    this.commentChars += i - start;
    this.i = i;
  }

  /** A word of a comment or docstring: a unigram of its own kind, and TODO markers. Returns its end. */
  private word(i: number): number {
    const text = this.text;
    const n = this.n;
    const start = i;
    let h = OFFSET;
    while (i < n) {
      let d = text.charCodeAt(i);
      if (d >= 128) break;
      const f = CC[d];
      if ((f & IDENT_PART) === 0) break;
      if ((f & UPPER) !== 0) d += 32;
      h = Math.imul(h ^ d, PRIME);
      i++;
    }
    h >>>= 0;
    const len = i - start;
    if (len >= 3 && len <= 5 && roleOf(h) === R_TODO) this.todos++;
    this.addGram(h ^ COMMENT_SEED);
    return i;
  }

  private addGram(h: number): void {
    const m = mix(h);
    // Multiply-shift maps the top 24 bits onto the buckets without a division; bit 0 is the sign.
    this.buckets[((m >>> 8) * NGRAM_BUCKETS) >>> 24] += m & 1 ? 1 : -1;
  }

  /** One code token starting with c at this.i. */
  private code(c: number): void {
    const text = this.text;
    if (c === 35 && (this.hashComments === 1 || (this.hashComments === 2 && this.lineTokens === 0))) {
      this.state = LINE_COMMENT;
      this.lineComment = true;
      this.commentChars++;
      this.i++;
      return;
    }
    if (c === 47 && this.slashComments) {
      const d = text.charCodeAt(this.i + 1);
      if (d === 47 || d === 42) {
        this.state = d === 47 ? LINE_COMMENT : BLOCK_COMMENT;
        this.lineComment = true;
        this.commentChars += 2;
        this.i += 2;
        return;
      }
    }
    if (c >= 128 || (CC[c] & IDENT_START) !== 0) this.identifier();
    else if (c >= 48 && c <= 57) this.number();
    else if (c === 34 || c === 39 || (c === 96 && this.backticks)) {
      if (c === 39 && this.lifetimes && text.charCodeAt(this.i + 2) !== 39 && text.charCodeAt(this.i + 1) !== 92) this.punct(c);
      else this.stringStart(c);
    } else this.punct(c);
  }

  private identifier(): void {
    const text = this.text;
    const n = this.n;
    const start = this.i;
    let i = start;
    let h = OFFSET;
    while (i < n) {
      let d = text.charCodeAt(i);
      if (d < 128) {
        const f = CC[d];
        if ((f & IDENT_PART) === 0) break;
        if ((f & UPPER) !== 0) d += 32;
      } else this.nonAscii++;
      h = Math.imul(h ^ d, PRIME);
      i++;
    }
    h >>>= 0;
    this.i = i;
    const len = i - start;
    const next = i < n ? text.charCodeAt(i) : 0;
    // Python string prefixes (r"", b'', f"""…"""): the string starts at the quote, not an identifier.
    if (this.python && len <= 2 && (next === 34 || next === 39) && isStringPrefix(text, start, i)) return;
    let role = len >= ROLE_MIN_LEN && len <= ROLE_MAX_LEN ? roleOf(h) : 0;
    if (this.python && role === R_FUNCTION) role = 0;
    if (role !== 0 && role < R_KEYWORD_LIMIT) {
      this.keywords++;
      if (role === R_ASSERT) this.tests++;
      this.token(K_KEYWORD, role, h, 0);
      return;
    }
    this.idents++;
    this.lineIdents++;
    this.identLenSum += len;
    if (len <= 2) this.identShort++;
    if (this.distinctSeen < DISTINCT_LIMIT) {
      this.distinctSeen++;
      if (this.insertDistinct(h)) this.describeIdentifier(start, i);
    }
    const first = text.charCodeAt(start) | 32;
    if (first === 97 && len >= 6 && hasPrefixLower(text, start, len, "assert")) this.tests++;
    else if (first === 116 && (this.prevRole === R_DEF || this.prevRole === R_FUNCTION) && hasPrefixLower(text, start, len, "test")) this.tests++;
    if (role !== 0) this.identifierRole(role, next);
    this.token(K_IDENT, role, h, 0);
  }

  private identifierRole(role: number, next: number): void {
    switch (role) {
      case R_PRINT:
      case R_CONSOLE:
        this.prints++;
        break;
      case R_LOGGING:
        this.logs++;
        break;
      case R_TEST:
        this.tests++;
        break;
      case R_DUNDER_NAME:
        if (this.firstRole === R_IF) this.mainGuard = 1;
        break;
      case R_MAIN:
        if (!this.python && next === 40) this.mainGuard = 1;
        break;
      case R_REQUIRE:
        this.imports++;
        break;
      case R_INCLUDE:
        if (this.lineTokens === 1 && this.prevChar === 35) this.imports++;
        break;
    }
  }

  /** True when h was not seen yet in this snippet. */
  private insertDistinct(h: number): boolean {
    const keys = this.distinctKeys;
    const stamps = this.distinctStamp;
    const gen = this.distinctGeneration;
    let slot = mix(h) & (DISTINCT_SIZE - 1);
    for (;;) {
      if (stamps[slot] !== gen) {
        stamps[slot] = gen;
        keys[slot] = h;
        this.distinctCount++;
        return true;
      }
      if (keys[slot] === h) return false;
      slot = (slot + 1) & (DISTINCT_SIZE - 1);
    }
  }

  /** Naming style of a distinct identifier: snake_case, camelCase, made of word-like parts. */
  private describeIdentifier(start: number, end: number): void {
    const text = this.text;
    let upper = false;
    let lower = false;
    let camel = false;
    let underscore = false;
    let other = 0;
    let vowels = 0;
    let letters = 0;
    let run = 0;
    let maxRun = 0;
    let wasLower = false;
    for (let k = start; k < end; k++) {
      const d = text.charCodeAt(k);
      const f = d < 128 ? CC[d] : 0;
      if ((f & (UPPER | LOWER)) !== 0) {
        if ((f & UPPER) !== 0) {
          if (wasLower) camel = true;
          upper = true;
          wasLower = false;
        } else {
          lower = true;
          wasLower = true;
        }
        letters++;
        if ((CC[d | 32] & VOWEL) !== 0) {
          vowels++;
          run = 0;
        } else if (++run > maxRun) maxRun = run;
      } else {
        wasLower = false;
        run = 0;
        if (d === 95) {
          if (k > start && k < end - 1) underscore = true;
        } else other++;
      }
    }
    if (underscore && lower && !upper) this.distinctSnake++;
    if (camel && !underscore) this.distinctCamel++;
    if (letters >= 3 && other === 0 && maxRun <= 3 && vowels * 5 >= letters) this.distinctWordlike++;
  }

  private number(): void {
    const text = this.text;
    const n = this.n;
    let i = this.i + 1;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d >= 128 || ((CC[d] & IDENT_PART) === 0 && d !== 46)) break;
      i++;
    }
    this.i = i;
    this.numTokens++;
    this.lineLits++;
    this.token(K_NUM, 0, H_NUM, 0);
  }

  private stringStart(c: number): void {
    const text = this.text;
    const start = this.i;
    const triple = this.python && text.charCodeAt(start + 1) === c && text.charCodeAt(start + 2) === c;
    this.strQuote = c;
    this.strTriple = triple;
    this.strMulti = triple || c === 96;
    this.strDoc = triple && this.lineTokens === 0 && this.contDepth === 0;
    this.i = start + (triple ? 3 : 1);
    this.state = STRING;
    if (this.strDoc) {
      this.docstrings++;
      this.commentChars += 3;
      this.lineDoc = true;
      this.token(K_DOC, 0, H_DOC, c);
    } else {
      this.lineLits++;
      this.stringChars += this.i - start;
      this.token(K_STR, 0, H_STR, c);
    }
  }

  private punct(c: number): void {
    const text = this.text;
    this.i++;
    if (c === 40 || c === 91 || c === 123) {
      if (++this.bracketDepth > this.maxBracket) this.maxBracket = this.bracketDepth;
      if (c !== 123 || this.python) this.contDepth++;
      if (c === 40) {
        if (this.parenDepth < PAREN_LIMIT) this.parenFlags[this.parenDepth] = this.prevKind === K_IDENT ? 1 : 0;
        this.parenDepth++;
      } else if (c === 123) this.openBrace();
    } else if (c === 41 || c === 93 || c === 125) {
      if (this.bracketDepth > 0) this.bracketDepth--;
      if ((c !== 125 || this.python) && this.contDepth > 0) this.contDepth--;
      if (c === 41) {
        if (this.parenDepth > 0) this.parenDepth--;
        this.lastParenFlag = this.parenDepth < PAREN_LIMIT ? this.parenFlags[this.parenDepth] : 0;
      } else if (c === 125) this.closeBrace();
    } else if (c === 45 && text.charCodeAt(this.i) === 62) this.arrows++;
    else if (c === 59) this.pendingBraceFunc = false;
    this.token(K_PUNCT, 0, punctHash(c), c);
  }

  /** `{` opens a function body after `function`/`func`/`fn`, or after `name(…)` in C-like code. */
  private openBrace(): void {
    if (!this.python && (this.pendingBraceFunc || (this.slashComments && this.prevKind === K_PUNCT && this.prevChar === 41 && this.lastParenFlag === 1))) {
      if (!this.pendingBraceFunc) {
        this.functions++;
        if (this.prevNonBlankComment) this.documented++;
      }
      this.pendingBraceFunc = false;
      if (this.braceFuncs < STACK_LIMIT) {
        this.braceFuncDepth[this.braceFuncs] = this.braceDepth;
        this.braceFuncStart[this.braceFuncs] = this.lines;
      }
      this.braceFuncs++;
    }
    this.braceDepth++;
  }

  private closeBrace(): void {
    if (this.braceDepth === 0) return;
    this.braceDepth--;
    const top = this.braceFuncs - 1;
    if (top >= 0 && (top >= STACK_LIMIT || this.braceFuncDepth[top] === this.braceDepth)) {
      this.braceFuncs = top;
      if (top < STACK_LIMIT) this.functionLength(this.lines - this.braceFuncStart[top] + 1);
    }
  }

  private functionLength(len: number): void {
    this.funcLenSum += len;
    this.funcLenCount++;
    if (len > this.funcLenMax) this.funcLenMax = len;
  }

  /** Python: functions whose body ended before a statement at this indentation. */
  private closePythonFunctions(cols: number): void {
    while (this.pyDepth > 0 && (this.pyDepth > STACK_LIMIT || this.pyFuncIndent[this.pyDepth - 1] >= cols)) {
      this.pyDepth--;
      if (this.pyDepth < STACK_LIMIT) this.functionLength(this.lastCodeLine - this.pyFuncStart[this.pyDepth] + 1);
    }
  }

  /** Bookkeeping shared by every code token; c is the character of a punctuation or string token. */
  private token(kind: number, role: number, h: number, c: number): void {
    if (this.lineTokens === 0) this.statementStart(kind, role, c);
    else if (this.importPending !== 0) this.importedModule(kind, h, c);
    if (role === R_DEF || role === R_FUNCTION) this.functionStart(role);
    else if (role === R_CLASS) this.classes++;
    this.lineTokens++;
    this.tokens++;
    if (kind !== K_DOC) this.lineCode = true;
    this.lastCodeChar = kind === K_PUNCT ? c : 0;
    const prev = this.prevTok;
    this.addGram(h);
    if (prev !== 0) this.addGram(Math.imul(prev, 0x9e3779b1) ^ h);
    this.prevTok = h;
    this.prevKind = kind;
    this.prevRole = role;
    this.prevChar = kind === K_PUNCT ? c : 0;
  }

  private statementStart(kind: number, role: number, c: number): void {
    this.firstRole = role;
    let continuation = this.lineStartCont > 0 || this.prevBackslash || this.lineStartState !== CODE;
    // Unbalanced brackets must not turn the rest of a Python file into one long continuation.
    if (continuation && this.python && (role === R_DEF || role === R_CLASS) && this.lineStartState === CODE) {
      continuation = false;
      this.contDepth = 0;
      this.parenDepth = 0;
    }
    if (continuation) return;
    this.stmt = true;
    const cols = this.cols;
    if (this.python) {
      this.closePythonFunctions(cols);
      if (this.awaitDoc && this.lines > this.awaitDocLine) {
        if (kind === K_DOC) this.documented++;
        this.awaitDoc = false;
      }
      if (role === R_IMPORT || role === R_FROM) {
        this.imports++;
        this.importPending = role;
      }
    } else if (role === R_IMPORT || role === R_USE) this.imports++;
    if (kind === K_PUNCT && c === 64) this.decorators++;
    if (cols === 0 && !this.structural(kind, role, c)) this.globalLines++;
  }

  /** Lines at the top level that are definitions, imports or closing brackets rather than script code. */
  private structural(kind: number, role: number, c: number): boolean {
    if (kind === K_DOC) return true;
    if (kind === K_PUNCT) return c === 64 || c === 125 || c === 41 || c === 93 || c === 35;
    return role === R_DEF || role === R_CLASS || role === R_IMPORT || role === R_FROM || role === R_FUNCTION || role === R_USE || role === R_ASYNC;
  }

  /** The token after a Python `import` / `from`: the module's kind. */
  private importedModule(kind: number, h: number, c: number): void {
    if (kind === K_PUNCT && c === 46 && this.importPending === R_FROM) this.importRel++;
    else if ((kind === K_IDENT || kind === K_KEYWORD) && STDLIB.get(h) !== 0) this.importStd++;
    else this.importThird++;
    this.importPending = 0;
  }

  private functionStart(role: number): void {
    this.functions++;
    if (this.prevNonBlankComment) this.documented++;
    if (!this.python) {
      if (role === R_FUNCTION) this.pendingBraceFunc = true;
      return;
    }
    if (this.stmt && (this.lineTokens === 0 || (this.lineTokens === 1 && this.firstRole === R_ASYNC))) {
      if (this.pyDepth < STACK_LIMIT) {
        this.pyFuncIndent[this.pyDepth] = this.cols;
        this.pyFuncStart[this.pyDepth] = this.lines;
      }
      this.pyDepth++;
    }
    if (!this.prevNonBlankComment) {
      this.awaitDoc = true;
      this.awaitDocLine = this.lines;
    }
  }

  private endLine(): void {
    const text = this.text;
    let end = this.i;
    if (end > this.lineLenStart && text.charCodeAt(end - 1) === 13) end--;
    const len = end - this.lineLenStart;
    const blank = !this.lineCode && !this.lineDoc && !this.lineComment;
    if (!blank) {
      this.nonBlank++;
      this.lineLenHist[len < 256 ? len : 256]++;
      this.lenSum += len;
      this.lenSq += len * len;
      if (len > this.lenMax) this.lenMax = len;
      if (len > 100) this.long100++;
      if (len > 120) this.long120++;
      const last = text.charCodeAt(end - 1);
      if (last === 32 || last === 9) this.trailing++;
    }
    if (this.lineCode) {
      this.codeLines++;
      if (this.lineComment) this.inlineCommentLines++;
      if (this.stmt) {
        const cols = this.cols;
        this.indentLines++;
        this.indentHist[cols < 128 ? cols : 128]++;
        this.indentColsSum += cols;
        if (cols > this.indentColsMax) this.indentColsMax = cols;
      }
      if (this.lineLits >= 4 && this.lineIdents * 4 <= this.lineLits) this.dataLines++;
      this.lastCodeLine = this.lines;
      this.prevNonBlankComment = false;
    } else if (this.lineDoc) {
      this.docLines++;
      this.lastCodeLine = this.lines;
      this.prevNonBlankComment = false;
    } else if (this.lineComment) {
      this.commentLines++;
      this.prevNonBlankComment = true;
    } else this.blankLines++;
    this.prevBackslash = this.lastCodeChar === 92;
    if (this.state === LINE_COMMENT || (this.state === STRING && !this.strMulti)) this.state = CODE;
    this.lines++;
    this.i++;
  }
}
