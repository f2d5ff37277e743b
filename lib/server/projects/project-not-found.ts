import "server-only";

import { DomainError } from "@/lib/errors";

/** The 404 for a project slug nobody has created. */
export function projectNotFound(slug: string): DomainError {
  return new DomainError("not_found", `No project "${slug}".`);
}
