import { noChange, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

type Props = Record<string, string | number | null | undefined>;

const kebab = (name: string) => (name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

/**
 * Sets CSS properties (custom properties too) on an element through the CSSOM, always:
 * `<div ${cssProps({ inlineSize: '40%', '--lc-n': 12 })}>`. Lit's `styleMap` writes a `style`
 * attribute on first render, which a Content-Security-Policy without `'unsafe-inline'` in
 * `style-src` blocks; `element.style.setProperty` is never blocked.
 */
class CssPropsDirective extends Directive {
  private applied = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) {
      throw new Error('cssProps() goes in an element position: <div ${cssProps({...})}>, not in an attribute');
    }
  }

  render(_props: Props): unknown {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Props]): unknown {
    const style = (part.element as HTMLElement).style;
    const next = new Set<string>();
    for (const [name, value] of Object.entries(props)) {
      if (value === null || value === undefined) continue;
      const property = kebab(name);
      next.add(property);
      style.setProperty(property, String(value));
    }
    for (const property of this.applied) if (!next.has(property)) style.removeProperty(property);
    this.applied = next;
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
