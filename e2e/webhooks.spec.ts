import { createHmac } from "node:crypto";
import type { Page, TestInfo } from "@playwright/test";
import { expect, newOwnerWithTeam, test } from "./fixtures";

// Live issue, "Telephony webhooks": a manager connects Twilio on Team → Integrations, pastes the
// URL shown into Twilio (here: posts to it as Twilio would, signed with the pasted auth token),
// and the call is a dial of the member whose phone made it.

const AUTH_TOKEN = "e2e-twilio-auth-token-0123456789";

async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: testInfo.outputPath(`${name}-375.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Twilio's signature: base64 HMAC-SHA1 of the URL and the sorted name+value pairs. */
const twilioSignature = (url: string, params: Record<string, string>) =>
  createHmac("sha1", AUTH_TOKEN)
    .update(url + Object.keys(params).sort().map((k) => k + params[k]).join(""))
    .digest("base64");

test("a manager connects Twilio, a signed status callback becomes the member's dial, and a revoked URL answers 404", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await newOwnerWithTeam(page, "Webhook Calling");
  await page.goto("/profile");
  await page.getByLabel("Your phone number").fill("516.541.8160");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Profile saved." })).toBeVisible();

  await page.getByRole("link", { name: "Team", exact: true }).click();
  await page.getByRole("link", { name: "Integrations" }).click();
  await expect(page.getByRole("heading", { name: "Integrations" })).toBeVisible();
  const panel = page.getByRole("region", { name: "Telephony webhooks" });
  await expect(panel.getByText("No webhooks yet.")).toBeVisible();

  await panel.getByLabel("Name", { exact: true }).fill("Twilio US numbers");
  await panel.getByLabel("Auth token", { exact: true }).fill(AUTH_TOKEN);
  await panel.getByRole("button", { name: "Connect Twilio" }).click();
  const urlField = panel.getByRole("textbox", { name: "URL to paste into Twilio" });
  await expect(urlField).toHaveValue(/\/api\/v1\/webhooks\/twilio\/[A-Za-z0-9_-]{22}$/);
  const url = await urlField.inputValue();
  await expect(panel.getByRole("listitem", { name: "Twilio: Twilio US numbers" })).toContainText("no calls yet");

  // The generic webhook's secret is generated and shown once.
  await panel.getByLabel("Provider").selectOption("ringback");
  await expect(panel.getByLabel("Auth token", { exact: true })).toHaveCount(0);
  await panel.getByLabel("Name", { exact: true }).fill("Our dialer");
  await panel.getByRole("button", { name: "Connect Signed webhook" }).click();
  await expect(panel.getByRole("textbox", { name: "Signing secret (shown once)" })).toHaveValue(/^rbk_whsec_/);
  await screenshots(page, testInfo, "integrations-connected");

  // Twilio posts its status callback for a voicemail the owner's phone left.
  const params = {
    AccountSid: "AC0000000000000000000000000000000a",
    CallSid: "CAe2e0001",
    CallStatus: "completed",
    CallDuration: "24",
    Direction: "outbound-api",
    From: "+15165418160",
    To: "+15165550177",
    AnsweredBy: "machine_end_beep",
    Timestamp: new Date().toUTCString(),
  };
  const post = () => page.request.post(url, { form: params, headers: { "x-twilio-signature": twilioSignature(url, params) } });
  const answer = await post();
  expect(answer.status()).toBe(200);
  expect(await answer.json()).toMatchObject({ result: "dial", outcome: "voicemail", voicemail_number: 1 });
  const forged = await page.request.post(url, { form: { ...params, CallSid: "CAe2e0002" }, headers: { "x-twilio-signature": twilioSignature(url, params) } });
  expect(forged.status()).toBe(401);

  await page.reload();
  const row = panel.getByRole("listitem", { name: "Twilio: Twilio US numbers" });
  await expect(row).toContainText("last call");
  await expect(panel.getByRole("textbox", { name: "Signing secret (shown once)" })).toHaveCount(0);
  await screenshots(page, testInfo, "integrations-list");

  await row.getByRole("button", { name: "Revoke Twilio US numbers" }).click();
  await expect(row.getByText("Revoked")).toBeVisible();
  expect((await post()).status()).toBe(404);
});
