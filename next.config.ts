import type { NextConfig } from "next";

const config: NextConfig = {
  // Native drivers and the generated Prisma clients (which load a .wasm query compiler from their own
  // folder) must be required at runtime, not bundled.
  serverExternalPackages: [
    "@syllabus/prisma-sqlite",
    "@syllabus/prisma-postgres",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "better-sqlite3",
    "pg",
    "shiki",
    // The worker-thread bootstrap (lib/threads/start-ts-worker.ts) resolves tsx at runtime; the web server
    // never starts threads, but the job registry it imports references the code that does.
    "tsx",
    "esbuild",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Upload route streams to disk; this only bounds bodies parsed by Next itself.
    serverActions: { bodySizeLimit: "2mb" },
  },
};

export default config;
