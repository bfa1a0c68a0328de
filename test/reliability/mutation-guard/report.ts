/**
 * @file Setup file of the mutation-guard run: after each test file, print
 * how many public calls were checked and how many changed their arguments.
 */
import { afterAll } from "vitest";
import { guardStats } from "./kernex-guarded";

afterAll(() => {
  console.log(`[mutation-guard] ${guardStats.calls} calls checked, ${guardStats.mutations.length} mutations${guardStats.mutations.length ? `: ${guardStats.mutations.join("; ")}` : ""}`);
});
