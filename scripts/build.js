// `npm run build`: ESM modules + .d.ts for npm users, the drop-in bundle in dist/cdn/, JSON
// Schemas for backends in dist/schemas/, and the custom-elements manifest (custom-elements.json,
// from the classes' JSDoc), all from the same sources.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const bin = (name) => `node_modules/.bin/${name}`;
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run(bin('rollup'), ['-c', '--silent']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);

// The schemas come from the built modules: what backends validate against is what the elements send.
const z = await import('zod/mini');
const { envelopeSchema } = await import(pathToFileURL('dist/core/envelope.js').href);
const { criteriaSetSchema } = await import(pathToFileURL('dist/criteria/schema.js').href);
const { MAX_PERSPECTIVES, criterionResultSchema, resultsSchema } = await import(
  pathToFileURL('dist/core/results.js').href
);
mkdirSync('dist/schemas', { recursive: true });
// A pattern's flags (`/…/i`) are lost in JSON Schema, which would then refuse what the elements
// send: the build fails on one (write the cases out, `[hH]`).
// (A UUID is taken in either case and sent in lower case: the schema says lower case, as documented.)
const { UUID_PATTERN } = await import(pathToFileURL('dist/core/build-envelope.js').href);
const noFlags = (name) => (ctx) => {
  // The cap on perspectives is a zod refinement, which JSON Schema would lose; it can say it.
  if (ctx.zodSchema === criterionResultSchema.shape.perspectives) ctx.jsonSchema.maxProperties = MAX_PERSPECTIVES;
  for (const check of ctx.zodSchema._zod.def.checks ?? []) {
    const pattern = check._zod.def.pattern;
    if (pattern instanceof RegExp && pattern !== UUID_PATTERN && pattern.flags.replace(/[gu]/g, '')) {
      throw new Error(`${name} schema: /${pattern.source}/${pattern.flags} has flags JSON Schema cannot carry`);
    }
  }
};
// `rules`: what the zod schema also checks and JSON Schema cannot say (a check across items).
// `io`: "input" for what the elements read (a criteria set, results), which may hold fields they
// do not know (ignored); what they send (a submission) holds only the schema's.
const write = (name, schema, title, rules, io = 'output') =>
  writeFileSync(
    `dist/schemas/${name}.schema.json`,
    JSON.stringify(
      {
        $id: `https://learning-community.invalid/schemas/${name}.schema.json`,
        title,
        ...(rules ? { $comment: rules } : {}),
        ...z.toJSONSchema(schema, { unrepresentable: 'any', override: noFlags(name), io }),
      },
      null,
      2,
    ) + '\n',
  );
write(
  'submission',
  envelopeSchema,
  'Learning Community Elements submission envelope (lc-submission/1)',
  'Also checked by the elements and the reference collector: community, round and perspective are ' +
    'compared trimmed (their lengths counted trimmed), are never "__proto__" and hold no control or ' +
    'direction characters; a journal entry title and an actor name are not blank once trimmed; ids are ' +
    'compared in lower case; locale is a BCP 47 tag that Intl.getCanonicalLocales takes (a language ' +
    'of two or three letters, "_" read as "-", at most 35 characters), stored in its canonical form; no ' +
    'text or key holds a lone UTF-16 surrogate; in partnerships data, actor ids are unique, each tie ' +
    'joins two different actors of the list, and no key of figures is "__proto__".',
);
write(
  'criteria-set',
  criteriaSetSchema,
  'Learning Community Elements criteria set',
  'Also checked by the elements: criterion ids are unique within the set; every text is trimmed at ' +
    'its ends first, its length counted trimmed, and one that is blank once trimmed is refused. ' +
    'A field the schema does not name is ignored (the console names it).',
  'input',
);
write(
  'results',
  resultsSchema,
  'Learning Community Elements aggregated results (lc-results/1)',
  'A field the schema does not name is ignored.',
  'input',
);
// custom-elements-manifest.config.mjs says what is read; ~2 s.
run(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--litelement', '--quiet']);

// package.json names one entry per element (`./self-rating.js` → dist/components/self-rating/define.js)
// for every element of the library, also those still being written: say which are not built yet.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const missing = Object.entries(pkg.exports)
  .filter(([key, target]) => !key.includes('*') && typeof target === 'object' && !existsSync(target.default))
  .map(([key]) => key);
const folders = readdirSync('src/components').filter((name) => existsSync(`src/components/${name}/define.ts`));
const unexported = folders.filter((name) => !pkg.exports[`./${name}.js`]);
if (missing.length) console.log(`not built yet (no source folder): ${missing.join(', ')}`);
if (unexported.length) console.warn(`elements without a package.json export: ${unexported.join(', ')}`);
console.log('built dist/ (ESM + types), dist/cdn/lc-elements.min.js, dist/schemas/*.schema.json, custom-elements.json');
