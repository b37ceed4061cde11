/**
 * Turns what a person types into the audit search box into a safe FTS5 MATCH
 * expression. FTS5 has its own query language (quotes, `*`, `NEAR(`, `-`,
 * `AND`/`OR`/`NOT`, `column:`), and a malformed expression is an SQL error, so
 * user text is never passed through: every word is reduced to the characters
 * the index's unicode61 tokenizer keeps (letters, digits, private use), put in
 * double quotes as a phrase, and given a prefix `*` when it is long enough to
 * be worth it (3+ characters; the index keeps 3-character prefixes). Words are ANDed. Operators are not supported; they are
 * searched as words.
 */

export const MAX_SEARCH_TERMS = 8;
const MIN_PREFIX = 3;
const TOKEN_RUN = /[\p{L}\p{N}\p{Co}]+/gu;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SearchQuery =
  /** Nothing searchable (empty, or punctuation only): no full-text condition. */
  | { kind: "none" }
  /** A request id pasted into the box: matched exactly, not as text. */
  | { kind: "request"; requestId: string }
  /** `phrases` are FTS5 phrases, each safe to put after a column filter; `match` ANDs them. */
  | { kind: "match"; match: string; phrases: string[]; terms: string[] };

/**
 * A word like `legacy-site` becomes the phrase `"legacy site"`, which matches
 * those tokens next to each other, as the tokenizer split them when indexing.
 * Prefix matching applies to the last token of each phrase when it has 3+ characters
 * (`"legacy sit"*` finds `legacy-site`).
 */
export function toSearchQuery(input: string): SearchQuery {
  const text = input.trim();
  if (UUID.test(text)) return { kind: "request", requestId: text.toLowerCase() };
  const phrases: string[] = [];
  const terms: string[] = [];
  for (const word of text.split(/\s+/)) {
    const tokens = word.match(TOKEN_RUN);
    if (!tokens) continue;
    const last = tokens[tokens.length - 1] ?? "";
    const phrase = `"${tokens.join(" ")}"${[...last].length >= MIN_PREFIX ? "*" : ""}`;
    if (phrases.includes(phrase)) continue;
    phrases.push(phrase);
    terms.push(tokens.join(" "));
    if (phrases.length === MAX_SEARCH_TERMS) break;
  }
  if (phrases.length === 0) return { kind: "none" };
  return { kind: "match", match: phrases.join(" "), phrases, terms };
}
