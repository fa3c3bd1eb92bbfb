import type { Envelope } from './envelope.js';
import { validTag } from './i18n/i18n.js';
import { parseRetryAfter } from './retry.js';

/**
 * What one delivery attempt came to.
 * - `delivered`: the endpoint acknowledged it (2xx);
 * - `retry`: a passing failure (network, timeout, 408, 429, 5xx); try again later;
 * - `rejected`: the endpoint refused it for good (other 4xx); `message` says why.
 *
 * `language`: the language of `message` (a BCP 47 tag), when the endpoint named it; the elements
 * mark the reason with it (`lang`), so assistive technology reads it in that language.
 */
export type TransportResult =
  | { outcome: 'delivered'; status?: number }
  | { outcome: 'retry'; status?: number; retryAfterMs?: number; message: string; language?: string }
  | { outcome: 'rejected'; status?: number; message: string; language?: string };

/** A value as a developer reads it in a console line: `undefined`, `"text"`, `{"outcome":"maybe"}`. */
function shown(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    // A cycle, a BigInt: no JSON for it.
  }
  text ??= String(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/**
 * What a transport resolved to, as the outbox can use it. A host's transport is input like any
 * other: one that resolves to nothing, to an unknown outcome or to a refusal whose reason is not
 * text is a bug of the host's, logged (naming what came back) and never a stuck "Sending…". An
 * unknown result counts as a passing failure, as a throw does: the answer stays in the outbox and
 * is tried again. A refusal or retry without a reason gets one (in English, marked so), and only
 * the fields of a TransportResult are kept, each of its type.
 */
export function checkedResult(value: unknown): TransportResult {
  const r = (typeof value === 'object' && value ? value : {}) as Record<string, unknown>;
  const { outcome, message, status, retryAfterMs, language } = r;
  const log = (problem: string) => console.error(`[lc-elements] transport: ${problem}`);
  const kept = typeof status === 'number' ? { status } : {};
  if (outcome === 'delivered') return { outcome, ...kept };
  if (outcome !== 'retry' && outcome !== 'rejected') {
    const problem = `it resolved to ${shown(value)}, not { outcome: "delivered" | "retry" | "rejected" }`;
    log(`${problem}; the submission is kept and tried again`);
    return { outcome: 'retry', message: problem, language: 'en' };
  }
  const said = typeof message === 'string' && message.trim() !== '';
  if (!said) log(`a "${outcome}" result needs a message saying why (as text), not ${shown(message)}`);
  // The reason's language: the transport's, with its own reason; English, with the one given here.
  const lang = !said ? { language: 'en' } : typeof language === 'string' ? { language } : {};
  const wait = outcome === 'retry' && typeof retryAfterMs === 'number' && retryAfterMs >= 0 ? { retryAfterMs } : {};
  return { outcome, ...kept, message: said ? message : 'no reason was given', ...lang, ...wait };
}

export interface TransportContext {
  /** The endpoint as an absolute URL: one relative to the page is resolved where the submission was made. */
  endpoint: string;
  /** Aborts the attempt (the outbox's timeout, or the page going away). */
  signal: AbortSignal;
  /** True on `pagehide`: the request must be able to outlive the page. */
  keepalive: boolean;
}

/** Delivers one envelope. A host may replace HTTP with its own (a CMS API, a message bus...). */
export type Transport = (envelope: Envelope, context: TransportContext) => Promise<TransportResult>;

export interface HttpTransportOptions {
  headers?: Record<string, string>;
  credentials?: RequestCredentials;
}

const RETRYABLE = new Set([408, 425, 429]);

/** The reason given when the endpoint answers with a redirect (for the host's developer: English). */
export const REDIRECTED =
  'the endpoint answered with a redirect, which is never followed with answers: set endpoint to the address that takes them';

/**
 * What the Fetch standard lets an `Accept-Language` value hold and stay a CORS-safelisted request
 * header: at most 128 bytes of `0-9 A-Z a-z`, space and `*,-.;=`. A header that is not safelisted
 * must be allowed by the endpoint's preflight (`Access-Control-Allow-Headers`).
 */
const SAFELISTED_LANGUAGE = /^[0-9A-Za-z *,\-.;=]{0,128}$/;

/**
 * The `Accept-Language` value for an envelope's locale: the tag in canonical BCP 47 form (letters,
 * digits and hyphens, at most 35 characters), so always a CORS-safelisted value that causes no
 * preflight of its own; undefined when the locale is not a well-formed tag (then the browser's own
 * `Accept-Language` goes, as before).
 */
export function acceptLanguage(locale: string | undefined): string | undefined {
  const tag = validTag(locale);
  return tag && SAFELISTED_LANGUAGE.test(tag) ? tag : undefined;
}

/**
 * The default transport: `POST <endpoint>` with JSON, an `Idempotency-Key`, and `Accept-Language`
 * set to the envelope's locale (the language the person uses), unless `headers` names its own.
 */
export function httpTransport(options: HttpTransportOptions = {}): Transport {
  // Own settings only: a `headers` or `credentials` that a page's script put on Object.prototype
  // must not reach every request (nor send cookies to another origin).
  const headers = Object.hasOwn(options, 'headers') ? usableHeaders({ ...options.headers }) : {};
  const credentials = (Object.hasOwn(options, 'credentials') && options.credentials) || 'same-origin';
  const hostLanguage = Object.keys(headers).some((name) => name.toLowerCase() === 'accept-language');
  return async (envelope, { endpoint, signal, keepalive }) => {
    const language = hostLanguage ? undefined : acceptLanguage(envelope.locale);
    let response: Response;
    try {
      // Without a prototype: fetch reads every option it knows, inherited ones too (`mode`, `cache`…).
      const init: RequestInit = Object.setPrototypeOf(
        {
          method: 'POST',
          headers: {
            ...(language ? { 'Accept-Language': language } : {}),
            ...headers,
            'Content-Type': 'application/json',
            'Idempotency-Key': envelope.id,
          },
          body: JSON.stringify(envelope),
          credentials,
          keepalive,
          signal,
          // Never follow a redirect to another place with the person's answers (see below).
          redirect: 'manual',
          referrerPolicy: 'no-referrer',
        },
        null,
      );
      response = await fetch(endpoint, init);
    } catch (error) {
      const message = signal.aborted ? 'the request timed out' : `network error (${(error as Error).message})`;
      if (!signal.aborted) unreachable(endpoint, message);
      return { outcome: 'retry', message };
    }
    // A redirect is the endpoint's configuration (http to https, a login page), not a lost
    // connection: trying again would never get through, and waiting would say the wrong thing.
    if (response.type === 'opaqueredirect') return { outcome: 'rejected', message: REDIRECTED, language: 'en' };
    return classifyResponse(response);
  };
}

/**
 * The headers fetch can send: one it would throw on (a name that is not one, a value that is not
 * Latin-1 text on one line: `Bearer abc€`) would fail every try, as if the server were down, and
 * hold the submission for ever. Each is left out and named in the console; the others are sent.
 * (`<lc-community headers>` checks its own when the page loads, and shows them.)
 */
function usableHeaders(headers: Record<string, string>): Record<string, string> {
  for (const [name, value] of Object.entries(headers)) {
    try {
      new Headers([[name, value]]);
    } catch (error) {
      delete headers[name];
      console.error(
        `[lc-elements] httpTransport headers: "${name.slice(0, 80)}" cannot be sent (${(error as Error).message}): ` +
          'left out, the other headers are sent. A header value must be Latin-1 text on one line (no "€", emoji or line breaks).',
      );
    }
  }
  return headers;
}

/** The endpoints already named in the console as not reached while online (once per page each). */
const unreached = new Set<string>();

/**
 * A request that failed while the browser says it is online: the browser names the cause in the
 * console, if at all, in its own words (a CORS or CSP line); this says what to check, once per
 * endpoint. The submission stays in the outbox and is tried again.
 */
function unreachable(endpoint: string, message: string): void {
  if (!navigator.onLine || unreached.has(endpoint)) return;
  unreached.add(endpoint);
  console.warn(
    `[lc-elements] ${endpoint} could not be reached (${message}) while the browser is online; kept and tried again. ` +
      "Check that the server is up and answers at that address without a redirect (a cross-origin preflight cannot follow one), that it allows this page's origin (CORS; the reference collector's LC_ALLOWED_ORIGINS), " +
      "with Access-Control-Allow-Credentials if credentials is include, and that the page's Content-Security-Policy connect-src names it",
  );
}

/** Maps an HTTP response to an outcome, reading the server's reason for a rejection. */
export async function classifyResponse(response: Response): Promise<TransportResult> {
  const status = response.status;
  if (status >= 200 && status < 300) return { outcome: 'delivered', status };
  const reason = await readReason(response);
  const message = reason || `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  // The status line is not in any language the server named (only its own words are): it is
  // English, and marked so, as it stands in a sentence of the element's language.
  const language = reason ? contentLanguage(response.headers.get('Content-Language')) : 'en';
  const said = { message, ...(language ? { language } : {}) };
  if (status >= 500 || RETRYABLE.has(status)) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
    return { outcome: 'retry', status, ...said, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  return { outcome: 'rejected', status, ...said };
}

/**
 * The language a `Content-Language` header names, as a tag for a `lang` attribute: the first one
 * when it lists several (as HTML reads the header), in canonical form; undefined when it names none
 * or not a well-formed tag.
 */
export function contentLanguage(header: string | null | undefined): string | undefined {
  return validTag(header?.split(',')[0]);
}

/** The reason a server gave: `{ error: { message } }`, `{ message }`, `{ error }` or plain text, kept short; '' if none. */
async function readReason(response: Response): Promise<string> {
  let text = '';
  try {
    text = (await response.text()).slice(0, 20_000);
  } catch {
    /* the body is gone: the status says enough */
  }
  let reason = '';
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object') {
      const b = body as Record<string, unknown>;
      const err = b['error'];
      if (err && typeof err === 'object' && typeof (err as Record<string, unknown>)['message'] === 'string') {
        reason = (err as Record<string, string>)['message']!;
      } else if (typeof b['message'] === 'string') reason = b['message'];
      else if (typeof err === 'string') reason = err;
    }
  } catch {
    if (!/^\s*</.test(text)) reason = text; // never show an HTML error page as the reason
  }
  // The reason alone is shown to the person ("Not accepted: the round is closed."); the status is
  // in the result (and the lc-submit-error event) for the host.
  return reason.replace(/\s+/g, ' ').trim().slice(0, 300);
}
