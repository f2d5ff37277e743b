import Link from "next/link";

export function Forbidden({ what }: { what: string }) {
  return (
    <div className="mx-auto max-w-md py-16 text-center" data-testid="forbidden">
      <h1 className="text-lg font-semibold">You don’t have access to {what}</h1>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">Ask an admin if you need it.</p>
      <Link href="/board" className="mt-4 inline-block text-accent-600 underline dark:text-accent-400">
        Back to the board
      </Link>
    </div>
  );
}
