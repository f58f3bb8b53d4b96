"use client";

import { useState } from "react";
import { Button } from "@/app/_components/ui";

/** Shown to a signed-in account whose address is not verified yet; the link itself comes by mail (or the outbox). */
export function VerifyEmailNotice({ email, callbackURL }: { email: string; callbackURL: string }) {
  const [state, setState] = useState<"idle" | "sending" | "sent" | "failed">("idle");

  async function resend() {
    setState("sending");
    // better-auth's client is only needed here: fetched on use rather than with every page.
    const { authClient } = await import("@/app/_components/auth-client");
    const { error } = await authClient.sendVerificationEmail({ email, callbackURL });
    setState(error ? "failed" : "sent");
  }

  return (
    <section aria-label="Verify your e-mail address" className="flex flex-col items-start gap-2 rounded-md border border-border bg-surface-2 px-3 py-2 text-sm">
      <p className="text-muted">
        Verify your e-mail address: open the link we sent to <strong className="text-text [overflow-wrap:anywhere]">{email}</strong>. Invites to a team can only be
        accepted from a verified address.
      </p>
      <Button variant="secondary" className="h-8" onClick={resend} disabled={state === "sending"}>
        {state === "sending" ? "Sending…" : "Send the link again"}
      </Button>
      <p role="status" className="text-xs text-muted [overflow-wrap:anywhere] empty:hidden">
        {state === "sent" ? `A new link is on its way to ${email}.` : state === "failed" ? "Could not send the link. Wait a minute and try again." : ""}
      </p>
    </section>
  );
}
