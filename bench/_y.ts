import * as kex from "kernex";
import { convBackward } from "./backward";
const run = convBackward(1024, true);
kex.config({ workers: 1 });
for (let i = 0; i < 30; i++) { run(); (globalThis as any).gc(); }
kex.config({ workers: 1, debug: 4 });
for (let i = 0; i < 5; i++) { const t0 = performance.now(); run(); const t = performance.now() - t0; (globalThis as any).gc(); console.log("total", t.toFixed(2)); }
kex.config({ workers: 0, debug: 0 });
for (let i = 0; i < 10; i++) { run(); (globalThis as any).gc(); }
for (let i = 0; i < 5; i++) { const t0 = performance.now(); run(); const t = performance.now() - t0; (globalThis as any).gc(); console.log("single", t.toFixed(2)); }
process.exit(0);
