// Endpoints for stories: transports that answer as a collector would, without a server.
import type { Transport } from '../../src/core/transport.js';

/** Accepts every submission at once: "Send" shows the sent state. */
export const acceptingTransport: Transport = async () => ({ outcome: 'delivered', status: 201 });

/** Answers after `ms`, so the sending state stays in view (a retry if the request is abandoned first). */
export function slowTransport(ms: number): Transport {
  return (_envelope, { signal }) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ outcome: 'delivered', status: 201 }), ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve({ outcome: 'retry', message: 'the request timed out' });
      });
    });
}

/** Refuses every submission with a 422 and `message`, as a server's validation would. */
export function refusingTransport(message: string): Transport {
  return async () => ({ outcome: 'rejected', status: 422, message });
}
