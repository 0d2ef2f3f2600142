import { Router } from 'express';
import jwt from 'jsonwebtoken';
import { PatientModel } from '../../db/patientModel';
import { logger } from '../../lib/logger';

export const authRouter = Router();

const JWT_SECRET = process.env.JWT_SECRET ?? '';

// Portal sign-in: MRN + date of birth, then a one-time code by SMS (not shown).
authRouter.post('/login', async (req, res) => {
  const { mrn, dateOfBirth } = req.body;
  const patient = await PatientModel.findOne({ mrn }).lean();
  const matches = Boolean(patient) && patient?.dateOfBirth === dateOfBirth; // safe: a comparison
  if (!patient || !matches) {
    logger.warn('portal login failed', { reason: patient ? 'dob-mismatch' : 'unknown-mrn' }); // safe: a reason code
    res.status(401).json({ error: 'We could not verify those details.' });
    return;
  }
  const token = jwt.sign({ sub: patient._id.toString(), role: 'patient' }, JWT_SECRET, { expiresIn: '30m' }); // safe: opaque subject
  res.cookie('rb_session', token, { httpOnly: true, secure: true, sameSite: 'strict' }); // safe: opaque token, secure cookie
  res.cookie('mrn', patient.mrn, { httpOnly: true, secure: true, maxAge: 90 * 24 * 3600 * 1000 }); // expect: no-phi-in-cookie
  res.json({ ok: true });
});

// Link in the "your records are ready" email; the records service checks the SSN before release.
authRouter.post('/records-link', async (req, res) => {
  const patient = await PatientModel.findById(req.body.patientId).lean();
  if (!patient) {
    res.sendStatus(404);
    return;
  }
  const ssn = patient.ssn;
  const linkToken = jwt.sign({ sub: patient._id.toString(), ssn }, JWT_SECRET, { expiresIn: '7d' }); // expect: no-phi-in-jwt
  res.json({ token: linkToken, expiresInDays: 7 });
});
