/**
 * On PGlite every query resolves without waiting for I/O, so a sweep over 10,000 people is one long
 * chain of promises that never lets the event loop read a socket: every request would wait for the
 * whole sweep. Awaiting this once per person gives waiting requests their turn (decision 0031).
 */
export const letRequestsThrough = () => new Promise<void>((resolve) => setImmediate(resolve));
