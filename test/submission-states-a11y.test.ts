// The submission states added for shared devices and settings that are not valid, as a person
// meets them: an answer whose respondent moved on while it was on its way, shown with its fate
// (sent, or refused) when they are back; and "nothing was sent" while the page's community, round,
// perspective or respondent is not valid. Each is said in the element's status region (there
// before the text, so it is announced), passes axe, and stays told apart in forced colours.
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import 'axe-core/axe.min.js';
import '../src/components/assessment/define.js';
import '../src/components/community/define.js';
import '../src/components/partnership-matrix/define.js';
import '../src/components/self-rating/define.js';
import { msg } from '../src/components/assessment/strings.js';
import { msg as ratingMsg } from '../src/components/self-rating/strings.js';
import { coreMsg } from '../src/core/i18n/core-strings.js';
import type { SubmissionState } from '../src/core/submission-controller.js';
import { builtInCriteria } from '../src/criteria/index.js';
import { smallActors, smallTies } from './partnership-matrix-support.js';
import {
  captureConsoleErrors,
  collectorState,
  forcedColors,
  newBucket,
  setFaults,
  waitFor,
} from './support/helpers.js';

type Sender = HTMLElement & {
  updateComplete: Promise<unknown>;
  submissionState: SubmissionState;
  submit(): Promise<unknown>;
};
type Host = HTMLElement & { updateComplete: Promise<unknown> };

const KINDS = ['lc-self-rating', 'lc-assessment', 'lc-partnership-matrix'] as const;
const status = (el: Sender) => el.shadowRoot!.querySelector<HTMLElement>('[part~="status"]')!;

/** The element of `kind` inside a community with `attributes`; an assessment answered and at its review. */
async function mountIn(
  kind: (typeof KINDS)[number],
  community: (inner: TemplateResult) => TemplateResult,
): Promise<{ host: Host; el: Sender }> {
  const inner =
    kind === 'lc-self-rating'
      ? html`<lc-self-rating criterion="trust" value="2"></lc-self-rating>`
      : kind === 'lc-assessment'
        ? html`<lc-assessment allow-partial></lc-assessment>`
        : html`<lc-partnership-matrix .actors=${smallActors} .ties=${smallTies}></lc-partnership-matrix>`;
  const host = await fixture<Host>(community(inner));
  const el = host.querySelector<Sender>(kind)!;
  await el.updateComplete;
  if (kind === 'lc-assessment') {
    const assessment = el as Sender & { answersRestored: Promise<void>; goTo(step: string): void };
    await assessment.answersRestored;
    await el.updateComplete;
    const rating = el.shadowRoot!.querySelector<Sender>('lc-self-rating[data-criterion="trust"]')!;
    await rating.updateComplete;
    rating.shadowRoot!.querySelector<HTMLElement>('[role="radio"][data-value="2"]')!.click();
    await el.updateComplete;
    assessment.goTo('review');
    await el.updateComplete;
  }
  return { host, el };
}

/** How a status is drawn, as far as forced colours leave it: its borders and its weight. */
function drawn(region: HTMLElement): string {
  const s = getComputedStyle(region);
  return [s.borderTopStyle, s.borderTopWidth, s.borderInlineStartWidth, s.fontWeight, s.fontStyle].join(' ');
}

describe('submission states on a shared device: an answer shown again with its fate', () => {
  afterEach(() => forcedColors(false));

  for (const kind of KINDS) {
    it(`${kind}: sent and refused are said when the respondent is back, pass axe, and differ in forced colours`, async () => {
      const shown: Record<string, string> = {};
      for (const fate of ['sent', 'rejected'] as const) {
        const bucket = newBucket('a11y-fate');
        await setFaults(bucket.name, [
          { status: 503, retryAfter: 1 },
          ...(fate === 'rejected' ? [{ status: 400, message: 'the round is closed' }] : []),
        ]);
        const { host, el } = await mountIn(
          kind,
          (inner) =>
            html`<lc-community
              locale="de"
              endpoint=${bucket.endpoint}
              community=${`fate-${Math.random().toString(36).slice(2, 8)}`}
              round="2026-spring"
              perspective="citizen"
              respondent="carol"
              >${inner}</lc-community
            >`,
        );
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
        await waitFor(() => el.submissionState === 'queued', 'the answer waiting');
        const region = status(el);
        await captureConsoleErrors(async () => {
          host.setAttribute('respondent', 'dave');
          await host.updateComplete;
          await waitFor(() => el.submissionState === 'idle', 'the next person’s blank state');
          // Its fate comes while dave is there: nothing of carol's is said to him.
          await waitFor(async () => (await collectorState(bucket.name)).requests.length === 2, 'the second try');
          await new Promise((r) => setTimeout(r, 100));
          expect(status(el).textContent!.trim()).to.equal('');
          host.setAttribute('respondent', 'carol');
          await host.updateComplete;
          await waitFor(() => el.submissionState === fate, `carol's answer shown ${fate}`);
          await el.updateComplete;
        });
        // The same live region, now speaking: it was in the tree before its text came.
        expect(status(el), 'the status region kept, not made anew').to.equal(region);
        expect(region.getAttribute('role')).to.equal('status');
        const text = region.textContent!.trim();
        // A rating's names its question: shown again, it answers no press of its own.
        const sent =
          kind === 'lc-assessment'
            ? msg('de', 'send.sent')
            : kind === 'lc-self-rating'
              ? ratingMsg('de', 'status.about', { criterion: 'Vertrauen', status: coreMsg('de', 'submit.sent') })
              : coreMsg('de', 'submit.sent');
        if (fate === 'sent') expect(text).to.equal(sent);
        else expect(text).to.contain('the round is closed');
        expect(region.getBoundingClientRect().height, 'on screen').to.be.greaterThan(0);
        await expect(el).to.be.accessible();
        await forcedColors(true);
        shown[fate] = drawn(region);
        await forcedColors(false);
        host.remove();
      }
      expect(shown['rejected'], 'a refusal drawn unlike "sent" in forced colours').to.not.equal(shown['sent']);
    });
  }
});

describe('submission states: settings that are not valid', () => {
  const LOCALES = ['en', 'da', 'de', 'ar'] as const;
  before(async () => {
    for (const locale of LOCALES) await builtInCriteria(locale);
  });
  afterEach(() => forcedColors(false));

  for (const locale of LOCALES) {
    it(`${locale}: "nothing was sent" is shown, said in the status region, and passes axe, in every element`, async () => {
      const bucket = newBucket('a11y-invalid');
      for (const kind of KINDS) {
        let host!: Host;
        let el!: Sender;
        await captureConsoleErrors(async () => {
          ({ host, el } = await mountIn(
            kind,
            (inner) =>
              html`<lc-community
                locale=${locale}
                endpoint=${bucket.endpoint}
                community="settings"
                round="2026-spring"
                respondent="  "
                storage="none"
                >${inner}</lc-community
              >`,
          ));
          el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
          await waitFor(() => el.submissionState === 'rejected', `${kind}: refused before sending`);
          await el.updateComplete;
        });
        const region = status(el);
        expect(region.getAttribute('role'), kind).to.equal('status');
        expect(region.textContent, kind).to.contain(coreMsg(locale, 'submit.settings-invalid'));
        expect(region.getBoundingClientRect().height, `${kind}: on screen`).to.be.greaterThan(0);
        expect(region.closest('[dir]')!.getAttribute('dir'), kind).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
        // The community says which setting, once for the page, as an alert.
        const alert = host.shadowRoot!.querySelector('[part~="error"]')!;
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(alert.textContent).to.contain('respondent');
        await expect(host).to.be.accessible();
        // In forced colours, drawn unlike a status that says "sent".
        await forcedColors(true);
        const refused = drawn(region);
        region.dataset['state'] = 'sent';
        expect(refused, `${kind}: a refusal in forced colours`).to.not.equal(drawn(region));
        region.dataset['state'] = 'rejected';
        await forcedColors(false);
        host.remove();
      }
    });
  }
});
