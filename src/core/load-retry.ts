import { LOAD_RETRY_MS } from './retry.js';

/** A file's tries so far, its next one's timer, and who waits for it (an element each). */
interface Schedule {
  tries: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  waiting: Map<object, () => void>;
}

const schedules = new WeakMap<object, Map<string, Schedule>>();

/**
 * A file the elements load on demand that failed while the browser stays online (a server error, a
 * request dropped): `wake` runs when its next try is due, after LOAD_RETRY_MS, then the file is
 * tried again only when the browser comes back online. `source` and `file` name it: a language's
 * strings of a string table (the table, `da`), the criteria text of a language. One schedule per
 * file for the page, whichever and however many elements wait for it (`waiter`, each woken once per
 * try): a page of 1200 cards asks for the file once at each try, and says each failure once.
 */
export function retrySoon(source: object, file: string, waiter: object, wake: () => void): void {
  let files = schedules.get(source);
  if (!files) schedules.set(source, (files = new Map()));
  let schedule = files.get(file);
  if (!schedule) files.set(file, (schedule = { tries: 0, timer: undefined, waiting: new Map() }));
  if (schedule.timer === undefined) {
    const delay = LOAD_RETRY_MS[schedule.tries];
    // Tried as often as it is: from now on, only when the browser is back online.
    if (delay === undefined) return;
    schedule.tries++;
    const due = schedule;
    due.timer = setTimeout(() => {
      due.timer = undefined;
      const waiting = [...due.waiting.values()];
      due.waiting.clear();
      for (const w of waiting) w();
    }, delay);
  }
  schedule.waiting.set(waiter, wake);
}
