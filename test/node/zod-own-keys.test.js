// scripts/zod-own-keys.js rewrites zod's for…in loops (see there): it must find each of them in
// the zod installed, and leave every other module alone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { ownKeysZod } from '../../scripts/zod-own-keys.js';

const require = createRequire(import.meta.url);
const zodRoot = dirname(require.resolve('zod/package.json'));

test('rewrites each loop of the installed zod to walk own keys', () => {
  for (const [file, loops] of [
    ['v4/core/util.js', ['Object.keys(table)', 'Object.keys(computes)']],
    ['v4/core/schemas.js', ['Object.keys(input)', 'Object.keys(shape)']],
  ]) {
    const path = join(zodRoot, file);
    const out = ownKeysZod(readFileSync(path, 'utf8'), path);
    assert.ok(out, file);
    for (const loop of loops) assert.ok(out.includes(`of ${loop}) {`), `${file}: ${loop}`);
  }
  const schemas = ownKeysZod(
    readFileSync(join(zodRoot, 'v4/core/schemas.js'), 'utf8'),
    join(zodRoot, 'v4/core/schemas.js'),
  );
  assert.equal(schemas.match(/for \(const key of Object\.keys\(input\)\) \{/g).length, 2);
});

test('leaves other modules alone, and fails loudly when zod changed', () => {
  assert.equal(ownKeysZod('for (const key in table) {}', '/x/node_modules/lit/index.js'), null);
  assert.throws(() => ownKeysZod('export {}', '/x/node_modules/zod/v4/core/util.js'), /zod changed/);
});
