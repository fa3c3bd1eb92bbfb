import { literal, type StaticValue } from 'lit/static-html.js';

const TAGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/**
 * The tag of a heading at a level chosen at runtime, for `lit/static-html` templates:
 * `` staticHtml`<${headingTag(level)}>…</${headingTag(level)}>` ``. Below a level 6 there is no
 * heading element: deeper levels stay h6.
 */
export function headingTag(level: number): StaticValue {
  return TAGS[Math.min(6, Math.max(1, level)) - 1]!;
}
