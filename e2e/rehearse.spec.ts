import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { signal, wav } from "../tests/support/signals";
import { addSharedScript, callProcedure, expect, inviteByLink, newOwnerWithTeam, test } from "./fixtures";

// Rehearsing a script with a fake microphone: Chromium plays a WAV this test generates (2 s of
// room noise, 6.0 s of a speech-like signal, 2 s of room noise, then silence) as the microphone.
// The browser is launched here, with the fake-device flags, so the default project's are untouched.
const SAMPLE_RATE = 48_000;
const microphoneFile = path.resolve("test-results/fake-microphone.wav");
const SCRIPT = "Hi {prospect.firstName}, it's {rep.name}. I'll be quick: one idea for {prospect.company}. Call me at {rep.phone}.";

let browser: Browser;

test.beforeAll(async () => {
  fs.mkdirSync(path.dirname(microphoneFile), { recursive: true });
  const parts = [
    { kind: "silence", seconds: 2 },
    { kind: "speech", seconds: 6 },
    { kind: "silence", seconds: 2 },
  ] as const;
  fs.writeFileSync(microphoneFile, wav(signal([...parts], SAMPLE_RATE, -60), SAMPLE_RATE));
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--autoplay-policy=no-user-gesture-required",
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      // %noloop: the file plays once from when the microphone opens, then the fake device is silent.
      `--use-file-for-fake-audio-capture=${microphoneFile}%noloop`,
    ],
  });
});

test.afterAll(async () => {
  await browser?.close();
});

test("a rep records a take, hears it measured at 6 s, shares it; a manager hears it and leaves a note the rep reads next visit; another team gets 404", async ({ baseURL }) => {
  test.setTimeout(150_000);
  const owner = await (await browser.newContext({ baseURL })).newPage();
  await newOwnerWithTeam(owner, "Rehearsal Room");
  await addSharedScript(owner, "Quick opener", "first-touch", SCRIPT);
  const scriptUrl = owner.url();
  const rep = (await inviteByLink(browser, owner, "Tess Teammate", "rep")).page;
  await rep.goto(scriptUrl);

  await expect(rep.getByRole("status").filter({ hasText: "You: not recorded yet" })).toBeVisible();
  await rep.getByRole("button", { name: "Record a take" }).click();
  await expect(rep.getByRole("button", { name: "Stop" })).toBeVisible();
  // The whole file has played once the timer passes 10 s; the rest is silence to be trimmed.
  await expect(rep.getByRole("timer", { name: "Recording time" })).toHaveText("0:10", { timeout: 20_000 });
  await rep.getByRole("button", { name: "Stop" }).click();

  await expect(rep.getByRole("status").filter({ hasText: /^You: / })).toContainText("You: 6 s");
  const myTakes = rep.getByRole("list", { name: "Your takes" });
  await expect(myTakes.getByRole("listitem")).toHaveCount(1);
  await myTakes.getByRole("button", { name: /^Play your take/ }).click();
  await expect(myTakes.getByRole("button", { name: /^Pause your take/ })).toBeVisible();
  await myTakes.getByRole("button", { name: "Share with the team" }).click();
  await expect(myTakes.getByText("shared", { exact: true })).toBeVisible();

  const scriptId = Number(new URL(scriptUrl).pathname.split("/").at(-1));
  const panel = await rep.request.get(`/api/trpc/takes.forScript?input=${encodeURIComponent(JSON.stringify({ json: { scriptId } }))}`);
  const [take] = ((await panel.json()) as { result: { data: { json: { mine: { audioUrl: string; spokenMs: number; recordedMs: number; bytes: number }[] } } } }).result.data.json.mine;
  console.info(`rehearse e2e: the 6.0 s signal measured ${take.spokenMs} ms spoken of ${take.recordedMs} ms recorded, ${take.bytes} bytes (${Math.round((take.bytes / take.recordedMs) * 60)} KB a minute)`);
  const own = await rep.request.get(take.audioUrl);
  expect(own.status()).toBe(200);
  expect(own.headers()["cache-control"]).toBe("private, no-store");

  await owner.goto(scriptUrl);
  const shared = owner.getByRole("list", { name: "Shared takes" });
  await expect(shared.getByRole("listitem", { name: "Tess Teammate's take" })).toBeVisible();
  await shared.getByRole("button", { name: /^Play Tess Teammate's take/ }).click();
  await expect(shared.getByRole("button", { name: /^Pause Tess Teammate's take/ })).toBeVisible();
  await shared.getByLabel("Note for Tess Teammate").fill("Say the number slower.");
  await shared.getByRole("button", { name: "Save note" }).click();
  await expect(shared.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await owner.setViewportSize({ width: 375, height: 800 });
  await owner.getByRole("button", { name: "Record a take" }).scrollIntoViewIfNeeded();
  await owner.screenshot({ path: "test-results/rehearse-375.png" });

  await rep.reload();
  await expect(rep.getByRole("list", { name: "Your takes" }).getByText("Say the number slower.")).toBeVisible();
  await rep.screenshot({ path: "test-results/rehearse-1280.png", fullPage: true });

  // The team overview's read-time chart puts the shared take's length beside the estimate.
  await callProcedure(owner, "attempts.log", { prospect: { name: "Pat Prospect", phone: "212-555-0101" }, outcome: "voicemail", scriptId });
  await owner.setViewportSize({ width: 1280, height: 900 });
  await owner.goto("/leaderboard/team");
  const chart = owner.getByTestId("overview-read-time");
  await expect(chart).toHaveAttribute("data-state", "loaded");
  await chart.getByText("Show the numbers").click();
  const row = chart.getByRole("row", { name: /Quick opener/ });
  await expect(row).toContainText(`${Math.round((take.spokenMs / 1000) * 10) / 10} s`);
  await chart.screenshot({ path: "test-results/rehearse-read-time-1280.png" });

  const stranger = await (await browser.newContext({ baseURL })).newPage();
  await newOwnerWithTeam(stranger, "Other Outfit");
  const refused = await stranger.request.get(take.audioUrl);
  expect(refused.status()).toBe(404);
  expect(await refused.text()).not.toContain("Tess");
});

test("the Permissions-Policy allows the microphone on the app's own pages only", async ({ request }) => {
  const response = await request.get("/sign-in");
  expect(response.headers()["permissions-policy"]).toBe("camera=(), microphone=(self), geolocation=()");
});
