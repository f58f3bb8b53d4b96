"use client";

import { useState } from "react";
import { Button, Input } from "@/app/_components/ui";

/** A read-only value to copy (a webhook URL, a secret), labelled, with a Copy button. */
function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-xs font-medium">
        {label}
      </label>
      <div className="flex gap-2">
        <Input id={id} readOnly value={value} spellCheck={false} className="min-w-0 flex-1 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        <Button
          type="button"
          variant="secondary"
          aria-label={`Copy ${label}`}
          onClick={async () => {
            await navigator.clipboard?.writeText(value).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}

export const WebhookUrl = ({ id, label, url }: { id: string; label: string; url: string }) => <CopyField id={id} label={label} value={url} />;

/** A generated signing secret: this is the only time it is shown. */
export function ShownOnce({ id, secret }: { id: string; secret: string }) {
  return (
    <div className="flex flex-col gap-1">
      <CopyField id={id} label="Signing secret (shown once)" value={secret} />
      <p className="text-xs text-warn">Copy it now: Ringback will not show it again. Lost it? Generate a new one below.</p>
    </div>
  );
}
