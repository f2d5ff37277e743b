import "server-only";

import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { DomainError } from "@/lib/errors";
import { clientAddress, enforceRateLimit } from "@/lib/server/infra/rate-limit";
import { userForApiToken } from "@/lib/server/users/api-tokens";
import { loadActiveUser, revokeSessions, verifyCredentials } from "@/lib/server/users/users";

import type { Actor } from "./actor";

// Sign-in with e-mail and password (argon2id); the session is a JWT cookie
// that only names the user and the instant (ms) it signed in. Every request
// reloads that user's row, so a disabled user or a changed role takes effect
// at once. Revocation compares the sign-in instant, never the JWT's `iat`:
// next-auth re-encodes the token with a fresh `iat` on every session read, so
// an `iat` check could be undone by reading /api/auth/session.

export const SESSION_MAX_AGE = 12 * 60 * 60;

/** The error next-auth reports to the sign-in form when attempts are rate limited. */
export const SIGNIN_RATE_LIMITED = "TooManyAttempts";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
  pages: { signIn: "/signin", error: "/signin" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        if (credentials.email.length > 254 || credentials.password.length > 256) return null;
        // slow down password guessing, per account and per client address
        const address = clientAddress((req?.headers ?? {}) as Record<string, string | undefined>);
        const account = credentials.email.trim().toLowerCase();
        try {
          await enforceRateLimit("signin", `${account} ${address}`);
          await enforceRateLimit("signinAccount", account);
          await enforceRateLimit("signinAddress", address);
        } catch (error) {
          if (error instanceof DomainError && error.code === "rate_limited") throw new Error(SIGNIN_RATE_LIMITED);
          throw error;
        }
        const user = await verifyCredentials(credentials.email, credentials.password);
        return user ? { id: user.id, email: user.email, name: user.name } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.signedInAt = Date.now();
        return token;
      }
      // every later read (getServerSession, GET /api/auth/session) re-checks the row: a
      // revoked session throws, and next-auth then answers no session and clears the cookie
      if (!token.sub || !(await loadActiveUser(token.sub, signedInAtOf(token)))) throw new SessionEnded();
      return token;
    },
    session({ session, token }) {
      // only the id and sign-in instant leave the server; role and name are read fresh per request
      return { expires: session.expires, user: { id: token.sub, signedInAt: signedInAtOf(token) } } as typeof session;
    },
  },
  logger: {
    // an ended session is an expected answer, not an error worth a stack trace
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR" && (metadata as { name?: string } | undefined)?.name === "SessionEnded") return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
  events: {
    async signOut({ token }) {
      // a signed-out cookie must not work again, even if it was copied
      if (token?.sub) await revokeSessions(token.sub);
    },
  },
};

class SessionEnded extends Error {
  constructor() {
    super("The session was signed out or its user disabled.");
    this.name = "SessionEnded";
  }
}

/** The sign-in instant (ms) a session token carries; tokens issued before it existed carry none and are void. */
export function signedInAtOf(token: Record<string, unknown>): number {
  const at = token.signedInAt;
  return typeof at === "number" && Number.isFinite(at) ? at : 0;
}

/** The signed-in user behind the session cookie, re-checked against the database. */
export async function sessionActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const claims = session?.user as { id?: string; signedInAt?: number } | undefined;
  if (!claims?.id) return null;
  const user = await loadActiveUser(claims.id, claims.signedInAt ?? 0);
  return user ? { kind: "user", user, via: "session" } : null;
}

/** A bearer token's owner, or null. */
export async function bearerActor(header: string): Promise<Actor | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return null;
  const found = await userForApiToken(match[1]!);
  return found ? { kind: "user", user: found.user, via: "token", tokenId: found.tokenId } : null;
}
