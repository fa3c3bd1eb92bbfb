// The HTML minification of the drop-in build (see rollup-minify-css.js), on its own so that the
// browser tests can hold it to Lit: test/css-minify.test.ts.

const KEEP = /^(pre|textarea)\b/i;

/**
 * Collapses each run of white space that holds a line break to one space, in the static parts of
 * an html`…` or svg`…` template (`parts`: its quasis, in order; the `${…}` between them are left
 * alone): between attributes, and in text, where HTML reads any run as one space. Quoted attribute
 * values, comments and the content of `<pre>` and `<textarea>` keep theirs. (Templates put no
 * line break of their own into a `white-space: pre-line` element.)
 */
export function minifyHtmlParts(parts) {
  let state = 'text';
  let keepUntil;
  return parts.map((part) => {
    let out = '';
    for (let i = 0; i < part.length; i++) {
      const ch = part[i];
      if ((state === 'tag' || (state === 'text' && !keepUntil)) && /\s/.test(ch)) {
        let end = i + 1;
        while (end < part.length && /\s/.test(part[end])) end++;
        const run = part.slice(i, end);
        out += run.includes('\n') ? ' ' : run;
        i = end - 1;
        continue;
      }
      if (state === 'text') {
        if (part.startsWith('<!--', i)) state = 'comment';
        else if (ch === '<' && /[a-zA-Z/]/.test(part[i + 1] ?? '')) {
          state = 'tag';
          const name = part.slice(i + 1).match(KEEP)?.[1];
          if (name && !keepUntil) keepUntil = `</${name.toLowerCase()}`;
          else if (keepUntil && part.slice(i, i + keepUntil.length).toLowerCase() === keepUntil) keepUntil = undefined;
        }
      } else if (state === 'tag') {
        if (ch === '"' || ch === "'") state = ch;
        else if (ch === '>') state = 'text';
      } else if (state === 'comment') {
        if (part.startsWith('-->', i)) {
          out += '-->';
          i += 2;
          state = 'text';
          continue;
        }
      } else if (ch === state) {
        state = 'tag';
      }
      out += ch;
    }
    return out;
  });
}
