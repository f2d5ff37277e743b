import { DomainError } from "@/lib/errors";
import { matrixQuery } from "@/lib/schemas/projects";
import { routes } from "@/lib/schemas/routes";
import { json, queryOf, withRole } from "@/lib/server/http/api";
import { parseInput } from "@/lib/server/infra/validate";
import { getMatrix } from "@/lib/server/matrix/matrix";

export const dynamic = "force-dynamic";

// GET /api/v1/matrix?project=<slug>[&status=][&severity=][&state=] — release lines × reports, each cell computed
export const GET = withRole(routes.getMatrix, async ({ req, actor }) => {
  const { project, ...filters } = parseInput(matrixQuery, queryOf(req));
  if (!project)
    throw new DomainError("bad_request", "Name the project: ?project=<slug>", {
      fields: { project: "Name the project: ?project=<slug>" },
    });
  return json(await getMatrix(actor, project, filters));
});
