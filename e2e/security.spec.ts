import { expect, newOwnerWithTeam, test } from "./fixtures";

test("pages carry the security headers and run without CSP violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
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
