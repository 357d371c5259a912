import { act, renderHook } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { useDraft } from './useDraft';

describe('useDraft: what was typed survives a reload until saved', () => {
  test('a new page (a remount) gets the typed values back and says it restored them', () => {
    const first = renderHook(() => useDraft('goal-new-p1', { title: '', target: '' as number | '' }));
    expect(first.result.current.restored).toBe(false);
    act(() => first.result.current.update({ title: 'Menyusun laporan' }));
    first.unmount();
    const second = renderHook(() => useDraft('goal-new-p1', { title: '', target: '' as number | '' }));
    expect(second.result.current.value).toEqual({ title: 'Menyusun laporan', target: '' });
    expect(second.result.current.restored).toBe(true);
  });

  test('clear() after a save forgets the draft; an untouched form stores nothing', () => {
    const a = renderHook(() => useDraft('realization-g1', { value: 1 }));
    expect(localStorage.getItem('kinerja.draft.realization-g1')).toBeNull();
    act(() => a.result.current.update({ value: 7 }));
    expect(JSON.parse(localStorage.getItem('kinerja.draft.realization-g1') ?? '{}')).toEqual({ value: 7 });
    act(() => a.result.current.clear());
    expect(localStorage.getItem('kinerja.draft.realization-g1')).toBeNull();
    expect(a.result.current.value).toEqual({ value: 1 });
  });

  test('drafts of different forms do not mix', () => {
    const a = renderHook(() => useDraft('a', { x: '' }));
    act(() => a.result.current.update({ x: 'satu' }));
    const b = renderHook(() => useDraft('b', { x: '' }));
    expect(b.result.current.value.x).toBe('');
  });
});
