import winston from 'winston';
import pino from 'pino';

// Application log. The Datadog agent ships stdout to the central log store,
// where support staff and two contractors can search it.
export const logger = winston.createLogger({
  level: process.env.LOG_LEVEL ?? 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  transports: [new winston.transports.Console()],
});

// Structured request log for the HTTP layer (faster than winston on the hot path).
export const httpLog = pino({ level: process.env.LOG_LEVEL ?? 'info' });

export function requestLogger(requestId: string) {
  return httpLog.child({ requestId }); // safe: a request id is not about a person
}
