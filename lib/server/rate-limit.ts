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
  signin: () => ({ points: 10, duration: 900 }),
  signinAddress: () => ({ points: 60, duration: 900 }),
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

export function clientAddress(req: Request): string {
  if (env().TRUST_PROXY) {
    const forwarded = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return req.headers.get(CLIENT_IP_HEADER) ?? "unknown";
}

/** Counts one request against `name` for `key`; a 429 with Retry-After once over. */
export async function enforceRateLimit(name: LimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new DomainError("rate_limited", `Too many requests. Try again in ${seconds} s.`, { headers: { "Retry-After": String(seconds) } });
    }
    throw error;
  }
}
