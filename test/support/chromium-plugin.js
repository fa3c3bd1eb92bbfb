// Test-runner commands that ask Chromium itself, through the DevTools protocol:
// - 'lc-forced-colors' { active, colorScheme }: forced colours (Windows High Contrast) on or off for the test
//   page; Chromium then matches (forced-colors: active) and draws the page in system colours, as
//   for a person who has the mode on. (@web/test-runner-commands' emulateMedia takes forcedColors
//   only under Playwright; the test pages run under Puppeteer, whose emulateMediaFeatures does not.)
// - 'lc-ax-tree': the page's whole accessibility tree, tables and cells included (a11ySnapshot
//   gives only the nodes Puppeteer finds interesting, and leaves a table's cells out).
// - 'lc-ax-live': each live region of the page's accessibility tree (a status, an alert, a log, or
//   an element with aria-live), with its text and the politeness Chromium gives it: 'polite',
//   'assertive', or null when it is not live (aria-live="off"), which is what decides whether the
//   browser tells a screen reader of a change to its text. (Puppeteer's snapshot does not say it.)
export function chromiumPlugin() {
  // One DevTools session per page, kept open: an emulation ends with the session that set it.
  const sessions = new WeakMap();
  return {
    name: 'lc-chromium',
    async executeCommand({ command, payload, session }) {
      if (command === 'lc-forced-colors') {
        const page = session.browser.getPage(session.id);
        if (!sessions.has(page)) sessions.set(page, page.createCDPSession());
        const client = await sessions.get(page);
        await client.send('Emulation.setEmulatedMedia', {
          features: [
            { name: 'forced-colors', value: payload?.active ? 'active' : 'none' },
            // The scheme picks the forced palette: a dark one has a black Canvas and white text.
            // Each call replaces the last one's features: turning forced colours off ends it too.
            ...(payload?.colorScheme ? [{ name: 'prefers-color-scheme', value: payload.colorScheme }] : []),
          ],
        });
        return true;
      }
      if (command === 'lc-ax-tree') {
        return session.browser.getPage(session.id).accessibility.snapshot({ interestingOnly: false });
      }
      if (command === 'lc-ax-live') {
        const page = session.browser.getPage(session.id);
        if (!sessions.has(page)) sessions.set(page, page.createCDPSession());
        const client = await sessions.get(page);
        const { nodes } = await client.send('Accessibility.getFullAXTree');
        const byId = new Map(nodes.map((n) => [n.nodeId, n]));
        const text = (n) =>
          n.role?.value === 'StaticText'
            ? (n.name?.value ?? '')
            : (n.childIds ?? []).map((id) => text(byId.get(id) ?? {})).join('');
        const live = (n) => n.properties?.find((p) => p.name === 'live')?.value.value ?? null;
        return nodes
          .filter((n) => ['status', 'alert', 'log'].includes(n.role?.value) || live(n))
          .map((n) => ({ role: n.role.value, text: text(n), live: live(n) }));
      }
      return undefined;
    },
  };
}
