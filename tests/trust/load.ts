import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/routers/_app";
import { TRUST_PASSWORD } from "./team";
import { cookieHeader } from "@/tests/support/fixtures";

/** Signs in over HTTP like a browser and returns the session cookie header. */
export async function signInCookie(baseUrl: string, email: string) {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password: TRUST_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in for ${email} failed: ${response.status} ${await response.text()}`);
  return cookieHeader(response);
}

/** Signs in over HTTP like a browser and returns a typed client carrying the session cookie. */
export async function signedInClient(baseUrl: string, email: string) {
  const cookie = await signInCookie(baseUrl, email);
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/api/trpc`, transformer: superjson, headers: { cookie, origin: baseUrl } })],
  });
}

export type Acknowledged = { attempts: number[]; callbacks: number[]; failures: string[] };

type Client = Awaited<ReturnType<typeof signedInClient>>;

/** Dial `i` of a rep's session: one of their 40 prospects, 60% voicemails, a minute apart. */
function logDial(client: Client, rep: number, phone: (p: number) => string, scriptId: number, started: number, i: number) {
  const prospect = i % 40;
  const voicemail = i % 5 < 3;
  return client.attempts.log.mutate({
    prospect: { name: `Prospect ${rep}-${prospect}`, phone: phone(prospect) },
    outcome: voicemail ? "voicemail" : "no-message",
    scriptId: voicemail ? scriptId : undefined,
    // Distinct instants per rep and dial, so no two acknowledged dials share a natural key.
    at: new Date(started + i * 60_000 + rep),
  });
}

/**
 * One rep's session: `attempts` dials over a pool of their own prospects (60% voicemails), then
 * `callbacks` callbacks from those prospects. Records exactly what the server acknowledged.
 */
export async function repSession(
  client: Client,
  rep: number,
  scriptId: number,
  counts: { attempts: number; callbacks: number },
  acknowledged: Acknowledged,
) {
  const phone = (p: number) => `+1516555${String(rep).padStart(2, "0")}${String(p).padStart(2, "0")}`;
  const started = Date.now() - 10 * 86_400_000;
  for (let i = 0; i < counts.attempts; i++) {
    try {
      const result = await logDial(client, rep, phone, scriptId, started, i);
      acknowledged.attempts.push(result.id);
    } catch (error) {
      acknowledged.failures.push(String(error));
    }
  }
  for (let i = 0; i < counts.callbacks; i++) {
    try {
      const result = await client.callbacks.log.mutate({
        prospect: { name: `Prospect ${rep}-${i % 40}`, phone: phone(i % 40) },
        result: i % 4 === 0 ? "appointment" : "interested",
        at: new Date(started + counts.attempts * 60_000 + i * 60_000 + rep),
      });
      acknowledged.callbacks.push(result.id);
    } catch (error) {
      acknowledged.failures.push(String(error));
    }
  }
}

/**
 * Like `repSession`, but a callback follows every fifth dial, so dials and callbacks are both
 * being written at any moment of the run (a snapshot taken mid-run catches both mid-stream).
 */
export async function mixedSession(
  client: Client,
  rep: number,
  scriptId: number,
  dials: number,
  acknowledged: Acknowledged,
) {
  const phone = (p: number) => `+1516556${String(rep).padStart(2, "0")}${String(p).padStart(2, "0")}`;
  const started = Date.now() - 10 * 86_400_000;
  for (let i = 0; i < dials; i++) {
    try {
      const result = await logDial(client, rep, phone, scriptId, started, i);
      acknowledged.attempts.push(result.id);
      if (i % 5 === 4) {
        // The prospect of two dials ago (a voicemail) calls back half a minute after this dial.
        const callback = await client.callbacks.log.mutate({
          prospect: { name: `Prospect ${rep}-${(i - 2) % 40}`, phone: phone((i - 2) % 40) },
          result: i % 20 === 4 ? "appointment" : "interested",
          at: new Date(started + i * 60_000 + 30_000 + rep),
        });
        acknowledged.callbacks.push(callback.id);
      }
    } catch (error) {
      acknowledged.failures.push(String(error));
    }
  }
}
