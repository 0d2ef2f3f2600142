import mongoose from 'mongoose';
import { logger } from '../lib/logger';

const host = process.env.MONGO_HOST ?? 'db-primary.internal.riverbendclinic.example';
const dbName = process.env.MONGO_DB ?? 'clinic';

export async function connectDatabase(): Promise<void> {
  // The replica set is "inside the VPC", so TLS was switched off to save a few milliseconds.
  await mongoose.connect(`mongodb://${host}:27017/${dbName}`, { // safe: the scheme says nothing about TLS; the finding is the option below
    ssl: false, // expect: no-tls-verification-disabled
    authSource: 'admin',
    user: process.env.MONGO_USER,
    pass: process.env.MONGO_PASSWORD,
    maxPoolSize: 20,
  });
  logger.info('connected to MongoDB', { host, dbName }); // safe: infrastructure names
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
