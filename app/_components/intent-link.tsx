"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A Next link that prefetches its route once the user shows intent — the pointer over it, keyboard
 * focus, a touch — instead of as soon as it is on screen. Every signed-in page shows 7 to 20 links,
 * and Next sent two RSC requests for each one in view on every page load (the pages are dynamic and
 * have no loading boundary, so those prefetches carried no page data, only the route tree), which
 * kept the server and the network busy for 0.4–0.7 s after the page itself was done (issue 12,
 * item 19). The pattern is Next's documented "hover-triggered prefetch".
 */
export function IntentLink({ prefetch, onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof Link>) {
  const [intent, setIntent] = useState(false);
  return (
    <Link
      {...props}
      prefetch={intent ? prefetch : false}
      onMouseEnter={(event) => {
        setIntent(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setIntent(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setIntent(true);
        onTouchStart?.(event);
      }}
    />
  );
}
