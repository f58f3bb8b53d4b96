import { IntentLink } from "@/app/_components/intent-link";

/** In place of an empty Script select: a voicemail needs a script, and here is where to write one. */
export function NoScriptsYet() {
  return (
    <p id="script" className="rounded-md border border-dashed border-border px-3 py-2 text-sm text-muted">
      No scripts yet —{" "}
      <IntentLink href="/scripts/new" className="font-medium text-accent underline">
        write the first one
      </IntentLink>
      .
    </p>
  );
}
