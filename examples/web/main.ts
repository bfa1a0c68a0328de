/**
 * @file The live page's script (examples/web/index.html): runs the heat
 * equation and Game of Life (simulations.ts) in two canvases, each in its own
 * loop of animation frames. Steps go through `.async`, which shards onto Web
 * Workers when the page is cross-origin isolated and the grid is large. The
 * number of steps per frame adapts so drawing stays smooth, and each panel's
 * readout shows the steps per second. Bundled and served by scripts/demo.mjs.
 */
import * as kex from "kernex";
import { heatDrop, heatStep, lifeStep, randomBoard, seeded, toPixels } from "./simulations";

/** One panel: its canvas, readout, state and pacing. */
interface Panel {
  readonly kind: "heat" | "life";
  readonly canvas: HTMLCanvasElement;
  readonly rate: HTMLOutputElement;
  size: number;
  state: kex.NDArray;
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
}

const HEAT_R = 0.2; // α·Δt/h², stable below 1/4
const DROP_EVERY = 25; // heat steps between two drops of heat
const COOLING = 0.97; // the state is scaled by this at each drop, so heat stays bounded
const FRAME_BUDGET_MS = 12; // compute time per frame the pacing aims at
const READOUT_MS = 500;

const random = seeded(2026);
const heat = heatStep(HEAT_R);
const demo: DemoState = { steps: { heat: 0, life: 0 }, size: 256, error: null };
(globalThis as unknown as { kernexDemo: DemoState }).kernexDemo = demo;

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function initialState(kind: Panel["kind"], n: number): kex.NDArray {
  if (kind === "life") return randomBoard(n, random);
  return kex.add(heatDrop(n, random), heatDrop(n, random));
}

function makePanel(kind: Panel["kind"]): Panel {
  const size = demo.size;
  return { kind, canvas: byId(kind), rate: byId(`${kind}-rate`), size, state: initialState(kind, size), steps: 0, stepsPerFrame: 1, since: performance.now(), stepsSince: 0 };
}

/** One step of a panel's simulation (heat also gets a drop of heat now and then). */
async function advance(panel: Panel): Promise<void> {
  if (panel.kind === "life") {
    panel.state = await lifeStep.async(panel.state);
  } else {
    panel.state = await heat.async(panel.state);
    if (panel.steps % DROP_EVERY === 0) panel.state = kex.add(kex.mul(COOLING, panel.state), heatDrop(panel.size, random));
  }
  panel.steps++;
  panel.stepsSince++;
  demo.steps[panel.kind] = panel.steps;
}

function draw(panel: Panel): void {
  const n = panel.size;
  if (panel.canvas.width !== n) {
    panel.canvas.width = n;
    panel.canvas.height = n;
  }
  const pixels = toPixels(panel.state, panel.kind, 1);
  panel.canvas.getContext("2d")!.putImageData(new ImageData(pixels, n, n), 0, 0);
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
  for (const kind of ["heat", "life"] as const) {
    run(makePanel(kind)).catch((error: unknown) => {
      demo.error = String(error);
      byId<HTMLOutputElement>(`${kind}-rate`).value = `error: ${String(error)}`;
      console.error(error);
    });
  }
}

start();
