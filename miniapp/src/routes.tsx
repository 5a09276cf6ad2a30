import type { ComponentType } from 'react';
import { Consultation } from './pages/consultation';
import { Consultations } from './pages/consultations';
import { Home } from './pages/home';
import { Booking, DeviceCheck } from './pages/lazy';
import type { RouteName, RouteOf } from './router';

export const routes: { [N in RouteName]: ComponentType<{ route: RouteOf<N> }> } = {
  home: Home,
  consultations: Consultations,
  consultation: Consultation,
  book: Booking,
  reschedule: Booking,
  'device-check': DeviceCheck,
};
