import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next/**", "data/**", "prisma/generated/**", "test-results/**", "playwright-report/**", "bench/out/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // useTestDatabase() and friends are vitest helpers, not React hooks.
    files: ["test/**/*.ts", "**/*.test.ts", "bench/**/*.ts", "e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Direction rule (ARCHITECTURE.md): client components never import server code.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db/*", "@/lib/corpus/*", "@/lib/jobs/*", "@/lib/labels/*", "@/lib/datasets/*", "@/lib/snippets/*", "@/lib/highlight/*", "@/workers/*"], message: "components/ run in the browser: call the JSON API instead of importing server code.", allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // lib/ never imports app/, components/ or workers/.
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/components/*", "@/workers/*"], message: "lib/ must not depend on app/, components/ or workers/." }] }],
    },
  },
];

export default config;
