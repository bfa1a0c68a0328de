/**
 * @file Global set-up of `npm test`: says once, on one line, when the
 * browser tests are skipped and how to enable them.
 */
import { browserRequired, chromiumSkipMessage, hasChromium } from "./helpers/chromium";

export default function setup(): void {
  if (!hasChromium && !browserRequired) process.stderr.write(`kernex: ${chromiumSkipMessage}\n`);
}
