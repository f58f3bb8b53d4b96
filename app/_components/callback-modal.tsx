"use client";

import { CallbackForm } from "./callback-form";
import { Modal } from "./modal";

/** The "Log a callback" dialog; `LogCallbackDialog` loads it on first use. */
export default function CallbackModal({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Modal open={open} onOpenChange={onOpenChange} title="Log a callback" description="Paste the number they called from, or type their name.">
      {open && <CallbackForm onClose={() => onOpenChange(false)} />}
    </Modal>
  );
}
