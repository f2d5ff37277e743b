import { describe, expect, it } from "vitest";

import { htmlPart } from "./outbox";

describe("the HTML part of outbound mail", () => {
  it("escapes everything a reporter or handler wrote and loads nothing remote", () => {
    const html = htmlPart(
      `Hello <script>alert(1)</script> & "quotes"\n\n<img src=https://tracker.example/p.png>\nhttps://example.org/status/abc`,
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
    expect(html).toContain('<a href="https://example.org/status/abc">https://example.org/status/abc</a>');
    expect(html.match(/<p /g)).toHaveLength(2);
  });
});
