import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { vulkanSetup } from "./test/helpers/vulkan-env.mjs";

/**
 * `npm test`: every test except the long checks of test/long/ (run by
 * `npm run test:long`, vitest.long.config.ts, and by `.ci/run`). Browser tests
 * skip, with one line saying how to enable them, when Chromium is missing.
 * Test files run on every core but one, and on at least two: vitest's
 * default (cores - 1) would run them one at a time on a 2-core machine,
 * where many of them mostly wait on child processes (npm, tsc, Chromium).
 * The worker processes start with the variables that let Dawn find a Vulkan
 * driver on a machine without a GPU (test/helpers/vulkan-env.mjs: LD_LIBRARY_PATH
 * must be set before a process starts); GPU tests skip, saying why, when
 * there is none, and fail instead with KERNEX_REQUIRE_GPU=1.
 */
export default defineConfig({
  resolve: {
    alias: { kernex: fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
  },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/long/**", "**/node_modules/**"],
    setupFiles: ["test/setup.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 60_000,
    env: { ...vulkanSetup().env },
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
