import "server-only";

import { z } from "zod";

import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { audit, auditCreated } from "@/lib/server/infra/audit";
import { db } from "@/lib/server/infra/db";
import { parseInput } from "@/lib/server/infra/validate";

// Canned responses for the composer (defaults come with the migrations; admins edit them).
export async function listCannedResponses(actor: Actor | null) {
  authorize(actor, "reports.read");
  return db().cannedResponse.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { slug: true, name: true, body: true, visibility: true },
  });
}

const cannedInput = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, "Name it").max(80),
  body: z.string().trim().min(1, "Write the text").max(20_000),
  visibility: z.enum(["INTERNAL", "REPORTER"]),
});

function slugify(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "response"
  );
}

export async function listCannedForAdmin(actor: Actor | null) {
  authorize(actor, "settings.manage");
  return db().cannedResponse.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }] });
}

/** Creates a canned response, or updates the one with `id`. */
export async function saveCannedResponse(actor: Actor | null, raw: z.input<typeof cannedInput>) {
  authorize(actor, "settings.manage");
  const input = parseInput(cannedInput, raw);
  return db().$transaction(async (tx) => {
    if (input.id) {
      const before = await tx.cannedResponse.findUnique({ where: { id: input.id } });
      if (!before) throw new DomainError("not_found", "No such canned response.");
      const row = await tx.cannedResponse.update({
        where: { id: input.id },
        data: { name: input.name, body: input.body, visibility: input.visibility },
      });
      await audit(tx, actor, {
        action: "canned.update",
        entityType: "cannedResponse",
        entityId: row.id,
        before: { name: before.name, body: before.body },
        after: { name: row.name, body: row.body },
      });
      return row;
    }
    let slug = slugify(input.name);
    if (await tx.cannedResponse.findUnique({ where: { slug } })) slug = `${slug}-${Date.now().toString(36)}`;
    const position = ((await tx.cannedResponse.aggregate({ _max: { position: true } }))._max.position ?? 0) + 1;
    const row = await tx.cannedResponse.create({
      data: { slug, name: input.name, body: input.body, visibility: input.visibility, position },
    });
    return auditCreated(tx, actor, {
      action: "canned.create",
      entityType: "cannedResponse",
      row,
      after: { name: row.name },
    });
  });
}

export async function deleteCannedResponse(actor: Actor | null, id: string) {
  authorize(actor, "settings.manage");
  const parsed = parseInput(z.uuid(), id);
  await db().$transaction(async (tx) => {
    const row = await tx.cannedResponse.findUnique({ where: { id: parsed } });
    if (!row) throw new DomainError("not_found", "No such canned response.");
    await tx.cannedResponse.delete({ where: { id: parsed } });
    await audit(tx, actor, {
      action: "canned.delete",
      entityType: "cannedResponse",
      entityId: parsed,
      before: { name: row.name, body: row.body },
    });
  });
}
