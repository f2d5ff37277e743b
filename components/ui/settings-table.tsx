import { clsx } from "clsx";

import { Card } from "./card";

export type Column = string | { label: string; hidden?: boolean; right?: boolean };

/** A settings list as a table in a card: one header row, the rows the page gives. */
export function SettingsTable({ columns, children }: { columns: Column[]; children: React.ReactNode }) {
  return (
    <Card className="relative overflow-x-auto">
      <table className="w-full text-left text-[13px]">
        <thead className="border-b border-zinc-200 text-[12px] text-zinc-500 dark:border-zinc-800">
          <tr>
            {columns.map((column) => {
              const { label, hidden, right } = typeof column === "string" ? { label: column } : column;
              return (
                <th key={label} scope="col" className={clsx("px-4 py-2 font-medium", right && "text-right")}>
                  {hidden ? <span className="sr-only">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </Card>
  );
}

/** A row of a settings table. */
export function SettingsRow({ children, ...props }: React.HTMLAttributes<HTMLTableRowElement>) {
  return (
    <tr className="border-t border-zinc-100 dark:border-zinc-800" {...props}>
      {children}
    </tr>
  );
}
