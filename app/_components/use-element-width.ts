"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The rendered width of an element, following resizes; 0 until measured (on the server and the
 * first client render). Charts use it to fit axis labels to a phone screen.
 */
export function useElementWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
