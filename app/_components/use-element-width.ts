"use client";

import { useEffect, useRef, useState } from "react";

/**
 * The rendered size of an element, following resizes; 0 × 0 until measured (on the server and the
 * first client render). Charts use it to fit their drawing and axis labels to the screen.
 */
export function useElementSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const next = { width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) };
      setSize((s) => (s.width === next.width && s.height === next.height ? s : next));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size] as const;
}

/** The rendered width of an element, following resizes; 0 until measured. */
export function useElementWidth<T extends HTMLElement>() {
  const [ref, size] = useElementSize<T>();
  return [ref, size.width] as const;
}
