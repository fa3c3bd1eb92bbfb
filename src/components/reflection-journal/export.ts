import type { JournalEntry } from './entries.js';
import { PROMPT_KEYS, type PromptKey } from './drafts.js';

/** The tag of the JSON export; an export is itself a valid `entries-src` answer. */
export const JOURNAL_EXPORT_SCHEMA = 'lc-journal-export/1';

export interface JournalExport {
  schema: typeof JOURNAL_EXPORT_SCHEMA;
  exportedAt: string;
  /** The criterion the entries were filtered by, if they were. */
  criterion?: string;
  entries: JournalEntry[];
}

/** The words a Markdown export uses, in the journal's locale. */
export interface MarkdownLabels {
  heading: string;
  date: string;
  criteria: string;
  participants: string;
  prompts: Record<PromptKey, string>;
}

export interface MarkdownOptions {
  labels: MarkdownLabels;
  /** The readable name of a criterion id (its title in the active set). */
  criterionTitle?: (id: string) => string;
  /** How a `YYYY-MM-DD` day is written. */
  formatDate?: (date: string) => string;
  /** How an entry's criteria are listed (the language's "A, B and C"); by default with commas. */
  formatList?: (titles: string[]) => string;
}

// Characters that start Markdown or HTML anywhere in a line: code, emphasis, links and images,
// raw HTML and autolinks, entities, GFM tables and strikethrough. The backslash itself first.
const INLINE = /[\\`*_[\]<>&|~]/g;
// Characters that start a block at the beginning of a line (after the line's indent): headings,
// quotes, list items, thematic breaks and setext underlines.
const BLOCK_START = /^(\u00a0*)([#>+\-=])/;
const ORDERED_ITEM = /^(\u00a0*\d{1,9})([.)])/;
const INDENT = /^[ \t]+/;

/**
 * A line's indent in no-break spaces, a tab as far as the next tab stop (every 4 columns, as
 * CommonMark counts them). Four columns of spaces or tabs would start an indented code block, in
 * which the escapes show as backslashes; a no-break space is text to CommonMark, so the line stays
 * a paragraph and keeps its indent on the page.
 */
function keepIndent(line: string): string {
  const indent = INDENT.exec(line)?.[0];
  if (!indent) return line;
  let columns = 0;
  for (const c of indent) columns = c === '\t' ? columns + 4 - (columns % 4) : columns + 1;
  return '\u00a0'.repeat(columns) + line.slice(indent.length);
}

/** Escapes one line of untrusted text so Markdown renders it as the same text, with no markup. */
export function escapeMarkdownLine(line: string): string {
  // The block escapes stay after an indent too: a backslash before punctuation never shows, and
  // they hold in a renderer that would count a no-break space as indent.
  return keepIndent(escapeMarkdownInline(line)).replace(BLOCK_START, '$1\\$2').replace(ORDERED_ITEM, '$1\\$2');
}

/**
 * Escapes untrusted text that goes after other text on its line (a value after its label): as
 * {@link escapeMarkdownLine}, without the escapes of a line's start, which there would show
 * (`25\. oktober`) and protect nothing: a block starts only at the beginning of a line.
 */
export function escapeMarkdownInline(text: string): string {
  // One line: CommonMark ends a line at \n, \r\n and a lone \r, and a new line could start a block.
  return text.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ').replace(INLINE, '\\$&');
}

/**
 * Untrusted multi-line text as Markdown: every line escaped, line breaks kept as hard breaks,
 * blank lines kept as paragraph breaks.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => escapeMarkdownLine(line.trimEnd()))
        .join('\\\n'),
    )
    .join('\n\n');
}

/** A heading's (or label's) text: one line, with `#` escaped too (a trailing `#` would close a heading). */
function markdownHeading(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>&|~#]/g, '\\$&');
}

/** The entries as a Markdown document, safe to render: no text from an entry can become markup. */
export function entriesToMarkdown(entries: readonly JournalEntry[], options: MarkdownOptions): string {
  const { labels } = options;
  const title = options.criterionTitle ?? ((id: string) => id);
  const day = options.formatDate ?? ((date: string) => date);
  const list = options.formatList ?? ((titles: string[]) => titles.join(', '));
  const out: string[] = [`# ${markdownHeading(labels.heading)}`];
  for (const entry of entries) {
    const d = entry.data;
    out.push('', `## ${markdownHeading(d.title)}`, '');
    // The values sit after their label, never at the start of a line.
    out.push(`- **${markdownHeading(labels.date)}:** ${escapeMarkdownInline(day(d.date))}`);
    if (d.criteria.length) {
      const names = list(d.criteria.map((id) => escapeMarkdownInline(title(id))));
      out.push(`- **${markdownHeading(labels.criteria)}:** ${names}`);
    }
    if (d.participants) {
      const who = escapeMarkdownInline(d.participants.replace(/\s*(?:\r\n?|\n)\s*/g, '; '));
      out.push(`- **${markdownHeading(labels.participants)}:** ${who}`);
    }
    for (const key of PROMPT_KEYS) {
      const text = d[key];
      if (text) out.push('', `### ${markdownHeading(labels.prompts[key])}`, '', markdownText(text));
    }
  }
  return `${out.join('\n')}\n`;
}

/** The entries as a JSON document (`lc-journal-export/1`), which `entries-src` can read back. */
export function entriesToJson(
  entries: readonly JournalEntry[],
  options: { criterion?: string | undefined; now?: Date } = {},
): JournalExport {
  return {
    schema: JOURNAL_EXPORT_SCHEMA,
    exportedAt: (options.now ?? new Date()).toISOString(),
    ...(options.criterion ? { criterion: options.criterion } : {}),
    entries: entries.map((e) => structuredClone(e)),
  };
}
