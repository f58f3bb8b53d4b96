"use client";

import { useRef, useState } from "react";
import { Button } from "@/app/_components/ui";

/** A play/pause button over a take's audio, which is fetched only when first played. */
export function TakePlayer({ src, label }: { src: string; label: string }) {
  const audio = useRef<HTMLAudioElement>(null);
  const [state, setState] = useState<"paused" | "loading" | "playing" | "failed">("paused");
  const toggle = async () => {
    const element = audio.current!;
    if (state === "playing") return element.pause();
    setState("loading");
    await element.play().catch(() => setState("failed"));
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" className="h-8 px-3" onClick={toggle} aria-label={`${state === "playing" ? "Pause" : "Play"} ${label}`}>
        {state === "playing" ? "Pause" : state === "loading" ? "Loading…" : "Play"}
      </Button>
      {/* The buttons are the controls; the element only plays. */}
      <audio ref={audio} src={src} preload="none" onPlaying={() => setState("playing")} onPause={() => setState("paused")} onEnded={() => setState("paused")} onError={() => setState("failed")} />
      {state === "failed" && <span className="text-xs text-bad">Could not play this take.</span>}
    </span>
  );
}
