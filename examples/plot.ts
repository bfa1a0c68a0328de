/**
 * @file The examples' plots, drawn by vega-lite and rendered to SVG by vega
 * in Node (no browser, no canvas): line plots (lines, dashed lines or point
 * markers; linear or log y) and heat maps (one rect per cell, viridis). Each
 * builder returns a vega-lite spec; `sideBySide` puts specs in a row and
 * `writePlot` renders one to an SVG file under the examples' output folder.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as vega from "vega";
import * as vegaLite from "vega-lite";

/** A vega-lite specification, as the builders below return it. */
export type PlotSpec = vegaLite.TopLevelSpec;

/** One line of a line plot. */
export interface Series {
  /** x coordinates. */
  readonly x: ArrayLike<number>;
  /** y coordinates, one per x. */
  readonly y: ArrayLike<number>;
  /** Legend entry (also tells the series apart, so give each a different one). */
  readonly label: string;
  /** Any CSS colour; by default the next colour of the palette. */
  readonly color?: string;
  /** Draw dashed (e.g. a reference solution). */
  readonly dashed?: boolean;
  /** Draw a point at every (x, y) instead of a line. */
  readonly markers?: boolean;
}

/** Titles and sizes shared by both kinds of plot. */
export interface PlotOptions {
  readonly title?: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Width of the plotting area in pixels; default 560. */
  readonly width?: number;
  /** Height of the plotting area in pixels; default 320. */
  readonly height?: number;
}

/** Options of `linePlot`. */
export interface LinePlotOptions extends PlotOptions {
  /** "log": logarithmic y axis (values must be positive). Default "linear". */
  readonly yScale?: "linear" | "log";
}

/** Options of `heatMap`. */
export interface HeatMapOptions extends PlotOptions {
  /** Coordinates of the first and last column centres; default the column indices. */
  readonly xRange?: readonly [number, number];
  /** Coordinates of the first and last row centres; default the row indices. */
  readonly yRange?: readonly [number, number];
  /** Draw row 0 at the bottom (y grows upwards, as in a plot of a field); default false: row 0 at the top, as in an image. */
  readonly yUp?: boolean;
  /** Label of the colour scale. */
  readonly colorLabel?: string;
  /** Fixed value range of the colour scale instead of the data's. */
  readonly valueRange?: readonly [number, number];
}

/** Line colours, chosen to be distinguishable (Tableau 10). */
const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

/**
 * A line plot of one or more series.
 *
 * @example
 * const spec = linePlot([{ x: [0, 1, 2], y: [0, 1, 4], label: "x²" }], { title: "squares" });
 */
export function linePlot(series: readonly Series[], options: LinePlotOptions = {}): PlotSpec {
  const labels = series.map((s) => s.label);
  const colors = series.map((s, k) => s.color ?? PALETTE[k % PALETTE.length]!);
  const rows = series.flatMap((s) => Array.from(s.x, (x, i) => ({ x, y: s.y[i]!, series: s.label })));
  const color = {
    field: "series",
    type: "nominal",
    title: null,
    sort: labels,
    scale: { domain: labels, range: colors },
    legend: { symbolType: "stroke" },
  } as const;
  const x = { field: "x", type: "quantitative", title: options.xLabel ?? "x", scale: { zero: false, nice: false } } as const;
  const yScale = options.yScale === "log" ? ({ type: "log" } as const) : ({ type: "linear", zero: false } as const);
  const y = { field: "y", type: "quantitative", title: options.yLabel ?? "y", scale: yScale } as const;
  const only = (pick: (s: Series) => boolean) => ({ filter: { field: "series", oneOf: series.filter(pick).map((s) => s.label) } });
  const dash = { field: "series", type: "nominal", title: null, sort: labels, scale: { domain: labels, range: series.map((s) => (s.dashed ? [6, 4] : [1, 0])) } } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: options.title ?? "",
    width: options.width ?? 560,
    height: options.height ?? 320,
    data: { values: rows },
    layer: [
      { transform: [only((s) => !s.markers)], mark: { type: "line", strokeWidth: 2 }, encoding: { x, y, color, strokeDash: dash } },
      // one layer per series drawn with markers, coloured directly, so the legend stays the lines' one
      ...series.flatMap((s, k) =>
        s.markers ? [{ transform: [only((t) => t === s)], mark: { type: "point" as const, filled: true, size: 30, color: colors[k]! }, encoding: { x, y } }] : [],
      ),
    ],
  };
}

/** Cell edges along one axis: n cells whose centres run from range[0] to range[1]. */
function edges(n: number, range: readonly [number, number] | undefined): (k: number) => [number, number] {
  const [first, last] = range ?? [0, n - 1];
  const step = n > 1 ? (last - first) / (n - 1) : 1;
  return (k) => [first + (k - 0.5) * step, first + (k + 0.5) * step];
}

/**
 * A heat map of a row-major [rows, columns] grid of values: one rect per cell.
 *
 * @example
 * const spec = heatMap([1, 2, 3, 4], [2, 2], { title: "a 2×2 grid", colorLabel: "u" });
 */
export function heatMap(values: ArrayLike<number>, shape: readonly [number, number], options: HeatMapOptions = {}): PlotSpec {
  const [rows, columns] = shape;
  const xEdges = edges(columns, options.xRange);
  const yEdges = edges(rows, options.yRange);
  const cells = Array.from({ length: rows * columns }, (_, k) => {
    const [x0, x1] = xEdges(k % columns);
    const [y0, y1] = yEdges(Math.floor(k / columns));
    return { x0, x1, y0, y1, v: values[k]! };
  });
  // without a coordinate range, cells are indices: label whole numbers only
  const axis = (title: string | undefined, fallback: string, range: unknown) => ({ title: title ?? fallback, ...(range ? {} : { axis: { tickMinStep: 1 } }) });
  const color = {
    field: "v",
    type: "quantitative",
    title: options.colorLabel ?? "value",
    scale: { scheme: "viridis", ...(options.valueRange ? { domain: [...options.valueRange] } : {}) },
  } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: options.title ?? "",
    width: options.width ?? 320,
    height: options.height ?? 320,
    data: { values: cells },
    // each cell is also outlined in its own colour, so anti-aliasing leaves no light seams between cells
    mark: { type: "rect", strokeWidth: 0.75 },
    encoding: {
      x: { field: "x0", type: "quantitative", ...axis(options.xLabel, "column", options.xRange), scale: { zero: false, nice: false } },
      x2: { field: "x1" },
      y: { field: "y0", type: "quantitative", ...axis(options.yLabel, "row", options.yRange), scale: { zero: false, nice: false, reverse: options.yUp !== true } },
      y2: { field: "y1" },
      color,
      stroke: { ...color, legend: null },
    },
  };
}

/**
 * Several plots in a row, each with its own scales.
 *
 * @example
 * const both = sideBySide([heatMap([0, 1], [1, 2]), heatMap([1, 0], [1, 2])]);
 */
export function sideBySide(plots: readonly PlotSpec[]): PlotSpec {
  // each builder's output is a single view; only the top-level keys move
  const views = plots.map(({ $schema: _schema, ...view }) => view);
  return { $schema: "https://vega.github.io/schema/vega-lite/v6.json", hconcat: views, resolve: { scale: { color: "independent" } } } as PlotSpec;
}

/**
 * SVG text of a plot: vega-lite compiles the spec to vega, which renders it
 * without a browser.
 *
 * @example
 * const svg = await renderSvg(linePlot([{ x: [0, 1], y: [0, 1], label: "y = x" }]));
 */
export async function renderSvg(spec: PlotSpec): Promise<string> {
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * The examples' output folder: `$KERNEX_OUT`, or `out/` under the working directory.
 *
 * @example
 * outputDir(); // "out"
 */
export function outputDir(): string {
  return process.env.KERNEX_OUT ?? "out";
}

/**
 * Render a plot and write it as `name` in the output folder; returns the file's path.
 *
 * @example
 * const path = await writePlot("squares.svg", linePlot([{ x: [0, 1, 2], y: [0, 1, 4], label: "x²" }]));
 */
export async function writePlot(name: string, spec: PlotSpec): Promise<string> {
  const dir = outputDir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, await renderSvg(spec));
  return path;
}
