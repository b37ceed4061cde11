#!/usr/bin/env node
// Entry point for `npx countersign …`: runs the TypeScript CLI through tsx.
import { register } from "tsx/esm/api";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

register();
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { runCli } = await import(pathToFileURL(join(root, "server/cli/main.ts")).href);
process.exitCode = await runCli(process.argv.slice(2));
