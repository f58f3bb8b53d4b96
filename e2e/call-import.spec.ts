import fs from "node:fs/promises";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { expect, newOwnerWithTeam, test } from "./fixtures";

// Another tool's call export on the import page (History issue, "The web import"): an Aircall
// dashboard export as it is (e2e/call-exports, the 41 columns of server/domain/call-sources'
// fixture), a column mapping override, a member picked for each unresolved rep, the dry run's
// counts, the import; the next Aircall file then reads with the remembered choices in one click.

const exportFile = (name: string) => fs.readFile(path.join(__dirname, "call-exports", name));

async function upload(page: Page, name: string) {
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: await exportFile(name) });
}

async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: testInfo.outputPath(`${name}-375.png`), fullPage: true });
  await page.setViewportSize(desktop);
}

const CALLS = "Calls from another tool (HubSpot, Aircall, …)";

test("a manager imports an Aircall export with a column override and a picked rep, and the next export imports in one click", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const ownerEmail = await newOwnerWithTeam(page, "Call History");
  await page.getByRole("link", { name: "Team", exact: true }).click();
  await page.getByRole("link", { name: "Import and export" }).click();
  await page.getByLabel("What the file holds").selectOption({ label: CALLS });

  await upload(page, "aircall-march.csv");
  const source = page.getByLabel("Source");
  await expect(source).toHaveValue("auto");
  await expect(source).toContainText("Recognised from the header: Aircall");
  // Nobody on the team is "Maya Lopez", and the unassigned call came from a line no member owns.
  await expect(page.getByRole("status").filter({ hasText: "Not ready" })).toHaveText(
    "Not ready: 2 reps of the file are nobody on the team yet — pick a member for each below.",
  );
  const reps = page.getByRole("table", { name: "Reps" });
  await expect(reps.getByRole("row", { name: /Maya Lopez/ })).toContainText("unresolved");
  const outcomes = page.getByRole("table", { name: "Outcome values" });
  await expect(outcomes.getByRole("row")).toHaveCount(3);
  await expect(page.getByLabel("Outcome for No")).toHaveValue("no-message");
  await expect(page.getByLabel("Outcome for Yes")).toHaveValue("connected");
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeDisabled();

  // Aircall's export names the customer in `customer name`, which the source does not read by default.
  const prospectName = page.getByLabel("Prospect's name", { exact: true });
  await expect(prospectName).toHaveValue("");
  await prospectName.selectOption("customer name");
  await page.getByLabel("Member for Maya Lopez").selectOption(ownerEmail);
  await page.getByLabel("Member for +15165550101").selectOption(ownerEmail);
  await expect(page.getByRole("status").filter({ hasText: "check again" })).toHaveText("Your choices changed: check again to see what the file imports with them.");
  await page.getByRole("button", { name: "Check again with these choices" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Ready to import" })).toHaveText("Ready to import: 3 dials and 1 callback, 0 already imported.");
  const counts = page.getByRole("definition");
  // Rows, voicemails, no message, connected, bad number, callbacks, already imported, skipped, new prospects, new scripts.
  await expect(counts).toHaveText(["5", "0", "2", "1", "0", "1", "0", "1", "3", "0"]);
  await expect(page.getByRole("list", { name: "Skipped rows" }).getByRole("listitem")).toHaveText(["1 row: an inbound call from a number that is no prospect's (line 6)"]);
  await expect(reps.getByRole("row", { name: /Maya Lopez/ })).toContainText("chosen");
  const preview = page.getByRole("table", { name: /^Column mapping and the first 5 rows/ });
  const [columns, readAs] = await preview.getByRole("row").all();
  const header = await columns.getByRole("columnheader").allTextContents();
  await expect(readAs.getByRole("cell").nth(header.indexOf("customer name") - 1)).toHaveText("contactName");
  await screenshots(page, testInfo, "call-import-ready");

  await page.getByRole("button", { name: "Import 4 calls" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toHaveText("Imported from Aircall: 3 dials and 1 callback added, 0 already imported.");
  await screenshots(page, testInfo, "call-import-done");

  // The prospects are named from the column the manager chose.
  await page.getByRole("link", { name: "Prospects", exact: true }).click();
  const prospects = page.getByRole("table", { name: "Prospects" });
  await expect(prospects.getByRole("row", { name: /Dana Whitfield/ })).toBeVisible();
  await expect(prospects.getByRole("row", { name: /Jordan Avery/ })).toBeVisible();

  // April's export from the same tool: the reps and the column are read as confirmed in March.
  await page.goto("/team/import");
  await page.getByLabel("What the file holds").selectOption({ label: CALLS });
  await upload(page, "aircall-april.csv");
  await expect(page.getByRole("status").filter({ hasText: "Ready to import" })).toHaveText("Ready to import: 2 dials and 1 callback, 0 already imported.");
  await expect(reps.getByRole("row", { name: /Maya Lopez/ })).toContainText("remembered");
  await expect(page.getByLabel("Member for Maya Lopez")).toHaveValue(ownerEmail);
  await expect(page.getByLabel("Member for +15165550101")).toHaveValue(ownerEmail);
  await expect(page.getByLabel("Prospect's name", { exact: true })).toHaveValue("customer name");
  await screenshots(page, testInfo, "call-import-remembered");
  await page.getByRole("button", { name: "Import 3 calls" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toHaveText("Imported from Aircall: 2 dials and 1 callback added, 0 already imported.");

  await page.getByRole("link", { name: "Prospects", exact: true }).click();
  await expect(prospects.getByRole("row", { name: /Pat Rivera/ })).toBeVisible();
});

test("an outcome value HubSpot's table does not know keeps the import button off until the manager maps it", async ({ page }, testInfo) => {
  const ownerEmail = await newOwnerWithTeam(page, "Custom Outcomes");
  await page.goto("/team/import");
  await page.getByLabel("What the file holds").selectOption({ label: CALLS });
  await upload(page, "hubspot-custom-outcome.csv");

  await expect(page.getByRole("alert").filter({ hasText: "Rejected" })).toContainText("Rejected: 1 bad row in 6 rows. Nothing was imported — map the values below");
  await expect(page.getByRole("list", { name: "Bad rows" }).getByRole("listitem")).toHaveText([
    "Line 5: outcome “0c6f9d2e-custom-guid” (column hs_call_disposition) is not in HubSpot's table; map it to one of voicemail, no-message, connected, bad-number",
  ]);
  const custom = page.getByLabel("Outcome for 0c6f9d2e-custom-guid");
  await expect(custom).toHaveValue("");
  await expect(page.getByRole("table", { name: "Outcome values" }).getByRole("row", { name: /0c6f9d2e-custom-guid/ })).toContainText("unknown");
  await expect(page.getByRole("button", { name: "Import", exact: true })).toBeDisabled();
  await screenshots(page, testInfo, "call-import-unknown-outcome");

  // HubSpot names reps by owner id: both need a member, and the custom value an outcome, before checking again.
  await page.getByLabel("Member for 4101").selectOption(ownerEmail);
  await page.getByLabel("Member for 4102").selectOption(ownerEmail);
  await expect(page.getByRole("status").filter({ hasText: "Pick" })).toHaveText("Pick 1 outcome more, then check again.");
  await expect(page.getByRole("button", { name: "Check again with these choices" })).toBeDisabled();
  await custom.selectOption("skip");
  await page.getByRole("button", { name: "Check again with these choices" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Ready to import" })).toHaveText("Ready to import: 3 dials and 1 callback, 0 already imported.");
  await expect(page.getByRole("list", { name: "Skipped rows" }).getByRole("listitem")).toHaveText([
    "1 row: outcome “0c6f9d2e-custom-guid” is mapped to skip (line 5)",
    "1 row: not a completed call (hs_call_status): FAILED (line 6)",
  ]);
  await expect(page.getByRole("definition")).toHaveText(["6", "1", "1", "1", "0", "1", "0", "2", "3", "1"]);
  await page.getByRole("button", { name: "Import 4 calls" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported" })).toHaveText("Imported from HubSpot: 3 dials and 1 callback added, 0 already imported.");
});
