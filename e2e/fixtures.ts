import { test as base, expect, type Browser, type Page } from "@playwright/test";
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

export const test = base;
export { expect };

/** Writes a shared script through the editor; leaves the page on the script. */
export async function addScript(page: Page, title: string, stage: string, body: string) {
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

/** Invites a member by link and signs them up in their own browser; leaves them on Today. */
export async function inviteMember(browser: Browser, owner: Page, name: string, role: "rep" | "manager") {
  const email = uniqueEmail(role);
  await owner.getByRole("link", { name: "Team", exact: true }).click();
  await owner.getByLabel("Email", { exact: true }).fill(email);
  await owner.getByLabel("Role", { exact: true }).selectOption(role);
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const link = await owner.getByLabel(/Invite link for/).inputValue();
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account to join" }).click();
  await signUp(page, name, email);
  await page.getByRole("button", { name: "Accept invite" }).click();
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  return { page, email };
}
