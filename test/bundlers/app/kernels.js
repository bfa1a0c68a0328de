/**
 * @file A kernel module of the bundler test app: it starts with the
 * "use kernex" directive, so the build plugins record every top-level
 * function in it, with the module's own constants as captures.
 */
"use kernex";

const DIFFUSION = 0.25;

/** One explicit step of 1-D diffusion at the window's centre. */
export const diffuse = (u) => u[1] + DIFFUSION * (u[0] - 2 * u[1] + u[2]);
