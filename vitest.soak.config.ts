import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:soak`: the long checks kept out of `npm test` (minutes each:
 * memory over 10,000 compiles, ...). `.ci/run` runs them after `npm test`.
 */
export default defineConfig({
  resolve: {
    alias: { kernex: fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
  },
  test: {
    include: ["test/soak/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 300_000,
  },
});
