import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';

/** The elements drawn again when the page starts or stops being printed. */
const hosts = new Set<ReactiveControllerHost>();
let media: MediaQueryList | undefined;
/** Between `beforeprint` and `afterprint`: the print media query may not match yet when the page is laid out for paper. */
let printDialog = false;
let printing = false;

function check(): void {
  const now = printDialog || !!media?.matches;
  if (now === printing) return;
  printing = now;
  for (const host of hosts) host.requestUpdate();
}

/** One set of listeners for the page, however many elements follow it (a page may hold 1200 cards). */
function listen(): void {
  if (media) return;
  media = window.matchMedia('print');
  // The print media emulated (DevTools, a PDF made by a test tool) fires no `beforeprint`.
  media.addEventListener('change', check);
  // A real print: the update requested here is rendered in the microtasks after this event,
  // before the page is laid out for paper.
  window.addEventListener('beforeprint', () => {
    printDialog = true;
    check();
  });
  window.addEventListener('afterprint', () => {
    printDialog = false;
    check();
  });
  check();
}

/**
 * Whether the page is being printed, for what CSS alone cannot show on paper: content that is not
 * rendered until the person asks for it (a card's "More about this criterion"). The host renders
 * again as printing begins and ends.
 */
export class PrintController implements ReactiveController {
  private readonly host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  /** True while the page is printed (or print media is emulated). */
  get printing(): boolean {
    return printing;
  }

  hostConnected(): void {
    if (isServer) return;
    listen();
    hosts.add(this.host);
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }
}
