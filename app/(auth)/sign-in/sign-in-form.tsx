"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { IntentLink } from "@/app/_components/intent-link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { authClient } from "@/app/_components/auth-client";
import { safeNext } from "@/lib/safe-next";
import { Button, ErrorText, Field, Input } from "@/app/_components/ui";
import { signInInput, type SignInInput } from "@/lib/inputs/auth";

export function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const next = safeNext(params.get("next"));
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignInInput>({ resolver: zodResolver(signInInput), defaultValues: { email: params.get("email") ?? "", password: "" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const { error } = await authClient.signIn.email(values);
    if (error) {
      setError(error.message ?? (error.status === 429 ? "Too many attempts. Wait a minute and try again." : "Could not sign in."));
      return;
    }
    router.replace(next);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <h1 className="text-lg font-semibold">Sign in</h1>
      <ErrorText>{error}</ErrorText>
      <Field id="email" label="Email" error={form.formState.errors.email?.message}>
        <Input id="email" type="email" autoComplete="email" autoFocus {...form.register("email")} />
      </Field>
      <Field id="password" label="Password" error={form.formState.errors.password?.message}>
        <Input id="password" type="password" autoComplete="current-password" {...form.register("password")} />
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-muted">
        New to Ringback?{" "}
        <IntentLink className="font-medium text-accent hover:underline" href={`/sign-up?next=${encodeURIComponent(next)}`}>
          Create an account
        </IntentLink>
      </p>
    </form>
  );
}
