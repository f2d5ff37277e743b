export default function StatusNotFound() {
  return (
    <div className="py-12 text-center">
      <h1 className="text-lg font-semibold">This status link is not valid</h1>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">
        It may have been replaced by a newer link. Check your most recent e-mail from the security team.
      </p>
    </div>
  );
}
