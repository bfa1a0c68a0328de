/**
 * @file A program for test/config/debug.test.ts: prints its result on
 * stdout with kernex's debug level set from the command line, so the test
 * can check that debug lines go to stderr only.
 */
import * as kex from "kernex";

kex.config({ debug: Number(process.argv[2] ?? "0") as kex.DebugLevel });
const box = kex.jit((x) => kex.kmap({ kernelSize: 3 }, (w) => w[0] + w[1] + w[2])(x));
console.log(JSON.stringify(box(kex.arange(5)).toArray()));
