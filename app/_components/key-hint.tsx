import { cx } from "./ui";

/**
 * A key-hint chip. Hidden from screen readers (the control carries `aria-keyshortcuts`) and on
 * touch screens, where there is no keyboard to press it on.
 */
export function KeyHint({ children, className }: { children: React.ReactNode; className?: string }) {
  return <kbd aria-hidden className={cx("rounded border px-1.5 font-mono text-[11px] leading-5 pointer-coarse:hidden", className ?? "border-border text-faint")}>{children}</kbd>;
}
