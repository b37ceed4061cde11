import { describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonSchema, zodSchema } from "ai";
import { jsonSchemaOf, validatorOf } from "./schema";

const objectSchema = () => jsonSchema<{ repo: string }>({ type: "object", properties: { repo: { type: "string", minLength: 1 } }, required: ["repo"] });

describe("reading a tool's input schema by shape", () => {
  it.each([
    ["a zod 4 schema", z.object({ repo: z.string().min(1) })],
    ["the AI SDK's zodSchema()", zodSchema(z.object({ repo: z.string().min(1) }))],
    ["the AI SDK's jsonSchema()", objectSchema()],
  ])("derives draft-07 JSON Schema without $schema from %s", async (_label, schema) => {
    const json = await jsonSchemaOf(schema);
    expect(json).toMatchObject({ type: "object", properties: { repo: { type: "string", minLength: 1 } }, required: ["repo"] });
    expect(json).not.toHaveProperty("$schema");
  });

  it("gives up quietly on something that is not a schema", async () => {
    expect(await jsonSchemaOf(undefined)).toBeUndefined();
    expect(await jsonSchemaOf({ foo: 1 })).toBeUndefined();
  });

  it("validates final arguments with a Standard Schema, parsing them", async () => {
    const validate = validatorOf(z.object({ repo: z.string().min(1), force: z.boolean().default(false) }));
    expect(await validate({ repo: "a" }, "t")).toEqual({ repo: "a", force: false });
    await expect(validate({ repo: "" }, "github.delete_repository")).rejects.toThrow(/github.delete_repository with arguments its input schema rejects \(repo: /);
  });

  it("validates with the AI SDK's own schema objects, and passes through what cannot validate", async () => {
    const validate = validatorOf(zodSchema(z.object({ repo: z.string() })));
    await expect(validate({ repo: 1 }, "t")).rejects.toThrow(/input schema rejects/);
    expect(await validatorOf(objectSchema())({ repo: 5 }, "t")).toEqual({ repo: 5 });
  });
});
