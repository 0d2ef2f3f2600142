import type { Row } from './types';

export function audit(row: Row): void {
  console.log('row', row);
}
