import { PhoneIncoming } from "lucide-react";

/** The product's mark and name, as in the favicon (app/icon.svg). */
export function BrandMark({ size = "md" }: { size?: "md" | "lg" }) {
  const large = size === "lg";
  return (
    <>
      <span className={`grid place-items-center rounded-md bg-accent text-accent-fg ${large ? "size-8" : "size-7"}`}>
        <PhoneIncoming aria-hidden className={large ? "size-4" : "size-3.5"} />
      </span>
      Ringback
    </>
  );
}
