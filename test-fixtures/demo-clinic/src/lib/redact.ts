// The one place that turns PHI into something safe to log, display or send to a vendor.
// Listed as sanitizers in .phi-guard.json.

const REDACTED = '[REDACTED]';

export function redact(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  return REDACTED;
}

/** "***-**-4172": enough for the front desk to confirm identity on the phone. */
export function maskSsn(ssn: string): string {
  const lastFour = ssn.replace(/\D/g, '').slice(-4); // safe: stays inside the masking helper
  return `***-**-${lastFour}`;
}

/** "a***@example.org" */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at < 1) return REDACTED;
  return `${email.charAt(0)}***${email.slice(at)}`;
}
