/**
 * @file A typedoc plugin that files every export of the API reference under a
 * category by the folder or file that declares it (arrays, array functions,
 * stencils, transforms, loops, configuration, errors), so the sources need no
 * `@category` tag on each of ~90 exports and a new export lands in the right
 * place by where it is written. An export declared elsewhere falls into
 * "Other", which test/docs.test.ts forbids.
 */
import { Comment, CommentTag, Converter, ReflectionKind } from "typedoc";

/** Exports whose declaring file is shared with another category (compiler/primitives.ts). */
export const CATEGORY_BY_NAME = { DType: "Arrays" };

/** Category by package-relative source path: the first matching rule wins (so the specific rules come first). */
export const CATEGORY_RULES = [
  [/^src\/transforms\/fori-loop/, "Loops"],
  [/^src\/ndarray\//, "Arrays"],
  [/^src\/core\/ops/, "Array functions"],
  [/^src\/(stencil|kernel)\//, "Stencils"],
  [/^compiler\/primitives/, "Stencils"],
  [/^src\/transforms\//, "Transforms"],
  [/^src\/config/, "Configuration"],
  [/^src\/errors/, "Errors"],
];

/**
 * The category of a source file.
 *
 * @example
 * categoryOf("src/stencil/kmap.ts", "kmap"); // "Stencils"
 */
export function categoryOf(path, name = "") {
  if (Object.hasOwn(CATEGORY_BY_NAME, name)) return CATEGORY_BY_NAME[name];
  for (const [pattern, category] of CATEGORY_RULES) if (pattern.test(path)) return category;
  return "Other";
}

/** Add `@category <name>` to the comment typedoc reads categories from. */
function tag(reflection, category) {
  const target = reflection.comment ?? reflection.signatures?.[0]?.comment;
  const comment = target ?? (reflection.comment = new Comment());
  if (comment.blockTags.some((t) => t.tag === "@category")) return;
  comment.blockTags.push(new CommentTag("@category", [{ kind: "text", text: category }]));
}

/** typedoc's plugin entry point. */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    for (const reflection of project.children ?? []) {
      if (reflection.kindOf(ReflectionKind.Document)) continue;
      const id = project.getSymbolIdFromReflection(reflection);
      tag(reflection, categoryOf(id?.packagePath ?? "", reflection.name));
    }
  });
}
