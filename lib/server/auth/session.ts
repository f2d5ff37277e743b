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
// that only names the user. Every request reloads that user's row, so a
// disabled user or a changed role takes effect at once.

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
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      // only the id and issue time leave the server; role and name are read fresh per request
      return { expires: session.expires, user: { id: token.sub, iat: token.iat } } as typeof session;
    },
  },
  events: {
    async signOut({ token }) {
      // a signed-out cookie must not work again, even if it was copied
      if (token?.sub) await revokeSessions(token.sub);
    },
  },
};

/** The signed-in user behind the session cookie, re-checked against the database. */
export async function sessionActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const claims = session?.user as { id?: string; iat?: number } | undefined;
  if (!claims?.id) return null;
  const user = await loadActiveUser(claims.id, claims.iat);
  return user ? { kind: "user", user, via: "session" } : null;
}

/** A bearer token's owner, or null. */
export async function bearerActor(header: string): Promise<Actor | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return null;
  const found = await userForApiToken(match[1]!);
  return found ? { kind: "user", user: found.user, via: "token", tokenId: found.tokenId } : null;
}
