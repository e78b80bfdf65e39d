import { CodeScanner, NGRAM_BUCKETS } from "./code-scanner";
import { LANGUAGE_GROUPS, languageMode } from "./language-mode";
import { PATH_HINT_NAMES, writePathHints } from "./path-hints";

/**
 * Features of one snippet for the educational-value classifier: 64 structural signals of "clear,
 * self-contained, instructive" code, then 192 buckets of hashed token unigrams and bigrams.
 *
 * One pass over the text (code-scanner.ts). The scanner and its buffers are reused across calls and reset
 * per call, so a call is pure and deterministic; worker_threads each get their own copy.
 *
 * Bump FEATURE_SET_VERSION whenever any value can change: a stored model records the version it was
 * trained with and must be scored with the same one.
 */
export const FEATURE_SET_VERSION = "struct-ngram-v1";

const STRUCTURAL_NAMES = [
  "log_lines",
  "log_chars",
  "blank_line_ratio",
  "comment_line_ratio",
  "inline_comment_ratio",
  "comment_char_ratio",
  "docstring_log",
  "docstring_line_ratio",
  "doctest_log",
  "function_log",
  "class_log",
  "function_density_log",
  "documented_function_ratio",
  "function_len_mean_log",
  "function_len_max_log",
  "indent_mean_depth",
  "indent_max_depth",
  "bracket_max_depth",
  "line_len_mean_log",
  "line_len_max_log",
  "line_len_p90_log",
  "line_len_cv",
  "long_line_100_ratio",
  "long_line_120_ratio",
  "tokens_per_line_log",
  "ident_len_mean_log",
  "ident_short_ratio",
  "ident_snake_ratio",
  "ident_camel_ratio",
  "ident_wordlike_ratio",
  "ident_distinct_ratio",
  "keyword_ratio",
  "import_log",
  "import_stdlib_ratio",
  "import_third_party_ratio",
  "import_relative_ratio",
  "string_char_ratio",
  "numeric_token_ratio",
  "data_line_ratio",
  "todo_log",
  "main_guard",
  "print_density",
  "logging_density",
  "test_marker_density",
  "url_log",
  "non_ascii_ratio",
  "trailing_space_ratio",
  "type_hint_ratio",
  "global_code_ratio",
  "decorator_log",
  ...PATH_HINT_NAMES,
  ...LANGUAGE_GROUPS.map((g) => `lang_${g}`),
];

const STRUCTURAL_DIMS = STRUCTURAL_NAMES.length;
const PATH_OFFSET = STRUCTURAL_NAMES.indexOf(PATH_HINT_NAMES[0]);
const LANG_OFFSET = PATH_OFFSET + PATH_HINT_NAMES.length;

export const FEATURE_DIMS: number = STRUCTURAL_DIMS + NGRAM_BUCKETS;

const NAMES: readonly string[] = [...STRUCTURAL_NAMES, ...Array.from({ length: NGRAM_BUCKETS }, (_, k) => `ngram_${String(k).padStart(3, "0")}`)];

export function featureNames(): string[] {
  return [...NAMES];
}

export type FeatureInput = { content: string; language: string; path: string | null };

/** Longer texts are read up to here: a file of megabytes says nothing more, and it bounds the time per row. */
export const MAX_SCAN_CHARS = 1 << 20;

const scanner = new CodeScanner();

// Bucket values are integer counts: a table spares 192 Math.log1p calls per snippet.
const LOG1P_TABLE_SIZE = 4096;
const LOG1P = Float64Array.from({ length: LOG1P_TABLE_SIZE }, (_, k) => Math.log1p(k));

/** Writes FEATURE_DIMS float values for one snippet into out at offset (row-major); pure and deterministic. */
export function extractFeatures(input: FeatureInput, out: Float32Array = new Float32Array(FEATURE_DIMS), offset = 0): Float32Array {
  const text = input.content;
  const mode = languageMode(input.language, input.path);
  const s = scanner;
  s.scan(text, MAX_SCAN_CHARS, mode);

  const L = Math.max(s.lines, 1);
  const CL = Math.max(s.codeLines, 1);
  const NB = Math.max(s.nonBlank, 1);
  const T = Math.max(s.tokens, 1);
  const I = Math.max(s.idents, 1);
  const D = Math.max(s.distinctCount, 1);
  const IM = Math.max(s.imports, 1);
  const F = Math.max(s.functions, 1);
  const N = Math.max(Math.min(text.length, MAX_SCAN_CHARS), 1);
  const lenMean = s.lenSum / NB;
  const lenStd = Math.sqrt(Math.max(0, s.lenSq / NB - lenMean * lenMean));
  const unit = indentUnit(s.indentHist);
  const o = offset;
  const v = out;
  v[o + 0] = Math.log1p(s.lines);
  v[o + 1] = Math.log1p(text.length);
  v[o + 2] = s.blankLines / L;
  v[o + 3] = s.commentLines / L;
  v[o + 4] = s.inlineCommentLines / CL;
  v[o + 5] = s.commentChars / N;
  v[o + 6] = Math.log1p(s.docstrings);
  v[o + 7] = s.docLines / L;
  v[o + 8] = Math.log1p(s.doctestLines);
  v[o + 9] = Math.log1p(s.functions);
  v[o + 10] = Math.log1p(s.classes);
  v[o + 11] = Math.log1p((s.functions * 100) / CL);
  v[o + 12] = s.functions > 0 ? Math.min(1, s.documented / F) : 0;
  v[o + 13] = s.funcLenCount > 0 ? Math.log1p(s.funcLenSum / s.funcLenCount) : 0;
  v[o + 14] = Math.log1p(s.funcLenMax);
  v[o + 15] = s.indentLines > 0 ? s.indentColsSum / s.indentLines / unit : 0;
  v[o + 16] = Math.min(32, s.indentColsMax / unit);
  v[o + 17] = Math.min(32, s.maxBracket);
  v[o + 18] = Math.log1p(lenMean);
  v[o + 19] = Math.log1p(s.lenMax);
  v[o + 20] = Math.log1p(percentile(s.lineLenHist, s.nonBlank, 0.9));
  v[o + 21] = lenMean > 0 ? lenStd / lenMean : 0;
  v[o + 22] = s.long100 / NB;
  v[o + 23] = s.long120 / NB;
  v[o + 24] = Math.log1p(s.tokens / CL);
  v[o + 25] = Math.log1p(s.identLenSum / I);
  v[o + 26] = s.identShort / I;
  // Naming style is judged over distinct names, so a file is not "well named" because it repeats `self`.
  v[o + 27] = s.distinctSnake / D;
  v[o + 28] = s.distinctCamel / D;
  v[o + 29] = s.distinctWordlike / D;
  v[o + 30] = s.distinctSeen > 0 ? s.distinctCount / s.distinctSeen : 0;
  v[o + 31] = s.keywords / T;
  v[o + 32] = Math.log1p(s.imports);
  v[o + 33] = s.importStd / IM;
  v[o + 34] = s.importThird / IM;
  v[o + 35] = s.importRel / IM;
  v[o + 36] = s.stringChars / N;
  v[o + 37] = s.numTokens / T;
  v[o + 38] = s.dataLines / CL;
  v[o + 39] = Math.log1p(s.todos);
  v[o + 40] = s.mainGuard;
  v[o + 41] = Math.min(1, s.prints / CL);
  v[o + 42] = Math.min(1, s.logs / CL);
  v[o + 43] = Math.min(1, s.tests / CL);
  v[o + 44] = Math.log1p(s.urls);
  v[o + 45] = s.nonAscii / N;
  v[o + 46] = s.trailing / NB;
  v[o + 47] = Math.min(1, s.arrows / F);
  v[o + 48] = s.globalLines / CL;
  v[o + 49] = Math.log1p(s.decorators);
  writePathHints(input.path, out, o + PATH_OFFSET);
  for (let g = 0; g < LANGUAGE_GROUPS.length; g++) v[o + LANG_OFFSET + g] = mode.group === g + 1 ? 1 : 0;

  // N-gram buckets: signed counts, log-damped, L2-normalized.
  const buckets = s.buckets;
  let norm = 0;
  for (let k = 0; k < NGRAM_BUCKETS; k++) {
    const b = buckets[k];
    const a = b >= 0 ? b : -b;
    const l = a < LOG1P_TABLE_SIZE ? LOG1P[a] : Math.log1p(a);
    const d = b >= 0 ? l : -l;
    buckets[k] = d;
    norm += d * d;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const base = o + STRUCTURAL_DIMS;
  for (let k = 0; k < NGRAM_BUCKETS; k++) v[base + k] = buckets[k] * scale;
  return out;
}

/** n × FEATURE_DIMS row-major matrix. */
export function extractFeatureMatrix(inputs: readonly FeatureInput[]): Float32Array {
  const out = new Float32Array(inputs.length * FEATURE_DIMS);
  for (let r = 0; r < inputs.length; r++) extractFeatures(inputs[r], out, r * FEATURE_DIMS);
  return out;
}

/** Indentation step: 4 when nearly every indented line is a multiple of 4 columns, else 3, 2 or 1. */
function indentUnit(hist: Int32Array): number {
  let indented = 0;
  let by4 = 0;
  let by3 = 0;
  let by2 = 0;
  for (let cols = 1; cols < hist.length; cols++) {
    const k = hist[cols];
    if (k === 0) continue;
    indented += k;
    if (cols % 4 === 0) by4 += k;
    if (cols % 3 === 0) by3 += k;
    if (cols % 2 === 0) by2 += k;
  }
  if (indented === 0) return 4;
  const most = indented * 0.9;
  return by4 >= most ? 4 : by3 >= most ? 3 : by2 >= most ? 2 : 1;
}

/** The q-quantile of line lengths from their histogram (lengths ≥ 256 share the last bucket). */
function percentile(hist: Int32Array, count: number, q: number): number {
  if (count === 0) return 0;
  const target = Math.ceil(count * q);
  let seen = 0;
  for (let len = 0; len < hist.length; len++) {
    seen += hist[len];
    if (seen >= target) return len;
  }
  return hist.length - 1;
}
