/**
 * @file Is a Chromium for the browser tests here? One answer and one skip
 * message, shared by every browser test file and by the test run's global
 * set-up (which prints the message once). `CHROMIUM_PATH` overrides where
 * Chromium is looked for (default Debian's /usr/bin/chromium); with
 * `KERNEX_REQUIRE_BROWSER=1` (CI) a missing Chromium fails instead of skipping.
 */
import { existsSync } from "node:fs";

/** Where the browser tests look for Chromium. */
export const chromiumPath: string = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** True when Chromium is installed at {@link chromiumPath}. */
export const hasChromium: boolean = existsSync(chromiumPath);

/** True when a missing Chromium must fail the run (CI sets KERNEX_REQUIRE_BROWSER=1). */
export const browserRequired: boolean = process.env.KERNEX_REQUIRE_BROWSER === "1";

/** The one line printed when the browser tests are skipped. */
export const chromiumSkipMessage = `browser tests skipped: no Chromium at ${chromiumPath}; enable them with scripts/install-chromium.sh (or set CHROMIUM_PATH)`;

/**
 * Whether the browser tests run: yes with Chromium; without it, skip, unless
 * the run requires the browser, then throw the skip message as the error.
 */
export function browserTestsRun(): boolean {
  if (hasChromium) return true;
  if (browserRequired) throw new Error(`KERNEX_REQUIRE_BROWSER=1 but ${chromiumSkipMessage}`);
  return false;
}
