// Writes a realistic call export of another tool, for timing `ringback import calls` (History
// issue: 100k rows of each source in ≤ 15 s). Deterministic: the same arguments give the same file.
//
//   npx tsx bench/generate-call-exports.ts --source close --rows 100000 -o /tmp/close.csv [--rep-map /tmp/reps.csv]
//
// Header and value spellings are those of the fixtures in server/domain/call-sources/fixtures.
// Outbound dials of every outcome the source can say, inbound calls back from prospects already
// dialled, inbound calls from strangers, and the source's rows that are no completed dial (failed
// statuses, planned tasks, e-mails, internal calls). About twenty rows per prospect. The reps are
// BENCH_CALL_REPS: Close, Pipedrive and Aircall name them, Twilio gives their own numbers (members'
// phones), HubSpot and Salesforce give owner ids, which the --rep-map file maps to their e-mails.

import fs from "node:fs";
import { pathToFileURL } from "node:url";
import type { Outcome } from "@/lib/vocabulary";
import { seededRandom } from "@/server/domain/random-source";

export const CALL_EXPORT_SOURCES = ["hubspot", "salesforce", "close", "pipedrive", "aircall", "twilio"] as const;
export type CallExportSource = (typeof CALL_EXPORT_SOURCES)[number];

export type BenchRep = { name: string; email: string; phone: string };

const REP_NAMES = ["Maya Lopez", "Sam Lee", "Priya Nair", "Tomás Ruiz", "Grace Kim", "Owen Brady", "Lena Fischer", "Kofi Mensah", "Ines Duarte", "Hugo Martin"];
/** The members a generated export names; Twilio's rows are resolved by their phones. */
export const BENCH_CALL_REPS: BenchRep[] = REP_NAMES.map((name, i) => ({
  name,
  email: `caller${i + 1}@import.ringback.test`,
  phone: `+1516555${String(100 + i).padStart(4, "0")}`,
}));

export type CallExport = {
  csv: string;
  /** CSV `external,email` for the sources that name reps by an id of their own; null when names or phones do. */
  repMap: string | null;
  /** What importing the file into an empty team writes. */
  expected: { rows: number; dials: Record<Outcome, number>; callbacks: number; skipped: number; prospects: number };
};

const FIRST = ["Dana", "Jordan", "Avery", "Chris", "Pat", "Sam", "Riley", "Morgan", "Casey", "Jamie", "Alex", "Taylor", "Noor", "Ravi", "Elena", "Marco", "Yuki", "Fatima", "Liam", "Zoe", "Omar", "Greta", "Ivan", "Beatriz"];
const LAST = ["Whitfield", "Lane", "Okafor", "Nguyen", "García", "Schmidt", "O'Brien", "Kowalski", "Haddad", "Larsen", "Avery", "Moreau", "Rossi", "Tanaka", "Silva", "Novak", "Dubois", "Byrne", "Costa", "Jensen"];
const COMPANIES = ["Harbor Freight", "Northwind Logistics", "Acme, Inc.", "Blue Ridge Dental", "Summit \"Peak\" Partners", "Lane & Co", "Granite Roofing", "Maple Clinics", "Vertex Legal", "Orchard Foods", "Beacon Realty", "Keystone HVAC"];
const NOTES = ["", "", "", "", "asked to call after 3pm", "gatekeeper: \"send an email\"", "spoke to assistant, will pass on", "interested, wants pricing"];

const HUBSPOT_DISPOSITIONS: Record<Outcome, readonly string[]> = {
  voicemail: ["b2cf5968-551e-4856-9783-52b3da59a7d0", "Left voicemail"],
  "no-message": ["73a0d17f-1163-4015-bdd5-ec830791da20", "9d9162e7-6cf3-4944-bf63-4dff82258764", "No answer"],
  connected: ["f240bbac-87c9-4f6e-bf70-924b57d47db7", "a4c4c377-d246-4b32-a13b-75a56a4cd0ff", "Connected"],
  "bad-number": ["17b47fee-58de-441e-a44c-c6300d46f273", "Wrong number"],
};
const SALESFORCE_DISPOSITIONS: Record<Outcome, readonly string[]> = {
  voicemail: ["Left Voicemail"],
  "no-message": ["No Answer", "Busy"],
  connected: ["Contact", "Connected", "Left Live Message"],
  "bad-number": ["Bad Number", "Wrong Number"],
};
const CLOSE_DISPOSITIONS: Record<Outcome, readonly string[]> = {
  voicemail: ["vm-left"],
  "no-message": ["no-answer", "busy", "vm-answer", "abandoned"],
  connected: ["answered"],
  "bad-number": ["blocked"],
};

const AIRCALL_HEADER =
  "line,datetime (tz offset incl.),number timezone,datetime (utc),country_code,direction,from,to,answered,missed_call_reason,user,duration (total),duration (in call),voicemail,recording,comments,tags,via,team,transferred to,transferred by,ivr branch,call quality,hold time,waiting time,talk time,wrap-up time,acw,customer number,customer name,customer company,contact id,number id,user id,call id,cost,country,pricing,disposition,external ref,notes";
const HEADERS: Record<CallExportSource, string> = {
  hubspot: "hs_object_id,hs_timestamp,hubspot_owner_id,hs_call_direction,hs_call_status,hs_call_disposition,hs_call_duration,hs_call_from_number,hs_call_to_number,hs_call_body,hs_call_title",
  salesforce: "Id,Subject,TaskSubtype,Status,ActivityDate,CompletedDateTime,OwnerId,WhoId,CallType,CallDurationInSeconds,CallDisposition,Description",
  close: "id,user_id,duration,disposition,status,direction,date_created,remote_phone,local_phone,voicemail_url,recording_url,source,lead_id,updated_by_name,contact_id,lead_name,contact_name",
  pipedrive: "ID,Subject,Type,Done,Due date,Due time,Duration,Assigned to user,Contact person,Organization,Note,Add time,Marked as done time",
  aircall: AIRCALL_HEADER,
  twilio: "sid,date_created,start_time,end_time,duration,status,direction,from,from_formatted,to,to_formatted,price,price_unit,answered_by",
};

/** The outcomes each source can say of an outbound call (Aircall and Pipedrive only answered or not; Twilio's voicemail is answered_by). */
const SOURCE_OUTCOMES: Record<CallExportSource, readonly Outcome[]> = {
  hubspot: ["voicemail", "no-message", "connected", "bad-number"],
  salesforce: ["voicemail", "no-message", "connected", "bad-number"],
  close: ["voicemail", "no-message", "connected", "bad-number"],
  pipedrive: ["no-message", "connected"],
  aircall: ["no-message", "connected"],
  twilio: ["voicemail", "no-message", "connected"],
};
const OUTCOME_WEIGHTS: Record<Outcome, number> = { voicemail: 0.45, "no-message": 0.3, connected: 0.17, "bad-number": 0.08 };
/** Whether the export has inbound calls at all (Pipedrive's activities carry no direction). */
const HAS_INBOUND: Record<CallExportSource, boolean> = { hubspot: true, salesforce: true, close: true, pipedrive: false, aircall: true, twilio: true };
/** How many kinds of row the source's table skips (Aircall's has none). */
const SKIP_VARIANTS: Record<CallExportSource, number> = { hubspot: 1, salesforce: 3, close: 1, pipedrive: 3, aircall: 0, twilio: 1 };

type Prospect = { index: number; name: string; company: string; phone: string; contactId: string; leadId: string };
type Rep = BenchRep & { index: number };
type Kind = { kind: "dial"; outcome: Outcome } | { kind: "callback"; missed: boolean } | { kind: "stranger" } | { kind: "skip"; variant: number };

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const hms = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
const rfc2822 = (d: Date) => `${WEEKDAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${hms(d)} +0000`;
const clock = (seconds: number) => `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
const national = (e164: string) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
const aircallNumber = (e164: string) => `+1 ${e164.slice(2, 5)}-${e164.slice(5, 8)}-${e164.slice(8)}`;
const cell = (value: string | number | null) => {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function generateCallExport(source: CallExportSource, rows: number, reps: readonly BenchRep[] = BENCH_CALL_REPS, seed = 13): CallExport {
  const random = seededRandom(seed * 2_654_435_761);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const team: Rep[] = reps.map((r, index) => ({ ...r, index }));

  // Names, companies and numbers from the prospect's index in mixed radix: every prospect is
  // distinct by phone, by contact id and by name and company (Pipedrive's only key).
  const prospectCount = Math.max(10, Math.round(rows / 20));
  const prospects: Prospect[] = Array.from({ length: prospectCount }, (_, i) => ({
    index: i,
    name: `${FIRST[Math.floor(i / COMPANIES.length) % FIRST.length]} ${LAST[Math.floor(i / (COMPANIES.length * FIRST.length)) % LAST.length]}`,
    company: `${COMPANIES[i % COMPANIES.length]}${i >= FIRST.length * LAST.length * COMPANIES.length ? ` ${Math.floor(i / (FIRST.length * LAST.length * COMPANIES.length)) + 1}` : ""}`,
    phone: `+1${[516, 212, 646, 917, 718, 347][Math.floor(i / 10_000) % 6]}541${pad(i % 10_000, 4)}`,
    contactId: `${i}`,
    leadId: `${i}`,
  }));

  const expected: CallExport["expected"] = { rows, dials: { voicemail: 0, "no-message": 0, connected: 0, "bad-number": 0 }, callbacks: 0, skipped: 0, prospects: 0 };
  const dialled: Prospect[] = [];
  const dialledSet = new Set<number>();
  const outcomes = SOURCE_OUTCOMES[source];
  const totalWeight = outcomes.reduce((sum, o) => sum + OUTCOME_WEIGHTS[o], 0);
  const outcome = (): Outcome => {
    let r = random() * totalWeight;
    for (const o of outcomes) if ((r -= OUTCOME_WEIGHTS[o]) < 0) return o;
    return outcomes[0];
  };
  const kind = (): Kind => {
    const r = random();
    if (HAS_INBOUND[source] && r < 0.04 && dialled.length) return { kind: "callback", missed: random() < 0.4 };
    if (HAS_INBOUND[source] && r < 0.045) return { kind: "stranger" };
    if (SKIP_VARIANTS[source] && r < 0.09) return { kind: "skip", variant: Math.floor(random() * SKIP_VARIANTS[source]) };
    return { kind: "dial", outcome: outcome() };
  };

  // One row per working minute, 8:30–17:30 UTC on weekdays from 6 January 2025: no two rows of
  // a prospect share a minute (Pipedrive's resolution), so no row is another's natural duplicate.
  const start = Date.UTC(2025, 0, 6, 8, 30);
  const atOf = (i: number) => {
    const day = Math.floor(i / 540);
    const week = Math.floor(day / 5);
    return new Date(start + (week * 7 + (day % 5)) * 86_400_000 + (i % 540) * 60_000 + (1 + Math.floor(random() * 58)) * 1000);
  };

  // Salesforce tasks with only a date land at noon team time: one per prospect, rep, day and outcome, or they would be one call.
  const dateOnlyKeys = new Set<string>();
  const lines: string[] = [HEADERS[source]];
  for (let i = 0; i < rows; i++) {
    const at = atOf(i);
    const k = kind();
    const prospect = k.kind === "callback" ? pick(dialled) : prospects[Math.floor(random() * prospectCount)];
    // A prospect is mostly worked by one rep.
    const rep = random() < 0.85 ? team[prospect.index % team.length] : pick(team);
    const strangerPhone = `+1${[415, 312, 503][i % 3]}77${pad(i % 100_000, 5)}`;
    if (k.kind === "dial") {
      expected.dials[k.outcome]++;
      if (!dialledSet.has(prospect.index)) {
        dialledSet.add(prospect.index);
        dialled.push(prospect);
      }
    } else if (k.kind === "callback") expected.callbacks++;
    else expected.skipped++;
    const seconds = k.kind === "dial" && k.outcome === "voicemail" ? 15 + Math.floor(random() * 40) : k.kind === "dial" && k.outcome === "connected" ? 60 + Math.floor(random() * 600) : k.kind === "callback" && !k.missed ? 30 + Math.floor(random() * 300) : 0;
    const note = pick(NOTES);
    const dateKey = k.kind === "dial" ? `${prospect.index}|${rep.index}|${ymd(at)}|${k.outcome}` : "";
    const dateOnly = source === "salesforce" && k.kind === "dial" && random() < 0.1 && !dateOnlyKeys.has(dateKey);
    if (dateOnly) dateOnlyKeys.add(dateKey);
    lines.push(ROW_WRITERS[source]({ i, at, k, prospect, rep, strangerPhone, seconds, note, dateOnly, pick }).map(cell).join(","));
  }
  expected.prospects = dialledSet.size;
  const ownerIds = source === "hubspot" || source === "salesforce";
  const repMap = ownerIds ? ["external,email", ...team.map((r) => `${OWNER_ID[source](r)},${r.email}`)].join("\r\n") + "\r\n" : null;
  return { csv: lines.join("\r\n") + "\r\n", repMap, expected };
}

const OWNER_ID: Record<"hubspot" | "salesforce", (rep: Rep) => string> = {
  hubspot: (rep) => String(41_000_101 + rep.index),
  salesforce: (rep) => `0055e000001Rp${pad(rep.index, 2)}`,
};

type RowFacts = {
  i: number;
  at: Date;
  k: Kind;
  prospect: Prospect;
  rep: Rep;
  /** A number that is no prospect's, for calls from strangers. */
  strangerPhone: string;
  seconds: number;
  note: string;
  /** Only the date is given (Salesforce's ActivityDate without CompletedDateTime). */
  dateOnly: boolean;
  pick: <T>(items: readonly T[]) => T;
};

const ROW_WRITERS: Record<CallExportSource, (f: RowFacts) => (string | number | null)[]> = {
  hubspot({ i, at, k, prospect, rep, strangerPhone, seconds, note, pick }) {
    const inbound = k.kind === "callback" || k.kind === "stranger";
    const from = inbound ? (k.kind === "stranger" ? strangerPhone : prospect.phone) : rep.phone;
    const status = k.kind === "skip" ? pick(["FAILED", "CANCELED", "QUEUED", "RINGING", "CONNECTING", "IN_PROGRESS"]) : k.kind === "callback" && k.missed ? "NO_ANSWER" : "COMPLETED";
    const disposition = k.kind === "dial" ? pick(HUBSPOT_DISPOSITIONS[k.outcome]) : k.kind === "skip" ? "" : HUBSPOT_DISPOSITIONS.connected[0];
    return [
      70_000_000 + i,
      at.toISOString(),
      OWNER_ID.hubspot(rep),
      inbound ? "INBOUND" : "OUTBOUND",
      status,
      disposition,
      seconds * 1000,
      from,
      inbound ? rep.phone : prospect.phone,
      note ? `<p>${note}</p>` : "",
      `${inbound ? "Call from" : "Call with"} ${prospect.name}`,
    ];
  },
  salesforce({ i, at, k, prospect, rep, seconds, note, dateOnly, pick }) {
    const skip = k.kind === "skip" ? k.variant : -1;
    const callType = skip === 2 ? "Internal" : k.kind === "callback" || k.kind === "stranger" ? "Inbound" : skip === 0 ? "" : "Outbound";
    return [
      `00T5e00001${i.toString(36).toUpperCase().padStart(5, "0")}`,
      skip === 0 ? "Email sent" : "Call",
      skip === 0 ? "Email" : "Call",
      skip === 1 ? "Not Started" : "Completed",
      ymd(at),
      dateOnly || skip === 1 ? "" : `${ymd(at)}T${hms(at)}.000+0000`,
      OWNER_ID.salesforce(rep),
      skip === 2 ? "" : `0035e0000${k.kind === "stranger" ? "X" : "0"}${prospect.contactId.padStart(5, "0")}`,
      callType,
      skip === 0 ? "" : seconds,
      k.kind === "dial" ? pick(SALESFORCE_DISPOSITIONS[k.outcome]) : "",
      skip === 2 ? "team huddle" : note,
    ];
  },
  close({ i, at, k, prospect, rep, strangerPhone, seconds, pick }) {
    const inbound = k.kind === "callback" || k.kind === "stranger";
    const disposition = k.kind === "dial" ? pick(CLOSE_DISPOSITIONS[k.outcome]) : k.kind === "skip" ? "error" : k.kind === "callback" && k.missed ? "no-answer" : "answered";
    // Close keeps the number a blocked call was made to, valid or not.
    const remote = k.kind === "stranger" ? strangerPhone : disposition === "blocked" && i % 2 === 0 ? "+1000" : prospect.phone;
    const stranger = k.kind === "stranger";
    return [
      `acti_${i.toString(36).padStart(8, "0")}`,
      `user_${rep.index}`,
      seconds,
      disposition,
      k.kind === "skip" ? "failed" : "completed",
      inbound ? "inbound" : "outbound",
      `${at.toISOString().slice(0, 19)}.${pad((i * 7919) % 1e6, 6)}+00:00`,
      remote,
      rep.phone,
      disposition === "vm-left" ? `https://app.close.com/voicemail/${i}.mp3` : "",
      disposition === "answered" ? `https://app.close.com/recording/${i}.mp3` : "",
      "Close.io",
      stranger ? "" : `lead_${prospect.leadId}`,
      rep.name,
      stranger ? "" : `cont_${prospect.contactId}`,
      stranger ? "" : prospect.company,
      stranger ? "" : prospect.name,
    ];
  },
  pipedrive({ i, at, k, prospect, rep, seconds, note }) {
    const skip = k.kind === "skip" ? k.variant : -1;
    const type = k.kind === "dial" ? (k.outcome === "connected" ? "Aircall outbound answered call" : "Aircall outbound unanswered call") : skip === 0 ? "Call" : skip === 1 ? "Call" : "Meeting";
    const done = skip !== 1;
    const minutes = Math.ceil(seconds / 60);
    const added = `${ymd(at)} ${hms(at)}`;
    return [
      900_000 + i,
      skip === 2 ? "Demo" : `Call ${prospect.name.split(" ")[0]}`,
      type,
      done ? "Done" : "To do",
      ymd(at),
      `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`,
      `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`,
      rep.name,
      prospect.name,
      prospect.company,
      note,
      added,
      done ? added : "",
    ];
  },
  aircall({ at, i, k, prospect, rep, strangerPhone, seconds, note }) {
    const inbound = k.kind === "callback" || k.kind === "stranger";
    const customer = k.kind === "stranger" ? strangerPhone : prospect.phone;
    const answered = k.kind === "dial" ? k.outcome === "connected" : k.kind === "callback" && !k.missed;
    const digits = (e164: string) => e164.slice(1);
    const fields: (string | number | null)[] = new Array(41).fill("");
    const set = (column: number, value: string | number) => (fields[column] = value);
    set(0, "Sales US");
    set(3, `${ymd(at)} ${hms(at)}`);
    set(5, inbound ? "inbound" : "outbound");
    set(6, digits(inbound ? customer : rep.phone));
    set(7, digits(inbound ? rep.phone : customer));
    set(8, answered ? "Yes" : "No");
    set(9, answered ? "" : inbound ? "out_of_opening_hours" : "no_answer");
    set(10, inbound && !answered ? "[No associated user]" : rep.name);
    set(11, clock(seconds + 10));
    set(12, clock(seconds));
    set(13, inbound && !answered ? `https://assets.aircall.io/voicemails/${2_000_000 + i}.mp3` : "");
    set(15, note);
    set(28, aircallNumber(customer));
    set(34, 2_000_000 + i);
    return fields;
  },
  twilio({ i, at, k, prospect, rep, strangerPhone, seconds, pick }) {
    const inbound = k.kind === "callback" || k.kind === "stranger";
    const caller = inbound ? (k.kind === "stranger" ? strangerPhone : prospect.phone) : rep.phone;
    const called = inbound ? rep.phone : prospect.phone;
    const status = k.kind === "skip" ? pick(["failed", "canceled", "queued", "ringing", "in-progress"]) : k.kind === "dial" ? (k.outcome === "no-message" ? pick(["no-answer", "busy"]) : "completed") : k.kind === "callback" && k.missed ? "no-answer" : "completed";
    const answeredBy = k.kind === "dial" && k.outcome === "voicemail" ? pick(["machine_end_beep", "machine_end_silence", "machine_end_other"]) : k.kind === "dial" && k.outcome === "connected" ? "human" : "";
    const end = new Date(at.getTime() + (seconds + 1) * 1000);
    return [
      `CA${i.toString(16).padStart(32, "0")}`,
      rfc2822(new Date(at.getTime() - 1000)),
      rfc2822(at),
      rfc2822(end),
      seconds,
      status,
      inbound ? "inbound" : pick(["outbound-api", "outbound-dial"]),
      caller,
      national(caller),
      called,
      national(called),
      seconds ? (-0.014 * Math.ceil(seconds / 60)).toFixed(4) : "0.0000",
      "USD",
      answeredBy,
    ];
  },
};

function option(name: string, fallback: string) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const source = option("--source", "close") as CallExportSource;
  if (!CALL_EXPORT_SOURCES.includes(source)) throw new Error(`--source takes one of ${CALL_EXPORT_SOURCES.join(", ")}`);
  const rows = Number(option("--rows", "100000"));
  const out = option("-o", "-");
  const made = generateCallExport(source, rows);
  const repMapFile = option("--rep-map", "");
  if (repMapFile && made.repMap) fs.writeFileSync(repMapFile, made.repMap);
  if (out === "-") process.stdout.write(made.csv);
  else {
    fs.writeFileSync(out, made.csv);
    process.stderr.write(`wrote ${rows.toLocaleString("en-US")} ${source} rows (${(made.csv.length / 1e6).toFixed(1)} MB, ${made.expected.prospects.toLocaleString("en-US")} prospects) to ${out}\n`);
  }
}
