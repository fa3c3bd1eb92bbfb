// Registering twice: a portal may load the library twice (two scripts, two copies, two versions).
// Nothing throws, the first registration stays, and a version clash is reported once per tag.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { VERSION, defineElement } from '../src/core/define.js';

type Versioned = CustomElementConstructor & { version?: string };

/** Runs `fn` and returns the console.warn messages it caused (and lets nothing through). */
async function captureWarnings(fn: () => unknown): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return warnings;
}

function versionedClass(version: string): Versioned {
  return class extends LitElement {
    static version = version;
  };
}

let n = 0;
const uniqueTag = () => `lc-define-test-${++n}-${Math.random().toString(36).slice(2, 7)}`;

describe('defineElement', () => {
  it('registers a tag that is free', async () => {
    const tag = uniqueTag();
    const A = versionedClass(VERSION);
    const warnings = await captureWarnings(() => defineElement(tag, A));
    expect(customElements.get(tag)).to.equal(A);
    expect(warnings).to.deep.equal([]);
  });

  it('registering the same class again is a silent no-op', async () => {
    const tag = uniqueTag();
    const A = versionedClass(VERSION);
    defineElement(tag, A);
    const warnings = await captureWarnings(() => defineElement(tag, A));
    expect(customElements.get(tag)).to.equal(A);
    expect(warnings).to.deep.equal([]);
  });

  it('a second copy of the same version does not throw, keeps the first, and says nothing', async () => {
    const tag = uniqueTag();
    const first = versionedClass(VERSION);
    const second = versionedClass(VERSION);
    defineElement(tag, first);
    const warnings = await captureWarnings(() => defineElement(tag, second));
    expect(customElements.get(tag)).to.equal(first);
    expect(warnings).to.deep.equal([]);
  });

  it('another version does not throw, keeps the first, and is reported once, however often it is tried', async () => {
    const tag = uniqueTag();
    const first = versionedClass('1.0.0');
    const other = versionedClass('2.0.0');
    const third = versionedClass('3.0.0');
    defineElement(tag, first);
    const warnings = await captureWarnings(() => {
      defineElement(tag, other);
      defineElement(tag, other);
      defineElement(tag, third);
    });
    expect(customElements.get(tag)).to.equal(first);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include(`<${tag}>`);
    expect(warnings[0]).to.include('1.0.0');
    expect(warnings[0]).to.include('2.0.0');
    // The element still works: the first registration renders.
    const el = document.createElement(tag);
    expect(el).to.be.instanceOf(first);
  });

  it('a raw customElements.define of a taken tag would throw: defineElement is what makes it safe', () => {
    const tag = uniqueTag();
    defineElement(tag, versionedClass(VERSION));
    expect(() => customElements.define(tag, versionedClass(VERSION))).to.throw();
    expect(() => defineElement(tag, versionedClass(VERSION))).not.to.throw();
  });
});

describe('the drop-in bundle loaded twice', () => {
  // Two <script type="module"> tags with different URLs are two copies of the bundle, each with
  // its own classes: the second finds every tag taken. (`npm run build` makes dist/cdn/.)
  const bundle = '/dist/cdn/lc-elements.min.js';

  /** The tags src/all.ts defines: one per `components/<name>/define.js` it imports. */
  async function bundledTags(): Promise<string[]> {
    const source = await (await fetch('/src/all.ts')).text();
    return [...source.matchAll(/components\/([a-z-]+)\/define\.[jt]s/g)].map((m) => `lc-${m[1]}`);
  }

  before(async function () {
    const response = await fetch(bundle, { method: 'HEAD' });
    if (!response.ok) throw new Error(`${bundle} is missing: run \`npm run build\` before this test`);
  });

  it('defines every element, throws nothing and warns nothing the second time', async () => {
    const tags = await bundledTags();
    expect(tags.length).to.be.greaterThan(2);
    for (const tag of tags) expect(customElements.get(tag), `${tag} before loading`).to.equal(undefined);

    const firstWarnings = await captureWarnings(() => import(/* @vite-ignore */ `${bundle}?copy=1`));
    const firstClasses = tags.map((tag) => customElements.get(tag));
    for (const [i, tag] of tags.entries()) {
      expect(firstClasses[i], `${tag} after the first copy (is dist/ older than src/all.ts?)`).to.be.a('function');
    }

    const secondWarnings = await captureWarnings(() => import(/* @vite-ignore */ `${bundle}?copy=2`));
    expect(firstWarnings).to.deep.equal([]);
    expect(secondWarnings).to.deep.equal([]);
    // The first copy's classes stay registered.
    expect(tags.map((tag) => customElements.get(tag))).to.deep.equal(firstClasses);
  });

  it('the elements render after the double load', async () => {
    const el = await fixture<HTMLElement>(html`<lc-community><lc-results></lc-results></lc-community>`);
    const results = el.querySelector('lc-results')!;
    await (results as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(results.shadowRoot?.childElementCount).to.be.greaterThan(0);
  });

  it('a copy of another version after the bundle is reported once per tag', async () => {
    const [tag] = await bundledTags();
    const registered = customElements.get(tag!) as Versioned;
    expect(registered.version).to.equal(VERSION);
    const warnings = await captureWarnings(() => {
      defineElement(tag!, versionedClass('99.0.0'));
      defineElement(tag!, versionedClass('99.0.0'));
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include(VERSION);
    expect(warnings[0]).to.include('99.0.0');
    expect(customElements.get(tag!)).to.equal(registered);
  });
});
