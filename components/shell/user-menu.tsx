"use client";
import { LogOut, Moon, Sun } from "lucide-react";
import { useTheme } from "next-themes";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth-client";

export function UserMenu({ email, role }: { email: string; role: string }) {
  const { resolvedTheme, setTheme } = useTheme();
  const router = useRouter();
  return (
    <div className="flex items-center gap-2">
      <span className="hidden text-sm text-muted-foreground sm:inline" title={role}>
        {email} · {role}
      </span>
      <Button variant="ghost" size="icon" aria-label="Toggle dark mode" onClick={() => setTheme(resolvedTheme === "dark" ? "light" : "dark")}>
        {/* Both icons, switched by CSS: the server cannot know the theme, so choosing one in JS breaks hydration. */}
        <Sun className="hidden dark:block" aria-hidden />
        <Moon className="dark:hidden" aria-hidden />
      </Button>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => {
          void authClient.signOut().then(() => router.push("/sign-in"));
        }}
      >
        <LogOut /> Sign out
      </Button>
    </div>
  );
}
