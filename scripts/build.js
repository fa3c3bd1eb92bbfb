// `npm run build`: ESM modules + .d.ts for npm users, the drop-in bundle in dist/cdn/, and JSON
// Schemas for backends in dist/schemas/, all from the same sources.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
const { resultsSchema } = await import(pathToFileURL('dist/core/results.js').href);
mkdirSync('dist/schemas', { recursive: true });
const write = (name, schema, title) =>
  writeFileSync(
    `dist/schemas/${name}.schema.json`,
    JSON.stringify(
      {
        $id: `https://learning-community.invalid/schemas/${name}.schema.json`,
        title,
        ...z.toJSONSchema(schema, { unrepresentable: 'any' }),
      },
      null,
      2,
    ) + '\n',
  );
write('submission', envelopeSchema, 'Learning Community Elements submission envelope (lc-submission/1)');
write('criteria-set', criteriaSetSchema, 'Learning Community Elements criteria set');
write('results', resultsSchema, 'Learning Community Elements aggregated results (lc-results/1)');
console.log('built dist/ (ESM + types), dist/cdn/lc-elements.min.js, dist/schemas/*.schema.json');
