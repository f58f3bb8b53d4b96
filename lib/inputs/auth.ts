import { z } from "zod";
import { email, name, password } from "./fields";

export const signInInput = z.object({ email, password: z.string().min(1, "Enter your password.") });
export type SignInInput = z.infer<typeof signInInput>;

export const signUpInput = z.object({ name, email, password });
export type SignUpInput = z.infer<typeof signUpInput>;
