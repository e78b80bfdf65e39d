/** What a file's path says about it; each hint is 0 or 1. Order matches PATH_HINT_NAMES. */
const HINTS: readonly (readonly [string, readonly string[]])[] = [
  ["path_test", ["/test/", "/tests/", "/test_", "_test.", ".test.", ".spec.", "/spec/", "/conftest."]],
  ["path_example", ["example", "demo", "sample"]],
  ["path_tutorial", ["tutorial", "lesson", "course", "exercise", "learn", "homework", "kata", "leetcode", "euler"]],
  ["path_docs", ["/docs/", "/doc/", "documentation"]],
  ["path_setup_config", ["/setup.py", "/conf.py", "config", "settings", "/manage.py"]],
  ["path_init_index", ["/__init__.py", "/__main__.py", "/index.js", "/index.ts", "/mod.rs"]],
  ["path_migration", ["migration"]],
  ["path_generated_vendor", ["generated", "vendor", "third_party", "thirdparty", "node_modules", ".min.", "_pb2", ".pb.", "/dist/", "/build/", "site-packages"]],
];

export const PATH_HINT_NAMES: readonly string[] = HINTS.map(([name]) => name);

/** Writes PATH_HINT_NAMES.length values at out[offset…]. */
export function writePathHints(path: string | null, out: Float32Array, offset: number): void {
  if (!path) {
    for (let k = 0; k < HINTS.length; k++) out[offset + k] = 0;
    return;
  }
  // A leading slash lets "/tests/" match a path that starts with "tests/".
  const p = "/" + path.toLowerCase();
  for (let k = 0; k < HINTS.length; k++) {
    const needles = HINTS[k][1];
    let hit = 0;
    for (let j = 0; j < needles.length && hit === 0; j++) if (p.includes(needles[j])) hit = 1;
    out[offset + k] = hit;
  }
}
