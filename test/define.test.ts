// Registering twice: a portal may load the library twice (two scripts, two copies, two versions).
// Nothing throws, the first registration stays, and a version clash is reported once per tag.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { VERSION, defineElement } from '../src/core/define.js';
import { captureConsoleWarnings } from './support/helpers.js';

type Versioned = CustomElementConstructor & { version?: string };

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
    const warnings = await captureConsoleWarnings(() => defineElement(tag, A));
    expect(customElements.get(tag)).to.equal(A);
    expect(warnings).to.deep.equal([]);
  });

  it('registering the same class again is a silent no-op', async () => {
    const tag = uniqueTag();
    const A = versionedClass(VERSION);
    defineElement(tag, A);
    const warnings = await captureConsoleWarnings(() => defineElement(tag, A));
    expect(customElements.get(tag)).to.equal(A);
    expect(warnings).to.deep.equal([]);
  });

  it('a second copy of the same version does not throw, keeps the first, and says nothing', async () => {
    const tag = uniqueTag();
    const first = versionedClass(VERSION);
    const second = versionedClass(VERSION);
    defineElement(tag, first);
    const warnings = await captureConsoleWarnings(() => defineElement(tag, second));
    expect(customElements.get(tag)).to.equal(first);
    expect(warnings).to.deep.equal([]);
  });

  it('another version does not throw, keeps the first, and is reported once, however often it is tried', async () => {
    const tag = uniqueTag();
    const first = versionedClass('1.0.0');
    const other = versionedClass('2.0.0');
    const third = versionedClass('3.0.0');
    defineElement(tag, first);
    const warnings = await captureConsoleWarnings(() => {
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

  it('says each tag keeps its first version, and names a tag another script defined as not ours', async () => {
    const mixed = uniqueTag();
    defineElement(mixed, versionedClass('1.5.0'));
    const [clash] = await captureConsoleWarnings(() => defineElement(mixed, versionedClass('1.6.0')));
    expect(clash).to.include('each lc-* tag keeps the version that defined it first');
    expect(clash, 'not a claim about the other tags').not.to.include('and the other lc-* tags');
    // The host's own element of that name, not a copy of this library (no version).
    const hosts = uniqueTag();
    customElements.define(hosts, class extends HTMLElement {});
    const [own] = await captureConsoleWarnings(() => defineElement(hosts, versionedClass(VERSION)));
    expect(own).to.include(`<${hosts}> is already defined by another script, not by Learning Community Elements`);
    expect(own).not.to.include('version unknown');
  });

  it('a raw customElements.define of a taken tag would throw: defineElement is what makes it safe', () => {
    const tag = uniqueTag();
    defineElement(tag, versionedClass(VERSION));
    expect(() => customElements.define(tag, versionedClass(VERSION))).to.throw();
    expect(() => defineElement(tag, versionedClass(VERSION))).not.to.throw();
  });
});

describe('the drop-in loader', () => {
  // lc-elements.min.js loads each element's file when its tag appears. Two <script type="module">
  // tags with different URLs are two copies of the loader; the element files they load are the
  // same URLs, so the elements are defined once. (`npm run build` makes dist/cdn/.)
  const bundle = '/dist/cdn/lc-elements.min.js';
  interface Loader {
    TAGS: string[];
    defineAll(): Promise<void>;
    discover(root?: ParentNode): void;
    load(tag: string): Promise<void>;
  }
  const importLoader = (copy: number) => import(/* @vite-ignore */ `${bundle}?copy=${copy}`) as Promise<Loader>;

  before(async function () {
    const response = await fetch(bundle, { method: 'HEAD' });
    if (!response.ok) throw new Error(`${bundle} is missing: run \`npm run build\` before this test`);
  });

  it('defines an element when its tag appears, and only the elements the page uses', async () => {
    const { TAGS } = await importLoader(1);
    expect(TAGS).to.include.members(['lc-community', 'lc-self-rating', 'lc-assessment', 'lc-results']);
    expect(customElements.get('lc-self-rating')).to.equal(undefined);
    // A widget added after the script ran, as a CMS or a framework does.
    const host = document.createElement('div');
    host.innerHTML = '<section><lc-self-rating criterion="trust"></lc-self-rating></section>';
    document.body.append(host);
    try {
      await customElements.whenDefined('lc-self-rating');
      const rating = host.querySelector('lc-self-rating') as HTMLElement & { updateComplete: Promise<unknown> };
      await rating.updateComplete;
      expect(rating.shadowRoot!.querySelectorAll('[role="radio"]')).to.have.length(6);
      expect(customElements.get('lc-results'), 'not on the page, not loaded').to.equal(undefined);
      expect(customElements.get('lc-partnership-matrix'), 'not on the page, not loaded').to.equal(undefined);
      // The shared core was asked for beside the rating's file (not after reading it), and fetched once.
      const preloads = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')];
      const core = preloads.find((l) => /\/dist\/cdn\/chunks\/core-[\w-]+\.js$/.test(l.href));
      expect(core, 'a modulepreload of the core chunk').to.exist;
      const fetched = performance.getEntriesByType('resource').filter((e) => e.name === core!.href);
      expect(fetched, 'the core chunk fetched once').to.have.length(1);
    } finally {
      host.remove();
    }
  });

  it('finds elements in a shadow root of the host with discover(root)', async () => {
    const { discover } = await importLoader(1);
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<lc-results></lc-results>';
    document.body.append(host);
    try {
      await new Promise((r) => setTimeout(r, 50));
      expect(customElements.get('lc-results'), 'a shadow root is not observed').to.equal(undefined);
      discover(shadow);
      await customElements.whenDefined('lc-results');
    } finally {
      host.remove();
    }
  });

  it('says which tag it does not know', async () => {
    const { load } = await importLoader(1);
    let error: unknown;
    await load('lc-nothing').catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('<lc-nothing>');
  });

  it('defineAll from a second copy defines nothing twice and warns nothing', async () => {
    const first = await importLoader(1);
    const firstWarnings = await captureConsoleWarnings(() => first.defineAll());
    const classes = first.TAGS.map((tag) => customElements.get(tag));
    for (const [i, tag] of first.TAGS.entries()) expect(classes[i], tag).to.be.a('function');
    const second = await importLoader(2);
    const secondWarnings = await captureConsoleWarnings(() => second.defineAll());
    expect(firstWarnings).to.deep.equal([]);
    expect(secondWarnings).to.deep.equal([]);
    // The first definitions stay.
    expect(first.TAGS.map((tag) => customElements.get(tag))).to.deep.equal(classes);
  });

  it('the elements render after the double load', async () => {
    const el = await fixture<HTMLElement>(html`<lc-community><lc-results></lc-results></lc-community>`);
    const results = el.querySelector('lc-results')!;
    await (results as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(results.shadowRoot?.childElementCount).to.be.greaterThan(0);
  });

  it('a copy of another version after the bundle is reported once per tag', async () => {
    const { TAGS } = await importLoader(1);
    const tag = TAGS[0]!;
    const registered = customElements.get(tag) as Versioned;
    expect(registered.version).to.equal(VERSION);
    const warnings = await captureConsoleWarnings(() => {
      defineElement(tag, versionedClass('99.0.0'));
      defineElement(tag, versionedClass('99.0.0'));
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include(VERSION);
    expect(warnings[0]).to.include('99.0.0');
    expect(customElements.get(tag)).to.equal(registered);
  });
});
