import type { Choice } from "./choice-select";
import { ChoiceSelect } from "./choice-select";

const filterClass =
  "h-8 rounded-md border border-zinc-300 bg-white px-2 text-[13px] dark:border-zinc-700 dark:bg-zinc-900";

/** A compact filter select with a label only screen readers hear (board and matrix toolbars). */
export function FilterSelect({
  id,
  label,
  choices,
  ...props
}: Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "className"> & {
  id: string;
  label: string;
  choices: readonly Choice[];
}) {
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <ChoiceSelect id={id} className={filterClass} choices={choices} {...props} />
    </>
  );
}
