/**
 * Whether Beklijf can be reached: the browser's own flag (airplane mode), and what the last API call
 * found (a phone on a building site often says "online" with no usable connection). After a failed
 * call the health address is tried again with growing pauses, so the app notices the connection is
 * back even when the browser never said it was gone.
 */
const FIRST_PROBE_MS = 2_000;
const LONGEST_PROBE_MS = 15_000;

let reachable = true;
let probe: ReturnType<typeof setTimeout> | undefined;
let pause = FIRST_PROBE_MS;
const listeners = new Set<() => void>();

function setReachable(value: boolean): void {
  if (reachable === value) return;
  reachable = value;
  for (const listener of listeners) listener();
}

/** An API call got an answer (any status): the server is reachable. */
export function noteReached(): void {
  pause = FIRST_PROBE_MS;
  clearTimeout(probe);
  probe = undefined;
  setReachable(true);
}

/** An API call got no answer at all. */
export function noteUnreachable(): void {
  setReachable(false);
  scheduleProbe();
}

function scheduleProbe(): void {
  if (probe !== undefined) return;
  probe = setTimeout(() => {
    probe = undefined;
    fetch("/api/health", { cache: "no-store" }).then(noteReached, () => {
      pause = Math.min(pause * 2, LONGEST_PROBE_MS);
      scheduleProbe();
    });
  }, pause);
}

export const isOnline = (): boolean => navigator.onLine && reachable;

/** Calls `listener` whenever the connection may have changed. */
export function subscribeToConnection(listener: () => void): () => void {
  const browserSaysOnline = () => noteReached();
  listeners.add(listener);
  window.addEventListener("online", browserSaysOnline);
  window.addEventListener("online", listener);
  window.addEventListener("offline", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("online", browserSaysOnline);
    window.removeEventListener("online", listener);
    window.removeEventListener("offline", listener);
  };
}
