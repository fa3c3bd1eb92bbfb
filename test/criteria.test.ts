import { expect } from '@open-wc/testing';
import { commonCriteriaDa } from '../src/criteria/common-criteria.da.js';
import { commonCriteriaDe } from '../src/criteria/common-criteria.de.js';
import { commonCriteriaEn } from '../src/criteria/common-criteria.en.js';
import {
  builtInCriteria,
  builtInCriteriaSync,
  commonCriteriaEnHeadlines,
  parseCriteriaSet,
} from '../src/criteria/index.js';
import { coreStrings } from '../src/core/i18n/core-strings.js';
import { SUPPORTED_LOCALES, type LocaleTable, type StringTable } from '../src/core/i18n/i18n.js';
import { stringTables } from './support/string-tables.js';

const IDS = [
  'initiatives',
  'emerging-needs',
  'cross-sector-collaboration',
  'citizen-solutions',
  'talent-innovation',
  'partnerships-beyond-authorities',
  'independent-action',
  'policy-making',
  'trust',
  'entrepreneurship',
  'inclusion',
  'community-mentality',
];

describe('the Common Criteria as data', () => {
  for (const set of [commonCriteriaEn, commonCriteriaDa, commonCriteriaDe]) {
    it(`${set.locale}: valid, complete, the twelve criteria in order`, () => {
      const parsed = parseCriteriaSet(set);
      expect(parsed.ok, parsed.ok ? '' : parsed.error).to.be.true;
      expect(set.id).to.equal('common-criteria');
      expect(set.version).to.equal(commonCriteriaEn.version);
      expect(set.criteria.map((c) => c.id)).to.deep.equal(IDS);
      for (const c of set.criteria) {
        expect(c.prompts.length, `${c.id} prompts`).to.be.within(3, 5);
        expect(c.levels, `${c.id} levels`).to.have.length(5);
        for (const text of [c.title, c.question, c.why, ...c.prompts, ...c.levels])
          expect(text.trim()).not.to.equal('');
      }
    });
  }

  it('translations differ from English (no untranslated copy)', () => {
    for (const set of [commonCriteriaDa, commonCriteriaDe]) {
      set.criteria.forEach((c, i) => {
        expect(c.question, `${set.locale} ${c.id}`).not.to.equal(commonCriteriaEn.criteria[i]!.question);
        expect(c.why, `${set.locale} ${c.id}`).not.to.equal(commonCriteriaEn.criteria[i]!.why);
      });
    }
  });

  it('loads each language on demand and falls back to English content elsewhere', async () => {
    expect(await builtInCriteria('en-GB')).to.equal(commonCriteriaEn);
    expect(builtInCriteriaSync('en')).to.equal(commonCriteriaEn);
    expect((await builtInCriteria('da-DK')).locale).to.equal('da');
    expect(builtInCriteriaSync('da')!.locale).to.equal('da');
    expect((await builtInCriteria('de')).locale).to.equal('de');
    expect((await builtInCriteria('ar')).locale).to.equal('en');
  });

  it('has English headlines that are the full set’s ids, titles and questions, in order', () => {
    expect(commonCriteriaEnHeadlines.criteria).to.deep.equal(
      commonCriteriaEn.criteria.map(({ id, title, question }) => ({ id, title, question })),
    );
    const { criteria: _full, ...fullRest } = commonCriteriaEn;
    const { criteria: _head, ...headRest } = commonCriteriaEnHeadlines;
    expect(headRest).to.deep.equal(fullRest);
    expect(parseCriteriaSet(commonCriteriaEn).ok).to.equal(true);
  });

  it('rejects a bad set with errors naming each path and problem', () => {
    const bad = structuredClone(commonCriteriaEn) as unknown as Record<string, unknown> & { criteria: unknown[] };
    bad['version'] = 'latest';
    (bad.criteria[0] as Record<string, unknown>)['title'] = '   ';
    (bad.criteria[1] as Record<string, unknown>)['prompts'] = ['only one'];
    (bad.criteria[2] as Record<string, unknown>)['id'] = 'Not An Id';
    bad.criteria.push(structuredClone(bad.criteria[3]));
    const result = parseCriteriaSet(bad);
    expect(result.ok).to.be.false;
    const error = (result as { error: string }).error;
    expect(error).to.contain('version: must be a version');
    expect(error).to.contain('criteria[0].title: must not be empty');
    expect(error).to.contain('criteria[1].prompts');
    expect(error).to.contain('criteria[2].id: must be kebab-case');
    expect(
      parseCriteriaSet({ ...commonCriteriaEn, criteria: [...commonCriteriaEn.criteria, commonCriteriaEn.criteria[0]] }),
    ).to.deep.equal({
      ok: false,
      error: `criteria[12].id: criterion ids must be unique: "${commonCriteriaEn.criteria[0]!.id}" is the id of criteria[0] too`,
    });
    expect(parseCriteriaSet('not an object').ok).to.be.false;
    expect(parseCriteriaSet(null).ok).to.be.false;
  });

  it('says a value of the wrong type is so, without the checks of its place besides', () => {
    const bad = structuredClone(commonCriteriaEn) as unknown as { criteria: Array<Record<string, unknown>> };
    bad.criteria[0]!['prompts'] = 'one long prompt given as text, not as a list of prompts';
    const result = parseCriteriaSet(bad);
    expect(result).to.deep.equal({
      ok: false,
      error: 'criteria[0].prompts: Invalid input: expected array, received string',
    });
  });

  it('loads a set with fields it does not know, and names them in the console', async () => {
    const set = structuredClone(commonCriteriaEn) as unknown as Record<string, unknown> & {
      criteria: Array<Record<string, unknown>>;
    };
    set['description'] = 'Our own';
    set.criteria[2]!['group'] = 'A';
    set.criteria[2]!['promts'] = ['typo'];
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const result = parseCriteriaSet(set);
      expect(result.ok).to.be.true;
      expect(result.ok && Object.keys(result.value.criteria[2]!)).to.not.include('group');
      expect(parseCriteriaSet(commonCriteriaEn).ok).to.be.true;
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.deep.equal([
      '[lc-elements] <lc-community> criteria: the criteria set has fields the elements do not know, ignored: description, criteria[2].group, criteria[2].promts',
    ]);
  });
});

describe('UI strings', () => {
  const tables: Array<[string, LocaleTable<StringTable>]> = [['core', coreStrings], ...stringTables];
  for (const [name, table] of tables) {
    it(`${name}: every key in every built-in locale, none empty, same placeholders`, async () => {
      const keys = Object.keys(table.en);
      for (const locale of SUPPORTED_LOCALES) {
        await table.load(locale);
        const strings = (locale === 'en' ? table.en : table.loaded[locale]) as Record<string, unknown>;
        expect(Object.keys(strings).sort(), `${name} ${locale} keys`).to.deep.equal([...keys].sort());
        for (const key of keys) {
          const value = strings[key];
          const forms = typeof value === 'string' ? [value] : Object.values(value as Record<string, string>);
          expect(forms.length, `${name} ${locale} ${key}`).to.be.greaterThan(0);
          const enValue = table.en[key]!;
          const enForms = typeof enValue === 'string' ? [enValue] : Object.values(enValue);
          const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).filter((p) => p !== '{count}').sort();
          for (const form of forms) {
            expect(form.trim(), `${name} ${locale} ${key}`).not.to.equal('');
            expect(placeholders(form), `${name} ${locale} ${key} placeholders`).to.deep.equal(
              placeholders(enForms.at(-1)!),
            );
          }
        }
      }
    });

    it(`${name}: German addresses the reader as "Sie" throughout, never as "du"`, async () => {
      await table.load('de');
      const texts = Object.values(table.loaded.de!).flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m)));
      for (const text of texts) {
        // "Warte auf …" is an imperative to "du"; a capital "Sie" with a verb in the singular or a
        // passive ("Sie wird gesendet", "Sie werden … gesendet") reads as the reader, not the thing.
        expect(text).to.not.match(/\b(Warte|du|dein\w*|dich)\b/);
        expect(text).to.not.match(/\bSie (wird|enthält|ist)\b|\bSie werden[^.;]*\bgesendet\b/);
      }
    });

    it(`${name}: Arabic quotes with «…» and asks with «؟», as Arabic text does`, async () => {
      await table.load('ar');
      const texts = Object.values(table.loaded.ar!).flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m)));
      for (const text of texts) expect(text).to.not.match(/[“”"?]/);
    });

    it(`${name}: plural forms for every plural category of each locale, and none it never picks`, async () => {
      for (const locale of SUPPORTED_LOCALES) {
        await table.load(locale);
        const strings = (locale === 'en' ? table.en : table.loaded[locale]) as Record<string, unknown>;
        // Arabic has six (zero, one, two, few, many, other): with only one and other, "3 علاقة"
        // took the form of 11 and more.
        const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
        for (const [key, value] of Object.entries(strings)) {
          if (typeof value === 'string') continue;
          expect(Object.keys(value as object).sort(), `${name} ${locale} ${key}`).to.deep.equal(categories);
        }
      }
    });
  }
});
