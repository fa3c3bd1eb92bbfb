// `npm run check-manifest`: compares what each element's source uses (parts, slots, `--lc-*`
// custom properties, events it fires) with what custom-elements.json documents, and lists public
// members without a description. Prints the gaps; `--strict` exits 1 when there are any.
// Run `npm run build` (or `npm run manifest`) first.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const strict = process.argv.includes('--strict');
if (!existsSync('custom-elements.json')) {
  console.error('custom-elements.json is missing: run `npm run manifest` first');
  process.exit(1);
}
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const elements = manifest.modules.flatMap((m) =>
  (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, path: m.path })),
);

const words = (re, text) => [...text.matchAll(re)].map((m) => m[1]);

// docs/theming.md: under each "### `<lc-…>`" heading, a "Parts: `a`, `b`, …" line.
const theming = existsSync('docs/theming.md') ? readFileSync('docs/theming.md', 'utf8') : '';
const themingParts = new Map(
  [...theming.matchAll(/^### `<(lc-[\w-]+)>`[\s\S]*?^Parts: (.*)$/gm)].map((m) => [
    m[1],
    new Set(words(/`([\w-]+)`/g, m[2])),
  ]),
);

// The shared sheets of src/core/shared-styles.ts by name (with the fragments each interpolates): an
// element's CSS is its own *.styles.ts and the sheets its modules import from there, as in
// custom-elements-manifest.config.mjs, which lists the shared tokens they read.
const sharedSource = existsSync('src/core/shared-styles.ts') ? readFileSync('src/core/shared-styles.ts', 'utf8') : '';
const sharedOwn = new Map([...sharedSource.matchAll(/export const (\w+) = css`([^`]*)`/g)].map((m) => [m[1], m[2]]));
const sharedCss = (name, seen = new Set()) => {
  if (seen.has(name) || !sharedOwn.has(name)) return '';
  seen.add(name);
  const text = sharedOwn.get(name);
  return [text, ...words(/\$\{(\w+)\}/g, text).map((n) => sharedCss(n, seen))].join('\n');
};

// The functions an element's modules import from src/core (`configProblemsAlert` renders its
// `error` part), and the functions of their module they call (`elementErrorAlert` calls
// `errorAlert`): their source, where parts are looked for too.
const coreHelpers = (code) =>
  [...code.matchAll(/import \{([^}]*)\} from '(?:\.\.\/)+core\/([\w/-]+)\.js'/g)]
    .flatMap(([, names, module]) => {
      const file = `src/core/${module}.ts`;
      if (!existsSync(file)) return [];
      const source = readFileSync(file, 'utf8');
      const seen = new Set();
      const body = (name) => {
        if (!name || seen.has(name)) return '';
        seen.add(name);
        const start = source.search(new RegExp(`export (?:async )?function ${name}\\b`));
        if (start < 0) return '';
        const end = source.indexOf('\nexport ', start + 1);
        const text = source.slice(start, end < 0 ? undefined : end);
        return [text, ...words(/\b(\w+)\(/g, text).map(body)].join('\n');
      };
      return names.split(',').map((n) =>
        body(
          n
            .replace(/^\s*type\s+/, '')
            .split(/\s+as\s+/)[0]
            .trim(),
        ),
      );
    })
    .join('\n');

let total = 0;
for (const folder of readdirSync('src/components').sort()) {
  const dir = join('src/components', folder);
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  const classFile = files.find((f) => f === `lc-${folder}.ts`);
  if (!classFile) {
    console.log(`<lc-${folder}>: no src/components/${folder}/lc-${folder}.ts yet`);
    continue;
  }
  const element = elements.find((e) => e.path === `dist/components/${folder}/lc-${folder}.js`);
  if (!element) {
    console.log(`<lc-${folder}>: not in the manifest (no defineElement call or no class?)`);
    total++;
    continue;
  }
  const code = files
    .filter((f) => !f.endsWith('.styles.ts') && f !== 'strings.ts')
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  const markup = `${code}\n${coreHelpers(code)}`;
  const css = [
    ...files.filter((f) => f.endsWith('.styles.ts')).map((f) => readFileSync(join(dir, f), 'utf8')),
    ...words(/import \{([^}]*)\} from '[./]*\/core\/shared-styles\.js'/g, code)
      .flatMap((names) => names.split(','))
      .map((name) => sharedCss(name.trim())),
  ].join('\n');
  const used = {
    parts: new Set(
      [
        ...words(/\bpart="([^"]*)"/g, markup).map((p) => p.replace(/\$\{[^}]*\}/g, ' ')),
        // part=${cond ? 'a b' : 'a'}: the names in the string literals
        ...words(/\bpart="?\$\{([^}]*)\}/g, markup).flatMap((e) => words(/'([^']*)'/g, e)),
        // a local helper, part=${part(i)}: the names in the string literals of `const part = …;`
        ...words(/\bconst part = ([^;]*);/g, markup).flatMap((e) => words(/'([^']*)'/g, e)),
        // a helper's parameter `part: 'title' | 'section-heading'`: the names it is typed with
        ...words(/\bpart\??:\s*('[\w-]+'(?:\s*\|\s*'[\w-]+')*)/g, markup).flatMap((u) => words(/'([\w-]+)'/g, u)),
      ]
        .flatMap((p) => p.split(/\s+/))
        .filter((p) => /^[a-z][\w-]*$/.test(p)),
    ),
    slots: new Set(words(/<slot(?:\s+name="([^"$]*)")?/g, code).map((n) => n ?? '')),
    cssProperties: new Set(words(/var\(\s*(--lc-[\w-]+)/g, css)),
    events: new Set([
      ...words(/new (?:Custom)?Event\(\s*'([\w-]+)'/g, code),
      ...(code.includes('SubmissionController') ? ['lc-submit', 'lc-submitted', 'lc-submit-error'] : []),
    ]),
  };
  const documented = {
    parts: new Set((element.cssParts ?? []).map((p) => p.name)),
    slots: new Set((element.slots ?? []).map((s) => s.name)),
    cssProperties: new Set((element.cssProperties ?? []).map((p) => p.name)),
    events: new Set((element.events ?? []).map((e) => e.name)),
  };
  const gaps = [];
  for (const kind of Object.keys(used)) {
    const missing = [...used[kind]].filter((x) => !documented[kind].has(x));
    if (missing.length)
      gaps.push(`${kind} used but not documented: ${missing.map((x) => x || '(default)').join(', ')}`);
    const stale = [...documented[kind]].filter((x) => !used[kind].has(x));
    if (stale.length && kind !== 'events')
      gaps.push(
        `${kind} documented but not found by this scan (check: set through a helper?): ${stale.map((x) => x || '(default)').join(', ')}`,
      );
  }
  const undocumented = [
    ...(element.members ?? []).filter((m) => !m.description && !m.static),
    ...(element.events ?? []).filter((e) => !e.description),
    ...(element.slots ?? []).filter((s) => !s.description),
    ...(element.cssParts ?? []).filter((s) => !s.description),
    ...(element.cssProperties ?? []).filter((s) => !s.description),
  ].map((m) => m.name || '(default slot)');
  if (undocumented.length) gaps.push(`without a description: ${undocumented.join(', ')}`);
  // A default shown as a constant's name, or an attribute or public property without a type, is
  // what Storybook's controls and IDEs would show.
  const fields = (element.members ?? []).filter((m) => m.kind === 'field' && !m.static);
  const unresolved = [...fields, ...(element.attributes ?? [])].filter((m) =>
    /^[A-Z][A-Z0-9_]*$/.test(m.default ?? ''),
  );
  if (unresolved.length) gaps.push(`default is a constant's name: ${unresolved.map((m) => m.name).join(', ')}`);
  const untyped = [...fields, ...(element.attributes ?? [])].filter((m) => !m.type?.text);
  if (untyped.length) gaps.push(`without a type: ${untyped.map((m) => m.name).join(', ')}`);
  if (!element.summary) gaps.push('no @summary');
  // docs/theming.md lists each element's parts, from the manifest: the same ones, no more.
  const listed = themingParts.get(element.tagName);
  if (listed) {
    const notListed = [...documented.parts].filter((p) => !listed.has(p));
    const extra = [...listed].filter((p) => !documented.parts.has(p));
    if (notListed.length) gaps.push(`parts not listed in docs/theming.md: ${notListed.join(', ')}`);
    if (extra.length) gaps.push(`parts in docs/theming.md that the manifest does not have: ${extra.join(', ')}`);
  }
  total += gaps.length;
  console.log(`<${element.tagName}>: ${gaps.length ? '' : 'complete'}`);
  for (const gap of gaps) console.log(`  - ${gap}`);
}
console.log(total ? `${total} documentation gap(s)` : 'the manifest documents every element completely');
process.exit(strict && total ? 1 : 0);
