"use client";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { authClient } from "@/lib/auth-client";
import { field } from "@/lib/form";
import { useTRPC } from "@/components/providers/trpc";

export function SetupForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.setup.createFirstAdmin.mutationOptions());
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const email = field(f, "email");
    const password = field(f, "password");
    if (password !== field(f, "confirm")) return setError("The passwords do not match");
    setError(null);
    try {
      await create.mutateAsync({ email, password, name: field(f, "name") || undefined });
      const r = await authClient.signIn.email({ email, password });
      if (r.error) return setError(r.error.message ?? "Created, but sign-in failed");
      router.replace("/");
    } catch (err) {
      setError(err instanceof Error ? err.message : "Could not create the admin");
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        <Label htmlFor="name">Name</Label>
        <Input id="name" name="name" autoComplete="name" />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="password">Password (at least 8 characters)</Label>
        <Input id="password" name="password" type="password" autoComplete="new-password" minLength={8} required />
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="confirm">Confirm password</Label>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" minLength={8} required />
      </div>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={create.isPending}>
        Create admin
      </Button>
    </form>
  );
}
