import type { Metadata } from "next";

import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/forbidden";
import { pageActor } from "@/lib/server/auth/page-auth";
import { databaseKind } from "@/lib/server/infra/database";
import { keyFileInUse } from "@/lib/server/infra/keyring";

export const metadata: Metadata = { title: "Backups" };

const code = "rounded bg-zinc-100 px-1 py-0.5 font-mono text-[12px] dark:bg-zinc-800";

export default async function BackupPage() {
  const { allowed } = await pageActor("settings.manage", "/settings/backup");
  if (!allowed) return <Forbidden what="settings" />;
  const embedded = databaseKind() === "embedded";
  const keyFile = keyFileInUse();
  return (
    <>
      <PageHeader
        title="Backups"
        description="A copy of every report, taken while Embargo keeps running. Keep the key apart from the copies: a backup is unreadable without it, and readable by anyone who holds both."
      />
      <div className="grid max-w-2xl gap-5">
        {embedded ? (
          <Card className="grid gap-3 p-4">
            <h2 className="font-semibold">Download a backup</h2>
            <p className="text-[13px] text-zinc-600 dark:text-zinc-400">
              The whole embedded database as one file, sealed with this instance&apos;s key. Restore it into a new
              folder with <code className={code}>npm run embargo -- restore FILE --data-dir DIR</code>. Scripts take the
              same file from <code className={code}>GET /api/v1/admin/backup</code>.
            </p>
            <div>
              <a href="/api/v1/admin/backup" download className={buttonClass("primary", "sm")}>
                Download a backup
              </a>
            </div>
          </Card>
        ) : (
          <Card className="grid gap-3 p-4">
            <h2 className="font-semibold">Back up with pg_dump</h2>
            <p className="text-[13px] text-zinc-600 dark:text-zinc-400">
              This instance runs on PostgreSQL: back it up with{" "}
              <code className={code}>pg_dump -Fc &quot;$DATABASE_URL&quot; &gt; embargo.dump</code>. Report bodies,
              messages, mail and files are encrypted in it as they are in the database.
            </p>
          </Card>
        )}
        <Card className="grid gap-2 p-4">
          <h2 className="font-semibold">The key</h2>
          <p className="text-[13px] text-zinc-600 dark:text-zinc-400">
            {keyFile ? (
              <>
                This instance&apos;s keys are in <code className={`${code} break-all`}>{keyFile}</code>. Back that file
                up once, and again after each key rotation, somewhere other than the backups.
              </>
            ) : (
              <>
                This instance&apos;s keys come from ENCRYPTION_KEY: keep a copy of it somewhere other than the backups.
              </>
            )}
          </p>
        </Card>
      </div>
    </>
  );
}
