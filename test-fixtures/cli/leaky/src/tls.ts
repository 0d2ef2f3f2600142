import https from 'node:https';

export const labAgent = new https.Agent({ rejectUnauthorized: false }); // expect: no-tls-verification-disabled
