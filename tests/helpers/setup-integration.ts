import { randomBytes } from "node:crypto";

import pg from "pg";
import { afterAll, beforeAll } from "vitest";

import { closeDatabase } from "@/lib/server/infra/database";
import { disconnectDb } from "@/lib/server/infra/db";
import { closeLive } from "@/lib/server/infra/live";
import { migrateDatabase } from "@/lib/server/infra/migrate";

// Every integration test file runs against a database of its own, migrated
// from prisma/migrations: an in-memory PGlite by default, or a fresh
// database on the PostgreSQL server named by DATABASE_URL.

const baseUrl = process.env.DATABASE_URL;
let created: string | undefined;

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(baseUrl!);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  if (baseUrl) {
    created = `embargo_test_${randomBytes(6).toString("hex")}`;
    await admin((c) => c.query(`CREATE DATABASE ${created}`));
    const url = new URL(baseUrl);
    url.pathname = `/${created}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    process.env.DATA_DIR = "memory://";
  }
  await migrateDatabase();
});

afterAll(async () => {
  await closeLive();
  await disconnectDb();
  await closeDatabase();
  if (created) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${created} WITH (FORCE)`));
});
