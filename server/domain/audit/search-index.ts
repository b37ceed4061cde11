import type { JsonValue } from "../json/canonical";

/**
 * What the audit log's full-text index holds for one event (see
 * drizzle/sqlite/0002). Two columns:
 *
 * - `body`: the action and every string and number in `data` except hashes,
 *   ids and timestamps — tool, summary, arguments, comments, reasons. A
 *   decision (approved/denied/expired/cancelled) also carries its request's
 *   submission text, so "denied" + a word from the arguments finds the denial.
 * - `facets`: one token per facet value, `zz` + a letter naming the facet +
 *   the hex of the UTF-8 value. Hex makes any value a single exact token, and
 *   search text is only ever matched against `body`, so text an agent puts in
 *   its arguments cannot pose as a facet.
 */

export const AUDIT_FACETS = ["outcome", "risk", "agent", "tool", "channel", "reviewer"] as const;
export type AuditFacet = (typeof AUDIT_FACETS)[number];
export type AuditFacetValues = { [F in AuditFacet]: string | null };

const LETTER: Record<AuditFacet, string> = { outcome: "o", risk: "r", agent: "a", tool: "t", channel: "c", reviewer: "v" };

export const DECISION_ACTIONS: readonly string[] = ["request.approved", "request.denied", "request.expired", "request.cancelled"];

/** Top-level `data` keys that are hashes, ids, timestamps or durations: noise to a reader, and a unique term per event to the index. */
const NOT_TEXT = new Set([
  "argsHash", "finalArgsHash", "originalArgsHash", "executedArgsHash", "previewDigest", "expiresAt", "lateMs", "waitedMs",
  "agentId", "keyId", "userId", "idempotencyKey",
]);
/** A decision indexes its submission's text, not the submission's own facets (it has its own). */
const NOT_FROM_SUBMISSION = new Set([...NOT_TEXT, "channel", "risk", "agent"]);

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
const encoder = new TextEncoder();

/** `zz` + the facet's letter + the hex of the value's UTF-8 bytes (SQLite's hex(), lower case). */
export function facetToken(facet: AuditFacet, value: string): string {
  let hex = "";
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x80) {
      // Not ASCII: encode the whole value properly (rare: facet values are mostly names and enums).
      hex = "";
      for (const b of encoder.encode(value)) hex += HEX[b] ?? "";
      break;
    }
    hex += HEX[c] ?? "";
  }
  return `zz${LETTER[facet]}${hex}`;
}

const str = (v: JsonValue | undefined): string | null => (typeof v === "string" ? v : typeof v === "number" ? String(v) : null);

/**
 * An event's facet values: the same rules as audit_event's generated columns
 * (server/db/schema.ts), which show them in results and feed the charts; a
 * test holds the two together.
 */
export function facetsOf(e: { action: string; actorType: string; actorId: string; data: JsonValue }): AuditFacetValues {
  const d = e.data !== null && typeof e.data === "object" && !Array.isArray(e.data) ? e.data : {};
  const decision = DECISION_ACTIONS.includes(e.action);
  return {
    outcome: decision ? e.action.slice("request.".length) : e.action === "execution.reported" ? str(d.outcome) : null,
    risk: str(d.risk),
    agent: e.action === "agent.created" ? str(d.name) : str(d.agent),
    tool: str(d.tool),
    channel: str(d.channel),
    reviewer: e.actorType === "user" && (e.action === "request.approved" || e.action === "request.denied") ? e.actorId : null,
  };
}

export function facetTokens(values: AuditFacetValues): string {
  return AUDIT_FACETS.flatMap((f) => {
    const v = values[f];
    return v === null ? [] : [facetToken(f, v)];
  }).join(" ");
}

function collect(value: JsonValue, skip: ReadonlySet<string> | null, out: string[]): void {
  if (typeof value === "string") out.push(value);
  else if (typeof value === "number") out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) collect(v, null, out);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) if (!skip?.has(k)) collect(v, null, out);
  }
}

export function searchBody(action: string, data: JsonValue, submission: JsonValue | null): string {
  const out: string[] = [action];
  collect(data, NOT_TEXT, out);
  if (submission !== null && DECISION_ACTIONS.includes(action)) collect(submission, NOT_FROM_SUBMISSION, out);
  return out.join(" ");
}
