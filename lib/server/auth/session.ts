import "server-only";

import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { env } from "@/lib/env";
import { clientAddress } from "@/lib/server/infra/rate-limit";
import { userForApiToken } from "@/lib/server/users/api-tokens";

import type { Actor } from "./actor";
import type { LiveSession } from "./sessions";
import { endSessionBySecret, resolveSession } from "./sessions";
import { attemptSignIn } from "./sign-in";

// Sign-in with e-mail and password (argon2id). Each sign-in creates a Session
// row (lib/server/auth/sessions.ts); next-auth's cookie, a signed and
// encrypted JWT, carries one claim that matters: `sid`, the random secret
// naming that row. Every read of the session — pages, the API, server
// actions and GET /api/auth/session alike — goes through the `jwt` callback,
// which looks the row up: a deleted, idle or expired row (or a disabled user)
// throws, and next-auth then answers no session and clears the cookie instead
// of re-issuing it.

/** The error next-auth reports to the sign-in form when it must wait, as `TooManyAttempts:<seconds>`. */
export const SIGNIN_RATE_LIMITED = "TooManyAttempts";

// what the jwt callback found, for the session callback and sessionActor of the same request (no second query)
const checked = new WeakMap<object, LiveSession>();

export const authOptions: NextAuthOptions = {
  session: {
    strategy: "jwt",
    // the cookie lives as long as a session may; the row decides earlier ends (idle, sign-out)
    get maxAge() {
      return Math.ceil(env().SESSION_MAX_HOURS * 3600);
    },
  },
  pages: { signIn: "/signin", error: "/signin" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        if (credentials.email.length > 254 || credentials.password.length > 256) return null;
        const headers = (req?.headers ?? {}) as Record<string, string | undefined>;
        // failures count per account and address together (lib/server/auth/sign-in.ts)
        const result = await attemptSignIn(credentials.email, credentials.password, {
          address: clientAddress(headers),
          userAgent: headers["user-agent"],
        });
        if (result.ok) return { id: result.user.id, sid: result.secret };
        if (result.reason === "throttled") throw new Error(`${SIGNIN_RATE_LIMITED}:${result.retryAfterSeconds}`);
        return null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // at sign-in the token becomes the session secret alone (no name, e-mail or user id in the cookie)
      if (user) return { sid: (user as { sid?: string }).sid };
      const live = await resolveSession(token.sid);
      if (!live) throw new SessionEnded();
      checked.set(token, live);
      return token;
    },
    session({ session, token }) {
      // only the user's id leaves the server; role and name are read fresh per request
      const live = checked.get(token);
      const out = { expires: session.expires, user: { id: live?.user.id } } as typeof session;
      if (live) checked.set(out, live);
      return out;
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
      // the row goes: this cookie, and any copy of it, is no session from now on
      await endSessionBySecret(token?.sid);
    },
  },
};

class SessionEnded extends Error {
  constructor() {
    super("The session was signed out, ended, sat idle too long or expired, or its user is disabled.");
    this.name = "SessionEnded";
  }
}

/** The signed-in user behind the session cookie, checked against its Session row. */
export async function sessionActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const live = session ? checked.get(session) : undefined;
  return live ? { kind: "user", user: live.user, via: "session", sessionId: live.sessionId } : null;
}

/** A bearer token's owner, or null. */
export async function bearerActor(header: string): Promise<Actor | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return null;
  const found = await userForApiToken(match[1]!);
  return found ? { kind: "user", user: found.user, via: "token", tokenId: found.tokenId } : null;
}
