import type { Envelope } from './envelope.js';

/**
 * Fired before a submission is sent. Cancelable: a host that calls `preventDefault()` takes the
 * submission over (the element then shows it as passed on); a host may also replace `envelope`.
 */
export class LcSubmitEvent extends Event {
  static readonly eventName = 'lc-submit';
  constructor(public envelope: Envelope) {
    super(LcSubmitEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

/** Fired when the endpoint has acknowledged a submission. */
export class LcSubmittedEvent extends Event {
  static readonly eventName = 'lc-submitted';
  constructor(readonly envelope: Envelope) {
    super(LcSubmittedEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * Fired when a submission is rejected (`retrying: false`), or when an attempt failed and it stays
 * queued for another (`retrying: true`). `language` is the language of `message` when the endpoint
 * named it (`Content-Language`).
 */
export class LcSubmitErrorEvent extends Event {
  static readonly eventName = 'lc-submit-error';
  constructor(
    readonly envelope: Envelope,
    readonly message: string,
    readonly retrying: boolean,
    readonly status?: number,
    readonly language?: string,
  ) {
    super(LcSubmitErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'lc-submit': LcSubmitEvent;
    'lc-submitted': LcSubmittedEvent;
    'lc-submit-error': LcSubmitErrorEvent;
  }
}
