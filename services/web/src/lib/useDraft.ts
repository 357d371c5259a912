import { useCallback, useEffect, useRef, useState } from 'react';

const PREFIX = 'kinerja.draft.';

/**
 * Form state kept on this device until the graph has saved it (WEB.md "Nothing is lost"): a reload
 * or a failed save gives the reader back what they typed. Drafts hold what the person typed, never
 * tokens; `clear()` after a successful save.
 */
export function useDraft<T extends object>(key: string, initial: T) {
  const storageKey = PREFIX + key;
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(storageKey);
      return raw ? { ...initial, ...(JSON.parse(raw) as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });
  const [restored] = useState(() => {
    try {
      return localStorage.getItem(storageKey) !== null;
    } catch {
      return false;
    }
  });
  const dirty = useRef(false);
  useEffect(() => {
    if (!dirty.current) return;
    try {
      localStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      // storage full or disabled: the draft lasts as long as the page
    }
  }, [storageKey, value]);
  const update = useCallback((patch: Partial<T>) => {
    dirty.current = true;
    setValue((v) => ({ ...v, ...patch }));
  }, []);
  const clear = useCallback(() => {
    dirty.current = false;
    try {
      localStorage.removeItem(storageKey);
    } catch {
      // nothing stored
    }
    setValue(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);
  return { value, update, clear, restored };
}
