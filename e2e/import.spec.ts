import fs from "node:fs/promises";
import type { Page } from "@playwright/test";
import { addSharedScript, expect, inviteByLink, newOwnerWithTeam, test } from "./fixtures";

// CSV import and export for managers (issue 3): a file with a bad row is refused whole with the
// row's line number, the fixed file goes in, the rows show up, and the download reads back.

const HEADER = "Time,Rep Email,Prospect Name,Prospect Phone,Prospect Company,Outcome,Script,Message Seconds,Notes,CRM Id";

function callLog(manager: string, owner: string, fourthOutcome: string) {
  return [
    HEADER,
    `2025-03-03T09:00,${manager},Dana Whitfield,516-541-8160,Harbor Freight,Left Voicemail,Number early,24,first try,crm-1`,
    `2025-03-03T09:05,${owner},Jordan Avery,(516) 541-8161,,No Answer,,,,crm-2`,
    `2025-03-04T09:00,${manager},Dana Whitfield,+1 516 541 8160,Harbor Freight,vm-dropped,Number early,31,"said ""call back"", maybe",crm-3`,
    `2025-03-04T10:00,${owner},Chris Lane,5165418162,Lane & Co,${fourthOutcome},,,,crm-4`,
  ].join("\r\n");
}

async function upload(page: Page, csv: string, name = "call-log.csv") {
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
}

async function screenshots(page: Page, testInfo: { outputPath: (name: string) => string }, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: testInfo.outputPath(`${name}-375.png`), fullPage: true });
  await page.setViewportSize(desktop);
}

test("a manager imports a call log with a bad row, fixes it, imports it, and downloads it back", async ({ browser }, testInfo) => {
  const owner = await (await browser.newContext()).newPage();
  const ownerEmail = await newOwnerWithTeam(owner, "Import Calling");
  await addSharedScript(owner, "Number early", "first-touch", "Hi {prospect.firstName}, it's {rep.name}. Call me back.");
  const { page, email: managerEmail } = await inviteByLink(browser, owner, "Mia Manager", "manager");

  await page.getByRole("link", { name: "Team", exact: true }).click();
  await page.getByRole("link", { name: "Import and export" }).click();
  await expect(page.getByRole("heading", { name: "Import and export" })).toBeVisible();

  // Line 5 has an outcome no CRM spells that way: the whole file is refused.
  await upload(page, callLog(managerEmail, ownerEmail, "hung up"));
  const rejected = page.getByRole("alert").filter({ hasText: "Rejected" });
  await expect(rejected).toContainText("Rejected: 1 bad row in 4 rows. Nothing was imported");
  await expect(page.getByRole("list", { name: "Bad rows" }).getByRole("listitem")).toHaveText([
    "Line 5: outcome “hung up” is not one of voicemail, no-message, connected, bad-number (or a common CRM spelling of them)",
  ]);
  // The preview shows the file as it is, under the field each column was read as.
  const preview = page.getByRole("table", { name: "Column mapping and the first 4 rows as in the file" });
  await expect(preview.getByRole("row")).toHaveCount(6);
  const [columns, readAs, ...rows] = await preview.getByRole("row").all();
  await expect(columns.getByRole("columnheader")).toHaveText(["Line", ...HEADER.split(",")]);
  await expect(readAs.getByRole("rowheader")).toHaveText("Read as");
  await expect(readAs.getByRole("cell")).toHaveText([
    "time",
    "rep_email",
    "prospect_name",
    "prospect_phone",
    "prospect_company",
    "outcome",
    "script",
    "message_seconds",
    "notes",
    "ignored",
  ]);
  await expect(rows[3].getByRole("cell").first()).toHaveText("5");
  await expect(rows[3]).toContainText("hung up");
  await expect(page.getByRole("button", { name: /^Import \d+ rows?$/ })).toHaveCount(0);
  await screenshots(page, testInfo, "import-rejected");

  // Nothing was written: the team still has no prospects.
  await owner.getByRole("link", { name: "Prospects", exact: true }).click();
  await expect(owner.getByRole("table", { name: "Prospects" })).toContainText("No prospects match.");

  // The fixed file is checked again, then imported.
  await upload(page, callLog(managerEmail, ownerEmail, "Answered"), "call-log-fixed.csv");
  await expect(page.getByRole("status").filter({ hasText: "Ready to import" })).toHaveText("Ready to import: 4 new rows, 0 already there. Ignored columns: CRM Id.");
  await expect(page.getByText("Nothing has been written yet.")).toBeVisible();
  await expect(page.getByText("call-log-fixed.csv · 1 KB")).toBeVisible();
  await screenshots(page, testInfo, "import-ready");
  await page.getByRole("button", { name: "Import 4 rows" }).click();
  const done = page.getByRole("status").filter({ hasText: "Imported" });
  await expect(done).toHaveText("Imported: 4 rows added, 0 already there. Ignored columns: CRM Id.");
  const counts = page.getByRole("definition");
  await expect(counts).toHaveText(["4", "4", "0", "3", "0"]);
  await screenshots(page, testInfo, "import-done");

  // The imported dials are the team's: Dana is one prospect (three spellings of her number),
  // owned by the rep of her first row, with two voicemails.
  await owner.reload();
  const prospects = owner.getByRole("table", { name: "Prospects" });
  await expect(prospects.getByRole("row")).toHaveCount(4);
  const dana = prospects.getByRole("row", { name: /Dana Whitfield/ });
  await expect(dana).toContainText("Harbor Freight");
  await expect(dana).toContainText("Mia Manager");
  await expect(dana.getByRole("cell").nth(5)).toHaveText("2");

  // The download is in the import format and reads back as rows already there.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download attempts" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^ringback-attempts-\d{4}-\d{2}-\d{2}\.csv$/);
  const exported = await fs.readFile((await download.path())!, "utf8");
  const lines = exported.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  // Every field quoted, so a `;` list separator cannot split one; phones bare (E.164 is no formula).
  expect(lines).toEqual([
    `"time","rep_email","prospect_name","prospect_phone","prospect_company","outcome","script","message_seconds","notes"`,
    `"2025-03-03T14:00:00.000Z","${managerEmail}","Dana Whitfield","+15165418160","Harbor Freight","voicemail","Number early","24","first try"`,
    `"2025-03-03T14:05:00.000Z","${ownerEmail}","Jordan Avery","+15165418161","","no-message","","",""`,
    `"2025-03-04T14:00:00.000Z","${managerEmail}","Dana Whitfield","+15165418160","Harbor Freight","voicemail","Number early","31","said ""call back"", maybe"`,
    `"2025-03-04T15:00:00.000Z","${ownerEmail}","Chris Lane","+15165418162","Lane & Co","connected","","",""`,
  ]);
  await upload(page, exported, "ringback-attempts.csv");
  await expect(page.getByRole("status").filter({ hasText: "Nothing new" })).toHaveText("Nothing new to import: all 4 rows are already there.");
  await expect(page.getByRole("button", { name: /^Import \d+ rows?$/ })).toHaveCount(0);
});
