import { app } from './app';
import { connectDatabase } from '../db/connection';
import { logger } from '../lib/logger';

// TODO(OPS-142): Prairie's staging certificate expired again; remove once they renew it.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // expect: no-tls-verification-disabled

const port = Number(process.env.PORT ?? 3000);

async function main(): Promise<void> {
  await connectDatabase();
  app.listen(port, () => {
    logger.info(`Clinic API listening on http://localhost:${port}`); // safe: loopback URL in a message
  });
}

main().catch((err: unknown) => {
  logger.error('startup failed', { error: err instanceof Error ? err.name : 'unknown' });
  process.exit(1);
});
