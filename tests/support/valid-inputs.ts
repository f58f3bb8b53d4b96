import type { OwnTeam } from "./trust";

// One valid input per procedure, for team B's owner on team B's own rows (tests/support/trust.ts):
// the role matrix sends them to callers who must be refused, and the hostile-input property
// corrupts them one field at a time, so the corruption reaches the rule behind each field.
// Keyed by procedure path; the tests that use it fail when a procedure has no entry.

const at = new Date("2025-03-05T15:00:00Z");

export const VALID_INPUTS: Record<string, (b: OwnTeam) => unknown> = {
  me: () => undefined,
  "teams.mine": () => undefined,
  "teams.create": () => ({ name: "Bravo Two", timezone: "America/Chicago" }),
  "teams.switch": (b) => ({ teamId: b.team.id }),
  "teams.current": () => undefined,
  "teams.members": () => undefined,
  "teams.updateSettings": () => ({ name: "Bravo Sales", timezone: "America/New_York", attributionWindowDays: 14, minSample: 5, wordsPerMinute: 160 }),
  "teams.invite": () => ({ email: "new.person@example.test", role: "rep" }),
  "teams.invites": () => undefined,
  "teams.roleChanges": () => undefined,
  "teams.revokeInvite": (b) => ({ inviteId: b.inviteId }),
  "teams.removeMember": (b) => ({ memberId: b.repMemberId }),
  "teams.changeRole": (b) => ({ memberId: b.repMemberId, role: "manager" }),
  "teams.describeInvite": (b) => ({ inviteId: b.inviteId }),
  "profile.get": () => undefined,
  "profile.update": () => ({ name: "Bravo Owner", phone: "(917) 555-0123", wordsPerMinute: 140 }),
  "firstRun.steps": () => undefined,
  "teams.acceptInvite": (b) => ({ inviteId: b.inviteId }),

  "attempts.log": (b) => ({ prospect: { id: b.prospectId }, outcome: "voicemail", scriptId: b.scriptId, messageSeconds: 30, notes: "Left the short one.", at }),
  "attempts.mine": () => ({ since: new Date("2025-01-01T00:00:00Z") }),
  "attempts.today": () => undefined,
  "attempts.update": (b) => ({ id: b.attemptId, outcome: "voicemail", scriptId: b.scriptId, messageSeconds: 20, notes: "Edited.", at }),
  "attempts.remove": (b) => ({ id: b.attemptId }),
  "attempts.restore": (b) => ({ id: b.attemptId }),

  "callbacks.log": () => ({ prospect: { name: "Bea Bravoprospect", phone: "646-555-0199", company: "Bravo Co" }, result: "interested", notes: "Wants a demo.", at }),
  "callbacks.preview": (b) => ({ prospectId: b.prospectId, at }),
  "callbacks.update": (b) => ({ id: b.callbackId, result: "appointment", notes: "Booked.", at }),
  "callbacks.remove": (b) => ({ id: b.callbackId }),
  "callbacks.restore": (b) => ({ id: b.callbackId }),

  "prospects.search": () => ({ query: "Bea" }),
  "prospects.list": (b) => ({ query: "Bea", ownerId: b.team.owner.user.id, status: "open", awaitingCallback: false, minUnreturned: 0, limit: 10 }),
  "prospects.get": (b) => ({ id: b.prospectId }),
  "prospects.update": (b) => ({ id: b.prospectId, name: "Bea B. Bravoprospect", company: "Bravo Co", status: "engaged", ownerId: b.team.owner.user.id }),
  "prospects.merge": (b) => ({ keepId: b.prospectId, duplicateId: b.duplicateProspectId }),
  "prospects.undoMerge": (b) => ({ mergeId: b.mergeId }),
  "prospects.merges": () => undefined,
  "prospects.awaitingCallback": () => undefined,
  "prospects.dialContext": (b) => ({ prospectId: b.prospectId }),

  "scripts.pickable": () => undefined,
  "scripts.options": () => undefined,
  "scripts.library": (b) => ({ q: "Bravo", stage: "first-touch", tags: ["bravo"], authorId: b.team.owner.user.id, view: "all", teamPicks: false, sort: "ranked" }),
  "scripts.facets": () => undefined,
  "scripts.get": (b) => ({ id: b.scriptId }),
  "scripts.compare": (b) => ({ id: b.scriptId, otherId: b.otherScriptId }),
  "scripts.preview": () => ({ body: "Hi {prospect.firstName}, it's {rep.name} at {rep.phone}." }),
  "scripts.create": () => ({ title: "Humour first", stage: "follow-up", tags: ["humour"], body: "Hi {prospect.name}, {rep.name} again.", shared: true }),
  "scripts.update": (b) => ({ id: b.scriptId, title: "Bravo Opener", stage: "first-touch", tags: ["bravo"], body: "Hello again {prospect.name}." }),
  "scripts.setShared": (b) => ({ id: b.draftId, shared: true }),
  "scripts.fork": (b) => ({ versionId: b.versionId, title: "Bravo fork" }),
  "scripts.deleteDraft": (b) => ({ id: b.draftId }),
  "scripts.restoreDraft": (b) => ({ id: b.draftId }),
  "scripts.setArchived": (b) => ({ id: b.otherScriptId, archived: true }),
  "scripts.setTeamPick": (b) => ({ id: b.scriptId, teamPick: true }),

  "leaderboard.get": (b) => ({ by: "script", range: "custom", from: "2025-03-01", to: "2025-03-31", scriptId: b.scriptId, stage: "first-touch", tag: "bravo", attempt: "1" }),
  "leaderboard.filters": () => undefined,
  "leaderboard.overview": () => ({ range: "90d" }),
  "leaderboard.rep": (b) => ({ repId: b.rep.user.id, range: "all" }),

  "imports.calls": (b) => ({
    csv: "id,user_id,duration,disposition,status,direction,date_created,remote_phone,local_phone,updated_by_name,contact_name\r\nacti_b1,u1,20,custom-vm,completed,outbound,2025-03-06T10:00:00+00:00,+16465550199,+16465550100,Unknown Caller,Bravo Prospect\r\n",
    source: "close",
    reps: [{ external: "Unknown Caller", email: b.rep.user.email }],
    outcomes: [{ value: "custom-vm", outcome: "voicemail" }],
    dryRun: false,
  }),
  "takes.forScript": (b) => ({ scriptId: b.scriptId }),
  "takes.remove": (b) => ({ id: b.takeId }),
  "takes.setShared": (b) => ({ id: b.takeId, shared: false }),
  "takes.setReference": (b) => ({ id: b.takeId, reference: true }),
  "takes.comment": (b) => ({ id: b.takeId, comment: "Leave the number earlier." }),
  "takes.useMeasuredRate": () => ({ use: false }),
  "live.callbackCursor": () => undefined,
  "live.creditedToMe": () => ({ afterId: 0 }),
  "displayLinks.list": () => undefined,
  "displayLinks.create": () => ({ name: "Floor screen" }),
  "displayLinks.revoke": (b) => ({ id: b.displayLinkId }),

  "imports.run": () => ({ kind: "callbacks", csv: "time,prospect_phone,result,notes\r\n2025-03-06T10:00:00Z,6465550199,interested,Imported.\r\n", createMissing: false, dryRun: false }),

  "integrations.list": () => undefined,
  "integrations.create": () => ({ provider: "twilio", name: "Bravo Twilio", secret: "bravo-twilio-auth-token" }),
  "integrations.replaceSecret": (b) => ({ id: b.integrationId, secret: "bravo-aircall-token-2" }),
  "integrations.revoke": (b) => ({ id: b.integrationId }),

  "experiments.list": () => undefined,
  "experiments.get": (b) => ({ id: b.experimentId }),
  "experiments.plan": () => ({ fromVoicemail: 1, toVoicemail: 1, arms: 2, minDifferencePoints: 10 }),
  "experiments.start": (b) => ({ name: "Bravo Second Test", scriptIds: [b.scriptId, b.secondScriptId], fromVoicemail: 2, toVoicemail: 3, repIds: [b.rep.user.id], minDifferencePoints: 10 }),
  "experiments.end": (b) => ({ id: b.experimentId }),

  "apiKeys.list": () => undefined,
  "apiKeys.create": () => ({ name: "Bravo CRM sync", role: "rep" }),
  "apiKeys.revoke": (b) => ({ id: b.apiKeyId }),
};
