import { parseArgs } from "node:util";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { loadEnv } from "../env";
import { sqlitePathFromUrl } from "../db/client";
import { openSqliteStore } from "../db/sqlite";
import { createHub } from "../runtime/hub";
import { DEFAULT_CONFIG, type ServiceContext } from "../services/context";
import { ServiceError } from "../services/errors";
import { createUser } from "../services/users/create-user";
import { createAgent } from "../services/agents/create-agent";
import { verifyAuditChain } from "../services/audit/verify";
import { AUDIT_EXPORT_FORMATS, exportAudit, type AuditExportFormat } from "../services/audit/export";
import { ZodError } from "zod";

const USAGE = `countersign — human approval for AI agents

  countersign user create --email E --password P --role viewer|reviewer|admin [--name N]
  countersign agent create --name N [--mode read_only|write_idempotent|write_destructive] [--json]
  countersign audit verify [--json]
  countersign audit export --format ndjson|csv [--out FILE]
  countersign mcp --url URL [--key KEY]      stdio MCP server bridged to a running Countersign
                                              (key preferably in COUNTERSIGN_API_KEY: argv shows in ps)
  countersign hook claude-code                Claude Code PreToolUse hook (COUNTERSIGN_URL, COUNTERSIGN_API_KEY)

Uses the server's configuration: DATABASE_URL (default file:./data/countersign.db).`;

type Out = { log(s: string): void; err(s: string): void };
const stdio: Out = { log: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

function openContext(): { ctx: ServiceContext; close: () => void } {
  const env = loadEnv();
  const { store } = openSqliteStore(sqlitePathFromUrl(env.DATABASE_URL));
  const ctx: ServiceContext = {
    actor: { type: "system", job: "cli", channel: "cli" },
    store,
    now: () => new Date(),
    hub: createHub(),
    config: DEFAULT_CONFIG,
  };
  return { ctx, close: () => store.close() };
}

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[], out: Out = stdio): Promise<number> {
  const [noun, verb, ...rest] = argv;
  // These two talk to a running server over HTTP and own their flags and their stdout.
  if (noun === "mcp") return (await import("./mcp-bridge")).runMcpBridge(argv.slice(1), out);
  if (noun === "hook") return (await import("./hook")).runHook(argv.slice(1), out);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      mode: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      json: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const cmd = `${noun ?? ""} ${verb ?? ""}`;
  if (!["user create", "agent create", "audit verify", "audit export"].includes(cmd)) {
    out.err(USAGE);
    return noun === undefined || noun === "help" || noun === "--help" ? 0 : 2;
  }
  const { ctx, close } = openContext();
  try {
    switch (cmd) {
      case "user create": {
        const u = await createUser({ ctx, input: { email: values.email ?? "", password: values.password ?? "", role: values.role as never, name: values.name } });
        out.log(values.json ? JSON.stringify(u) : `created ${u.role} ${u.email} (${u.id})`);
        return 0;
      }
      case "agent create": {
        const a = await createAgent({ ctx, input: { name: values.name ?? "", mode: values.mode as never } });
        if (values.json) out.log(JSON.stringify({ id: a.id, apiKey: a.apiKey }));
        else out.log(`created agent ${a.name} (${a.id}), safety mode ${a.mode}\nAPI key (shown once, store it now):\n${a.apiKey}`);
        return 0;
      }
      case "audit verify": {
        const r = await verifyAuditChain(ctx.store);
        if (values.json) out.log(JSON.stringify(r));
        else if (r.ok) out.log(`audit chain verified: ${r.count} events, head ${r.lastHash.slice(0, 16)}…`);
        else out.log(`audit chain BROKEN at event ${r.firstBroken.seq} (${r.firstBroken.reason}); ${r.count} events before it verify`);
        return r.ok ? 0 : 1;
      }
      case "audit export": {
        const format = values.format as AuditExportFormat;
        if (!(AUDIT_EXPORT_FORMATS as readonly string[]).includes(format)) {
          out.err("--format must be ndjson or csv");
          return 2;
        }
        const sink = values.out ? createWriteStream(values.out) : process.stdout;
        for await (const chunk of exportAudit(ctx.store, format)) {
          if (!sink.write(chunk)) await once(sink, "drain");
        }
        if (values.out) await new Promise<void>((r) => (sink as ReturnType<typeof createWriteStream>).end(r));
        return 0;
      }
    }
    return 2;
  } catch (e) {
    if (e instanceof ServiceError) out.err(`error: ${e.message}`);
    else if (e instanceof ZodError) out.err(`error: ${e.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}`);
    else throw e;
    return 1;
  } finally {
    close();
  }
}
