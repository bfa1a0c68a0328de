/**
 * @file A minimal XML well-formedness check, without dependencies: one root
 * element, balanced and properly nested tags, quoted attributes without
 * duplicates, no stray `<` or `&` in text. Enough to tell that an SVG written
 * by examples/plot.ts will open; not a validating parser.
 */

/** What the check found: the root element's name and how many elements of each name. */
export interface XmlSummary {
  readonly root: string;
  readonly counts: ReadonlyMap<string, number>;
}

const NAME = "[A-Za-z_][\\w.:-]*";
const TAG = new RegExp(`<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, "y");
const ATTR = new RegExp(`(${NAME})\\s*=`, "g");
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

function checkText(text: string, at: number): void {
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== "&") continue;
    ENTITY.lastIndex = i;
    if (!ENTITY.test(text)) throw new Error(`bad "&" at offset ${at + i}: ${JSON.stringify(text.slice(i, i + 12))}`);
  }
}

/**
 * Throw an Error naming the first problem, or return a summary.
 *
 * @example
 * checkXml('<svg><g><rect x="1"/></g></svg>').root; // "svg"
 */
export function checkXml(text: string): XmlSummary {
  const counts = new Map<string, number>();
  const stack: string[] = [];
  let root: string | null = null;
  let i = 0;
  let closedRoot = false;
  const body = text.replace(/^\uFEFF?<\?xml[^>]*\?>/, "");
  const offset = text.length - body.length;
  while (i < body.length) {
    const lt = body.indexOf("<", i);
    const textEnd = lt < 0 ? body.length : lt;
    const chunk = body.slice(i, textEnd);
    if (chunk.trim() !== "") {
      if (stack.length === 0) throw new Error(`text outside the root element at offset ${offset + i}`);
      checkText(chunk, offset + i);
    }
    if (lt < 0) break;
    if (body.startsWith("<!--", lt)) {
      const end = body.indexOf("-->", lt + 4);
      if (end < 0) throw new Error(`unclosed comment at offset ${offset + lt}`);
      i = end + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(body);
    if (!m) throw new Error(`malformed tag at offset ${offset + lt}: ${JSON.stringify(body.slice(lt, lt + 40))}`);
    const [whole, closing, name, attrs, selfClosing] = m as unknown as [string, string, string, string, string];
    if (closing) {
      if (attrs.trim() !== "" || selfClosing) throw new Error(`bad closing tag </${name}> at offset ${offset + lt}`);
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> at offset ${offset + lt} closes <${open ?? "nothing"}>`);
      if (stack.length === 0) closedRoot = true;
    } else {
      if (closedRoot || (root !== null && stack.length === 0)) throw new Error(`second root element <${name}> at offset ${offset + lt}`);
      root ??= name;
      // names only: a quoted value may itself contain "name =" (vega's aria-label "t = 0.5")
      const names = [...attrs.replace(/"[^"]*"|'[^']*'/g, '""').matchAll(ATTR)].map((a) => a[1]!);
      const dup = names.find((n, k) => names.indexOf(n) !== k);
      if (dup) throw new Error(`attribute ${dup} repeated in <${name}> at offset ${offset + lt}`);
      for (const v of attrs.matchAll(/=\s*(?:"([^"]*)"|'([^']*)')/g)) checkText(v[1] ?? v[2] ?? "", offset + lt);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      if (!selfClosing) stack.push(name);
      else if (stack.length === 0) closedRoot = true;
    }
    i = lt + whole.length;
  }
  if (root === null) throw new Error("no element");
  if (stack.length > 0) throw new Error(`unclosed <${stack.join("> <")}>`);
  return { root, counts };
}
