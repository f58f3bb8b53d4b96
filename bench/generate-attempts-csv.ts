// Writes a realistic call-log CSV for timing `ringback import attempts` (issue 3: 100k rows in
// ≤ 10 s). Deterministic: the same arguments give the same file.
//
//   npx tsx bench/generate-attempts-csv.ts --rows 100000 -o /tmp/attempts.csv
//   DATABASE_URL=/tmp/bench.db npm run ringback -- seed --demo
//   DATABASE_URL=/tmp/bench.db npm run ringback -- import attempts /tmp/attempts.csv --team demo
//
// By default the file fits the demo team as it is: its six reps (rep1…rep6@demo.ringback.test)
// and its scripts' titles. --rep-domain and --reps point it at other members (add them first);
// --script-prefix makes titles the team lacks, for timing --create-missing.
// About three dials per prospect, 45% voicemails, CRM spellings of outcomes, phones written the
// ways CRMs write them, a mix of UTC times and wall times in the team's zone, notes with commas
// and quotes. Cells are written as a CRM would, without Ringback's spreadsheet escaping.

import fs from "node:fs";
import { ATTEMPT_COLUMNS } from "@/lib/inputs/imports";

function option(name: string, fallback: string) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

const rows = Number(option("--rows", "100000"));
const repCount = Number(option("--reps", "6"));
const repDomain = option("--rep-domain", "demo.ringback.test");
const scriptPrefix = option("--script-prefix", "");
const out = option("-o", "-");

let state = 20_250_303;
const random = () => {
  // mulberry32
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)];

// The demo library's shared titles (db/seed.ts).
const SCRIPTS = ["24-Second Intro", "Hang Up Mid-Sentence", "Coffee's On Me", "Referral Name-Drop", "Quick Follow-Up", "Industry Insight", "Company Overview", "Last Try"].map(
  (title) => scriptPrefix + title,
);
const OUTCOMES = [
  ["voicemail", 0.2],
  ["Left Voicemail", 0.15],
  ["vm-dropped", 0.1],
  ["no answer", 0.3],
  ["busy", 0.05],
  ["connected", 0.12],
  ["wrong number", 0.08],
] as const;
const FIRST = ["Dana", "Jordan", "Avery", "Chris", "Pat", "Sam", "Riley", "Morgan", "Casey", "Jamie", "Alex", "Taylor"];
const LAST = ["Whitfield", "Lane", "Okafor", "Nguyen", "García", "Schmidt", "O'Brien", "Kowalski", "Haddad", "Larsen"];
const COMPANIES = ["Harbor Freight Co", "Northwind Logistics", "Acme, Inc.", "Blue Ridge Dental", "Summit \"Peak\" Partners", ""];
const NOTES = ["", "", "", "", "asked to call after 3pm", "gatekeeper: \"send an email\"", "spoke to assistant, will pass on"];

function outcome() {
  let r = random();
  for (const [spelled, weight] of OUTCOMES) if ((r -= weight) < 0) return spelled;
  return OUTCOMES[0][0];
}

/** One number, spelled the ways call logs spell it (varying by row, so matching must normalise). */
function phone(area: number, line: number, row: number) {
  const digits = String(line).padStart(4, "0");
  switch (row % 4) {
    case 0:
      return `+1 (${area}) 555-${digits}`;
    case 1:
      return `${area}-555-${digits}`;
    case 2:
      return `(${area}) 555-${digits}`;
    default:
      return `+1${area}555${digits}`;
  }
}

const prospectCount = Math.max(1, Math.round(rows / 3));
const start = Date.UTC(2025, 0, 6, 14, 0);
const DAY = 86_400_000;
const iso = (ms: number, utc: boolean) => (utc ? new Date(ms).toISOString() : new Date(ms - 5 * 3_600_000).toISOString().slice(0, 19));

const records = [];
for (let i = 0; i < rows; i++) {
  const p = Math.floor(random() * prospectCount);
  const at = start + Math.floor((i / rows) * 120) * DAY + Math.floor(random() * 9 * 3_600_000) + i;
  const spelled = outcome();
  const voicemail = /voicemail|vm-/i.test(spelled);
  records.push({
    time: iso(at, i % 2 === 0),
    rep_email: `rep${1 + (p % repCount)}@${repDomain}`,
    prospect_name: `${FIRST[p % FIRST.length]} ${LAST[Math.floor(p / FIRST.length) % LAST.length]}`,
    prospect_phone: phone(200 + (p % 700), 1000 + Math.floor(p / 700), i),
    prospect_company: COMPANIES[p % COMPANIES.length],
    outcome: spelled,
    script: voicemail ? pick(SCRIPTS) : "",
    message_seconds: voicemail && random() < 0.7 ? 15 + Math.floor(random() * 40) : null,
    notes: pick(NOTES),
  });
}

const cell = (value: string | number | null) => {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const text = [ATTEMPT_COLUMNS.join(","), ...records.map((r) => ATTEMPT_COLUMNS.map((c) => cell(r[c])).join(","))].join("\r\n") + "\r\n";
if (out === "-") process.stdout.write(text);
else {
  fs.writeFileSync(out, text);
  process.stderr.write(`wrote ${rows.toLocaleString("en-US")} rows (${(text.length / 1e6).toFixed(1)} MB, ${prospectCount.toLocaleString("en-US")} prospects) to ${out}\n`);
}
