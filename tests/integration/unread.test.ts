import { describe, expect, it } from "vitest";

import { SYSTEM } from "@/lib/server/auth/actor";
import { listBoard } from "@/lib/server/reports/board";
import { getReportSummary } from "@/lib/server/reports/detail";
import { listReports } from "@/lib/server/reports/list";
import { postMessage } from "@/lib/server/reports/messages";
import { markReportSeen, unreadReportIds } from "@/lib/server/reports/unread";
import { postReporterMessage } from "@/lib/server/status/reply";
import { createActor } from "@/tests/helpers/actors";
import { makeReport } from "@/tests/helpers/reports";

// The unread marker: a reporter's message a team member has not seen since
// they last opened the report's page, on the board, the list and live cards.

async function cardOf(actor: Parameters<typeof listBoard>[0], key: string) {
  const board = await listBoard(actor);
  return Object.values(board.columns)
    .flatMap((c) => c.items)
    .find((i) => i.key === key)!;
}

describe("unread reporter messages", () => {
  it("marks a report until each user opens it again, per user, and not for the team's own messages", async () => {
    const hana = await createActor("HANDLER", { email: "hana-unread@example.com" });
    const vera = await createActor("VIEWER", { email: "vera-unread@example.com" });
    const { key, token } = await makeReport({ title: "Unread check" });

    // a new report is not "unread": only the reporter's replies are
    expect((await cardOf(hana, key)).unread).toBe(false);

    await postReporterMessage(token, { body: "More details" }, "unread-client");
    expect((await cardOf(hana, key)).unread).toBe(true);
    expect((await getReportSummary(vera, key)).unread).toBe(true);
    const listed = await listReports(hana, { q: key });
    expect(listed.items.map((i) => [i.key, i.unread])).toEqual([[key, true]]);

    await markReportSeen(hana, key);
    expect((await cardOf(hana, key)).unread).toBe(false);
    expect((await cardOf(vera, key)).unread).toBe(true);

    // the team's own message does not mark it; the reporter's next one does
    await postMessage(hana, key, { body: "Thanks", visibility: "reporter" });
    expect((await cardOf(hana, key)).unread).toBe(false);
    await new Promise((r) => setTimeout(r, 5));
    await postReporterMessage(token, { body: "And one more" }, "unread-client");
    expect((await cardOf(hana, key)).unread).toBe(true);

    // the system has no marker
    expect(await unreadReportIds(SYSTEM, [])).toEqual(new Set());
  });
});
