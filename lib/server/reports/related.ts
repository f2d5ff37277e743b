import "server-only";

import type { Status } from "@/lib/domain/workflow";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/infra/db";

// "Possibly related": other reports ranked by PostgreSQL full-text search.
// Report.search holds the title (weight A) and body (weight B) as a
// tsvector, kept by a trigger and GIN-indexed (migration report_search).
// The query is the report's own most telling lexemes, title words first,
// then the body's most frequent ones, joined with OR; ts_rank orders the
// matches. The same SQL runs on PGlite and on PostgreSQL.

export const RELATED_LIMIT = 5;

/** Lexemes a query takes from the report: enough to find its neighbours, few enough to stay fast. */
const QUERY_TERMS = 24;

export type RelatedReport = { key: string; title: string; status: Status };

/** Up to five other reports (not its duplicate links) whose title and body share the most telling words with this one's. */
export async function relatedReports(actor: Actor | null, key: string): Promise<RelatedReport[]> {
  authorize(actor, "reports.read");
  // lexemes holding a quote or a backslash are skipped rather than escaped: they never matter for ranking
  return db().$queryRaw<RelatedReport[]>`
    WITH me AS (SELECT "id", "search", "duplicateOfId" FROM "Report" WHERE "key" = ${key}),
    terms AS (
      SELECT to_tsquery('simple', string_agg('''' || t.lexeme || '''', ' | ')) AS q
      FROM (
        SELECT u.lexeme
        FROM me, unnest(me."search") AS u
        WHERE position('''' IN u.lexeme) = 0 AND position(chr(92) IN u.lexeme) = 0 AND length(u.lexeme) > 2
        ORDER BY ('A' = ANY(u.weights)) DESC, cardinality(u.positions) DESC, u.lexeme
        LIMIT ${QUERY_TERMS}
      ) AS t
    )
    SELECT r."key", r."title", r."status"::text AS "status"
    FROM "Report" AS r, me, terms
    WHERE terms.q IS NOT NULL AND r."search" @@ terms.q
      AND r."id" <> me."id"
      -- the duplicate links are listed on their own
      AND r."id" IS DISTINCT FROM me."duplicateOfId" AND r."duplicateOfId" IS DISTINCT FROM me."id"
    ORDER BY ts_rank(r."search", terms.q) DESC, r."receivedAt" DESC
    LIMIT ${RELATED_LIMIT}`;
}
