/**
 * @file Runs every example (`npm run examples`).
 */
export {};
await import("./quick");
await import("./seed-examples");
