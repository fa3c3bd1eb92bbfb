import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer, SBType, StrictInputType } from 'storybook/internal/types';

interface Named {
  name: string;
}
interface Typed extends Named {
  type?: { text?: string };
}
interface Attribute extends Typed {
  fieldName?: string;
}
interface Member extends Typed {
  kind?: string;
  readonly?: boolean;
  attribute?: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Attribute[];
  members?: Member[];
  slots?: Named[];
  cssParts?: Named[];
}
interface Manifest {
  modules?: Array<{ declarations?: Declaration[] }>;
}

/** The string-literal type aliases of src/ (`RatingLayout` → ['horizontal', 'vertical']), from .storybook/main.ts. */
declare const __LC_TYPE_ALIASES__: Record<string, string[]>;
const typeAliases: Record<string, string[]> = typeof __LC_TYPE_ALIASES__ === 'object' ? __LC_TYPE_ALIASES__ : {};

// The custom-elements manifest (`npm run build` or `npm run manifest` writes it) gives every
// element's docs page its tables and the playground its controls. A glob, not an import: when the
// file has not been generated yet, Storybook still starts, with controls from the stories' args.
const manifests = import.meta.glob<{ default: Manifest }>('../custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
const declarations = new Map(
  (manifest?.modules ?? [])
    .flatMap((m) => m.declarations ?? [])
    .filter((d): d is Declaration & { tagName: string } => !!d.tagName)
    .map((d) => [d.tagName, d]),
);

/**
 * Storybook keys the docs table by name across categories, so a part or slot named like an
 * attribute (`comment`, `label`…) would replace that attribute's row and control, and the default
 * slot (no name) would be left out. Name them as they are used instead: `::part(comment)`,
 * `slot="rating"`, `(default slot)`.
 */
function forDocsTable(manifest: Manifest): Manifest {
  const copy = structuredClone(manifest);
  for (const declaration of copy.modules?.flatMap((m) => m.declarations ?? []) ?? []) {
    for (const slot of declaration.slots ?? []) slot.name = slot.name ? `slot="${slot.name}"` : '(default slot)';
    for (const part of declaration.cssParts ?? []) part.name = `::part(${part.name})`;
  }
  return copy;
}

/**
 * The control type a manifest type asks for: `string | undefined` is a string, a union of string
 * literals (written out, or as one of src/'s aliases) an enum, `number` and `boolean` themselves.
 * A type that also takes a string (`string | CriteriaSet`) is a string where it is an attribute.
 * Anything else (arrays, objects, functions) is an object.
 */
function sbType(text: string | undefined, isAttribute: boolean): SBType | undefined {
  if (!text) return undefined;
  const parts = text
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined' && part !== 'null')
    .flatMap((part) => typeAliases[part]?.map((value) => `'${value}'`) ?? [part]);
  const literal = /^(['"])(.*)\1$/;
  if (parts.length > 0 && parts.every((part) => literal.test(part))) {
    return { name: 'enum', value: parts.map((part) => literal.exec(part)![2]!) };
  }
  if (parts.length === 1 && (parts[0] === 'string' || parts[0] === 'number' || parts[0] === 'boolean')) {
    return { name: parts[0] };
  }
  if (isAttribute && parts.includes('string')) return { name: 'string' };
  return { name: 'object', value: {} };
}

/**
 * Controls that work, from the manifest (Storybook's own mapping makes one row per attribute and
 * one per property, and an object control for any type it does not know, `string | undefined`
 * included):
 * - one row per attribute: a property that has an attribute of another name (`headingLevel` for
 *   `heading-level`) is left out, so stories use the attribute's name for their args;
 * - each row the type of its attribute or property (text, number, boolean, an enum of its values);
 * - a control only for what the story gives an arg (its `render` passes its args to the element;
 *   none where the render takes no args) and is not read-only (a getter without a setter:
 *   `validity`, `submissionState`…). Every other member, slot, part and custom property is listed
 *   in the table without a control.
 * A story's own `argTypes` (a control, options) still win, except in a story that takes no args.
 */
const manifestControls: ArgTypesEnhancer = (context) => {
  const declaration = typeof context.component === 'string' ? declarations.get(context.component) : undefined;
  if (!declaration) return context.argTypes;
  const attributes = new Map((declaration.attributes ?? []).map((a) => [a.name, a]));
  const members = new Map(
    (declaration.members ?? []).filter((m) => m.kind === 'field').map((m) => [m.name, m] as const),
  );
  // A story whose render takes no args (`render: () => html\`…\``) uses none of them.
  const usesArgs = context.parameters['__isArgsStory'] !== false;
  const argTypes = { ...context.argTypes };
  for (const attribute of attributes.values()) {
    if (attribute.fieldName && attribute.fieldName !== attribute.name) delete argTypes[attribute.fieldName];
  }
  for (const [name, argType] of Object.entries(argTypes)) {
    const attribute = attributes.get(name);
    const member = attribute ? undefined : members.get(name);
    const type = attribute || member ? sbType((attribute ?? member)!.type?.text, !!attribute) : undefined;
    const next: StrictInputType = { ...argType, ...(type ? { type } : {}) };
    if (member?.readonly) {
      next.control = false;
      const summary = next.table?.type?.summary ?? member.type?.text ?? '';
      next.table = { ...next.table, type: { ...next.table?.type, summary: `${summary} (read-only)` } };
    } else if (!usesArgs || (argType.control === undefined && !(name in context.initialArgs))) {
      next.control = false;
    }
    argTypes[name] = next;
  }
  return argTypes;
};

if (manifest) setCustomElementsManifest(forDocsTable(manifest));
else console.info('[lc-elements] custom-elements.json is missing: run `npm run manifest` for the docs tables.');

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
  argTypesEnhancers: [manifestControls],
};
export default preview;
