import { revalidatePath } from "next/cache";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { DomainError } from "@/lib/errors";

import { runAction, runRowAction } from "./action";

vi.mock("@/lib/server/auth/session", () => ({ sessionActor: vi.fn(async () => null) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const schema = z.object({ name: z.string().min(1, "Name it"), secret: z.string().optional() });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

describe("runAction", () => {
  it("passes the parsed form to the use case and answers ok with its result", async () => {
    const state = await runAction(form({ name: "x" }), schema, async (input) => ({ message: `hi ${input.name}` }));
    expect(state).toEqual({ ok: true, message: "hi x" });
  });

  it("answers a schema failure as a bad_request state with its fields, sending back only kept values", async () => {
    const state = await runAction(form({ name: "", secret: "pw" }), schema, async () => ({}), { keep: ["name"] });
    expect(state).toEqual({
      ok: false,
      error: { code: "bad_request", message: "name: Name it", fields: { name: "Name it" } },
      values: { name: "" },
    });
  });

  it("turns a DomainError into the state the form shows", async () => {
    const state = await runAction(form({ name: "x" }), schema, async () => {
      throw new DomainError("conflict", "Taken", { fields: { name: "Taken" } });
    });
    expect(state).toEqual({ ok: false, error: { code: "conflict", message: "Taken", fields: { name: "Taken" } } });
  });

  it("logs anything else with a request id and answers a generic message carrying it", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const state = await runAction(form({ name: "x" }), schema, async () => {
      throw new Error('relation "User" does not exist');
    });
    expect(state.ok).toBe(false);
    const message = state.ok === false ? state.error.message : "";
    expect(message).not.toContain("relation");
    const id = /request ([\w-]+)/.exec(message)?.[1];
    expect(id).toBeTruthy();
    expect(String(spy.mock.calls[0]?.[0])).toContain(id!);
    spy.mockRestore();
  });
});

describe("runRowAction", () => {
  it("runs the use case with the parsed form, then refreshes the page", async () => {
    const run = vi.fn(async () => undefined);
    await runRowAction(form({ name: "x" }), schema, run, "/settings/users");
    expect(run).toHaveBeenCalledWith({ name: "x" }, null);
    expect(revalidatePath).toHaveBeenCalledWith("/settings/users");
  });

  it("refuses a malformed form before the use case runs", async () => {
    const run = vi.fn(async () => undefined);
    await expect(runRowAction(form({ name: "" }), schema, run, "/settings/users")).rejects.toMatchObject({
      code: "bad_request",
    });
    expect(run).not.toHaveBeenCalled();
  });
});
