import type { Actor } from "@/lib/server/auth/actor";
import { SYSTEM } from "@/lib/server/auth/actor";
import { createUser } from "@/lib/server/users/users";

// Team members for integration tests, created in the test database through
// the real use case, so each has a real id, role and password.

export const TEST_PASSWORD = "a-long-enough-password";

type Role = "ADMIN" | "HANDLER" | "VIEWER";
type UserRow = { id: string; email: string; name: string; role: Role };

let made = 0;

/** The actor a signed-in user (or their API token) is. */
export function actorFor(user: UserRow, via: "session" | "token" = "token"): Actor {
  return { kind: "user", user: { id: user.id, email: user.email, name: user.name, role: user.role }, via };
}

/** Creates one team member with this role (a fresh e-mail unless given) and returns them as an actor. */
export async function createActor(
  role: Role,
  opts: { email?: string; name?: string; via?: "session" | "token" } = {},
): Promise<Actor & { kind: "user" }> {
  made += 1;
  const { user } = await createUser(SYSTEM, {
    email: opts.email ?? `${role.toLowerCase()}-${made}@example.com`,
    name: opts.name,
    role,
    password: TEST_PASSWORD,
  });
  return actorFor(user, opts.via) as Actor & { kind: "user" };
}

/** One admin, handler and viewer in the test database, and the system actor. */
export async function createActors() {
  return {
    admin: await createActor("ADMIN"),
    handler: await createActor("HANDLER"),
    viewer: await createActor("VIEWER"),
    system: SYSTEM,
  };
}
