import { expect, newOwnerWithTeam, PASSWORD, test } from "./fixtures";

test("pages carry the security headers, hydrate under a nonce-only script policy and run without CSP violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  const scriptSrc = headers["content-security-policy"].split("; ").find((d) => d.startsWith("script-src "));
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  // Only a hydrated form validates in the browser: unhydrated, the click would post the page.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-powered-by"]).toBeUndefined();

  await newOwnerWithTeam(page, "Header Check");
  for (const path of ["/today", "/scripts", "/leaderboard", "/team"]) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  }
  expect(violations).toEqual([]);
});

test("the session cookie is httpOnly and SameSite", async ({ page, context }) => {
  await newOwnerWithTeam(page, "Cookie Check");
  const session = (await context.cookies()).find((c) => c.name.endsWith("ringback.session_token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
});

test("repeated wrong passwords for one account are braked with a clear message", async ({ page }) => {
  const email = await newOwnerWithTeam(page, "Brake Check");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Password").fill(`wrong-password-${attempt}`);
    const answered = page.waitForResponse((r) => r.url().endsWith("/api/auth/sign-in/email"));
    await page.getByRole("button", { name: "Sign in" }).click();
    expect((await answered).status()).toBe(401);
    await expect(page.getByText("Invalid email or password")).toBeVisible();
  }
  // The sixth attempt waits a short delay (doubling with each further failure), not a lock:
  // once it has run, the right password gets in.
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many failed sign-ins for this account\. Try again in [1-5] seconds?\./)).toBeVisible();
  const signInButton = page.getByRole("button", { name: "Sign in" });
  await expect(async () => {
    if (await signInButton.isVisible()) await signInButton.click();
    await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
});

test("a next link that a browser reads as another host lands on the app after sign-in", async ({ page, baseURL }) => {
  const email = await newOwnerWithTeam(page, "Redirect Check");
  // Backslash and tab: both resolve to //evil.example in the browser; a prefix check let them through.
  for (const next of ["/\\evil.example", "/\t/evil.example"]) {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  }
});
