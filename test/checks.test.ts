// The zod-free checks every element loads must agree with the zod schemas that are the contract
// (what the collector accepts, what the JSON Schemas say): same values in, same verdict out.
import { expect } from '@open-wc/testing';
import { buildEnvelope, checkChanged, checkEnvelope, FIELDS, isoUtc } from '../src/core/build-envelope.js';
import {
  groupName,
  HIDDEN_MESSAGE,
  idAttributeCheck,
  idCheck,
  isHttpUrl,
  localeTagCheck,
  oneOf,
  text,
  wholeNumber,
} from '../src/core/checks.js';
import { checkAttribute, checkEndpoint } from '../src/core/config.js';
import {
  createEnvelope,
  envelopeSchema,
  httpUrlSchema,
  validateEnvelope,
  type Envelope,
} from '../src/core/envelope.js';
import * as z from '../src/core/zod.js';
import { idSchema, localeTagSchema } from '../src/criteria/schema.js';

const strings = [
  '',
  ' ',
  'trust',
  'emerging-needs',
  'a1-b2',
  '-trust',
  'trust-',
  'two--dashes',
  'Trust',
  'trust me',
  'x'.repeat(64),
  'x'.repeat(65),
  'da',
  'da-DK',
  'da_DK',
  'en-GB-oxendict',
  'e',
  'english',
  'ar-EG',
  'zh-Hant-TW',
  'ar-u-nu-latn',
  'de-CH-u-co-phonebk',
  'en-US-x-portal',
  'DA-dk',
  ' da ',
  'en US',
  'zh-cmn-Hans',
  'x-private',
  `en-${'a'.repeat(40)}`,
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'https://example.org/report.pdf',
  'http://x',
  'HTTPS://EXAMPLE.ORG',
  'https://',
  'https://exa mple.org',
  'ftp://example.org',
  `https://example.org/${'a'.repeat(1990)}`,
  `https://example.org/${'a'.repeat(1981)}`,
  '__proto__',
  'constructor',
];
const others: unknown[] = [undefined, null, 3, {}, [], ['trust'], true];

describe('zod-free checks agree with the schemas', () => {
  it('ids', () => {
    for (const value of [...strings, ...others]) {
      expect(idCheck(value) === undefined, JSON.stringify(value)).to.equal(idSchema.safeParse(value).success);
    }
  });

  it('language tags', () => {
    for (const value of [...strings, ...others]) {
      expect(localeTagCheck(value) === undefined, JSON.stringify(value)).to.equal(
        localeTagSchema.safeParse(value).success,
      );
    }
  });

  it('http(s) links', () => {
    for (const value of strings) {
      expect(isHttpUrl(value), value).to.equal(httpUrlSchema.safeParse(value).success);
    }
  });

  it('name the problem in words, through checkAttribute', () => {
    expect(checkAttribute('criterion', idCheck, 'Trust')).to.deep.equal({
      attribute: 'criterion',
      message: 'must be kebab-case letters and digits',
    });
    expect(checkAttribute('criterion', idCheck, 'x'.repeat(65))?.message).to.equal('must be at most 64 characters');
    expect(checkAttribute('criterion', idCheck, undefined)).to.equal(undefined);
    // In an attribute, white space around an id is harmless (the elements trim it); not inside one.
    expect(idCheck(' trust ')).to.equal('must be kebab-case letters and digits');
    expect(idAttributeCheck(' trust\n')).to.equal(undefined);
    expect(idAttributeCheck(' ')).to.equal('must be kebab-case letters and digits');
    expect(idAttributeCheck(' Trust ')).to.equal('must be kebab-case letters and digits');
    expect(idAttributeCheck(3)).to.equal('must be text');
    expect(checkAttribute('layout', oneOf(['a', 'b'], 'must be "a" or "b"'), 'c')?.message).to.equal(
      'must be "a" or "b"',
    );
    expect(text(5)('  ')).to.equal('is empty');
    expect(text(5)('123456')).to.equal('is longer than 5 characters');
    expect(text(5)(' 12345 ')).to.equal(undefined);
    expect(wholeNumber(2, 6)(2.5)).to.equal('must be a whole number from 2 to 6');
    expect(wholeNumber(2, 6)(7)).to.equal('must be a whole number from 2 to 6');
    expect(wholeNumber(2, 6)(6)).to.equal(undefined);
  });
});

describe('an endpoint of another scheme', () => {
  it('is named by its scheme, whatever follows it (characters a URL never holds too)', () => {
    for (const [value, scheme] of [
      ['data:application/json,{}', 'data:'],
      ['javascript:alert(1)', 'javascript:'],
      ['JavaScript:alert("x")', 'javascript:'],
      ['ftp://files.example/x', 'ftp:'],
    ]) {
      expect(checkEndpoint(value, 'src', 'https:'), value).to.deep.equal({
        attribute: 'src',
        message: `must be an http(s) URL, not "${scheme}"`,
      });
    }
    // Markup pasted in place of an address is still not a URL.
    expect(checkEndpoint('<b>x</b>', 'src', 'https:')?.message).to.equal('"<b>x</b>" is not a URL');
    expect(checkEndpoint('HTTPS://collector.example/x', 'src', 'https:')).to.equal(undefined);
  });
});

describe('an endpoint the browser would block', () => {
  it('refuses an http: address on an https: page (mixed content), but not loopback, nor on an http: page', () => {
    expect(checkEndpoint('http://collector.example-city.dk/api/submissions', 'endpoint', 'https:')).to.deep.equal({
      attribute: 'endpoint',
      message:
        '"http://collector.example-city.dk/api/submissions" is http: on an https: page, which the browser blocks: use https:',
    });
    expect(checkEndpoint('http://collector.example-city.dk/api/x', 'criteria', 'https:')?.attribute).to.equal(
      'criteria',
    );
    for (const fine of [
      'https://collector.example-city.dk/api/submissions',
      '/api/submissions',
      'http://localhost:8080/api',
      'http://127.0.0.1:8080/api',
      'http://[::1]:8080/api',
      'http://app.localhost/api',
    ]) {
      expect(checkEndpoint(fine, 'endpoint', 'https:'), fine).to.equal(undefined);
    }
    expect(checkEndpoint('http://collector.example-city.dk/api/submissions', 'endpoint', 'http:')).to.equal(undefined);
  });
});

describe('the envelope check without zod', () => {
  const ctx = {
    community: 'aarhus',
    round: '2026-spring',
    criteriaSet: { id: 'common-criteria', version: '1.0.0' },
    locale: 'da',
  };
  const good = buildEnvelope('rating', ctx, { level: 2, comment: 'ok', evidence: 'https://example.org/a' }, 'trust');
  const variants: Array<[string, (e: Record<string, unknown> & { data: Record<string, unknown> }) => void]> = [
    ['as built', () => {}],
    ['level null', (e) => (e.data.level = null)],
    ['level 7', (e) => (e.data.level = 7)],
    ['level "2"', (e) => (e.data.level = '2')],
    ['level missing', (e) => delete e.data.level],
    ['long comment', (e) => (e.data.comment = 'x'.repeat(4001))],
    ['comment at the limit', (e) => (e.data.comment = 'x'.repeat(4000))],
    ['comment a number', (e) => (e.data.comment = 5)],
    ['javascript: evidence', (e) => (e.data.evidence = 'javascript:alert(1)')],
    ['evidence too long', (e) => (e.data.evidence = `https://example.org/${'a'.repeat(1990)}`)],
    ['no criterion', (e) => delete e.criterion],
    ['bad criterion', (e) => (e.criterion = 'Not An Id')],
    ['empty community', (e) => (e.community = '')],
    ['long community', (e) => (e.community = 'c'.repeat(201))],
    ['long round', (e) => (e.round = 'r'.repeat(101))],
    ['empty perspective', (e) => (e.perspective = '')],
    ['perspective', (e) => (e.perspective = 'citizen')],
    ['long respondent', (e) => (e.respondent = 'r'.repeat(201))],
    ['bad set id', (e) => (e.criteriaSet = { id: 'Common Criteria', version: '1.0' })],
    ['empty set version', (e) => (e.criteriaSet = { id: 'common-criteria', version: '' })],
    ['short locale', (e) => (e.locale = 'd')],
    ['locale with an extension', (e) => (e.locale = 'ar-u-nu-latn')],
    ['locale POSIX-style', (e) => (e.locale = 'da_DK')],
    ['locale a word', (e) => (e.locale = 'english')],
    ['locale with a space', (e) => (e.locale = 'en US')],
    ['locale too long', (e) => (e.locale = `en-${'abcdefgh-'.repeat(4)}x`)],
    ['locale a number', (e) => (e.locale = 7)],
    ['comment with half an emoji', (e) => (e.data.comment = 'half \ud83d emoji')],
    ['comment with a low surrogate alone', (e) => (e.data.comment = '\ude00 smile')],
    ['comment with a whole emoji', (e) => (e.data.comment = 'whole \ud83d\ude00 emoji')],
    ['respondent with half a character', (e) => (e.respondent = 'p-\ud842')],
    ['replaces a UUID', (e) => (e.replaces = '0b9a6f1e-3c2d-4e5f-8a9b-0c1d2e3f4a5b')],
    ['replaces not a UUID', (e) => (e.replaces = 'the last one')],
    ['replaces a number', (e) => (e.replaces = 7)],
    ['replaces in upper case', (e) => (e.replaces = '0B9A6F1E-3C2D-4E5F-8A9B-0C1D2E3F4A5B')],
    ['padded community', (e) => (e.community = '  egeby ')],
    ['blank round', (e) => (e.round = '   ')],
    ['blank perspective', (e) => (e.perspective = ' ')],
    ['padded perspective', (e) => (e.perspective = ' citizen ')],
    ['perspective __proto__', (e) => (e.perspective = '__proto__')],
    ['community __proto__', (e) => (e.community = '__proto__')],
    ['round __proto__', (e) => (e.round = ' __proto__')],
    ['perspective with a NUL', (e) => (e.perspective = 'citi\u0000zen')],
    ['perspective with a direction mark', (e) => (e.perspective = '\u202Ecitizen')],
    ['community with an isolate', (e) => (e.community = 'egeby\u2066')],
    ['round with a line break inside', (e) => (e.round = '2026\nspring')],
    ['round with a line break at its end', (e) => (e.round = '2026-spring\n')],
    ['perspective with a right-to-left mark', (e) => (e.perspective = 'citizen\u200F')],
    ['perspective with a left-to-right mark', (e) => (e.perspective = '\u200Ecitizen')],
    ['perspective with an Arabic letter mark', (e) => (e.perspective = 'citizen\u061C')],
    ['community with a zero-width space', (e) => (e.community = 'aar\u200Bhus')],
    ['community with a word joiner', (e) => (e.community = 'aar\u2060hus')],
    ['round with a byte-order mark inside', (e) => (e.round = '2026\uFEFFspring')],
    ['round with an invisible plus', (e) => (e.round = '2026-spring\u2064')],
    ['community decomposed', (e) => (e.community = 'forening-e\u0301')],
  ];

  it('accepts and refuses what the schema accepts and refuses, for ratings', () => {
    for (const [name, change] of variants) {
      const e = structuredClone(good) as unknown as Record<string, unknown> & { data: Record<string, unknown> };
      change(e);
      expect(checkEnvelope(e as unknown as Envelope) === undefined, name).to.equal(validateEnvelope(e) === undefined);
    }
  });

  it('sends community, round and perspective trimmed, and no perspective for a blank one', () => {
    const padded = { ...ctx, community: ' aarhus ', round: '2026-spring\n', perspective: '  ' };
    const e = buildEnvelope('rating', padded, { level: 2 }, 'trust');
    expect([e.community, e.round, 'perspective' in e]).to.deep.equal(['aarhus', '2026-spring', false]);
    const p = buildEnvelope('rating', { ...ctx, perspective: ' citizen ' }, { level: 2 }, 'trust');
    expect(p.perspective).to.equal('citizen');
  });

  it('refuses a name that would look like another: direction marks, zero-width and invisible characters', () => {
    const hidden = ['\u200B', '\u200E', '\u200F', '\u061C', '\uFEFF', '\u00AD', '\u2028'];
    for (const c of [...hidden, '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u202E', '\u2066']) {
      const name = `citi${c}zen`;
      const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`;
      expect(groupName(100)(name), code).to.equal(HIDDEN_MESSAGE);
      expect(validateEnvelope({ ...good, perspective: name }), code).to.contain('perspective');
      expect(() => buildEnvelope('rating', { ...ctx, perspective: name }, { level: 2 }, 'trust'), code).to.throw(
        /perspective/,
      );
    }
    // Visible letters of any script stay names, and so do the joiners scripts write words with:
    // Persian's zero-width non-joiner (U+200C), the joiner (U+200D) of Indic scripts and emoji.
    for (const name of ['forening-é', 'بلدية', 'Ærø', 'Straße', 'می\u200Cخواهم', 'क्\u200Dष', '👩\u200D🏫']) {
      expect(groupName(100)(name), name).to.equal(undefined);
      expect(validateEnvelope({ ...good, perspective: name }), name).to.equal(undefined);
    }
  });

  it('sends community, round and perspective composed (NFC), as the schema stores them', () => {
    const decomposed = {
      ...ctx,
      community: 'forening-e\u0301',
      round: 'eftera\u030Ar',
      perspective: 'bestyrelse-e\u0301',
    };
    const e = buildEnvelope('rating', decomposed, { level: 2 }, 'trust');
    expect([e.community, e.round, e.perspective]).to.deep.equal([
      'forening-\u00e9',
      'efter\u00e5r',
      'bestyrelse-\u00e9',
    ]);
    const parsed = envelopeSchema.parse({ ...good, community: 'forening-e\u0301' }, z.EN);
    expect(parsed.community).to.equal('forening-\u00e9');
  });

  it('takes one rule for a language tag: what Intl takes, in canonical form, as the attributes do', () => {
    for (const tag of ['da', 'da-DK', 'da_DK', 'ar-u-nu-latn', 'zh-Hant-TW', 'en-GB-oxendict', 'de-CH-u-co-phonebk']) {
      expect(localeTagCheck(tag), tag).to.equal(undefined);
      expect(localeTagSchema.safeParse(tag).success, tag).to.be.true;
      expect(validateEnvelope({ ...good, locale: tag }), tag).to.equal(undefined);
    }
    // Arabic with Latin digits is one tag for a page's lang, an element's locale and a journal entry alike.
    expect(checkAttribute('locale', localeTagCheck, 'ar-u-nu-latn')).to.equal(undefined);
    for (const tag of ['english', 'en US', 'e', '', 'zh-cmn-Hans', 'x-private', `en-${'a'.repeat(40)}`]) {
      expect(checkAttribute('locale', localeTagCheck, tag)?.message, tag).to.equal(
        'must be a language tag such as "en" or "da-DK"',
      );
      expect(validateEnvelope({ ...good, locale: tag }), tag).to.match(/^locale: must be a language tag/);
    }
    // Read, as the collector reads it, in its canonical form.
    expect(envelopeSchema.parse({ ...good, locale: 'DA_dk' }, z.EN).locale).to.equal('da-DK');
    expect(envelopeSchema.parse({ ...good, locale: 'AR-u-NU-latn' }, z.EN).locale).to.equal('ar-u-nu-latn');
    expect(buildEnvelope('rating', { ...ctx, locale: 'de_ch' }, { level: 2 }, 'trust').locale).to.equal('de-CH');
  });

  it('refuses half a character (a lone surrogate) in any text, naming the field', () => {
    const half = 'must not hold half a character (a lone UTF-16 surrogate, \\ud800–\\udfff), which is not text';
    expect(() => buildEnvelope('rating', ctx, { level: 2, comment: 'half \ud83d emoji' }, 'trust')).to.throw(
      `Invalid rating submission: data.comment: ${half}`,
    );
    expect(validateEnvelope({ ...good, data: { level: 2, comment: 'half \ud83d emoji' } })).to.equal(
      `data.comment: ${half}`,
    );
    const map = {
      actors: [
        { id: 'ken-\ud842', name: 'Ken 𠮷田', sector: 'culture' },
        { id: 'b', name: 'B', sector: 'business' },
      ],
      ties: [{ source: 'ken-\ud842', target: 'b', level: 2 as const, independent: false }],
      figures: { density: 1 },
    };
    expect(() => buildEnvelope('partnerships', ctx, map)).to.throw(`data.actors[0].id: ${half}`);
    expect(() => createEnvelope('partnerships', ctx, map)).to.throw(`data.actors[0].id: ${half}`);
    const figures = { ...map.actors[0], id: 'ken' };
    const keyed = { ...map, actors: [figures, map.actors[1]!], ties: [{ ...map.ties[0]!, source: 'ken' }] };
    expect(
      validateEnvelope({
        ...good,
        kind: 'partnerships',
        criterion: undefined,
        data: { ...keyed, figures: { 'x\udc00': 1 } },
      }),
    ).to.equal(`data.figures.x\udc00: ${half}`);
    // A whole emoji, astral letters and the joiners emoji are written with are text.
    expect(validateEnvelope({ ...good, data: { level: 2, comment: '👩\u200D🏫 𠮷田 ok' } })).to.equal(undefined);
  });

  it('throws a readable error naming the field', () => {
    expect(() => buildEnvelope('rating', ctx, { level: 2, evidence: 'javascript:alert(1)' }, 'trust')).to.throw(
      /Invalid rating submission: data\.evidence: must be an http\(s\) URL/,
    );
    expect(() => buildEnvelope('rating', { ...ctx, community: '' }, { level: 2 }, 'trust')).to.throw(/community/);
  });

  it('takes, in an envelope a host changed, the times lc-submission/1 takes, and only those', () => {
    const times = [
      '2026-11-30T15:00:03.205Z',
      '2026-11-30T15:00:03Z',
      '2028-02-29T23:59:59.123456Z',
      '0001-01-01T00:00:00Z',
      '2026-11-30T15:00:03.205+00:00',
      '2026-11-30T15:00Z',
      '2026-11-30',
      'Mon, 30 Nov 2026 15:00:03 GMT',
      '2026-02-30T10:00:00Z',
      '2027-02-29T10:00:00Z',
      '2026-11-30T24:00:00Z',
      '2026-11-30T23:59:60Z',
      '2026-11-30t15:00:03z',
      ' 2026-11-30T15:00:03Z',
    ];
    for (const createdAt of times) {
      const schema = envelopeSchema.safeParse({ ...good, createdAt }, z.EN).success;
      expect(isoUtc(createdAt), createdAt).to.equal(schema);
      const problem = checkChanged({ ...structuredClone(good), createdAt }, 'rating');
      if (schema) expect(problem, createdAt).to.equal(undefined);
      else expect(problem, createdAt).to.match(/^createdAt: must be a date and time in UTC/);
    }
    expect(times.filter(isoUtc)).to.have.length(4);
  });

  it('refuses, in an envelope a host changed, a field lc-submission/1 does not have, naming it', () => {
    const cases: Array<[string, (e: Record<string, unknown> & { data: Record<string, unknown> }) => void]> = [
      ['portalUser', (e) => (e.portalUser = 'u-17')],
      ['data.note', (e) => (e.data.note = 'x')],
      ['criteriaSet.url', (e) => ((e.criteriaSet as Record<string, unknown>).url = 'https://example.org')],
      ['__proto__', (e) => Object.defineProperty(e, '__proto__', { value: {}, enumerable: true })],
    ];
    for (const [path, change] of cases) {
      const e = structuredClone(good) as unknown as Record<string, unknown> & { data: Record<string, unknown> };
      change(e);
      expect(checkChanged(e, 'rating'), path).to.equal(`${path}: is not a field of lc-submission/1`);
    }
    const map = buildEnvelope(
      'partnerships',
      ctx,
      {
        actors: [
          { id: 'a', name: 'A', sector: 'public' },
          { id: 'b', name: 'B', sector: 'business' },
        ],
        ties: [{ source: 'a', target: 'b', level: 2, independent: false }],
        figures: { density: 1, anything: 2 },
      },
      undefined,
      validateEnvelope,
    );
    expect(checkChanged(map, 'partnerships', validateEnvelope), 'figures may hold any key').to.equal(undefined);
    const colour = structuredClone(map);
    (colour.data.actors[1] as Record<string, unknown>).colour = 'red';
    expect(checkChanged(colour, 'partnerships', validateEnvelope)).to.equal(
      'data.actors.1.colour: is not a field of lc-submission/1',
    );
  });

  it('knows the fields of lc-submission/1 as its schema has them', () => {
    type Json = { properties?: Record<string, Json>; items?: Json; oneOf?: Json[]; anyOf?: Json[]; const?: string };
    const json = z.toJSONSchema(envelopeSchema, { unrepresentable: 'any' }) as Json;
    const keys = (o: Json | undefined) => Object.keys(o?.properties ?? {}).sort();
    const listed = (place: string) => FIELDS[place]!.split(' ').sort();
    for (const member of json.oneOf ?? json.anyOf ?? []) {
      const kind = member.properties!['kind']!.const!;
      expect(keys(member), kind).to.deep.equal(listed(''));
      expect(keys(member.properties!['criteriaSet']), kind).to.deep.equal(listed('criteriaSet'));
      const data = member.properties!['data']!;
      expect(keys(data), kind).to.deep.equal(listed(kind));
      for (const list of ['answers', 'actors', 'ties']) {
        if (data.properties?.[list]) expect(keys(data.properties[list]!.items), list).to.deep.equal(listed(list));
      }
    }
  });

  it('runs a full validator when an element passes one', () => {
    const data = { answers: [] } as never;
    expect(() => buildEnvelope('assessment', ctx, data)).not.to.throw();
    expect(() => buildEnvelope('assessment', ctx, data, undefined, validateEnvelope)).to.throw(/data\.answers/);
  });
});
