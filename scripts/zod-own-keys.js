// zod 4 (4.6.7, the newest) walks some objects with `for…in`, which also visits what a page's old
// scripts add, enumerable, to Object.prototype (`Object.prototype.extend = …`): there, merely
// defining a schema throws ("Cannot read properties of undefined (reading 'get')"), so every element
// that parses with zod (the matrix, the journal, the assessment, <lc-results>' parser, a host's
// criteria) fails to load, and a strict object refuses the inherited key. Until zod walks own keys,
// the drop-in build (rollup.config.js) and the browser tests (web-test-runner.config.js) rewrite
// those loops to walk `Object.keys`, which is what they mean: each walks an object literal, a
// schema's shape or parsed JSON. A zod whose code no longer matches fails the build, loudly.
// (An app bundling the npm entries uses its own zod: the README says so.)

const LOOPS = [
  [/[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/, ['for (const key in table) {', 'for (const key in computes) {']],
  [
    /[\\/]zod[\\/]v4[\\/]core[\\/]schemas\.js$/,
    ['for (const key in input) {', 'for (const key in shape) {', 'for (const key in input) {'],
  ],
];

/** The module's code with its `for…in` loops over own keys, or null for a module that has none to patch. */
export function ownKeysZod(code, id) {
  const entry = LOOPS.find(([re]) => re.test(id));
  if (!entry) return null;
  let out = code;
  for (const loop of entry[1]) {
    const at = out.indexOf(loop);
    if (at < 0)
      throw new Error(`zod-own-keys: "${loop}" not found in ${id}: zod changed, check scripts/zod-own-keys.js`);
    const [, name, object] = loop.match(/^for \(const (\w+) in (\w+)\) \{$/);
    out = `${out.slice(0, at)}for (const ${name} of Object.keys(${object})) {${out.slice(at + loop.length)}`;
  }
  return out;
}

/** The rewrite as a rollup plugin. */
export const zodOwnKeysRollup = () => ({
  name: 'zod-own-keys',
  transform(code, id) {
    const out = ownKeysZod(code, id);
    return out === null ? null : { code: out, map: null };
  },
});

/** The rewrite as a @web/dev-server plugin (the browser tests load zod from node_modules). */
export const zodOwnKeysServer = () => ({
  name: 'zod-own-keys',
  transform(context) {
    const out = ownKeysZod(typeof context.body === 'string' ? context.body : '', context.path);
    return out === null ? undefined : { body: out };
  },
});
