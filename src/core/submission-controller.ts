import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { CommunityController } from './community-controller.js';
import { buildEnvelope, checkChanged, type EnvelopeValidator } from './build-envelope.js';
import type { DataOf, Envelope, SubmissionKind } from './envelope.js';
import { LcSubmitErrorEvent, LcSubmitEvent, LcSubmittedEvent } from './events.js';
import { coreMsg } from './i18n/core-strings.js';
import {
  getOutbox,
  keptEvent,
  keptForElement,
  type Outbox,
  type OutboxEntry,
  OutboxEvent,
  type Sender,
} from './outbox.js';
import { withReason } from './reason.js';
import type { TransportResult } from './transport.js';

/**
 * Where a submission stands, as the element shows it:
 * `idle` nothing sent yet · `sending` first attempt under way · `sent` acknowledged ·
 * `queued` kept and retried (offline, server down) · `rejected` refused (the reason in `message`) ·
 * `handled` a host's `lc-submit` listener took it over.
 */
export type SubmissionState = 'idle' | 'sending' | 'sent' | 'queued' | 'rejected' | 'handled';

type Host = ReactiveControllerHost & HTMLElement;

const OUTBOX_EVENTS = ['replaced', 'delivered', 'retrying', 'rejected', 'storage-unavailable'] as const;

/**
 * Posting lives here, not in components: builds the envelope, fires `lc-submit` (cancelable),
 * hands it to the page's outbox, and follows it to `lc-submitted` or `lc-submit-error`.
 */
export class SubmissionController implements ReactiveController {
  state: SubmissionState = 'idle';
  /** The reason of a rejection, or the last failure while queued. */
  message = '';
  /**
   * The language of `message` (a BCP 47 tag) when the endpoint named it (`Content-Language`):
   * the element marks the reason with it. Undefined for reasons of the element's own.
   */
  messageLang: string | undefined;
  /**
   * While queued: true when the last attempt failed for another cause than a lost connection (the
   * server could not take it then: a 5xx, 408 or 429; or the request failed while the browser is
   * online), false when the connection failed (or none was made).
   */
  serverBusy = false;
  /**
   * With `rejected`: the endpoint refused the submission (it went out), rather than the element
   * not sending it (criteria still loading, no endpoint, an envelope that does not check out).
   */
  refused = false;
  /** The waiting submission the next one takes back ("change my answer" before it arrived). */
  private replacing: string | undefined;
  /** The submission the next one replaces, arrived or not: its `replaces` (see change). */
  private replaces: string | undefined;
  /** The last envelope this element submitted. */
  envelope: Envelope | undefined;
  /**
   * The id of a submission followed quietly (see follow): another element's of this page, which
   * tells its events and says its states itself.
   */
  private quietFor: string | undefined;
  /**
   * The submissions this element moved on from while they were on their way (see startOver), by
   * id, oldest first: their fate is still told from the element, and shown when their question is
   * asked again (see takeUpDeparted).
   */
  private readonly departed = new Map<string, Departed>();
  /** False when device storage is unavailable: submissions then live only as long as the page. */
  storageAvailable = true;
  /**
   * When the element came to show "Change my answer(s)" in place of "Send" (`performance.now()` of
   * the first frame after that, undefined until it): see changeIsNew.
   */
  private changeShownAt: number | undefined;

  private readonly host: Host;
  private readonly community: CommunityController;
  private readonly validate: EnvelopeValidator | undefined;
  private readonly showReplacement: ((envelope: Envelope) => boolean) | undefined;
  private outbox: Outbox | undefined;
  /** The outbox of the storage policy before the last change, while it holds the submission on its way. */
  private holding: Outbox | undefined;
  private unregister: (() => void) | undefined;
  /**
   * This element's sender: it delivers each submission the element makes (whichever other elements
   * post to the same endpoint), with its community's transport, headers and credentials resolved
   * at each attempt, so a host's later change of them applies.
   */
  private readonly sender: Sender = {
    transport: (envelope, context) => this.community.transport()(envelope, context),
    onPage: () => this.host.isConnected,
  };
  private registeredFor: string | undefined;

  /**
   * The controllers listening to each outbox. One listener per event type relays to all of them:
   * thousands of ratings adding and removing four listeners each on one EventTarget cost time
   * quadratic in their number (each add and remove searches the list).
   */
  private static readonly listening = new Map<Outbox, Set<SubmissionController>>();

  private static listen(outbox: Outbox, controller: SubmissionController): void {
    let controllers = SubmissionController.listening.get(outbox);
    if (!controllers) {
      const all = new Set<SubmissionController>();
      controllers = all;
      SubmissionController.listening.set(outbox, all);
      const relay = (event: Event) => {
        // As with listeners: one removed meanwhile is not called, one added meanwhile waits for the next event.
        for (const c of [...all]) if (all.has(c)) c.handle(event as OutboxEvent);
      };
      for (const type of OUTBOX_EVENTS) outbox.addEventListener(type, relay);
    }
    controllers.add(controller);
  }

  /**
   * `validate`: a full check of each envelope before it is sent (elements that load zod anyway
   * pass `validateEnvelope`); without it the envelope's own fields and a rating's data are checked.
   * `showReplacement`: shows in the element the answers of `envelope`, sent in another tab (or by
   * another element) in place of the submission the element shows, and returns true; false when it
   * answers another question. The element then follows that one to its fate. Without it, such
   * news is not shown (see replacedBy).
   */
  constructor(
    host: Host,
    community: CommunityController,
    validate?: EnvelopeValidator,
    showReplacement?: (envelope: Envelope) => boolean,
  ) {
    this.host = host;
    this.community = community;
    this.validate = validate;
    this.showReplacement = showReplacement;
    host.addController(this);
  }

  hostConnected(): void {
    this.attach();
  }

  hostUpdate(): void {
    // The endpoint, transport or storage policy may have changed through context. An update of an
    // element already off the page (removed before it first rendered) registers nothing: its
    // sender would outlive it, deliver others' submissions with its transport, and keep it alive.
    if (this.host.isConnected) this.attach();
  }

  hostDisconnected(): void {
    this.detach();
  }

  get endpoint(): string | undefined {
    return this.community.endpoint;
  }

  /** Builds, announces and queues a submission. Returns the envelope, or undefined if it was not sent. */
  async submit<K extends SubmissionKind>(kind: K, data: DataOf<K>, criterion?: string): Promise<Envelope | undefined> {
    const endpoint = this.endpoint;
    // An envelope names the criteria set it answers: never a stand-in for a set that is still
    // loading or failed to load (the answer would be counted under another set).
    const community = this.community;
    if (!community.criteriaSet) {
      // Said to the person in their language (the criteria's own error is on show beside it).
      const failed = community.criteriaError !== undefined;
      this.set('rejected', coreMsg(community.locale, failed ? 'submit.criteria-failed' : 'submit.criteria-loading'));
      const problem = failed
        ? `the criteria could not be loaded (${community.criteriaError})`
        : 'the criteria have not loaded yet';
      console.error(`[lc-elements] <${this.host.localName}>: cannot submit, ${problem}`);
      return undefined;
    }
    // A community, round, perspective or respondent the page set is not valid (its <lc-community>
    // says which): not sent under a stand-in, which would file the answer with other people's.
    const invalid = community.community?.invalid;
    if (invalid?.length) {
      this.set('rejected', coreMsg(community.locale, 'submit.settings-invalid'));
      console.error(
        `[lc-elements] <${this.host.localName}>: cannot submit, the <lc-community> ${invalid.join(', ')} is not valid (see the problem reported there)`,
      );
      return undefined;
    }
    let envelope: Envelope;
    try {
      const ctx = this.community.envelopeContext();
      envelope = buildEnvelope(kind, { ...ctx, replaces: this.replaces }, data, criterion, this.validate);
    } catch (error) {
      return this.notSent((error as Error).message);
    }
    const event = new LcSubmitEvent(envelope);
    this.host.dispatchEvent(event);
    // A host may put another envelope in place, or change this one where it is: either way it is
    // checked as the element's own, never sent (or stored) unchecked, and what goes on is a copy,
    // which the host's script can no longer change.
    let taken: Envelope;
    try {
      taken = structuredClone(event.envelope);
    } catch {
      return this.notSent(
        'the envelope set in lc-submit is invalid: it holds what cannot be copied (a function?)',
        envelope,
      );
    }
    const problem = checkChanged(taken, kind, this.validate);
    if (problem) return this.notSent(`the envelope set in lc-submit is invalid: ${problem}`, envelope);
    envelope = taken;
    this.envelope = envelope;
    if (event.defaultPrevented) {
      // The host took it over: the next "change" replaces this one (see change).
      this.replaces = undefined;
      this.set('handled', '');
      return envelope;
    }
    if (!endpoint) {
      // Not sent: the next attempt still replaces what this one would have (replaces is kept).
      this.set('rejected', coreMsg(this.community.locale, 'submit.no-endpoint'));
      console.error(`[lc-elements] <${this.host.localName}>: cannot submit, no endpoint is configured`);
      return undefined;
    }
    this.attach();
    // Handed to the outbox: what it replaces is named in it now, and named again if it is refused
    // (see handle), since a refused submission is never stored and so replaces nothing.
    this.replaces = undefined;
    this.set(navigator.onLine === false ? 'queued' : 'sending', '');
    // A new answer replaces one still waiting (see change); one being sent right now goes through.
    const replacing = this.replacing;
    this.replacing = undefined;
    // A read of the outbox begun before this one was queued is stale: not shared with an element
    // that looks from now on (one made anew in this element's place, see resume).
    const outbox = this.outbox!;
    SubmissionController.waiting.delete(outbox);
    await outbox.submit(endpoint, envelope, this.sender, replacing);
    SubmissionController.waiting.delete(outbox);
    return envelope;
  }

  /**
   * Takes up a submission an earlier visit left waiting in the outbox for this element's
   * endpoint (the newest that `match` accepts): shown as queued and followed to delivery, so a
   * person who reloads sees the answer that is on its way instead of a blank question (and does
   * not send a second one). One refused or delivered on a page where no element of it was (kept
   * for it, see OutboxEntry.refused and delivered) is shown so, refused with the endpoint's reason
   * or sent, and told as it would be here (see showKept); `kept: false` leaves those to the
   * element (see the journal). Resolves with its envelope, or undefined when there is none.
   */
  async resume(
    match: (envelope: Envelope) => boolean,
    { kept = true }: { kept?: boolean } = {},
  ): Promise<Envelope | undefined> {
    const endpoint = this.endpoint;
    if (!endpoint || this.state !== 'idle') return undefined;
    const outbox = getOutbox(this.community.storage);
    let waiting = SubmissionController.waiting.get(outbox);
    if (!waiting) {
      // One read for the elements that ask together (a page of ratings, as it loads).
      const read = outbox.pending().catch((): OutboxEntry[] => []);
      waiting = read;
      SubmissionController.waiting.set(outbox, read);
      void read.then(() => setTimeout(() => SubmissionController.waiting.delete(outbox)));
    }
    const entry = (await waiting)
      .filter((e) => e.endpoint === endpoint && (kept || !keptForElement(e)) && match(e.envelope))
      .at(-1);
    if (!entry || this.state !== 'idle' || this.endpoint !== endpoint) return undefined;
    if (keptForElement(entry)) {
      this.showKept(entry);
      return entry.envelope;
    }
    this.envelope = entry.envelope;
    this.departed.delete(entry.id);
    // Being sent by this page right now (the element was made anew while it went out): "Sending…",
    // not "saved, will be sent when the connection is back" while the connection is there.
    this.set(outbox.sending(entry.id) ? 'sending' : 'queued', entry.lastError ?? '');
    // The server answered its last try (busy), or no answer came: said as before the reload.
    this.serverBusy = entry.lastStatus !== undefined;
    this.attach();
    // Delivered (or refused) since the outbox was read: that fate, at once.
    this.takeFate();
    return entry.envelope;
  }

  private static readonly waiting = new Map<Outbox, Promise<OutboxEntry[]>>();

  /**
   * Shows a submission settled on a page where no element of it was (kept in the outbox for this
   * element, see OutboxEntry.refused and delivered): refused, with the endpoint's reason, told
   * (`lc-submit-error`, the console), the person's answer kept to try again; or sent, told
   * (`lc-submitted`), as a delivery on this page is. Then no longer kept.
   */
  showKept(entry: OutboxEntry): void {
    const kept = keptEvent(entry);
    if (!kept) return;
    this.envelope = entry.envelope;
    this.departed.delete(entry.id);
    this.set('sending', '');
    this.attach();
    // Settled on this page load already (the element came after): that event, told once.
    const told = this.outbox?.settledEvent(entry.id);
    this.handle(told?.type === kept.type ? told : kept);
  }

  /** The settled submissions an element on the page has shown (see takeUpSettled). */
  private static readonly shown = new WeakSet<OutboxEvent>();

  /**
   * Takes up a submission of this question that settled while no element showed it: its element was
   * removed as it went out, and a framework rendered a new one in its place. The newest that `match`
   * accepts is shown here with its fate, told as it would have been then: sent (`lc-submitted`), or
   * refused with the server's reason (`lc-submit-error`, the console), the person's answer kept.
   */
  takeUpSettled(match: (envelope: Envelope) => boolean): Envelope | undefined {
    const endpoint = this.endpoint;
    if (!endpoint || this.state !== 'idle') return undefined;
    const event = getOutbox(this.community.storage)
      .settledEvents()
      .filter((e) => !SubmissionController.shown.has(e) && e.entry?.endpoint === endpoint && match(e.entry.envelope))
      .at(-1);
    if (!event) return undefined;
    this.envelope = event.entry!.envelope;
    this.departed.delete(this.envelope.id);
    this.set('sending', '');
    this.attach();
    this.handle(event);
    return this.envelope;
  }

  /**
   * "Change my answer": back to `idle`. The next submission names the last one in its `replaces`,
   * so a collector counts only the new answer. One still waiting in the outbox stays there until
   * that next send, which takes it back; if the person never sends again, the waiting one is still
   * delivered and nothing is lost.
   */
  change(): void {
    const id = this.envelope?.id;
    if (id) {
      this.replaces = id;
      // Taken back by the next send only when it replaces nothing itself: one that replaces an
      // earlier answer must arrive, or the next (naming it) would leave that earlier one counted.
      const waiting = this.state === 'queued' || this.state === 'sending';
      if (waiting && !this.envelope?.replaces) this.replacing = id;
    }
    this.reset();
  }

  /**
   * Shows a submission made elsewhere of the same answers (another tab), in the state that tab
   * tells: this element then sends no second one. Its "change" replaces that one, and this page's
   * outbox delivering it (the tabs share the device's outbox) settles it here as if sent from here.
   * An element taking up one an earlier load left waiting (an assessment after a reload) shows it
   * so too, as `queued`. `quiet`: made by another element of this page (two copies of an assessment
   * for the same answers), which tells its events and says its states: this one shows them only.
   */
  follow(
    envelope: Envelope,
    state: SubmissionState,
    message = '',
    messageLang?: string,
    serverBusy = false,
    quiet = false,
  ): void {
    this.envelope = envelope;
    this.quietFor = quiet ? envelope.id : undefined;
    this.departed.delete(envelope.id);
    // A refused one was never stored: trying again there or here names what it named.
    this.replaces = state === 'rejected' ? envelope.replaces : undefined;
    this.replacing = undefined;
    this.set(state, message, messageLang);
    if (state === 'queued') this.serverBusy = serverBusy;
    this.refused = state === 'rejected';
    // Delivered or refused by this page's outbox before this element followed it: that fate, at once.
    this.takeFate();
  }

  /**
   * Makes the next submission replace `id`, sent elsewhere (another tab) of the same answers:
   * named in its `replaces`, and, while `waiting` in the outbox, taken back when it is sent.
   * `undefined`: it replaces nothing (the element now answers for another group of people).
   */
  replace(id: string | undefined, waiting: boolean): void {
    this.replaces = id;
    this.replacing = waiting ? id : undefined;
  }

  /** The submission the next one replaces, if any (see change and replace). */
  get replacesId(): string | undefined {
    return this.replaces;
  }

  /**
   * The element now asks another question, or asks other people (another community, round or
   * perspective): back to `idle`, and the next submission, a new answer, neither replaces nor takes
   * back the last one ("change my answer" had them do both). That one, if still waiting, is sent.
   */
  startOver(): void {
    const envelope = this.envelope;
    // Settled, it is shown again only to the same respondent: without one, the element cannot tell
    // the person back from the next one, who must not see it (a kiosk's citizen, then a partner).
    const settled =
      envelope?.respondent !== undefined && (this.state === 'sent' || (this.state === 'rejected' && this.refused));
    if (envelope && (this.state === 'sending' || this.state === 'queued' || settled)) {
      // Still the element's own: its fate is told from here, and shown if its question comes back
      // (the kiosk's person back; a respondent who looked at another perspective and came back):
      // sent, it is not shown blank, inviting a second answer that replaces nothing. Only the
      // newest are remembered, in the page's memory: a kiosk may run all day.
      this.departed.delete(envelope.id);
      this.departed.set(envelope.id, {
        envelope,
        endpoint: this.registeredFor ?? this.endpoint,
        message: this.message,
        messageLang: this.messageLang,
        serverBusy: this.serverBusy,
        ...(settled ? { fate: this.settledFate(envelope) } : {}),
      });
      for (const id of this.departed.keys()) {
        if (this.departed.size <= DEPARTED_KEPT) break;
        this.departed.delete(id);
      }
    }
    if (this.state !== 'idle') this.reset();
    this.replace(undefined, false);
  }

  /** How a submission shown as settled here settled, as takeUpDeparted reads it. */
  private settledFate(envelope: Envelope): OutboxEvent {
    const told = this.outbox?.settledEvent(envelope.id) ?? this.holding?.settledEvent(envelope.id);
    if (told) return told;
    const result: TransportResult =
      this.state === 'sent'
        ? { outcome: 'delivered' }
        : { outcome: 'rejected', message: this.message, ...(this.messageLang ? { language: this.messageLang } : {}) };
    return new OutboxEvent(result.outcome, undefined, result);
  }

  /**
   * Shows again a submission this element made and moved on from while it was on its way (see
   * startOver), now that its question is asked again (the kiosk's person is back): the newest that
   * `match` accepts, as it stands now: still on its way, sent, or refused with the endpoint's
   * reason (the answer kept, to try again). Its fate was told as it came (`lc-submitted`,
   * `lc-submit-error`), and is not told again. Returns its envelope, for the element to show.
   */
  takeUpDeparted(match: (envelope: Envelope) => boolean): Envelope | undefined {
    const endpoint = this.endpoint;
    if (!endpoint || this.state !== 'idle') return undefined;
    const gone = [...this.departed.values()].filter((d) => d.endpoint === endpoint && match(d.envelope)).at(-1);
    if (!gone) return undefined;
    const { envelope } = gone;
    this.departed.delete(envelope.id);
    const fate = gone.fate ?? this.outbox?.settledEvent(envelope.id) ?? this.holding?.settledEvent(envelope.id);
    this.envelope = envelope;
    this.replace(undefined, false);
    const result = fate?.result;
    if (fate?.type === 'delivered') {
      this.set('sent', '');
    } else if (fate?.type === 'rejected' && result?.outcome === 'rejected') {
      // Never stored: trying again names what it named.
      this.replaces = envelope.replaces;
      this.set('rejected', result.message, result.language);
      this.refused = true;
    } else {
      const sending = this.outbox?.sending(envelope.id) === true;
      if (sending) {
        this.set('sending', '');
      } else {
        this.set('queued', gone.message, gone.messageLang);
        this.serverBusy = gone.serverBusy;
      }
    }
    return envelope;
  }

  /**
   * True while the submission shown is another element's of this page, followed quietly (see
   * follow): its events are that element's to tell, and the element's status need not say it again.
   */
  get quiet(): boolean {
    return this.quietFor !== undefined && this.quietFor === this.envelope?.id;
  }

  /**
   * What the status says, in words of no language: its state, the submission it is about, what the
   * answer waits for and the endpoint's reason. Its live region does not say it again when only its
   * language changes (see liveRegion).
   */
  get meaning(): string {
    return JSON.stringify([this.state, this.envelope?.id, this.serverBusy, this.storageAvailable, this.message]);
  }

  /** Back to `idle`, forgetting the last submission (which, if still waiting, is still sent). */
  reset(): void {
    this.envelope = undefined;
    this.set('idle', '');
  }

  private attach(): void {
    const endpoint = this.endpoint;
    const outbox = getOutbox(this.community.storage);
    if (outbox !== this.outbox) {
      // The storage policy changed while the submission was on its way (a consent banner turning
      // device storage on): it settles in the outbox that holds it, which is still heard.
      const holding = this.outbox && (this.state === 'sending' || this.state === 'queued') ? this.outbox : undefined;
      this.detach();
      if (holding && holding !== outbox) {
        this.holding = holding;
        SubmissionController.listen(holding, this);
      }
      this.outbox = outbox;
      SubmissionController.listen(outbox, this);
      // Away from the page while its submission settled (removed, then added back): take its fate now.
      this.takeFate();
    }
    this.storageAvailable = outbox.storageAvailable;
    if (endpoint !== this.registeredFor) {
      this.unregister?.();
      this.unregister = undefined;
      this.registeredFor = endpoint;
      if (endpoint) this.unregister = outbox.registerSender(endpoint, this.sender);
    }
  }

  /** How the submission on its way settled while this controller was not listening, if it did. */
  private takeFate(): void {
    const id = this.envelope?.id;
    const on = this.state === 'sending' || this.state === 'queued';
    const fate = id && on ? (this.outbox?.settledEvent(id) ?? this.holding?.settledEvent(id)) : undefined;
    if (fate) this.handle(fate);
    for (const gone of [...this.departed.values()]) {
      const settled = gone.fate ? undefined : this.outbox?.settledEvent(gone.envelope.id);
      if (settled) this.handle(settled);
    }
  }

  private detach(): void {
    this.unregister?.();
    this.unregister = undefined;
    this.registeredFor = undefined;
    if (this.outbox) SubmissionController.listening.get(this.outbox)?.delete(this);
    this.outbox = undefined;
    this.letGo();
  }

  /** Stops hearing the outbox of another storage policy that held the submission (see attach). */
  private letGo(): void {
    if (this.holding && this.holding !== this.outbox) SubmissionController.listening.get(this.holding)?.delete(this);
    this.holding = undefined;
  }

  private handle(event: OutboxEvent): void {
    if (event.type === 'storage-unavailable') {
      this.storageAvailable = false;
      this.host.requestUpdate();
      return;
    }
    const entry = event.entry;
    if (entry && event.type === 'replaced') {
      this.replacedBy(event.replaced, entry.envelope);
      return;
    }
    if (entry && event.type === 'rejected' && entry.id === this.replaces) {
      // The one the next submission was to replace ("change my answer" while it waited) was
      // refused, so never stored: the next one replaces what that one named instead.
      this.replaces = entry.envelope.replaces;
      if (this.replacing === entry.id) this.replacing = undefined;
    }
    if (entry && entry.id !== this.envelope?.id && this.departed.has(entry.id)) {
      this.departedNews(event, this.departed.get(entry.id)!);
      return;
    }
    // Only one on its way: one already settled (told by another tab as well) is told once.
    if (!entry || entry.id !== this.envelope?.id || (this.state !== 'sending' && this.state !== 'queued')) return;
    const result = event.result;
    if (event.type === 'delivered' || event.type === 'rejected') {
      this.letGo();
      SubmissionController.shown.add(event);
    }
    // Followed quietly: the element of this page that made it tells it.
    const tell = !this.quiet;
    if (event.type === 'delivered') {
      this.set('sent', '');
      if (tell) this.host.dispatchEvent(new LcSubmittedEvent(entry.envelope));
    } else if (event.type === 'rejected' && result && result.outcome === 'rejected') {
      // Never stored: the next attempt ("try again") names what this one did.
      this.replaces = entry.envelope.replaces;
      this.set('rejected', result.message, result.language);
      this.refused = true;
      if (tell) tellRefusal(this.host, entry.envelope, result);
    } else if (event.type === 'retrying' && result && result.outcome === 'retry') {
      this.serverBusy = notConnection(result);
      this.set('queued', result.message, result.language);
      if (tell) {
        this.host.dispatchEvent(
          new LcSubmitErrorEvent(entry.envelope, result.message, true, result.status, result.language),
        );
      }
    }
    // Kept for this element by the outbox (settled on a page without it): shown now, so let go.
    if (keptForElement(entry)) void this.outbox?.forget(entry.id).catch(() => undefined);
  }

  /**
   * News of a submission this element moved on from while it was on its way (see startOver): its
   * fate is told from the element as if it still showed it (`lc-submitted`, or `lc-submit-error`
   * and the console for a refusal), once, and kept to be shown if its question comes back. A retry
   * is noted, not told: the element now asks another question, or other people.
   */
  private departedNews(event: OutboxEvent, gone: Departed): void {
    const result = event.result;
    if (gone.fate) return;
    if (event.type === 'retrying' && result?.outcome === 'retry') {
      gone.serverBusy = notConnection(result);
      gone.message = result.message;
      gone.messageLang = result.language;
      return;
    }
    if (event.type !== 'delivered' && event.type !== 'rejected') return;
    gone.fate = event;
    // Told already by an element that follows it (one made anew in this one's place).
    if (SubmissionController.shown.has(event)) return;
    SubmissionController.shown.add(event);
    if (event.type === 'delivered') this.host.dispatchEvent(new LcSubmittedEvent(gone.envelope));
    else if (result?.outcome === 'rejected') tellRefusal(this.host, gone.envelope, result);
  }

  /**
   * A submission sent in another tab (or by another element) in place of `id`: the next one made
   * here replaces that one instead of `id`, which a collector no longer counts; and an element
   * showing `id` shows it instead (see showReplacement), in the state `id` was in ("Sending…" for
   * one that had arrived), and follows it to its fate.
   */
  private replacedBy(id: string | undefined, envelope: Envelope): void {
    if (id === this.replaces) {
      this.replaces = envelope.id;
      // Itself a change of an earlier one: it must arrive, never be taken back (see change).
      if (this.replacing === id) this.replacing = undefined;
    }
    const state = this.state;
    if (id !== this.envelope?.id || !LOCKED_STATES.has(state) || !this.showReplacement?.(envelope)) return;
    this.envelope = envelope;
    if (state === 'queued') this.set(state, this.message, this.messageLang);
    else this.set('sending', '');
    this.takeFate();
  }

  /**
   * The element's sentence around `message` ("Not accepted: {reason}. …"), the reason marked with
   * its language when the endpoint named it (see withReason).
   */
  said(sentence: (reason: string) => string): string | TemplateResult {
    return withReason(sentence, this.message, this.messageLang, this.community.dir);
  }

  /**
   * Not sent, because the envelope does not check out: said in English (for the host's developer),
   * marked as English, and logged.
   */
  /**
   * Not sent, for a problem of the page's making (said in English, for its developer). With the
   * envelope the element made, the page hears it as a refusal too (`lc-submit-error`, not retrying),
   * as it would from the endpoint.
   */
  private notSent(problem: string, envelope?: Envelope): undefined {
    this.set('rejected', problem, 'en');
    console.error(`[lc-elements] <${this.host.localName}>: ${problem}`);
    if (envelope) this.host.dispatchEvent(new LcSubmitErrorEvent(envelope, problem, false, undefined, 'en'));
    return undefined;
  }

  /**
   * True while "Change my answer(s)" is newer on screen than `SEEN_MS` (or not painted yet): a
   * person's press of it now was aimed at "Send" (see staleSend).
   */
  get changeIsNew(): boolean {
    const at = this.changeShownAt;
    return at === undefined || performance.now() - at < SEEN_MS;
  }

  private set(state: SubmissionState, message: string, messageLang?: string): void {
    if (state !== 'queued') this.serverBusy = false;
    // Locked, and no longer "Sending…": the element's button says "Change my answer(s)" from its
    // next frame on (seen once painted: "Sending…" before it is no button to press).
    const change = (s: SubmissionState) => s !== 'sending' && LOCKED_STATES.has(s);
    if (change(state) && !change(this.state)) {
      this.changeShownAt = undefined;
      requestAnimationFrame(() => (this.changeShownAt ??= performance.now()));
    }
    this.refused = false;
    this.state = state;
    this.message = message;
    this.messageLang = messageLang;
    this.host.requestUpdate();
  }
}

/** A submission an element moved on from while it was on its way (see SubmissionController.startOver). */
interface Departed {
  envelope: Envelope;
  /** Where it was sent. */
  endpoint: string | undefined;
  /** How the last attempt failed, as the element said it (see `message`, `messageLang`, `serverBusy`). */
  message: string;
  messageLang: string | undefined;
  serverBusy: boolean;
  /** How it settled (`delivered` or `rejected`), once it did. */
  fate?: OutboxEvent;
}

/** How many submissions an element remembers having moved on from (see startOver). */
const DEPARTED_KEPT = 50;

/** The states in which an element's answers are read-only: on their way, arrived, or passed on. */
/**
 * True when a try failed for another cause than a lost connection: the server answered (a 503), or
 * the request failed while the browser is online (a server that is down, or one the page may not
 * reach: CORS, its Content-Security-Policy). "When the connection is back" would be wrong then.
 */
function notConnection(result: TransportResult): boolean {
  return result.status !== undefined || navigator.onLine;
}

export const LOCKED_STATES: ReadonlySet<SubmissionState> = new Set<SubmissionState>([
  'sending',
  'sent',
  'queued',
  'handled',
]);

/**
 * How long (ms) "Change my answer(s)" stays deaf to a person's press once it has taken the place
 * of "Send" on their screen (from the first frame that shows it): about the time a person needs to
 * see a button change under their finger and react. A press in that time was aimed at "Send".
 */
export const SEEN_MS = 1000;

/**
 * True for a press meant as "Send" that lands once the answers are locked (sent a moment before,
 * here or in another tab): it sends nothing, and never takes them back as "change" would. That is
 * a press of the button still drawn as "Send" (`data-action="send"`); the second click of a
 * double-click (`detail` 2), whose first sent them; or a person's press (Enter or Space pressed
 * twice, a slow second click) within `SEEN_MS` of "Change my answer" taking the place of "Send" on
 * screen (see changeIsNew): a quick server answers between two presses. A script's `click()` is
 * meant as what the button says now.
 */
export function staleSend(event: Event, s: SubmissionController): boolean {
  const send = (event.currentTarget as HTMLElement | null)?.dataset['action'] === 'send';
  return LOCKED_STATES.has(s.state) && (send || (event as MouseEvent).detail > 1 || (event.isTrusted && s.changeIsNew));
}

/**
 * The send button's `keydown`: a key held down (auto-repeat) presses it once, not again and again
 * (Enter repeats its click; held long enough, it would take back the answer it sent, then send it
 * again).
 */
export function onceHeld(event: KeyboardEvent): void {
  if (event.repeat) event.preventDefault();
}

/**
 * Tells of a submission the endpoint refused: the console names it and why, and `host` fires
 * `lc-submit-error` (not retrying). The element showing it says it in its own words.
 */
export function tellRefusal(
  host: HTMLElement,
  envelope: Envelope,
  result: Extract<TransportResult, { outcome: 'rejected' }>,
): void {
  console.error(`[lc-elements] <${host.localName}>: submission ${envelope.id} was rejected: ${result.message}`);
  host.dispatchEvent(new LcSubmitErrorEvent(envelope, result.message, false, result.status, result.language));
}

/**
 * The key of the "queued" message for a submission's state: `<base>` (kept on the device, waiting
 * for the connection), `<base>-memory` (in this page only), and `-server` variants when the server
 * was reached but could not take it then.
 */
export function queuedKey<B extends string>(
  base: B,
  s: Pick<SubmissionController, 'serverBusy' | 'storageAvailable'>,
): B | `${B}-memory` | `${B}-server` | `${B}-server-memory` {
  const memory = s.storageAvailable ? '' : '-memory';
  return (s.serverBusy ? `${base}-server${memory}` : `${base}${memory}`) as `${B}-server-memory`;
}
