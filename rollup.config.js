import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';

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

const external = [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/, /^idb-keyval(\/|$)/, /^react(-dom)?(\/|$)/];

export default [
  // For npm users: one ES module per source file, bare imports kept so their bundler dedupes lit.
  {
    input: sources('src'),
    external,
    plugins: [ts()],
    output: { dir: 'dist', format: 'esm', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
  },
  // The drop-in build: one script defines every element, production Lit, minified. English is
  // inside; Danish and German criteria load on demand from chunks beside it.
  {
    input: { 'lc-elements.min': 'src/all.ts' },
    plugins: [
      noReact(),
      nodeResolve({ exportConditions: ['production', 'browser', 'import', 'default'] }),
      ts(),
      terser({ format: { comments: false }, ecma: 2022, module: true }),
    ],
    output: {
      dir: 'dist/cdn',
      format: 'esm',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
];
