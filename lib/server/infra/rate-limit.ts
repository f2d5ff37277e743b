import "server-only";

import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";

import { db } from "./db";

// Rate limits live in the database (rate-limiter-flexible's Prisma store) so
// every instance behind a load balancer counts the same requests.

/** Header our server sets from the socket address; any inbound value is overwritten (scripts/serve.ts). */
export const CLIENT_IP_HEADER = "x-embargo-client-ip";

const LIMITS = {
  intake: () => ({ points: env().INTAKE_RATE_LIMIT, duration: 60 }),
  status: () => ({ points: 120, duration: 60 }),
  reply: () => ({ points: 20, duration: 600 }),
  setup: () => ({ points: 10, duration: 900 }),
  // password reset: asking, per client address (429) and per account (silently no more mail); using a link
  resetRequest: () => ({ points: 10, duration: 900 }),
  resetAccount: () => ({ points: 3, duration: 3600 }),
  resetConfirm: () => ({ points: 20, duration: 900 }),
} as const;
export type LimitName = keyof typeof LIMITS;

const store = globalThis as unknown as { __embargoLimiters?: Map<LimitName, RateLimiterPrisma> };

function limiter(name: LimitName): RateLimiterPrisma {
  store.__embargoLimiters ??= new Map();
  let found = store.__embargoLimiters.get(name);
  if (!found) {
    found = new RateLimiterPrisma({ storeClient: db(), keyPrefix: name, ...LIMITS[name]() });
    store.__embargoLimiters.set(name, found);
  }
  return found;
}

type HeaderSource =
  Request | Headers | { get(name: string): string | null | undefined } | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Request) return source.headers.get(name) ?? undefined;
  if (typeof (source as Headers).get === "function") return (source as Headers).get(name) ?? undefined;
  const value = (source as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/**
 * The client's address. Behind a trusted reverse proxy, the address the
 * proxy appended (the rightmost X-Forwarded-For entry: the leftmost ones are
 * whatever the client claimed); otherwise the socket address our server
 * recorded.
 */
export function clientAddress(source: HeaderSource): string {
  if (env().TRUST_PROXY) {
    const forwarded = header(source, "x-forwarded-for")?.split(",").pop()?.trim();
    if (forwarded) return forwarded;
  }
  return header(source, CLIENT_IP_HEADER) ?? "unknown";
}

/** Counts one request against `name` for `key`; a 429 with Retry-After once over. */
export async function enforceRateLimit(name: LimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new DomainError("rate_limited", `Too many requests. Try again in ${seconds} s.`, {
        headers: { "Retry-After": String(seconds) },
      });
    }
    throw error;
  }
}
