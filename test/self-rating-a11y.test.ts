import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
// Loaded up front: axe also runs while the browser is offline, when it could not be fetched.
import 'axe-core/axe.min.js';
import '../src/components/community/define.js';
import '../src/components/criterion-card/define.js';
import '../src/components/self-rating/define.js';
import type { LcCriterionCard } from '../src/components/criterion-card/lc-criterion-card.js';
import type { LcSelfRating } from '../src/components/self-rating/lc-self-rating.js';
import { coreMsg } from '../src/core/i18n/core-strings.js';
import type { SubmissionState } from '../src/core/submission-controller.js';
import { builtInCriteria } from '../src/criteria/index.js';
import { msg } from '../src/components/self-rating/strings.js';
import { mount, settle } from './self-rating-support.js';
import { captureConsoleErrors, forcedColors, newBucket, setFaults, setOffline, waitFor } from './support/helpers.js';

// Every state the issue names, in English, Danish and Arabic (right-to-left): zero axe violations.

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const radios = (el: LcSelfRating) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];
const statusText = (el: LcSelfRating) => part(el, 'status')!.textContent!.trim();

async function reach(el: LcSelfRating, state: SubmissionState) {
  await waitFor(() => el.submissionState === state, `the submission state "${state}"`);
  await el.updateComplete;
}

async function accessible(el: Element) {
  await expect(el).to.be.accessible();
}

for (const locale of ['en', 'da', 'ar'] as const) {
  describe(`<lc-self-rating> and <lc-criterion-card> accessibility (${locale})`, () => {
    before(async () => {
      // Danish content loads on demand; have it at hand so every fixture starts complete.
      await builtInCriteria(locale);
    });
    afterEach(async () => {
      await setOffline(false);
    });

    /** A standalone rating on a fresh collector bucket. */
    async function standalone(extra: (endpoint: string) => TemplateResult) {
      const bucket = newBucket(`a11y-${locale}`);
      const el = await fixture<LcSelfRating>(extra(bucket.endpoint));
      return { el, bucket };
    }

    it('unanswered, with comment and evidence fields', async () => {
      const { el } = await standalone(
        (endpoint) =>
          html`<lc-self-rating
            criterion="trust"
            locale=${locale}
            endpoint=${endpoint}
            comment
            evidence
          ></lc-self-rating>`,
      );
      expect(part(el, 'base')!.getAttribute('dir')).to.equal(locale === 'ar' ? 'rtl' : 'ltr');
      expect(part(el, 'answer')!.textContent).to.equal(msg(locale, 'answer.none'));
      await accessible(el);
    });

    it('answered, with the focused option described', async () => {
      const { el } = await standalone(
        (endpoint) =>
          html`<lc-self-rating criterion="trust" locale=${locale} endpoint=${endpoint} value="3"></lc-self-rating>`,
      );
      radios(el)[3]!.focus();
      await el.updateComplete;
      expect(part(el, 'answer')!.textContent).to.equal(
        msg(locale, 'answer.chosen', { label: coreMsg(locale, 'scale.3.label') }),
      );
      await accessible(el);
    });

    it('vertical layout', async () => {
      const el = await fixture<LcSelfRating>(
        html`<lc-self-rating criterion="trust" locale=${locale} layout="vertical" value="dont-know"></lc-self-rating>`,
      );
      await accessible(el);
    });

    it('required and unanswered, after a check', async () => {
      const form = await mount<HTMLFormElement>(
        html`<form lang=${locale}><lc-self-rating name="x" criterion="trust" required></lc-self-rating></form>`,
      );
      const el = form.querySelector('lc-self-rating')!;
      form.checkValidity();
      await el.updateComplete;
      expect(part(el, 'field-error')!.textContent).to.equal(msg(locale, 'required'));
      await accessible(el);
    });

    it('disabled by a fieldset', async () => {
      const form = await mount<HTMLFormElement>(
        html`<form lang=${locale}>
          <fieldset disabled>
            <legend>Rating</legend>
            <lc-self-rating name="x" criterion="trust" value="1" comment></lc-self-rating>
          </fieldset>
        </form>`,
      );
      const el = form.querySelector('lc-self-rating')!;
      await settle(form);
      expect(el.matches(':disabled')).to.be.true;
      await accessible(el);
    });

    it('evidence link refused', async () => {
      const { el } = await standalone(
        (endpoint) =>
          html`<lc-self-rating
            criterion="trust"
            locale=${locale}
            endpoint=${endpoint}
            evidence
            value="2"
          ></lc-self-rating>`,
      );
      el.evidenceUrl = 'not a link';
      await el.updateComplete;
      await el.submit();
      await el.updateComplete;
      expect(part(el, 'field-error')!.textContent).to.equal(msg(locale, 'evidence.invalid'));
      await accessible(el);
    });

    it('sending', async () => {
      const { el, bucket } = await standalone(
        (endpoint) =>
          html`<lc-self-rating criterion="trust" locale=${locale} endpoint=${endpoint} value="2"></lc-self-rating>`,
      );
      await setFaults(bucket.name, [{ stallMs: 3000 }]);
      void el.submit();
      await reach(el, 'sending');
      expect(statusText(el)).to.equal(coreMsg(locale, 'submit.sending'));
      await accessible(el);
      await reach(el, 'sent');
    });

    it('sent, with "change my answer"', async () => {
      const { el } = await standalone(
        (endpoint) =>
          html`<lc-self-rating
            criterion="trust"
            locale=${locale}
            endpoint=${endpoint}
            value="4"
            comment
          ></lc-self-rating>`,
      );
      await el.submit();
      await reach(el, 'sent');
      expect(statusText(el)).to.equal(coreMsg(locale, 'submit.sent'));
      expect(part(el, 'submit')!.textContent!.trim()).to.equal(coreMsg(locale, 'submit.change'));
      await accessible(el);
    });

    it('queued while offline', async () => {
      const { el } = await standalone(
        (endpoint) =>
          html`<lc-self-rating criterion="trust" locale=${locale} endpoint=${endpoint} value="0"></lc-self-rating>`,
      );
      await setOffline(true);
      await el.submit();
      await reach(el, 'queued');
      expect(statusText(el)).to.equal(coreMsg(locale, 'submit.queued'));
      await accessible(el);
      await setOffline(false);
      await reach(el, 'sent');
    });

    it('rejected, with the server\'s reason and "try again"', async () => {
      const { el, bucket } = await standalone(
        (endpoint) =>
          html`<lc-self-rating criterion="trust" locale=${locale} endpoint=${endpoint} value="1"></lc-self-rating>`,
      );
      await setFaults(bucket.name, [{ status: 422, message: 'closed round' }]);
      await captureConsoleErrors(async () => {
        await el.submit();
        await reach(el, 'rejected');
      });
      expect(statusText(el)).to.contain('closed round');
      expect(part(el, 'submit')!.textContent!.trim()).to.equal(coreMsg(locale, 'submit.retry'));
      await accessible(el);
    });

    it('without device storage', async () => {
      const bucket = newBucket('a11y-nostore');
      const community = await fixture(
        html`<lc-community endpoint=${bucket.endpoint} storage="none" locale=${locale}
          ><lc-self-rating criterion="trust"></lc-self-rating
        ></lc-community>`,
      );
      const el = community.querySelector('lc-self-rating')!;
      await el.updateComplete;
      expect(part(el, 'notice')!.textContent).to.equal(coreMsg(locale, 'storage.none'));
      await accessible(el);
    });

    it('unknown criterion', async () => {
      let el!: LcSelfRating;
      await captureConsoleErrors(async () => {
        el = await fixture<LcSelfRating>(html`<lc-self-rating criterion="missing" locale=${locale}></lc-self-rating>`);
      });
      expect(part(el, 'error')!.textContent).to.equal(
        coreMsg(locale, 'criterion.unknown', { id: 'missing', set: 'common-criteria' }),
      );
      await accessible(el);
    });

    it('card, expanded, with a nested rating and a journal', async () => {
      const el = await fixture<LcCriterionCard>(
        html`<lc-criterion-card criterion="citizen-solutions" locale=${locale}
          ><lc-self-rating locale=${locale} comment></lc-self-rating>
          <p slot="journal">Journal</p></lc-criterion-card
        >`,
      );
      await settle(el);
      expect(part(el, 'title')).to.exist;
      await accessible(el);
    });

    it('card, compact, closed and open', async () => {
      const el = await fixture<LcCriterionCard>(
        html`<lc-criterion-card criterion="trust" variant="compact" heading-level="2" locale=${locale}
          ><lc-self-rating locale=${locale} value="2"></lc-self-rating
        ></lc-criterion-card>`,
      );
      await settle(el);
      await accessible(el);
      el.open = true;
      await el.updateComplete;
      expect(part(el, 'why')).to.exist;
      await accessible(el);
    });

    it('card, unknown criterion and a bad heading level', async () => {
      let el!: LcCriterionCard;
      await captureConsoleErrors(async () => {
        el = await fixture<LcCriterionCard>(
          html`<lc-criterion-card criterion="missing" heading-level="1" locale=${locale}></lc-criterion-card>`,
        );
      });
      expect(part(el, 'error')!.textContent).to.contain('heading-level').and.contain('missing');
      await accessible(el);
    });
  });
}

describe('<lc-self-rating> sent: read-only, and it looks it', () => {
  afterEach(() => forcedColors(false));

  /** What tells an editable control from a read-only one at a glance. */
  const look = (node: HTMLElement) => {
    const style = getComputedStyle(node);
    return {
      cursor: style.cursor,
      borderStyle: style.borderTopStyle,
      borderColor: style.borderTopColor,
      background: style.backgroundColor,
      boxShadow: style.boxShadow,
    };
  };
  const looks = (el: LcSelfRating) => ({
    other: look(radios(el)[1]!),
    answer: look(radios(el)[3]!),
    comment: look(part(el, 'comment')!),
    evidence: look(part(el, 'evidence')!),
  });

  it('its options are not pressable and the other ones are dashed, its fields tinted; the answer stays marked', async () => {
    const bucket = newBucket('a11y-sent-look');
    const el = await fixture<LcSelfRating>(
      html`<lc-self-rating criterion="trust" endpoint=${bucket.endpoint} value="3" comment evidence></lc-self-rating>`,
    );
    await el.updateComplete;
    const editable = looks(el);
    expect(editable.other.cursor).to.equal('pointer');
    await el.submit();
    await reach(el, 'sent');
    expect(part(el, 'scale')!.getAttribute('aria-readonly')).to.equal('true');
    expect((part(el, 'comment') as HTMLTextAreaElement).readOnly).to.be.true;
    const sent = looks(el);
    expect(sent.other.cursor, 'an option that cannot be pressed').to.equal('default');
    expect(sent.answer.cursor).to.equal('default');
    expect([editable.other.borderStyle, sent.other.borderStyle], 'the other options').to.deep.equal([
      'solid',
      'dashed',
    ]);
    // The answer keeps its solid accent ring and its tint.
    expect(sent.answer).to.deep.equal({ ...editable.answer, cursor: 'default' });
    for (const field of ['comment', 'evidence'] as const) {
      expect(sent[field].background, `${field}: a tinted surface`).not.to.equal(editable[field].background);
      expect(sent[field].borderStyle, field).to.equal('dashed');
    }
    await accessible(el);
    // In forced colours (no tints, no shadows) the dashed outlines still tell it apart.
    await forcedColors(true);
    const forced = looks(el);
    expect(forced.other.borderStyle).to.equal('dashed');
    expect(forced.comment.borderStyle).to.equal('dashed');
    expect(forced.answer.borderStyle).to.equal('solid');
  });
});
