import { EXPORT_KINDS, exportRangeInput, type ExportKind } from "@/lib/inputs/imports";
import { DomainError } from "@/server/services/errors";
import { exportCsv } from "@/server/services/exports";
import { resolveMembership } from "@/server/services/teams";
import { createContext } from "@/server/trpc";

// CSV downloads of a team's attempts, callbacks and scripts, in the import format. Authenticated
// like tRPC: the session's user and their membership of the session's team (never a team from
// the query string), managers and owners only.
export const dynamic = "force-dynamic";

const text = (body: string, status: number) => new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  if (!(EXPORT_KINDS as readonly string[]).includes(kind)) return text("No such export.", 404);
  const ctx = await createContext({ headers: request.headers });
  if (!ctx.user) return text("Sign in first.", 401);
  const membership = resolveMembership(ctx.db, ctx.user.id, ctx.activeTeamId);
  if (!membership) return text("Create or join a team first.", 403);
  if (membership.role === "rep") return text("Managers only.", 403);

  const search = new URL(request.url).searchParams;
  const range = exportRangeInput.safeParse({ from: search.get("from") || undefined, to: search.get("to") || undefined });
  if (!range.success) return text("Use dates like 2025-03-31.", 400);
  try {
    const csv = exportCsv(ctx.db, { userId: ctx.user.id, teamId: membership.teamId, role: membership.role }, kind as ExportKind, range.data);
    const stamp = new Date().toISOString().slice(0, 10);
    // The BOM tells spreadsheet programs the file is UTF-8; `import` skips it.
    return new Response(`\uFEFF${csv}`, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="ringback-${kind}-${stamp}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return text(error.message, 400);
    throw error;
  }
}
