/**
 * One line per problem, each naming the path: `criteria[3].title: must not be empty`. A value of
 * the wrong type is said to be so, alone: zod also runs the checks of its place on it (a string
 * where a list of 3 to 5 prompts goes is "too big" besides), which only confuse.
 */
export function formatIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code?: string }>,
): string {
  const mistyped = new Set(issues.filter((i) => i.code === 'invalid_type').map((i) => formatPath(i.path)));
  return issues
    .filter((i) => i.code === 'invalid_type' || !mistyped.has(formatPath(i.path)))
    .slice(0, 8)
    .map((i) => `${formatPath(i.path) || '(root)'}: ${i.message}`)
    .join('; ');
}

/** A path as code would write it: `criteria[3].title`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

/**
 * The options every zod parse of the library's passes (English messages: see zod.ts), set by
 * zod.ts when it loads. Here, not there, so the zod-free core (attribute checks, fetchJson) can
 * pass them to a schema it is given without loading zod itself: a schema it is given was made by a
 * module that loaded zod.ts, so they are set by then.
 */
export let parseOptions: object | undefined;

export function setParseOptions(options: object): void {
  parseOptions = options;
}
