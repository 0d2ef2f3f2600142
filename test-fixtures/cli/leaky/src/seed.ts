// A fictional SSN literal: whatever PHI Guard reports about it, no report may repeat the value.
export const seedSsn = '512-44-2398';
