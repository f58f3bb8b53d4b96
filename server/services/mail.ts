import { asc, eq } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "@/db/client";
import { outbox } from "@/db/schema";
import { appBaseUrl } from "@/server/app-origin";

// Every mail the app sends (verification links, invites) goes through here: over SMTP when
// SMTP_URL names a server (smtp://user:pass@host:587, smtps://… for TLS), otherwise into the
// outbox table, where `ringback outbox`, the demo and the end-to-end tests read it. Nothing
// claims a mail was sent that was not.

export type Mail = { to: string; subject: string; text: string };

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) transports.set(url, (transport = nodemailer.createTransport(url)));
  return transport;
}

/** The app's public origin, for links in mail. */
export const appOrigin = () => new URL(appBaseUrl()).origin;

export const mailFrom = () => process.env.MAIL_FROM?.trim() || "Ringback <no-reply@ringback.invalid>";

/** Sends `mail` through SMTP_URL when set, else keeps it in the outbox; says which. */
export async function sendMail(db: Db, mail: Mail): Promise<"smtp" | "outbox"> {
  const to = mail.to.trim().toLowerCase();
  const url = process.env.SMTP_URL?.trim();
  if (url) {
    await transportFor(url).sendMail({ from: mailFrom(), to, subject: mail.subject, text: mail.text });
    return "smtp";
  }
  await db.insert(outbox).values({ to, subject: mail.subject, text: mail.text }).run();
  return "outbox";
}

/** The outbox, oldest first; only mail to `to` when given. */
export async function listOutbox(db: Db, to?: string) {
  const query = db.select().from(outbox).orderBy(asc(outbox.id));
  return (to ? query.where(eq(outbox.to, to.trim().toLowerCase())) : query).all();
}

/** The first http(s) link in a mail's text: what a reader of the outbox clicks. */
export function linkIn(text: string): string | null {
  return /https?:\/\/\S+/.exec(text)?.[0] ?? null;
}
