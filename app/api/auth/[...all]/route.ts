import { getAuth } from "@/server/auth";

// Team management goes through Ringback's own procedures (one transaction each, role rules
// shared with the CLI), so the organization plugin's HTTP endpoints stay closed.
const closed = (req: Request) => new URL(req.url).pathname.startsWith("/api/auth/organization/");

async function handle(req: Request) {
  if (closed(req)) return Response.json({ message: "Not found" }, { status: 404 });
  return getAuth().handler(req);
}

export { handle as GET, handle as POST };
