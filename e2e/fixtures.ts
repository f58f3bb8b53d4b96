import { test as base, expect, type Page } from "@playwright/test";
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
