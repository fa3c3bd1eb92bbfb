/**
 * A channel to the other tabs of this origin (a `BroadcastChannel`: in memory, nothing stored),
 * opened once per page on first use; each message received goes to every listener. A message
 * posted also reaches this page's other listeners (two copies of an element for the same key, a
 * card's and a sidebar's), as it reaches another tab's: a moment later, as a copy, never to the
 * listener that sent it. Where the browser has no `BroadcastChannel`, only this page's listeners
 * hear it.
 */
export interface TabChannel<M> {
  /**
   * Hears the other tabs' messages, and this page's other listeners' (`samePage` true: what the
   * sender tells its page itself, such as its events, is not to be told again); returns the
   * function that stops listening.
   */
  listen(listener: TabListener<M>): () => void;
  /** Tells the other tabs, and every listener on this page but `from` (the sender's own). */
  post(message: M, from: TabListener<M>): void;
}

export type TabListener<M> = (message: M, samePage?: boolean) => void;

export function tabChannel<M>(name: string): TabChannel<M> {
  const listeners = new Set<TabListener<M>>();
  let channel: BroadcastChannel | undefined;
  const open = () => {
    if (!channel && typeof BroadcastChannel !== 'undefined') {
      channel = new BroadcastChannel(name);
      channel.onmessage = (event: MessageEvent<M>) => {
        for (const listener of [...listeners]) listener(event.data);
      };
    }
    return channel;
  };
  return {
    listen(listener) {
      listeners.add(listener);
      open();
      return () => void listeners.delete(listener);
    },
    post(message, from) {
      open()?.postMessage(message);
      // A BroadcastChannel never hands a message to the page that posted it. The listeners here
      // hear it as a tab would: a copy taken now (the sender may change its object after), in a
      // task of its own (never in the middle of the sender's work), and only those still listening.
      const others = [...listeners].filter((listener) => listener !== from);
      if (!others.length) return;
      const copy = structuredClone(message);
      setTimeout(() => {
        for (const listener of others) if (listeners.has(listener)) listener(copy, true);
      });
    },
  };
}
