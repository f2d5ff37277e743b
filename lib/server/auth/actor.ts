import "server-only";

import { DomainError } from "@/lib/errors";
import type { Permission, Role } from "@/lib/permissions";
import { roleCan } from "@/lib/permissions";

// Who is asking. Route handlers, server actions and pages resolve one of
// these first; every lib/server function takes it and checks it.

export type ActorUser = { id: string; email: string; name: string; role: Role };

export type Actor =
  | { kind: "user"; user: ActorUser; via: "session" | "token"; tokenId?: string; sessionId?: string }
  /** the shell: CLI commands and start-up bootstrap run with every right */
  | { kind: "system"; label: string };

export const SYSTEM: Actor = { kind: "system", label: "system" };

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  if (!actor) return false;
  if (actor.kind === "system") return true;
  return roleCan(actor.user.role, permission);
}

export function authorize(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new DomainError("unauthenticated", "Sign in or send a bearer token.");
  if (!can(actor, permission)) throw new DomainError("forbidden", "Your role does not allow this.");
}

export function actorUserId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.user.id : null;
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === "system") return actor.label;
  return actor.via === "token" ? `${actor.user.email} (API token)` : actor.user.email;
}
