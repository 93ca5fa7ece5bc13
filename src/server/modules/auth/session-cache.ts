/** A short-lived in-process cache of session → actor, so an authenticated read does not pay a
 *  database round trip. Any change to users, orgs or sessions clears it whole (they are rare), and a
 *  generation counter keeps a lookup that raced with such a change from caching what it read before.
 *  On by default only on the embedded database, where this process is the only writer; on a server
 *  other instances could change a user unseen, so it is off unless SESSION_CACHE_SECONDS is set. */
import type { Actor } from '../../access.js';

type Entry = { actor: Actor; until: number };

const entries = new Map<string, Entry>();
let generation = 0;
let ttlMs = 0;
const MAX_ENTRIES = 10_000;

export const sessionCache = {
  configure(seconds: number) {
    ttlMs = seconds * 1000;
    entries.clear();
  },
  get(sessionId: string): Actor | null {
    if (ttlMs === 0) return null;
    const e = entries.get(sessionId);
    if (!e) return null;
    if (e.until < Date.now()) {
      entries.delete(sessionId);
      return null;
    }
    return e.actor;
  },
  /** The generation to pass back to `set`, taken before the lookup starts. */
  generation: () => generation,
  set(sessionId: string, actor: Actor, loadedAt: number, sessionExpiresAt: number) {
    if (ttlMs === 0 || loadedAt !== generation) return;
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(sessionId, { actor, until: Math.min(Date.now() + ttlMs, sessionExpiresAt) });
  },
  clear() {
    generation++;
    entries.clear();
  },
};
