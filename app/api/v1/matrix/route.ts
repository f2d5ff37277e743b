import { DomainError } from "@/lib/errors";
import { json, queryOf, withRole } from "@/lib/server/api";
import { getMatrix } from "@/lib/server/matrix";
import { matrixQuery } from "@/lib/server/projects.schema";
import { parseInput } from "@/lib/server/validate";

export const dynamic = "force-dynamic";

// GET /api/v1/matrix?project=<slug>[&status=][&severity=][&state=] — release lines × reports, each cell computed
export const GET = withRole("reports.read", async ({ req, actor }) => {
  const { project, ...filters } = parseInput(matrixQuery, queryOf(req));
  if (!project)
    throw new DomainError("bad_request", "Name the project: ?project=<slug>", {
      fields: { project: "Name the project: ?project=<slug>" },
    });
  return json(await getMatrix(actor, project, filters));
});
