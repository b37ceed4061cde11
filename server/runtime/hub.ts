import type { RequestAggregate } from "../db/store";
import type { Hub } from "../services/context";

type Listener = (a: RequestAggregate) => void;

/** In-process fan-out of committed request changes to waiting agents, SSE streams and the scheduler. */
export function createHub(): Hub & { listenerCount(): number } {
  const byId = new Map<string, Set<Listener>>();
  const any = new Set<Listener>();
  const call = (l: Listener, a: RequestAggregate) => {
    try {
      l(a);
    } catch (e) {
      console.error("hub listener failed", e);
    }
  };
  return {
    requestChanged(a) {
      const set = byId.get(a.request.id);
      if (set) for (const l of [...set]) call(l, a);
      for (const l of [...any]) call(l, a);
    },
    onRequest(id, l) {
      let set = byId.get(id);
      if (!set) byId.set(id, (set = new Set()));
      set.add(l);
      return () => {
        set.delete(l);
        if (set.size === 0 && byId.get(id) === set) byId.delete(id);
      };
    },
    onAny(l) {
      any.add(l);
      return () => void any.delete(l);
    },
    listenerCount: () => any.size + [...byId.values()].reduce((n, s) => n + s.size, 0),
  };
}
