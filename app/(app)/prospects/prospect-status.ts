import type { ProspectStatus } from "@/lib/vocabulary";

export const STATUS_LABELS: Record<ProspectStatus, string> = {
  open: "Open",
  engaged: "Engaged",
  appointment: "Appointment",
  "closed-lost": "Closed – lost",
};

export const statusTone = (s: ProspectStatus) => (s === "appointment" ? "good" : s === "engaged" ? "accent" : "neutral") as "good" | "accent" | "neutral";
