/**
 * @file The live page's script (examples/web/index.html): runs the heat
 * equation and Game of Life (simulations.ts) in two canvases, each in its own
 * loop of animation frames. Steps go through `.async`, which shards onto Web
 * Workers when the page is cross-origin isolated and the grid is large. The
 * number of steps per frame adapts so drawing stays smooth, and each panel's
 * readout shows the steps per second. A switch picks the backend the steps
 * run on: "js" (generated JavaScript) or "webgpu" (WGSL compute shaders,
 * float32), which is disabled, with the reason shown, where the browser has
 * no WebGPU or no adapter (backend.ts); a label shows the backend running.
 * Bundled and served by scripts/demo.mjs.
 */
import * as kex from "kernex";
import { stepOn, webgpuSupport, type Backend, type Step, type WebgpuSupport } from "./backend";
import { heatDrop, heatStep, lifeStep, randomBoard, seeded, toPixels } from "./simulations";

/** One panel: its canvas, readout, state and pacing. */
interface Panel {
  readonly kind: "heat" | "life";
  readonly canvas: HTMLCanvasElement;
  readonly rate: HTMLOutputElement;
  size: number;
  state: kex.NDArray;
  /** The backend the panel's step runs on, and the step compiled for it. */
  backend: Backend;
  step: Step;
  /** Steps taken since the page started, for the test and the readout. */
  steps: number;
  stepsPerFrame: number;
  /** Start of the current readout window, and the steps taken in it. */
  since: number;
  stepsSince: number;
}

/** The page's state as the browser test reads it (window.kernexDemo). */
interface DemoState {
  readonly steps: { heat: number; life: number };
  size: number;
  error: string | null;
  /** The backend chosen with the switch, and the one each panel's last step ran on. */
  backend: Backend;
  readonly running: { heat: Backend; life: Backend };
  /** Each panel's step count when its canvas was last drawn. */
  readonly drawn: { heat: number; life: number };
  /** Whether WebGPU can run here (null until checked). */
  webgpu: WebgpuSupport | null;
}

const HEAT_R = 0.2; // α·Δt/h², stable below 1/4
const DROP_EVERY = 25; // heat steps between two drops of heat
const COOLING = 0.97; // the state is scaled by this at each drop, so heat stays bounded
const FRAME_BUDGET_MS = 12; // compute time per frame the pacing aims at
const READOUT_MS = 500;

const random = seeded(2026);
const heat = heatStep(HEAT_R);
const demo: DemoState = { steps: { heat: 0, life: 0 }, size: 256, error: null, backend: "js", running: { heat: "js", life: "js" }, drawn: { heat: 0, life: 0 }, webgpu: null };
(globalThis as unknown as { kernexDemo: DemoState }).kernexDemo = demo;

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function initialState(kind: Panel["kind"], n: number): kex.NDArray {
  if (kind === "life") return randomBoard(n, random);
  return kex.add(heatDrop(n, random), heatDrop(n, random));
}

const simulation = (kind: Panel["kind"]): kex.StencilFunction => (kind === "life" ? lifeStep : heat);

function makePanel(kind: Panel["kind"]): Panel {
  const size = demo.size;
  const step = stepOn("js", simulation(kind));
  return { kind, canvas: byId(kind), rate: byId(`${kind}-rate`), size, state: initialState(kind, size), backend: "js", step, steps: 0, stepsPerFrame: 1, since: performance.now(), stepsSince: 0 };
}

/** One step of a panel's simulation on the chosen backend (heat also gets a drop of heat now and then). */
async function advance(panel: Panel): Promise<void> {
  if (panel.backend !== demo.backend) {
    panel.backend = demo.backend;
    panel.step = stepOn(panel.backend, simulation(panel.kind));
    panel.stepsPerFrame = 1; // the pacing starts again: the other backend may be much slower
  }
  panel.state = await panel.step(panel.state);
  if (panel.kind === "heat" && panel.steps % DROP_EVERY === 0) panel.state = kex.add(kex.mul(COOLING, panel.state), heatDrop(panel.size, random));
  panel.steps++;
  panel.stepsSince++;
  demo.steps[panel.kind] = panel.steps;
  if (demo.running[panel.kind] !== panel.backend) {
    demo.running[panel.kind] = panel.backend;
    showRunning();
  }
}

/** The label: the backend both panels run on (both switch within a frame of each other). */
function showRunning(): void {
  const { heat: h, life: l } = demo.running;
  const adapter = demo.webgpu?.available ? ` (${demo.webgpu.adapter})` : "";
  byId<HTMLOutputElement>("backend-running").value = h === l ? `running on ${h}${h === "webgpu" ? adapter : ""}` : `switching to ${demo.backend}…`;
}

/** Offer WebGPU when this page can run it; otherwise keep it disabled and say why. */
async function setUpSwitch(): Promise<void> {
  for (const id of ["backend-js", "backend-webgpu"]) {
    byId<HTMLInputElement>(id).addEventListener("change", (event) => {
      const input = event.target as HTMLInputElement;
      if (input.checked) demo.backend = input.value as Backend;
    });
  }
  const support = await webgpuSupport();
  demo.webgpu = support;
  byId<HTMLInputElement>("backend-webgpu").disabled = !support.available;
  byId("backend-note").textContent = support.available ? `WebGPU adapter: ${support.adapter}` : `webgpu unavailable: ${support.reason}`;
}

function draw(panel: Panel): void {
  const n = panel.size;
  if (panel.canvas.width !== n) {
    panel.canvas.width = n;
    panel.canvas.height = n;
  }
  const pixels = toPixels(panel.state, panel.kind, 1);
  panel.canvas.getContext("2d")!.putImageData(new ImageData(pixels, n, n), 0, 0);
  demo.drawn[panel.kind] = panel.steps;
}

/** Run a panel forever, one batch of steps per animation frame. */
async function run(panel: Panel): Promise<void> {
  for (;;) {
    await new Promise(requestAnimationFrame);
    if (panel.size !== demo.size) {
      panel.size = demo.size;
      panel.state = initialState(panel.kind, panel.size);
      [panel.since, panel.stepsSince] = [performance.now(), 0];
    }
    const start = performance.now();
    for (let k = 0; k < panel.stepsPerFrame; k++) await advance(panel);
    const spent = performance.now() - start;
    if (spent < FRAME_BUDGET_MS / 2) panel.stepsPerFrame = Math.min(panel.stepsPerFrame * 2, 64);
    else if (spent > FRAME_BUDGET_MS * 1.5) panel.stepsPerFrame = Math.max(1, Math.floor(panel.stepsPerFrame / 2));
    draw(panel);
    const now = performance.now();
    if (now - panel.since >= READOUT_MS) {
      const rate = (panel.stepsSince * 1000) / (now - panel.since);
      panel.rate.value = `${rate.toFixed(0)} steps/s on ${panel.size}×${panel.size}`;
      [panel.since, panel.stepsSince] = [now, 0];
    }
  }
}

function start(): void {
  const slider = byId<HTMLInputElement>("size");
  const shown = byId<HTMLOutputElement>("size-value");
  slider.addEventListener("input", () => {
    demo.size = Number(slider.value);
    shown.value = slider.value;
  });
  demo.size = Number(slider.value);
  byId("threads").textContent = globalThis.crossOriginIsolated
    ? "cross-origin isolated: large grids shard onto Web Workers"
    : "not cross-origin isolated: one thread";
  setUpSwitch().catch((error: unknown) => {
    byId("backend-note").textContent = `webgpu unavailable: ${String(error)}`;
  });
  for (const kind of ["heat", "life"] as const) {
    run(makePanel(kind)).catch((error: unknown) => {
      demo.error = String(error);
      byId<HTMLOutputElement>(`${kind}-rate`).value = `error: ${String(error)}`;
      console.error(error);
    });
  }
}

start();
