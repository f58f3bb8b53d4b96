import type { Outcome } from "@/lib/vocabulary";
import { OUTCOME_KEYS } from "./outcome-picker";

const isTextEntry = (el: EventTarget) =>
  el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && !["radio", "checkbox", "button", "submit"].includes(el.type));

type Handlers = {
  /** The outcome radio to rest on: where the single-key shortcuts and Enter work. */
  outcomeRadio: (o?: Outcome) => HTMLInputElement | null | undefined;
  chooseOutcome: (o: Outcome) => void;
  submit: () => void;
  clearPick: (() => void) | null;
  /** A digit typed on the Script select belongs to the message length beside it. */
  typeSeconds: (digit: string) => void;
};

/**
 * The quick log's keys, as its hint chips say: V/N/C/B pick the outcome, Enter logs (from the
 * outcome, the Script select or any field), Escape leaves a field for the outcome and, from
 * there, drops the picked prospect. Tab keeps the page order: prospect, outcome, script,
 * message length, notes, Log dial.
 */
export function onLogFormKeyDown(e: React.KeyboardEvent<HTMLFormElement>, h: Handlers) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const target = e.target;
  if (target instanceof HTMLSelectElement) {
    // A native select takes Enter to open itself and digits to jump to a title starting with
    // them ("24" picked "24-Second Intro" when it was meant for the message length).
    if (e.key === "Enter") {
      e.preventDefault();
      h.submit();
      return;
    }
    if (/^[0-9]$/.test(e.key)) {
      e.preventDefault();
      h.typeSeconds(e.key);
      return;
    }
  }
  if (e.key === "Escape" && isTextEntry(target)) {
    e.preventDefault();
    h.outcomeRadio()?.focus();
    return;
  }
  if (isTextEntry(target) || e.shiftKey) return;
  const chosen = OUTCOME_KEYS[e.key.toLowerCase()];
  if (chosen) {
    e.preventDefault();
    h.chooseOutcome(chosen);
    h.outcomeRadio(chosen)?.focus();
  } else if (e.key === "Enter" && target instanceof HTMLInputElement && target.type === "radio") {
    e.preventDefault();
    h.submit();
  } else if (e.key === "Escape" && h.clearPick) {
    e.preventDefault();
    h.clearPick();
  }
}
