import { eq, sql } from "drizzle-orm";
import type { Role, Stage } from "@/lib/vocabulary";
import { normalisePhone } from "@/server/domain/phone";
import { seededRandom } from "@/server/domain/random-source";
import { zoneOffset } from "@/server/domain/time-buckets";
import { reattributeProspect } from "@/server/services/attribution";
import { createScript, spokenWords } from "@/server/services/scripts";
import { addMember, createTeam } from "@/server/services/teams";
import { createUser, findUserByEmail } from "@/server/services/users";
import type { Db } from "./client";
import { attempt, callback, organization, prospect, script, scriptVersion } from "./schema";

// The demo team (`ringback seed --demo`): people, the script library with the seed's own
// scripts (DESIGN.md), and about four months of dialling that ends now. Every draw comes from
// one seeded generator, so the same `now` gives the same history.

export const DEMO_TEAM = { slug: "demo", name: "Demo Sales", timezone: "America/New_York" } as const;
export const DEMO_PASSWORD = "ringback-demo";
/** Where `npm run demo` serves the app: BETTER_AUTH_URL when set, else localhost on $PORT. */
export const demoUrl = () => process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;

type PersonKey = "owner" | "manager" | "rep1" | "rep2" | "rep3" | "rep4" | "rep5" | "rep6";
type Person = { key: PersonKey; email: string; name: string; role: Role; phone: string | null };

export const DEMO_PEOPLE: readonly Person[] = [
  { key: "owner", email: "owner@demo.ringback.test", name: "Dana Whitfield", role: "owner", phone: null },
  { key: "manager", email: "manager@demo.ringback.test", name: "Rachel Kim", role: "manager", phone: "(646) 555-0100" },
  { key: "rep1", email: "rep1@demo.ringback.test", name: "Marcus Bell", role: "rep", phone: "(516) 555-0101" },
  { key: "rep2", email: "rep2@demo.ringback.test", name: "Priya Raman", role: "rep", phone: "(516) 555-0102" },
  { key: "rep3", email: "rep3@demo.ringback.test", name: "Diego Alvarez", role: "rep", phone: "(516) 555-0103" },
  { key: "rep4", email: "rep4@demo.ringback.test", name: "Hannah Okafor", role: "rep", phone: "(516) 555-0104" },
  { key: "rep5", email: "rep5@demo.ringback.test", name: "Tom Kowalski", role: "rep", phone: "(516) 555-0105" },
  { key: "rep6", email: "rep6@demo.ringback.test", name: "Aisha Grant", role: "rep", phone: "(516) 555-0106" },
];

// ---------------------------------------------------------------------------
// The script library. `rate` is the simulated chance that one voicemail is returned (before the
// rep's own factor and the attempt-number decay); `seconds` is how long a rep takes to leave it.
// ---------------------------------------------------------------------------

type ScriptKey = "intro24" | "overview" | "referral" | "quick" | "hangup" | "coffee" | "insight" | "lastTry" | "closing" | "pilot" | "draft";

type ScriptSeed = {
  key: ScriptKey;
  title: string;
  stage: Stage;
  tags: string[];
  author: PersonKey;
  body: string;
  rate: number;
  seconds: number;
  /** Last-try scripts are written for the 4th+ voicemail: no decay with the attempt number. */
  flat?: boolean;
  teamPick?: boolean;
  shared?: boolean;
  /** One edit part-way through the history: attempts after it use version 2. */
  edit?: { body: string; rate: number; seconds: number; atFraction: number };
  /** A script written near the end of the history, so far with too few voicemails to be ranked. */
  writtenDaysAgo?: number;
};

const SCRIPTS: readonly ScriptSeed[] = [
  {
    key: "intro24",
    title: "24-Second Intro",
    stage: "first-touch",
    tags: ["number-early", "under-30s"],
    author: "rep1",
    teamPick: true,
    rate: 0.3,
    seconds: 24,
    body:
      "Hi {prospect.firstName}, it's {rep.name}. Let me give you my number first: {rep.phone}. That's {rep.phone}. " +
      "I'm calling because we help teams like {prospect.company} book more first meetings from the calls they already make. " +
      "I have one idea for you that takes two minutes to explain. Call me back at {rep.phone}. Thanks, {prospect.firstName}.",
  },
  {
    key: "overview",
    title: "Company Overview",
    stage: "first-touch",
    tags: ["long-form"],
    author: "manager",
    rate: 0.08,
    seconds: 58,
    body:
      "Hello {prospect.firstName}, this is {rep.name} calling from Northbeam. Northbeam is a leading provider of sales " +
      "productivity software, founded in 2012 and serving more than four hundred customers across North America, including " +
      "several companies in the same space as {prospect.company}. Our platform brings together call logging, analytics, " +
      "coaching workflows and integrations with the major CRM systems. I would love to set up some time to walk you through " +
      "a full demonstration and to learn more about your current process and your priorities for this year. Please give me " +
      "a call back at your earliest convenience. Again, this is {rep.name}, and my number is {rep.phone}. Thank you, and have a great day.",
  },
  {
    key: "referral",
    title: "Referral Name-Drop",
    stage: "first-touch",
    tags: ["referral", "number-early", "under-30s"],
    author: "rep4",
    rate: 0.17,
    seconds: 26,
    body:
      "Hi {prospect.firstName}, {rep.name} here, {rep.phone}. A colleague of yours suggested I reach out about how " +
      "{prospect.company} follows up on outbound calls. I'll keep it short: if that's on your plate this quarter, call me at " +
      "{rep.phone}. If it isn't, tell me who owns it and I'll leave you in peace.",
  },
  {
    key: "quick",
    title: "Quick Follow-Up",
    stage: "follow-up",
    tags: ["under-30s"],
    author: "rep3",
    rate: 0.11,
    seconds: 20,
    body:
      "Hi {prospect.firstName}, it's {rep.name} again, following up on my last message. I'd still like to share the idea " +
      "I mentioned for {prospect.company}. You can reach me at {rep.phone}. Thanks.",
    edit: {
      rate: 0.15,
      seconds: 18,
      atFraction: 0.55,
      body:
        "Hi {prospect.firstName}, {rep.name} again, {rep.phone}. Following up on my message from the other day: one idea " +
        "for {prospect.company}, two minutes, no slides. Once more, {rep.phone}. Talk soon.",
    },
  },
  {
    key: "hangup",
    title: "Hang Up Mid-Sentence",
    stage: "follow-up",
    tags: ["hang-up-mid-sentence", "number-early", "under-30s"],
    author: "rep2",
    rate: 0.21,
    seconds: 15,
    body:
      "Hi {prospect.firstName}, {rep.name}, {rep.phone}. I was looking at how {prospect.company} books its first meetings " +
      "and noticed something I think you'll want to hear about, especially since the way most teams handle it means that",
  },
  {
    key: "coffee",
    title: "Coffee's On Me",
    stage: "follow-up",
    tags: ["humour", "under-30s"],
    author: "rep4",
    rate: 0.16,
    seconds: 22,
    body:
      "Hi {prospect.firstName}, {rep.name} here. I've now left you more voicemails than my mother leaves me, so I'll be quick: " +
      "one idea for {prospect.company}, and if it isn't useful, the coffee's on me. {rep.phone}. That's {rep.phone}.",
  },
  {
    key: "insight",
    title: "Industry Insight",
    stage: "any",
    tags: ["insight"],
    author: "manager",
    rate: 0.12,
    seconds: 21,
    body:
      "Hi {prospect.firstName}, it's {rep.name}. We just looked at twenty thousand sales voicemails: the short ones that give " +
      "the number early get called back far more often. Happy to share what that could mean for {prospect.company}. {rep.phone}.",
  },
  {
    key: "lastTry",
    title: "Last Try",
    stage: "last-try",
    tags: ["humour", "under-30s"],
    author: "rep1",
    teamPick: true,
    flat: true,
    rate: 0.2,
    seconds: 27,
    body:
      "Hi {prospect.firstName}, it's {rep.name}. I've left you several messages now. I talk to God every night, but I can't " +
      "seem to reach you! This is my last try, so one more call: please call me back at {rep.phone}. I look forward to " +
      "speaking with you before the end of business today.",
  },
  {
    key: "closing",
    title: "Closing Your File",
    stage: "last-try",
    tags: ["breakup"],
    author: "rep3",
    flat: true,
    rate: 0.12,
    seconds: 23,
    body:
      "Hi {prospect.firstName}, {rep.name} from Northbeam. I haven't been able to reach you, so I'll assume the timing isn't " +
      "right and close your file for now. If I've got that wrong, my number is {rep.phone}. Either way, all the best to you " +
      "and the team at {prospect.company}.",
  },
  {
    key: "pilot",
    title: "Under 20 Seconds (pilot)",
    stage: "first-touch",
    tags: ["number-early", "under-30s"],
    author: "rep2",
    rate: 0.34,
    seconds: 17,
    writtenDaysAgo: 8,
    body: "{prospect.firstName}, {rep.name}, {rep.phone}. One idea for {prospect.company} that takes two minutes. Again, {rep.phone}.",
  },
  {
    key: "draft",
    title: "Voicemail Drop Test (draft)",
    stage: "first-touch",
    tags: ["number-early"],
    author: "rep6",
    shared: false,
    rate: 0,
    seconds: 12,
    body: "{prospect.firstName}, {rep.name} at {rep.phone}. Quick question about {prospect.company}; call me back when you can.",
  },
];

// ---------------------------------------------------------------------------
// How each rep dials: daily volume, skill (a factor on every script's rate), the scripts they
// reach for at each stage, and when they joined (as a fraction of the history).
// ---------------------------------------------------------------------------

type CallingStage = "first-touch" | "follow-up" | "last-try";
type RepProfile = {
  key: PersonKey;
  dials: [number, number];
  factor: number;
  joinedAt: number;
  prefs: Record<CallingStage, Partial<Record<ScriptKey, number>>>;
  /** A new script the rep tries on this share of first touches once it is written. */
  pilot?: { script: ScriptKey; share: number };
};

const REPS: readonly RepProfile[] = [
  {
    key: "rep1",
    dials: [45, 80],
    factor: 1.2,
    joinedAt: 0,
    prefs: { "first-touch": { intro24: 6, referral: 1 }, "follow-up": { quick: 2, hangup: 2, coffee: 1 }, "last-try": { lastTry: 5, closing: 1 } },
  },
  {
    key: "rep2",
    dials: [40, 75],
    factor: 1.1,
    joinedAt: 0,
    prefs: { "first-touch": { intro24: 2, referral: 3 }, "follow-up": { hangup: 5, insight: 1 }, "last-try": { lastTry: 2, closing: 2 } },
    pilot: { script: "pilot", share: 0.1 },
  },
  {
    key: "rep3",
    dials: [50, 80],
    factor: 0.85,
    joinedAt: 0,
    prefs: { "first-touch": { overview: 5, intro24: 1 }, "follow-up": { quick: 4, coffee: 1 }, "last-try": { closing: 3, lastTry: 1 } },
  },
  {
    key: "rep4",
    dials: [35, 70],
    factor: 1.0,
    joinedAt: 0,
    prefs: { "first-touch": { referral: 3, overview: 1, insight: 1 }, "follow-up": { coffee: 3, quick: 2 }, "last-try": { lastTry: 2, closing: 1 } },
  },
  {
    key: "rep5",
    dials: [30, 60],
    factor: 0.9,
    joinedAt: 0.1,
    prefs: { "first-touch": { overview: 3, intro24: 2 }, "follow-up": { quick: 3, coffee: 1, insight: 1 }, "last-try": { closing: 2, lastTry: 1 } },
  },
  {
    key: "rep6",
    dials: [30, 55],
    factor: 0.8,
    joinedAt: 0.6,
    prefs: { "first-touch": { intro24: 3, insight: 1 }, "follow-up": { hangup: 2, coffee: 2 }, "last-try": { lastTry: 2 } },
  },
];

/** Outcome mix of one dial. */
const OUTCOME_MIX = [
  ["voicemail", 0.55],
  ["no-message", 0.3],
  ["connected", 0.1],
  ["bad-number", 0.05],
] as const;
/** Returned voicemails fall off with each further message (except for last-try scripts). */
const ATTEMPT_DECAY = [1, 1, 0.85, 0.75, 0.65];
const MAX_VOICEMAILS = 5;
const CALLBACK_RESULTS = [
  ["appointment", 0.3],
  ["interested", 0.33],
  ["not-interested", 0.25],
  ["other", 0.12],
] as const;

const FIRST_NAMES = [
  "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara",
  "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Chris", "Karen", "Daniel", "Lisa", "Matthew", "Nancy",
  "Anthony", "Betty", "Mark", "Sandra", "Steven", "Ashley", "Paul", "Kimberly", "Andrew", "Emily", "Joshua", "Donna",
  "Kevin", "Michelle", "Brian", "Carol", "George", "Amanda", "Tim", "Melissa", "Ryan", "Deborah", "Jacob", "Stephanie",
  "Gary", "Rebecca", "Nicholas", "Laura", "Eric", "Sharon", "Jonathan", "Cynthia", "Wei", "Fatima", "Raj", "Sofia",
  "Kenji", "Olga", "Mateo", "Amara", "Luca", "Ingrid", "Omar", "Chloe", "Darnell", "Yuki",
];
const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
  "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
  "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
  "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
  "Mitchell", "Carter", "Roberts", "Chen", "Patel", "Schmidt", "Novak", "O'Brien", "Sullivan", "Murphy", "Fischer",
  "Yamamoto", "Kowalczyk", "Haddad", "Okonkwo", "Larsen", "Dubois",
];
const COMPANY_WORDS = [
  "Northwind", "Bluestone", "Harbor", "Summit", "Granite", "Cedar", "Beacon", "Ironwood", "Silverline", "Redwood", "Keystone",
  "Lakeside", "Pioneer", "Crescent", "Evergreen", "Atlas", "Meridian", "Sterling", "Horizon", "Copper", "Falcon", "Orchard",
  "Riverbend", "Tidewater", "Brightpath", "Clearwater", "Foxglove", "Highland", "Juniper", "Maple",
];
const COMPANY_KINDS = [
  "Logistics", "Health", "Manufacturing", "Software", "Insurance", "Dental Group", "Realty", "Foods", "Capital",
  "Energy", "Staffing", "Construction", "Labs", "Freight", "Analytics",
];
const AREA_CODES = [
  201, 202, 203, 205, 206, 207, 212, 213, 214, 215, 216, 217, 224, 225, 231, 234, 239, 240, 248, 251, 252, 253, 256, 262,
  267, 269, 281, 301, 302, 303, 304, 305, 310, 312, 313, 314, 315, 316, 317, 318, 319, 321, 323, 330, 331, 334, 336, 346,
  347, 352, 360, 385, 401, 402, 404, 405, 407, 408, 410, 412, 413, 414, 415, 417, 419, 423, 424, 425, 430, 440, 443, 469,
  470, 475, 478, 480, 484, 501, 502, 503, 504, 505, 508, 510, 512, 513, 515, 516, 517, 518, 520, 530, 540, 551, 559, 561,
  562, 571, 573, 585, 586, 602, 603, 608, 609, 610, 612, 614, 615, 617, 619, 626, 630, 631, 646, 650, 651, 678, 702, 703,
  704, 713, 714, 717, 718, 720, 727, 732, 757, 770, 773, 781, 801, 804, 813, 818, 832, 847, 857, 858, 860, 908, 914, 917,
  919, 925, 949, 954, 972, 973, 978,
];
const ATTEMPT_NOTES = [
  "Gatekeeper took a message.",
  "Asked to call back after 3 pm.",
  "Voicemail box nearly full.",
  "Assistant says they're at a conference this week.",
  "Direct line, not the main number.",
  "Mentioned they're reviewing vendors next quarter.",
  "Call dropped after the greeting.",
];
const CALLBACK_NOTES: Record<string, string[]> = {
  appointment: ["Booked a 20-minute intro for Thursday.", "Demo set with the ops lead.", "Meeting booked; send the agenda."],
  interested: ["Wants pricing by email.", "Asked for a case study first.", "Interested, but after their busy season."],
  "not-interested": ["Happy with their current vendor.", "No budget this year.", "Asked to be removed from the list."],
  other: ["Returned the call about something else.", "Wrong person; gave the right contact.", "Called back to ask who we were."],
};

// ---------------------------------------------------------------------------
// Randomness and time.
// ---------------------------------------------------------------------------

function randomTools(seed: number) {
  const next = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const chance = (p: number) => next() < p;
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [value, w] of entries) if ((r -= w) < 0) return value;
    return entries[entries.length - 1][0];
  };
  const shuffle = <T>(items: T[]) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  };
  return { next, int, chance, pick, weighted, shuffle };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------
// The seed.
// ---------------------------------------------------------------------------

export type SeedOptions = {
  /** Where the history ends (default: now). */
  now?: Date;
  /** Length of the history in days (default 122, about four months). */
  days?: number;
  /** Generator seed; the same seed and `now` give the same history. */
  seed?: number;
};

export type SeedSummary = {
  created: boolean;
  slug: string;
  users: number;
  scripts: number;
  scriptVersions: number;
  prospects: number;
  attempts: number;
  voicemails: number;
  callbacks: number;
  returned: number;
  milliseconds: number;
};

type Cadence = {
  prospect: number;
  rep: PersonKey;
  voicemails: number;
  nextDue: number;
};

type ProspectRow = typeof prospect.$inferInsert;
type AttemptRow = typeof attempt.$inferInsert;
type CallbackRow = typeof callback.$inferInsert;

/**
 * Creates the demo team (slug `demo`) with its people, script library and history, unless it is
 * already there. Users are created first (password hashing is asynchronous); everything else is
 * one transaction, so a failed seed leaves no half-made team behind.
 */
export async function seedDemo(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const empty = { slug: DEMO_TEAM.slug, users: 0, scripts: 0, scriptVersions: 0, prospects: 0, attempts: 0, voicemails: 0, callbacks: 0, returned: 0 };
  if (await db.select({ id: organization.id }).from(organization).where(eq(organization.slug, DEMO_TEAM.slug)).get()) {
    return { created: false, ...empty, milliseconds: performance.now() - started };
  }

  const userIds = new Map<PersonKey, string>();
  for (const person of DEMO_PEOPLE) {
    const existing = await findUserByEmail(db, person.email);
    // The demo's addresses (.test) receive no mail, so the seed vouches for them itself.
    const account = existing ?? (await createUser(db, { email: person.email, name: person.name, password: DEMO_PASSWORD, verified: true }));
    userIds.set(person.key, account.id);
  }

  // Services called with `db` open their own transactions; inside this one better-sqlite3 turns
  // them into savepoints, so the team, its scripts and its history commit or roll back together.
  const summary = await db.transaction(async () => {
    const team = await createTeam(db, userIds.get("owner")!, { name: DEMO_TEAM.name, timezone: DEMO_TEAM.timezone });
    // createTeam derives the slug from the name; the demo is addressed by a fixed one.
    await db.update(organization).set({ slug: DEMO_TEAM.slug }).where(eq(organization.id, team.id)).run();
    for (const person of DEMO_PEOPLE) {
      if (person.role === "owner") continue;
      await addMember(db, team.id, userIds.get(person.key)!, person.role, person.phone && normalisePhone(person.phone));
    }
    const history = await simulateHistory(db, team.id, userIds, options);
    return { created: true, ...empty, users: DEMO_PEOPLE.length, ...history };
  });
  return { ...summary, milliseconds: performance.now() - started };
}

async function simulateHistory(db: Db, teamId: string, userIds: Map<PersonKey, string>, options: SeedOptions) {
  const rng = randomTools(options.seed ?? 20_240_611);
  // Pilot choices draw from their own stream, so adding a pilot leaves the rest of the history as it was.
  const pilotRng = randomTools((options.seed ?? 20_240_611) + 1);
  const nowMs = (options.now ?? new Date()).getTime();
  const days = options.days ?? 122;
  const offsetAt = (ms: number) => zoneOffset(ms, DEMO_TEAM.timezone);
  const historyStart = nowMs - days * DAY;

  // --- scripts, each created through the service as a person of the team would ---------------
  const versions = new Map<ScriptKey, { id: number; rate: number; seconds: number; from: number }[]>();
  const libraryDate = new Date(historyStart - 7 * DAY);
  let scriptVersions = 0;
  for (const s of SCRIPTS) {
    const author = DEMO_PEOPLE.find((p) => p.key === s.author)!;
    const actor = { userId: userIds.get(s.author)!, teamId, role: author.role };
    const created = await createScript(db, actor, { title: s.title, stage: s.stage, tags: s.tags, body: s.body, shared: s.shared ?? true });
    const written = s.writtenDaysAgo ? new Date(nowMs - s.writtenDaysAgo * DAY) : libraryDate;
    await db.update(script).set({ teamPick: s.teamPick ?? false, createdAt: written, updatedAt: written }).where(eq(script.id, created.id)).run();
    await db.update(scriptVersion).set({ createdAt: written }).where(eq(scriptVersion.id, created.latestVersion.id)).run();
    const list = [{ id: created.latestVersion.id, rate: s.rate, seconds: s.seconds, from: s.writtenDaysAgo ? written.getTime() : -Infinity }];
    scriptVersions++;
    if (s.edit) {
      // Written directly rather than through updateScript, which stamps the version with today's date.
      const editedAt = new Date(historyStart + s.edit.atFraction * days * DAY);
      const v2 = await db
        .insert(scriptVersion)
        .values({ scriptId: created.id, number: 2, body: s.edit.body, wordCount: spokenWords(s.edit.body), authorId: actor.userId, createdAt: editedAt })
        .returning({ id: scriptVersion.id })
        .get();
      await db.update(script).set({ updatedAt: editedAt }).where(eq(script.id, created.id)).run();
      list.push({ id: v2.id, rate: s.edit.rate, seconds: s.edit.seconds, from: editedAt.getTime() });
      scriptVersions++;
    }
    versions.set(s.key, list);
  }
  const scriptByKey = new Map(SCRIPTS.map((s) => [s.key, s]));

  // --- prospects, made as reps first dial them ---------------------------------------------
  const firstProspectId = ((await db.select({ max: sql<number | null>`max(${prospect.id})` }).from(prospect).get())?.max ?? 0) + 1;
  const prospects: ProspectRow[] = [];
  const newProspect = (rep: PersonKey, at: number): number => {
    const n = prospects.length;
    // 555-0100…0199 are reserved for fiction in every US area code: no real person gets dialled.
    const area = AREA_CODES[n % AREA_CODES.length];
    const line = 100 + (Math.floor(n / AREA_CODES.length) % 100);
    const exchange = 555 + Math.floor(n / (AREA_CODES.length * 100));
    prospects.push({
      id: firstProspectId + n,
      teamId,
      name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
      company: rng.chance(0.93) ? `${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_KINDS)}` : null,
      phone: `+1${area}${exchange}${String(line).padStart(4, "0")}`,
      ownerId: userIds.get(rep)!,
      status: "open",
      createdAt: new Date(at),
      updatedAt: new Date(at),
    });
    return n;
  };
  const touch = (index: number, at: number, status?: ProspectRow["status"]) => {
    const row = prospects[index];
    row.updatedAt = new Date(at);
    if (status) row.status = status;
  };

  const attempts: AttemptRow[] = [];
  const callbacks: CallbackRow[] = [];
  const callbackKeys = new Set<string>();
  const addCallback = (index: number, at: number, result: CallbackRow["result"], loggedBy: PersonKey) => {
    const key = `${index}:${at}:${result}`;
    if (at > nowMs || callbackKeys.has(key)) return false;
    callbackKeys.add(key);
    const notes = rng.chance(0.4) ? rng.pick(CALLBACK_NOTES[result]) : null;
    callbacks.push({ teamId, prospectId: firstProspectId + index, at: new Date(at), result, notes, loggedById: userIds.get(loggedBy)!, createdAt: new Date(at) });
    touch(index, at, result === "appointment" ? "appointment" : result === "not-interested" ? "closed-lost" : "engaged");
    return true;
  };

  /** Prospects return calls during their business hours: an evening callback waits for morning. */
  const duringBusinessHours = (at: number) => {
    for (let shift = 0; shift < 5; shift++) {
      const local = new Date(at + offsetAt(at));
      const hour = local.getUTCHours();
      const weekday = local.getUTCDay();
      if (weekday !== 0 && weekday !== 6 && hour >= 8 && hour < 19) return at;
      const nextDay = hour < 8 && weekday !== 0 && weekday !== 6 ? 0 : 1;
      const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + nextDay);
      at = midnight + rng.int(8 * 60, 11 * 60) * MINUTE + rng.int(0, 59) * 1000 - offsetAt(midnight + 12 * HOUR);
    }
    return at;
  };
  /** Minutes to a few days; most within 24 hours. */
  const callbackDelay = () => {
    const r = rng.next();
    if (r < 0.45) return rng.int(4, 120) * MINUTE;
    if (r < 0.75) return rng.int(2 * 60, 8 * 60) * MINUTE;
    if (r < 0.9) return rng.int(8 * 60, 24 * 60) * MINUTE;
    return rng.int(24 * 60, 4 * 24 * 60) * MINUTE;
  };
  const callbackResult = () => rng.weighted(CALLBACK_RESULTS);

  // --- the days ----------------------------------------------------------------------------
  const active = new Map<PersonKey, Cadence[]>(REPS.map((r) => [r.key, []]));
  const startLocal = new Date(historyStart + offsetAt(historyStart));
  let voicemailCount = 0;
  for (let day = 0; day <= days; day++) {
    const midnight = Date.UTC(startLocal.getUTCFullYear(), startLocal.getUTCMonth(), startLocal.getUTCDate() + day);
    const weekday = new Date(midnight).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    // Business hours never straddle a daylight-saving change (those happen at 2 am).
    const offset = offsetAt(midnight + 12 * HOUR);
    const at = (secondOfDay: number) => midnight + secondOfDay * 1000 - offset;
    if (at(8 * 3600) > nowMs) break;

    for (const rep of REPS) {
      if (day < rep.joinedAt * days || rng.chance(0.04)) continue;
      const dialCount = rng.int(rep.dials[0], rep.dials[1]);
      const times: number[] = [];
      while (times.length < dialCount) {
        const second = rng.int(8.5 * 3600, 17.5 * 3600);
        // Fewer dials over lunch.
        if (second >= 12 * 3600 && second < 13 * 3600 && rng.chance(0.6)) continue;
        times.push(second);
      }
      times.sort((a, b) => a - b);

      const queue = active.get(rep.key)!;
      const due = queue.filter((c) => c.nextDue <= day).sort((a, b) => a.nextDue - b.nextDue);
      const todays: (Cadence | null)[] = due.slice(0, dialCount);
      while (todays.length < dialCount) todays.push(null);
      rng.shuffle(todays);

      for (let k = 0; k < dialCount; k++) {
        const t = at(times[k]);
        if (t > nowMs) break;
        let cadence = todays[k];
        if (!cadence) {
          cadence = { prospect: newProspect(rep.key, t), rep: rep.key, voicemails: 0, nextDue: day };
          queue.push(cadence);
        }
        const end = () => queue.splice(queue.indexOf(cadence!), 1);
        const outcome = rng.weighted(OUTCOME_MIX);
        const row: AttemptRow = {
          teamId,
          repId: userIds.get(rep.key)!,
          prospectId: firstProspectId + cadence.prospect,
          at: new Date(t),
          outcome,
          notes: rng.chance(0.03) ? rng.pick(ATTEMPT_NOTES) : null,
          createdAt: new Date(t),
        };
        attempts.push(row);
        touch(cadence.prospect, t);

        if (outcome === "bad-number") {
          touch(cadence.prospect, t, "closed-lost");
          end();
        } else if (outcome === "connected") {
          const r = rng.next();
          if (r < 0.6) {
            touch(cadence.prospect, t, r < 0.35 ? "engaged" : "closed-lost");
            end();
          } else {
            cadence.nextDue = day + rng.int(2, 5);
          }
        } else if (outcome === "no-message") {
          // Some see the missed call and ring back; attribution decides what that is credited to.
          if (rng.chance(0.02) && addCallback(cadence.prospect, duringBusinessHours(t + rng.int(10, 240) * MINUTE), callbackResult(), rep.key)) end();
          else cadence.nextDue = day + rng.int(1, 2);
        } else {
          cadence.voicemails++;
          voicemailCount++;
          const stage: CallingStage = cadence.voicemails === 1 ? "first-touch" : cadence.voicemails <= 3 ? "follow-up" : "last-try";
          let key = rng.weighted(Object.entries(rep.prefs[stage]) as [ScriptKey, number][]);
          if (stage === "first-touch" && rep.pilot && versions.get(rep.pilot.script)![0].from <= t && pilotRng.chance(rep.pilot.share)) key = rep.pilot.script;
          const chosen = scriptByKey.get(key)!;
          const version = versions.get(key)!.filter((v) => v.from <= t).at(-1)!;
          row.scriptVersionId = version.id;
          if (rng.chance(0.75)) row.messageSeconds = Math.max(5, version.seconds + rng.int(-3, 3));
          const decay = chosen.flat ? 1 : ATTEMPT_DECAY[Math.min(cadence.voicemails, ATTEMPT_DECAY.length - 1)];
          if (rng.chance(version.rate * decay * rep.factor)) {
            const first = duringBusinessHours(t + callbackDelay());
            const result = callbackResult();
            addCallback(cadence.prospect, first, result, rep.key);
            // Now and then the prospect calls twice about the same message (it counts once).
            if (result === "interested" && rng.chance(0.15)) {
              addCallback(cadence.prospect, duringBusinessHours(first + rng.int(1, 3) * DAY), rng.chance(0.6) ? "appointment" : "other", rep.key);
            }
            end();
          } else if (cadence.voicemails >= MAX_VOICEMAILS) {
            touch(cadence.prospect, t, "closed-lost");
            // A few surface weeks later, long after the attribution window: unattributed.
            if (rng.chance(0.04)) addCallback(cadence.prospect, duringBusinessHours(t + rng.int(16, 40) * DAY), "interested", rep.key);
            end();
          } else {
            cadence.nextDue = day + (cadence.voicemails === 1 ? rng.int(1, 3) : rng.int(2, 4));
          }
        }
      }
    }
  }

  await insertInChunks(db, prospect, prospects);
  await insertInChunks(db, attempt, attempts);
  await insertInChunks(db, callback, callbacks);
  for (let i = 0; i < prospects.length; i++) await reattributeProspect(db, teamId, firstProspectId + i);

  const returned =
    (await db
      .select({ n: sql<number>`count(*)` })
      .from(attempt)
      .where(sql`${attempt.teamId} = ${teamId} and ${attempt.returnedAt} is not null`)
      .get())?.n ?? 0;
  return {
    scripts: SCRIPTS.length,
    scriptVersions,
    prospects: prospects.length,
    attempts: attempts.length,
    voicemails: voicemailCount,
    callbacks: callbacks.length,
    returned,
  };
}

type ChunkedTable = typeof prospect | typeof attempt | typeof callback;

/** Multi-row inserts, sized to stay under SQLite's bound-parameter limit. */
async function insertInChunks<T extends ChunkedTable>(db: Db, table: T, rows: T["$inferInsert"][], size = 500) {
  for (let i = 0; i < rows.length; i += size) await db.insert(table).values(rows.slice(i, i + size)).run();
}
