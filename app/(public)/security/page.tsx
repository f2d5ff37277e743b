import type { Metadata } from "next";

import { PublicPolicyView } from "@/components/security/public-policy";
import { getPublicPolicy } from "@/lib/server/security/public-page";

export const metadata: Metadata = { title: "Security policy" };

/** The instance's security policy, for everyone: no sign-in, no report shown. */
export default async function SecurityPolicyPage() {
  return <PublicPolicyView policy={await getPublicPolicy(null)} />;
}
