"use client";

import { PhoneIncoming } from "lucide-react";
import { KeyHint } from "./key-hint";
import { lazy, Suspense, useEffect, useRef, useState } from "react";

// The dialog and its form (Radix, the lookup) are fetched on first use, not with every page.
const loadModal = () => import("./callback-modal");
const CallbackModal = lazy(loadModal);

/** A field where a capital C is text, so ⇧C types it; fields that ignore case opt out (`data-shift-c`). */
const isTextEntry = (el: EventTarget | null) =>
  !(el instanceof HTMLElement && el.dataset.shiftC === "log-callback") &&
  (el instanceof HTMLTextAreaElement ||
  el instanceof HTMLSelectElement ||
  (el instanceof HTMLElement && el.isContentEditable) ||
  (el instanceof HTMLInputElement && !["radio", "checkbox", "button", "submit"].includes(el.type)));

/**
 * "Log callback" from anywhere in the signed-in area: this button, or Shift+C (outside text
 * fields, so typing a capital C never opens it, but in Today's prospect search, where focus
 * rests between dials) and Alt+Shift+C (everywhere).
 */
export function LogCallbackDialog() {
  const [open, setOpen] = useState(false);
  // Once opened the dialog stays mounted, so closing it returns focus to where it was opened from.
  const [used, setUsed] = useState(false);
  // Focus goes back where the rep was (on Today, the prospect search) when the dialog closes.
  const opener = useRef<Element | null>(null);
  const show = () => {
    opener.current = document.activeElement;
    setUsed(true);
    setOpen(true);
  };
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.code !== "KeyC" || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      if (!e.altKey && isTextEntry(e.target)) return;
      e.preventDefault();
      opener.current = document.activeElement;
      setUsed(true);
      setOpen(true);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={show}
        onPointerEnter={() => void loadModal()}
        onFocus={() => void loadModal()}
        aria-keyshortcuts="Shift+C Alt+Shift+C"
        className="flex h-9 w-full items-center justify-between gap-2 rounded-md border border-border bg-surface px-3 text-sm font-medium hover:bg-surface-2"
      >
        <span className="flex items-center gap-2">
          <PhoneIncoming aria-hidden className="size-4 text-accent" />
          Log callback
        </span>
        <KeyHint>⇧C</KeyHint>
      </button>
      {used && (
        <Suspense fallback={null}>
          <CallbackModal open={open} onOpenChange={setOpen} returnFocusTo={opener} />
        </Suspense>
      )}
    </>
  );
}
