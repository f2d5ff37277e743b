-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "bodyWords" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "TimelineEvent" ADD COLUMN     "bodyWords" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "Report_bodyWords_idx" ON "Report" USING GIN ("bodyWords");

-- CreateIndex
CREATE INDEX "TimelineEvent_bodyWords_idx" ON "TimelineEvent" USING GIN ("bodyWords");

-- Report bodies are encrypted from now on: "search" keeps the title's words
-- (weight A) and the body's blind index (weight B: keyed hashes of its words,
-- written by the app), never the body's words themselves. Recomputing it here
-- also drops the plaintext lexemes earlier versions kept.
CREATE OR REPLACE FUNCTION "report_search_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" :=
    setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('simple', array_to_string(coalesce(NEW."bodyWords", '{}'), ' ')), 'B');
  RETURN NEW;
END
$$;

DROP TRIGGER "Report_search_update" ON "Report";
CREATE TRIGGER "Report_search_update" BEFORE INSERT OR UPDATE OF "title", "bodyWords" ON "Report"
  FOR EACH ROW EXECUTE FUNCTION "report_search_update"();

UPDATE "Report" SET "search" = setweight(to_tsvector('english', coalesce("title", '')), 'A');

-- An imported OSV record used to be kept whole in its timeline entry's "data";
-- it moves to the entry's body, which the start-up pass encrypts (an advisory
-- may still be embargoed). The API never showed it.
UPDATE "TimelineEvent" SET "body" = ("data" -> 'record')::text, "data" = "data" - 'record'
  WHERE "kind" IN ('osv_imported', 'osv_updated') AND jsonb_exists("data", 'record');
