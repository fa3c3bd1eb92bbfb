// A rollup plugin for the drop-in build: the text of every css`…` template (Lit's styles) loses its
// comments and needless white space (minifyCssText); the `${…}` parts are left as they are.
// Terser leaves template text alone; the libraries that minify Lit's templates need TypeScript's
// compiler API. On the rating's page this is 0.7 KB gzip of 24.5.
import MagicString from 'magic-string';
import { walk } from 'estree-walker';
import { minifyCssText } from './minify-css-text.js';
import { minifyHtmlParts } from './minify-html-text.js';

export function minifyCss() {
  return {
    name: 'minify-css-literals',
    transform(code, id) {
      if (!/\.ts$/.test(id) || !/(css|html|svg)`/.test(code)) return null;
      const ast = this.parse(code);
      const out = new MagicString(code);
      walk(ast, {
        enter(node) {
          if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
          if (node.tag.name === 'html' || node.tag.name === 'svg') {
            const quasis = node.quasi.quasis;
            minifyHtmlParts(quasis.map((q) => q.value.raw)).forEach((minified, i) => {
              const quasi = quasis[i];
              if (minified !== quasi.value.raw) out.overwrite(quasi.start, quasi.end, minified);
            });
            return;
          }
          if (node.tag.name !== 'css') return;
          for (const quasi of node.quasi.quasis) {
            if (quasi.end === quasi.start) continue;
            const minified = minifyCssText(quasi.value.raw);
            if (minified !== quasi.value.raw) out.overwrite(quasi.start, quasi.end, minified);
          }
        },
      });
      return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}
