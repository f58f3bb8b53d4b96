"use client";

import { forwardRef, useMemo } from "react";
import { Select } from "./ui";

/** Every IANA zone the browser knows, for a team's time zone. */
export const TimeZoneSelect = forwardRef<HTMLSelectElement, React.SelectHTMLAttributes<HTMLSelectElement>>(function TimeZoneSelect(props, ref) {
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  return (
    <Select ref={ref} {...props}>
      {zones.map((z) => (
        <option key={z} value={z}>
          {z}
        </option>
      ))}
    </Select>
  );
});
