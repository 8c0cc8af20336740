import { createStore, del, get, update, type UseStore } from "idb-keyval";

/** The few values Beklijf keeps on the device, by key: the outbox and the last sync's query cache. */
export interface DeviceStore {
  get<T>(key: string): Promise<T | undefined>;
  /** Reads and writes `key` in one IndexedDB transaction, so two tabs never overwrite each other. */
  update<T>(key: string, change: (old: T | undefined) => T): Promise<void>;
  del(key: string): Promise<void>;
}

let database: UseStore | undefined;
/** Opened on first use, so importing this file needs no IndexedDB (unit tests run in Node). */
const store = () => (database ??= createStore("beklijf", "device"));

/** IndexedDB through idb-keyval: larger than localStorage, and readable by a service worker later. */
export const deviceStore: DeviceStore = {
  get: (key) => get(key, store()),
  update: (key, change) => update(key, change, store()),
  del: (key) => del(key, store()),
};
