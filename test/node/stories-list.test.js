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

test("package.json sideEffects keeps every define module (Storybook's build drops the others)", () => {
  const { sideEffects } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  // The globs bundlers use here: `*` within one path segment, `**` across segments.
  const globToRegExp = (glob) => {
    const escaped = glob.replace(/[.+?^$(){}|[\]\\]/g, (c) => '\\' + c);
    return new RegExp(
      '^' +
        escaped
          .replace(/\*\*/g, '\u0000')
          .replace(/\*/g, '[^/]+')
          .replace(/\u0000/g, '.+') +
        '$',
    );
  };
  const patterns = sideEffects.map(globToRegExp);
  const modules = [
    'src/all.ts',
    'src/react.ts',
    ...readdirSync(join(root, 'src/components')).map((name) => `src/components/${name}/define.ts`),
  ];
  const dropped = modules.filter((m) => !patterns.some((re) => re.test(`./${m}`)));
  assert.deepEqual(dropped, []);
  assert.ok(patterns.some((re) => re.test('./dist/components/self-rating/define.js')));
  assert.ok(!patterns.some((re) => re.test('./dist/components/self-rating/lc-self-rating.js')));
  assert.ok(!patterns.some((re) => re.test('./dist/index.js')));
});

test('no story file imports storybook/test', () => {
  const offenders = storyFiles.filter((f) =>
    /from\s+['"]storybook\/test['"]|import\s*\(\s*['"]storybook\/test/.test(
      readFileSync(join(root, 'stories', `${f}.stories.ts`), 'utf8'),
    ),
  );
  assert.deepEqual(offenders, []);
});

test('the guides say a refusal is spoken in the status region, not shown in an alert', () => {
  // The elements announce a refusal, with the endpoint's reason, in their polite role="status"
  // region (test/submission-states-a11y.test.ts); role="alert" is for configuration and loading
  // problems. A guide saying otherwise sends a tester looking for an alert that never comes.
  const guides = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
    ...readdirSync(join(root, 'stories'))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => `stories/${f}`),
  ];
  const claims = guides.flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    return [...text.matchAll(/role="alert"/g)].flatMap((m) => {
      // The clause that names the alert: from the last sentence or clause boundary before it.
      const clause = text
        .slice(Math.max(0, m.index - 300), m.index)
        .split(/[.;]\s|, and /)
        .pop();
      return /refus/i.test(clause) ? [`${file}: …${clause.replace(/\s+/g, ' ')}role="alert"`] : [];
    });
  });
  assert.deepEqual(claims, []);
});
