/**
 * Runs `work` holding the Web Lock `name`, so that the tabs of the origin take turns; or without it
 * where the browser has no Web Locks or denies them (a sandboxed iframe, a third-party frame whose
 * storage is blocked: there no other tab shares this one's storage either). An error of `work`
 * itself is passed on, never taken for a denial.
 */
export async function underLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return work();
  let started = false;
  try {
    return await locks.request(name, () => {
      started = true;
      return work();
    });
  } catch (error) {
    if (started) throw error;
    return work();
  }
}
