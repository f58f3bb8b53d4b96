import crypto from "node:crypto";

/** Opaque ids for users, teams, members and invitations (same shape as better-auth's). */
export const newId = () => crypto.randomBytes(16).toString("base64url");
