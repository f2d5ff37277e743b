"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";

import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => void signOut({ callbackUrl: "/signin" })}
      aria-label="Sign out"
      title="Sign out"
    >
      <LogOut className="size-4" aria-hidden="true" />
    </Button>
  );
}
