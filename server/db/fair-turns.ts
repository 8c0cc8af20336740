import { setImmediate as nextTurn } from "node:timers/promises";
import type { PGlite } from "@electric-sql/pglite";

/**
 * PGlite answers on this thread without real I/O, so a chain of statements (a sweep building Today for
 * a hundred learners) never gives the event loop a turn: a request arriving meanwhile waited for the
 * whole chain, half a second in `bench/nudge-sweep.ts`. Here each statement first waits one macrotask
 * turn, so requests that arrived get read and queue their own statements in between. PGlite still runs
 * one statement at a time; a transaction's statements go through its own handle and are not delayed.
 */
export function takeFairTurns(client: PGlite): void {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = (async (...args: Parameters<typeof query>) => {
    await nextTurn();
    return query(...args);
  }) as typeof client.query;
  client.exec = (async (...args: Parameters<typeof exec>) => {
    await nextTurn();
    return exec(...args);
  }) as typeof client.exec;
  client.transaction = (async (...args: Parameters<typeof transaction>) => {
    await nextTurn();
    return transaction(...args);
  }) as typeof client.transaction;
}
