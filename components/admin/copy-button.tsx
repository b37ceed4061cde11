"use client";
import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Copies `text`; falls back to selecting `fallbackInputId` when the Clipboard API is unavailable (plain http on a LAN address). */
export function CopyButton({ text, label, fallbackInputId }: { text: string; label: string; fallbackInputId?: string }) {
  const [copied, setCopied] = useState<"yes" | "select" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("yes");
    } catch {
      const el = fallbackInputId ? document.getElementById(fallbackInputId) : null;
      if (el instanceof HTMLInputElement) {
        el.focus();
        el.select();
      }
      setCopied("select");
    }
    setTimeout(() => setCopied(null), 2500);
  };
  return (
    <>
      <Button type="button" variant="outline" onClick={() => void copy()} aria-label={label}>
        {copied === "yes" ? <Check aria-hidden /> : <Copy aria-hidden />}
        {copied === "yes" ? "Copied" : "Copy"}
      </Button>
      <span role="status" className="sr-only">
        {copied === "yes" ? "Copied to the clipboard" : copied === "select" ? "Selected; press Ctrl+C to copy" : ""}
      </span>
    </>
  );
}
