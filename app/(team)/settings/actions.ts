"use server";

import { revalidatePath } from "next/cache";

import { DomainError } from "@/lib/errors";
import type { Role } from "@/lib/permissions";
import { sessionActor } from "@/lib/server/auth/session";
import { deleteCannedResponse, saveCannedResponse } from "@/lib/server/canned/canned";
import { createProject, replaceLines } from "@/lib/server/projects/projects";
import { savePolicy } from "@/lib/server/sla/policy";
import { createApiToken, revokeApiToken } from "@/lib/server/users/api-tokens";
import { createUser, updateUser } from "@/lib/server/users/users";

// Each export is a public endpoint: each resolves the caller and the use case
// it calls checks the permission.

export type FormState = { ok?: string; error?: string; fields?: Record<string, string>; secret?: string };

async function attempt(fn: () => Promise<FormState>): Promise<FormState> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof DomainError) return { error: error.message, fields: error.fields };
    throw error;
  }
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" && value.trim() ? value : undefined;
};

export async function createUserAction(_prev: FormState, form: FormData): Promise<FormState> {
  return attempt(async () => {
    const { user, generatedPassword } = await createUser(await sessionActor(), {
      email: text(form, "email") ?? "",
      name: text(form, "name"),
      role: (text(form, "role") ?? "VIEWER") as Role,
      password: text(form, "password"),
    });
    revalidatePath("/settings/users");
    return { ok: `Created ${user.email}.`, secret: generatedPassword };
  });
}

export async function updateUserAction(form: FormData): Promise<void> {
  await updateUser(await sessionActor(), {
    id: String(form.get("id") ?? ""),
    role: (text(form, "role") as Role | undefined) ?? undefined,
    disabled: form.has("disabled") ? form.get("disabled") === "true" : undefined,
  });
  revalidatePath("/settings/users");
}

export async function createTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  return attempt(async () => {
    const days = text(form, "expiresInDays");
    const { token, row } = await createApiToken(await sessionActor(), {
      email: text(form, "email") ?? "",
      name: text(form, "name") ?? "",
      expiresInDays: days ? Number(days) : undefined,
    });
    revalidatePath("/settings/tokens");
    return { ok: `Created "${row.name}" for ${row.user.email}. Copy it now: it is not shown again.`, secret: token };
  });
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  await revokeApiToken(await sessionActor(), String(form.get("id") ?? ""));
  revalidatePath("/settings/tokens");
}

export async function savePolicyAction(_prev: FormState, form: FormData): Promise<FormState> {
  return attempt(async () => {
    const num = (name: string) => String(form.get(name) ?? "");
    const row = await savePolicy(await sessionActor(), {
      project: text(form, "project"),
      acknowledgeHours: num("acknowledgeHours"),
      responseHours: num("responseHours"),
      updateDays: num("updateDays"),
      fixDaysCritical: num("fixDaysCritical"),
      fixDaysHigh: num("fixDaysHigh"),
      fixDaysMedium: num("fixDaysMedium"),
      fixDaysLow: num("fixDaysLow"),
      calendar: (text(form, "calendar") ?? "CALENDAR") as "CALENDAR",
      timeZone: text(form, "timeZone") ?? "UTC",
      holidays: String(form.get("holidays") ?? "")
        .split(/[\s,]+/)
        .filter(Boolean),
    } as never);
    revalidatePath("/settings/policy");
    return { ok: `Saved version ${row.version}. Reports already received keep the version they arrived under.` };
  });
}

export async function saveCannedAction(_prev: FormState, form: FormData): Promise<FormState> {
  return attempt(async () => {
    const row = await saveCannedResponse(await sessionActor(), {
      id: text(form, "id"),
      name: String(form.get("name") ?? ""),
      body: String(form.get("body") ?? ""),
      visibility: form.get("visibility") === "INTERNAL" ? "INTERNAL" : "REPORTER",
    });
    revalidatePath("/settings/canned");
    return { ok: `Saved “${row.name}”.` };
  });
}

export async function deleteCannedAction(form: FormData): Promise<void> {
  await deleteCannedResponse(await sessionActor(), String(form.get("id") ?? ""));
  revalidatePath("/settings/canned");
}

export async function createProjectAction(_prev: FormState, form: FormData): Promise<FormState> {
  return attempt(async () => {
    const row = await createProject(await sessionActor(), {
      slug: String(form.get("slug") ?? ""),
      name: String(form.get("name") ?? ""),
      packageName: text(form, "packageName"),
      repositoryUrl: text(form, "repositoryUrl"),
    });
    revalidatePath("/settings/projects");
    return { ok: `Created ${row.name}. Add its release lines below.` };
  });
}

export type LinesState = FormState & { orphans?: { report: string; line: string }[] };

export async function saveLinesAction(slug: string, lines: unknown): Promise<LinesState> {
  try {
    const result = await replaceLines(await sessionActor(), slug, { lines } as never);
    revalidatePath("/settings/projects");
    revalidatePath("/matrix");
    return { ok: `Saved ${result.lines.length} release lines.`, orphans: result.orphanedOverrides };
  } catch (error) {
    if (error instanceof DomainError) return { error: error.message, fields: error.fields };
    throw error;
  }
}
