import { render, type TemplateResult } from 'lit';

// Shared by the self-rating and criterion-card tests.
//
// open-wc's `fixture()` waits for an animation frame when its root is not a Lit element (a
// `<form>`, a `<div>`). With two test files running at once in one browser, one page is hidden
// and gets no frames, so such a fixture never resolves. `mount()` waits for Lit updates instead.

const mounted: HTMLElement[] = [];

/** Renders a template into the page and waits until every Lit element in it has rendered. */
export async function mount<T extends Element>(template: TemplateResult): Promise<T> {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(template, container);
  await settle(container);
  return container.firstElementChild as T;
}

/** Waits until every Lit element under `root` has finished its pending update. */
export async function settle(root: ParentNode): Promise<void> {
  const pending = [...root.querySelectorAll('*')]
    .map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete)
    .filter((p): p is Promise<unknown> => !!p);
  await Promise.all(pending);
}

afterEach(() => {
  for (const container of mounted.splice(0)) container.remove();
});

/** The accessible name as axe computes it (through shadow roots and aria-labelledby). */
export function accessibleName(el: Element): string {
  const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
  axe.setup(el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).host : document);
  try {
    return axe.commons.text.accessibleText(el);
  } finally {
    axe.teardown();
  }
}
