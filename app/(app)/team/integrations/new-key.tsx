"use client";

import { useState } from "react";
import { Button } from "@/app/_components/ui";

/** The plain key, once: only its hash is kept, so leaving the page loses it for good. */
export function NewKey({ name, secret }: { name: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="mt-4 rounded-md border border-border bg-surface-2 p-3 text-sm">
      <p>
        Copy the key for <bdi>{name}</bdi> now: it is shown only this once.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code aria-label="New API key" className="min-w-0 break-all font-mono text-xs">
          {secret}
        </code>
        <Button
          variant="secondary"
          className="h-8"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy key"}
        </Button>
      </div>
    </div>
  );
}
