/**
 * @file Runs every example (`npm run examples`).
 */
await import("./quick");
await import("./seed-examples");
