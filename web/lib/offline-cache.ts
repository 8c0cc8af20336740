import { createAsyncStoragePersister } from "@tanstack/query-async-storage-persister";
import type { Query, QueryClient, QueryKey } from "@tanstack/react-query";
import type {
  PersistedClient,
  Persister,
  PersistQueryClientProviderProps,
} from "@tanstack/react-query-persist-client";
import type { MeResponse } from "../../common/schemas/me.ts";
import { ApiError } from "./api.ts";
import { sessionApi } from "./session.ts";
import { deviceStore } from "./device-store.ts";
import { outbox } from "./device-outbox.ts";

/**
 * The learner's screens that open offline from the last sync, by query key: who is signed in (the shell
 * needs it), Today, practice, plans (and what a plan is tied to), badges. Other screens (a coordinator's
 * people, reports) are not kept on the device: they are not used on a building site, and they hold other
 * people's data.
 */
const KEPT_FOR_OFFLINE: readonly QueryKey[] = [
  ["me"],
  ["today"],
  ["practice"],
  ["action-plans", "mine"],
  ["action-plans", "enrolments"],
  ["credentials"],
];

/** Whether a query is kept on the device: the same key, or a key under it (the session list is not). */
export function isKeptForOffline(queryKey: QueryKey): boolean {
  return KEPT_FOR_OFFLINE.some(
    (kept) => kept.length === queryKey.length && kept.every((part, index) => part === queryKey[index]),
  );
}

/** A learner's session lasts a week idle; data older than that would open a session that has ended. */
export const OFFLINE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

const CACHE_KEY = "query-cache";

const storagePersister = createAsyncStoragePersister({
  key: CACHE_KEY,
  storage: {
    getItem: async (key) => (await deviceStore.get<string>(key)) ?? null,
    setItem: (key, value: string) => deviceStore.update(key, () => value),
    removeItem: (key) => deviceStore.del(key),
  },
});

const cachedMe = (client: PersistedClient) =>
  client.clientState.queries.find((q) => q.queryKey.length === 1 && q.queryKey[0] === "me");

/** The person the last sync belongs to (its cached `me`), if any. */
function ownerOf(client: PersistedClient): string | undefined {
  return (cachedMe(client)?.state.data as MeResponse | null | undefined)?.person.id;
}

/**
 * Puts the server's `me` of now in place of the cached one: the person may have changed language or
 * roles since the last sync (a language chosen just before a reload would otherwise be undone).
 */
function refreshMe(client: PersistedClient, fresh: MeResponse): void {
  const me = cachedMe(client);
  if (me) me.state = { ...me.state, data: fresh, dataUpdatedAt: Date.now() };
}

/**
 * Whether the last sync may be shown: offline it is all there is; online only when the server still
 * says the same person is signed in. Otherwise (the session ended, someone else signed in on this
 * phone) it is dropped before any screen shows it.
 */
async function mayShow(client: PersistedClient): Promise<boolean> {
  if (!navigator.onLine) return true;
  try {
    const fresh = await sessionApi.me();
    if (fresh.person.id !== ownerOf(client)) return false;
    refreshMe(client, fresh);
    return true;
  } catch (error) {
    return error instanceof ApiError && error.code === "NETWORK";
  }
}

export const queryPersister: Persister = {
  ...storagePersister,
  restoreClient: async () => {
    const client = await storagePersister.restoreClient();
    if (!client || (await mayShow(client))) return client;
    await storagePersister.removeClient();
    return undefined;
  },
};

/** Answered queries only (TanStack's default), and of those only the learner's screens above. */
const shouldDehydrateQuery = (query: { queryKey: QueryKey; state: { status: string } }) =>
  query.state.status === "success" && isKeptForOffline(query.queryKey);

/**
 * The last sync, in IndexedDB: restored at start so Today, Plans and practice open without a
 * connection. A new build (`__BUILD_ID__`) or a week's age discards it.
 */
export const persistOptions: PersistQueryClientProviderProps["persistOptions"] = {
  persister: queryPersister,
  maxAge: OFFLINE_MAX_AGE_MS,
  buster: __BUILD_ID__,
  dehydrateOptions: { shouldDehydrateQuery, shouldDehydrateMutation: () => false },
};

/**
 * Removes the person's data from the device: the cached screens and the writes still waiting. At
 * sign-out, so the next person on a shared phone sees nothing of the last one.
 */
export async function forgetThisDevice(client: QueryClient): Promise<void> {
  client.clear();
  await Promise.all([outbox.forget(() => true), queryPersister.removeClient()]);
}

/**
 * Another person signed in on this device (or the session ended): drop what was cached for the last
 * one, and ask the screens on view to fetch again. Who is signed in (`me`) stays: it is the new person.
 */
export async function forgetCachedScreens(client: QueryClient): Promise<void> {
  const others = (q: Query) => q.queryKey[0] !== "me";
  client.removeQueries({ predicate: (q) => others(q) && q.getObserversCount() === 0 });
  await client.invalidateQueries({ predicate: others });
}
