import type { JsonValue } from "../../domain/json/canonical";
import { redact } from "../../domain/redact/redact";
import type { AuditSearchRow } from "../../db/audit-search";

export const EXCERPT_MAX = 280;

/** One search result as the dashboard shows it. Everything in it is plain text for text nodes. */
export type AuditItem = {
  seq: number;
  at: string;
  action: string;
  actorType: string;
  actorId: string;
  /** The user's email, the agent's name, or the system job. */
  actor: string;
  requestId: string | null;
  outcome: string | null;
  agent: string | null;
  tool: string | null;
  risk: string | null;
  channel: string | null;
  /** A short, redacted, one-line rendering of the event's data, invisible characters made visible. */
  excerpt: string;
};

/** Shown in their own columns, or hashes and ids nobody reads in a list. */
const NOT_IN_EXCERPT = new Set([
  "tool", "agent", "risk", "channel", "by", "argsHash", "finalArgsHash", "originalArgsHash", "executedArgsHash", "previewDigest",
  "expiresAt", "agentId", "keyId", "userId", "waitedMs", "lateMs",
]);
/** Read first, in this order. */
const LEAD = ["summary", "reason", "comment", "detail", "error"];

/**
 * Bidirectional overrides and isolates, zero-width and other format or
 * control characters can make text read differently from what it is; in an
 * excerpt each is replaced by a visible ⟨U+XXXX⟩ marker, as the request pages show them.
 */
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff9-\ufffb]/gu;
export const revealHidden = (s: string): string =>
  s.replace(HIDDEN, (c) => `⟨U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}⟩`);

const show = (v: JsonValue): string => (typeof v === "string" ? v : JSON.stringify(v));

function clip(s: string): string {
  const chars = [...revealHidden(s.replace(/\s+/g, " "))];
  return chars.length > EXCERPT_MAX ? `${chars.slice(0, EXCERPT_MAX - 1).join("")}…` : chars.join("");
}

export function excerptOf(dataText: string): string {
  let parsed: JsonValue;
  try {
    parsed = redact(JSON.parse(dataText) as JsonValue).value;
  } catch {
    return "";
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return clip(show(parsed));
  const data = parsed;
  const keys = Object.keys(data).filter((k) => !NOT_IN_EXCERPT.has(k) && data[k] !== null && data[k] !== undefined);
  keys.sort((a, b) => (LEAD.includes(a) ? LEAD.indexOf(a) : 99) - (LEAD.includes(b) ? LEAD.indexOf(b) : 99));
  let out = "";
  for (const k of keys) {
    const v = data[k] as JsonValue;
    out += `${out ? " · " : ""}${k === "summary" ? "" : `${k}: `}${show(v)}`;
    if (out.length > EXCERPT_MAX) break;
  }
  return clip(out);
}

export function toAuditItem(r: AuditSearchRow): AuditItem {
  return {
    seq: r.seq,
    at: r.at,
    action: r.action,
    actorType: r.actorType,
    actorId: r.actorId,
    actor: r.actorName ?? r.actorId,
    requestId: r.requestId,
    outcome: r.outcome,
    agent: r.agent,
    tool: r.tool,
    risk: r.risk,
    channel: r.channel,
    excerpt: excerptOf(r.data),
  };
}
