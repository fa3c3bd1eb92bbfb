import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/community/define.js';
import '../src/components/reflection-journal/define.js';
import { draftKey, getDraftStore, type JournalDraft } from '../src/components/reflection-journal/drafts.js';
import type { LcReflectionJournal } from '../src/components/reflection-journal/lc-reflection-journal.js';
import type { Transport } from '../src/core/transport.js';
import { refusingTransport, slowTransport } from './support/transports.js';

// Entries as a community's server would answer them (the same files the tests read).
const entriesUrl = new URL('../test/fixtures/journal-entries.json', import.meta.url).href;
const malformedEntriesUrl = new URL('../test/fixtures/journal-entries-malformed.json', import.meta.url).href;

const COMMUNITY = 'demo-city';
const ROUND = '2026-spring';

const draft: JournalDraft = {
  title: 'Open budget evening in the north district',
  date: '2026-03-12',
  criteria: ['trust', 'policy-making'],
  practised:
    'We opened the district budget to residents for one evening.\nForty people came, a third of them for the first time.',
  tested: 'We asked everyone to mark one line they would change, and counted the marks.',
  challenged: 'The youth club said the evening was too late for them.',
  concluded: '',
  change: '',
  participants: 'District council, two residents’ associations, the youth club',
};

/** Puts a draft where the journal looks for it (the page's memory: these stories keep nothing on the device). */
async function seedDraft(): Promise<Record<string, never>> {
  const key = draftKey({ community: COMMUNITY, round: ROUND, criterion: 'trust' });
  await getDraftStore('none').set(key, { v: 1, savedAt: Date.now() - 25 * 60_000, draft });
  return {};
}

/** Sends the restored draft, as a click on "Send entry" would. */
async function sendDraft({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const journal = canvasElement.querySelector<LcReflectionJournal>('lc-reflection-journal')!;
  await journal.updateComplete;
  await journal.submit();
}

/**
 * `<lc-reflection-journal>` records what a community practises, tests, challenges, concludes and
 * will change. Drafts are kept as the person types; past entries come from this browser and from
 * the community's `entries-src`; entries download as Markdown or JSON.
 *
 * These stories use the storage policy `none` (nothing is written to your device); with `device`
 * (the default) a draft survives a reload.
 */
const meta = {
  title: 'Elements/Reflection journal',
  component: 'lc-reflection-journal',
  tags: ['autodocs'],
  args: {
    criterion: 'trust',
    locale: 'en',
    'max-length': 4000,
    'heading-level': undefined as number | undefined,
    'entries-src': undefined as string | undefined,
    transport: undefined as Transport | undefined,
  },
  argTypes: {
    locale: { control: 'select', options: ['en', 'da', 'de', 'ar'] },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
    transport: { table: { disable: true } },
  },
  render: (args) =>
    html`<lc-community
      endpoint="/api/submissions"
      community=${COMMUNITY}
      round=${ROUND}
      storage="none"
      locale=${args['locale']}
      .transport=${args['transport']}
    >
      <lc-reflection-journal
        criterion=${ifDefined(args['criterion'] || undefined)}
        max-length=${args['max-length']}
        entries-src=${ifDefined(args['entries-src'])}
        heading-level=${ifDefined(args['heading-level'])}
      ></lc-reflection-journal>
    </lc-community>`,
} satisfies Meta;
export default meta;
type Story = StoryObj;

/** A new entry: today's date, the criterion preset, no past entries yet. */
export const Empty: Story = {};

/** A draft from an earlier visit is restored, and the journal says so. */
export const WithDraft: Story = {
  loaders: [seedDraft],
};

/** The community's past entries, newest first, filtered by criterion, with Markdown and JSON downloads. */
export const WithEntries: Story = {
  args: { 'entries-src': entriesUrl, criterion: '' },
};

/** The entry is on its way to a slow endpoint. */
export const Sending: Story = {
  args: { transport: slowTransport(8_000) },
  loaders: [seedDraft],
  play: sendDraft,
};

/** The endpoint refused the entry: the reason is shown and the text is kept. */
export const Rejected: Story = {
  name: 'Error',
  args: { transport: refusingTransport('an entry with this title already exists for this round') },
  loaders: [seedDraft],
  play: sendDraft,
};

/** The community's entries could not be read: the answer is reported, none of it is shown, and "Try again" reads it again. */
export const EntriesError: Story = {
  args: { 'entries-src': malformedEntriesUrl },
};

/** Arabic, right to left, with the community's entries (their content keeps its own language). */
export const RightToLeft: Story = {
  args: { locale: 'ar', 'entries-src': entriesUrl, criterion: '' },
};

/**
 * **Accessibility.** Every field has a visible label; the learning-loop prompts are the labels of
 * their text areas. Character counts are shown per field and announced politely only when a field
 * reaches 90% of its limit and at the limit, not on every key. Restoring a draft, saving, sending,
 * queued and rejected states are announced in a polite status region; an invalid field gets its
 * message and focus moves to it. "Discard draft" asks in a native modal dialog that keeps focus
 * inside and returns it to the button. Past entries are plain text with their line breaks. The
 * form and the past entries are the journal's two landmarks, named after its criterion ("New entry:
 * Trust", "Past entries: Trust"), so journals for several criteria on one page are told apart.
 */
export const Accessibility: Story = {};
