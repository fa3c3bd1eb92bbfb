import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
// Loaded up front: axe runs while the browser is offline, when it could not be fetched.
import 'axe-core/axe.min.js';
import '../src/components/community/define.js';
import '../src/components/partnership-matrix/define.js';
import type { LcPartnershipMatrix } from '../src/components/partnership-matrix/lc-partnership-matrix.js';
import type { LcSubmitErrorEvent } from '../src/core/events.js';
import { SEEN_MS, type SubmissionState } from '../src/core/submission-controller.js';
import { captureConsoleErrors, collectorState, newBucket, setFaults, setOffline, waitFor } from './support/helpers.js';
import { $, $$, actorsOf, cellAt, levelOf, press, smallActors, smallTies, uid } from './partnership-matrix-support.js';

const statusText = (el: LcPartnershipMatrix) => $(el, '[part="status"]')!.textContent!.trim();
const sendButton = (el: LcPartnershipMatrix) => $<HTMLButtonElement>(el, '[part~="submit"]')!;

async function reach(el: LcPartnershipMatrix, state: SubmissionState) {
  await waitFor(() => el.submissionState === state, `the submission state "${state}"`);
  await el.updateComplete;
}

async function openPanels(el: LcPartnershipMatrix) {
  for (const part of ['actors', 'data']) $<HTMLElement>(el, `[part="${part}"] > summary`)!.click();
  await el.updateComplete;
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
}

describe('<lc-partnership-matrix> submission', () => {
  afterEach(async () => {
    await setOffline(false);
  });

  it('sends a partnerships envelope with actors, ties and figures, and shows it was sent', async () => {
    const bucket = newBucket('matrix');
    const community = await fixture(
      html`<lc-community endpoint=${bucket.endpoint} community="north" round="2026-spring" perspective="partner"
        ><lc-partnership-matrix
          draft-key=${uid()}
          layout="grid"
          .actors=${smallActors}
          .ties=${smallTies}
        ></lc-partnership-matrix
      ></lc-community>`,
    );
    const el = community.querySelector('lc-partnership-matrix')!;
    await el.updateComplete;
    const status = $(el, '[part="status"]')!;
    expect(status.getAttribute('role'), 'a polite live region from the start').to.equal('status');
    expect(statusText(el)).to.equal('');
    expect(sendButton(el).textContent!.trim()).to.equal('Send');

    cellAt(el, 0, 3).focus();
    await press('2');
    const delivered = new Promise((resolve) => el.addEventListener('lc-submitted', resolve, { once: true }));
    sendButton(el).click();
    await el.updateComplete;
    expect(['sending', 'sent']).to.include(el.submissionState);
    await reach(el, 'sent');
    await delivered;
    expect($(el, '[part="status"]')).to.equal(status, 'the same live region, so the change is announced');
    expect(statusText(el)).to.equal('Thank you. Your answer has been sent.');

    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(1);
    const record = records[0]!;
    expect(record).to.include({
      kind: 'partnerships',
      community: 'north',
      round: '2026-spring',
      perspective: 'partner',
    });
    const data = record['data'] as {
      actors: unknown;
      ties: unknown;
      figures: Record<string, unknown>;
      directed: boolean;
    };
    expect(data.actors).to.deep.equal(smallActors);
    expect(data.directed).to.equal(false);
    expect(data.ties).to.deep.equal([
      { source: 'town', target: 'college', level: 3, independent: false },
      { source: 'town', target: 'club', level: 2, independent: false },
      { source: 'bank', target: 'club', level: 2, independent: true },
    ]);
    // 4 actors → 6 pairs; 3 ties → density 0.5; one of three independent.
    expect(data.figures).to.include({ actors: 4, pairs: 6, ties: 3, density: 0.5, independentShare: 0.3333 });

    // An edit after sending offers to send the new version, which names the first as replaced.
    await press('3');
    await el.updateComplete;
    expect(el.submissionState).to.equal('idle');
    expect(statusText(el)).to.equal('');
    sendButton(el).click();
    await reach(el, 'sent');
    const after = (await collectorState(bucket.name)).records;
    expect(after).to.have.length(2);
    expect(after.find((r) => r.id !== record.id)!['replaces']).to.equal(record.id);
  });

  it('sends a map once for a double press of Send, and never sends it again unchanged', async () => {
    const bucket = newBucket('matrix-twice');
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix
        draft-key=${uid()}
        layout="grid"
        endpoint=${bucket.endpoint}
        .actors=${smallActors}
        .ties=${smallTies}
      ></lc-partnership-matrix>`,
    );
    sendButton(el).scrollIntoView({ block: 'center' });
    const box = sendButton(el).getBoundingClientRect();
    const at: [number, number] = [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
    // A double tap whose second press comes once a quick server has answered the first.
    await sendMouse({ type: 'click', position: at });
    await reach(el, 'sent');
    await sendMouse({ type: 'click', position: at });
    await el.updateComplete;
    expect(el.submissionState).to.equal('sent');
    // The second click of a double-click, however late.
    sendButton(el).dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 2 }));
    await el.updateComplete;
    expect(sendButton(el).getAttribute('aria-disabled'), 'nothing to send: it is sent').to.equal('true');
    // Pressed later, with nothing changed: the map sent is the one shown.
    await new Promise((r) => setTimeout(r, SEEN_MS + 100));
    await sendMouse({ type: 'click', position: at });
    sendButton(el).click();
    await el.updateComplete;
    expect(el.submissionState).to.equal('sent');
    const { records } = await collectorState(bucket.name);
    expect(records, 'one submission').to.have.length(1);

    // Edited: sendable again, as the new version of the one sent.
    cellAt(el, 0, 3).focus();
    await press('1');
    await el.updateComplete;
    expect(sendButton(el).getAttribute('aria-disabled')).to.equal('false');
    sendButton(el).click();
    await reach(el, 'sent');
    const after = (await collectorState(bucket.name)).records;
    expect(after).to.have.length(2);
    expect(after[1]!['replaces']).to.equal(records[0]!.id);
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('says up front, in its storage-notice part, that nothing is kept under storage="none"', async () => {
    const community = await fixture(
      html`<lc-community endpoint="/__lc/collect/matrix-none" storage="none"
        ><lc-partnership-matrix draft-key=${uid()} .actors=${smallActors}></lc-partnership-matrix
      ></lc-community>`,
    );
    const el = community.querySelector('lc-partnership-matrix')!;
    await el.updateComplete;
    expect($(el, '[part="storage-notice"]')!.textContent!.trim()).to.equal(
      'Nothing is kept on this device: keep the page open until you have sent.',
    );
  });

  it('sends nothing with fewer than two actors, and says why', async () => {
    const bucket = newBucket('matrix-empty');
    const community = await fixture(
      html`<lc-community endpoint=${bucket.endpoint}
        ><lc-partnership-matrix draft-key=${uid()}></lc-partnership-matrix
      ></lc-community>`,
    );
    const el = community.querySelector('lc-partnership-matrix')!;
    await el.updateComplete;
    sendButton(el).click();
    await el.updateComplete;
    expect($(el, '[part="notice"]')!.textContent!.trim()).to.equal('Add at least two actors before sending the map.');
    el.actors = [smallActors[0]!];
    await el.updateComplete;
    expect(await el.submit()).to.equal(undefined);
    expect(statusText(el)).to.equal('');
    expect((await collectorState(bucket.name)).requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a rejection with the server’s reason, keeps the matrix, and can try again', async () => {
    const bucket = newBucket('matrix-reject');
    await setFaults(bucket.name, [{ status: 422, message: 'round is closed', contentLanguage: 'en-GB' }]);
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix
        layout="grid"
        endpoint=${bucket.endpoint}
        .actors=${smallActors}
        .ties=${smallTies}
      ></lc-partnership-matrix>`,
    );
    const failed = new Promise<LcSubmitErrorEvent>((resolve) =>
      el.addEventListener('lc-submit-error', resolve, { once: true }),
    );
    const errors = await captureConsoleErrors(async () => {
      sendButton(el).click();
      await reach(el, 'rejected');
    });
    expect(errors.some((e) => e.includes('<lc-partnership-matrix>') && e.includes('round is closed'))).to.be.true;
    expect((await failed).retrying).to.be.false;
    expect(statusText(el)).to.contain('Not accepted: round is closed.');
    // The reason in the language the endpoint named (Content-Language).
    const reason = $(el, '[part="status"] [lang]');
    expect([reason?.getAttribute('lang'), reason?.textContent]).to.deep.equal(['en-GB', 'round is closed']);
    expect($(el, '[part="status"]')!.dataset['state']).to.equal('rejected');
    expect(sendButton(el).textContent!.trim()).to.equal('Try again');
    expect(el.ties).to.deep.equal(smallTies);
    sendButton(el).click();
    await reach(el, 'sent');
    expect((await collectorState(bucket.name)).records).to.have.length(1);
  });

  it('sent, then another round: shown as not sent, and the next send replaces nothing', async () => {
    const bucket = newBucket('matrix-round');
    const community = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<lc-community endpoint=${bucket.endpoint} community="north" round="2026-spring"
        ><lc-partnership-matrix
          draft-key=${uid()}
          layout="grid"
          .actors=${smallActors}
          .ties=${smallTies}
        ></lc-partnership-matrix
      ></lc-community>`,
    );
    const el = community.querySelector('lc-partnership-matrix')!;
    await el.updateComplete;
    sendButton(el).click();
    await reach(el, 'sent');

    community.setAttribute('round', '2026-autumn');
    await community.updateComplete;
    await el.updateComplete;
    expect(el.submissionState, 'the map was sent for the spring round, not this one').to.equal('idle');
    expect(sendButton(el).textContent!.trim()).to.equal('Send');
    cellAt(el, 0, 3).focus();
    await press('4');
    sendButton(el).click();
    await reach(el, 'sent');

    const { records } = await collectorState(bucket.name);
    expect(records.map((r) => r['round'])).to.deep.equal(['2026-spring', '2026-autumn']);
    expect(records[1]!['replaces'], 'the autumn map does not replace the spring one').to.equal(undefined);
  });

  it('queues while offline ("saved, will be sent") and delivers once when back online', async () => {
    const bucket = newBucket('matrix-offline');
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix
        layout="grid"
        endpoint=${bucket.endpoint}
        .actors=${smallActors}
        .ties=${smallTies}
      ></lc-partnership-matrix>`,
    );
    await setOffline(true);
    sendButton(el).click();
    await reach(el, 'queued');
    expect(statusText(el)).to.match(/Saved\. It will be sent when the connection is back\.|Waiting for the connection/);
    expect(sendButton(el).getAttribute('aria-disabled'), 'no second copy while one is queued').to.equal('true');
    await expect(el).to.be.accessible();
    await setOffline(false);
    await reach(el, 'sent');
    const { records } = await collectorState(bucket.name);
    expect(records).to.have.length(1);
  });
});

describe('<lc-partnership-matrix> narrow layout', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('shows a list of one actor’s ties at 320 px, usable with 60 actors', async () => {
    await setViewport({ width: 320, height: 640 });
    const actors = actorsOf(60);
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix
        .actors=${actors}
        .ties=${[{ source: 'a1', target: 'a2', level: 3, independent: true }]}
      ></lc-partnership-matrix>`,
    );
    await el.updateComplete;
    expect(el.getBoundingClientRect().width).to.be.below(640);
    expect($(el, '[role="grid"]'), 'no grid on a phone').to.not.exist;
    const list = $(el, '[part="list"]')!;
    expect(list).to.exist;
    const chooser = $<HTMLSelectElement>(el, '#list-actor')!;
    expect(chooser.options).to.have.length(60);
    expect(chooser.options[0]!.textContent!.trim()).to.equal('Actor 1 (1 tie)');
    expect($(el, '#list-heading')!.textContent).to.equal('Ties of Actor 1');
    const rows = $$(el, '.ties > li');
    expect(rows).to.have.length(59);
    // Nothing wider than the screen: no horizontal scrolling of the page.
    expect(document.documentElement.scrollWidth).to.be.at.most(320);

    // Choose another actor, then set a level and the flag on one of its ties.
    chooser.value = '4';
    chooser.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect($(el, '#list-heading')!.textContent).to.equal('Ties of Actor 5');
    const level = $<HTMLSelectElement>(el, '#lv-9')!;
    expect(level.labels[0]!.textContent).to.equal('Actor 10');
    level.value = '4';
    level.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(levelOf(el, 'a5', 'a10')).to.equal(4);
    const flag = $<HTMLInputElement>(el, 'input[data-col="9"]')!;
    expect(flag.disabled).to.be.false;
    flag.click();
    await el.updateComplete;
    expect(el.ties.find((t) => t.source === 'a5')!.independent).to.be.true;
    expect(el.figures.ties).to.equal(2);
    // Only the existing ties, to review them on a small screen.
    $<HTMLInputElement>(el, '.list > .check input')!.click();
    await el.updateComplete;
    expect($$(el, '.ties > li .who').map((w) => w.textContent)).to.deep.equal(['Actor 10']);
    await expect(el).to.be.accessible();

    // Browsing its levels with the arrow keys down to "no tie" keeps the row and its focus: it
    // leaves the list only when the filter or the actor changes (focus never falls to <body>).
    const only = $<HTMLSelectElement>(el, '#lv-9')!;
    only.focus();
    for (const level of [3, 2, 1]) {
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(levelOf(el, 'a5', 'a10')).to.equal(level);
      expect(el.shadowRoot!.activeElement, `the focus at level ${level}`).to.equal(only);
    }
    // The last step as the select's own change event. (Before the fix, the focused select was
    // removed here, and headless Chromium lost this page: the run fails as "interrupted".)
    only.value = '0';
    only.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect($(el, '#lv-9'), 'the row stays while it is being edited').to.equal(only);
    expect(el.shadowRoot!.activeElement).to.equal(only);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(levelOf(el, 'a5', 'a10')).to.equal(1);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    // The filter applied again: the tie is gone from the list.
    const filter = $<HTMLInputElement>(el, '.list > .check input')!;
    filter.click();
    filter.click();
    await el.updateComplete;
    expect($$(el, '.ties > li .who').map((w) => w.textContent)).to.deep.equal([]);
  });

  it('does not leave the last edit’s words under another actor’s ties', async () => {
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix
        draft-key=${uid()}
        layout="list"
        .actors=${smallActors}
        .ties=${smallTies}
      ></lc-partnership-matrix>`,
    );
    await el.updateComplete;
    const notice = $(el, '[part="notice"]')!;
    const chooser = $<HTMLSelectElement>(el, '#list-actor')!;
    const choose = async (i: number) => {
      chooser.value = String(i);
      chooser.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
    };
    // Town hall's tie with City College, from 3 down to 1: the line says the new level.
    const level = $<HTMLSelectElement>(el, '#lv-1')!;
    level.value = '1';
    level.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(notice.textContent).to.equal('1 Occasional contact');
    // The filter is the same actor's ties: still true.
    $<HTMLInputElement>(el, '.list > .check input')!.click();
    await el.updateComplete;
    expect(notice.textContent).to.equal('1 Occasional contact');

    // Savings Bank's ties: "1 Occasional contact" would read as one of them. The live region is
    // still there, and empty, so nothing is announced over the select's own words.
    await choose(2);
    expect($(el, '#list-heading')!.textContent).to.equal('Ties of Savings Bank');
    expect(notice.textContent).to.equal('');
    expect(notice.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();

    // Back to Town hall, nothing is said again; the next edit speaks as before.
    await choose(0);
    expect(notice.textContent).to.equal('');
    const again = $<HTMLSelectElement>(el, '#lv-1')!;
    again.value = '4';
    again.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(notice.textContent).to.equal('4 Shared governance');

    // What is said of no tie (an actor removed, with Undo) stays when another actor is shown.
    $<HTMLElement>(el, '[part="actors"] > summary')!.click();
    await waitFor(() => $(el, '.actor-list button'), 'the Actors panel');
    $$<HTMLButtonElement>(el, '.actor-list button')[3]!.click();
    await el.updateComplete;
    expect(notice.textContent).to.equal('Removed Sport Club and its 1 tie.');
    await choose(1);
    expect(notice.textContent).to.equal('Removed Sport Club and its 1 tie.');
  });

  it('opens its Actors panel at 320 px with the text spacing of WCAG 1.4.12, no wider than the screen', async () => {
    await setViewport({ width: 320, height: 640 });
    // German first: its sector names are the longest.
    for (const locale of ['de', 'en', 'da', 'ar']) {
      const el = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix
          draft-key=${uid()}
          locale=${locale}
          .actors=${smallActors}
          .ties=${smallTies}
        ></lc-partnership-matrix>`,
      );
      // A sans-serif, wider than the test page's default serif.
      el.style.fontFamily = "'DejaVu Sans', sans-serif";
      const spacing = document.createElement('style');
      spacing.textContent =
        '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }';
      el.shadowRoot!.append(spacing);
      $<HTMLElement>(el, 'details[part~="actors"] > summary')!.click();
      await waitFor(() => $(el, '.actor-list select'), `the Actors panel in ${locale}`);
      await el.updateComplete;
      // The sector of a new actor, and one per actor.
      const selects = $$<HTMLSelectElement>(el, 'details[part~="actors"] select');
      expect(selects, locale).to.have.length(1 + smallActors.length);
      expect(document.documentElement.scrollWidth, `${locale}: the page scrolls sideways`).to.be.at.most(innerWidth);
      for (const select of selects) {
        const box = select.getBoundingClientRect();
        const what = `${locale}, ${select.id || select.getAttribute('aria-label')}: ${box.left}–${box.right}`;
        expect(box.left, what).to.be.at.least(0);
        expect(box.right, what).to.be.at.most(innerWidth);
      }
      el.remove();
    }
  });

  it('at 304 px, the heatmap scrolls in its region and its caption stays whole in view', async () => {
    const host = await fixture<HTMLElement>(
      html`<div style="inline-size: 304px">
        <lc-partnership-matrix draft-key=${uid()} .actors=${smallActors} .ties=${smallTies}></lc-partnership-matrix>
      </div>`,
    );
    const el = host.querySelector('lc-partnership-matrix')!;
    await el.updateComplete;
    $<HTMLElement>(el, '[part="figures"] > summary, details.figures > summary')?.click();
    await el.updateComplete;
    const wrap = $<HTMLElement>(el, '.heatmap-wrap')!;
    expect(wrap.scrollWidth, 'the heatmap is wider than 304 px').to.be.greaterThan(wrap.clientWidth);
    const box = wrap.getBoundingClientRect();
    const caption = wrap.querySelector('caption')!;
    for (const left of [0, wrap.scrollWidth]) {
      wrap.scrollLeft = left;
      const c = caption.getBoundingClientRect();
      // Within a pixel (the collapsed borders put the sticky caption on a fraction of one).
      expect(c.left, `scrolled to ${left}`).to.be.at.least(box.left - 1);
      expect(c.right, `scrolled to ${left}`).to.be.at.most(box.right + 1);
    }
  });

  it('follows its own width: list when narrow, grid when wide', async function () {
    // The resize observer runs with rendering frames, which a page in the background of a
    // parallel test run does not get: there is nothing to observe then.
    if (document.visibilityState !== 'visible') this.skip();
    await setViewport({ width: 1000, height: 640 });
    const el = await fixture<LcPartnershipMatrix>(
      html`<lc-partnership-matrix draft-key=${uid()} .actors=${actorsOf(12)}></lc-partnership-matrix>`,
    );
    expect($(el, '[role="grid"]')).to.exist;
    await setViewport({ width: 360, height: 640 });
    await waitFor(() => $(el, '[part="list"]'), 'the list at 360 px');
    await setViewport({ width: 1000, height: 640 });
    await waitFor(() => $(el, '[role="grid"]'), 'the grid at 1000 px');
  });
});

describe('<lc-partnership-matrix> accessibility (axe)', () => {
  for (const locale of ['en', 'ar']) {
    it(`has no violations in ${locale}, filled, with every panel open`, async () => {
      const bucket = newBucket('axe');
      const el = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix
          layout="grid"
          locale=${locale}
          endpoint=${bucket.endpoint}
          .actors=${smallActors}
          .ties=${smallTies}
        ></lc-partnership-matrix>`,
      );
      await openPanels(el);
      await expect(el).to.be.accessible();
      // With the picker open.
      cellAt(el, 0, 2).click();
      await el.updateComplete;
      expect($(el, '[part="picker"]')!.matches(':popover-open')).to.be.true;
      await expect(el).to.be.accessible();
    });

    it(`has no violations in ${locale} when empty, and with errors shown`, async () => {
      const empty = await fixture<LcPartnershipMatrix>(
        html`<lc-partnership-matrix draft-key=${uid()} locale=${locale}></lc-partnership-matrix>`,
      );
      await expect(empty).to.be.accessible();
      const original = console.error;
      console.error = () => {};
      try {
        const el = await fixture<LcPartnershipMatrix>(
          html`<lc-partnership-matrix
            draft-key=${uid()}
            layout="grid"
            locale=${locale}
            .actors=${smallActors}
          ></lc-partnership-matrix>`,
        );
        el.ties = [{ source: 'town', target: 'nowhere', level: 2, independent: false }];
        await openPanels(el);
        $<HTMLTextAreaElement>(el, '#import-text')!.value = '{';
        $<HTMLTextAreaElement>(el, '#import-text')!.dispatchEvent(new Event('input'));
        $<HTMLButtonElement>(el, '#import')!.click();
        await el.updateComplete;
        expect($$(el, '[role="alert"]')).to.have.length(2);
        await expect(el).to.be.accessible();
      } finally {
        console.error = original;
      }
    });
  }
});
