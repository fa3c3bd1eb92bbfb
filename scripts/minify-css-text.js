// The CSS minification of the drop-in build (see rollup-minify-css.js), on its own so that the
// browser tests can hold it to the CSS parser: test/css-minify.test.ts.

const STRING = /('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/;

/**
 * Removes comments and the white space around braces, colons, semicolons and commas from a piece
 * of CSS text (one quasi of a css`…` template: no `${…}` inside). Quoted strings are kept as they
 * are, and so is the white space CSS reads: a descendant combinator, `calc(1px + 2px)`, `1px solid`.
 */
export function minifyCssText(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(STRING)
    .map((part, i) =>
      // Odd indices are the quoted strings that split() captured.
      i % 2
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('');
}
