import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { isOnline, subscribeToConnection } from "./connection.ts";
import { forgetCachedScreens } from "./offline-cache.ts";
import { itemsOf, summarise, waitingCounts, type SentSummary, type Waiting } from "./outbox-items.ts";
import { outbox } from "./device-outbox.ts";

const RETRY_MS = 30_000;

/** Whether Beklijf can be reached now (see connection.ts). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeToConnection, isOnline);
}

/** The kept writes of `personId` still waiting to be sent. */
export function useKept(personId: string | null | undefined) {
  const all = useSyncExternalStore(outbox.subscribe, outbox.snapshot);
  return useMemo(() => itemsOf(all, personId), [all, personId]);
}

export function useWaiting(personId: string | null | undefined): Waiting {
  const kept = useKept(personId);
  return useMemo(() => waitingCounts(kept), [kept]);
}

/**
 * Sends the person's kept writes at start and whenever the connection returns, from any screen, and
 * then refreshes what they change (Today, practice, plans). Returns a summary of the last send for a
 * quiet note, and a way to close it.
 */
export function useOutboxSync(personId: string | null | undefined): [SentSummary | null, () => void] {
  const client = useQueryClient();
  const [summary, setSummary] = useState<SentSummary | null>(null);
  useEffect(() => {
    if (!personId) return;
    let active = true;
    const sendWaiting = async () => {
      const deliveries = await outbox.send(personId);
      if (!active || deliveries.length === 0) return;
      setSummary(summarise(deliveries));
      await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "me" });
    };
    void outbox
      .load()
      .then(() => outbox.adoptLegacy(personId))
      .then(sendWaiting);
    const stop = subscribeToConnection(() => {
      if (isOnline()) void sendWaiting();
    });
    // A send may fail while the connection looks fine (the server restarting): try again now and then.
    const retry = window.setInterval(() => void sendWaiting(), RETRY_MS);
    return () => {
      active = false;
      stop();
      window.clearInterval(retry);
    };
  }, [client, personId]);
  return [summary, useCallback(() => setSummary(null), [])];
}

/**
 * When the person signed in changes (another person on a shared phone, or the session ended), nothing
 * cached for the last one stays on view; when someone is signed in, the writes another person left
 * unsent are removed (they could only be sent by that person, and they are that person's data).
 * `personId` is undefined while still unknown, null when nobody is signed in.
 */
export function usePersonChange(personId: string | null | undefined): void {
  const client = useQueryClient();
  const previous = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (personId === undefined) return;
    const before = previous.current;
    previous.current = personId;
    if (before && before !== personId) void forgetCachedScreens(client);
    if (personId) void outbox.forget((item) => item.personId !== personId);
  }, [client, personId]);
}
