import type { Route } from './navigation';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface Router {
  route: Route;
  depth: number;
  push(route: Route): void;
  back(): void;
  /** Replaces the stack: after a booking, Back from the new consultation leads home, not into the finished form. */
  reset(...routes: Route[]): void;
}

export { initialRoutes, type Route, type RouteName, type RouteOf } from './navigation';

const RouterContext = createContext<Router | null>(null);

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
