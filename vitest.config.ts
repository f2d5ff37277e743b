import path from "node:path";

import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // lib/server modules guard against client bundles; tests run them on the server
  "server-only": path.resolve(import.meta.dirname, "tests/helpers/empty.ts"),
};

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/helpers/setup-integration.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // each file gets its own database; two at a time suits a 2-core machine
          maxWorkers: 2,
          // run after the unit tests when both projects run together
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
