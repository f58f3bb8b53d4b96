import { Card } from "@/app/_components/ui";
import { ATTEMPT_COLUMNS, ATTEMPT_REQUIRED, CALLBACK_COLUMNS, CALLBACK_REQUIRED } from "@/lib/inputs/imports";

const columnList = (columns: readonly string[], required: readonly string[]) =>
  columns.map((c) => (
    <li key={c}>
      <code className="font-mono text-xs">{c}</code>
      {!required.includes(c) && <span className="text-faint"> (optional)</span>}
    </li>
  ));

/** The CSV contract in short, beside the upload, so nobody has to go looking for it. */
export function FileFormat({ timezone }: { timezone: string }) {
  return (
    <Card title="File format" description="UTF-8 CSV with a header row; any column order; other columns are ignored.">
      <div className="flex flex-col gap-4 text-sm">
        <div>
          <h3 className="text-xs font-medium text-faint">Attempts (call log)</h3>
          <ul className="mt-1.5 grid grid-cols-2 gap-x-3 gap-y-0.5">{columnList(ATTEMPT_COLUMNS, ATTEMPT_REQUIRED)}</ul>
          <p className="mt-2 text-xs text-muted">
            Outcomes: voicemail, no-message, connected, bad-number, or CRM spellings like “Left voicemail”, “No answer”, “Busy”, “Answered”, “Wrong
            number”. Voicemails need the script&apos;s title. Reps must already be members.
          </p>
        </div>
        <div>
          <h3 className="text-xs font-medium text-faint">Callbacks</h3>
          <ul className="mt-1.5 grid grid-cols-2 gap-x-3 gap-y-0.5">{columnList(CALLBACK_COLUMNS, CALLBACK_REQUIRED)}</ul>
          <p className="mt-2 text-xs text-muted">Results: appointment (or “meeting booked”), interested, not-interested, other.</p>
        </div>
        <div>
          <h3 className="text-xs font-medium text-faint">Calls exported from another tool</h3>
          <p className="mt-1.5 text-xs text-muted">
            HubSpot, Salesforce, Close, Pipedrive, Aircall and Twilio exports go in as they are: the source is recognised from the header row, outbound calls
            become dials and an inbound call from a prospect a callback. Map unknown outcome values and reps on the page; your choices are remembered
            for the next file from the same tool.
          </p>
        </div>
        <p className="text-xs text-muted">
          Times are ISO 8601, like <code className="font-mono">2025-03-03T09:15</code>; without an offset they are in {timezone}.
        </p>
      </div>
    </Card>
  );
}
