// `node demo/seed.js [url]`: fills a running demo (default http://localhost:8080) with sample
// answers through its public API, so the results page has something to show: two rounds of
// assessments from four perspectives, a partnership map and a few journal entries.
// Ids and payloads are derived from fixed seeds: running it again is answered idempotently
// (200, nothing stored twice).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { schemas } from './collector/schemas.js';

const base = (process.argv[2] ?? process.env.LC_URL ?? `http://localhost:${process.env.PORT ?? 8080}`).replace(
  /\/+$/,
  '',
);
const COMMUNITY = 'demo-city';
/** The built-in criteria, in order: the LEAN rows below follow it. */
const CRITERIA = schemas.commonCriteriaEn.criteria.map((c) => c.id);
/** How each perspective tends to see the community: a lean per criterion, so the perspectives diverge. */
const LEAN = {
  authority: [3, 3, 3, 2, 3, 2, 2, 3, 3, 2, 3, 3],
  citizen: [2, 1, 2, 2, 1, 1, 2, 1, 2, 2, 1, 2],
  partner: [2, 2, 3, 2, 2, 3, 3, 2, 2, 2, 2, 2],
  business: [2, 2, 2, 1, 3, 2, 1, 1, 2, 3, 2, 2],
};
const ROUNDS = [
  { round: '2026-spring', start: Date.parse('2026-04-06T09:00:00Z'), shift: -1 },
  { round: '2026-autumn', start: Date.parse('2026-09-07T09:00:00Z'), shift: 0 },
];
const RESPONDENTS = 7;

/** A version-4-shaped UUID derived from a seed. */
function seededId(seed) {
  const h = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A number in [0, 1) derived from a seed. */
const unit = (seed) => parseInt(createHash('sha256').update(seed).digest('hex').slice(0, 8), 16) / 2 ** 32;

function envelope(seed, fields) {
  return {
    schema: 'lc-submission/1',
    id: seededId(seed),
    community: COMMUNITY,
    criteriaSet: { id: 'common-criteria', version: '1.0.0' },
    ...fields,
  };
}

const envelopes = [];
for (const { round, start, shift } of ROUNDS) {
  let n = 0;
  for (const [perspective, lean] of Object.entries(LEAN)) {
    for (let r = 0; r < RESPONDENTS; r++) {
      const seed = `${round}/${perspective}/${r}`;
      const answers = CRITERIA.map((criterion, i) => {
        const roll = unit(`${seed}/${criterion}`);
        if (roll < 0.08) return { criterion, level: null };
        const level = Math.round(lean[i] + shift * (i % 3 === 0 ? 1 : 0) + (roll - 0.5) * 2.4);
        return { criterion, level: Math.min(4, Math.max(0, level)) };
      });
      envelopes.push(
        envelope(seed, {
          kind: 'assessment',
          round,
          perspective,
          locale: perspective === 'citizen' ? 'da' : 'en',
          createdAt: new Date(start + (n += 1) * 37 * 60_000).toISOString(),
          data: { answers },
        }),
      );
    }
  }
}

const map = JSON.parse(
  readFileSync(new URL('./public/data/north-district-partnerships.json', import.meta.url), 'utf8'),
);
envelopes.push(
  envelope('2026-autumn/partnerships/north', {
    kind: 'partnerships',
    round: '2026-autumn',
    perspective: 'partner',
    locale: 'en',
    createdAt: '2026-09-20T14:00:00.000Z',
    data: { directed: false, actors: map.actors, ties: map.ties, figures: {} },
  }),
);
const journal = [
  {
    title: 'Trænere fra gymnasiet i skolernes idrætstimer',
    date: '2026-09-10',
    criteria: ['cross-sector-collaboration', 'talent-innovation'],
    practised: 'Seks elever fra gymnasiet trænede 4. klasserne hver tirsdag.',
    tested: 'Vi spurgte lærere og elever efter fire uger.',
    challenged: 'Skemaerne passede ikke sammen; to hold faldt fra.',
    concluded: 'Det virker, når en lærer har tid afsat til det.',
    change: 'Næste halvår aftaler vi skemaet i juni.',
    participants: 'Egeby Gymnasium, Egeby Idrætsforening, to skoler',
  },
  {
    title: 'Residents run the library on Sundays',
    date: '2026-09-24',
    criteria: ['independent-action', 'trust'],
    practised: 'The residents’ association kept the library open on four Sundays without staff.',
    tested: 'We counted visitors and asked the volunteers what they missed.',
    concluded: 'Keys and a short checklist were all it needed.',
    change: 'The municipality hands over a key permanently.',
  },
];
journal.forEach((data, i) =>
  envelopes.push(
    envelope(`2026-autumn/journal/${i}`, {
      kind: 'journal-entry',
      round: '2026-autumn',
      perspective: i ? 'civil-society' : 'partner',
      locale: i ? 'en' : 'da',
      criterion: data.criteria[0],
      createdAt: `${data.date}T18:00:00.000Z`,
      data,
    }),
  ),
);

/** @type {Record<number, number>} */
const counts = {};
for (const env of envelopes) {
  let response;
  try {
    response = await fetch(`${base}/api/submissions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': env.id },
      body: JSON.stringify(env),
    });
  } catch (e) {
    const error = /** @type {Error & { cause?: { code?: string } }} */ (e);
    console.error(`Cannot reach ${base} (${error.cause?.code ?? error.message}). Is npm start running?`);
    process.exit(1);
  }
  counts[response.status] = (counts[response.status] ?? 0) + 1;
  if (response.status >= 300) console.error(`${env.kind} ${env.id}: ${response.status} ${await response.text()}`);
}
const summary = Object.entries(counts)
  .map(([status, n]) => `${n} × ${status}`)
  .join(', ');
console.log(`Posted ${envelopes.length} sample submissions to ${base}: ${summary}.`);
console.log(`Results: ${base}/results.html`);
process.exit(counts[201] || counts[200] ? 0 : 1);
