import { type Delivery, fromLegacy, type OutboxItem, withItem, withoutItem } from "./outbox-items.ts";
import type { DeviceStore } from "./device-store.ts";

const KEY = "outbox";
/** Where an earlier version kept unsent answers (localStorage); taken over once. */
export const LEGACY_KEY = "beklijf.pending-answers";

/** Sends one kept write; its own id goes along, so a repeat after a lost answer counts once. */
export type Sender = (item: OutboxItem) => Promise<unknown>;

interface LegacyStorage {
  getItem(key: string): string | null;
  removeItem(key: string): void;
}

export interface OutboxOptions {
  store: DeviceStore;
  send: Sender;
  /** Whether a failed send may succeed later (offline, server trouble); if not, the write is dropped. */
  worthRetrying: (error: unknown) => boolean;
  legacy?: () => LegacyStorage | undefined;
  now?: () => Date;
}

/**
 * Practice answers and application log entries made without a connection: kept in IndexedDB with the
 * id chosen when they were made, sent when the connection returns (from any screen), removed once the
 * server answered. The server counts a practice answer's clientId once and replays an application's
 * Idempotency-Key, so a send repeated after a lost answer is harmless; the sends of one device go one
 * at a time (one `send` runs, a second call shares it).
 */
export function createOutbox({ store, send, worthRetrying, legacy, now = () => new Date() }: OutboxOptions) {
  let items: readonly OutboxItem[] = [];
  let loading: Promise<void> | undefined;
  let sending: Promise<Delivery[]> | undefined;
  const changed = new Set<() => void>();
  const delivered = new Set<(delivery: Delivery) => void>();

  async function change(edit: (old: OutboxItem[]) => OutboxItem[]): Promise<void> {
    let next: OutboxItem[] = [];
    await store.update<OutboxItem[]>(KEY, (old) => (next = edit(old ?? [])));
    items = next;
    for (const listener of changed) listener();
  }

  function load(): Promise<void> {
    loading ??= change((old) => old);
    return loading;
  }

  /** Answers the earlier localStorage outbox held become this person's, once. */
  async function adoptLegacy(personId: string): Promise<void> {
    const storage = legacy?.();
    const text = storage?.getItem(LEGACY_KEY) ?? null;
    if (!storage || text === null) return;
    const answers = fromLegacy(text, personId, now());
    await change((old) => answers.reduce<OutboxItem[]>(withItem, old));
    storage.removeItem(LEGACY_KEY);
  }

  async function sendAll(personId: string): Promise<Delivery[]> {
    await load();
    const deliveries: Delivery[] = [];
    for (const item of items.filter((i) => i.personId === personId)) {
      let delivery: Delivery;
      try {
        delivery = { item, status: "sent", result: await send(item) } as Delivery;
      } catch (error) {
        if (worthRetrying(error)) break;
        delivery = { item, status: "refused" };
      }
      await change((old) => withoutItem(old, item.id));
      deliveries.push(delivery);
      for (const listener of delivered) listener(delivery);
    }
    return deliveries;
  }

  return {
    load,
    adoptLegacy,
    /** The kept writes of every person on this device, as last read (for useSyncExternalStore). */
    snapshot: () => items,
    subscribe(listener: () => void) {
      changed.add(listener);
      return () => void changed.delete(listener);
    },
    /** Called with each write the server took (with its answer) or refused. */
    onDelivered(listener: (delivery: Delivery) => void) {
      delivered.add(listener);
      return () => void delivered.delete(listener);
    },
    keep: async (item: OutboxItem) => {
      await load();
      await change((old) => withItem(old, item));
    },
    /** Sends `personId`'s kept writes in the order they were made; stops at the first that must wait. */
    send(personId: string): Promise<Delivery[]> {
      sending ??= sendAll(personId).finally(() => (sending = undefined));
      return sending;
    },
    /** Removes kept writes: all of them at sign-out, another person's when someone else signs in. */
    forget: (which: (item: OutboxItem) => boolean) => change((old) => old.filter((i) => !which(i))),
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
