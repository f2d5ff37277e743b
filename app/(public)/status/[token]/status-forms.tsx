import { Button } from "@/components/ui/button";
import { CreditChoices } from "@/components/ui/credit-choices";
import { inputClass } from "@/components/ui/field";
import { MAX_UPLOAD_FILES, formatBytes } from "@/lib/domain/attachments";

// Plain HTML forms: they work with and without JavaScript (see lib/server/status/forms.ts).

function Feedback({ done, error, when }: { done?: string; error?: string; when: string }) {
  if (error)
    return (
      <p className="text-[13px] font-medium text-red-600 dark:text-red-400" role="alert">
        {error}
      </p>
    );
  if (done === when)
    return (
      <p className="text-[13px] text-emerald-700 dark:text-emerald-400" role="status">
        {when === "reply" ? "Sent. The security team has been notified." : "Saved."}
      </p>
    );
  return null;
}

export function ReplyForm({
  token,
  done,
  error,
  maxFileBytes,
}: {
  token: string;
  done?: string;
  error?: string;
  /** ATTACHMENT_MAX_BYTES: the largest file a reply takes */
  maxFileBytes: number;
}) {
  return (
    <form method="post" action={`/status/${token}/reply`} encType="multipart/form-data" className="mt-4 space-y-2">
      <label htmlFor="reply" className="block text-[13px] font-medium">
        Reply to the security team
      </label>
      <textarea
        id="reply"
        name="body"
        rows={4}
        required
        maxLength={65536}
        className={`${inputClass} text-[14px]`}
        placeholder="Answer a question, add details, or ask us something."
      />
      <div className="space-y-1">
        <label htmlFor="reply-files" className="block text-[13px] font-medium">
          Files (optional)
        </label>
        <input
          id="reply-files"
          name="files"
          type="file"
          multiple
          aria-describedby="reply-files-hint"
          className="block w-full text-[13px] file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-[13px] file:font-medium dark:file:border-zinc-700 dark:file:bg-zinc-900"
        />
        <p id="reply-files-hint" className="text-[12px] text-zinc-500">
          Up to {MAX_UPLOAD_FILES} files, each at most {formatBytes(maxFileBytes)}.
        </p>
      </div>
      <Feedback done={done} error={error} when="reply" />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-[12px] text-zinc-500">Replies to our e-mails arrive here too.</p>
        <Button type="submit">Send reply</Button>
      </div>
    </form>
  );
}

export function CreditForm({
  token,
  preference,
  name,
  done,
}: {
  token: string;
  preference: "NAME" | "ANONYMOUS" | "NONE";
  name: string | null;
  done?: string;
}) {
  return (
    <form method="post" action={`/status/${token}/credit`} className="mt-2 space-y-3">
      <fieldset>
        <legend className="sr-only">How to credit you</legend>
        <CreditChoices
          name="preference"
          value={preference}
          className="flex flex-col gap-2 text-[14px] sm:flex-row sm:flex-wrap sm:gap-4"
        />
      </fieldset>
      <div>
        <label htmlFor="credit-name" className="block text-[13px] font-medium">
          Name to credit
        </label>
        <input
          id="credit-name"
          name="name"
          defaultValue={name ?? ""}
          maxLength={100}
          className={`${inputClass} mt-1`}
        />
      </div>
      <Feedback done={done} when="credit" />
      <Button type="submit" variant="secondary">
        Save credit preference
      </Button>
    </form>
  );
}
