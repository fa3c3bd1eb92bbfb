/**
 * A channel to the other tabs of this origin (a `BroadcastChannel`: in memory, nothing stored),
 * opened once per page on first use; each message received goes to every listener. Where the
 * browser has no `BroadcastChannel`, nothing is sent and nothing arrives.
 */
export interface TabChannel<M> {
  /** Hears the other tabs' messages; returns the function that stops listening. */
  listen(listener: (message: M) => void): () => void;
  /** Tells the other tabs. */
  post(message: M): void;
}

export function tabChannel<M>(name: string): TabChannel<M> {
  const listeners = new Set<(message: M) => void>();
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
    post(message) {
      open()?.postMessage(message);
    },
  };
}
