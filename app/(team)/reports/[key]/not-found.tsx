import Link from "next/link";

export default function ReportNotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <h1 className="text-lg font-semibold">No such report</h1>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">Check the key, or find the report on the board.</p>
      <Link href="/board" className="mt-4 inline-block text-accent-600 underline dark:text-accent-400">
        Back to the board
      </Link>
    </div>
  );
}
