import { seededRandom } from "@/lib/metrics/seeded-random";

/**
 * Function names for exercise items when a campaign does not list its own ("generated" mode): verb_noun, or
 * verb_noun_qualifier when the short form is taken, with the vocabulary chosen by the item's topic (a topic
 * about strings gets string nouns and verbs, one about files gets file ones, anything else a general
 * vocabulary). Deterministic in (seed, topics in item order), and unique within the call: a campaign's
 * names never repeat, which is what Phi-1's diversity argument asks of the function-name constraint.
 */

type Vocabulary = { match: RegExp; verbs: readonly string[]; nouns: readonly string[] };

const VOCABULARIES: readonly Vocabulary[] = [
  { match: /string|text|char|word|regex|regular expression|palindrome/i, verbs: ["count", "reverse", "capitalize", "strip", "split", "join", "encode", "decode", "find", "replace", "normalize", "extract", "compress", "tokenize"], nouns: ["vowels", "words", "sentence", "palindrome", "substring", "characters", "initials", "acronym", "whitespace", "tokens", "prefix", "suffix", "anagrams", "line_breaks"] },
  { match: /list|array|comprehension|tuple|unpack|sequence/i, verbs: ["sum", "filter", "flatten", "rotate", "chunk", "dedupe", "merge", "partition", "interleave", "zip", "pairwise", "shift", "window", "select"], nouns: ["elements", "pairs", "sublists", "duplicates", "evens", "odds", "indices", "neighbors", "runs", "tail", "head", "positives", "columns", "rows"] },
  { match: /dict|map|set|hash|count/i, verbs: ["invert", "merge", "group", "count", "lookup", "tally", "index", "filter", "rename", "prune", "collect", "union", "intersect", "histogram"], nouns: ["keys", "values", "mapping", "frequencies", "entries", "inventory", "votes", "scores", "tags", "categories", "aliases", "registry", "lookup_table", "counts"] },
  { match: /recurs|tree|permut|subset|backtrack/i, verbs: ["count", "generate", "walk", "sum", "depth_of", "enumerate", "build", "collect", "search", "expand", "mirror", "prune", "trace", "unfold"], nouns: ["paths", "subsets", "permutations", "leaves", "nodes", "levels", "combinations", "partitions", "branches", "descendants", "moves", "steps", "nested_items", "digits"] },
  { match: /sort|search|binary|order|rank/i, verbs: ["sort", "rank", "locate", "insert", "bisect", "merge", "select", "find", "order", "bucket", "compare", "partition", "scan", "median_of"], nouns: ["scores", "intervals", "records", "targets", "ranges", "positions", "buckets", "pivots", "peaks", "gaps", "boundaries", "neighbors", "students", "timestamps"] },
  { match: /number|prime|math|arithmetic|digit|fraction|numeric|statistic/i, verbs: ["sum", "factor", "round", "count", "convert", "check", "compute", "average", "scale", "approximate", "clamp", "accumulate", "difference_of", "product_of"], nouns: ["digits", "primes", "divisors", "factors", "fractions", "powers", "squares", "multiples", "remainders", "averages", "percentages", "sequence", "series", "ratio"] },
  { match: /file|i\/o|csv|json|path|directory|input and output/i, verbs: ["read", "write", "count", "parse", "append", "scan", "load", "save", "merge", "split", "summarize", "filter", "copy", "tail"], nouns: ["lines", "records", "columns", "headers", "log_entries", "rows", "fields", "paragraphs", "config", "csv_rows", "word_counts", "blank_lines", "extensions", "file_sizes"] },
  { match: /class|object|oop|inherit|method/i, verbs: ["create", "describe", "compare", "update", "register", "transfer", "validate", "serialize", "clone", "apply", "reset", "total", "summarize", "format"], nouns: ["account", "inventory", "shape", "vehicle", "order", "player", "invoice", "student_record", "queue_item", "rectangle", "temperature", "bank_balance", "library_book", "shopping_cart"] },
  { match: /except|error|valid|assert/i, verbs: ["validate", "parse", "safe_divide", "check", "coerce", "retry", "sanitize", "guard", "convert", "verify", "recover", "default", "reject", "confirm"], nouns: ["age", "email", "integer", "input", "ratio", "index", "date_string", "percentage", "username", "config_value", "payload", "amount", "port_number", "quantity"] },
  { match: /date|time|calendar|clock|duration/i, verbs: ["parse", "format", "add", "count", "compare", "round", "convert", "shift", "list", "next", "difference_of", "bucket", "align", "span_of"], nouns: ["weekdays", "minutes", "durations", "timestamps", "deadlines", "birthdays", "intervals", "time_zones", "business_days", "months", "leap_years", "meetings", "shifts", "seconds"] },
  { match: /stack|queue|deque|heap|graph|travers|bfs|dfs/i, verbs: ["push", "pop", "balance", "schedule", "visit", "connect", "traverse", "shortest", "reachable", "topological", "enqueue", "simulate", "count", "detect"], nouns: ["brackets", "tasks", "neighbors", "components", "paths", "cycles", "edges", "vertices", "orders", "jobs", "levels", "requests", "islands", "routes"] },
  { match: /loop|while|for |iterat|generat/i, verbs: ["repeat", "count", "generate", "skip", "collect", "cycle", "step", "accumulate", "take", "chain", "batch", "enumerate", "zip", "yield"], nouns: ["multiples", "countdown", "squares", "pairs", "triangles", "steps", "batches", "fibonacci", "powers", "coordinates", "table_rows", "stars", "patterns", "cubes"] },
  { match: /condition|boolean|logic|if /i, verbs: ["classify", "check", "decide", "grade", "compare", "choose", "label", "validate", "is", "has", "match", "toggle", "filter", "route"], nouns: ["leap_year", "triangle", "grade", "temperature", "parity", "sign", "quadrant", "password_strength", "discount", "ticket_price", "season", "bmi_category", "traffic_light", "age_group"] },
  { match: /variable|type|basic/i, verbs: ["convert", "swap", "describe", "format", "compute", "parse", "combine", "round", "cast", "scale", "check", "build", "measure", "express"], nouns: ["celsius", "values", "price", "full_name", "area", "change", "tip", "speed", "bmi", "units", "volume", "interest", "distance", "score"] },
];

const GENERAL: Vocabulary = {
  match: /.*/,
  verbs: ["compute", "find", "count", "build", "filter", "transform", "summarize", "check", "collect", "merge", "split", "rank", "group", "convert"],
  nouns: ["values", "items", "records", "pairs", "totals", "results", "entries", "numbers", "labels", "groups", "scores", "names", "segments", "samples"],
};

const QUALIFIERS = ["in_range", "by_length", "without_duplicates", "in_order", "by_key", "case_insensitive", "with_limit", "from_text", "per_line", "at_depth", "in_place", "recursively", "by_frequency", "safely", "with_padding", "in_reverse", "by_prefix", "in_window"] as const;

/** The vocabulary for a topic: the first family whose pattern matches it, else the general one. */
export function vocabularyFor(topic: string): { verbs: readonly string[]; nouns: readonly string[] } {
  return VOCABULARIES.find((v) => v.match.test(topic)) ?? GENERAL;
}

/** A valid Python identifier made of lowercase words and underscores. */
export const FUNCTION_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * One name per entry of `topics` (in order), all distinct. Each name is drawn from its topic's vocabulary
 * with a generator seeded by (seed, position); a taken name tries other verb × noun pairs, then adds a
 * qualifier, and only then a number, so unique names stay readable even for thousands of items.
 */
export function generateFunctionNames(topics: readonly string[], seed: number): string[] {
  const used = new Set<string>();
  return topics.map((topic, position) => {
    const rng = seededRandom(seed, position + 1);
    const { verbs, nouns } = vocabularyFor(topic);
    const pick = <T>(list: readonly T[]) => list[rng.int(list.length)];
    const take = (name: string) => {
      used.add(name);
      return name;
    };
    for (let i = 0; i < 8; i++) {
      const name = `${pick(verbs)}_${pick(nouns)}`;
      if (!used.has(name)) return take(name);
    }
    for (let i = 0; i < 16; i++) {
      const name = `${pick(verbs)}_${pick(nouns)}_${pick(QUALIFIERS)}`;
      if (!used.has(name)) return take(name);
    }
    const base = `${pick(verbs)}_${pick(nouns)}`;
    for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return take(`${base}_${n}`);
  });
}
