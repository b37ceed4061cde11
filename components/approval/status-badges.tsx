import { MessageCircleQuestionMark } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

const RISK_VARIANTS = { low: "low", medium: "medium", high: "high", critical: "critical" } as const;

export function RiskBadge({ risk, className }: { risk: string; className?: string }) {
  const variant = risk in RISK_VARIANTS ? RISK_VARIANTS[risk as keyof typeof RISK_VARIANTS] : "outline";
  return (
    <Badge variant={variant} className={cn("capitalize", className)}>
      {risk}
      <span className="sr-only"> risk</span>
    </Badge>
  );
}

const STATUS_VARIANTS = { pending: "outline", approved: "success", denied: "danger", expired: "secondary", cancelled: "secondary" } as const;

/** `label` words the status in the request's own terms (a question is "answered"); the colour follows `status`. */
export function StatusBadge({ status, label, className }: { status: string; label?: string; className?: string }) {
  const variant = status in STATUS_VARIANTS ? STATUS_VARIANTS[status as keyof typeof STATUS_VARIANTS] : "outline";
  return (
    <Badge variant={variant} className={cn("capitalize", className)}>
      {label ?? status}
    </Badge>
  );
}

/** Marks a question (an agent asking a person for an answer) apart from an action awaiting approval. */
export function QuestionBadge({ className }: { className?: string }) {
  return (
    <Badge variant="outline" className={cn("gap-1 border-primary/40 bg-primary/10", className)}>
      <MessageCircleQuestionMark className="size-3" aria-hidden />
      Question
    </Badge>
  );
}
