import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { PublicPolicyView } from "@/components/security/public-policy";
import { DomainError } from "@/lib/errors";
import { getPublicPolicy } from "@/lib/server/security/public-page";

export const metadata: Metadata = { title: "Security policy" };

/** One project's security policy (its own, or the instance's when it has none) and its own record. */
export default async function ProjectSecurityPolicyPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  const policy = await getPublicPolicy(project).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "not_found") notFound();
    throw error;
  });
  return <PublicPolicyView policy={policy} />;
}
