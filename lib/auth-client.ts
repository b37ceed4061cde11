"use client";
import { createAuthClient } from "better-auth/react";

/** better-auth's browser client, same origin: sign in, sign out, session. */
export const authClient = createAuthClient({ basePath: "/api/auth" });
