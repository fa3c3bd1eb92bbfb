// <lc-community>'s own UI text (its configuration problems, "The criteria have loaded.") is taken
// from its `strings`, as every element's is (DESIGN.md: "Every UI string can be overridden per
// instance"): a host's wording, or a language the library does not ship when given whole; a key
// that is none of its texts is said, as on any element.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/components/community/define.js';
import { LcCommunity } from '../src/components/community/lc-community.js';
import type { Message } from '../src/core/i18n/i18n.js';
import { captureConsoleErrors, newBucket, setFaults, waitFor } from './support/helpers.js';

const alert = (c: LcCommunity) => c.shadowRoot!.querySelector<HTMLElement>('[part~="error"]');
const region = (c: LcCommunity) => c.shadowRoot!.querySelector<HTMLElement>('[part~="announcement"]')!;

/** Every text of the element, "translated": each form marked, its placeholders kept. */
function wholeTranslation(): Record<string, Message> {
  const mark = (text: string) => `« ${text} »`;
  return Object.fromEntries(
    Object.entries(LcCommunity.englishTexts).map(([key, m]) => [
      key,
      typeof m === 'string' ? mark(m) : Object.fromEntries(Object.entries(m).map(([k, f]) => [k, mark(f!)])),
    ]),
  ) as Record<string, Message>;
}

/** A community whose criteria fail once (503) and load when tried again. */
async function failingOnce(name: string, attrs: { locale?: string }, strings: Record<string, Message>) {
  const bucket = newBucket(name);
  await setFaults(bucket.name, [{ status: 503 }]);
  const community = await fixture<LcCommunity>(
    html`<lc-community
      locale=${attrs.locale ?? 'en'}
      .strings=${strings}
      criteria=${`/__lc/serve/${bucket.name}?file=test/fixtures/criteria-small.json`}
      storage="none"
    ></lc-community>`,
  );
  await waitFor(() => alert(community), 'the failure');
  return community;
}

describe('<lc-community> strings', () => {
  it('says its problems and the recovery in the host’s words', async () => {
    let community!: LcCommunity;
    await captureConsoleErrors(async () => {
      community = await failingOnce(
        'own-words',
        {},
        {
          'config.error': 'Setup issue: {problem}',
          'criteria.loaded': 'The questions are here.',
        },
      );
    });
    expect(alert(community)!.textContent).to.contain('Setup issue: criteria');
    await waitFor(
      () => region(community).textContent === 'The questions are here.',
      'the recovery, in its words',
      5000,
    );
  });

  it('is shown in a language the library does not ship when every text is given', async () => {
    const strings = wholeTranslation();
    let community!: LcCommunity;
    await captureConsoleErrors(async () => {
      community = await failingOnce('whole-fr', { locale: 'fr' }, strings);
    });
    const box = alert(community)!;
    expect(box.lang).to.equal('fr');
    expect(box.textContent).to.contain('« Configuration problem: ');
    // The problem itself is for the developer, in English: marked so inside the French sentence.
    expect(box.querySelector('[lang="en"]')?.textContent).to.contain('criteria');
    const said = `« ${LcCommunity.englishTexts['criteria.loaded'] as string} »`;
    await waitFor(() => region(community).textContent === said, 'the recovery, in French', 5000);
    expect(region(community).querySelector('span')!.lang).to.equal('fr');
  });

  it('stays English, marked so, in such a language when some texts only are given', async () => {
    let community!: LcCommunity;
    await captureConsoleErrors(async () => {
      community = await failingOnce('part-fr', { locale: 'fr' }, { 'criteria.loaded': 'Chargé.' });
    });
    const box = alert(community)!;
    expect(box.lang).to.equal('en');
    expect(box.textContent).to.contain('Configuration problem: criteria');
    await waitFor(() => region(community).textContent === 'Chargé.', 'the recovery, with the given text', 5000);
    expect(region(community).querySelector('span')!.lang).to.equal('en');
  });

  it('names a key that is none of its texts, and an unusable text, in place and in the console', async () => {
    let community!: LcCommunity;
    const errors = await captureConsoleErrors(async () => {
      community = await fixture<LcCommunity>(
        html`<lc-community .strings=${{ 'criteria.lodaed': 'Loaded.', 'config.error': 42 }}></lc-community>`,
      );
    });
    const text = alert(community)?.textContent ?? '';
    expect(text).to.contain('"criteria.lodaed" is not one of its texts');
    expect(text).to.contain('"config.error" must be text');
    expect(errors.join('\n')).to.contain('"criteria.lodaed" is not one of its texts');
    // The unusable text is not used: the box says its own sentence.
    expect(text).to.contain('Configuration problem');

    // Not an object of texts: reported, and ignored (the overrides it had are kept).
    const before = community.strings;
    const more = await captureConsoleErrors(async () => {
      community.strings = 'hello' as unknown as Record<string, string>;
      await community.updateComplete;
    });
    expect(more.join('\n')).to.contain('<lc-community> strings: must be an object of texts by key');
    expect(alert(community)!.textContent).to.contain('strings must be an object of texts by key');
    expect(community.strings).to.equal(before);
  });
});
