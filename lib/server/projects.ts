import "server-only";

import type { Actor } from "./actor";
import { authorize } from "./actor";
import { db } from "./db";

// Projects and their release lines (editing arrives with the versions work).
export async function listProjects(actor: Actor | null) {
  authorize(actor, "projects.read");
  return db().project.findMany({
    orderBy: { name: "asc" },
    include: {
      lines: { orderBy: [{ position: "asc" }, { name: "asc" }] },
      _count: { select: { reports: { where: { status: { notIn: ["DISCLOSED", "CLOSED"] } } } } },
    },
  });
}

/** Projects anyone may name on the public form (slug and name only). */
export async function listPublicProjects() {
  return db().project.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}
