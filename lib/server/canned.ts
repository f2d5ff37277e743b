import "server-only";

import type { Actor } from "./actor";
import { authorize } from "./actor";
import { db } from "./db";

// Canned responses for the composer (defaults come with the migrations; admins edit them).
export async function listCannedResponses(actor: Actor | null) {
  authorize(actor, "reports.read");
  return db().cannedResponse.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { slug: true, name: true, body: true, visibility: true } });
}
