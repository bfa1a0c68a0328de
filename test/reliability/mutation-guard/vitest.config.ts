/**
 * @file Runs the whole test suite against kernex-guarded.ts, which checks
 * around every public call that the caller's arrays and objects are
 * unchanged: `npx vitest run --config test/reliability/mutation-guard/vitest.config.ts`.
 * Same settings as the root vitest.config.ts except the `kernex` alias.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("../../..", import.meta.url)),
  resolve: {
    alias: { kernex: fileURLToPath(new URL("./kernex-guarded.ts", import.meta.url)) },
  },
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts", "test/reliability/mutation-guard/report.ts"],
    testTimeout: 60_000,
  },
});
