import { defaultConverter, isServer, type PropertyDeclaration } from 'lit';
import type { Check } from './checks.js';
import { coreStrings } from './i18n/core-strings.js';
import { overrideProblemIn, type LocaleTable, type StringTable } from './i18n/i18n.js';
import { formatIssues, parseOptions } from './issues.js';
import { shadowHost } from './nodes.js';
import type * as z from './zod.js';

/** One attribute's problem, shown in the element and logged. */
export interface ConfigProblem {
  attribute: string;
  message: string;
}

/** A stand-in for the page's address on the server (a reserved name: never fetched). */
const SERVER_BASE = 'http://server.invalid/';

/** An endpoint: http(s), absolute or relative to the page. */
export function checkEndpoint(
  value: string | undefined,
  attribute = 'endpoint',
  pageProtocol = isServer ? 'http:' : location.protocol,
): ConfigProblem | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return { attribute, message: 'must be text' };
  const trimmed = value.trim();
  if (!trimmed) return { attribute, message: 'is empty' };
  // Another scheme (`data:`, `javascript:`) is named as such, whatever follows it.
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    return { attribute, message: `must be an http(s) URL, not "${truncate(scheme)}:"` };
  }
  // Characters a URL never holds unencoded: markup pasted into the attribute, not an address.
  if (/[\s<>"'`{}|\\^]/.test(trimmed)) return { attribute, message: `"${truncate(trimmed)}" is not a URL` };
  let url: URL;
  try {
    // On the server (Lit SSR) there is no page for a relative URL to resolve against: any http base
    // does to check it there, and the browser checks it again against the page's.
    url = new URL(trimmed, isServer ? SERVER_BASE : document.baseURI);
  } catch {
    return { attribute, message: `"${truncate(trimmed)}" is not a URL` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { attribute, message: `must be an http(s) URL, not "${truncate(url.protocol)}"` };
  }
  // An http: address on an https: page: the browser blocks every request to it (mixed content), as
  // if the connection were lost, for good. Loopback addresses are let through by browsers.
  if (url.protocol === 'http:' && pageProtocol === 'https:' && !LOOPBACK.test(url.hostname)) {
    return {
      attribute,
      message: `"${truncate(trimmed)}" is http: on an https: page, which the browser blocks: use https:`,
    };
  }
  return undefined;
}

const LOOPBACK = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/;

export { localeTagCheck } from './checks.js';

/**
 * Reflects string properties that have a default (property name = attribute name), from an
 * element's `willUpdate`: a value the page sets by property is written to the attribute, for a
 * stylesheet to see (`layout = 'vertical'` → `layout="vertical"`), and the default takes the
 * attribute away again. The default is never written on upgrade: `<lc-self-rating>` stays as the
 * page wrote it (a CMS or a framework comparing markup sees nothing change under it, and 1200
 * ratings write 2400 attributes fewer), and an attribute the page wrote itself stays. (Lit's own
 * `reflect` writes every default on the first update.)
 */
export function reflectChosen(
  host: HTMLElement & { hasUpdated: boolean },
  changed: ReadonlyMap<PropertyKey, unknown>,
  defaults: Readonly<Record<string, string>>,
): void {
  for (const name in defaults) {
    if (!changed.has(name)) continue;
    const value = (host as unknown as Record<string, unknown>)[name];
    if (value == null || value === defaults[name]) {
      if (host.hasUpdated) host.removeAttribute(name);
    } else if (host.getAttribute(name) !== String(value)) {
      host.setAttribute(name, String(value));
    }
  }
}

/**
 * Checks one attribute with a check from `checks.ts` (or, where an element already loads zod for
 * its data, a zod schema); the message names the attribute and the problem.
 */
export function checkAttribute(
  attribute: string,
  check: Check | z.ZodMiniType,
  value: unknown,
): ConfigProblem | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof check === 'function') {
    const message = check(value);
    return message ? { attribute, message } : undefined;
  }
  const result = check.safeParse(value, parseOptions);
  if (result.success) return undefined;
  return { attribute, message: formatIssues(result.error.issues).replace(/^\(root\): /, '') };
}

export function truncate(value: string, max = 60): string {
  const clean = value.replace(/[\u0000-\u001f]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** Logs a configuration problem: `[lc-elements] <tag> attribute: message`. */
export function logProblem(el: Element, problem: ConfigProblem): void {
  console.error(`[lc-elements] <${el.localName}> ${problem.attribute}: ${problem.message}`);
}

/** A criterion id that the loaded criteria set does not have. */
export function unknownCriterionProblem(id: string, setId: string): ConfigProblem {
  // A predicate, as every problem's message is: said after the attribute's name.
  return { attribute: 'criterion', message: `"${id}" is not in the set "${setId}"` };
}

const NOT_AN_OBJECT = 'must be an object of texts by key';

/**
 * Checks a `strings` property (per-instance overrides) against the element's string tables: it
 * must be an object whose entries are text, or plural forms with `other`; an entry naming a
 * control must not be empty. Says what is wrong, naming the keys. The entries at fault are not
 * used (the built-in text is shown: see `translator`), the others are.
 */
export function stringsProblem(
  value: unknown,
  tables: ReadonlyArray<LocaleTable<StringTable>>,
  unknownToo = false,
): string | undefined {
  if (value == null) return undefined;
  // A Map or an array would be quietly ignored.
  if (Object.prototype.toString.call(value) !== '[object Object]') return NOT_AN_OBJECT;
  const wrong = Object.entries(value).map(([key, entry]) => {
    // A key no table has (a typo, another element's): nothing would show it, and nothing would say so.
    if (unknownToo && !tables.some((t) => Object.hasOwn(t.en, key)))
      return `"${truncate(key)}" is not one of its texts`;
    const problem = overrideProblemIn(tables, key, entry);
    return problem && `"${truncate(key)}" ${problem}`;
  });
  return wrong.filter(Boolean).join('; ') || undefined;
}

/**
 * An element's configuration problems, in the order found. Each is logged (`logProblem`) when it
 * appears or its message changes, not again while it stays. Not reactive: an element sets them in
 * `willUpdate`, so the render that follows shows them.
 */
export class ConfigProblems {
  private readonly host: Element;
  private problems: readonly ConfigProblem[] = [];
  /** Properties set by script to what they cannot take (see takeProperties): kept until they are set again. */
  private taken: readonly ConfigProblem[] = [];
  /** The host's attributes were looked at for properties that take no attribute (see takeProperties). */
  private attributesSeen = false;
  /** Properties whose attribute was reported then, by the key of the problem: cleared once the property is set. */
  private readonly seenInAttributes = new Map<string, string>();

  constructor(host: Element) {
    this.host = host;
  }

  /** Every problem, in the order found. */
  get list(): readonly ConfigProblem[] {
    return this.taken.length ? [...this.taken, ...this.problems] : this.problems;
  }

  has(attribute: string): boolean {
    return this.list.some((p) => p.attribute === attribute);
  }

  /** Sets one attribute's problem (`undefined` clears it) and keeps the others. */
  set(attribute: string, problem: ConfigProblem | undefined): void {
    this.problems = this.with(this.problems, attribute, problem);
  }

  /** Replaces them all with a new check of the whole configuration (`undefined` entries: no problem). */
  replace(problems: ReadonlyArray<ConfigProblem | undefined>): void {
    const next = problems.filter((p): p is ConfigProblem => p !== undefined);
    for (const p of next) {
      if (!this.problems.some((q) => q.attribute === p.attribute && q.message === p.message)) logProblem(this.host, p);
    }
    this.problems = next;
  }

  /**
   * Takes the properties a script set, first thing in `willUpdate`, before anything reads them
   * (an attribute is always text; a property may be anything). `text` names the element's text
   * properties, with their defaults: a number is taken as its text, as native properties take it
   * (`criterion = 7` is "7"); any other value that is not text (an object, an array, a boolean, a
   * function) is reported ("must be text") and ignored: the property keeps the value it had (its
   * default, at first). Such a problem names the property and stays until the property is set
   * again. `tables` are the element's string tables, for its `strings` property: entries that
   * cannot be used, or whose key none of them has, are reported, and not used (see `stringsProblem`). `flags` names its boolean
   * properties: any other value is taken as a native property takes it, true or false by its
   * truth (`required = 'false'` is true, as on an `<input>`), so that the property, its attribute,
   * the ARIA state and what the element does always agree.
   */
  takeProperties(
    changed: Map<PropertyKey, unknown>,
    text: Readonly<Record<string, string | undefined>>,
    tables?: ReadonlyArray<LocaleTable<StringTable>>,
    flags: readonly string[] = [],
  ): void {
    const host = this.host as unknown as Record<string, unknown>;
    if (!this.attributesSeen) {
      this.attributesSeen = true;
      this.takeAttributes();
    } else {
      for (const [name, key] of this.seenInAttributes) {
        if (!changed.has(name)) continue;
        this.taken = this.with(this.taken, key, undefined);
        this.seenInAttributes.delete(name);
      }
    }
    for (const name of flags) if (changed.has(name) && typeof host[name] !== 'boolean') host[name] = !!host[name];
    for (const name in text) {
      if (!changed.has(name)) continue;
      const value = host[name];
      let problem: ConfigProblem | undefined;
      if (typeof value === 'number') {
        host[name] = String(value);
      } else if (value != null && typeof value !== 'string') {
        problem = { attribute: name, message: 'must be text' };
        host[name] = changed.get(name) ?? text[name];
        // Nothing changed after all: nothing to act on (a `src` taken as new would be loaded again).
        changed.delete(name);
      }
      this.taken = this.with(this.taken, name, problem);
    }
    if (tables && changed.has('strings')) {
      // Overrides an element of this library hands down (an assessment's, to its cards and
      // ratings) hold the other elements' keys too: that element checks their keys.
      const root = this.host.getRootNode();
      const handedDown = shadowHost(root)?.localName.startsWith('lc-') === true;
      const message = stringsProblem(host['strings'], [coreStrings, ...tables], !handedDown);
      this.taken = this.with(this.taken, 'strings', message ? { attribute: 'strings', message } : undefined);
      // Not an object of texts at all: ignored, as a text property's wrong type is (the value it had
      // is kept). An object with some entries at fault is kept: its other entries are used.
      if (message === NOT_AN_OBJECT) {
        host['strings'] = changed.get('strings');
        changed.delete('strings');
      }
    }
  }

  /**
   * A framework that found the element not defined yet (the drop-in script still loading it) sets
   * what it binds as attributes: `transport="async () => …"`, `strings="[object Object]"`,
   * `disabled="false"` (Vue's `:disabled="false"`), and a property's name in lower case
   * (`:hideChart="true"` gives `hidechart="true"`). Each is said, since nothing else would show it
   * was lost or turned around; a property's name in lower case is taken as the property.
   */
  private takeAttributes(): void {
    const host = this.host as unknown as Record<string, unknown>;
    const props = (this.host.constructor as { elementProperties?: Map<PropertyKey, PropertyDeclaration> })
      .elementProperties;
    const guide = ' (see "Frameworks" in the developers guide)';
    const report = (name: string, attribute: string, message: string) => {
      this.taken = this.with(this.taken, attribute, { attribute, message: message + guide });
      this.seenInAttributes.set(name, attribute);
    };
    for (const [name, options] of props ?? []) {
      if (typeof name !== 'string' || options.state) continue;
      if (options.attribute === false) {
        if (this.host.hasAttribute(name))
          report(
            name,
            name,
            'takes no attribute (it is an object or a function, which an attribute cannot hold): set it as a property, from script',
          );
        continue;
      }
      const attribute = typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();
      const flag = options.type === Boolean;
      if (flag && this.host.getAttribute(attribute) === 'false') {
        report(name, attribute, `is "false", which a boolean attribute takes as true: leave it out, or set ${name}`);
      }
      const lower = name.toLowerCase();
      const given = lower === attribute || this.host.hasAttribute(attribute) ? null : this.host.getAttribute(lower);
      if (given === null) continue;
      // Not an attribute of its own, so none of HTML's rules to keep: "false" is false. (Such
      // properties are text, numbers and booleans, which Lit's default converter reads.)
      host[name] = flag ? given !== 'false' : defaultConverter.fromAttribute!(given, options.type);
      console.warn(
        `[lc-elements] <${this.host.localName}> ${lower}: taken as ${name}, whose attribute is ${attribute}${guide}`,
      );
    }
  }

  /** `list` with `attribute`'s problem set (logged when new) or, when `undefined`, cleared. */
  private with(
    list: readonly ConfigProblem[],
    attribute: string,
    problem: ConfigProblem | undefined,
  ): readonly ConfigProblem[] {
    const before = list.find((p) => p.attribute === attribute);
    if (!problem) return before ? list.filter((p) => p !== before) : list;
    if (before?.message !== problem.message) logProblem(this.host, problem);
    return before ? list.map((p) => (p === before ? problem : p)) : [...list, problem];
  }
}
