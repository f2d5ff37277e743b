import { expect } from "vitest";

import type { ErrorCode } from "@/lib/errors";
import { DomainError } from "@/lib/errors";

/** What the caller read (nothing), or the error it failed with. */
export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

/**
 * Expects the promise to fail with a DomainError, with this code when given,
 * and this message (text or pattern) or these fields when given; returns the error.
 */
export async function expectDomainError(
  promise: Promise<unknown>,
  code?: ErrorCode,
  messageOrFields?: string | RegExp | Record<string, string>,
): Promise<DomainError> {
  const error = await failureOf(promise);
  expect(error).toBeInstanceOf(DomainError);
  const domain = error as DomainError;
  if (code) expect(domain.code).toBe(code);
  if (typeof messageOrFields === "string") expect(domain.message).toBe(messageOrFields);
  else if (messageOrFields instanceof RegExp) expect(domain.message).toMatch(messageOrFields);
  else if (messageOrFields) expect(domain.fields).toMatchObject(messageOrFields);
  return domain;
}
