/**
 * Agent-written text is attacker-controlled. React already renders it inert
 * (text nodes, never HTML); what remains are characters that change how text
 * *looks* without being seen: bidirectional overrides that reorder what a
 * reviewer reads ("txt.exe" shown as "exe.txt") and zero-width characters that
 * hide differences. They are made visible here as ⟨U+202E⟩ escapes.
 */

// Bidi embeddings/overrides/isolates and marks, zero-width and invisible
// formatting characters, BOM, and C0/C1 controls other than tab and newline.
const HIDDEN_CLASS = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u061C\\u180E\\u200B-\\u200F\\u2028\\u2029\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF";
const HIDDEN_TEST = new RegExp(`[${HIDDEN_CLASS}]`);
const HIDDEN_SPLIT = new RegExp(`([${HIDDEN_CLASS}])`);

export type InertSegment = { kind: "text"; text: string } | { kind: "hidden"; code: string };

/** "U+202E" for a character. */
export function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

export function hasHiddenCharacters(s: string): boolean {
  return HIDDEN_TEST.test(s);
}

/** The text cut into visible runs and hidden characters, in order. */
export function splitHidden(s: string): InertSegment[] {
  if (!hasHiddenCharacters(s)) return s === "" ? [] : [{ kind: "text", text: s }];
  const out: InertSegment[] = [];
  for (const part of s.split(HIDDEN_SPLIT)) {
    if (part === "") continue;
    if (part.length === 1 && HIDDEN_TEST.test(part)) out.push({ kind: "hidden", code: codePointLabel(part) });
    else out.push({ kind: "text", text: part });
  }
  return out;
}

/** The same text as plain characters, every hidden one written as ⟨U+XXXX⟩ (for titles, copies, aria labels). */
export function escapeHidden(s: string): string {
  return splitHidden(s)
    .map((seg) => (seg.kind === "text" ? seg.text : `⟨${seg.code}⟩`))
    .join("");
}

/** Whether any string (or object key) anywhere in a JSON value has hidden characters. Iterative: values can be deep. */
export function jsonHasHiddenCharacters(value: unknown): boolean {
  const stack: unknown[] = [value];
  let budget = 200_000;
  while (stack.length > 0 && budget-- > 0) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (hasHiddenCharacters(v)) return true;
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v !== null && typeof v === "object") {
      for (const [k, item] of Object.entries(v)) {
        if (hasHiddenCharacters(k)) return true;
        stack.push(item);
      }
    }
  }
  return false;
}

/** A JSON value as one line of text for a table cell; strings without quotes so they read as written. */
export function jsonPreviewText(value: unknown, max = 2_000): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value.length > max ? `${value.slice(0, max)}…` : value;
  let text: string;
  try {
    // JSON.stringify gives undefined for functions and symbols, which JSON never holds.
    text = JSON.stringify(value) ?? "";
  } catch {
    text = "(unprintable value)";
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
