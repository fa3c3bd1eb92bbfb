// `cem analyze` (run by `npm run build`): the custom-elements manifest `custom-elements.json`,
// read from the JSDoc of the element classes (`@summary`, `@slot`, `@csspart`, `@cssprop`,
// `@fires`, one line per public property). It ships in the package (package.json
// `customElements`) and gives Storybook its controls and docs tables.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

/**
 * The tokens every element shares (docs/theming.md). An element's styles that read one get it
 * listed in its manifest entry, so the docs table is complete without repeating it in each class.
 */
const SHARED_TOKENS = {
  '--lc-accent': 'The accent of every `lc-*` element: buttons, checked options, links, progress.',
  '--lc-accent-text': 'Text on the accent colour.',
  '--lc-accent-soft': 'A light tint of the accent (the checked option).',
  '--lc-text-color': 'Text colour.',
  '--lc-muted-text': 'Secondary text: hints, counts, dates.',
  '--lc-surface': 'Backgrounds of cards, options and dialogs.',
  '--lc-border-color': 'Borders of cards, controls and tables.',
  '--lc-focus-color': 'The focus ring.',
  '--lc-radius': 'Corner radius.',
  '--lc-space': 'The basic gap between parts.',
  '--lc-error-color': 'Errors: borders and text.',
  '--lc-error-background': 'Background of error messages.',
  '--lc-error-text': 'Text of error messages.',
  '--lc-success-color': 'The "sent" state.',
  '--lc-success-background': 'Background of the "sent" state.',
  '--lc-warning-color': 'Warnings (counts near their limit).',
  '--lc-status-background': 'Background of the submission status line.',
  '--lc-field-background': 'Background of text fields.',
  '--lc-field-text': 'Text of text fields.',
  '--lc-text': 'Older name of `--lc-text-color` (set both).',
  '--lc-muted-color': 'Older name of `--lc-muted-text` (set both).',
  '--lc-focus-ring': 'Older name of `--lc-focus-color` (set both).',
  '--lc-on-accent': 'Older name of `--lc-accent-text` (set both).',
  '--lc-background': 'Background of controls (older; `--lc-field-background` elsewhere).',
  '--lc-surface-subtle': 'A second, quieter surface.',
};

/** The `css` fragments of src/core/shared-styles.ts by name, each with the fragments it interpolates. */
function sharedStyleFragments() {
  const source = readFileSync('src/core/shared-styles.ts', 'utf8');
  const own = new Map([...source.matchAll(/export const (\w+) = css`([^`]*)`/g)].map((m) => [m[1], m[2]]));
  const text = (name, seen = new Set()) => {
    if (seen.has(name) || !own.has(name)) return '';
    seen.add(name);
    const css = own.get(name);
    return [css, ...[...css.matchAll(/\$\{(\w+)\}/g)].map((m) => text(m[1], seen))].join('\n');
  };
  return new Map([...own.keys()].map((name) => [name, text(name)]));
}

/** The CSS an element's folder brings: its `*.styles.ts` and the shared fragments its modules import. */
function folderCss(folder, shared) {
  const files = readdirSync(folder).filter((f) => f.endsWith('.ts'));
  const imported = files.flatMap((f) =>
    [
      ...readFileSync(join(folder, f), 'utf8').matchAll(/import \{([^}]*)\} from '[./]*\/core\/shared-styles\.js'/g),
    ].flatMap((m) => m[1].split(',').map((name) => name.trim())),
  );
  return [
    ...files.filter((f) => f.endsWith('.styles.ts')).map((f) => readFileSync(join(folder, f), 'utf8')),
    ...imported.map((name) => shared.get(name) ?? ''),
  ].join('\n');
}

function sharedTokens() {
  return {
    name: 'lc-shared-tokens',
    packageLinkPhase({ customElementsManifest }) {
      const shared = sharedStyleFragments();
      for (const mod of customElementsManifest.modules) {
        const match = /^src\/components\/[^/]+\/lc-[^/]+\.ts$/.exec(mod.path);
        if (!match) continue;
        const css = folderCss(dirname(mod.path), shared);
        const used = new Set([...css.matchAll(/var\(\s*(--lc-[\w-]+)/g)].map((m) => m[1]));
        for (const d of mod.declarations ?? []) {
          if (!d.customElement) continue;
          d.cssProperties ??= [];
          for (const name of used) {
            if (SHARED_TOKENS[name] && !d.cssProperties.some((p) => p.name === name)) {
              d.cssProperties.push({ name, description: SHARED_TOKENS[name] });
            }
          }
        }
      }
    },
  };
}

const LIFECYCLE = new Set([
  'connectedCallback',
  'disconnectedCallback',
  'adoptedCallback',
  'attributeChangedCallback',
  'formAssociatedCallback',
  'formResetCallback',
  'formDisabledCallback',
  'formStateRestoreCallback',
]);
const LIT_STATICS = new Set(['styles', 'version', 'formAssociated', 'shadowRootOptions', 'properties']);

/** Tags are registered by `defineElement('lc-x', LcX)` (src/core/define.ts), not `customElements.define`. */
function defineElementCalls() {
  const definitions = [];
  return {
    name: 'lc-define-element-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (
        node.kind === ts.SyntaxKind.CallExpression &&
        node.expression.getText() === 'defineElement' &&
        node.arguments.length === 2 &&
        ts.isStringLiteral(node.arguments[0]) &&
        ts.isIdentifier(node.arguments[1])
      ) {
        const definition = {
          kind: 'custom-element-definition',
          name: node.arguments[0].text,
          declaration: { name: node.arguments[1].text },
        };
        moduleDoc.exports = [...(moduleDoc.exports ?? []), definition];
        definitions.push(definition);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const definition of definitions) {
        for (const mod of customElementsManifest.modules) {
          const klass = mod.declarations?.find((d) => d.kind === 'class' && d.name === definition.declaration.name);
          if (!klass) continue;
          klass.tagName ??= definition.name;
          klass.customElement = true;
          definition.declaration.module = mod.path;
        }
      }
    },
  };
}

/**
 * Events: a `@fires lc-x` tag and a detected `dispatchEvent(new LcXEvent())` become one entry with
 * both the description and the event class (found by its `static eventName = 'lc-x'`).
 */
function typedEvents() {
  return {
    name: 'lc-typed-events',
    packageLinkPhase({ customElementsManifest }) {
      const classByEvent = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          const field = d.members?.find((m) => m.static && m.name === 'eventName' && typeof m.default === 'string');
          if (field) classByEvent.set(field.default.replace(/^['"`]|['"`]$/g, ''), { name: d.name, module: mod.path });
        }
      }
      const eventByClass = new Map([...classByEvent].map(([event, c]) => [c.name, event]));
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (!d.events) continue;
          const merged = new Map();
          for (const event of d.events) {
            const name = event.name ?? eventByClass.get(event.type?.text);
            if (!name) continue;
            const entry = merged.get(name) ?? { name };
            if (event.description && !entry.description) entry.description = event.description;
            const klass = classByEvent.get(name);
            if (klass) entry.type = { text: klass.name, references: [{ name: klass.name, module: klass.module }] };
            else if (event.type && !entry.type) entry.type = event.type;
            else entry.type ??= { text: 'Event' };
            merged.set(name, entry);
          }
          d.events = [...merged.values()];
        }
      }
    },
  };
}

/**
 * Defaults written as a named constant (`headingLevel: number = DEFAULT_HEADING_LEVEL`) are shown
 * as its value, `3`, not its name: the constant's literal, found in the module or in src/.
 */
function constantDefaults() {
  const literal = /^(?:-?\d+(?:\.\d+)?|'[^'\\]*'|"[^"\\]*"|true|false)$/;
  const constantsIn = (source) =>
    new Map(
      [...source.matchAll(/^(?:export )?const ([A-Z][A-Z0-9_]*)(?:: [\w<>[\] |]+)? = ([^;\n]+);/gm)]
        .filter((m) => literal.test(m[2].trim()))
        .map((m) => [m[1], m[2].trim()]),
    );
  const everywhere = new Map();
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (path.endsWith('.ts')) {
        for (const [name, value] of constantsIn(readFileSync(path, 'utf8'))) {
          // The same name with another value elsewhere: only the module's own counts.
          everywhere.set(name, everywhere.has(name) && everywhere.get(name) !== value ? undefined : value);
        }
      }
    }
  };
  return {
    name: 'lc-constant-defaults',
    packageLinkPhase({ customElementsManifest }) {
      visit('src');
      for (const mod of customElementsManifest.modules) {
        const own = constantsIn(readFileSync(mod.path, 'utf8'));
        const resolve = (value) =>
          /^[A-Z][A-Z0-9_]*$/.test(value ?? '') ? (own.get(value) ?? everywhere.get(value)) : undefined;
        for (const d of mod.declarations ?? []) {
          for (const item of [...(d.members ?? []), ...(d.attributes ?? [])]) {
            const value = resolve(item.default);
            if (value !== undefined) item.default = value;
          }
        }
      }
    },
  };
}

/** The public API only: no private or protected members, lifecycle callbacks or Lit's static plumbing. */
function publicApiOnly() {
  return {
    name: 'lc-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (!d.members) continue;
          d.members = d.members.filter(
            (m) =>
              m.privacy !== 'private' &&
              m.privacy !== 'protected' &&
              !m.name.startsWith('#') &&
              !LIFECYCLE.has(m.name) &&
              !(m.static && LIT_STATICS.has(m.name)),
          );
        }
      }
    },
  };
}

/** The standard form-control API (from ElementInternals) means the same on every element: say so. */
const FORM_CONTROL_API = {
  form: 'The form the element belongs to, or null.',
  labels: 'The `<label>` elements associated with it.',
  validity: "The element's validity state (`ValidityState`), as on a native form control.",
  validationMessage: 'The message the browser would show for the current validity problem, or "".',
  willValidate: "Whether the element takes part in its form's validation.",
  checkValidity: 'Returns false (and fires `invalid`) when the element does not satisfy its constraints.',
  reportValidity: 'Like `checkValidity()`, and shows the problem to the person.',
};
function standardDescriptions() {
  return {
    name: 'lc-standard-descriptions',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const d of mod.declarations ?? []) {
          if (!d.customElement) continue;
          for (const m of d.members ?? []) {
            if (!m.description && !m.static && FORM_CONTROL_API[m.name]) m.description = FORM_CONTROL_API[m.name];
          }
        }
      }
    },
  };
}

/**
 * Module paths name the published files (dist/…/*.js), not the TypeScript sources, from the
 * package's root as the manifest format says: a re-export's `./lc-assessment.js` (as written in an
 * index.ts) becomes `dist/components/assessment/lc-assessment.js`.
 */
function publishedPaths() {
  const toDist = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
  const fromRoot = (path, from) => (/^\.\.?\//.test(path) ? posix.join(posix.dirname(from), path) : path);
  const fix = (ref, from) => {
    if (ref?.module) ref.module = toDist(fromRoot(ref.module, from));
  };
  return {
    name: 'lc-published-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        const from = mod.path;
        mod.path = toDist(mod.path);
        for (const exp of mod.exports ?? []) fix(exp.declaration, from);
        for (const d of mod.declarations ?? []) {
          fix(d.superclass);
          for (const m of [...(d.members ?? []), ...(d.attributes ?? []), ...(d.events ?? [])]) {
            fix(m.inheritedFrom);
            for (const ref of m.type?.references ?? []) fix(ref);
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts', 'src/core/events.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/strings.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    defineElementCalls(),
    typedEvents(),
    publicApiOnly(),
    constantDefaults(),
    standardDescriptions(),
    sharedTokens(),
    publishedPaths(),
  ],
};
