// The published JSON Schemas (dist/schemas/, made by `npm run build`) accept what the elements
// send: a backend that validates against them alone must not refuse an answer the element took.
// Their patterns carry no flags (JSON Schema has none): each is read as a plain ECMAScript RegExp.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const schema = (name) => JSON.parse(readFileSync(`dist/schemas/${name}.schema.json`, 'utf8'));

/** Every `pattern` in a schema, with the path it sits at. */
function patterns(node, path = '', found = []) {
  if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && typeof value === 'string') found.push({ path, pattern: new RegExp(value, 'u') });
      else patterns(value, `${path}/${key}`, found);
    }
  }
  return found;
}

test('every pattern of the published schemas reads as a RegExp', () => {
  for (const name of ['submission', 'criteria-set', 'results']) {
    assert.ok(patterns(schema(name)).length > 0, `${name} has patterns`);
  }
});

test('an evidence link the elements accept, with its scheme in capitals, fits the published schema', async () => {
  const { isHttpUrl } = await import('../../dist/core/checks.js');
  const evidence = patterns(schema('submission')).filter((p) => p.path.includes('/evidence'));
  assert.ok(evidence.length >= 2, 'the rating and the assessment answers have an evidence pattern');
  for (const url of ['HTTPS://Example.org/report', 'Http://example.org', 'https://example.org/a?b=c']) {
    assert.ok(isHttpUrl(url), `the elements take ${url}`);
    for (const { path, pattern } of evidence) assert.ok(pattern.test(url), `${path} takes ${url}`);
  }
  for (const url of ['javascript:alert(1)', 'ftp://example.org', 'https://exa mple.org']) {
    assert.ok(!isHttpUrl(url), `the elements refuse ${url}`);
    for (const { path, pattern } of evidence) assert.ok(!pattern.test(url), `${path} refuses ${url}`);
  }
});

test('a results generatedAt with a UTC offset fits the published schema, as the elements take it', () => {
  const [generatedAt] = patterns(schema('results')).filter((p) => p.path === '/properties/generatedAt');
  assert.ok(generatedAt, 'generatedAt has a pattern');
  for (const time of ['2026-11-30T15:00:03.205Z', '2026-11-30T15:00:03.205000+00:00', '2026-11-30T16:00:03+01:00']) {
    assert.ok(generatedAt.pattern.test(time), time);
  }
  for (const time of ['yesterday', '2026-11-30', '2026-11-30T15:00:03'])
    assert.ok(!generatedAt.pattern.test(time), time);
});
