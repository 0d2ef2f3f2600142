import https from 'node:https';
import axios from 'axios';
import { Router } from 'express';
import { logger } from '../../lib/logger';
import type { LabResult } from '../../shared/types';

export const labResultsRouter = Router();

// Northwind Labs' legacy results feed ("TLS is on the roadmap for Q3").
async function fetchNorthwindResults(orderId: string): Promise<LabResult[]> {
  const { data } = await axios.get<LabResult[]>(`http://results.northwind-labs.example/api/v2/orders/${orderId}`); // expect: no-cleartext-transport
  return data;
}

// Prairie Diagnostics uses a certificate from their own CA; we never installed it.
const prairieAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: false }); // expect: no-tls-verification-disabled

async function fetchPrairieResults(orderId: string): Promise<LabResult[]> {
  const url = `https://api.prairie-diagnostics.example/v1/orders/${orderId}/results`; // safe: https
  const { data } = await axios.get<LabResult[]>(url, { httpsAgent: prairieAgent, timeout: 10_000 });
  return data;
}

function isCritical(result: LabResult): boolean {
  return result.flag === 'HH' || result.flag === 'LL';
}

labResultsRouter.get('/orders/:orderId', async (req, res) => {
  const { orderId } = req.params;
  const lab = req.query.lab === 'northwind' ? 'northwind' : 'prairie';
  const results = lab === 'northwind' ? await fetchNorthwindResults(orderId) : await fetchPrairieResults(orderId);
  logger.info('lab results fetched', { orderId, lab, count: results.length }); // safe: order id, lab name, count

  for (const result of results.filter(isCritical)) {
    logger.warn('critical lab value', { chartNo: result.chartNo, test: result.testName, value: result.value }); // expect: no-phi-in-logs
  }
  const hasCritical = results.some(isCritical);
  logger.info('critical check done', { orderId, hasCritical }); // safe: a boolean
  res.json({ results, hasCritical });
});
