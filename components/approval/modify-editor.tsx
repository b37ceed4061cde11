"use client";
import { useMemo, useState, type FormEvent } from "react";
import { CircleCheck, CircleX, LoaderCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Label, Textarea } from "@/components/ui/input";
import { diffJson } from "@/server/domain/json/diff";
import type { JsonObject, JsonValue } from "@/server/domain/json/canonical";
import { AgentText } from "./agent-text";
import { ChangesList } from "./changes-list";
import { useArgumentsCheck } from "./use-arguments-check";

type Parsed = { ok: true; value: JsonObject } | { ok: false; error: string };

function parseObject(text: string): Parsed {
  try {
    const v = JSON.parse(text) as unknown;
    if (v === null || typeof v !== "object" || Array.isArray(v)) return { ok: false, error: "The arguments must be a JSON object ({ … })." };
    return { ok: true, value: v as JsonObject };
  } catch (e) {
    return { ok: false, error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Modify = approve with other arguments. The reviewer edits the JSON the
 * agent sent; it is parsed as they type, checked against the agent's schema
 * on the server, and the exact changes are shown before anything is sent.
 */
export function ModifyEditor({
  id,
  original,
  busy,
  serverError,
  onApprove,
  onCancel,
}: {
  id: string;
  original: JsonValue;
  busy: boolean;
  serverError: string | null;
  onApprove: (finalArguments: JsonObject) => void;
  onCancel: () => void;
}) {
  const initial = useMemo(() => JSON.stringify(original, null, 2), [original]);
  const [text, setText] = useState(initial);
  const parsed = useMemo(() => parseObject(text), [text]);
  const changes = useMemo(() => {
    if (!parsed.ok) return [];
    try {
      return diffJson(original, parsed.value);
    } catch {
      return [];
    }
  }, [original, parsed]);
  const check = useArgumentsCheck(id, parsed.ok ? parsed.value : null);
  const ready = parsed.ok && !check.checking && check.problems.length === 0 && !check.error && changes.length > 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready && parsed.ok) onApprove(parsed.value);
  };

  let status;
  if (!parsed.ok) status = <StatusLine tone="error" text={parsed.error} />;
  else if (check.checking) status = <StatusLine tone="busy" text="Checking…" />;
  else if (check.error) status = <StatusLine tone="error" text={check.error} />;
  else if (check.problems.length > 0) status = <StatusLine tone="error" text={`Does not satisfy the agent's schema (${check.problems.length} problem${check.problems.length === 1 ? "" : "s"})`} />;
  else status = <StatusLine tone="ok" text={check.hasSchema ? "Valid JSON, satisfies the agent's schema" : "Valid JSON (the agent gave no schema)"} />;

  return (
    <form onSubmit={submit} className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-col gap-2">
        <Label htmlFor="modify-arguments">Modified arguments (JSON)</Label>
        <p id="modify-hint" className="text-xs text-muted-foreground">
          Values shown as [REDACTED] keep their original secret unless you replace them.
        </p>
        <Textarea
          id="modify-arguments"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={Math.min(24, Math.max(8, initial.split("\n").length + 2))}
          spellCheck={false}
          autoComplete="off"
          autoFocus
          aria-invalid={!parsed.ok || check.problems.length > 0}
          aria-describedby="modify-hint modify-status"
          className="font-mono text-xs leading-5"
        />
      </div>
      <div id="modify-status" aria-live="polite" className="flex flex-col gap-1">
        {status}
        {check.problems.length > 0 ? (
          <ul className="ml-6 list-disc text-sm text-destructive">
            {check.problems.map((p, i) => (
              <li key={i}>
                <AgentText className="font-mono" text={p.path} /> <AgentText text={p.message} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {parsed.ok ? (
        <div className="min-w-0 rounded-md border p-3">
          <h3 className="mb-2 text-sm font-semibold">What you changed</h3>
          <ChangesList changes={changes} />
        </div>
      ) : null}
      {serverError ? (
        <p role="alert" className="agent-text text-sm text-destructive">
          {serverError}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="success" disabled={!ready || busy}>
          Approve with changes
        </Button>
        <Button type="button" variant="outline" onClick={() => setText(initial)} disabled={text === initial}>
          Reset
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function StatusLine({ tone, text }: { tone: "ok" | "error" | "busy"; text: string }) {
  const Icon = tone === "ok" ? CircleCheck : tone === "error" ? CircleX : LoaderCircle;
  return (
    <p className={tone === "error" ? "flex items-start gap-1.5 text-sm text-destructive" : "flex items-start gap-1.5 text-sm text-muted-foreground"}>
      <Icon className={tone === "busy" ? "mt-0.5 size-4 shrink-0 animate-spin" : "mt-0.5 size-4 shrink-0"} aria-hidden />
      <AgentText text={text} />
    </p>
  );
}
