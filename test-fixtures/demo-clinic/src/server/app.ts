import express, { type NextFunction, type Request, type Response } from 'express';
import cors from 'cors';
import session from 'express-session';
import cookieParser from 'cookie-parser';
import { logger } from '../lib/logger';
import { patientsRouter } from './routes/patients';
import { appointmentsRouter } from './routes/appointments';
import { labResultsRouter } from './routes/labResults';
import { authRouter } from './routes/auth';

export const app = express();

app.set('trust proxy', 1);
app.use(express.json({ limit: '1mb' }));
app.use(cookieParser());

// The portal, the kiosk app and the partner dashboard all call this API.
app.use(cors({ origin: '*', credentials: true })); // expect: no-permissive-cors-with-credentials

app.use(
  session({
    name: 'rb.sid',
    secret: process.env.SESSION_SECRET ?? '',
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, secure: false, sameSite: 'lax', maxAge: 30 * 60 * 1000 }, // expect: no-phi-in-cookie
  }),
);

// Request log: added while debugging the intake form, never removed.
app.use((req: Request, _res: Response, next: NextFunction) => {
  logger.debug('incoming request', { method: req.method, path: req.path, body: req.body }); // expect: no-body-logging
  next();
});

app.get('/healthz', (_req, res) => {
  res.json({ ok: true, uptime: process.uptime() });
});

app.use('/api/auth', authRouter);
app.use('/api/patients', patientsRouter);
app.use('/api/appointments', appointmentsRouter);
app.use('/api/lab-results', labResultsRouter);

// Last-resort error handler.
app.use((err: Error, req: Request, res: Response, _next: NextFunction) => {
  logger.error('unhandled error', { name: err.name, path: req.path }); // safe: no message, no body
  res.status(500).send(err.stack); // expect: no-phi-in-error-message
});
