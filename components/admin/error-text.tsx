"use client";

/** A failed call's message (the server's ServiceError text), announced to screen readers. */
export function ErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : "Something went wrong";
  return (
    <p role="alert" className="agent-text text-sm text-destructive">
      {message}
    </p>
  );
}
