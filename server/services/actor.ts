import type { Role } from "@/lib/vocabulary";

/** Who is acting, in which team, with which role: resolved by server/trpc.ts or the CLI, never sent by a client. */
export type Actor = { userId: string; teamId: string; role: Role };

export const isManager = (actor: Actor) => actor.role === "manager" || actor.role === "owner";
