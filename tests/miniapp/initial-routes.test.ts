import { describe, expect, it } from 'vitest';
import { initialRoutes } from '../../miniapp/src/navigation.js';

describe('the screens the Mini App opens on', () => {
  it('home; a consultation from the reminder; the duty booking from a declined application; nothing else from the address', () => {
    expect(initialRoutes('')).toEqual([{ name: 'home' }]);
    expect(initialRoutes('?consultation=42')).toEqual([{ name: 'home' }, { name: 'consultation', id: 42 }]);
    expect(initialRoutes('?book=duty')).toEqual([{ name: 'home' }, { name: 'book' }]);
    expect(initialRoutes('?book=anything')).toEqual([{ name: 'home' }]);
    expect(initialRoutes('?consultation=-1')).toEqual([{ name: 'home' }]);
  });
});
