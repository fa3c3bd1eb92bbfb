import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement, PropertyDeclaration } from 'lit';
import 'axe-core/axe.min.js';
import '../src/all.js';
import type { LcAssessment } from '../src/components/assessment/lc-assessment.js';
import type { LcCommunity } from '../src/components/community/lc-community.js';
import type { LcCriterionCard } from '../src/components/criterion-card/lc-criterion-card.js';
import type { LcResults } from '../src/components/results/lc-results.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import { accessibleName } from './self-rating-support.js';
import { captureConsoleErrors, waitFor } from './support/helpers.js';

// Properties set by script to what they cannot take (an object where text belongs, string
// overrides that are not text): each element reports it in place (role="alert") and in the
// console, naming the property; nothing throws in an update; the element keeps working, and a
// valid value set next is taken. A number where text belongs is taken as its text, as native
// properties take it.

type Host = LitElement & Record<string, unknown>;

const ENDPOINT = '/__lc/collect/bad-properties';

/** Each element's text properties, with a valid value to set after a wrong one. */
const TEXT: Record<string, Record<string, string>> = {
  'lc-community': {
    endpoint: ENDPOINT,
    community: 'north',
    round: '2026-spring',
    perspective: 'citizen',
    locale: 'da',
    storage: 'none',
    respondent: 'r-1',
    credentials: 'include',
  },
  'lc-criterion-card': { criterion: 'trust', variant: 'compact', locale: 'da' },
  'lc-self-rating': {
    criterion: 'trust',
    name: 'q1',
    value: '2',
    label: 'Our trust',
    layout: 'vertical',
    endpoint: ENDPOINT,
    locale: 'da',
    commentText: 'A note',
    evidenceUrl: 'https://example.org/minutes',
    groupLabel: 'Trust',
  },
  'lc-reflection-journal': {
    criterion: 'trust',
    endpoint: ENDPOINT,
    locale: 'da',
    entriesSrc: '/test/fixtures/journal-entries.json',
    draftKey: 'bad-properties',
  },
  'lc-results': {
    src: '/test/fixtures/results-2026-spring.json',
    compareRound: '2025-autumn',
    compareSrc: '/test/fixtures/results-2025-autumn.json',
    locale: 'da',
  },
  'lc-partnership-matrix': {
    endpoint: ENDPOINT,
    locale: 'da',
    src: '/test/fixtures/partnerships-small.json',
    layout: 'list',
    publicSector: 'education',
    draftKey: 'bad-properties',
  },
  'lc-assessment': { layout: 'steps', cardVariant: 'expanded', endpoint: ENDPOINT, locale: 'da' },
};

/** The other properties: booleans, numbers and objects, each with a check of its own. */
const OTHER: Record<string, string[]> = {
  'lc-community': ['criteria', 'headers', 'transport', 'strings'],
  'lc-criterion-card': ['headingLevel', 'open', 'strings'],
  'lc-self-rating': ['required', 'disabled', 'comment', 'evidence', 'strings'],
  'lc-reflection-journal': ['maxLength', 'headingLevel', 'strings'],
  'lc-results': ['results', 'compareResults', 'minGroup', 'hideChart', 'headingLevel', 'strings'],
  'lc-partnership-matrix': ['directed', 'headingLevel', 'sectors', 'strings', 'actors', 'ties', 'data'],
  'lc-assessment': ['allowPartial', 'withJournal', 'comment', 'evidence', 'headingLevel', 'strings'],
};

/**
 * Per element with a `strings` property: a key whose text names a control (an empty override of
 * it is refused), and a key whose text the element shows at once (to see an override taken).
 */
const STRINGS: Record<string, { control: string; shown: string }> = {
  'lc-criterion-card': { control: 'more', shown: 'why.heading' },
  'lc-self-rating': { control: 'submit.send', shown: 'submit.send' },
  'lc-reflection-journal': { control: 'send', shown: 'send' },
  'lc-results': { control: 'export.csv', shown: 'empty' },
  'lc-partnership-matrix': { control: 'actors.add', shown: 'title' },
  'lc-assessment': { control: 'send.button', shown: 'nav.to-review' },
};

const WITH_CRITERION = new Set(['lc-criterion-card', 'lc-self-rating', 'lc-reflection-journal']);

/** The element in a community (with a rating inside, for the community itself), rendered. */
async function place(tag: string): Promise<Host> {
  const root = await fixture<LcCommunity>(
    html`<lc-community storage="none" endpoint=${ENDPOINT}
      ><lc-self-rating criterion="trust"></lc-self-rating
    ></lc-community>`,
  );
  if (tag === 'lc-community') {
    await root.querySelector('lc-self-rating')!.updateComplete;
    return root as unknown as Host;
  }
  root.replaceChildren();
  const el = document.createElement(tag) as Host;
  if (WITH_CRITERION.has(tag)) el.setAttribute('criterion', 'trust');
  root.append(el);
  await el.updateComplete;
  return el;
}

/** The text of the element's own alerts. */
function alertText(el: Element): string {
  return [...el.shadowRoot!.querySelectorAll('[role="alert"]')].map((a) => a.textContent ?? '').join(' ');
}

/** Sets properties, waits for the update, and returns what was logged as errors. */
function set(el: Host, values: Record<string, unknown>): Promise<string[]> {
  return captureConsoleErrors(async () => {
    Object.assign(el, values);
    await el.updateComplete;
  });
}

const radios = (rating: Element) => [...rating.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];

/** Chooses the level "3" with a click and checks the rating shows it. */
async function choose3(rating: LcSelfRating): Promise<void> {
  radios(rating)[3]!.click();
  await rating.updateComplete;
  expect(rating.value).to.equal('3');
  expect(radios(rating)[3]!.getAttribute('aria-checked'), 'the option shows checked').to.equal('true');
  const answer = rating.shadowRoot!.querySelector('[part="answer"]');
  if (answer) expect(answer.textContent).to.contain('Tested and challenged');
}

describe('properties set by script to what they cannot take', function () {
  this.timeout(60_000);
  const uncaught: string[] = [];
  const onError = (e: ErrorEvent) => uncaught.push(e.message);
  const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason?.message ?? e.reason));
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    expect(uncaught.splice(0), 'uncaught errors').to.deep.equal([]);
  });

  it('every property of every element is covered below', () => {
    for (const tag of Object.keys(TEXT)) {
      const ctor = customElements.get(tag) as unknown as typeof LitElement;
      const props = [...(ctor.elementProperties as Map<PropertyKey, PropertyDeclaration>).entries()]
        .filter(([, d]) => !d.state)
        .map(([name]) => String(name));
      expect(props, tag).to.have.members([...Object.keys(TEXT[tag]!), ...OTHER[tag]!]);
    }
  });

  for (const [tag, valid] of Object.entries(TEXT)) {
    for (const [prop, value] of Object.entries(valid)) {
      it(`<${tag}>.${prop}: an object is reported and ignored, a number is text, a valid value is taken`, async () => {
        const el = await place(tag);
        const before = el[prop];
        const errors = await set(el, { [prop]: { not: 'text' } });
        expect(errors, 'logged').to.include(`[lc-elements] <${tag}> ${prop}: must be text`);
        expect(alertText(el), 'shown').to.contain(`${prop} must be text`);
        expect(el[prop], 'the value it had is kept').to.equal(before);

        await set(el, { [prop]: 7 });
        // A rating's value "7" is no level: reported as such, and cleared.
        expect(el[prop], 'a number is taken as its text').to.equal(prop === 'value' ? '' : '7');
        expect(alertText(el)).not.to.contain(`${prop} must be text`);

        await set(el, { [prop]: { not: 'text' } });
        await set(el, { [prop]: value });
        expect(el[prop], 'a valid value set next is taken').to.equal(value);
        expect(alertText(el)).not.to.contain(`${prop} must be text`);
      });
    }
  }

  /** Each element's boolean properties, and their attributes. */
  const FLAGS: Record<string, Record<string, string>> = {
    'lc-criterion-card': { open: 'open' },
    'lc-self-rating': { required: 'required', disabled: 'disabled', comment: 'comment', evidence: 'evidence' },
    'lc-results': { hideChart: 'hide-chart' },
    'lc-partnership-matrix': { directed: 'directed' },
    'lc-assessment': {
      allowPartial: 'allow-partial',
      withJournal: 'with-journal',
      comment: 'comment',
      evidence: 'evidence',
    },
  };
  for (const [tag, flags] of Object.entries(FLAGS)) {
    it(`<${tag}>: a boolean property set to another value is taken by its truth, as a native one is`, async () => {
      const el = await place(tag);
      for (const [prop, attribute] of Object.entries(flags)) {
        const reflects = !!(customElements.get(tag) as unknown as typeof LitElement).elementProperties.get(prop)
          ?.reflect;
        for (const [value, truth] of [
          ['false', true],
          ['', false],
          [1, true],
          [0, false],
          [{}, true],
          [null, false],
        ] as const) {
          const errors = await set(el, { [prop]: value });
          expect(el[prop], `${prop} = ${JSON.stringify(value)}`).to.equal(truth);
          if (reflects) expect(el.hasAttribute(attribute), `${attribute} for ${JSON.stringify(value)}`).to.equal(truth);
          expect(errors, 'nothing to report').to.deep.equal([]);
        }
      }
    });
  }

  it('<lc-self-rating> in a form: required = "false" is required, and disabled = "false" disabled, in every way', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><lc-self-rating name="q" criterion="trust"></lc-self-rating></form>`,
    );
    const rating = form.querySelector('lc-self-rating')! as unknown as LcSelfRating & Host;
    const group = () => rating.shadowRoot!.querySelector('[role="radiogroup"]')!;
    await set(rating, { required: 'false' });
    expect(group().getAttribute('aria-required')).to.equal('true');
    expect(form.checkValidity(), 'the form enforces what the group says').to.be.false;
    await set(rating, { required: false, disabled: 'false' });
    expect(form.checkValidity()).to.be.true;
    expect([rating.disabled, rating.matches(':disabled'), group().getAttribute('aria-disabled')]).to.deep.equal([
      true,
      true,
      'true',
    ]);
    await set(rating, { disabled: '' });
    expect([rating.disabled, rating.matches(':disabled'), group().getAttribute('aria-disabled')]).to.deep.equal([
      false,
      false,
      'false',
    ]);
  });

  for (const [tag, keys] of Object.entries(STRINGS)) {
    it(`<${tag}>.strings: what cannot be used is reported by key and left out; the rest is used`, async () => {
      const el = await place(tag);
      const before = { [keys.shown]: 'Our own words' };
      await set(el, { strings: before });
      let errors = await set(el, { strings: 'hello' });
      expect(errors).to.include(`[lc-elements] <${tag}> strings: must be an object of texts by key`);
      expect(alertText(el)).to.contain('strings must be an object of texts by key');
      expect(el['strings' as keyof typeof el], 'ignored: the overrides it had are kept').to.equal(before);
      expect(el.shadowRoot!.textContent, 'and used').to.contain('Our own words');

      // `config.error` says the problem itself: the alert must still be there, in English.
      errors = await set(el, { strings: { 'submit.retry': 42, 'config.error': { one: 'a' }, [keys.control]: ' ' } });
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain(`<${tag}> strings: "submit.retry" must be text, or plural forms with "other"`);
      expect(errors[0]).to.contain('"config.error" must be text, or plural forms with "other"');
      expect(errors[0]).to.contain(`"${keys.control}" is empty, but it names a control`);
      expect(alertText(el)).to.contain(`Configuration problem: strings "submit.retry" must be text`);
      expect(alertText(el)).to.contain(`"${keys.control}" is empty`);

      // A key none of its texts has (a typo): nothing would show it, so it is said.
      errors = await set(el, { strings: { 'submit.sned': 'Send it', [keys.shown]: 'Our own words' } });
      expect(errors).to.deep.equal([`[lc-elements] <${tag}> strings: "submit.sned" is not one of its texts`]);
      expect(alertText(el)).to.contain('"submit.sned" is not one of its texts');
      expect(el.shadowRoot!.textContent, 'the other overrides are used').to.contain('Our own words');

      // A placeholder the text is never given (a typo) would show as written: said, and not used.
      errors = await set(el, { strings: { 'submit.rejected': 'Refusé : {raison}.', [keys.shown]: 'Our own words' } });
      expect(errors).to.deep.equal([
        `[lc-elements] <${tag}> strings: "submit.rejected" uses {raison}, which it is not given (it is given {reason})`,
      ]);
      expect(el.shadowRoot!.textContent, 'the other overrides are used').to.contain('Our own words');

      errors = await set(el, { strings: { [keys.shown]: 'Our own words', 'scale.0.description': '' } });
      expect(errors, 'an empty text that names no control is taken').to.deep.equal([]);
      expect(alertText(el)).not.to.contain('strings');
      expect(el.shadowRoot!.textContent).to.contain('Our own words');
    });
  }

  it("<lc-assessment>.strings: its cards', ratings' and journals' keys are its texts too, and they are not reported", async () => {
    const el = (await place('lc-assessment')) as unknown as LcAssessment & Host;
    el.setAttribute('with-journal', '');
    const errors = await set(el, {
      strings: { 'nav.to-review': 'To the review', 'submit.send': 'Send', 'comment.label': 'Anything to add?' },
    });
    await waitFor(() => el.shadowRoot!.querySelector('lc-self-rating'), 'the ratings');
    const nested = [
      ...el.shadowRoot!.querySelectorAll<Host>('lc-criterion-card, lc-self-rating, lc-reflection-journal'),
    ];
    await Promise.all(nested.map((n) => n.updateComplete));
    expect(errors).to.deep.equal([]);
    expect(alertText(el)).to.equal('');
    expect(nested.map((n) => alertText(n)).join('')).to.equal('');
    expect(nested.find((n) => n.localName === 'lc-self-rating')!.strings).to.include({
      'nav.to-review': 'To the review',
    });
    const typo = await set(el, { strings: { 'nav.to-reveiw': 'To the review' } });
    expect(typo).to.deep.equal(['[lc-elements] <lc-assessment> strings: "nav.to-reveiw" is not one of its texts']);
  });

  it('<lc-self-rating>: bad string overrides leave the rating working, with English in their place', async () => {
    const rating = (await place('lc-self-rating')) as unknown as LcSelfRating & Host;
    const send = () => rating.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!;
    for (const strings of [{ 'submit.send': 42 }, 'hello', { 'answer.none': { one: 'a' } }, { 'submit.send': '' }]) {
      const errors = await set(rating, { strings, value: '' });
      expect(errors.join('\n'), JSON.stringify(strings)).to.contain('<lc-self-rating> strings: ');
      expect(alertText(rating)).to.contain('strings');
      expect(accessibleName(send()), 'the button keeps its name').to.equal('Send');
      expect(rating.shadowRoot!.querySelector('[part="answer"]')!.textContent).to.contain('No answer chosen yet');
      await choose3(rating);
    }
    await set(rating, { strings: { 'submit.send': 'Send my answer' } });
    expect(alertText(rating)).to.equal('');
    expect(accessibleName(send())).to.equal('Send my answer');
  });

  it('<lc-self-rating>.criterion = 7 is the criterion "7"; the rating keeps rendering', async () => {
    const rating = (await place('lc-self-rating')) as unknown as LcSelfRating & Host;
    await set(rating, { criterion: 7 });
    expect(rating.criterion).to.equal('7');
    await waitFor(() => alertText(rating).includes('There is no criterion “7”'), 'the unknown criterion shown');
    await set(rating, { criterion: 'trust' });
    expect(alertText(rating)).to.equal('');
    expect(rating.shadowRoot!.querySelector('[part="label"]')!.textContent).to.contain('Trust');
    await choose3(rating);
  });

  it('<lc-community>.locale = 123 is reported; its elements keep working, and a later locale is taken', async () => {
    const community = (await place('lc-community')) as unknown as LcCommunity & Host;
    const rating = community.querySelector('lc-self-rating')!;
    for (const locale of [123, { lang: 'da' }]) {
      const errors = await set(community, { locale });
      expect(errors.join('\n')).to.contain('<lc-community> locale: ');
      expect(alertText(community)).to.contain('locale must be');
      await rating.updateComplete;
      await choose3(rating);
      await set(rating as unknown as Host, { value: '' });
    }
    await set(community, { locale: 'da' });
    expect(alertText(community)).to.equal('');
    await waitFor(
      () => rating.shadowRoot!.querySelector('[part="answer"]')?.textContent?.includes('Du har ikke valgt'),
      'the rating in Danish',
    );
  });

  it('objects and functions a framework wrote as attributes (the element not defined yet) are named', async () => {
    let community!: LcCommunity;
    let rating!: LcSelfRating;
    let matrix!: HTMLElement & Host;
    const errors = await captureConsoleErrors(async () => {
      // As Svelte or Vue (without .prop) write them when the drop-in script has not defined the tags yet.
      community = await fixture<LcCommunity>(
        html`<lc-community storage="none" endpoint=${ENDPOINT} transport="async () =&gt; ({ outcome: 'delivered' })"
          ><lc-self-rating criterion="trust" strings="[object Object]"></lc-self-rating
          ><lc-partnership-matrix actors="[object Object],[object Object]"></lc-partnership-matrix
        ></lc-community>`,
      );
      rating = community.querySelector('lc-self-rating')!;
      matrix = community.querySelector('lc-partnership-matrix') as unknown as HTMLElement & Host;
      await rating.updateComplete;
      await matrix.updateComplete;
    });
    const said =
      'takes no attribute (it is an object or a function, which an attribute cannot hold): set it as a property';
    for (const [el, name] of [
      [community, 'transport'],
      [rating, 'strings'],
      [matrix, 'actors'],
    ] as const) {
      expect(errors.join('\n'), name).to.contain(`<${el.localName}> ${name}: ${said}`);
      expect(alertText(el), name).to.contain(said);
    }
    // credentials is text: an attribute is taken (a CMS writes credentials="include").
    const withCredentials = await fixture<LcCommunity>(
      html`<lc-community storage="none" endpoint=${ENDPOINT} credentials="include"></lc-community>`,
    );
    expect(withCredentials.credentials).to.equal('include');
    expect(alertText(withCredentials)).to.equal('');
    // The rating still works, with its own texts.
    await choose3(rating);
    expect(community.transport, 'no transport taken from the attribute').to.equal(undefined);
  });

  it('booleans and camelCase names a framework wrote as attributes (the element not defined yet) are named, or taken', async () => {
    let community!: LcCommunity;
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    const errors = await captureConsoleErrors(async () => {
      try {
        // As Vue writes :disabled="false" and :hideChart="true", and Svelte disabled={false} and
        // hideChart={true}, when the drop-in script has not defined the tags yet.
        community = await fixture<LcCommunity>(
          html`<lc-community storage="none" endpoint=${ENDPOINT}
            ><form>
              <lc-self-rating name="trust" criterion="trust" disabled="false" comment="false"></lc-self-rating>
            </form>
            <lc-assessment allowpartial="" withjournal="false" headinglevel="4"></lc-assessment>
            <lc-results hidechart="true"></lc-results
          ></lc-community>`,
        );
        await Promise.all([...community.querySelectorAll<LitElement>('*')].map((el) => el.updateComplete));
      } finally {
        console.warn = warn;
      }
    });
    const rating = community.querySelector<LcSelfRating>('lc-self-rating')!;
    for (const name of ['disabled', 'comment']) {
      const said = `${name}: is "false", which a boolean attribute takes as true: leave it out, or set ${name} (see "Frameworks"`;
      expect(errors.join('\n'), name).to.contain(`<lc-self-rating> ${said}`);
      expect(alertText(rating), name).to.contain(said.replace(': ', ' '));
    }
    const assessment = community.querySelector<LcAssessment>('lc-assessment')!;
    expect([assessment.allowPartial, assessment.withJournal, assessment.headingLevel]).to.deep.equal([true, false, 4]);
    const results = community.querySelector<LcResults>('lc-results')!;
    expect(results.hideChart).to.equal(true);
    expect(results.hasAttribute('hide-chart'), 'reflected under its own name').to.equal(true);
    for (const [tag, lower, name] of [
      ['lc-assessment', 'allowpartial', 'allowPartial'],
      ['lc-assessment', 'withjournal', 'withJournal'],
      ['lc-assessment', 'headinglevel', 'headingLevel'],
      ['lc-results', 'hidechart', 'hideChart'],
    ]) {
      expect(warnings.join('\n'), lower).to.contain(`<${tag}> ${lower}: taken as ${name}`);
    }
    for (const el of [assessment, results]) expect(alertText(el), el.localName).to.equal('');

    // Set as a property, as the framework does once the element is defined: the problem goes.
    rating.disabled = false;
    rating.comment = false;
    await rating.updateComplete;
    expect(alertText(rating)).to.equal('');
    await choose3(rating);
    expect([...new FormData(community.querySelector('form')!)]).to.deep.equal([['trust', '3']]);
  });

  it('one element with bad properties breaks no other: a card and its rating, two ratings side by side', async () => {
    const root = await fixture<LcCommunity>(
      html`<lc-community storage="none" endpoint=${ENDPOINT}
        ><lc-criterion-card criterion="trust"><lc-self-rating></lc-self-rating></lc-criterion-card
        ><lc-self-rating criterion="trust"></lc-self-rating><lc-self-rating criterion="trust"></lc-self-rating
      ></lc-community>`,
    );
    const card = root.querySelector<LcCriterionCard & Host>('lc-criterion-card')!;
    const [nested, broken, other] = [...root.querySelectorAll('lc-self-rating')];
    await Promise.all([card, nested!, broken!, other!].map((el) => el.updateComplete));
    await captureConsoleErrors(async () => {
      Object.assign(card, { criterion: { id: 'trust' }, strings: 'hello' });
      Object.assign(broken!, { criterion: ['trust'], strings: { 'submit.send': 42 }, label: true, locale: 5 });
      await Promise.all([card, nested!, broken!, other!].map((el) => el.updateComplete));
    });
    expect(alertText(card)).to.contain('criterion must be text');
    expect(card.criterion, 'the card keeps its criterion').to.equal('trust');
    expect(alertText(broken!)).to.contain('criterion must be text');
    expect(alertText(broken!)).to.contain('label must be text');
    expect(alertText(nested!), 'the nested rating').to.equal('');
    expect(alertText(other!), 'the rating beside it').to.equal('');
    for (const rating of [nested!, broken!, other!]) await choose3(rating);
  });

  it('<lc-assessment>.strings: reported once, by the assessment; its nested elements get what can be used', async () => {
    const root = await fixture<LcCommunity>(
      html`<lc-community storage="none"><lc-assessment></lc-assessment></lc-community>`,
    );
    const assessment = root.querySelector<LcAssessment & Host>('lc-assessment')!;
    await assessment.updateComplete;
    const errors = await set(assessment, {
      strings: { 'scale.3.label': '', 'submit.send': 42, 'scale.2.label': 'Done regularly' },
    });
    await Promise.all([...assessment.shadowRoot!.querySelectorAll('lc-self-rating')].map((r) => r.updateComplete));
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('<lc-assessment> strings: "scale.3.label" is empty, but it names a control');
    expect(alertText(assessment)).to.contain('"submit.send" must be text');
    const ratings = [...assessment.shadowRoot!.querySelectorAll('lc-self-rating')];
    expect(ratings.length).to.be.greaterThan(1);
    for (const rating of ratings) expect(alertText(rating)).to.equal('');
    const options = radios(ratings[0]!);
    expect(options[3]!.textContent).to.contain('Tested and challenged');
    expect(options[2]!.textContent).to.contain('Done regularly');
    await choose3(ratings[0]!);
  });

  it('<lc-results>.compareResults that are not results: the console names the property', async () => {
    const results = await (await fetch('/test/fixtures/results-2026-spring.json')).json();
    const el = await fixture<LcResults>(html`<lc-results .results=${results}></lc-results>`);
    const errors = await set(el as unknown as Host, { compareResults: 42 });
    expect(errors.join('\n')).to.contain('<lc-results> compareResults: ');
    expect(alertText(el)).not.to.equal('');
    await set(el as unknown as Host, { compareResults: undefined });
    expect(alertText(el)).to.equal('');
  });
});
