export function redact(value: unknown): string {
  return value === undefined ? '' : '[redacted]';
}
