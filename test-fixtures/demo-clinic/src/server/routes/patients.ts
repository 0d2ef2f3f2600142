import { Router } from 'express';
import { PatientModel } from '../../db/patientModel';
import { httpLog, logger } from '../../lib/logger';
import { maskSsn, redact } from '../../lib/redact';
import { SSN_PATTERN } from '../../shared/types';

export const patientsRouter = Router();

// Front-desk search by last name (a GET: the name ends up in URLs, browser history and proxy logs).
patientsRouter.get('/', async (req, res) => {
  const lastName = String(req.query.lastName ?? ''); // expect: no-phi-in-url
  const patients = await PatientModel.find({ lastName }).limit(50).lean();
  const patientCount = patients.length;
  logger.info('patient search', { patientCount }); // safe: a count
  res.json(patients);
});

patientsRouter.get('/:mrn', async (req, res) => { // expect: no-phi-in-url
  const patient = await PatientModel.findOne({ mrn: req.params.mrn }).lean();
  if (!patient) {
    res.status(404).json({ error: 'Patient not found' });
    return;
  }
  const log = httpLog.child({ mrn: patient.mrn }); // expect: no-phi-in-logs
  log.info('chart opened');
  logger.info('identity check', { patientId: patient._id.toString(), ssn: maskSsn(patient.ssn ?? '') }); // safe: masked by maskSsn
  res.json(patient);
});

// New-patient intake from the portal form.
patientsRouter.post('/', async (req, res) => {
  const { firstName, lastName, dateOfBirth, ssn, email, phone } = req.body;
  if (!SSN_PATTERN.test(ssn)) {
    logger.warn('rejected intake: malformed SSN', { ssn: redact(ssn) }); // safe: redacted
    res.status(400).json({ error: 'SSN must look like 123-45-6789' }); // safe: the textbook sample SSN
    return;
  }
  console.log('new intake', ssn, dateOfBirth); // expect: no-phi-in-logs
  const mrn = `RB${Date.now().toString(36).toUpperCase()}`;
  const patient = await PatientModel.create({ mrn, firstName, lastName, dateOfBirth, ssn, email, phone });
  logger.info('patient created', { id: patient._id.toString() }); // safe: opaque id
  res.status(201).json({ id: patient._id, mrn });
});

// Merge a duplicate chart into the surviving one.
patientsRouter.post('/:mrn/merge', async (req, res) => {
  const [target, duplicate] = await Promise.all([
    PatientModel.findOne({ mrn: req.params.mrn }),
    PatientModel.findOne({ mrn: req.body.duplicateMrn }),
  ]);
  if (!target || !duplicate) {
    res.sendStatus(404);
    return;
  }
  const sameBirthDate = target.dateOfBirth === duplicate.dateOfBirth; // safe: a comparison
  if (!sameBirthDate) {
    throw new Error(`Cannot merge ${duplicate.firstName} ${duplicate.lastName}: date of birth differs`); // expect: no-phi-in-error-message
  }
  await duplicate.deleteOne();
  logger.info('charts merged', { survivor: target._id.toString(), sameBirthDate }); // safe: id and a boolean
  res.json({ mrn: target.mrn });
});
