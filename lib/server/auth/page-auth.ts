import "server-only";

import { redirect } from "next/navigation";

import type { Permission } from "@/lib/permissions";
import { hasAnyUser } from "@/lib/server/users/users";

import type { Actor, ActorUser } from "./actor";
import { can } from "./actor";
import { sessionActor } from "./session";

// Pages resolve the signed-in user here. Until the first user exists every
// team page leads to the one-time setup.

const store = globalThis as unknown as { __embargoHasUser?: boolean };

export async function setupDone(): Promise<boolean> {
  // users are disabled, never deleted: once one exists, setup stays done
  if (store.__embargoHasUser) return true;
  const done = await hasAnyUser();
  if (done) store.__embargoHasUser = true;
  return done;
}

export type PageActor = Extract<Actor, { kind: "user" }> & { user: ActorUser };

export async function requireUser(next?: string): Promise<PageActor> {
  if (!(await setupDone())) redirect("/setup");
  const actor = await sessionActor();
  if (!actor || actor.kind !== "user") redirect(next ? `/signin?callbackUrl=${encodeURIComponent(next)}` : "/signin");
  return actor;
}

/** The signed-in user and whether they hold `permission` (pages show a 403 panel when not). */
export async function pageActor(
  permission: Permission,
  next?: string,
): Promise<{ actor: PageActor; allowed: boolean }> {
  const actor = await requireUser(next);
  return { actor, allowed: can(actor, permission) };
}
