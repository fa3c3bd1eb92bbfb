// An app that bundles the npm entries shares its zod with the library: the library must leave
// zod's global settings as the app has them (its message language, its `jitless`), never probe
// `new Function` (a strict CSP reports the probe), and say its own problems in English whatever
// language the app gave zod. Everything that defines a schema is imported here, lazily loaded
// modules included, before any schema of the test's own.
import { expect } from '@open-wc/testing';
import { config, object, string } from 'zod/mini';
import { util } from 'zod/v4/core';
import de from 'zod/v4/locales/de.js';
import '../src/all.js';
import '../src/components/assessment/answers-store.js';
import '../src/components/partnership-matrix/draft.js';
import { validateMatrixData } from '../src/components/partnership-matrix/json.js';
import '../src/components/reflection-journal/drafts.js';
import '../src/components/reflection-journal/entries.js';
import { parseResults } from '../src/components/results/load.js';
import { validateEnvelope } from '../src/core/envelope.js';
import { parseCriteriaSet } from '../src/criteria/parse.js';

/** True once zod has probed `new Function` (its cache then drops the function that probes). */
function probed(): boolean {
  const cache = util.allowsEval as unknown as { _getter?: unknown };
  if (!('_getter' in cache)) throw new Error('zod caches allowsEval another way now: update this test');
  return cache._getter === undefined;
}

describe('zod, shared with the app', () => {
  it('keeps zod’s global settings, never probes for eval, and speaks English to the developer', () => {
    expect(config().jitless, 'the app’s jitless, untouched').to.equal(undefined);
    expect(config().localeError, 'the app’s message language, untouched').to.equal(undefined);
    // Parsing with the library's schemas neither.
    expect(parseCriteriaSet({ id: 'x', version: 1 }).ok).to.equal(false);
    expect(validateEnvelope({ schema: 'lc-submission/1' })).to.be.a('string');
    expect(parseResults({ rounds: 'no' }).ok).to.equal(false);
    expect(validateMatrixData({ actors: 'no' }).ok).to.equal(false);
    expect(probed(), 'zod probed new Function, which a strict CSP reports').to.equal(false);

    // The app speaks German to its own users through zod.
    config(de());
    try {
      const own = object({ name: string() }).safeParse({ name: 1 });
      expect(own.success).to.equal(false);
      expect(own.error!.issues[0]!.message).to.match(/^Ungültige Eingabe/);
      // The library's messages stay English, for the developer (the console, the error box).
      const set = parseCriteriaSet({ id: 'x', version: 1 });
      expect(set.ok).to.equal(false);
      expect(set.ok ? '' : set.error).to.contain('Invalid input: expected string, received number');
      const envelope = validateEnvelope({ schema: 'lc-submission/1', kind: 'rating', id: 5 });
      expect(envelope).to.contain('id: Invalid input: expected string, received number');
      expect(envelope).to.not.match(/Ungültig/);
    } finally {
      config({ localeError: undefined });
    }
  });
});
