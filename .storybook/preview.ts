import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';

interface Named {
  name: string;
}
interface Declaration {
  slots?: Named[];
  cssParts?: Named[];
}
interface Manifest {
  modules?: Array<{ declarations?: Declaration[] }>;
}

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

// The custom-elements manifest (`npm run build` or `npm run manifest` writes it) gives every
// element's docs page its tables and the playground its controls. A glob, not an import: when the
// file has not been generated yet, Storybook still starts, with controls from the stories' args.
const manifests = import.meta.glob<{ default: Manifest }>('../custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(forDocsTable(manifest));
else console.info('[lc-elements] custom-elements.json is missing: run `npm run manifest` for the docs tables.');

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    layout: 'padded',
  },
};
export default preview;
