import { lazy, type ComponentType } from 'react';
import { Consultation } from './pages/consultation';
import { Consultations } from './pages/consultations';
import { Home } from './pages/home';
import type { RouteName, RouteOf } from './router';

// The first screen carries only what home needs; booking and the device check (camera, audio, speed test) load on demand.
const Booking = lazy(() => import('./pages/booking'));
const DeviceCheck = lazy(() => import('./pages/device-check'));

export const routes: { [N in RouteName]: ComponentType<{ route: RouteOf<N> }> } = {
  home: Home,
  consultations: Consultations,
  consultation: Consultation,
  book: Booking,
  reschedule: Booking,
  'device-check': DeviceCheck,
};

/** Warms the lazy chunks once the first screen is up, so a tap on a weak connection does not wait for code. */
export function prefetchRoutes(): void {
  void import('./pages/booking');
}
