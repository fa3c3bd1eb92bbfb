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

export default {
  title: 'Elements/Partnership matrix',
  component: 'lc-partnership-matrix',
  tags: ['autodocs'],
} satisfies Meta;

type Story = StoryObj;

/** No actors yet: the element explains how to start (add under "Actors", or import). */
export const Empty: Story = {
  render: () => html`<lc-partnership-matrix></lc-partnership-matrix>`,
};

/** Six actors from six sectors. Try it with the keyboard: arrows, 0–4, Space, Enter. */
export const Small: Story = {
  render: () =>
    html`<lc-community endpoint="/collect" community="northvale" round="2026-spring" .transport=${acceptingTransport}>
      <lc-partnership-matrix .actors=${townActors} .ties=${townTies}></lc-partnership-matrix>
    </lc-community>`,
};

/** Sixty actors (3 600 cells): the grid scrolls with sticky headers and stays quick to edit. */
export const SixtyActors: Story = {
  name: '60 actors',
  render: () => {
    const { actors, ties } = city();
    return html`<lc-partnership-matrix layout="grid" .actors=${actors} .ties=${ties}></lc-partnership-matrix>`;
  },
};

/** One-way ties: who reaches out to whom. Row → column is its own tie. */
export const Directed: Story = {
  render: () =>
    html`<lc-partnership-matrix
      directed
      .actors=${townActors}
      .ties=${[...townTies, { source: 'college', target: 'municipality', level: 1, independent: false }]}
    ></lc-partnership-matrix>`,
};

/** At 320 px the element shows one actor's ties as a list (here with 60 actors). */
export const Narrow: Story = {
  render: () => {
    const { actors, ties } = city();
    return html`<div ${cssProps({ maxInlineSize: '320px' })}>
      <lc-partnership-matrix .actors=${actors} .ties=${ties}></lc-partnership-matrix>
    </div>`;
  },
};

/** Right to left, in Arabic: the grid mirrors, and so do the arrow keys. */
export const Arabic: Story = {
  render: () =>
    html`<lc-partnership-matrix
      locale="ar"
      layout="grid"
      .actors=${townActors}
      .ties=${townTies}
    ></lc-partnership-matrix>`,
};

/**
 * Bad input: an unknown `layout`, and ties that point at an actor that does not exist and use a
 * level out of range. Each problem is named with its path; the actors given are kept.
 */
export const ErrorState: Story = {
  name: 'Error',
  render: () =>
    html`<lc-partnership-matrix
      layout="table"
      .actors=${townActors}
      .ties=${[
        { source: 'bank', target: 'mars', level: 2, independent: false },
        { source: 'bank', target: 'college', level: 7 as Tie['level'], independent: false },
      ]}
    ></lc-partnership-matrix>`,
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
