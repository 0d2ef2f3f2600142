// Nothing here touches PHI: counts, flags and formats only.
export const DOB_FORMAT = 'YYYY-MM-DD';

export function describeQueue(patientCount: number, hasUrgent: boolean): string {
  console.log(`queue has ${patientCount} entries`);
  return hasUrgent ? 'urgent first' : 'in order';
}
