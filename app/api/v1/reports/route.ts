import { multipartLimit } from "@/lib/domain/attachments";
import { env } from "@/lib/env";
import { routes } from "@/lib/schemas/routes";
import { isMultipart, json, queryOf, readForm, readJson, textFields, withRole } from "@/lib/server/http/api";
import { enforceRateLimit, clientAddress } from "@/lib/server/infra/rate-limit";
import { uploadsFromForm } from "@/lib/server/reports/attachments";
import { submitReport } from "@/lib/server/reports/intake";
import { listReports } from "@/lib/server/reports/list";

export const dynamic = "force-dynamic";

/** Intake bodies: a 256 KB description plus the other fields and JSON escaping. */
const MAX_INTAKE_BYTES = 320 * 1024;

// GET /api/v1/reports — the team's list with filters and cursor paging
export const GET = withRole(routes.listReports, async ({ req, actor }) =>
  json(await listReports(actor!, queryOf(req))),
);

// POST /api/v1/reports — public intake, rate limited per client address: JSON, or multipart/form-data with the
// same fields and `files` (at most 10, each at most ATTACHMENT_MAX_BYTES; more is a 413 and nothing is saved)
export const POST = withRole(routes.submitReport, async ({ req }) => {
  await enforceRateLimit("intake", clientAddress(req));
  let input: unknown;
  let files;
  if (isMultipart(req)) {
    const form = await readForm(req, multipartLimit(env().ATTACHMENT_MAX_BYTES));
    files = await uploadsFromForm(form);
    input = textFields(form);
  } else {
    input = await readJson(req, MAX_INTAKE_BYTES);
  }
  const { key, statusUrl } = await submitReport(input, { source: "API", files });
  return json({ key, statusUrl }, { status: 201, headers: { Location: `/api/v1/reports/${key}` } });
});
