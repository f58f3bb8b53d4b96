"use client";

import { CallbackForm } from "./callback-form";
import { Modal } from "./modal";

/** The "Log a callback" dialog; `LogCallbackDialog` loads it on first use. */
type Props = { open: boolean; onOpenChange: (open: boolean) => void; returnFocusTo: React.RefObject<Element | null> };

export default function CallbackModal({ open, onOpenChange, returnFocusTo }: Props) {
  return (
    <Modal open={open} onOpenChange={onOpenChange} returnFocusTo={returnFocusTo} title="Log a callback" description="Paste the number they called from, or type their name.">
      {open && <CallbackForm onClose={() => onOpenChange(false)} />}
    </Modal>
  );
}
