"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "./auth-client";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Field, Input } from "./ui/field";

export function AuthForm({ mode, firstUser }: { mode: "login" | "signup"; firstUser?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    setBusy(true);
    setError(null);
    const result =
      mode === "signup"
        ? await authClient.signUp.email({ email, password, name: String(form.get("name") || email.split("@")[0]) })
        : await authClient.signIn.email({ email, password });
    setBusy(false);
    if (result.error) {
      setError(result.error.message ?? "could not sign in");
      return;
    }
    router.replace("/datasets");
    router.refresh();
  }

  return (
    <div className="mx-auto mt-24 w-full max-w-sm">
      <div className="mb-6 text-center">
        <div className="text-2xl font-semibold tracking-tight">Syllabus</div>
        <p className="mt-1 text-sm text-slate-500">{mode === "signup" ? "Create your account" : "Sign in to continue"}</p>
      </div>
      <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {firstUser && <Alert tone="info">No account exists yet: the first account becomes the admin.</Alert>}
        {error && <Alert tone="error">{error}</Alert>}
        {mode === "signup" && (
          <Field label="Name">
            <Input name="name" autoComplete="name" />
          </Field>
        )}
        <Field label="Email">
          <Input name="email" type="email" required autoComplete="email" autoFocus />
        </Field>
        <Field label="Password" hint={mode === "signup" ? "At least 8 characters." : undefined}>
          <Input name="password" type="password" required minLength={8} autoComplete={mode === "signup" ? "new-password" : "current-password"} />
        </Field>
        <Button type="submit" disabled={busy} className="w-full">
          {busy ? "…" : mode === "signup" ? "Create account" : "Sign in"}
        </Button>
        <p className="text-center text-sm text-slate-500">
          {mode === "signup" ? (
            <>Have an account? <Link className="text-indigo-600 hover:underline" href="/login">Sign in</Link></>
          ) : (
            <>New here? <Link className="text-indigo-600 hover:underline" href="/signup">Create an account</Link></>
          )}
        </p>
      </form>
    </div>
  );
}
