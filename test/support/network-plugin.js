// Test-runner commands that drive the real browser's network state through the DevTools
// protocol, so "offline" is what Chromium itself believes (navigator.onLine, `offline`/`online`
// events, failing fetches), not a stub.
//   import { executeServerCommand } from '@web/test-runner-commands';
//   await executeServerCommand('lc-network', { offline: true });
export function networkPlugin() {
  return {
    name: 'lc-network',
    async executeCommand({ command, payload, session }) {
      if (command !== 'lc-network') return undefined;
      const page = session.browser.getPage(session.id);
      await page.setOfflineMode(Boolean(payload?.offline));
      return true;
    },
  };
}
