"use client";

import { useState } from "react";
import { AwaitingCallback } from "./awaiting-callback";
import { CallbackNotices } from "./callback-notices";
import type { PickedProspect } from "./prospect-picker";
import { QuickLogForm } from "./quick-log-form";
import { TodaysCounters } from "./todays-counters";
import { TodaysDials } from "./todays-dials";

export function TodayView() {
  const [picked, setPicked] = useState<PickedProspect | null>(null);
  return (
    <div className="grid gap-4 md:gap-6 lg:grid-cols-[1fr_340px]">
      <div className="flex min-w-0 flex-col gap-4 md:gap-6">
        <CallbackNotices />
        <QuickLogForm picked={picked} onPickedChange={setPicked} />
        <TodaysCounters />
        <TodaysDials />
      </div>
      <div className="flex min-w-0 flex-col gap-4">
        <AwaitingCallback
          onPick={(p) => {
            setPicked(p);
            window.scrollTo({ top: 0, behavior: "smooth" });
          }}
        />
      </div>
    </div>
  );
}
