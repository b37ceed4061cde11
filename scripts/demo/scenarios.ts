import type { SafetyMode } from "../../server/domain/approval/annotations";
import type { SubmitInput } from "../../server/services/approval/schemas";

export const DEMO_AGENTS = [
  { name: "deploy-bot", mode: "write_destructive" },
  { name: "finance-ops", mode: "write_destructive" },
  { name: "platform-sre", mode: "write_idempotent" },
  { name: "analyst", mode: "read_only" },
] as const satisfies readonly { name: string; mode: SafetyMode }[];
export type DemoAgentName = (typeof DEMO_AGENTS)[number]["name"];

export type Scenario = {
  agent: DemoAgentName;
  /** What the agent would do once approved, for the log. */
  does: (args: Record<string, unknown>) => string;
  body: (n: number) => SubmitInput;
  /** The version the agent reports when it claims, for previews with a targetVersion. */
  currentVersion?: string;
};

const pick = <T>(xs: readonly T[], n: number): T => xs[n % xs.length] as T;
const eur = (n: number) => `€${n.toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const deleteRepository: Scenario = {
  agent: "deploy-bot",
  does: (a) => `deleted github.com/${String(a.owner)}/${String(a.repo)}`,
  body: (n) => {
    const repo = pick(["legacy-billing", "hackweek-2023-chatbot", "old-marketing-site"], n);
    const resource = repo.replaceAll("-", "_");
    return {
      tool: "github.delete_repository",
      arguments: { owner: "acme", repo },
      annotations: { destructiveHint: true, idempotentHint: false, openWorldHint: true },
      summary: `Delete the archived repository acme/${repo}`,
      reason: "Archived for over a year: no commits, no open pull requests, and code search finds no dependents. Part of the repository clean-up (INFRA-212).",
      preview: {
        changes: [
          { path: `repository acme/${repo}`, from: "archived, 214 MB, 1 832 commits", to: null, warning: "Deletion is permanent once GitHub's 90-day restore window has passed" },
          { path: "forks in the acme organisation", from: 3, to: 0, warning: "Organisation forks are deleted with it" },
          { path: "webhooks", from: 2, to: 0 },
        ],
        impact: "1 repository, 3 forks, 2 webhooks and 2 deploy keys removed",
        reversible: false,
        rollback: "Ask GitHub Support to restore it within 90 days; after that it is gone.",
        diff: [
          "--- a/terraform/github/repositories.tf",
          "+++ b/terraform/github/repositories.tf",
          "@@ -41,13 +41,6 @@ resource \"github_repository\" \"billing_api\" {",
          "   has_issues  = true",
          " }",
          " ",
          `-resource "github_repository" "${resource}" {`,
          `-  name        = "${repo}"`,
          "-  visibility  = \"private\"",
          "-  archived    = true",
          "-  has_issues  = false",
          "-}",
          "-",
          " resource \"github_repository\" \"docs\" {",
          "   name        = \"docs\"",
        ].join("\n"),
      },
      resources: [`github:acme/${repo}`],
      timeoutSeconds: 300,
    };
  },
};

const runMigration: Scenario = {
  agent: "deploy-bot",
  does: (a) => `applied ${String(a.migration)} to ${String(a.database)} (lock_timeout ${String(a.lock_timeout)})`,
  body: () => ({
    tool: "postgres.run_migration",
    arguments: { database: "orders-prod", migration: "20260114_add_refund_reason.sql", lock_timeout: "5s" },
    annotations: { destructiveHint: false, idempotentHint: false },
    summary: "Run migration 20260114_add_refund_reason on orders-prod",
    reason: "Release 4.18 records why a refund was issued; the application already tolerates the new columns (deployed yesterday behind a flag).",
    preview: {
      changes: [
        { path: "refunds.reason", from: null, to: "text NULL" },
        { path: "refunds.reason_code", from: null, to: "varchar(32) NOT NULL DEFAULT 'unspecified'" },
        { path: "index refunds_reason_code_idx", from: null, to: "btree (reason_code), built concurrently", warning: "Index build takes ~3 min on 4.1 M rows" },
      ],
      impact: "Table refunds (4.1 M rows): ALTER TABLE holds an ACCESS EXCLUSIVE lock for about 50 ms; the index is built without blocking writes.",
      reversible: true,
      rollback: "DROP INDEX CONCURRENTLY refunds_reason_code_idx; ALTER TABLE refunds DROP COLUMN reason, DROP COLUMN reason_code;",
      diff: [
        "--- a/db/schema.sql",
        "+++ b/db/schema.sql",
        "@@ -88,8 +88,12 @@ CREATE TABLE refunds (",
        "   order_id      bigint      NOT NULL REFERENCES orders (id),",
        "   amount_cents  bigint      NOT NULL,",
        "   currency      char(3)     NOT NULL,",
        "+  reason        text,",
        "+  reason_code   varchar(32) NOT NULL DEFAULT 'unspecified',",
        "   created_at    timestamptz NOT NULL DEFAULT now()",
        " );",
        "+",
        "+CREATE INDEX CONCURRENTLY refunds_reason_code_idx ON refunds (reason_code);",
      ].join("\n"),
    },
    argumentsSchema: {
      type: "object",
      required: ["database", "migration", "lock_timeout"],
      properties: {
        database: { const: "orders-prod" },
        migration: { type: "string" },
        lock_timeout: { type: "string", pattern: "^[0-9]+(ms|s)$", description: "how long ALTER TABLE may wait for its lock" },
      },
      additionalProperties: false,
    },
    resources: ["postgres:orders-prod/refunds"],
    timeoutSeconds: 600,
  }),
};

const transferFunds: Scenario = {
  agent: "finance-ops",
  does: (a) => `sent ${String(a.amount)} ${String(a.currency)} to ${String(a.payee)}`,
  currentVersion: "acct_ops_eur_01@v8841",
  body: (n) => {
    const [payee, iban, amount, invoice] = pick(
      [
        ["Northwind GmbH", "DE89 3704 0044 0532 0130 00", 48_250, "INV-2026-0117"],
        ["Contoso Ltd", "GB33 BUKB 2020 1555 5555 55", 12_900.5, "CON-88213"],
      ] as const,
      n,
    );
    return {
      tool: "payments.transfer_funds",
      arguments: { from_account: "acct_ops_eur_01", payee, iban, amount, currency: "EUR", reference: invoice },
      annotations: { destructiveHint: true, idempotentHint: false, openWorldHint: true },
      summary: `Pay ${eur(amount)} to ${payee} (${invoice})`,
      reason: `Invoice ${invoice} is due in 2 days and matches purchase order PO-5521 (3-way match passed).`,
      preview: {
        changes: [
          { path: "acct_ops_eur_01.balance", from: eur(312_940.17), to: eur(312_940.17 - amount) },
          { path: "payee", from: null, to: `${payee} (${iban})`, warning: n % 2 === 0 ? "First payment to this IBAN" : undefined },
        ],
        impact: `${eur(amount)} leaves the operating account today by SEPA instant transfer.`,
        reversible: false,
        rollback: "A SEPA instant transfer cannot be recalled; only the payee can send the money back.",
        targetVersion: "acct_ops_eur_01@v8841",
      },
      argumentsSchema: {
        type: "object",
        required: ["from_account", "payee", "iban", "amount", "currency", "reference"],
        properties: { amount: { type: "number", exclusiveMinimum: 0, maximum: 50_000 }, currency: { enum: ["EUR"] } },
      },
      resources: ["ledger:acct_ops_eur_01"],
      timeoutSeconds: 300,
    };
  },
};

const rotateCredential: Scenario = {
  agent: "platform-sre",
  does: (a) => `rotated the access key of IAM user ${String(a.iam_user)} and stored it in ${String(a.vault_path)}`,
  body: () => ({
    tool: "aws.iam.rotate_access_key",
    // The new secret travels in the arguments (the agent needs it); reviewers and the audit log see [REDACTED].
    arguments: {
      iam_user: "ci-deployer",
      old_access_key_id: "AKIAIOSFODNN7EXAMPLE",
      new_secret_access_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      vault_path: "secret/ci/aws",
      deactivate_old_after: "15m",
    },
    annotations: { destructiveHint: false, idempotentHint: false },
    summary: "Rotate the AWS access key of ci-deployer (97 days old)",
    reason: "Security policy SEC-4 requires keys older than 90 days to be rotated.",
    preview: {
      changes: [
        { path: "iam/ci-deployer/access_keys[0]", from: "active, created 97 days ago", to: "inactive after 15 min" },
        { path: "iam/ci-deployer/access_keys[1]", from: null, to: "active" },
        { path: "vault secret/ci/aws", from: "version 14", to: "version 15" },
      ],
      impact: "CI pipelines pick up the new key on their next run; running jobs keep the old one for up to 15 minutes.",
      reversible: true,
      rollback: "Re-activate the old key within 24 h: aws iam update-access-key --user-name ci-deployer --status Active",
    },
    resources: ["aws:iam/user/ci-deployer"],
    timeoutSeconds: 300,
  }),
};

const READS: SubmitInput[] = [
  { tool: "github.list_pull_requests", arguments: { owner: "acme", repo: "billing-api", state: "open" }, summary: "List open pull requests in acme/billing-api" },
  { tool: "postgres.query", arguments: { database: "orders-replica", sql: "SELECT count(*) FROM refunds WHERE created_at > now() - interval '1 day'" }, summary: "Count yesterday's refunds (read replica)" },
  { tool: "datadog.get_monitor_status", arguments: { monitor: "checkout-latency-p99" }, summary: "Check the checkout latency monitor" },
];

const readOnly: Scenario = {
  agent: "analyst",
  does: (a) => `read ${JSON.stringify(a)}`,
  body: (n) => ({ ...pick(READS, n), annotations: { readOnlyHint: true } }),
};

/** The order in which requests arrive; reads keep coming while writes wait for a human. */
export const DECK: readonly Scenario[] = [deleteRepository, readOnly, runMigration, transferFunds, readOnly, rotateCredential, readOnly];
export const READ_ONLY = readOnly;
