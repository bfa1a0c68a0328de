/**
 * @file The "wasm" backend's browser test page (test/browser/wasm.test.ts):
 * counts calls into WebAssembly kernels, then loads the browser bundle and
 * runs the differential corpus (test/browser/wasm-corpus.js) on "js" and
 * "wasm". The count wraps `WebAssembly.Instance` before kernex is loaded:
 * every instance's exported `main` (the entry of a kernex wasm kernel)
 * counts its calls, so a kernel that falls back to JavaScript adds none.
 */
let calls = 0;
const Instance = WebAssembly.Instance;
WebAssembly.Instance = function CountingInstance(module, imports) {
  const instance = new Instance(module, imports);
  const main = instance.exports.main;
  if (typeof main !== "function") return instance;
  const counted = (...args) => {
    calls++;
    return main(...args);
  };
  return { exports: Object.freeze({ ...instance.exports, main: counted }) };
};

const kex = await import("/kernex.browser.js");
const { runCorpus } = await import("/wasm-corpus.js");

window.kernexWasm = {
  /** Whether this browser has WebAssembly with fixed-width SIMD, as kex.config({ backend: "wasm" }) checks. */
  simd() {
    try {
      kex.config({ backend: "wasm" });
      return true;
    } catch (e) {
      return String(e);
    } finally {
      kex.config({ backend: "js" });
    }
  },
  /** The corpus on "js" and "wasm", with the calls into WebAssembly kernels each made. */
  corpus() {
    return runCorpus(kex, () => calls);
  },
};
document.getElementById("status").textContent = "ready";
