"use client";

import { PhoneIncoming } from "lucide-react";
import { useEffect, useState } from "react";
import { Modal } from "./modal";
import { CallbackForm } from "./callback-form";

const isTextEntry = (el: EventTarget | null) =>
  el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLElement && el.isContentEditable) ||
  (el instanceof HTMLInputElement && !["radio", "checkbox", "button", "submit"].includes(el.type));

/**
 * "Log callback" from anywhere in the signed-in area: this button, or Shift+C (outside text
 * fields, so typing a capital C never opens it) and Alt+Shift+C (everywhere).
 */
export function LogCallbackDialog() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.code !== "KeyC" || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      if (!e.altKey && isTextEntry(e.target)) return;
      e.preventDefault();
      setOpen(true);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Shift+C Alt+Shift+C"
        className="flex h-9 w-full items-center justify-between gap-2 rounded-md border border-border bg-surface px-3 text-sm font-medium hover:bg-surface-2"
      >
        <span className="flex items-center gap-2">
          <PhoneIncoming aria-hidden className="size-4 text-accent" />
          Log callback
        </span>
        <kbd aria-hidden className="rounded border border-border px-1.5 font-mono text-[11px] leading-5 text-faint">
          ⇧C
        </kbd>
      </button>
      <Modal open={open} onOpenChange={setOpen} title="Log a callback" description="Paste the number they called from, or type their name.">
        {open && <CallbackForm onClose={() => setOpen(false)} />}
      </Modal>
    </>
  );
}
