import type { Db } from "../server/db/client";
import type { AuditDraft } from "../server/db/store";
import type { JsonValue } from "../server/domain/json/canonical";
import { appendAuditSync } from "../server/db/sqlite/audit";
import { prepareStatements } from "../server/db/sqlite/statements";
import { rng } from "../tests/fixtures/fuzz"; // the same seeded PRNG: every run generates the same log

/**
 * A realistic audit log, written straight into a fresh SQLite file through
 * the store's own append (real hash chain, real triggers and indexes), in
 * large transactions. Requests follow the lifecycle the services write:
 * submitted → policy.evaluated → a decision (by a person, by policy, by the
 * deadline or cancelled) → for approvals, claimed → reported.
 */

export const RARE_WORD = "quetzalcoatl";
export const AGENTS = ["deploy-bot", "billing-agent", "db-migrator", "support-copilot", "infra-janitor", "release-captain", "data-pipeline", "secops-rotator", "growth-mailer", "finance-recon", "k8s-autoscaler", "docs-writer"];
export const TOOLS = [
  "github.delete_repository", "github.update_file", "github.merge_pull_request", "github.create_release", "db.run_migration", "db.drop_table",
  "db.query", "db.backup", "payments.transfer_funds", "payments.refund", "payments.create_invoice", "k8s.scale_deployment", "k8s.delete_namespace",
  "k8s.rollout_restart", "aws.rotate_credential", "aws.terminate_instances", "aws.s3_put_bucket_policy", "dns.update_record", "email.send_campaign",
  "slack.post_message", "jira.close_issue", "stripe.cancel_subscription", "gcp.delete_bucket", "vault.revoke_token", "terraform.apply",
];
const RISKS = ["low", "medium", "high", "critical"] as const;
const CHANNELS = ["web", "web", "web", "slack", "mcp"] as const;
const WORDS =
  "checkout billing ledger invoices staging production replica migration rollback customer orders archive legacy analytics warehouse cache session gateway payments refunds mobile frontend backend search catalog inventory shipping tax fraud reporting marketing newsletter onboarding compliance audit security credentials metrics logging tracing alerting kafka postgres redis mysql elastic bucket cluster namespace deployment canary nightly weekly quarterly europe asia america tenant partner vendor contract payroll"
    .split(" ");
const REASONS = ["not during the freeze", "wrong environment", "needs a ticket", "too broad; scope it to one tenant", "duplicate of an earlier request", "use the runbook instead", "ok after review", "verified in staging"];

export type GeneratedLog = { events: number; requests: number; rareRequests: number; firstAt: string; lastAt: string; reviewerIds: string[] };

export function generateAuditLog(db: Db, opts: { events: number; days: number; seed?: number; onProgress?: (events: number) => void }): GeneratedLog {
  const rand = rng(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  // Zipf-ish: low indexes far more often, as words are in real text.
  const word = () => WORDS[Math.floor(WORDS.length * rand() * rand())] as string;
  const ps = prepareStatements(db);
  const sqlite = db.$client;

  const now = Date.now();
  const start = now - opts.days * 86_400_000;
  const step = (opts.days * 86_400_000) / opts.events;
  const reviewerIds = Array.from({ length: 8 }, (_, i) => `bench-reviewer-${i}`);
  const agentIds = AGENTS.map((_, i) => `bench-agent-${i}`);
  sqlite.transaction(() => {
    const u = sqlite.prepare(`INSERT INTO "user" (id, name, email, role, created_at, updated_at) VALUES (?, ?, ?, 'reviewer', ?, ?)`);
    reviewerIds.forEach((id, i) => u.run(id, `Reviewer ${i}`, `reviewer${i}@acme.example`, now, now));
    const a = sqlite.prepare(`INSERT INTO agent (id, name, mode, created_at) VALUES (?, ?, 'write_destructive', ?)`);
    agentIds.forEach((id, i) => a.run(id, AGENTS[i], now));
  })();

  let written = 0;
  let requests = 0;
  let rareRequests = 0;
  const at = () => new Date(start + written * step);
  const append = (drafts: AuditDraft[]) => {
    appendAuditSync(ps, drafts, at());
    written += drafts.length;
  };
  const batch = 25_000;
  while (written < opts.events) {
    sqlite.transaction(() => {
      const until = Math.min(opts.events, written + batch);
      while (written < until) {
        requests++;
        const id = `0190${requests.toString(16).padStart(8, "0")}-0000-7000-8000-${requests.toString(16).padStart(12, "0")}`;
        const ai = Math.floor(rand() * rand() * AGENTS.length);
        const agent = AGENTS[ai] as string;
        const agentId = agentIds[ai] as string;
        const tool = pick(TOOLS);
        const risk = tool.includes("query") || tool.includes("backup") ? "low" : pick(RISKS);
        const w1 = word();
        const w2 = word();
        const rare = rand() < 0.0001;
        if (rare) rareRequests++;
        const args: JsonValue = {
          target: `acme/${w1}-${w2}`,
          environment: rand() < 0.6 ? "production" : "staging",
          ticket: `OPS-${Math.floor(rand() * 90000) + 10000}`,
          note: `${word()} ${word()} ${word()} for ${rare ? RARE_WORD : word()} ${word()}`,
          amount: Math.floor(rand() * 100000),
          dryRun: rand() < 0.1,
        };
        const summary = `${tool.split(".")[1]?.replace(/_/g, " ") ?? tool} on acme/${w1}-${w2} (${w2})`;
        const base = { actorType: "agent" as const, actorId: agentId, requestId: id };
        append([
          { ...base, action: "request.submitted", data: { tool, summary, agent, channel: "api", arguments: args, argsHash: "a".repeat(64), previewDigest: null, risk, expiresAt: at().toISOString(), idempotencyKey: null } },
          { ...base, actorType: "system", actorId: "policy", action: "policy.evaluated", data: { effect: risk === "low" ? "allow" : "require_approval", reason: `risk ${risk}`, risk, riskReasons: [], requiredMode: "write_destructive", agentMode: "write_destructive", tool, agent } },
        ]);
        const facets = { tool, agent, risk };
        const r = rand();
        let approved = false;
        if (risk === "low") {
          append([{ ...base, actorType: "system", actorId: "policy", action: "request.approved", data: { channel: "policy", reason: "read-only", waitedMs: 0, ...facets } }]);
          approved = true;
        } else if (r < 0.75) {
          const reviewer = pick(reviewerIds);
          const by = `reviewer${reviewerIds.indexOf(reviewer)}@acme.example`;
          const waitedMs = Math.floor(5_000 + rand() * rand() * (risk === "critical" ? 1_800_000 : 600_000));
          approved = r < 0.6;
          const data = approved
            ? { by, channel: pick(CHANNELS), comment: rand() < 0.3 ? pick(REASONS) : null, modified: rand() < 0.1, finalArguments: args, waitedMs, ...facets }
            : { by, channel: pick(CHANNELS), reason: pick(REASONS), waitedMs, ...facets };
          append([{ actorType: "user", actorId: reviewer, requestId: id, action: approved ? "request.approved" : "request.denied", data }]);
        } else if (r < 0.95) {
          append([{ ...base, actorType: "system", actorId: "deadline", action: "request.expired", data: { reason: "no decision before the deadline (default deny)", channel: "timeout", waitedMs: 300_000, ...facets } }]);
        } else {
          append([{ ...base, action: "request.cancelled", data: { by: `agent:${agent}`, channel: "api", reason: "superseded", waitedMs: 20_000, ...facets } }]);
        }
        if (approved && written + 2 <= opts.events) {
          append([{ ...base, action: "execution.claimed", data: { executedArgsHash: "b".repeat(64), finalArgsHash: "b".repeat(64), reportedVersion: null, ...facets } }]);
          const ok = rand() < 0.93;
          append([{ ...base, action: "execution.reported", data: { outcome: ok ? "succeeded" : "failed", detail: ok ? null : `${word()} error: timeout talking to ${word()}`, ...facets } }]);
        }
      }
    })();
    opts.onProgress?.(written);
  }
  return { events: written, requests, rareRequests, firstAt: new Date(start).toISOString(), lastAt: at().toISOString(), reviewerIds };
}
