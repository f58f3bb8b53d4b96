"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { IntentLink } from "@/app/_components/intent-link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { authClient } from "@/app/_components/auth-client";
import { safeNext } from "@/lib/safe-next";
import { Button, ErrorText, Field, Input } from "@/app/_components/ui";
import { signUpInput, type SignUpInput } from "@/lib/inputs/auth";

export function SignUpForm() {
  const router = useRouter();
  const params = useSearchParams();
  const next = safeNext(params.get("next"), "/create-team");
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignUpInput>({
    resolver: zodResolver(signUpInput),
    defaultValues: { name: "", email: params.get("email") ?? "", password: "" },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    // Sign-up answers alike for new and taken addresses (and sets no cookie), so the form signs
    // in next: that works for the account just made, and only with its owner's password otherwise.
    const { error } = await authClient.signUp.email({ ...values, callbackURL: next });
    if (error) {
      setError(error.status === 429 ? "Too many attempts. Wait a minute and try again." : (error.message ?? "Could not create the account."));
      return;
    }
    const signedIn = await authClient.signIn.email({ email: values.email, password: values.password });
    if (signedIn.error) {
      setError(
        signedIn.error.status === 429
          ? "Too many attempts. Wait a minute and try again."
          : "Could not sign you in. If you already had an account with this address, sign in with its password.",
      );
      return;
    }
    router.replace(next);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <h1 className="text-lg font-semibold">Create your account</h1>
      <ErrorText>{error}</ErrorText>
      <Field id="name" label="Your name" error={form.formState.errors.name?.message}>
        <Input id="name" autoComplete="name" autoFocus {...form.register("name")} />
      </Field>
      <Field id="email" label="Work email" error={form.formState.errors.email?.message}>
        <Input id="email" type="email" autoComplete="email" {...form.register("email")} />
      </Field>
      <Field id="password" label="Password" hint="At least 8 characters." error={form.formState.errors.password?.message}>
        <Input id="password" type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? "Creating…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-muted">
        Already have an account?{" "}
        <IntentLink className="font-medium text-accent hover:underline" href={`/sign-in?next=${encodeURIComponent(next)}`}>
          Sign in
        </IntentLink>
      </p>
    </form>
  );
}
