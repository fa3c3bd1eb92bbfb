// Page loads in frames of their own, for the tests of what an earlier visit left in the outbox and
// a later page settled without the element that made it (refused-elsewhere, delivered-elsewhere).
import { getOutbox, type OutboxEntry } from '../../src/core/outbox.js';
import { waitFor } from './helpers.js';

/** A server too busy for every try of a visit (its last, on pagehide, too). */
export const busy = { status: 503, retryAfter: 600 };

/** `endpoint` as the outbox keeps it: absolute. */
export const absolute = (endpoint: string) => new URL(endpoint, location.href).href;

/** What the outbox keeps of `id` (read from the device, as every page of the origin reads it). */
export const kept = async (id: string): Promise<OutboxEntry | undefined> =>
  (await getOutbox('device').pending()).find((e) => e.id === id);

/**
 * Adds to the `describe` it is called in the hooks of its visits, and returns how to make them:
 * `visit(page, query)` loads `test/fixtures/<page>.html` (a fixture that says it is ready) in a
 * frame of its own, its own modules (an earlier or a later visit), in place of the last one;
 * `visitRating(query)` loads the rating's page (`rating-frame.html`) and resolves with its rating;
 * `leave()` unloads the page of the last visit.
 */
export function earlierVisits() {
  let frame: HTMLIFrameElement | undefined;
  let ready = 0;
  const onMessage = (e: MessageEvent) => {
    if (e.data?.type === 'ready' && /^(assessment|journal|matrix)-frame$/.test(e.data?.source)) ready += 1;
  };
  const leave = () => frame?.remove();
  const load = (page: string, query: Record<string, string>) => {
    leave();
    frame = document.createElement('iframe');
    frame.src = `/test/fixtures/${page}.html?${new URLSearchParams(query)}`;
    document.body.append(frame);
    return frame;
  };

  before(async () => {
    // The outbox database is created by a page that stays (see reflection-journal-frame.test.ts).
    await getOutbox('device').pending();
  });
  beforeEach(() => {
    ready = 0;
    window.addEventListener('message', onMessage);
  });
  afterEach(() => {
    window.removeEventListener('message', onMessage);
    leave();
  });

  return {
    leave,
    async visit(page: string, query: Record<string, string>): Promise<Document> {
      const loads = ready + 1;
      const f = load(page, query);
      await waitFor(() => ready === loads, `the ${page} to load`, 15_000);
      return f.contentDocument!;
    },
    async visitRating<T extends HTMLElement>(query: Record<string, string>): Promise<T> {
      const f = load('rating-frame', query);
      return waitFor(
        () => f.contentDocument?.querySelector<T>('lc-self-rating')?.shadowRoot?.querySelector('[role]') && f,
        'the rating',
      ).then(() => f.contentDocument!.querySelector<T>('lc-self-rating')!);
    },
  };
}
