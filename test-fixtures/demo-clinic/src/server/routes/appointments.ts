import { Router } from 'express';
import { logger } from '../../lib/logger';
import { ICD10_SYSTEM } from '../../shared/types';
import { summarizeVisit } from '../aiSummary';
import { displayName, medplum } from '../fhirClient';

export const appointmentsRouter = Router();

const emailTemplate = 'appointment-reminder-v2';

appointmentsRouter.post('/', async (req, res) => {
  const { patientId, start, reasonCode, reasonText } = req.body;
  const patient = await medplum.readResource('Patient', patientId);
  const appointment = await medplum.createResource({
    resourceType: 'Appointment',
    status: 'booked',
    start,
    reasonCode: [{ coding: [{ system: ICD10_SYSTEM, code: reasonCode }], text: reasonText }], // safe: code-system URL as an identifier; our own FHIR server
    participant: [{ actor: { reference: `Patient/${patient.id}` }, status: 'accepted' }],
  });
  logger.info('appointment booked', { appointmentId: appointment.id, patientId: patient.id }); // safe: logical ids
  logger.info(`Booked ${displayName(patient)} for ${reasonText}`, { diagnosis: reasonCode }); // expect: no-phi-in-logs
  logger.info('reminder queued', { template: emailTemplate, appointmentId: appointment.id }); // safe: a template name
  res.status(201).json({ id: appointment.id });
});

// "Summarize" button on the encounter screen.
appointmentsRouter.post('/:id/summary', async (req, res) => {
  const appointment = await medplum.readResource('Appointment', req.params.id);
  const patientRef = appointment.participant.find((p) => p.actor?.reference?.startsWith('Patient/'));
  const patientId = patientRef?.actor?.reference?.split('/')[1] ?? '';
  const patient = await medplum.readResource('Patient', patientId);
  const summary = await summarizeVisit(displayName(patient), String(req.body.clinicalNotes ?? ''));
  res.json({ summary });
});
