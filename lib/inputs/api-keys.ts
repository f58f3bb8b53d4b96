import { z } from "zod";
import { ROLES } from "@/lib/vocabulary";
import { id, shortText } from "./fields";

/** A key's role: at most its creator's, which the service checks (an owner may make an owner key). */
export const createApiKeyInput = z.object({
  name: shortText.pipe(z.string().min(1, "Name the key (what will use it).").max(80, "At most 80 characters.")),
  role: z.enum(ROLES),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export const revokeApiKeyInput = z.object({ id });
export type RevokeApiKeyInput = z.infer<typeof revokeApiKeyInput>;
