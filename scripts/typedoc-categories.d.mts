/** @file Types of the typedoc plugin scripts/typedoc-categories.mjs, for the test that checks its categories. */
import type { Application } from "typedoc";

/** The category of an export, by the package-relative path of the file declaring it and its name. */
export declare function categoryOf(path: string, name?: string): string;
/** typedoc's plugin entry point. */
export declare function load(app: Application): void;
