/** The library's version, stamped on every class it registers. */
export const VERSION = '0.1.0';

const warned = new Set<string>();

/**
 * Registers a tag unless it is already registered: a portal may load the library twice (two
 * scripts, two copies). A different version already registered is reported once in the console.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor & { version?: string }): void {
  const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing !== ctor && existing.version !== ctor.version && !warned.has(tag)) {
    warned.add(tag);
    console.warn(
      `[lc-elements] <${tag}> is already defined by version ${existing.version ?? 'unknown'}; ` +
        `version ${ctor.version ?? 'unknown'} was not registered. Load the library once.`,
    );
  }
}
