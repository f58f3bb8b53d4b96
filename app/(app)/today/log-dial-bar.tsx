import { KeyHint } from "@/app/_components/key-hint";
import { Button } from "@/app/_components/ui";

/**
 * The quick log's primary action. On a phone it stays pinned just above the section bar while
 * the form is on screen, so logging is one thumb tap however far down the rep has scrolled.
 */
export function LogDialBar({ pending, message }: { pending: boolean; message: string }) {
  return (
    <div className="sticky bottom-[calc(3.75rem+env(safe-area-inset-bottom))] z-20 -mx-5 flex flex-wrap items-center gap-3 border-t border-border bg-surface/95 px-5 py-3 backdrop-blur md:static md:m-0 md:border-0 md:bg-transparent md:p-0 md:backdrop-blur-none">
      <Button type="submit" disabled={pending} aria-keyshortcuts="Enter" className="h-12 w-full md:h-9 md:w-auto">
        Log dial
        <KeyHint className="border-white/30">↵</KeyHint>
      </Button>
      <p role="status" className="text-sm text-good empty:hidden md:empty:block">
        {message}
      </p>
    </div>
  );
}
