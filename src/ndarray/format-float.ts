/**
 * @file How numpy prints the floats of one array (its `FloatingFormat` with
 * the default options: precision 8, floatmode "maxprec", no suppression):
 * one format for all the shown values, positional ("1.5 ", "2.25") or, when
 * values span a wide range, scientific ("1.e-05"). Pairs with format.ts,
 * which lays the formatted values out in rows.
 */
import type { DType } from "./dtype";

/** numpy's default `precision`: at most this many digits after the point. */
const PRECISION = 8;

/** Shortest decimal digits of x (finite, not 0) that read back as x in its dtype: `[digits, exponent]` for `d.ddd × 10^exponent`. */
function shortest(x: number, dtype: DType): [string, number] {
  let s = Math.abs(x).toExponential();
  if (dtype === "float32") {
    // JavaScript prints doubles; a float32 value needs fewer digits to be told from its neighbours
    for (let p = 1; p <= 9; p++) {
      const t = Math.abs(x).toExponential(p - 1);
      if (Math.fround(Number(t)) === Math.abs(x)) {
        s = t;
        break;
      }
    }
  }
  const [mantissa, exp] = s.split("e") as [string, string];
  return [mantissa.replace(".", ""), Number(exp)];
}

/** Positional text of x (finite) split at the point: shortest digits, cut to PRECISION fractional digits. */
function positional(x: number, dtype: DType): [string, string] {
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (x === 0) return [`${sign}0`, ""];
  const [digits, exp] = shortest(x, dtype);
  const fracDigits = Math.max(0, digits.length - 1 - exp);
  let text: string;
  if (fracDigits > PRECISION) text = Math.abs(x).toFixed(PRECISION).replace(/0+$/, "");
  else if (exp >= 0) text = digits.length - 1 > exp ? `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}` : `${digits.padEnd(exp + 1, "0")}.`;
  else text = `0.${"0".repeat(-exp - 1)}${digits}`;
  const [int, frac] = text.split(".") as [string, string];
  return [sign + int, frac ?? ""];
}

/** Scientific text of x (finite) as `[int, frac, exponent]`: shortest digits, at most PRECISION after the point. */
function scientific(x: number, dtype: DType): [string, string, number] {
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (x === 0) return [`${sign}0`, "", 0];
  let [digits, exp] = shortest(x, dtype);
  if (digits.length - 1 > PRECISION) {
    const [m, e] = Math.abs(x).toExponential(PRECISION).split("e") as [string, string];
    digits = m.replace(".", "").replace(/0+$/, "");
    exp = Number(e);
  }
  return [sign + digits[0]!, digits.slice(1), exp];
}

/**
 * The formatter numpy would use for these values (the ones that will be
 * shown): every result has the same width.
 *
 * @example
 * const f = floatFormatter([1.5, 2.25], "float64");
 * [f(1.5), f(2.25)]; // ["1.5 ", "2.25"]
 */
export function floatFormatter(values: ArrayLike<number>, dtype: DType): (x: number) => string {
  const finite = Array.from(values).filter(Number.isFinite);
  const nonZero = finite.filter((v) => v !== 0).map(Math.abs);
  const maxVal = nonZero.length > 0 ? Math.max(...nonZero) : 0;
  const minVal = nonZero.length > 0 ? Math.min(...nonZero) : 0;
  const exponential = nonZero.length > 0 && (maxVal >= 1e8 || minVal < 1e-4 || maxVal / minVal > 1000);
  let padLeft = 0;
  let padRight = 0;
  let body: (x: number) => string;
  if (exponential) {
    const parts = finite.map((v) => scientific(v, dtype));
    const precision = Math.max(...parts.map((p) => p[1].length));
    const expDigits = Math.max(2, ...parts.map((p) => String(Math.abs(p[2])).length));
    padLeft = Math.max(...parts.map((p) => p[0].length));
    padRight = expDigits + 2 + precision;
    body = (x) => {
      const [int, frac, exp] = scientific(x, dtype);
      return `${int.padStart(padLeft)}.${frac.padEnd(precision, "0")}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(expDigits, "0")}`;
    };
  } else {
    const parts = finite.map((v) => positional(v, dtype));
    padLeft = parts.length > 0 ? Math.max(...parts.map((p) => p[0].length)) : 0;
    padRight = parts.length > 0 ? Math.max(...parts.map((p) => p[1].length)) : 0;
    body = (x) => {
      const [int, frac] = positional(x, dtype);
      return `${int.padStart(padLeft)}.${frac.padEnd(padRight)}`;
    };
  }
  if (finite.length !== values.length) {
    const negInf = Array.from(values).some((v) => v === -Infinity);
    padLeft = Math.max(padLeft, 3 - (padRight + 1), 3 + (negInf ? 1 : 0) - (padRight + 1));
  }
  return (x) => {
    if (Number.isFinite(x)) return body(x);
    const text = Number.isNaN(x) ? "nan" : x < 0 ? "-inf" : "inf";
    return text.padStart(padLeft + padRight + 1);
  };
}
