#!/usr/bin/env node
// Launcher for the `syllabus` CLI: runs lib/cli/main.ts through tsx, from any working directory
// (`npx syllabus …` inside the project, or `node bin/syllabus.mjs …`). Relative file arguments stay
// relative to where you ran it.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The project's tsconfig gives tsx the "@/…" path alias whatever the current directory is.
register({ tsconfig: path.join(root, "tsconfig.json") });
const { main } = await import(pathToFileURL(path.join(root, "lib", "cli", "main.ts")).href);
process.exitCode = await main(process.argv.slice(2));
