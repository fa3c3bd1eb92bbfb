// Keeps test/stories.test.ts honest: every story file is in its list (so every story gets its axe
// check), and no story file imports `storybook/test` (the browser test runner cannot load it).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const storyFiles = readdirSync(join(root, 'stories'))
  .filter((f) => f.endsWith('.stories.ts'))
  .map((f) => f.replace(/\.stories\.ts$/, ''));

test('every stories/*.stories.ts is rendered with axe by test/stories.test.ts', () => {
  const source = readFileSync(join(root, 'test/stories.test.ts'), 'utf8');
  const list = /const STORY_FILES = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
  const listed = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
  const missing = storyFiles.filter((f) => !listed.includes(f));
  assert.deepEqual(
    missing,
    [],
    `add ${missing.map((f) => `'${f}'`).join(', ')} to STORY_FILES in test/stories.test.ts`,
  );
});

test('no story file imports storybook/test', () => {
  const offenders = storyFiles.filter((f) =>
    /from\s+['"]storybook\/test['"]|import\s*\(\s*['"]storybook\/test/.test(
      readFileSync(join(root, 'stories', `${f}.stories.ts`), 'utf8'),
    ),
  );
  assert.deepEqual(offenders, []);
});
