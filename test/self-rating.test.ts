import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import '../src/components/community/define.js';
import '../src/components/self-rating/define.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import { coreMsg } from '../src/core/i18n/core-strings.js';
import type { StringOverrides } from '../src/core/i18n/i18n.js';
import { RATING_OPTIONS } from '../src/components/self-rating/rating-value.js';
import { accessibleName, mount } from './self-rating-support.js';
import { axNodes, axTree, captureConsoleErrors, newBucket, setFaults, waitFor } from './support/helpers.js';

const radios = (el: LcSelfRating) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];
const focused = (el: LcSelfRating) => el.shadowRoot!.activeElement as HTMLElement | null;

/** Counts `input` and `change` events reaching the page. */
function countEvents(el: Element) {
  const seen = { input: 0, change: 0 };
  el.addEventListener('input', () => seen.input++);
  el.addEventListener('change', () => seen.change++);
  return seen;
}

async function press(key: string) {
  if (key.startsWith('Shift+')) {
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: key.slice(6) });
    await sendKeys({ up: 'Shift' });
  } else {
    await sendKeys({ press: key });
  }
}

const QUESTION = 'How is trust built between the collaborators and between authorities and citizens?';

/** The radio groups in Chromium's accessibility tree, in page order: their name and description as read. */
async function groupsAsRead(): Promise<{ name: string; description: string }[]> {
  await new Promise((r) => setTimeout(r));
  await Promise.all([...document.querySelectorAll('lc-self-rating')].map((el) => el.updateComplete));
  return axNodes(await axTree())
    .filter((n) => n.role === 'radiogroup')
    .map((n) => ({ name: n.name ?? '', description: n.description ?? '' }));
}

/** The text of the elements an element's aria-describedby points at. */
function description(el: Element): string {
  const root = el.getRootNode() as ShadowRoot;
  return (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

describe('<lc-self-rating> keyboard and events', () => {
  it('is rated with the keyboard alone: Tab in, arrows move and select, Home/End, Space', async () => {
    const wrapper = await mount<HTMLDivElement>(
      html`<div><button>before</button><lc-self-rating criterion="trust"></lc-self-rating><button>after</button></div>`,
    );
    const el = wrapper.querySelector('lc-self-rating')!;
    const seen = countEvents(el);
    wrapper.querySelector('button')!.focus();

    await press('Tab');
    expect(focused(el)?.dataset['value'], 'Tab lands on the first option').to.equal('0');
    expect(el.value, 'focusing does not choose').to.equal('');

    await press('Space');
    expect(el.value).to.equal('0');
    await press('ArrowRight');
    expect(el.value).to.equal('1');
    expect(focused(el)?.dataset['value']).to.equal('1');
    await press('ArrowDown');
    expect(el.value).to.equal('2');
    await press('ArrowUp');
    expect(el.value).to.equal('1');
    await press('End');
    expect(el.value).to.equal('dont-know');
    await press('ArrowRight');
    expect(el.value, 'wraps to the first').to.equal('0');
    await press('ArrowLeft');
    expect(el.value, 'wraps to the last').to.equal('dont-know');
    await press('Home');
    expect(el.value).to.equal('0');
    expect(seen).to.deep.equal({ input: 8, change: 8 });

    // Roving tabindex: one tab stop, on the checked option; Tab leaves the group.
    await el.updateComplete;
    expect(radios(el).map((r) => r.tabIndex)).to.deep.equal([0, -1, -1, -1, -1, -1]);
    await press('ArrowRight');
    await el.updateComplete;
    await press('Tab');
    expect(document.activeElement).to.equal(wrapper.querySelectorAll('button')[1]);
    await press('Shift+Tab');
    expect(focused(el)?.dataset['value'], 'back on the checked option').to.equal('1');
    expect(radios(el)[1]!.getAttribute('aria-checked')).to.equal('true');
  });

  it('mirrors the left and right arrows in right-to-left', async () => {
    const el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust" locale="ar"></lc-self-rating>`);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    radios(el)[0]!.focus();
    await press('ArrowLeft');
    expect(el.value, 'left is forward in RTL').to.equal('1');
    await press('ArrowLeft');
    expect(el.value).to.equal('2');
    await press('ArrowRight');
    expect(el.value).to.equal('1');
    await press('ArrowDown');
    expect(el.value, 'down is forward in any direction').to.equal('2');
  });

  it('lays out a comment in its own direction: English left to right in an Arabic rating', async () => {
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" locale="ar" comment evidence></lc-self-rating>`,
    );
    const comment = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#comment')!;
    const direction = () => getComputedStyle(comment).direction;
    expect(direction(), 'empty: the rating’s direction').to.equal('rtl');
    comment.focus();
    await sendKeys({ type: 'Good start. Needs more work!' });
    await el.updateComplete;
    // Its full stop and exclamation mark stay at its end, not at the start of the line.
    expect(direction()).to.equal('ltr');
    comment.select();
    await sendKeys({ type: 'بداية جيدة!' });
    await el.updateComplete;
    expect(direction()).to.equal('rtl');
    // A web address is always left to right.
    expect(getComputedStyle(el.shadowRoot!.querySelector('#evidence')!).direction).to.equal('ltr');
  });

  it('follows Up/Down in the vertical layout', async () => {
    const el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust" layout="vertical"></lc-self-rating>`);
    radios(el)[0]!.focus();
    await press('ArrowDown');
    await press('ArrowDown');
    expect(el.value).to.equal('2');
    await press('ArrowUp');
    expect(el.value).to.equal('1');
  });

  it('chooses on click, fires input then change, and not when the choice is the same', async () => {
    const el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust"></lc-self-rating>`);
    const order: string[] = [];
    el.addEventListener('input', (e) => order.push(`input:${el.value}:${e.composed && e.bubbles}`));
    el.addEventListener('change', (e) => order.push(`change:${el.value}:${e.composed && e.bubbles}`));
    radios(el)[3]!.click();
    radios(el)[3]!.click();
    expect(order).to.deep.equal(['input:3:true', 'change:3:true']);
  });

  it('chooses the option whose text or mark is clicked, and nothing on a click beside the options', async () => {
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" comment endpoint="/collect"></lc-self-rating>`,
    );
    radios(el)[2]!.querySelector<HTMLElement>('.number')!.click();
    expect(el.value).to.equal('2');
    radios(el)[4]!.querySelector<HTMLElement>('.mark')!.click();
    expect(el.value).to.equal('4');
    el.shadowRoot!.querySelector<HTMLElement>('[role="radiogroup"]')!.click();
    el.shadowRoot!.querySelector<HTMLElement>('[part="answer"]')!.click();
    expect(el.value).to.equal('4');
    // An arrow key in the comment box moves its caret, not the rating.
    const comment = el.shadowRoot!.querySelector('textarea')!;
    comment.focus();
    await press('ArrowRight');
    expect(el.value).to.equal('4');
    expect(focused(el)).to.equal(comment);
  });

  it('does not fire change or input when the value is set from code, and still shows it', async () => {
    const el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust"></lc-self-rating>`);
    const seen = countEvents(el);
    el.value = '4';
    await el.updateComplete;
    el.setAttribute('value', 'dont-know');
    await el.updateComplete;
    expect(radios(el)[5]!.getAttribute('aria-checked')).to.equal('true');
    el.value = '';
    await el.updateComplete;
    expect(radios(el).every((r) => r.getAttribute('aria-checked') === 'false')).to.be.true;
    expect(seen).to.deep.equal({ input: 0, change: 0 });
  });

  it('gives each option its level label as name and its description, shown on focus or selection', async () => {
    const el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust" value="2"></lc-self-rating>`);
    const visible = () =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="description"]')].filter((d) => !d.hidden);
    expect(visible().map((d) => d.id)).to.deep.equal(['description-2']);
    radios(el)[4]!.focus();
    await el.updateComplete;
    expect(visible().map((d) => d.id)).to.deep.equal(['description-4']);
    expect(visible()[0]!.textContent).to.contain('critically discussed permanently');
    radios(el)[4]!.blur();
    await el.updateComplete;
    expect(visible().map((d) => d.id)).to.deep.equal(['description-2']);

    // The options, in the order and with the values of the scale, each described by its level.
    expect(
      radios(el).map((r) => [r.id, r.dataset['index'], r.dataset['value'], r.getAttribute('aria-describedby')]),
    ).to.deep.equal(RATING_OPTIONS.map((v, i) => [`option-${i}`, String(i), v, `description-${i}`]));
    const group = el.shadowRoot!.querySelector('[role="radiogroup"]')!;
    expect([...group.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())).to.be.empty;
    expect(accessibleName(group)).to.equal('Trust');
    const option = radios(el)[2]!;
    expect(option.getAttribute('role')).to.equal('radio');
    expect(accessibleName(option), 'named as it reads: number and label').to.equal('2 Practised regularly');
    expect(accessibleName(radios(el)[5]!), 'the "?" of "don\'t know" left out').to.equal('Don’t know');
    expect(option.getAttribute('aria-checked')).to.equal('true');
    expect(description(option)).to.contain('practised regularly');
  });

  it('changes only colours when an option is focused or chosen: no box moves or resizes', async () => {
    // A change of geometry would lay the scale (and the page around it) out again on every key.
    const el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust"></lc-self-rating>`);
    const root = el.shadowRoot!;
    const boxes = () =>
      [el, ...root.querySelectorAll('[role="radio"], [role="radio"] *, .descriptions, [part="description"]')].map((e) =>
        JSON.stringify(e.getBoundingClientRect()),
      );
    // The dot is the ring's content box, filled (the border and padding around it stay clear).
    const dot = (option: HTMLElement) => getComputedStyle(option.querySelector('.mark')!).backgroundColor;
    expect(getComputedStyle(radios(el)[0]!.querySelector('.mark')!).backgroundClip).to.equal('content-box');
    const before = boxes();
    const none = dot(radios(el)[0]!);
    radios(el)[0]!.focus();
    await press('ArrowRight');
    await press('ArrowRight');
    await el.updateComplete;
    expect(boxes(), 'after focusing and choosing').to.deep.equal(before);
    // Still told apart without colour: the chosen option's dot is drawn, the others' are not.
    expect(dot(radios(el)[2]!)).to.not.equal(none);
    expect(radios(el).filter((r) => dot(r) !== none)).to.deep.equal([radios(el)[2]]);
    radios(el)[2]!.blur();
    await el.updateComplete;
    expect(boxes(), 'after leaving the group').to.deep.equal(before);
  });

  it('labels the group with its label attribute, or a default when there is no criterion', async () => {
    const el = await fixture<LcSelfRating>(html`<lc-self-rating label="How trusting are we?"></lc-self-rating>`);
    expect(el.shadowRoot!.querySelector('#label')!.textContent!.trim()).to.equal('How trusting are we?');
    const bare = await fixture<LcSelfRating>(html`<lc-self-rating locale="da"></lc-self-rating>`);
    expect(bare.shadowRoot!.querySelector('#label')!.textContent!.trim()).to.equal(
      'Hvor langt er jeres fællesskab nået?',
    );
  });

  it('lets a host override any string per instance', async () => {
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating
        criterion="trust"
        .strings=${{ 'scale.0.label': 'Nothing yet', 'comment.label': 'Your note' }}
        comment
      ></lc-self-rating>`,
    );
    expect(radios(el)[0]!.textContent).to.contain('Nothing yet');
    expect(el.shadowRoot!.querySelector('label[for="comment"]')!.textContent).to.equal('Your note');
  });

  it('shows the scale in a language or with overrides set after the first render', async () => {
    const el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust" value="1"></lc-self-rating>`);
    const options = radios(el);
    const texts = () => ({
      options: radios(el).map((r) => r.textContent),
      descriptions: [...el.shadowRoot!.querySelectorAll('[part="description"]')].map((d) => d.textContent),
    });
    const scale = (locale: string, overrides?: StringOverrides) => ({
      options: RATING_OPTIONS.map(
        (o, i) =>
          // Arabic's own question mark for "don't know".
          `${o === 'dont-know' ? (locale === 'ar' ? '؟' : '?') : new Intl.NumberFormat(locale).format(i)} ${coreMsg(locale, `scale.${o}.label`, undefined, overrides)}`,
      ),
      descriptions: RATING_OPTIONS.map((o) => coreMsg(locale, `scale.${o}.description`, undefined, overrides)),
    });
    expect(texts()).to.deep.equal(scale('en'));
    el.locale = 'ar';
    await el.updateComplete;
    expect(texts()).to.deep.equal(scale('ar'));
    expect(texts().options[1]).to.not.equal(scale('en').options[1]);
    el.strings = { 'scale.1.label': 'Now and then', 'scale.1.description': 'Sometimes.' };
    await el.updateComplete;
    expect(texts()).to.deep.equal(scale('ar', el.strings));
    expect(texts().options[1]).to.contain('Now and then');
    el.strings = undefined;
    el.locale = 'en';
    await el.updateComplete;
    expect(texts()).to.deep.equal(scale('en'));
    // The same elements throughout, still chosen and described as before.
    expect(radios(el)).to.deep.equal(options);
    expect(options[1]!.getAttribute('aria-checked')).to.equal('true');
    expect(options[1]!.getAttribute('part')).to.equal('option option-checked');
    expect(description(options[1]!)).to.equal('There are occasional, isolated cases.');
  });

  it('marks its English as English in a language it has no strings for, and says so once', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    let host: HTMLElement;
    try {
      host = await fixture<HTMLElement>(
        html`<div lang="fr">
          <lc-self-rating criterion="trust"></lc-self-rating>
          <lc-self-rating criterion="trust" locale="fr-CA"></lc-self-rating>
          <lc-self-rating criterion="trust" locale="he"></lc-self-rating>
          <lc-self-rating criterion="trust" locale="da-DK"></lc-self-rating>
        </div>`,
      );
      const all = [...host.querySelectorAll<LcSelfRating>('lc-self-rating')];
      await Promise.all(all.map((el) => el.updateComplete));
      // Said once the page's script has had its turn (it may still give a whole translation).
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      console.warn = original;
    }
    const [fr, frCa, he, da] = [...host.querySelectorAll<LcSelfRating>('lc-self-rating')].map((el) => ({
      base: el.shadowRoot!.querySelector('[part="base"]')!,
      first: radios(el)[0]!.textContent,
    }));
    // French and Hebrew pages get the English text, marked as English and laid out left to right.
    for (const el of [fr!, frCa!, he!]) {
      expect(el.base.getAttribute('lang')).to.equal('en');
      expect(el.base.getAttribute('dir')).to.equal('ltr');
      expect(el.first).to.equal(`0 ${coreMsg('en', 'scale.0.label')}`);
    }
    // A language with strings keeps its full tag.
    expect(da!.base.getAttribute('lang')).to.equal('da-DK');
    expect(da!.first).to.equal(`0 ${coreMsg('da', 'scale.0.label')}`);
    expect(warnings.filter((w) => w.includes('no built-in strings for "fr'))).to.have.length(1);
    expect(warnings.filter((w) => w.includes('no built-in strings for "he"'))).to.have.length(1);
    expect(warnings.some((w) => w.includes('"da'))).to.be.false;
    await expect(host!).to.be.accessible();
  });

  it('takes a number or null for its value as a native control does: as a string', async () => {
    const el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust"></lc-self-rating>`);
    const errors = await captureConsoleErrors(async () => {
      (el as unknown as { value: unknown }).value = 2;
      await el.updateComplete;
    });
    expect(el.value).to.equal('2');
    expect(radios(el)[2]!.getAttribute('aria-checked')).to.equal('true');
    expect(errors).to.deep.equal([]);
    (el as unknown as { value: unknown }).value = null;
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(radios(el).every((r) => r.getAttribute('aria-checked') === 'false')).to.be.true;
  });

  it('reports a bad value attribute in place and in the console, and keeps working', async () => {
    let el!: LcSelfRating;
    const errors = await captureConsoleErrors(async () => {
      el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust" value="7"></lc-self-rating>`);
    });
    expect(errors.some((e) => e.includes('<lc-self-rating> value'))).to.be.true;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('value');
    expect(el.value).to.equal('');
    radios(el)[1]!.click();
    expect(el.value).to.equal('1');
  });

  it('shows a bad value set after the first render, keeps the answer chosen, and clears the alert with a good one', async () => {
    const el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust"></lc-self-rating>`);
    const alert = () => el.shadowRoot!.querySelector('[role="alert"]');
    radios(el)[2]!.click();
    await el.updateComplete;
    expect(alert()).to.be.null;
    const errors = await captureConsoleErrors(async () => {
      el.value = '7';
      await el.updateComplete;
    });
    expect(errors.some((e) => e.includes('<lc-self-rating> value'))).to.be.true;
    expect(alert()!.textContent).to.contain('value');
    // Ignored, as a property of the wrong type is: the person's answer is not thrown away.
    expect(el.value).to.equal('2');
    expect(radios(el).map((r) => r.getAttribute('aria-checked'))).to.deep.equal([
      'false',
      'false',
      'true',
      'false',
      'false',
      'false',
    ]);
    for (const bad of ['Tested', 'banana']) {
      await captureConsoleErrors(async () => {
        el.value = bad;
        await el.updateComplete;
      });
      expect(el.value, bad).to.equal('2');
    }
    el.value = '3';
    await el.updateComplete;
    expect(alert()).to.be.null;
    expect(radios(el)[3]!.getAttribute('aria-checked')).to.equal('true');
  });

  it('shows and logs an unknown criterion, naming the id and the set', async () => {
    let el!: LcSelfRating;
    const errors = await captureConsoleErrors(async () => {
      el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="no-such-thing"></lc-self-rating>`);
    });
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('no-such-thing').and.contain('common-criteria');
    expect(errors.filter((e) => e.includes('no-such-thing') && e.includes('common-criteria'))).to.have.length(1);
    await expect(el).to.be.accessible();
  });
});

describe('<lc-self-rating> while the criteria load', () => {
  it('says so in place of the question, then shows the question', async () => {
    const bucket = newBucket('rating-criteria');
    await setFaults(bucket.name, [{ stallMs: 1500 }]);
    const url = `/__lc/serve/${bucket.name}?file=test/fixtures/criteria-small.json`;
    const community = await mount<HTMLElement>(
      html`<lc-community criteria=${url}><lc-self-rating criterion="listening"></lc-self-rating></lc-community>`,
    );
    const el = community.querySelector('lc-self-rating')!;
    await el.updateComplete;
    const loading = () => el.shadowRoot!.querySelector('[part~="loading"]');
    expect(loading(), 'a loading line').to.exist;
    expect(loading()!.textContent!.trim()).to.equal('Loading the criteria…');
    await expect(el).to.be.accessible();
    await waitFor(() => el.shadowRoot!.querySelector('[part~="question"]'), 'the question once the criteria are in');
    expect(loading()).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="question"]')!.textContent!.trim()).to.equal(
      "How do neighbours' concerns reach the district council?",
    );
  });
});

describe('<lc-self-rating> in a form', () => {
  it('puts its value (and comment and evidence) into FormData', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <lc-self-rating name="trust" criterion="trust" comment evidence></lc-self-rating>
      </form>`,
    );
    const el = form.querySelector('lc-self-rating')!;
    expect(new FormData(form).has('trust')).to.be.false;
    el.value = '2';
    await el.updateComplete;
    expect(new FormData(form).get('trust')).to.equal('2');

    const textarea = el.shadowRoot!.querySelector('textarea')!;
    textarea.focus();
    await sendKeys({ type: 'Weekly open meetings' });
    const evidence = el.shadowRoot!.querySelector<HTMLInputElement>('#evidence')!;
    evidence.focus();
    await sendKeys({ type: 'https://example.org/minutes' });
    const data = new FormData(form);
    expect(data.get('trust')).to.equal('2');
    expect(data.get('trust-comment')).to.equal('Weekly open meetings');
    expect(data.get('trust-evidence')).to.equal('https://example.org/minutes');

    el.value = 'dont-know';
    await el.updateComplete;
    expect(new FormData(form).get('trust')).to.equal('dont-know');
  });

  it('is named by a <label for> as a native control is, and the label moves focus into it', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <label for="council">How far do people trust the council?</label>
        <lc-self-rating id="council" name="council" criterion="trust"></lc-self-rating>
        <lc-self-rating id="plain" criterion="trust"></lc-self-rating>
        <label>Trust between neighbours <lc-self-rating id="wrapped" criterion="trust"></lc-self-rating></label>
      </form>`,
    );
    const [el, plain, wrapped] = [...form.querySelectorAll('lc-self-rating')];
    await wrapped!.updateComplete;
    expect(accessibleName(wrapped!.shadowRoot!.querySelector('[role="radiogroup"]')!), 'a label around it').to.equal(
      'Trust between neighbours',
    );
    await el!.updateComplete;
    await plain!.updateComplete;
    expect(el!.labels).to.have.length(1);
    const group = el!.shadowRoot!.querySelector('[role="radiogroup"]')!;
    expect(accessibleName(group)).to.equal('How far do people trust the council?');
    // Without a label: named by its own, as before.
    expect(accessibleName(plain!.shadowRoot!.querySelector('[role="radiogroup"]')!)).to.equal('Trust');
    form.querySelector('label')!.click();
    expect(el!.shadowRoot!.activeElement?.getAttribute('role'), 'focus in the group').to.equal('radio');
    expect(el!.value, 'focused, not chosen').to.equal('');
    await expect(form).to.be.accessible();
  });

  it('is named by its label as the browser reads it, and again when the page changes its labels', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <label for="city">Trust in the city <span aria-hidden="true">*</span><span hidden>(tooltip)</span></label>
        <lc-self-rating id="city" name="city" criterion="trust"></lc-self-rating>
        <lc-self-rating id="later" name="later" criterion="trust"></lc-self-rating>
        <lc-self-rating name="renamed" criterion="trust"></lc-self-rating>
        <div id="late"></div>
      </form>`,
    );
    const [city, later, renamed] = [...form.querySelectorAll('lc-self-rating')];
    const name = async (el: LcSelfRating) => {
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      return accessibleName(el.shadowRoot!.querySelector('[role="radiogroup"]')!);
    };
    expect(await name(city!), 'without the hidden parts').to.equal('Trust in the city');

    form.querySelector('label')!.firstChild!.textContent = 'Trust in the town ';
    expect(await name(city!), 'its text changed').to.equal('Trust in the town');

    const label = document.createElement('label');
    label.htmlFor = 'later';
    label.textContent = 'A label added later';
    form.querySelector('#late')!.append(label);
    expect(await name(later!), 'a label added').to.equal('A label added later');
    label.remove();
    expect(await name(later!), 'the label removed').to.equal('Trust');

    const named = document.createElement('label');
    named.htmlFor = 'renamed';
    named.textContent = 'Named by its new id';
    form.append(named);
    expect(await name(renamed!)).to.equal('Trust');
    renamed!.id = 'renamed';
    expect(await name(renamed!), 'its id changed').to.equal('Named by its new id');
  });

  it('is named and described by its aria-labelledby, aria-label and aria-describedby, as a native group is', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <p id="hint">Think about the <span aria-hidden="true">*</span>last twelve months.</p>
        <h3 id="q">Question 3 of 10</h3>
        <p id="of">(trust)</p>
        <label for="labelled">A label</label>
        <label for="named">Another label</label>
        <lc-self-rating id="described" criterion="trust" aria-describedby="hint"></lc-self-rating>
        <lc-self-rating id="labelled" criterion="trust" aria-labelledby="q of" aria-label="Not this"></lc-self-rating>
        <lc-self-rating id="named" criterion="trust" aria-label="Trust in the district"></lc-self-rating>
        <lc-self-rating criterion="trust" aria-labelledby="nowhere" aria-label="Named all the same"></lc-self-rating>
        <div role="radiogroup" aria-labelledby="q of" aria-describedby="hint">
          <input type="radio" name="native" aria-label="Yes" />
        </div>
      </form>`,
    );
    const [described, labelled, named, fallback, native] = await groupsAsRead();
    // As a native group with the same attributes reads ("Question 3 of 10 (trust)", "Think about
    // the last twelve months."), after its own description.
    expect(described, 'its own description, then the page’s').to.deep.equal({
      name: 'Trust',
      description: `${QUESTION} ${native!.description}`,
    });
    expect(labelled!.name, 'aria-labelledby over aria-label and a <label for>').to.equal(native!.name);
    expect(named!.name, 'aria-label over a <label for>').to.equal('Trust in the district');
    expect(fallback!.name, 'aria-labelledby naming nothing').to.equal('Named all the same');
    await expect(form).to.be.accessible();
  });

  it('is named and described again when those attributes, or the text they point at, change', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <p id="hint">First hint</p>
        <p id="other">Another hint</p>
        <div id="late"></div>
        <lc-self-rating criterion="trust" aria-describedby="hint"></lc-self-rating>
      </form>`,
    );
    const el = form.querySelector('lc-self-rating')!;
    const hint = form.querySelector('#hint')!;
    const read = async () => (await groupsAsRead())[0]!;
    expect((await read()).description).to.equal(`${QUESTION} First hint`);

    hint.textContent = 'Changed hint';
    expect((await read()).description, 'its text changed').to.equal(`${QUESTION} Changed hint`);
    hint.setAttribute('hidden', '');
    expect((await read()).description, 'hidden, it is still read').to.equal(`${QUESTION} Changed hint`);

    el.setAttribute('aria-describedby', 'hint other');
    expect((await read()).description, 'the attribute changed').to.equal(`${QUESTION} Changed hint Another hint`);

    el.setAttribute('aria-describedby', 'error');
    expect((await read()).description, 'naming nothing yet').to.equal(QUESTION);
    const error = document.createElement('p');
    error.id = 'error';
    error.textContent = 'Answer question 3';
    form.querySelector('#late')!.append(error);
    expect((await read()).description, 'an element added later').to.equal(`${QUESTION} Answer question 3`);
    error.remove();
    expect((await read()).description, 'the element removed').to.equal(QUESTION);
    form.querySelector('#other')!.id = 'error';
    expect((await read()).description, 'an element given the id').to.equal(`${QUESTION} Another hint`);

    el.setAttribute('aria-labelledby', 'hint');
    expect((await read()).name, 'aria-labelledby added').to.equal('Changed hint');
    hint.setAttribute('aria-label', 'Its aria-label');
    expect((await read()).name, 'read as its aria-label').to.equal('Its aria-label');
    el.removeAttribute('aria-labelledby');
    el.setAttribute('aria-label', 'Trust here');
    expect((await read()).name).to.equal('Trust here');
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-describedby');
    expect(await read(), 'all removed: as before').to.deep.equal({ name: 'Trust', description: QUESTION });
  });

  it('looks the ids up where it is: inside another element’s shadow root', async () => {
    const host = await mount<HTMLDivElement>(html`<div><p id="hint">The page’s hint, not this one</p></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<h3 id="q">Inner question</h3><p id="hint">Inner hint</p>
      <lc-self-rating criterion="trust" aria-labelledby="q" aria-describedby="hint"></lc-self-rating>`;
    const el = root.querySelector('lc-self-rating')!;
    await el.updateComplete;
    expect((await groupsAsRead())[0]).to.deep.equal({ name: 'Inner question', description: `${QUESTION} Inner hint` });
    root.querySelector('#hint')!.textContent = 'Inner hint changed';
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect((await groupsAsRead())[0]!.description, 'watched there too').to.equal(`${QUESTION} Inner hint changed`);
  });

  it('fires input for typing and change for a changed comment, from the element itself', async () => {
    const el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust" comment></lc-self-rating>`);
    const seen = countEvents(el);
    const textarea = el.shadowRoot!.querySelector('textarea')!;
    textarea.focus();
    await sendKeys({ type: 'ab' });
    textarea.blur();
    expect(seen).to.deep.equal({ input: 2, change: 1 });
    expect(el.commentText).to.equal('ab');
  });

  it('keeps what is typed as typed: spaces at the end of the link, the caret in the middle', async () => {
    const el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="trust" comment evidence></lc-self-rating>`);
    const evidence = el.shadowRoot!.querySelector<HTMLInputElement>('#evidence')!;
    evidence.focus();
    // A URL field's value setter strips outer spaces: a write-back after each key would eat them.
    await sendKeys({ type: 'https://example.org/a ' });
    await el.updateComplete;
    await sendKeys({ type: 'b' });
    await el.updateComplete;
    expect(evidence.value).to.equal('https://example.org/a b');
    expect(el.evidenceUrl).to.equal('https://example.org/a b');

    const textarea = el.shadowRoot!.querySelector('textarea')!;
    textarea.focus();
    await sendKeys({ type: 'ac' });
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ type: 'b' });
    await el.updateComplete;
    await sendKeys({ type: 'x' });
    expect(textarea.value).to.equal('abxc');
    expect(el.commentText).to.equal('abxc');

    // Set from code, the fields show it.
    el.commentText = 'from code';
    el.evidenceUrl = 'https://example.org/b';
    await el.updateComplete;
    expect(textarea.value).to.equal('from code');
    expect(evidence.value).to.equal('https://example.org/b');
  });

  it('restores the default value on form.reset(), without events', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <lc-self-rating name="trust" criterion="trust" value="1" comment></lc-self-rating>
      </form>`,
    );
    const el = form.querySelector('lc-self-rating')!;
    expect(el.defaultValue).to.equal('1');
    radios(el)[3]!.click();
    el.commentText = 'typed';
    await el.updateComplete;
    expect(new FormData(form).get('trust')).to.equal('3');
    const seen = countEvents(el);
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('1');
    expect(el.commentText).to.equal('');
    expect(el.shadowRoot!.querySelector('textarea')!.value).to.equal('');
    expect(new FormData(form).get('trust')).to.equal('1');
    expect(radios(el)[1]!.getAttribute('aria-checked')).to.equal('true');
    expect(seen).to.deep.equal({ input: 0, change: 0 });
  });

  it('takes a defaultValue set before its definition loaded, as the default form.reset() restores', async () => {
    // The drop-in loader defines the tag after a framework (or a script) made the element.
    const tag = `lazy-rating-${Math.random().toString(36).slice(2, 8)}`;
    const el = document.createElement(tag) as LcSelfRating;
    Object.assign(el, { name: 'trust', criterion: 'trust', defaultValue: '2' });
    const form = await mount<HTMLFormElement>(html`<form></form>`);
    form.append(el);
    customElements.define(tag, class extends (customElements.get('lc-self-rating') as typeof LcSelfRating) {});
    await el.updateComplete;
    expect(Object.hasOwn(el, 'defaultValue'), 'no own property left hiding the accessor').to.equal(false);
    expect([el.defaultValue, el.getAttribute('value'), el.value]).to.deep.equal(['2', '2', '2']);
    radios(el)[3]!.click();
    await el.updateComplete;
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('2');
    expect(new FormData(form).get('trust')).to.equal('2');
  });

  it('is reset at once: the form data and validity right after form.reset() returns', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <lc-self-rating name="trust" criterion="trust" comment required></lc-self-rating>
      </form>`,
    );
    const el = form.querySelector('lc-self-rating')!;
    radios(el)[3]!.click();
    const textarea = el.shadowRoot!.querySelector('textarea')!;
    textarea.focus();
    await sendKeys({ type: 'secret' });
    expect(form.checkValidity()).to.be.true;
    form.reset();
    expect([...new FormData(form)], 'nothing left to send').to.deep.equal([]);
    expect(el.validity.valueMissing).to.be.true;
    expect(form.checkValidity()).to.be.false;
  });

  it('keeps the answer chosen when the page sets the default, as a native input once typed in', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <lc-self-rating name="trust" criterion="trust" value="1"></lc-self-rating>
      </form>`,
    );
    const el = form.querySelector('lc-self-rating')!;
    // Not answered yet: the attribute is the value, as on a native input.
    el.setAttribute('value', '2');
    await el.updateComplete;
    expect(el.value).to.equal('2');

    radios(el)[4]!.click();
    const seen = countEvents(el);
    el.defaultValue = '3';
    await el.updateComplete;
    expect(el.value, 'the answer chosen').to.equal('4');
    expect(el.defaultValue).to.equal('3');
    expect(new FormData(form).get('trust')).to.equal('4');
    expect(radios(el)[4]!.getAttribute('aria-checked')).to.equal('true');
    expect(seen).to.deep.equal({ input: 0, change: 0 });

    // Reset: the new default, which the attribute sets again until the next answer.
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('3');
    el.defaultValue = '0';
    await el.updateComplete;
    expect(el.value).to.equal('0');
  });

  it('is required: invalid with a localized message anchored on the first option, until answered', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form lang="da">
        <lc-self-rating name="trust" criterion="trust" required></lc-self-rating>
      </form>`,
    );
    const el = form.querySelector('lc-self-rating')!;
    expect(el.validity.valueMissing).to.be.true;
    expect(el.validationMessage).to.equal('Vælg en af mulighederne.');
    expect(form.checkValidity()).to.be.false;
    await el.updateComplete;
    const group = el.shadowRoot!.querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-required')).to.equal('true');
    expect(group.getAttribute('aria-invalid'), 'invalid shown after a check').to.equal('true');
    expect(el.shadowRoot!.querySelector('#required-error')!.textContent).to.equal('Vælg en af mulighederne.');

    // Submitting the form focuses the first option (the anchor) and does not submit.
    let submitted = false;
    form.addEventListener('submit', (e) => {
      submitted = true;
      e.preventDefault();
    });
    form.requestSubmit();
    expect(submitted).to.be.false;
    expect(focused(el)?.dataset['value']).to.equal('0');

    await press('ArrowRight');
    await el.updateComplete;
    expect(el.validity.valid).to.be.true;
    expect(group.getAttribute('aria-invalid')).to.equal('false');
    expect(el.shadowRoot!.querySelector('#required-error')).to.be.null;
    form.requestSubmit();
    expect(submitted).to.be.true;

    // Valid through every new level; invalid again when reset, in the language of the moment.
    await press('ArrowRight');
    await el.updateComplete;
    expect(el.validity.valid).to.be.true;
    form.reset();
    await el.updateComplete;
    expect(el.validity.valueMissing).to.be.true;
    el.locale = 'de';
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Wählen Sie eine der Möglichkeiten.');
  });

  it('is invalid with a bad evidence link inside a form, and keeps the text', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <lc-self-rating name="trust" criterion="trust" evidence value="2"></lc-self-rating>
      </form>`,
    );
    const el = form.querySelector('lc-self-rating')!;
    el.evidenceUrl = 'javascript:alert(1)';
    await el.updateComplete;
    expect(el.validity.typeMismatch).to.be.true;
    expect(form.checkValidity()).to.be.false;
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#evidence')!;
    expect(input.getAttribute('aria-invalid'), 'the failed check shows the error in place').to.equal('true');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#evidence')!.value).to.equal('javascript:alert(1)');
    el.evidenceUrl = 'https://example.org/report';
    await el.updateComplete;
    expect(el.validity.valid).to.be.true;
  });

  it('submits its form on Enter in the link field, as a native text field does, and not from the comment', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <lc-self-rating name="trust" criterion="trust" comment evidence value="2"></lc-self-rating>
        <button>Send the form</button>
      </form>`,
    );
    const submitters: Array<string | undefined> = [];
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitters.push(e.submitter?.textContent ?? undefined);
    });
    const el = form.querySelector('lc-self-rating')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLTextAreaElement>('#comment')!.focus();
    await sendKeys({ type: 'Two lines' });
    await press('Enter');
    expect(submitters, 'Enter in a text area is a new line').to.deep.equal([]);
    el.shadowRoot!.querySelector<HTMLInputElement>('#evidence')!.focus();
    await sendKeys({ type: 'https://example.org/minutes' });
    await press('Enter');
    expect(submitters).to.deep.equal(['Send the form']);
    expect(new FormData(form).get('trust')).to.equal('2');
  });

  it('says once in the console that readonly is not supported (the browser stops checking required)', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const form = await mount<HTMLFormElement>(
        html`<form>
          <lc-self-rating name="trust" criterion="trust" required readonly></lc-self-rating>
          <lc-self-rating name="later" criterion="trust"></lc-self-rating>
        </form>`,
      );
      const [el, later] = [...form.querySelectorAll('lc-self-rating')];
      await el!.updateComplete;
      el!.toggleAttribute('readonly');
      el!.toggleAttribute('readonly');
      later!.setAttribute('readonly', '');
      later!.setAttribute('readonly', 'readonly');
    } finally {
      console.warn = warn;
    }
    const said = warnings.filter((w) => w.includes('<lc-self-rating>') && w.includes('readonly'));
    expect(said, 'once per element').to.have.length(2);
    expect(said[0]).to.include('required');
  });

  it('submits its form on Enter on an option, as a native radio button does', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <lc-self-rating name="trust" criterion="trust"></lc-self-rating>
        <button>Send the form</button>
      </form>`,
    );
    const submitted: string[] = [];
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted.push(`${e.submitter?.textContent}: ${new FormData(form).get('trust')}`);
    });
    const el = form.querySelector('lc-self-rating')!;
    await el.updateComplete;
    radios(el)[2]!.click();
    expect(focused(el)).to.equal(radios(el)[2]);
    await press('Enter');
    expect(submitted).to.deep.equal(['Send the form: 2']);
    await press('Shift+Enter');
    expect(submitted, 'not with a modifier').to.have.length(1);
  });

  it('is disabled by a disabled fieldset: not focusable, not changeable, not submitted', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <fieldset disabled>
          <lc-self-rating name="trust" criterion="trust" value="2"></lc-self-rating>
        </fieldset>
      </form>`,
    );
    const el = form.querySelector('lc-self-rating')!;
    const fieldset = form.querySelector('fieldset')!;
    await el.updateComplete;
    expect(el.matches(':disabled')).to.be.true;
    expect(radios(el).every((r) => !r.hasAttribute('tabindex'))).to.be.true;
    expect(radios(el).every((r) => r.getAttribute('aria-disabled') === 'true')).to.be.true;
    expect(new FormData(form).has('trust')).to.be.false;
    radios(el)[4]!.click();
    expect(el.value).to.equal('2');
    await expect(el).to.be.accessible();

    fieldset.disabled = false;
    await el.updateComplete;
    expect(el.matches(':disabled')).to.be.false;
    expect(new FormData(form).get('trust')).to.equal('2');
    radios(el)[4]!.click();
    expect(el.value).to.equal('4');
  });

  it('is disabled by its own disabled attribute', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <lc-self-rating name="trust" criterion="trust" value="1" disabled comment></lc-self-rating>
      </form>`,
    );
    const el = form.querySelector('lc-self-rating')!;
    expect(new FormData(form).has('trust')).to.be.false;
    expect(el.shadowRoot!.querySelector('textarea')!.disabled).to.be.true;
    const group = el.shadowRoot!.querySelector('[role="radiogroup"]')!;
    expect(group.getAttribute('aria-disabled')).to.equal('true');

    // Enabled again by property: every sign of it goes, in the same update (the browser tells a
    // form-associated element of its own attribute only after it has rendered).
    el.disabled = false;
    await el.updateComplete;
    expect(el.matches(':disabled')).to.be.false;
    expect(group.getAttribute('aria-disabled')).to.equal('false');
    expect(radios(el).every((r) => r.getAttribute('aria-disabled') === 'false')).to.be.true;
    expect(el.shadowRoot!.querySelector('textarea')!.disabled).to.be.false;
    expect(new FormData(form).get('trust')).to.equal('1');
  });

  it('in the first legend of a disabled fieldset it is not disabled, as a native control is not', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <fieldset disabled>
          <legend><lc-self-rating name="trust" criterion="trust" value="2"></lc-self-rating></legend>
          <input name="native-in-fieldset" value="x" />
        </fieldset>
      </form>`,
    );
    const el = form.querySelector('lc-self-rating')!;
    await el.updateComplete;
    expect(el.matches(':disabled')).to.be.false;
    expect(radios(el).every((r) => r.getAttribute('aria-disabled') === 'false')).to.be.true;
    expect(new FormData(form).get('trust')).to.equal('2');
    expect(new FormData(form).has('native-in-fieldset')).to.be.false;
  });

  it('restores its state on back navigation (formStateRestoreCallback)', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <lc-self-rating name="trust" criterion="trust" comment></lc-self-rating>
      </form>`,
    );
    const el = form.querySelector('lc-self-rating')!;
    const seen = countEvents(el);
    el.formStateRestoreCallback(JSON.stringify({ v: '3', c: 'kept' }));
    await el.updateComplete;
    expect(el.value).to.equal('3');
    expect(el.commentText).to.equal('kept');
    expect(new FormData(form).get('trust-comment')).to.equal('kept');
    el.formStateRestoreCallback('dont-know');
    expect(el.value).to.equal('dont-know');
    el.formStateRestoreCallback('{"v":"9"}');
    expect(el.value, 'bad state is ignored').to.equal('dont-know');
    expect(seen).to.deep.equal({ input: 0, change: 0 });
  });

  it('offers no submit button inside a form, even with an endpoint', async () => {
    const form = await mount<HTMLFormElement>(
      html`<form>
        <lc-self-rating name="trust" criterion="trust" endpoint="/__lc/collect/none"></lc-self-rating>
      </form>`,
    );
    const el = form.querySelector('lc-self-rating')!;
    expect(el.shadowRoot!.querySelector('[part="submit"]')).to.be.null;
    // Taken out of the form, it submits on its own.
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="submit"]')).to.exist;
    el.remove();
  });
});
