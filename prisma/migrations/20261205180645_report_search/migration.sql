-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "search" tsvector;

-- CreateIndex
CREATE INDEX "Report_search_idx" ON "Report" USING GIN ("search");

-- Keep "search" in step with the title and body on every write (Prisma
-- never writes the column itself), and fill it for the reports already here.
CREATE FUNCTION "report_search_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."search" :=
    setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW."body", '')), 'B');
  RETURN NEW;
END
$$;

CREATE TRIGGER "Report_search_update" BEFORE INSERT OR UPDATE OF "title", "body" ON "Report"
  FOR EACH ROW EXECUTE FUNCTION "report_search_update"();

UPDATE "Report" SET "search" =
  setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english', coalesce("body", '')), 'B');
