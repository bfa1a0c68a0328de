/**
 * @file Runs every example (`npm run examples`). The plots go to `out/`
 * (or `$KERNEX_OUT`).
 */
export {};
await import("./quick");
await import("./seed-examples");
await import("./linear-convection");
await import("./convection-loop");
await import("./wave-equation");
await import("./rk4");
await import("./diffusion-2d");
await import("./heat-torus");
await import("./seed-transforms");
await import("./fit-kernel");
