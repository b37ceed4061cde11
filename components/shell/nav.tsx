"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { hasRole } from "@/server/domain/auth/roles";

const LINKS = [
  { href: "/", label: "Inbox", role: "viewer" },
  { href: "/audit", label: "Audit", role: "reviewer" },
  { href: "/agents", label: "Agents", role: "admin" },
  { href: "/users", label: "Users", role: "admin" },
  { href: "/settings", label: "Settings", role: "admin" },
] as const;

export function Nav({ role }: { role: "viewer" | "reviewer" | "admin" }) {
  const path = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-wrap items-center gap-1">
      {LINKS.filter((l) => hasRole(role, l.role)).map((l) => {
        const active = l.href === "/" ? path === "/" || path.startsWith("/requests") : path.startsWith(l.href);
        return (
          <Link key={l.href} href={l.href} aria-current={active ? "page" : undefined} className={cn("rounded-md px-3 py-1.5 text-sm hover:bg-accent", active && "bg-accent font-medium")}>
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}
