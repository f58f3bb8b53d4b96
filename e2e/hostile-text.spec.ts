import type { Page } from "@playwright/test";
import { expect, newOwnerWithTeam, test } from "./fixtures";

// Script text, titles and notes are data, never markup: React escapes them, and this proves it
// where they are shown — the script page and the Today page (the text to read, the dial list).
// Markup that ran would make an element from it, fetch /x or /y, or open an alert.

const TITLE = "<script>alert(1)</script> opener";
const BODY = "<img src=x onerror=alert(1)> Hi {prospect.firstName}, call me.";
const NOTE = "<b>bold</b><img src=y onerror=alert(2)>";

/** Elements the hostile text would have created had it been parsed as HTML. */
const injected = (page: Page) =>
  page.evaluate(() => ({
    images: Array.from(document.images, (img) => img.getAttribute("src")).filter((src) => src === "x" || src === "y"),
    bold: Array.from(document.getElementsByTagName("b"), (b) => b.textContent).filter((text) => text === "bold"),
    scripts: Array.from(document.scripts, (s) => s.textContent).filter((text) => text === "alert(1)"),
  }));

test("script bodies, titles and notes render literally, creating no elements", async ({ page }, testInfo) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const fetched: string[] = [];
  page.on("request", (request) => {
    if (/^\/(x|y)$/.test(new URL(request.url()).pathname)) fetched.push(request.url());
  });
  const none = { images: [], bold: [], scripts: [] };

  await newOwnerWithTeam(page, "Markup Co");
  await page.goto("/scripts/new");
  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Script", { exact: true }).fill(BODY);
  await expect(page.getByLabel("Rendered preview")).toContainText("<img src=x onerror=alert(1)> Hi Jordan");
  await page.getByRole("button", { name: "Save script" }).click();

  // The script page: the title and the body as typed.
  await expect(page.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
  const scriptId = Number(/\/scripts\/(\d+)/.exec(page.url())?.[1]);
  await expect(page.getByText("<img src=x onerror=alert(1)> Hi {prospect.firstName}, call me.").first()).toBeVisible();
  expect(await injected(page)).toEqual(none);
  await page.screenshot({ path: testInfo.outputPath("script-page.png"), fullPage: true });

  // The Today page: the text to read for this prospect, then the note in the day's dials.
  await page.getByRole("link", { name: "Today", exact: true }).click();
  await page.getByRole("combobox", { name: "Prospect" }).fill("(516) 541-8160");
  await page.getByRole("option", { name: /Create new prospect/ }).click();
  await page.getByLabel("Prospect name").fill("Dana Whitfield");
  await page.getByLabel("Script", { exact: true }).selectOption(String(scriptId));
  await expect(page.getByRole("region", { name: "Text to read" })).toHaveText("<img src=x onerror=alert(1)> Hi Dana, call me.");
  await page.getByLabel("Notes (optional)").fill(NOTE);
  await page.getByRole("button", { name: "Log dial" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Dial logged." })).toBeVisible();
  await expect(page.getByText(NOTE, { exact: true })).toBeVisible();
  expect(await injected(page)).toEqual(none);
  await page.screenshot({ path: testInfo.outputPath("today.png"), fullPage: true });

  // After a full reload, server-rendered HTML is escaped as well.
  await page.reload();
  await expect(page.getByText(NOTE, { exact: true })).toBeVisible();
  await page.goto(`/scripts/${scriptId}`);
  await expect(page.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
  expect(await injected(page)).toEqual(none);
  expect(dialogs).toEqual([]);
  expect(fetched).toEqual([]);
});
