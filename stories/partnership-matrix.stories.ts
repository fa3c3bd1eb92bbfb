import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { cssProps } from '../src/core/css-props.js';
import '../src/components/community/define.js';
import '../src/components/partnership-matrix/define.js';
import { DEFAULT_SECTORS } from '../src/components/partnership-matrix/matrix-model.js';
import type { Actor, Tie } from '../src/core/envelope.js';
import { acceptingTransport } from './support/transports.js';

/** A small town: the municipality, a college, a bank, a sport club, a library and a citizens' group. */
const townActors: Actor[] = [
  { id: 'municipality', name: 'Municipality of Northvale', sector: 'public-authority' },
  { id: 'college', name: 'Northvale College', sector: 'education' },
  { id: 'bank', name: 'Savings Bank', sector: 'business-finance' },
  { id: 'sport-club', name: 'Northvale Sport Club', sector: 'civil-society-sport' },
  { id: 'library', name: 'Public Library', sector: 'culture' },
  { id: 'repair-cafe', name: 'Repair Café group', sector: 'citizens-group' },
];
const townTies: Tie[] = [
  { source: 'municipality', target: 'college', level: 3, independent: false },
  { source: 'municipality', target: 'library', level: 4, independent: false },
  { source: 'college', target: 'bank', level: 2, independent: true },
  { source: 'bank', target: 'sport-club', level: 3, independent: true },
  { source: 'sport-club', target: 'repair-cafe', level: 1, independent: true },
  { source: 'library', target: 'repair-cafe', level: 2, independent: false },
];

/** Sixty actors with a deterministic scatter of ties: the size a city-wide mapping reaches. */
function city(n = 60): { actors: Actor[]; ties: Tie[] } {
  const kinds = ['Office', 'School', 'Company', 'Club', 'Theatre', 'Clinic', 'Group'];
  const actors = Array.from({ length: n }, (_, i) => ({
    id: `actor-${i + 1}`,
    name: `${kinds[i % 7]} ${Math.floor(i / 7) + 1}`,
    sector: DEFAULT_SECTORS[i % 7]!,
  }));
  const ties: Tie[] = [];
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (next() < 0.12) {
        ties.push({
          source: actors[i]!.id,
          target: actors[j]!.id,
          level: (1 + Math.floor(next() * 4)) as Tie['level'],
          independent: next() < 0.4,
        });
      }
    }
  }
  return { actors, ties };
}

interface Args {
  actors: Actor[];
  ties: Tie[];
  directed: boolean;
  layout: string;
  locale: string;
  'heading-level': number;
}

/**
 * The matrix with every arg set. `story` (Storybook's story id) names the map it keeps on the
 * device: each story its own, so a map edited in one story is never offered as restored in another.
 */
function matrix(args: Args, story: string) {
  return html`<lc-partnership-matrix
    draft-key=${`storybook-${story}`}
    ?directed=${args.directed}
    layout=${args.layout}
    locale=${args.locale}
    heading-level=${args['heading-level']}
    .actors=${args.actors}
    .ties=${args.ties}
  ></lc-partnership-matrix>`;
}

const meta = {
  title: 'Elements/Partnership matrix',
  component: 'lc-partnership-matrix',
  tags: ['autodocs'],
  args: { actors: townActors, ties: townTies, directed: false, layout: 'auto', locale: 'en', 'heading-level': 3 },
  argTypes: {
    layout: { control: 'inline-radio', options: ['auto', 'grid', 'list'] },
    locale: { control: 'select', options: ['en', 'da', 'de', 'ar'] },
    'heading-level': { control: { type: 'number', min: 2, max: 6 } },
  },
  render: (args, { id }) => matrix(args, id),
} satisfies Meta<Args>;
export default meta;

type Story = StoryObj<Args>;

/** No actors yet: the element explains how to start (add under "Actors", or import). */
export const Empty: Story = {
  args: { actors: [], ties: [] },
};

/** Six actors from six sectors. Try it with the keyboard: arrows, 0–4, Space, Enter. */
export const Small: Story = {
  render: (args, { id }) =>
    html`<lc-community endpoint="/collect" community="northvale" round="2026-spring" .transport=${acceptingTransport}>
      ${matrix(args, id)}
    </lc-community>`,
};

/** `storage="none"` on the community: the `storage-notice` part says up front that nothing is kept. */
export const NothingKept: Story = {
  name: 'Nothing kept on the device',
  render: (args, { id }) =>
    html`<lc-community
      endpoint="/collect"
      community="northvale"
      round="2026-spring"
      storage="none"
      .transport=${acceptingTransport}
    >
      ${matrix(args, id)}
    </lc-community>`,
};

/** One actor, so no pair yet: the density is "not applicable", not 0%. */
export const OneActor: Story = { args: { actors: townActors.slice(0, 1), ties: [] } };

/** Sixty actors (3 600 cells): the grid scrolls with sticky headers and stays quick to edit. */
export const SixtyActors: Story = {
  name: '60 actors',
  args: { layout: 'grid', ...city() },
};

/** One-way ties: who reaches out to whom. Row → column is its own tie. */
export const Directed: Story = {
  args: {
    directed: true,
    ties: [...townTies, { source: 'college', target: 'municipality', level: 1, independent: false }],
  },
};

/** At 320 px the element shows one actor's ties as a list (here with 60 actors). */
export const Narrow: Story = {
  args: city(),
  render: (args, { id }) => html`<div ${cssProps({ maxInlineSize: '320px' })}>${matrix(args, id)}</div>`,
};

/** Right to left, in Arabic: the grid mirrors, and so do the arrow keys. */
export const Arabic: Story = {
  args: { locale: 'ar', layout: 'grid' },
};

/**
 * Bad input: an unknown `layout`, and ties that point at an actor that does not exist and use a
 * level out of range. Each problem is named with its path; the actors given are kept.
 */
export const ErrorState: Story = {
  name: 'Error',
  args: {
    layout: 'table',
    ties: [
      { source: 'bank', target: 'mars', level: 2, independent: false },
      { source: 'bank', target: 'college', level: 7 as Tie['level'], independent: false },
    ],
  },
};

/**
 * **Accessibility.** The matrix is an ARIA grid with one tab stop. Arrow keys move (mirrored in
 * right-to-left), Home/End go to the row's ends, Ctrl+Home/Ctrl+End to the corners, PageUp and
 * PageDown move by several rows. Digits 0–4 set the level, Delete sets none, Space or I toggles
 * "works without a public authority", Enter or F2 opens the level picker (Escape closes it and
 * returns focus to the cell). Each cell is named "row actor, column actor, level" and its name
 * contains the text it shows (WCAG 2.5.3). The keys are listed under the title. Changes to the
 * figures and the submission state are announced politely. Below 640 px the grid becomes a list
 * of one actor's ties with native controls.
 */
export const Accessibility: Story = {};
