/** The first stop of the Tab key: jumps past the header to the page's <main id="main">. Hidden until focused. */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-zinc-900 focus:shadow dark:focus:bg-zinc-800 dark:focus:text-zinc-100"
    >
      Skip to content
    </a>
  );
}
