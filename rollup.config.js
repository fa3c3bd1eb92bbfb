import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import MagicString from 'magic-string';
import esbuild from 'rollup-plugin-esbuild';
import { minifyCss } from './scripts/rollup-minify-css.js';
import { zodOwnKeysRollup } from './scripts/zod-own-keys.js';

// TypeScript is transpiled by esbuild (TypeScript 7 has no JS API; tsc only type-checks and emits .d.ts).
const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', loaders: { '.ts': 'ts' } });

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

// React (for the wrappers in src/react.ts) is the host's own: an optional peer dependency, never bundled.
// The drop-in bundle is for pages without React: fail the build if anything pulls React into it.
const noReact = () => ({
  name: 'no-react-in-drop-in-bundle',
  resolveId(id, importer) {
    if (/^react(-dom)?(\/|$)/.test(id)) this.error(`${importer} imports ${id}: React must not be in dist/cdn/`);
    return null;
  },
});

// dist/cdn/manifest.json: for each file, the files it imports (loaded with it) and those it may
// load later; for an element that shows the criteria in full, `content`: the file of that content
// in each language, of which it loads the one it shows at once. `npm run bench` adds up what a page
// loads from it; a host can preload from it.
const manifest = () => ({
  name: 'cdn-manifest',
  generateBundle(_options, bundle) {
    const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
    const { elements, content } = fullContent(chunks, (id) => this.getModuleInfo(id));
    const files = {};
    for (const chunk of chunks) {
      files[chunk.fileName] = {
        imports: chunk.imports,
        dynamicImports: chunk.dynamicImports,
        // The element shows the criteria in full: it loads the file of its language at once.
        ...(elements.has(chunk.fileName) ? { content } : {}),
      };
    }
    this.emitFile({ type: 'asset', fileName: 'manifest.json', source: `${JSON.stringify(files, null, 1)}\n` });
  },
});

// The elements that show the criteria in full (an element whose source passes `content: 'full'` to
// its CommunityController, or whose file loads such an element), and the file of that content in
// each language ({ en, da, de }): such an element loads the one of its language on demand.
const FULL_CONTENT = /\bcontent:\s*["']full["']/;
const CONTENT_MODULE = /[\\/]src[\\/]criteria[\\/]common-criteria\.(\w+)\.ts$/;
function fullContent(chunks, getModuleInfo) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (fileName, seen = new Set()) => {
    for (const next of byName.get(fileName)?.imports ?? []) {
      if (!seen.has(next)) closure(next, seen.add(next));
    }
    return seen;
  };
  const ownSource = (id) => /[\\/]src[\\/]components[\\/]/.test(id) && FULL_CONTENT.test(getModuleInfo(id)?.code ?? '');
  const elements = new Set();
  const content = {};
  for (const c of chunks) {
    if (c.isEntry && c.name.startsWith('elements/')) {
      if ([c.fileName, ...closure(c.fileName)].some((f) => byName.get(f).moduleIds.some(ownSource)))
        elements.add(c.fileName);
    }
    const lang = c.facadeModuleId?.match(CONTENT_MODULE)?.[1];
    if (lang) content[lang] = c.fileName;
  }
  if (!elements.size || !['en', 'da', 'de'].every((lang) => content[lang])) {
    throw new Error(
      `no element showing full content found, or no content file: ${[...elements]} ${JSON.stringify(content)}`,
    );
  }
  return { elements, content, closure };
}

// The loader (src/autoload.ts) preloads, with an element's file, the files that file imports at
// once: their names (hashed) are written into it here, as __LC_PRELOAD__. Rollup puts the final
// hashes in place of the placeholders in these names. With them, under `full`, the elements that
// show the criteria in full, and under `@en`, `@da` and `@de` the file of that content in each
// language (what it imports, the core, comes with the element anyway).
const preloadMap = () => ({
  name: 'loader-preload-map',
  renderChunk(code, chunk, _options, { chunks }) {
    if (!code.includes('__LC_PRELOAD__')) return null;
    const { elements, content, closure } = fullContent(Object.values(chunks), (id) => this.getModuleInfo(id));
    const map = { full: [] };
    for (const c of Object.values(chunks)) {
      if (c.isEntry && c.name.startsWith('elements/')) {
        const tag = `lc-${c.name.slice('elements/'.length)}`;
        map[tag] = [...closure(c.fileName)];
        if (elements.has(c.fileName)) map.full.push(tag);
      }
    }
    for (const [lang, file] of Object.entries(content)) map[`@${lang}`] = [file];
    // Written without what every name has: `chunks/` before it and `.js` after it.
    const short = (file) =>
      file
        .replace(/^chunks\//, '')
        .replace(/^elements\//, '../elements/')
        .replace(/\.js$/, '');
    for (const key of Object.keys(map)) if (key !== 'full') map[key] = map[key].map(short);
    const out = new MagicString(code);
    for (const match of code.matchAll(/__LC_PRELOAD__/g)) {
      out.overwrite(match.index, match.index + match[0].length, `(${JSON.stringify(map)})`);
    }
    return { code: out.toString(), map: out.generateMap({ hires: true }) };
  },
});

// The modules <lc-self-rating> loads statically, except its own: the core of every page (every
// other element needs them too).
let core;
// Providing context is <lc-community>'s job, not every element's: its own chunk.
const PROVIDE = /@lit[\\/]context[\\/].*provide/;
function coreModules(getModuleInfo) {
  if (core) return core;
  core = new Set();
  const visit = (id) => {
    if (core.has(id) || /[\\/]src[\\/]components[\\/]/.test(id) || PROVIDE.test(id)) return;
    core.add(id);
    for (const next of getModuleInfo(id)?.importedIds ?? []) visit(next);
  };
  for (const name of ['self-rating']) {
    const define = getModuleInfo(join(process.cwd(), `src/components/${name}/define.ts`));
    for (const id of define?.importedIds ?? []) {
      for (const next of /[\\/]src[\\/]components[\\/]/.test(id) ? (getModuleInfo(id)?.importedIds ?? []) : [id]) {
        visit(next);
      }
    }
  }
  return core;
}

const external = [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/, /^idb-keyval(\/|$)/, /^react(-dom)?(\/|$)/];

export default [
  // For npm users: one ES module per source file, bare imports kept so their bundler dedupes lit.
  {
    input: sources('src'),
    external,
    plugins: [ts()],
    output: { dir: 'dist', format: 'esm', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
  },
  // The drop-in build, production Lit, minified: `lc-elements.min.js` is a loader that loads each
  // element (`elements/<name>.js`, which also exports its class) when its tag appears; what every
  // element needs is one file, `chunks/core-*.js`; what loads on demand (translations, criteria
  // content, parsers) and what several elements share are in `chunks/` too.
  {
    input: {
      'lc-elements.min': 'src/autoload.ts',
      ...Object.fromEntries(
        readdirSync('src/components')
          .filter((name) => existsSync(`src/components/${name}/define.ts`))
          .map((name) => [`elements/${name}`, `src/components/${name}/define.ts`]),
      ),
    },
    plugins: [
      noReact(),
      nodeResolve({ exportConditions: ['production', 'browser', 'import', 'default'] }),
      zodOwnKeysRollup(),
      ts(),
      // Lit's css`…` text without comments and needless white space (terser leaves template text alone).
      minifyCss(),
      preloadMap(),
      terser({ format: { comments: false }, ecma: 2022, module: true }),
      manifest(),
    ],
    output: {
      dir: 'dist/cdn',
      // Lit and the core every element loads, in one file rather than a handful of small ones.
      manualChunks: (id, { getModuleInfo }) =>
        PROVIDE.test(id) ? 'provide' : coreModules(getModuleInfo).has(id) ? 'core' : undefined,
      format: 'esm',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash:6].js',
      sourcemap: true,
    },
  },
];
