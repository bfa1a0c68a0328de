/**
 * @file A small PNG decoder for the screenshot tests: 8-bit RGB or RGBA,
 * not interlaced (what Chromium's screenshots are), with the five row filters
 * of the PNG specification. Anything else is an error naming what it found.
 */
import { inflateSync } from "node:zlib";

/** A decoded image: `pixels` holds `channels` bytes per pixel, row by row. */
export interface Png {
  readonly width: number;
  readonly height: number;
  readonly channels: 3 | 4;
  readonly pixels: Uint8Array;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** The Paeth predictor of the PNG specification (filter type 4). */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decode a PNG file's bytes.
 *
 * @example
 * const { width, height } = decodePng(readFileSync("shot.png"));
 */
export function decodePng(file: Uint8Array): Png {
  if (!SIGNATURE.every((b, i) => file[i] === b)) throw new Error("not a PNG file (bad signature)");
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  let [width, height, channels] = [0, 0, 0];
  const data: Uint8Array[] = [];
  for (let at = 8; at < file.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...file.subarray(at + 4, at + 8));
    const body = file.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      [width, height] = [view.getUint32(at + 8), view.getUint32(at + 12)];
      const [depth, color, interlace] = [body[8], body[9], body[12]];
      if (depth !== 8 || (color !== 2 && color !== 6) || interlace !== 0) throw new Error(`unsupported PNG: bit depth ${depth}, colour type ${color}, interlace ${interlace}`);
      channels = color === 6 ? 4 : 3;
    } else if (type === "IDAT") {
      data.push(body);
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels]! : 0;
      const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predicted === undefined) throw new Error(`bad PNG row filter ${filter} in row ${y}`);
      pixels[y * stride + x] = (row[x]! + predicted) & 255;
    }
  }
  return { width, height, channels: channels as 3 | 4, pixels };
}
