"use client";
import { useState } from "react";
import { ChevronRight, Lock } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { AgentText } from "./agent-text";
import { PAGE, ShowMore } from "./show-more";

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const LONG_STRING = 1_000;

function isContainer(v: Json): v is Json[] | { [k: string]: Json } {
  return v !== null && typeof v === "object";
}

function Scalar({ value, redacted }: { value: Json; redacted: boolean }) {
  const [full, setFull] = useState(false);
  if (redacted) {
    return (
      <span className="inline-flex min-w-0 items-center gap-1 rounded-sm border border-dashed px-1 text-muted-foreground" title="Redacted: a secret the agent keeps; you never see it">
        <Lock className="size-3 shrink-0" aria-hidden />
        <span className="sr-only">redacted value: </span>
        <AgentText className="font-mono" text={typeof value === "string" ? value : JSON.stringify(value)} />
      </span>
    );
  }
  if (typeof value === "string") {
    const cut = !full && value.length > LONG_STRING;
    return (
      <span className="min-w-0 text-emerald-700 dark:text-emerald-400">
        <AgentText text={`"${cut ? value.slice(0, LONG_STRING) : value}${cut ? "…" : '"'}`} />
        {cut ? (
          <button type="button" className="ml-1 text-xs text-foreground underline" onClick={() => setFull(true)}>
            show all {value.length.toLocaleString()} characters
          </button>
        ) : null}
      </span>
    );
  }
  if (typeof value === "number") return <span className="text-sky-700 dark:text-sky-400">{String(value)}</span>;
  if (typeof value === "boolean") return <span className="text-violet-700 dark:text-violet-400">{String(value)}</span>;
  return <span className="text-muted-foreground">null</span>;
}

function Key({ name }: { name: string | number | null }) {
  if (name === null) return null;
  return typeof name === "number" ? (
    <span className="text-muted-foreground">{name}: </span>
  ) : (
    <>
      <AgentText className="font-medium text-foreground" text={name} />
      <span className="text-muted-foreground">: </span>
    </>
  );
}

type IsRedacted = (path: string, value: Json) => boolean;

function Node({ name, value, path, depth, redacted }: { name: string | number | null; value: Json; path: string; depth: number; redacted: IsRedacted }) {
  const entries: [string | number, Json][] | null = isContainer(value) ? (Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value)) : null;
  const [open, setOpen] = useState(entries !== null && depth < 3 && entries.length <= 50);
  const [shown, setShown] = useState(PAGE);
  if (entries === null) {
    return (
      <li className="min-w-0 py-0.5 pl-5">
        <Key name={name} />
        <Scalar value={value} redacted={redacted(path, value)} />
      </li>
    );
  }
  const isArray = Array.isArray(value);
  const childPath = (k: string | number) => (typeof k === "number" ? `${path}[${k}]` : `${path}.${k}`);
  const children = (
    <>
      {entries.slice(0, shown).map(([k, v]) => (
        <Node key={String(k)} name={k} value={v} path={childPath(k)} depth={depth + 1} redacted={redacted} />
      ))}
      {entries.length > shown ? (
        <li>
          <ShowMore shown={shown} total={entries.length} onMore={setShown} what={isArray ? "items" : "keys"} />
        </li>
      ) : null}
      {entries.length === 0 ? <li className="pl-5 text-muted-foreground">{isArray ? "[] (empty)" : "{} (empty)"}</li> : null}
    </>
  );
  // The root has no name to click: its entries are the top level.
  if (name === null) return children;
  return (
    <li className="min-w-0 py-0.5">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className="inline-flex max-w-full min-w-0 items-start gap-1 rounded-sm text-left hover:bg-accent">
        <ChevronRight className={cn("mt-0.5 size-4 shrink-0 transition-transform", open && "rotate-90")} aria-hidden />
        <span className="min-w-0">
          <Key name={name} />
          <span className="text-muted-foreground">
            {isArray ? `[${entries.length}]` : `{${entries.length}}`}
            {redacted(path, value) ? " redacted" : ""}
          </span>
        </span>
      </button>
      {open ? <ul className="ml-2 min-w-0 border-l pl-2">{children}</ul> : null}
    </li>
  );
}

/**
 * JSON as a collapsible tree, coloured by type. Paths are written the way
 * redaction writes them (`$.a[0].b`), so values the server redacted are
 * marked where they are.
 */
export function JsonTree({
  value,
  redactedPaths = [],
  markRedactedText = false,
  label,
}: {
  value: unknown;
  redactedPaths?: readonly string[];
  /** Also mark any string holding "[REDACTED]" (final arguments come redacted without their paths). */
  markRedactedText?: boolean;
  label: string;
}) {
  const paths = new Set(redactedPaths);
  const redacted: IsRedacted = (path, v) => paths.has(path) || (markRedactedText && typeof v === "string" && v.includes("[REDACTED]"));
  const v = value as Json;
  return (
    <ul aria-label={label} className="min-w-0 font-mono text-xs leading-5">
      {isContainer(v) ? (
        <Node name={null} value={v} path="$" depth={0} redacted={redacted} />
      ) : (
        <li className="pl-5">
          <Scalar value={v} redacted={redacted("$", v)} />
        </li>
      )}
    </ul>
  );
}
