// Every Storybook story, rendered here as Storybook renders it (loaders, args, decorators, render,
// play), then checked with axe: zero violations; then, with every panel open, every control the
// elements draw is measured in a 1280 px and a 320 px wide window: 44 × 44 CSS px at least.
// Stories are the documented states of each element, so this is "axe and target size in every
// state". Story files must not import `storybook/test`.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { waitFor } from './support/helpers.js';
import { openAllDetails, undersizedTargets } from './support/targets.js';

/**
 * The story files, by name (stories/<name>.stories.ts). test/node/stories-list.test.js checks this
 * list against the folder: add a line when you add a story file. A file still being written (not
 * there yet) is reported and skipped.
 */
const STORY_FILES = [
  'community',
  'criterion-card',
  'self-rating',
  'partnership-matrix',
  'reflection-journal',
  'results',
  'assessment',
  'theming',
];

type Args = Record<string, unknown>;
interface Context {
  id: string;
  name: string;
  title: string;
  component?: string;
  args: Args;
  argTypes: Record<string, unknown>;
  globals: Record<string, unknown>;
  parameters: Record<string, unknown>;
  loaded: Record<string, unknown>;
  viewMode: 'story';
  canvasElement?: HTMLElement;
  step: (label: string, fn: () => unknown) => Promise<unknown>;
}
type Rendered = TemplateResult | Node | string | undefined | null;
type RenderFn = (args: Args, context: Context) => Rendered;
type Decorator = (story: (update?: Partial<Context>) => Rendered, context: Context) => Rendered;
interface Annotations {
  name?: string;
  args?: Args;
  argTypes?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  render?: RenderFn;
  decorators?: Decorator[];
  loaders?: Array<(context: Context) => unknown>;
  play?: (context: Context) => unknown;
  tags?: string[];
}
interface Meta extends Annotations {
  title?: string;
  component?: string;
  includeStories?: string[] | RegExp;
  excludeStories?: string[] | RegExp;
}
type StoryModule = { default: Meta } & Record<string, unknown>;

/** Storybook's web-components default render: the component, with the args set as properties. */
const defaultRender: RenderFn = (args, context) => {
  if (!context.component) throw new Error(`story ${context.id} has no render and its meta no component`);
  const element = document.createElement(context.component) as HTMLElement & Args;
  for (const [key, value] of Object.entries(args)) element[key] = value;
  return element;
};

function matches(filter: string[] | RegExp | undefined, name: string): boolean | undefined {
  if (!filter) return undefined;
  return Array.isArray(filter) ? filter.includes(name) : filter.test(name);
}

/** The module's stories: named exports that are objects or functions, minus include/exclude. */
function storiesOf(module: StoryModule): Array<[string, Annotations]> {
  const meta = module.default;
  return Object.entries(module)
    .filter(([name]) => name !== 'default' && name !== '__namedExportsOrder')
    .filter(([name]) => matches(meta.includeStories, name) ?? true)
    .filter(([name]) => !(matches(meta.excludeStories, name) ?? false))
    .filter(([, value]) => typeof value === 'function' || (typeof value === 'object' && value !== null))
    .map(([name, value]) =>
      typeof value === 'function' ? [name, { render: value as RenderFn }] : [name, value as Annotations],
    );
}

/** "TwoRounds" → "Two Rounds", as Storybook names a story without `name`. */
const storyName = (exportName: string) => exportName.replace(/([a-z0-9])([A-Z])/g, '$1 $2');

async function settle(root: ParentNode): Promise<void> {
  for (let i = 0; i < 3; i++) {
    const elements = [...root.querySelectorAll('*')].filter((el) => el.localName.includes('-'));
    await Promise.all(elements.map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete));
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  }
}

const loaded = await Promise.all(
  STORY_FILES.map(async (file) => {
    try {
      return { file, module: (await import(/* @vite-ignore */ `../stories/${file}.stories.ts`)) as StoryModule };
    } catch (error) {
      return { file, error: error as Error };
    }
  }),
);

for (const entry of loaded) {
  describe(`stories/${entry.file}.stories.ts`, () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    if (!entry.module) {
      // Every listed file exists (test/node/stories-list.test.js): one that does not load is broken.
      it('loads', () => {
        throw entry.error;
      });
      return;
    }
    const meta = entry.module.default;
    it('has a default export with a title or a component', () => {
      expect(meta.title ?? meta.component, 'meta.title or meta.component').to.be.a('string');
    });

    for (const [exportName, story] of storiesOf(entry.module)) {
      const name = story.name ?? storyName(exportName);
      it(`${name}: renders with zero axe violations and 44 px targets`, async function () {
        this.timeout(30_000);
        const context: Context = {
          id: `${entry.file}--${exportName}`,
          name,
          title: meta.title ?? entry.file,
          ...(meta.component ? { component: meta.component } : {}),
          args: { ...meta.args, ...story.args },
          argTypes: { ...meta.argTypes, ...story.argTypes },
          globals: {},
          parameters: { ...meta.parameters, ...story.parameters },
          loaded: {},
          viewMode: 'story',
          step: async (_label, fn) => fn(),
        };
        for (const loader of [...(meta.loaders ?? []), ...(story.loaders ?? [])]) {
          Object.assign(context.loaded, await loader(context));
        }
        const render = story.render ?? meta.render ?? defaultRender;
        // Story decorators wrap first, then the meta's (Storybook's order).
        const decorated = [...(story.decorators ?? []), ...(meta.decorators ?? [])].reduce<(c: Context) => Rendered>(
          (inner, decorator) => (c) => decorator((update) => inner({ ...c, ...update }), c),
          (c) => render(c.args, c),
        );
        const canvas = await fixture<HTMLDivElement>(html`<div class="story-canvas">${decorated(context)}</div>`);
        context.canvasElement = canvas;
        await settle(canvas);
        expect(
          canvas.childElementCount + (canvas.textContent?.trim().length ?? 0),
          'the story renders',
        ).to.be.greaterThan(0);

        const play = story.play ?? meta.play;
        if (play) {
          await play(context);
          await settle(canvas);
        }
        await expect(canvas).to.be.accessible();

        openAllDetails(canvas);
        for (const width of [1280, 320]) {
          await setViewport({ width, height: 900 });
          await settle(canvas);
          // A chart measures the scale it is drawn at after a resize (an observer, a task, a render).
          await waitFor(() => !undersizedTargets(canvas).length, 'targets of 44 px', 2000).catch(() => undefined);
          expect(undersizedTargets(canvas), `controls under 44 × 44 CSS px at ${width} px`).to.deep.equal([]);
        }
      });
    }
  });
}
