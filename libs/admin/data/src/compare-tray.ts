import { useSyncExternalStore } from 'react';
import { COMPARISON_MAX_PROGRAMS, type ProgramView } from '@advisordesk/shared';

/** A program picked for comparison, with enough to name it before its details load. */
export type TrayItem = Pick<ProgramView, 'id' | 'name' | 'universityName'>;

const KEY = 'advisordesk.compare';
const listeners = new Set<() => void>();
let cache: TrayItem[] | null = null;

function read(): TrayItem[] {
  if (cache) return cache;
  try {
    const parsed = JSON.parse(globalThis.sessionStorage?.getItem(KEY) ?? '[]');
    cache = Array.isArray(parsed) ? parsed.filter((i) => i && typeof i.id === 'string').slice(0, COMPARISON_MAX_PROGRAMS) : [];
  } catch {
    cache = [];
  }
  return cache ?? [];
}

function write(items: TrayItem[]) {
  cache = items.slice(0, COMPARISON_MAX_PROGRAMS);
  try {
    globalThis.sessionStorage?.setItem(KEY, JSON.stringify(cache));
  } catch {
    // storage blocked: the tray still lives in memory for this page
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The programs picked for comparison from the lists and program pages, up to five, kept for this
 * tab (sessionStorage, like the session itself) so picking can span several searches.
 */
export function useCompareTray() {
  const items = useSyncExternalStore(subscribe, read, read);
  const has = (id: string) => items.some((i) => i.id === id);
  return {
    items,
    ids: items.map((i) => i.id),
    has,
    full: items.length >= COMPARISON_MAX_PROGRAMS,
    toggle(item: TrayItem) {
      if (has(item.id)) write(items.filter((i) => i.id !== item.id));
      else if (items.length < COMPARISON_MAX_PROGRAMS) write([...items, { id: item.id, name: item.name, universityName: item.universityName }]);
    },
    remove(id: string) {
      write(items.filter((i) => i.id !== id));
    },
    replace(next: TrayItem[]) {
      write(next);
    },
    clear() {
      write([]);
    },
  };
}
