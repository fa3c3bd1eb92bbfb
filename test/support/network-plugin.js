// Test-runner commands that drive the real browser's network state through the DevTools
// protocol, so "offline" is what Chromium itself believes (navigator.onLine, `offline`/`online`
// events, failing fetches), not a stub. While the page is offline it cannot reach the test
// runner either, so going offline is scheduled, and coming back is on a timer set beforehand:
//   await executeServerCommand('lc-network', { offlineAfterMs: 50, onlineAfterMs: 3000 });
export function networkPlugin() {
  return {
    name: 'lc-network',
    async executeCommand({ command, payload, session }) {
      if (command === 'lc-cache') {
        // { enabled: false }: the page's requests bypass the HTTP cache, which other test pages
        // share (an offline test must meet the network, not a copy another page left).
        await session.browser.getPage(session.id).setCacheEnabled(payload?.enabled !== false);
        return true;
      }
      if (command !== 'lc-network') return undefined;
      const page = session.browser.getPage(session.id);
      const { offlineAfterMs = 50, onlineAfterMs = 3000 } = payload ?? {};
      setTimeout(() => void page.setOfflineMode(true).catch(() => undefined), offlineAfterMs);
      setTimeout(() => void page.setOfflineMode(false).catch(() => undefined), offlineAfterMs + onlineAfterMs);
      return true;
    },
  };
}
