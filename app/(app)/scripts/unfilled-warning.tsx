"use client";

import { IntentLink } from "@/app/_components/intent-link";

const WHAT: Record<string, string> = { "rep.phone": "Your phone number", "rep.name": "Your name" };

/**
 * A placeholder the signed-in rep's profile leaves empty, said here so it is fixed before the
 * script is read to a prospect as “[rep.phone]” on Today.
 */
export function UnfilledWarning({ unfilled }: { unfilled: readonly string[] }) {
  const missing = unfilled.filter((p) => p in WHAT);
  if (missing.length === 0) return null;
  return (
    <div role="alert" className="rounded-md border border-warn/40 bg-warn/10 px-3 py-2 text-sm">
      {missing.map((p) => (
        <p key={p}>
          {WHAT[p]} is not on your profile, so <code className="font-mono text-xs">{`{${p}}`}</code> would read “[{p}]” on Today.
        </p>
      ))}
      <IntentLink href="/profile" className="mt-1 inline-block font-medium text-accent underline">
        Fill in your profile
      </IntentLink>
    </div>
  );
}
