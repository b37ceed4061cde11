import { randomBytes } from "node:crypto";
import { v7 as uuidv7 } from "uuid";

/** Request, decision and other row ids: UUIDv7, so they sort by creation time. */
export const newId = (): string => uuidv7();

/** Single-use execution token handed to the agent with an approval. */
export const newExecutionToken = (): string => `cse_${randomBytes(24).toString("base64url")}`;
