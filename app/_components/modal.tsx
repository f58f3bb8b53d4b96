"use client";

import { Dialog } from "radix-ui";
import { X } from "lucide-react";
import { Button } from "./ui";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  /** Where focus goes back on close, for a dialog opened without a Dialog.Trigger (a shortcut). */
  returnFocusTo?: React.RefObject<Element | null>;
  children: React.ReactNode;
};

/** A centred dialog in the product's look; full width on a phone. */
export function Modal({ open, onOpenChange, title, description, returnFocusTo, children }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <Dialog.Content
          onCloseAutoFocus={(e) => {
            const back = returnFocusTo?.current;
            if (back instanceof HTMLElement && back.isConnected) {
              e.preventDefault();
              back.focus();
            }
          }}
          className="fixed top-4 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-1.5rem)] max-w-lg -translate-x-1/2 overflow-y-auto rounded-lg border border-border bg-surface shadow-xl sm:top-[12vh]"
        >
          <header className="flex items-start justify-between gap-4 border-b border-border px-5 py-3.5">
            <div>
              <Dialog.Title className="text-sm font-semibold">{title}</Dialog.Title>
              <Dialog.Description className={description ? "mt-0.5 text-xs text-muted" : "sr-only"}>{description ?? title}</Dialog.Description>
            </div>
            <Dialog.Close aria-label="Close" className="rounded p-1 text-muted hover:bg-surface-2 hover:text-text">
              <X aria-hidden className="size-4" />
            </Dialog.Close>
          </header>
          <div className="p-5">{children}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The footer of an edit dialog: Cancel closes without saving, Save changes submits the form. */
export function SaveOrCancel({ saving, onCancel }: { saving: boolean; onCancel: () => void }) {
  return (
    <div className="flex justify-end gap-2">
      <Button type="button" variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" disabled={saving}>
        Save changes
      </Button>
    </div>
  );
}
