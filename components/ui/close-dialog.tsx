"use client";

import { useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/error-text";
import { TextField } from "@/components/ui/field";
import type { Resolution } from "@/lib/domain/workflow";
import { RESOLUTIONS, RESOLUTION_LABELS } from "@/lib/domain/workflow";
import type { ReportSummaryDto } from "@/lib/schemas/reports";

type Choice = { resolution: Resolution; duplicateOf?: string; thirdParty?: { name: string; contact?: string } };

/** Closing asks for the resolution (and the original's key, or the maintainer). */
export function CloseDialog({
  card,
  onCancel,
  onConfirm,
}: {
  card: Pick<ReportSummaryDto, "key"> | null;
  onCancel: () => void;
  onConfirm: (choice: Choice) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [resolution, setResolution] = useState<Resolution>("REJECTED");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (card && !dialog.open) {
      setResolution("REJECTED");
      setError(null);
      dialog.showModal();
    }
    if (!card && dialog.open) dialog.close();
  }, [card]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const duplicateOf = String(form.get("duplicateOf") ?? "")
      .trim()
      .toUpperCase();
    const name = String(form.get("thirdPartyName") ?? "").trim();
    const contact = String(form.get("thirdPartyContact") ?? "").trim();
    if (resolution === "DUPLICATE" && !/^SEC-\d{4}-\d{4,}$/.test(duplicateOf))
      return setError("Enter the key of the original report, e.g. SEC-2026-0042.");
    if (resolution === "THIRD_PARTY" && !name) return setError("Name the maintainer to redirect the reporter to.");
    onConfirm({
      resolution,
      ...(resolution === "DUPLICATE" ? { duplicateOf } : {}),
      ...(resolution === "THIRD_PARTY" ? { thirdParty: { name, ...(contact ? { contact } : {}) } } : {}),
    });
  }

  return (
    <dialog
      ref={ref}
      onCancel={onCancel}
      onClose={() => card && onCancel()}
      aria-labelledby="close-title"
      className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/30 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <form onSubmit={submit} className="space-y-4 p-5">
        <h2 id="close-title" className="text-base font-semibold">
          Close <span className="font-mono">{card?.key}</span>
        </h2>
        <fieldset>
          <legend className="text-[13px] font-medium">Resolution</legend>
          <div className="mt-2 space-y-1.5">
            {RESOLUTIONS.map((r) => (
              <label key={r} className="flex items-center gap-2 text-[13px]">
                <input
                  type="radio"
                  name="resolution"
                  value={r}
                  checked={resolution === r}
                  onChange={() => setResolution(r)}
                  className="accent-accent-600"
                />
                {RESOLUTION_LABELS[r]}
              </label>
            ))}
          </div>
        </fieldset>
        {resolution === "DUPLICATE" ? (
          <TextField
            id="duplicateOf"
            label="Duplicate of"
            name="duplicateOf"
            placeholder="SEC-2026-0042"
            controlClassName="font-mono"
          />
        ) : null}
        {resolution === "THIRD_PARTY" ? (
          <>
            <TextField id="thirdPartyName" label="Maintainer" name="thirdPartyName" placeholder="multer maintainers" />
            <TextField
              id="thirdPartyContact"
              label="Contact or URL (optional)"
              name="thirdPartyContact"
              placeholder="https://github.com/…/security"
            />
          </>
        ) : null}
        <p className="text-[12px] text-zinc-500">The reporter is told, in plain words, why the report was closed.</p>
        {error ? <ErrorText>{error}</ErrorText> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" variant="danger">
            Close report
          </Button>
        </div>
      </form>
    </dialog>
  );
}
