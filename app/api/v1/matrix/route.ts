import { z } from "zod";

import { json, queryOf, withRole } from "@/lib/server/api";
import { getMatrix } from "@/lib/server/matrix";
import { parseInput } from "@/lib/server/validate";

export const dynamic = "force-dynamic";

// GET /api/v1/matrix?project=<slug> — release lines × open reports, each cell computed
export const GET = withRole("reports.read", async ({ req, actor }) => {
  const { project } = parseInput(z.object({ project: z.string({ message: "Name the project: ?project=<slug>" }).trim().min(1, "Name the project: ?project=<slug>") }), queryOf(req));
  return json(await getMatrix(actor, project));
});
