import { redirect } from "next/navigation";
import { getRuntime } from "@/server/runtime/runtime";
import { AuthCard } from "@/components/shell/auth-card";
import { SignInForm } from "@/components/shell/sign-in-form";

export const metadata = { title: "Sign in" };

export default async function SignInPage() {
  if ((await getRuntime().store.countUsers()) === 0) redirect("/setup");
  return (
    <AuthCard title="Sign in to Countersign" subtitle="Review what your agents want to do.">
      <SignInForm />
    </AuthCard>
  );
}
