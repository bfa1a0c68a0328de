/**
 * @file A small SVG plotting helper for the examples, with no dependencies:
 * line plots (axes, "nice" ticks, a legend, linear or log y) and heat maps
 * (one rectangle per cell, a viridis-like colour scale with its own axis).
 * It returns SVG text; `writeSvg` saves it under the examples' output folder.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One line of a line plot. */
export interface Series {
  /** x coordinates. */
  readonly x: ArrayLike<number>;
  /** y coordinates, one per x. */
  readonly y: ArrayLike<number>;
  /** Legend entry; series without a label are left out of the legend. */
  readonly label?: string;
  /** Any SVG colour; by default the next colour of the palette. */
  readonly color?: string;
  /** Draw dashed (e.g. a reference solution). */
  readonly dashed?: boolean;
  /** Draw a small circle at every point instead of a line. */
  readonly markers?: boolean;
}

/** Titles and sizes shared by both kinds of plot. */
export interface PlotOptions {
  readonly title?: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Width of the whole picture in pixels; default 640. */
  readonly width?: number;
  /** Height of the whole picture in pixels; default 400. */
  readonly height?: number;
}

/** Options of `linePlot`. */
export interface LinePlotOptions extends PlotOptions {
  /** "log": logarithmic y axis (values must be positive). Default "linear". */
  readonly yScale?: "linear" | "log";
  /** Fixed y range instead of the data's. */
  readonly yRange?: readonly [number, number];
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

/** Anchor colours of the viridis map at 0, 0.25, 0.5, 0.75 and 1; colours in between are interpolated. */
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
];

/** Space around the plot area: room for tick labels, axis labels and the title. */
const MARGIN = { left: 70, right: 20, top: 40, bottom: 55 };

/**
 * Escape text for an SVG text node or attribute.
 *
 * @example
 * escapeXml("a < b & c"); // "a &lt; b &amp; c"
 */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * About `count` round tick values covering [lo, hi] (steps of 1, 2 or 5 times a power of ten).
 *
 * @example
 * niceTicks(0, 2, 5); // [0, 0.5, 1, 1.5, 2]
 */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) ticks.push(k * step);
  return ticks;
}

/** A tick label: short, without floating-point noise such as 0.30000000000000004. */
function formatTick(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(0);
  return String(Number(v.toPrecision(6)));
}

/** The viridis-like colour of t in [0, 1]. */
export function colormap(t: number): string {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(u));
  const f = u - i;
  const [a, b] = [VIRIDIS[i]!, VIRIDIS[i + 1]!];
  const c = a.map((v, k) => Math.round(v + (b[k]! - v) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

function extent(values: Iterable<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo === Infinity) return [0, 1];
  if (lo === hi) return [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

const fmt = (v: number): string => String(Math.round(v * 100) / 100);

/** Ids of clip paths and gradients are numbered so pictures combined by `sideBySide` do not share them. */
let nextId = 0;

function header(width: number, height: number): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="white"/>`,
  ];
}

function labels(o: PlotOptions, height: number, plotRight: number): string[] {
  const out: string[] = [];
  const cx = (MARGIN.left + plotRight) / 2;
  if (o.title) out.push(`<text x="${fmt(cx)}" y="24" text-anchor="middle" font-size="15">${escapeXml(o.title)}</text>`);
  if (o.xLabel) out.push(`<text x="${fmt(cx)}" y="${height - 12}" text-anchor="middle">${escapeXml(o.xLabel)}</text>`);
  if (o.yLabel) {
    const cy = (MARGIN.top + height - MARGIN.bottom) / 2;
    out.push(`<text x="16" y="${fmt(cy)}" text-anchor="middle" transform="rotate(-90 16 ${fmt(cy)})">${escapeXml(o.yLabel)}</text>`);
  }
  return out;
}

/**
 * A line plot of one or more series, with axes, ticks and a legend.
 *
 * @example
 * const x = [0, 1, 2, 3];
 * const svg = linePlot([{ x, y: x.map((v) => v * v), label: "x²" }], { title: "square", xLabel: "x" });
 */
export function linePlot(series: readonly Series[], options: LinePlotOptions = {}): string {
  const width = options.width ?? 640;
  const height = options.height ?? 400;
  const log = options.yScale === "log";
  const [x0, x1] = extent(series.flatMap((s) => Array.from(s.x)));
  const ys = series.flatMap((s) => Array.from(s.y)).filter((v) => !log || v > 0);
  let [y0, y1] = options.yRange ?? extent(log ? ys.map(Math.log10) : ys);
  if (options.yRange && log) [y0, y1] = [Math.log10(y0), Math.log10(y1)];
  if (!options.yRange && !log) {
    const pad = (y1 - y0) * 0.05;
    [y0, y1] = [y0 - pad, y1 + pad];
  }
  if (log) [y0, y1] = [Math.floor(y0), Math.ceil(y1)];
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const sx = (v: number): number => left + ((v - x0) / (x1 - x0)) * (right - left);
  const sy = (v: number): number => bottom - (((log ? Math.log10(v) : v) - y0) / (y1 - y0)) * (bottom - top);
  const out = header(width, height);
  // grid lines and ticks
  for (const t of niceTicks(x0, x1, 6)) {
    const px = fmt(sx(t));
    out.push(`<line x1="${px}" y1="${top}" x2="${px}" y2="${bottom}" stroke="#e6e6e6"/>`);
    out.push(`<text x="${px}" y="${bottom + 16}" text-anchor="middle">${formatTick(t)}</text>`);
  }
  // log scale: a tick every `every` decades (y0 and y1 are whole decades), at most about 7 ticks
  const every = Math.max(1, Math.ceil((y1 - y0) / 7));
  const decades: number[] = [];
  for (let e = Math.ceil(y0 / every) * every; e <= y1; e += every) decades.push(10 ** e);
  const yTicks = log ? decades : niceTicks(y0, y1, 6);
  for (const t of yTicks) {
    const py = fmt(sy(t));
    out.push(`<line x1="${left}" y1="${py}" x2="${right}" y2="${py}" stroke="#e6e6e6"/>`);
    out.push(`<text x="${left - 6}" y="${py}" text-anchor="end" dominant-baseline="middle">${formatTick(t)}</text>`);
  }
  out.push(`<rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}" fill="none" stroke="#333"/>`);
  // the series, clipped to the plot area
  const clip = `plot-area-${nextId++}`;
  out.push(`<clipPath id="${clip}"><rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}"/></clipPath>`);
  out.push(`<g clip-path="url(#${clip})">`);
  series.forEach((s, k) => {
    const color = escapeXml(s.color ?? PALETTE[k % PALETTE.length]!);
    const points: string[] = [];
    for (let i = 0; i < s.x.length; i++) {
      const yv = s.y[i]!;
      if (!Number.isFinite(yv) || (log && yv <= 0)) continue;
      points.push(`${fmt(sx(s.x[i]!))},${fmt(sy(yv))}`);
    }
    if (s.markers) {
      for (const p of points) {
        const [cx, cy] = p.split(",");
        out.push(`<circle cx="${cx}" cy="${cy}" r="2.5" fill="${color}"/>`);
      }
    } else {
      const dash = s.dashed ? ` stroke-dasharray="6 4"` : "";
      out.push(`<polyline points="${points.join(" ")}" fill="none" stroke="${color}" stroke-width="1.6"${dash}/>`);
    }
  });
  out.push(`</g>`);
  // legend, top right inside the plot area
  const labelled = series.map((s, k) => ({ s, k })).filter(({ s }) => s.label);
  if (labelled.length > 0) {
    const boxWidth = 24 + 7 * Math.max(...labelled.map(({ s }) => s.label!.length)) + 16;
    const bx = right - boxWidth - 8;
    out.push(`<rect x="${bx}" y="${top + 8}" width="${boxWidth}" height="${labelled.length * 18 + 8}" fill="white" fill-opacity="0.85" stroke="#bbb"/>`);
    labelled.forEach(({ s, k }, row) => {
      const color = escapeXml(s.color ?? PALETTE[k % PALETTE.length]!);
      const ly = top + 20 + row * 18;
      const dash = s.dashed ? ` stroke-dasharray="6 4"` : "";
      if (s.markers) out.push(`<circle cx="${bx + 17}" cy="${ly}" r="3" fill="${color}"/>`);
      else out.push(`<line x1="${bx + 6}" y1="${ly}" x2="${bx + 28}" y2="${ly}" stroke="${color}" stroke-width="2"${dash}/>`);
      out.push(`<text x="${bx + 34}" y="${ly}" dominant-baseline="middle">${escapeXml(s.label!)}</text>`);
    });
  }
  out.push(...labels(options, height, right), "</svg>");
  return `${out.join("\n")}\n`;
}

/**
 * A heat map of a row-major `rows × cols` grid of values (row 0 at the top
 * unless `yUp`), with a colour scale on the right.
 *
 * @example
 * const svg = heatMap([0, 1, 2, 3, 4, 5], [2, 3], { title: "values", colorLabel: "u" });
 */
export function heatMap(values: ArrayLike<number>, shape: readonly [number, number], options: HeatMapOptions = {}): string {
  const [rows, cols] = shape;
  if (values.length !== rows * cols) throw new Error(`heatMap: ${values.length} values for shape [${rows}, ${cols}]`);
  const width = options.width ?? 560;
  const height = options.height ?? 480;
  const [v0, v1] = options.valueRange ?? extent(Array.from(values));
  const barWidth = 16;
  const left = MARGIN.left;
  const right = width - MARGIN.right - barWidth - 60;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const cw = (right - left) / cols;
  const ch = (bottom - top) / rows;
  const rowAt = (i: number): number => (options.yUp ? rows - 1 - i : i);
  const out = header(width, height);
  // crisp edges and a fraction of a pixel of overlap: no background lines between cells
  out.push(`<g shape-rendering="crispEdges">`);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const t = (values[i * cols + j]! - v0) / (v1 - v0);
      out.push(`<rect x="${fmt(left + j * cw)}" y="${fmt(top + rowAt(i) * ch)}" width="${fmt(cw + 0.5)}" height="${fmt(ch + 0.5)}" fill="${colormap(t)}"/>`);
    }
  }
  out.push(`</g>`);
  out.push(`<rect x="${left}" y="${top}" width="${fmt(right - left)}" height="${bottom - top}" fill="none" stroke="#333"/>`);
  // axis ticks in data coordinates: cell centres map linearly from xRange / yRange
  const axis = (range: readonly [number, number] | undefined, n: number): { lo: number; hi: number } =>
    range ? { lo: range[0], hi: range[1] } : { lo: 0, hi: n - 1 };
  const xr = axis(options.xRange, cols);
  const yr = axis(options.yRange, rows);
  const px = (v: number): number => left + (cols === 1 ? 0.5 : (v - xr.lo) / (xr.hi - xr.lo) * (cols - 1) + 0.5) * cw;
  const py = (v: number): number => top + (rows === 1 ? 0.5 : rowAt((v - yr.lo) / (yr.hi - yr.lo) * (rows - 1)) + 0.5) * ch;
  // without a range the axes count cells: integer ticks only
  const ticks = (r: { lo: number; hi: number }, given: boolean): number[] =>
    niceTicks(Math.min(r.lo, r.hi), Math.max(r.lo, r.hi), 5).filter((t) => given || Number.isInteger(t));
  for (const t of ticks(xr, options.xRange !== undefined)) {
    const x = fmt(px(t));
    out.push(`<line x1="${x}" y1="${bottom}" x2="${x}" y2="${bottom + 5}" stroke="#333"/>`);
    out.push(`<text x="${x}" y="${bottom + 18}" text-anchor="middle">${formatTick(t)}</text>`);
  }
  for (const t of ticks(yr, options.yRange !== undefined)) {
    const y = fmt(py(t));
    out.push(`<line x1="${left - 5}" y1="${y}" x2="${left}" y2="${y}" stroke="#333"/>`);
    out.push(`<text x="${left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${formatTick(t)}</text>`);
  }
  // colour scale: a vertical gradient from v0 (bottom) to v1 (top)
  const bx = right + 24;
  const gradient = `scale-${nextId++}`;
  out.push(`<defs><linearGradient id="${gradient}" x1="0" y1="1" x2="0" y2="0">`);
  for (let k = 0; k <= 10; k++) out.push(`<stop offset="${k / 10}" stop-color="${colormap(k / 10)}"/>`);
  out.push(`</linearGradient></defs>`);
  out.push(`<rect x="${bx}" y="${top}" width="${barWidth}" height="${bottom - top}" fill="url(#${gradient})" stroke="#333"/>`);
  for (const t of niceTicks(v0, v1, 5)) {
    const y = fmt(bottom - ((t - v0) / (v1 - v0)) * (bottom - top));
    out.push(`<line x1="${bx + barWidth}" y1="${y}" x2="${bx + barWidth + 4}" y2="${y}" stroke="#333"/>`);
    out.push(`<text x="${bx + barWidth + 7}" y="${y}" dominant-baseline="middle">${formatTick(t)}</text>`);
  }
  if (options.colorLabel) {
    out.push(`<text x="${bx + barWidth / 2}" y="${top - 8}" text-anchor="middle">${escapeXml(options.colorLabel)}</text>`);
  }
  out.push(...labels(options, height, right), "</svg>");
  return `${out.join("\n")}\n`;
}

/**
 * Put pictures made by `linePlot` and `heatMap` side by side in one SVG.
 *
 * @example
 * const both = sideBySide([heatMap([0, 1], [1, 2]), heatMap([1, 0], [1, 2])]);
 */
export function sideBySide(svgs: readonly string[]): string {
  const size = (svg: string): [number, number] => {
    const m = /^<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg);
    if (!m) throw new Error("sideBySide: expected pictures made by linePlot or heatMap");
    return [Number(m[1]), Number(m[2])];
  };
  const sizes = svgs.map(size);
  const width = sizes.reduce((w, [sw]) => w + sw, 0);
  const height = Math.max(...sizes.map(([, sh]) => sh));
  const out = header(width, height);
  let x = 0;
  svgs.forEach((svg, k) => {
    out.push(svg.trimEnd().replace(/^<svg /, `<svg x="${x}" y="0" `));
    x += sizes[k]![0];
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

/** The folder examples write into: `$KERNEX_OUT`, or `out/`. */
export function outputDir(): string {
  return process.env.KERNEX_OUT ?? "out";
}

/**
 * Write an SVG into the output folder and return its path.
 *
 * @example
 * writeSvg("square.svg", linePlot([{ x: [0, 1], y: [0, 1] }])); // "out/square.svg"
 */
export function writeSvg(name: string, svg: string): string {
  const dir = outputDir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, svg);
  return path;
}
