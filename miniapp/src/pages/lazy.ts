import { lazy } from 'react';

// The first screen carries only what home needs; booking and the device check (camera, audio, speed test) load on demand.
const loadBooking = () => import('./booking/booking');

export const Booking = lazy(loadBooking);
export const DeviceCheck = lazy(() => import('./device-check'));

/** Warms the lazy chunks once the first screen is up, so a tap on a weak connection does not wait for code. */
export function prefetchPages(): void {
  void loadBooking();
}
