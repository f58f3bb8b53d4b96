import { EXPORT_KINDS, exportRangeInput, type ExportKind } from "@/lib/inputs/imports";
import { DomainError } from "@/server/services/errors";
import { exportCsv } from "@/server/services/exports";
import { csvResponse, memberOfRequest, textResponse } from "../../csv-download";

// CSV downloads of a team's attempts, callbacks and scripts, in the import format; managers and
// owners only.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  if (!(EXPORT_KINDS as readonly string[]).includes(kind)) return textResponse("No such export.", 404);
  const member = await memberOfRequest(request);
  if (member instanceof Response) return member;
  if (member.actor.role === "rep") return textResponse("Managers only.", 403);

  const search = new URL(request.url).searchParams;
  const range = exportRangeInput.safeParse({ from: search.get("from") || undefined, to: search.get("to") || undefined });
  if (!range.success) return textResponse("Use dates like 2025-03-31.", 400);
  try {
    const csv = await exportCsv(member.db, member.actor, kind as ExportKind, range.data);
    const stamp = new Date().toISOString().slice(0, 10);
    // The BOM tells spreadsheet programs the file is UTF-8; `import` skips it.
    return csvResponse(`\uFEFF${csv}`, `ringback-${kind}-${stamp}.csv`);
  } catch (error) {
    if (error instanceof DomainError) return textResponse(error.message, 400);
    throw error;
  }
}
