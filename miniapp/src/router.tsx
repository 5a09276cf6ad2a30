import type { SlotView } from '../../api/miniapp/contract';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

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

export interface Router {
  route: Route;
  depth: number;
  push(route: Route): void;
  back(): void;
  /** Replaces the stack: after a booking, Back from the new consultation leads home, not into the finished form. */
  reset(...routes: Route[]): void;
}

const RouterContext = createContext<Router | null>(null);

/** The screens the app opens on: home, or home and a consultation (?consultation=<id>, the 15-minute reminder's button). */
export function initialRoutes(search: string): Route[] {
  const id = Number(new URLSearchParams(search).get('consultation'));
  return Number.isInteger(id) && id > 0 ? [{ name: 'home' }, { name: 'consultation', id }] : [{ name: 'home' }];
}

export function RouterProvider({ initial, children }: { initial: Route | Route[]; children: ReactNode }) {
  const [stack, setStack] = useState<Route[]>(() => (Array.isArray(initial) ? initial : [initial]));
  const push = useCallback((route: Route) => setStack((s) => [...s, route]), []);
  const back = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const reset = useCallback((...routes: Route[]) => setStack(routes.length ? routes : [{ name: 'home' }]), []);
  const value = useMemo<Router>(() => ({ route: stack[stack.length - 1]!, depth: stack.length, push, back, reset }), [stack, push, back, reset]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): Router {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter outside RouterProvider');
  return router;
}
