#!/usr/bin/env node
// Entry point for `npx countersign …`: runs the TypeScript CLI through tsx.
import { register } from "tsx/esm/api";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const isHook = argv[0] === "hook";

try {
  register();
  // The hook runs before every tool call in Claude Code: skip the database modules the other commands load.
  const entry = isHook ? "server/cli/hook.ts" : "server/cli/main.ts";
  const mod = await import(pathToFileURL(join(root, entry)).href);
  process.exitCode = isHook
    ? await mod.runHook(argv.slice(1), { log: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) })
    : await mod.runCli(argv);
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  if (isHook) {
    // Fail closed: exit 1 would let Claude Code run the tool; 2 blocks it.
    const reason = `Countersign hook failed, so the call is blocked: ${message}`;
    process.stdout.write(`${JSON.stringify({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: reason } })}\n`);
    process.stderr.write(`${reason}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? message) : message}\n`);
    process.exitCode = 1;
  }
}
