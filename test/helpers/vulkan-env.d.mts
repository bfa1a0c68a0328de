/** @file Types of test/helpers/vulkan-env.mjs. */

/** Chromium's directory in Debian's chromium package: SwiftShader and a Vulkan loader. */
export declare const CHROMIUM_LIB: string;
/** Chromium's SwiftShader Vulkan driver manifest. */
export declare const SWIFTSHADER_ICD: string;

/** The file system queries {@link vulkanSetup} makes (real ones by default; tests pass fakes). */
export interface FileQueries {
  exists(path: string): boolean;
  list(dir: string): readonly string[];
}

/** What a process needs for Dawn to find a Vulkan adapter on this machine. */
export interface VulkanSetup {
  /** Variables to add to a process's environment before it starts. */
  readonly env: Readonly<Record<string, string>>;
  /** The driver that will be used, in words (for messages). */
  readonly driver: string;
  /** Why no adapter can be had here, when that is known from the files alone. */
  readonly missing?: string;
}

/** The Vulkan loader and driver Dawn will use, and the variables that make it find them. */
export declare function vulkanSetup(environment?: NodeJS.ProcessEnv, files?: FileQueries, platform?: string): VulkanSetup;
