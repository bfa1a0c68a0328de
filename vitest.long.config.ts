import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { vulkanSetup } from "./test/helpers/vulkan-env.mjs";

/**
 * `npm run test:long`: the long checks kept out of `npm test`, so that it
 * stays under two minutes on two cores: memory over 10,000 compiles (about
 * two minutes) and the packed tarball (npm pack from a clean copy, imports
 * from ESM and CommonJS, strict TypeScript over every README block).
 * `.ci/run` runs them after `npm test`. Workers start with the variables that
 * let Dawn find a Vulkan driver without a GPU (as in vitest.config.ts).
 */
export default defineConfig({
  resolve: {
    alias: { kernex: fileURLToPath(new URL("./src/index.ts", import.meta.url)) },
  },
  test: {
    include: ["test/long/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 300_000,
    env: { ...vulkanSetup().env },
  },
});
