import type { ComponentProps } from "react";
import { cn } from "./cn";

export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="relative w-full overflow-x-auto">
      <table className={cn("w-full caption-bottom text-sm", className)} {...props} />
    </div>
  );
}
export const THead = ({ className, ...p }: ComponentProps<"thead">) => <thead className={cn("[&_tr]:border-b", className)} {...p} />;
export const TBody = ({ className, ...p }: ComponentProps<"tbody">) => <tbody className={cn("[&_tr:last-child]:border-0", className)} {...p} />;
export const TR = ({ className, ...p }: ComponentProps<"tr">) => <tr className={cn("border-b transition-colors data-[selected=true]:bg-accent", className)} {...p} />;
export const TH = ({ className, ...p }: ComponentProps<"th">) => <th className={cn("h-9 px-2 text-left align-middle font-medium text-muted-foreground", className)} {...p} />;
export const TD = ({ className, ...p }: ComponentProps<"td">) => <td className={cn("p-2 align-middle", className)} {...p} />;
