import { redirect } from "next/navigation";

import { requireUser } from "@/lib/server/auth/page-auth";

export default async function Home() {
  await requireUser("/board");
  redirect("/board");
}
