import { expect, newOwnerWithTeam, test } from "./fixtures";

// Issue 14, API keys: an owner makes a key on Team → Integrations, sees it once, uses it, revokes it.

test("an owner creates an API key, sees it once, and revokes it; the revoked key is refused", async ({ page }, testInfo) => {
  await newOwnerWithTeam(page, "Keyed Calling");
  await page.getByRole("link", { name: "Team", exact: true }).click();
  await page.getByRole("link", { name: "Integrations" }).click();
  await expect(page.getByRole("heading", { name: "Integrations" })).toBeVisible();
  await expect(page.getByRole("link", { name: /OpenAPI document/ })).toHaveAttribute("href", "/api/v1/openapi.json");

  await page.getByLabel("Key name").fill("Aircall sync");
  await page.getByLabel("Key role").selectOption("manager");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = page.getByLabel("New API key");
  await expect(secret).toHaveText(/^rbk_[A-Za-z0-9_-]{43}$/);
  const key = (await secret.textContent())!;
  const keys = page.getByRole("list", { name: "API keys" });
  await expect(keys.getByRole("listitem").filter({ hasText: "Aircall sync" })).toContainText(key.slice(0, 12));
  await expect(keys).not.toContainText(key.slice(12));
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`integrations-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  const board = () => page.request.get("/api/v1/leaderboard?by=rep", { headers: { authorization: `Bearer ${key}` } });
  expect((await board()).status()).toBe(200);

  // Shown once: after a reload the list has its prefix and its use, and the key itself is nowhere.
  await page.reload();
  await expect(keys).toBeVisible();
  await expect(keys).not.toContainText("last used never");
  await expect(page.getByLabel("New API key")).toHaveCount(0);
  await expect(page.getByText(key)).toHaveCount(0);

  await page.getByRole("button", { name: "Revoke key Aircall sync" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke the key Aircall sync?" });
  await expect(confirm).toContainText("refused from its next request on");
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeHidden();
  await expect(keys.getByRole("listitem").filter({ hasText: "Aircall sync" })).toContainText("Revoked");
  const refused = await board();
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toContain("Bearer");
});
