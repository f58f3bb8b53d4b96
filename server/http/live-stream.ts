import { NO_STORE } from "@/server/request-guard";
import { liveWatcher } from "@/server/services/live-feed";

// The Server-Sent Events stream of one team's changes (app/api/live). Streams are long-lived:
// each holds a socket and a watcher listener, so they are capped per viewer and per process,
// and a heartbeat comment keeps proxies from closing a quiet one.

export const HEARTBEAT_MS = 20_000;
/** Tabs a viewer may keep live at once, in one server process. */
export const STREAMS_PER_VIEWER = 6;
export const STREAMS_PER_PROCESS = 500;

const openByViewer = new Map<string, number>();
let openInProcess = 0;

const refusal = (status: number, message: string) =>
  new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": NO_STORE, "retry-after": "30" } });

/** `viewer` names who holds the stream (a user, a display link) for the per-viewer cap. */
export async function liveStream(request: Request, teamId: string, viewer: string): Promise<Response> {
  if (openInProcess >= STREAMS_PER_PROCESS) return refusal(503, "Too many live boards are open on this server; try again shortly.");
  if ((openByViewer.get(viewer) ?? 0) >= STREAMS_PER_VIEWER) return refusal(429, `At most ${STREAMS_PER_VIEWER} live boards may be open at once; close a tab.`);
  openInProcess++;
  openByViewer.set(viewer, (openByViewer.get(viewer) ?? 0) + 1);

  const encoder = new TextEncoder();
  let close = () => {};
  // Subscribed before the response goes out: a client that has the headers sees every later write.
  let started: Promise<void> = Promise.resolve();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      started = open(controller);
      return started;
    },
    cancel() {
      close();
    },
  });
  async function open(controller: ReadableStreamDefaultController<Uint8Array>) {
    const send = (text: string) => {
      try {
        controller.enqueue(encoder.encode(text));
      } catch {
        close();
      }
    };
    let closed = false;
    const heartbeat = setInterval(() => send(": heartbeat\n\n"), HEARTBEAT_MS);
    let unsubscribe = () => {};
    close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe();
      openInProcess--;
      const left = (openByViewer.get(viewer) ?? 1) - 1;
      if (left > 0) openByViewer.set(viewer, left);
      else openByViewer.delete(viewer);
      try {
        controller.close();
      } catch {
        // Already closed by the client.
      }
    };
    request.signal.addEventListener("abort", close);
    try {
      unsubscribe = await (await liveWatcher()).subscribe(teamId, (change) => send(`event: change\ndata: ${JSON.stringify(change)}\n\n`));
    } catch (error) {
      close();
      throw error;
    }
    if (closed) unsubscribe();
    send("retry: 2000\nevent: ready\ndata: {}\n\n");
  }
  await started;
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: the compression in front of Next's pages would otherwise hold events back.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
