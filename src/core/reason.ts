import { html, nothing, type TemplateResult } from 'lit';
import { isRtl } from './i18n/i18n.js';

/** Stands for the reason while the sentence around it is formatted (private-use characters). */
const MARK = '\uE000reason\uE000';

/**
 * A sentence of the element's own that quotes a server's reason ("Ikke modtaget: {reason}. …").
 * When the server named the reason's language (`Content-Language`), the reason is wrapped in a
 * `<span lang>` (and `dir`, when its direction differs from the element's), so assistive technology
 * reads it in its own language and bidirectional text stays in order; otherwise it is plain text,
 * as the sentence is. The reason is always inserted as text, never as HTML.
 *
 * `format` builds the sentence from a reason (the element's string lookup, overrides included). A
 * full stop ending the reason is left out: the sentence has its own after it.
 */
export function withReason(
  format: (reason: string) => string,
  reason: string,
  lang: string | undefined,
  dir: 'ltr' | 'rtl',
): string | TemplateResult {
  // The sentence puts its own full stop after the reason: "closed." would read "closed.. Your…".
  return quoting(format, reason.replace(/\.+$/, ''), lang, dir);
}

/**
 * A sentence of the element's own around a text in another language (a server's reason, a
 * configuration problem described in English for the host's developer): the text is wrapped in a
 * `<span lang>` (and `dir` where its direction differs from the element's) when `lang` is given.
 */
export function quoting(
  format: (text: string) => string,
  text: string,
  lang: string | undefined,
  dir: 'ltr' | 'rtl',
): string | TemplateResult {
  if (!lang) return format(text);
  const pieces = format(MARK).split(MARK);
  // An override of the sentence without the text: nothing to mark.
  if (pieces.length === 1) return pieces[0]!;
  const own = isRtl(lang) ? 'rtl' : 'ltr';
  const quoted = html`<span lang=${lang} dir=${own === dir ? nothing : own}>${text}</span>`;
  return html`${pieces.map((piece, i) => (i === 0 ? piece : html`${quoted}${piece}`))}`;
}
