import { OUTCOME_SPELLINGS } from "../csv-mapping";
import { CALL_SOURCE_LABELS } from "@/lib/inputs/imports";
import type { CallSource } from "./source";

// Ringback's own attempts format (DESIGN.md), so `import calls` reads its exports too. Every row
// is a dial; a row carries no call id, so a digest of it stands in.
export const ringback: CallSource = {
  id: "ringback",
  label: CALL_SOURCE_LABELS.ringback,
  signature: ["time", "rep_email", "prospect_name", "prospect_phone", "outcome"],
  columns: {
    time: "time",
    rep: "rep_email",
    contactName: "prospect_name",
    prospectPhone: "prospect_phone",
    company: "prospect_company",
    outcome: "outcome",
    script: "script",
    duration: "message_seconds",
    notes: "notes",
  },
  time: { format: "iso", zone: "team" },
  duration: "seconds",
  repIdentifier: "email",
  outcomes: OUTCOME_SPELLINGS,
  phones: { prospect: { outbound: "prospectPhone" } },
};
