/** MCP ToolAnnotations hints. Absent hints take MCP's defaults: not read-only, destructive, not idempotent, open world. */
export type ToolAnnotations = {
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
  title?: string;
};

export const SAFETY_MODES = ["read_only", "write_idempotent", "write_destructive"] as const;
export type SafetyMode = (typeof SAFETY_MODES)[number];

export function isReadOnly(a: ToolAnnotations): boolean {
  return a.readOnlyHint === true;
}

export function isDestructive(a: ToolAnnotations): boolean {
  return !isReadOnly(a) && a.destructiveHint !== false;
}

/** The safety mode an action needs: readOnly → read_only; not destructive → write_idempotent; else write_destructive. */
export function requiredMode(a: ToolAnnotations): SafetyMode {
  if (isReadOnly(a)) return "read_only";
  if (!isDestructive(a)) return "write_idempotent";
  return "write_destructive";
}
