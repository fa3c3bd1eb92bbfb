import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * How long a live region stays silent after its text changed language only. Chromium sends its
 * accessibility tree to a screen reader at most every 150 ms (350 ms while the page loads), and
 * tells of a live region's change by comparing two trees it sent, reading `aria-live` as it is when
 * it sends the second: the region must still be off then, not only when its text changed.
 */
export const LANGUAGE_QUIET_MS = 500;

/** What a live region says, in words any language may give. */
export interface LiveRegionState {
  /** The language the region's text is in (the element's `langTag`). */
  lang: string;
  /**
   * What the region says, whatever its language: a state and the submission it is about, an error's
   * code. The same meaning in another language is not said again.
   */
  meaning: unknown;
  /** `aria-live` to give the region when it is not silenced ('off' for one that never speaks); none: its role's. */
  live?: 'polite' | 'assertive' | 'off' | undefined;
}

/**
 * A live region (`role="status"`, `role="alert"`, `aria-live`) whose text is not announced again when
 * only its language changed: a status said in English, whose Danish strings came late, is not said
 * again in Danish when they arrive. A change of meaning is announced as before, even one that comes
 * while the region is silent.
 *
 * On a change of language alone it sets `aria-live="off"` on the region, in the same render as the
 * new text (before it), and gives the region its politeness back LANGUAGE_QUIET_MS later, after two
 * animation frames: by then Chromium has sent the tree with the new text and the region off. An
 * explicit `aria-live="off"` silences an alert too (Chromium and WebKit take it over the role's
 * implicit assertive), and the role stays: taking the role away and back would make a new alert,
 * which is announced.
 */
class LiveRegionDirective extends Directive {
  private last: { lang: string; meaning: unknown } | undefined;
  private quiet: { timer: ReturnType<typeof setTimeout> | undefined; frame: number | undefined } | undefined;
  private element: Element | undefined;
  private live: LiveRegionState['live'];

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('liveRegion() goes on the live region element itself');
  }

  render(_state: LiveRegionState) {
    return nothing;
  }

  override update(part: ElementPart, [state]: [LiveRegionState]) {
    this.element = part.element;
    this.live = state.live;
    const last = this.last;
    this.last = { lang: state.lang, meaning: state.meaning };
    const languageOnly = !!last && last.lang !== state.lang && Object.is(last.meaning, state.meaning);
    if (languageOnly) {
      this.silence();
    } else if (!this.quiet || (last && !Object.is(last.meaning, state.meaning))) {
      // Something new to say, even while silent: the region speaks again before its text changes.
      this.speak();
    }
    return nothing;
  }

  private silence(): void {
    this.cancel();
    this.element!.setAttribute('aria-live', 'off');
    const quiet: NonNullable<typeof this.quiet> = { timer: undefined, frame: undefined };
    this.quiet = quiet;
    quiet.timer = setTimeout(() => {
      quiet.frame = requestAnimationFrame(() => {
        quiet.frame = requestAnimationFrame(() => {
          if (this.quiet === quiet) this.speak();
        });
      });
    }, LANGUAGE_QUIET_MS);
  }

  private speak(): void {
    this.cancel();
    const el = this.element!;
    if (this.live) {
      if (el.getAttribute('aria-live') !== this.live) el.setAttribute('aria-live', this.live);
    } else if (el.hasAttribute('aria-live')) {
      el.removeAttribute('aria-live');
    }
  }

  private cancel(): void {
    if (!this.quiet) return;
    clearTimeout(this.quiet.timer);
    if (this.quiet.frame !== undefined) cancelAnimationFrame(this.quiet.frame);
    this.quiet = undefined;
  }
}

/** See LiveRegionDirective: `<div role="status" ${liveRegion({ lang, meaning })}>`. */
export const liveRegion = directive(LiveRegionDirective);
