import type { Readable } from "node:stream";
import { createClient } from "../client/index";
import { decideClaudeCodeHook, failure, type HookResult } from "../client/claude-code-hook";

type Out = { log(s: string): void; err(s: string): void };
type Io = { stdin: Readable & { isTTY?: boolean }; env: NodeJS.ProcessEnv };

const USAGE = `usage: countersign hook claude-code
  A Claude Code PreToolUse hook: reads the hook's JSON on stdin, asks Countersign, prints allow or deny.
  env: COUNTERSIGN_URL, COUNTERSIGN_API_KEY, optional COUNTERSIGN_TIMEOUT_SECONDS (5–86400)`;

const MAX_STDIN_BYTES = 8 * 1024 * 1024;

/**
 * `countersign hook claude-code`. Fails closed twice over: every answer is a
 * JSON decision on stdout with exit 0, except that when Countersign could not
 * decide (bad input, missing configuration, server unreachable) the deny JSON
 * comes with one line on stderr and exit code 2, which Claude Code treats as
 * "block" even without reading the JSON.
 */
export async function runHook(argv: string[], out: Out, io: Io = { stdin: process.stdin, env: process.env }): Promise<number> {
  if (argv[0] !== "claude-code" || argv.length > 1) {
    out.err(USAGE);
    return 2;
  }
  const result = await decide(io);
  out.log(JSON.stringify(result.output));
  if (!result.failed) return 0;
  out.err(`countersign hook: blocked: ${result.error}`);
  return 2;
}

async function decide(io: Io): Promise<HookResult> {
  const baseUrl = io.env.COUNTERSIGN_URL?.trim();
  const apiKey = io.env.COUNTERSIGN_API_KEY?.trim();
  if (!baseUrl || !apiKey) return failure("COUNTERSIGN_URL and COUNTERSIGN_API_KEY must be set in the hook's environment");
  const timeout = io.env.COUNTERSIGN_TIMEOUT_SECONDS?.trim();
  const timeoutSeconds = timeout ? Number(timeout) : undefined;
  if (timeoutSeconds !== undefined && !(Number.isInteger(timeoutSeconds) && timeoutSeconds >= 5 && timeoutSeconds <= 86_400)) {
    return failure(`COUNTERSIGN_TIMEOUT_SECONDS must be a whole number of seconds from 5 to 86400, not ${JSON.stringify(timeout)}`);
  }
  if (io.stdin.isTTY) return failure("no hook input: Claude Code pipes the PreToolUse JSON on stdin");
  let stdin: string;
  try {
    stdin = await readAll(io.stdin);
  } catch (e) {
    return failure(e instanceof Error ? e.message : String(e));
  }

  // Claude Code stopping the hook (its timeout, or the user interrupting) withdraws the request.
  const abort = new AbortController();
  const stop = () => {
    abort.abort(new Error("the hook was stopped"));
    // Withdrawing the request is best effort; exit 2 (block) even if the server does not answer.
    setTimeout(() => process.exit(2), 5_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  try {
    const client = createClient({ baseUrl, apiKey, onWarning: () => {} });
    return await decideClaudeCodeHook(client, stdin, { timeoutSeconds, signal: abort.signal });
  } finally {
    process.off("SIGTERM", stop);
    process.off("SIGINT", stop);
  }
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.length;
    if (size > MAX_STDIN_BYTES) throw new Error(`the hook input is over ${MAX_STDIN_BYTES / 1024 / 1024} MiB`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString("utf8");
}
