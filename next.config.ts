import type { NextConfig } from "next";

import { DOWNLOAD_CSP, DOWNLOAD_PATH_PATTERN, STATUS_PAGE_HEADERS } from "./lib/status-headers";

const statusHeaders = Object.entries(STATUS_PAGE_HEADERS).map(([key, value]) => ({ key, value }));

// Forms with files (the public report form's server action, the status page's reply, which the proxy sees)
// may carry ten files of ATTACHMENT_MAX_BYTES each: Next's own body limits (1 MB for server actions; 10 MB
// for a body the proxy copies, which it silently cuts short) must let that through. Read when the server
// starts, so a changed ATTACHMENT_MAX_BYTES takes effect without a rebuild. The same sum as multipartLimit() in
// lib/domain/attachments.ts (10 files and 1 MB for the text): the config loader resolves only one imported file.
const uploadLimit = 10 * (Number(process.env.ATTACHMENT_MAX_BYTES) || 5 * 1024 * 1024) + 1024 * 1024;

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: uploadLimit },
    proxyClientMaxBodySize: uploadLimit,
  },
  // PGlite and the schema engine load WebAssembly and files at run time:
  // bundling them breaks that, so the server requires them from node_modules.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@node-rs/argon2",
    "pg",
  ],
  typescript: { ignoreBuildErrors: false },
  async headers() {
    return [
      { source: "/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] },
      // pages get a nonce CSP from proxy.ts; API responses (and next-auth's own pages) are never framed
      { source: "/api/:path*", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      {
        // every API response but an attachment download, which gets exactly the sandbox policy below
        // (a header set here wins over the route's own, so the two paths must not overlap)
        source: `/api/:path((?!${DOWNLOAD_PATH_PATTERN}$).*)`,
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      // the download's own policy, on its errors too
      {
        source: `/api/:path(${DOWNLOAD_PATH_PATTERN})`,
        headers: [{ key: "Content-Security-Policy", value: DOWNLOAD_CSP }],
      },
      { source: "/status/:path*", headers: statusHeaders },
      { source: "/api/v1/status/:path*", headers: statusHeaders },
      { source: "/reset/:path*", headers: statusHeaders },
    ];
  },
};

export default nextConfig;
