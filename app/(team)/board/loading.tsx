export default function BoardLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the board">
      <div className="mb-5 h-7 w-40 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="flex gap-3 overflow-hidden">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="w-72 shrink-0 space-y-2 rounded-lg bg-zinc-100/70 p-2 dark:bg-zinc-900/60">
            <div className="h-5 w-24 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
            {Array.from({ length: 3 }, (_, j) => (
              <div key={j} className="h-24 animate-pulse rounded-md bg-white dark:bg-zinc-900" />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
