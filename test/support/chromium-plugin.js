// Test-runner commands that ask Chromium itself, through the DevTools protocol:
// - 'lc-forced-colors' { active, colorScheme }: forced colours (Windows High Contrast) on or off for the test
//   page; Chromium then matches (forced-colors: active) and draws the page in system colours, as
//   for a person who has the mode on. (@web/test-runner-commands' emulateMedia takes forcedColors
//   only under Playwright; the test pages run under Puppeteer, whose emulateMediaFeatures does not.)
// - 'lc-ax-tree': the page's whole accessibility tree, tables and cells included (a11ySnapshot
//   gives only the nodes Puppeteer finds interesting, and leaves a table's cells out).
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
      return undefined;
    },
  };
}
