import type { SlotView } from '../../api/miniapp/contract.js';

/** Every screen and what it needs. The stack lives in memory: Telegram shows no address bar, and BackButton pops. */
export type Route =
  | { name: 'home' }
  | { name: 'consultations' }
  | { name: 'consultation'; id: number; notice?: 'booked' | 'rescheduled' }
  /** `slot`: a time tapped on the home screen, so the form starts at video or audio. */
  | { name: 'book'; slot?: SlotView }
  | { name: 'reschedule'; id: number }
  | { name: 'device-check' };

export type RouteName = Route['name'];
export type RouteOf<N extends RouteName> = Extract<Route, { name: N }>;

/**
 * The screens the app opens on: home, or home and a consultation (?consultation=<id>, the 15-minute reminder's button),
 * or home and the duty booking (?book=duty, the button under a declined application).
 */
export function initialRoutes(search: string): Route[] {
  const query = new URLSearchParams(search);
  const id = Number(query.get('consultation'));
  if (Number.isInteger(id) && id > 0) return [{ name: 'home' }, { name: 'consultation', id }];
  return query.get('book') === 'duty' ? [{ name: 'home' }, { name: 'book' }] : [{ name: 'home' }];
}
