import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@/tests/support/fixtures";
import { startSmtpListener, type SmtpListener } from "@/tests/support/smtp-listener";
import { linkIn, listOutbox, sendMail } from "./mail";

// The SMTP path against a real SMTP listener (smtp-server), not a stub transport.
let smtp: SmtpListener;
let received: SmtpListener["mails"];
let port = 0;

beforeAll(async () => {
  smtp = await startSmtpListener();
  ({ port, mails: received } = smtp);
});

afterAll(() => smtp.close());
afterEach(() => {
  delete process.env.SMTP_URL;
  received.length = 0;
});

const mail = { to: "Ina@Example.test", subject: "Verify your e-mail address for Ringback", text: "Open this link:\n\nhttp://localhost:3000/api/auth/verify-email?token=abc&callbackURL=%2F\n" };

describe("sendMail", () => {
  it("keeps mail in the outbox when no SMTP server is configured", async () => {
    const db = await openTestDatabase();
    expect(await sendMail(db, mail)).toBe("outbox");
    const [kept] = await listOutbox(db, "ina@example.test");
    expect(kept).toMatchObject({ to: "ina@example.test", subject: mail.subject });
    expect(linkIn(kept.text)).toBe("http://localhost:3000/api/auth/verify-email?token=abc&callbackURL=%2F");
    expect(await listOutbox(db, "someone.else@example.test")).toEqual([]);
    expect(received).toEqual([]);
  });

  it("delivers over SMTP when SMTP_URL is set, and keeps nothing in the outbox", async () => {
    const db = await openTestDatabase();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    expect(await sendMail(db, mail)).toBe("smtp");
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(["ina@example.test"]);
    expect(received[0].from).toBe("no-reply@ringback.invalid");
    expect(received[0].data).toContain(`Subject: ${mail.subject}`);
    expect(received[0].data).toContain("verify-email?token=abc");
    expect(await listOutbox(db)).toEqual([]);
  });

  it("fails loudly when the SMTP server cannot be reached, instead of claiming it sent", async () => {
    const db = await openTestDatabase();
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    await expect(sendMail(db, mail)).rejects.toThrow();
    expect(await listOutbox(db)).toEqual([]);
  });
});
