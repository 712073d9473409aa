// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useBlankableName } from '../../../designer/src/inspector/use-blankable-name.js';

describe('useBlankableName', () => {
  it('shows a cleared box without passing the blank on, then passes retyped text', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useBlankableName('Sales', onChange));
    act(() => result.current.change(''));
    expect(result.current.shown).toBe('');
    expect(result.current.isBlank).toBe(true);
    expect(onChange).not.toHaveBeenCalled();
    act(() => result.current.change('S'));
    expect(onChange).toHaveBeenCalledWith('S');
    expect(result.current.isBlank).toBe(false);
  });

  it('shows the kept name again when left blank', () => {
    const { result } = renderHook(() => useBlankableName('Sales', () => undefined));
    act(() => result.current.change('   '));
    act(() => result.current.reset());
    expect(result.current.shown).toBe('Sales');
  });
});
