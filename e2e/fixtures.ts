import { test as base, expect, type Browser, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import pg from "pg";
import { randomBytes } from "node:crypto";

export const PASSWORD = "correct-horse-battery";

/** A unique address per test, so parallel workers never share a team or a user. */
export const uniqueEmail = (who: string) => `${who}-${randomBytes(4).toString("hex")}@e2e.ringback.test`;

export async function signUp(page: Page, name: string, email: string) {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs a new owner up and creates their team; leaves the page on Today. */
export async function newOwnerWithTeam(page: Page, teamName: string) {
  const email = uniqueEmail("owner");
  await page.goto("/sign-up");
  await signUp(page, "Olivia Owner", email);
  await expect(page.getByRole("heading", { name: "Create your team" })).toBeVisible();
  await page.getByLabel("Team name").fill(teamName);
  await page.getByLabel("Time zone").selectOption("America/New_York");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  return email;
}

/**
 * Calls a tRPC procedure over HTTP as the page's signed-in user (the real router, the real
 * session cookie): a fast way to set up data that the UI has its own tests for.
 */
export async function callProcedure<T = unknown>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = await response.json();
  expect(response.ok(), JSON.stringify(body)).toBe(true);
  return body.result.data.json as T;
}

/** Reads a tRPC query over HTTP (GET) as the page's signed-in user; callProcedure's twin for queries. */
export async function queryProcedure<T = unknown>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  const body = await response.json();
  expect(response.ok(), JSON.stringify(body)).toBe(true);
  return body.result.data.json as T;
}

/** The e2e server's database (playwright.config.ts's webServer DATABASE_URL), where its outbox is. */
const E2E_DATABASE = process.env.E2E_DATABASE_URL ?? "./test-results/e2e.db";

type Mail = { subject: string; text: string };

/** The outbox's mails to `email`, newest first, from the SQLite file or the PostgreSQL database. */
async function mailsTo(email: string): Promise<Mail[]> {
  if (/^postgres(ql)?:\/\//i.test(E2E_DATABASE)) {
    const client = new pg.Client({ connectionString: E2E_DATABASE });
    await client.connect();
    try {
      return (await client.query<Mail>(`select subject, text from outbox where "to" = $1 order by id desc`, [email.toLowerCase()])).rows;
    } finally {
      await client.end();
    }
  }
  const db = new Database(E2E_DATABASE, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`select subject, text from outbox where "to" = ? order by id desc`).all(email.toLowerCase()) as Mail[];
  } finally {
    db.close();
  }
}

/**
 * The link in the newest mail to `email` whose subject matches, read from the server's outbox
 * table (what `ringback outbox` prints; read directly, as a CLI start per poll is slow).
 */
export async function linkFromOutbox(email: string, subject: RegExp): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        link = (await mailsTo(email)).find((m) => subject.test(m.subject))?.text.match(/https?:\/\/\S+/)?.[0];
        return link;
      },
      { message: `a mail to ${email} matching ${subject}` },
    )
    .toBeTruthy();
  return link!;
}

export const test = base;
export { expect };

/** Writes a shared script as `page`'s user; leaves the page on the script. */
export async function addSharedScript(page: Page, title: string, stage: string, body: string) {
  await page.getByRole("link", { name: "Scripts", exact: true }).click();
  await page.getByRole("link", { name: "New script" }).click();
  await expect(page).toHaveURL(/\/scripts\/new$/);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Stage").selectOption(stage);
  await page.getByLabel("Script", { exact: true }).fill(body);
  await page.getByLabel(/Share with the team now/).check();
  await page.getByRole("button", { name: "Save script" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
}

/** Invites someone by link from the Team page and signs them up in a browser of their own; leaves them on Today. */
export async function inviteByLink(browser: Browser, inviter: Page, name: string, role: "rep" | "manager" | "owner" = "rep") {
  const email = uniqueEmail(role);
  await inviter.getByRole("link", { name: "Team", exact: true }).click();
  await expect(inviter).toHaveURL(/\/team$/);
  // Exact: the owner's team settings have "Voicemails before a rate is ranked", which holds "email".
  await inviter.getByLabel("Email", { exact: true }).fill(email);
  await inviter.getByLabel("Role", { exact: true }).selectOption(role);
  await inviter.getByRole("button", { name: "Create invite link" }).click();
  const link = await inviter.getByLabel(`Invite link for ${email}`).inputValue();
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account to join" }).click();
  await signUp(page, name, email);
  // An invite is accepted from a verified address only: follow the link the sign-up mailed.
  await expect(page.getByRole("region", { name: "Verify your e-mail address" })).toBeVisible();
  await page.goto(await linkFromOutbox(email, /^Verify your e-mail/));
  await page.getByRole("button", { name: "Accept invite" }).click();
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  return { page, email };
}
