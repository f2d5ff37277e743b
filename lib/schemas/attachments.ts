import { z } from "zod";

// Attachments as the API shows them. The bytes themselves are only ever
// served by the download route, as application/octet-stream.

export const attachmentSchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  /** as declared by the sender; never used to serve the file */
  contentType: z.string(),
  size: z.number().int(),
  /** SHA-256 of the bytes, hex */
  sha256: z.string(),
  /** false when the file was over ATTACHMENT_MAX_BYTES: its name, size and hash are kept, not its bytes */
  stored: z.boolean(),
  receivedAt: z.iso.datetime(),
  /** the file is small UTF-8 text (a patch, script or log) the report page may preview as escaped text */
  previewable: z.boolean(),
});
export type AttachmentDto = z.infer<typeof attachmentSchema>;

export const attachmentListSchema = z.object({ items: z.array(attachmentSchema) });
export type AttachmentList = z.infer<typeof attachmentListSchema>;

/** An attachment as the report page shows it: with its text when it may be previewed (rendered escaped). */
export type AttachmentView = AttachmentDto & { preview: string | null };
