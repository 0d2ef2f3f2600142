import { AnalyticsBrowser } from '@segment/analytics-next';
import * as Sentry from '@sentry/react';
import type { Patient } from '../shared/types';

// Neither Segment nor Sentry has signed a BAA with the clinic.
export const analytics = AnalyticsBrowser.load({ writeKey: process.env.NEXT_PUBLIC_SEGMENT_WRITE_KEY ?? '' });

Sentry.init({ // expect: no-phi-to-third-party
  dsn: process.env.NEXT_PUBLIC_SENTRY_DSN,
  tracesSampleRate: 0.2,
  sendDefaultPii: false,
});

export function identifyPatient(patient: Patient): void {
  Sentry.setUser({ id: patient.id, email: patient.email }); // expect: no-phi-to-third-party
}

export function trackPageView(page: string): void {
  analytics.page(page); // safe: a route name
}

export function trackLabResultViewed(diagnosis: string): void {
  analytics.track('Lab Result Viewed', { page: 'lab-results', diagnosis }); // expect: no-phi-to-third-party
}

export function trackIntakeCompleted(hasAllergy: boolean, stepCount: number): void {
  analytics.track('Intake Completed', { hasAllergy, stepCount }); // safe: a flag and a count
}
