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

export function StatusBadge({ status, className }: { status: string; className?: string }) {
  const variant = status in STATUS_VARIANTS ? STATUS_VARIANTS[status as keyof typeof STATUS_VARIANTS] : "outline";
  return (
    <Badge variant={variant} className={cn("capitalize", className)}>
      {status}
    </Badge>
  );
}
