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
  ],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // Upload route streams to disk; this only bounds bodies parsed by Next itself.
    serverActions: { bodySizeLimit: "2mb" },
  },
};

export default config;
