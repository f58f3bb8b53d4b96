import { z } from "zod";
import { changeRoleInput, createTeamInput, inviteInput, removeMemberInput, teamSettingsInput } from "@/lib/inputs/teams";
import {
  acceptInvite,
  changeRole,
  createInvite,
  createOwnTeam,
  describeInvite,
  getTeam,
  listInvites,
  listMembers,
  listMyTeams,
  removeMember,
  revokeInvite,
  switchTeam,
  updateTeamSettings,
} from "@/server/services/teams";
import { listRoleChanges } from "@/server/services/role-changes";
import { authedProcedure, createTRPCRouter, managerProcedure, memberProcedure, ownerProcedure, publicProcedure } from "@/server/trpc";

const inviteId = z.object({ inviteId: z.string().min(10).max(64) });

export const teamsRouter = createTRPCRouter({
  mine: authedProcedure.query(({ ctx }) => listMyTeams(ctx.db, ctx.user.id)),
  create: authedProcedure.input(createTeamInput).mutation(({ ctx, input }) => createOwnTeam(ctx.db, ctx.user.id, input, ctx.sessionId)),
  switch: authedProcedure
    .input(z.object({ teamId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => switchTeam(ctx.db, ctx.user.id, ctx.sessionId ?? "", input.teamId)),
  current: memberProcedure.query(async ({ ctx }) => ({ ...await getTeam(ctx.db, ctx.actor.teamId), role: ctx.actor.role })),
  members: memberProcedure.query(({ ctx }) => listMembers(ctx.db, ctx.actor)),
  updateSettings: ownerProcedure.input(teamSettingsInput).mutation(({ ctx, input }) => updateTeamSettings(ctx.db, ctx.actor, input)),
  changeRole: managerProcedure.input(changeRoleInput).mutation(({ ctx, input }) => changeRole(ctx.db, ctx.actor, input)),
  roleChanges: managerProcedure.query(({ ctx }) => listRoleChanges(ctx.db, ctx.actor)),
  removeMember: managerProcedure.input(removeMemberInput).mutation(({ ctx, input }) => removeMember(ctx.db, ctx.actor, input.memberId)),
  invite: managerProcedure.input(inviteInput).mutation(({ ctx, input }) => createInvite(ctx.db, ctx.actor, input)),
  invites: managerProcedure.query(({ ctx }) => listInvites(ctx.db, ctx.actor)),
  revokeInvite: managerProcedure.input(inviteId).mutation(({ ctx, input }) => revokeInvite(ctx.db, ctx.actor, input.inviteId)),
  describeInvite: publicProcedure.input(inviteId).query(({ ctx, input }) => describeInvite(ctx.db, input.inviteId)),
  acceptInvite: authedProcedure
    .input(inviteId)
    .mutation(({ ctx, input }) =>
      acceptInvite(ctx.db, { userId: ctx.user.id, email: ctx.user.email, sessionId: ctx.sessionId }, input.inviteId),
    ),
});
