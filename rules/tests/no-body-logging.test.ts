import { runRuleTests } from './rule-tester';

runRuleTests('no-body-logging', {
  valid: [
    // an interceptor's error handler that logs the status and message of a failed call, not the error whole
    "import axios from 'axios';\nconst api = axios.create();\napi.interceptors.response.use((response) => response, (error) => { console.error('call failed', error.response?.status, error.message, error.config.url); return Promise.reject(error); });",
    // serverless event logging (issue 9): a handler that reads no PHI from its event and returns none, the PHI
    // fields listed in `omitPaths`, `logEvent: false`, a custom logger that drops what it is handed, an account
    // handler reading its user's e-mail, `logEventIfEnabled(event, false)`, and a test of the handler
    "import middy from '@middy/core';\nimport inputOutputLogger from '@middy/input-output-logger';\nimport { Logger } from '@aws-lambda-powertools/logger';\nimport { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nconst logger = new Logger();\nasync function status(event: APIGatewayProxyEvent) { const id = event.pathParameters?.prescriptionId; return { statusCode: 200, body: JSON.stringify({ id }) }; }\nexport const handler = middy(status).use(inputOutputLogger()).use(injectLambdaContext(logger, { logEvent: true }));",
    "import middy from '@middy/core';\nimport inputOutputLogger from '@middy/input-output-logger';\nimport { Logger } from '@aws-lambda-powertools/logger';\nimport { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nconst logger = new Logger();\nasync function list(event: APIGatewayProxyEvent) { const nhsNumber = event.queryStringParameters?.nhsNumber; return { statusCode: 204, body: String(nhsNumber?.length) }; }\nexport const handler = middy(list).use(inputOutputLogger({ omitPaths: ['event.queryStringParameters.nhsNumber'] }));\nexport const other = middy(list).use(inputOutputLogger({ omitPaths: ['event.queryStringParameters'], mask: '***' }));",
    "import middy from '@middy/core';\nimport inputOutputLogger from '@middy/input-output-logger';\nimport { Logger } from '@aws-lambda-powertools/logger';\nimport { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nconst logger = new Logger();\nasync function list(event: APIGatewayProxyEvent) { const nhsNumber = event.queryStringParameters?.nhsNumber; return { statusCode: 204, body: String(nhsNumber?.length) }; }\nexport const handler = middy(list).use(injectLambdaContext(logger, { logEvent: false, clearState: true })).use(inputOutputLogger({ logger: () => undefined }));",
    "import middy from '@middy/core';\nimport inputOutputLogger from '@middy/input-output-logger';\nimport { Logger } from '@aws-lambda-powertools/logger';\nimport { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nconst logger = new Logger();\nasync function changeEmail(event: APIGatewayProxyEvent) { const { email } = JSON.parse(event.body ?? '{}'); return { statusCode: 204, body: String(email.length) }; }\nexport const handler = middy(changeEmail).use(inputOutputLogger());",
    "import middy from '@middy/core';\nimport inputOutputLogger from '@middy/input-output-logger';\nimport { Logger } from '@aws-lambda-powertools/logger';\nimport { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nconst logger = new Logger();\nexport async function handler(event: APIGatewayProxyEvent) { logger.logEventIfEnabled(event, false); const dateOfBirth = event.queryStringParameters?.dateOfBirth; return { statusCode: 204, body: String(dateOfBirth?.length) }; }",
    { code: "import middy from '@middy/core';\nimport inputOutputLogger from '@middy/input-output-logger';\nimport { Logger } from '@aws-lambda-powertools/logger';\nimport { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nconst logger = new Logger();\nasync function list(event: APIGatewayProxyEvent) { const nhsNumber = event.queryStringParameters?.nhsNumber; return { statusCode: 204, body: String(nhsNumber?.length) }; }\nexport const handler = middy(list).use(inputOutputLogger());", filename: 'src/list.test.ts' },
    {"name": "`request.payload` outside a hapi server (a decoded token's payload, a Redux action's)", "filename": "src/auth.ts", "code": "declare const request: { payload: { sub: string } };\nexport function audit() {\n  console.log('token payload', request.payload);\n}"},
    // a browser's CSP violation report is about the page, not a person (regression: a report-uri endpoint)
    "import express from 'express';\nconst app = express();\napp.post('/report-violation', (req, res) => {\n  console.log('CSP violation', req.body);\n  res.sendStatus(204);\n});",
    // parts, counts and sanitised forms of a body alias are not the whole body (regression: bench corpus)
    "declare const logger: any; declare function redact(v: unknown): string;\nexport function update(req: any) {\n  const { version, ...patch } = req.body;\n  logger.info('u', { fields: Object.keys(patch).length });\n  logger.info('u', { note: redact(patch.clinicalNotes) });\n  logger.info('u', { version });\n}",
    // counts, lengths and booleans derived from a body are not the body (issue 10)
    "declare const req: any; declare const logger: any;\nlogger.debug('fields: ' + Object.keys(req.body).length);\nlogger.debug(`size ${JSON.stringify(req.body).length}`);\nlogger.debug('has body', !!req.body, typeof req.body, req.body === undefined);\nlogger.debug({ empty: Object.keys(req.body).length === 0, present: Boolean(req.body) });\nlogger.debug(req.body ? 'with body' : 'without body', req.body && 'body set');",
    "declare const logger: any;\nexport function save(req: any) {\n  const answers = req.body;\n  logger.info(`answers: ${Object.keys(answers).length}`, Array.isArray(answers), answers.length);\n}",
    "import axios from 'axios';\naxios.interceptors.request.use((config) => { console.log('payload bytes', JSON.stringify(config.data).length, !!config.data); return config; });",
    // switches that are off, size limits and redaction lists
    { code: '{ "logging": { "logRequestBody": false, "logBodyMaxLength": 1, "redactBody": true } }', filename: 'config/production.json' },
    { code: '{ "http": { "skipBodyLogging": true, "excludeBody": true } }', filename: 'config/app.json' },
    // a body switch outside any logging section (an API client option, an OpenAPI generator flag)
    { code: '{ "client": { "includeBody": true }, "openapi": { "requestBody": true } }', filename: 'config/app.json' },
    // Elastic APM with body capture off
    { code: '{ "apm": { "captureBody": "off" } }', filename: 'config/app.json' },
    // express-winston without the body
    { code: '{ "requestWhitelist": ["url", "method", "httpVersion"], "bodyBlacklist": ["ssn"], "bodyWhitelist": [] }', filename: 'logging.json' },
    "import expressWinston from 'express-winston';\nexpressWinston.requestWhitelist.push('headers');\nexpressWinston.logger({ requestWhitelist: ['url', 'method'] });",
    // morgan formats without a body token; route patterns that only look like tokens
    "import morgan from 'morgan';\nmorgan(':method :url :status :response-time ms');\nmorgan('combined');",
    "const route = '/notes/:body';\nconst other = 'token :payload only';",
    "import morgan from 'morgan';\nmorgan.token('request-id', (req: any) => req.id);",
    // logging a field of the body is no-phi-in-logs' business; logging metadata is fine
    "declare const req: any; declare const res: any;\nconsole.log(req.method, req.url, res.statusCode, req.body.length === 0);",
    "declare const req: any; declare const logger: any;\nlogger.info({ route: req.route.path, bodyBytes: req.headers['content-length'] });",
    // not a logger
    "declare const req: any; declare const db: any;\ndb.insert(req.body);\nres.json(req.body);",
    // an axios interceptor that logs method and URL only
    "import axios from 'axios';\naxios.interceptors.request.use((config) => { console.log(config.method, config.url); return config; });",
    // pino serializers that drop the body
    "import pino from 'pino';\npino({ serializers: { req: (req: any) => ({ method: req.method, url: req.url }) } });",
    // inbound payloads (issue 9): metadata, sizes and ids of a payload are not the payload
    "import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';\nexport async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {\n  const body = JSON.parse(event.body ?? '{}');\n  console.log(event.requestContext.requestId, event.httpMethod, event.path, event.body?.length, body.visitId, Object.keys(body).length);\n  return { statusCode: 204, body: '' };\n}",
    // a module entry that never reads a body (a scheduled job, a queue trigger) is not handed a client's payload
    "exports.handler = async (event, context) => {\n  console.log('tick', event, context.awsRequestId);\n};",
    // a handler whose payload holds only ids and flags (what it reads from it, or its schema, says so)
    "import type { APIGatewayProxyResult } from 'aws-lambda';\ninterface FunctionInput { headers: Record<string, string>; body: string | null; secrets: unknown }\ndeclare function wrapHandler(name: string, fn: (input: FunctionInput) => Promise<APIGatewayProxyResult>): unknown;\ndeclare function validateRequestParameters(input: FunctionInput): { appointmentId: string; secrets: unknown };\nexport const index = wrapHandler('get-wait-status', async (input: FunctionInput) => {\n  console.log(`Input: ${JSON.stringify(input)}`);\n  const { appointmentId, secrets } = validateRequestParameters(input);\n  console.log('validated', appointmentId, !!secrets);\n  return { statusCode: 200, body: '' };\n});",
    "import { initTRPC } from '@trpc/server';\nimport { z } from 'zod';\nconst t = initTRPC.create();\ndeclare const logger: any;\nexport const appRouter = t.router({\n  archive: t.procedure.input(z.object({ eventId: z.string(), force: z.boolean() })).mutation(({ input }) => { logger.info('archiving', input); }),\n});",
    // a handler about the workforce: the person in its payload is a staff member
    { code: "import type { APIGatewayProxyResult } from 'aws-lambda';\ninterface FunctionInput { headers: Record<string, string>; body: string | null }\ndeclare function wrapHandler(name: string, fn: (input: FunctionInput) => Promise<APIGatewayProxyResult>): unknown;\ndeclare function validateRequestParameters(input: FunctionInput): { firstName: string; birthDate: string; npi: string };\nexport const index = wrapHandler('update-user', async (input: FunctionInput) => {\n  const validated = validateRequestParameters(input);\n  console.log('validated', JSON.stringify(validated));\n  const { firstName, birthDate, npi } = validated;\n  return { statusCode: 200, body: JSON.stringify({ firstName, birthDate, npi }) };\n});", filename: 'src/ehr/update-user/index.ts' },
    // a serverless handler that reads records (its payload is the ids it is asked for), and writes of the workforce's,
    // the organisation's or a catalogue's data: their payloads are not a patient's record
    { code: "import type { APIGatewayProxyResult } from 'aws-lambda';\ninterface FunctionInput { headers: Record<string, string>; body: string | null; secrets: unknown }\ndeclare function wrapHandler(name: string, fn: (input: FunctionInput) => Promise<APIGatewayProxyResult>): unknown;\nimport { validateRequestParameters } from './validateRequestParameters';\nexport const index = wrapHandler('zambda', async (input: FunctionInput) => {\n  console.log(`Input: ${JSON.stringify(input)}`);\n  const validated = validateRequestParameters(input);\n  console.debug('validated', JSON.stringify(validated));\n  return { statusCode: 200, body: String(!!validated.secrets) };\n});", filename: 'src/ehr/get-chart-data/index.ts' },
    // a write whose handler only takes ids out of its payload builds its record on the server (`create-discharge-summary` from an appointment id)
    { code: "import type { APIGatewayProxyResult } from 'aws-lambda';\ninterface FunctionInput { headers: Record<string, string>; body: string | null; secrets: unknown }\ndeclare function wrapHandler(name: string, fn: (input: FunctionInput) => Promise<APIGatewayProxyResult>): unknown;\nimport { validateRequestParameters } from './validateRequestParameters';\nexport const index = wrapHandler('zambda', async (input: FunctionInput) => {\n  console.log(`Input: ${JSON.stringify(input)}`);\n  const validated = validateRequestParameters(input);\n  console.debug('validated', JSON.stringify(validated));\n  return { statusCode: 200, body: String(!!validated.secrets) };\n});", filename: 'src/ehr/create-discharge-summary/index.ts' },
    { code: "import type { APIGatewayProxyResult } from 'aws-lambda';\ninterface FunctionInput { headers: Record<string, string>; body: string | null; secrets: unknown }\ndeclare function wrapHandler(name: string, fn: (input: FunctionInput) => Promise<APIGatewayProxyResult>): unknown;\nimport { validateRequestParameters } from './validateRequestParameters';\nexport const index = wrapHandler('zambda', async (input: FunctionInput) => {\n  console.log(`Input: ${JSON.stringify(input)}`);\n  const validated = validateRequestParameters(input);\n  console.debug('validated', JSON.stringify(validated));\n  return { statusCode: 200, body: String(!!validated.secrets) };\n});", filename: 'src/ehr/schedules/create-schedule/index.ts' },
    { code: "import type { APIGatewayProxyResult } from 'aws-lambda';\ninterface FunctionInput { headers: Record<string, string>; body: string | null; secrets: unknown }\ndeclare function wrapHandler(name: string, fn: (input: FunctionInput) => Promise<APIGatewayProxyResult>): unknown;\nimport { validateRequestParameters } from './validateRequestParameters';\nexport const index = wrapHandler('zambda', async (input: FunctionInput) => {\n  console.log(`Input: ${JSON.stringify(input)}`);\n  const validated = validateRequestParameters(input);\n  console.debug('validated', JSON.stringify(validated));\n  return { statusCode: 200, body: String(!!validated.secrets) };\n});", filename: 'src/ehr/update-user/index.ts' },
    { code: "import type { APIGatewayProxyResult } from 'aws-lambda';\ninterface FunctionInput { headers: Record<string, string>; body: string | null; secrets: unknown }\ndeclare function wrapHandler(name: string, fn: (input: FunctionInput) => Promise<APIGatewayProxyResult>): unknown;\nimport { validateRequestParameters } from './validateRequestParameters';\nexport const index = wrapHandler('zambda', async (input: FunctionInput) => {\n  console.log(`Input: ${JSON.stringify(input)}`);\n  const validated = validateRequestParameters(input);\n  console.debug('validated', JSON.stringify(validated));\n  return { statusCode: 200, body: String(!!validated.secrets) };\n});", filename: 'src/ehr/configuration/medications/create-medication/index.ts' },
    { code: "import type { APIGatewayProxyResult } from 'aws-lambda';\ninterface FunctionInput { headers: Record<string, string>; body: string | null; secrets: unknown }\ndeclare function wrapHandler(name: string, fn: (input: FunctionInput) => Promise<APIGatewayProxyResult>): unknown;\nimport { validateRequestParameters } from './validateRequestParameters';\nexport const index = wrapHandler('zambda', async (input: FunctionInput) => {\n  console.log(`Input: ${JSON.stringify(input)}`);\n  const validated = validateRequestParameters(input);\n  console.debug('validated', JSON.stringify(validated));\n  return { statusCode: 200, body: String(!!validated.secrets) };\n});", filename: 'src/ehr/update-approved-patient-education-codes/index.ts' },
    // a function that only takes an `event` (a DOM or emitter event) is not a handler of requests
    "export function onClick(event: any) { console.log('clicked', event); }",
    // a tRPC resolver without a declared input, and one that logs the input's id
    "import { initTRPC } from '@trpc/server';\nimport { z } from 'zod';\nconst t = initTRPC.create();\ndeclare const logger: any;\nexport const appRouter = t.router({\n  health: t.procedure.query(({ ctx }) => { logger.info('health', ctx); return 'ok'; }),\n  close: t.procedure.input(z.object({ visitId: z.string() })).mutation(({ input }) => { logger.info('closing', input.visitId); }),\n});",
    // socket messages that do not write a record, and a write message logged by its collection name
    "export function attach(socket: any) {\n  socket.on('loadRetro', (options: unknown) => console.log('retro', options));\n  socket.on('dbAdd', (data: any) => console.log('dbAdd', data.collection));\n  socket.on('dbUpdateUnset', (data: any) => console.log('unset', data));\n}",
    // a boolean validator and a number parser do not hand the payload back
    "declare const ajv: any; declare const logger: any;\nexport function check(req: any) {\n  const valid = ajv.validate('visit', req.body);\n  const count = parseInt(req.body, 10);\n  logger.info('valid', valid, count);\n}",
    // a test of a serverless handler logs its fixture event
    { code: "import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport function handler(event: APIGatewayProxyEvent) { console.log(event); }", filename: 'src/handlers/intake.test.ts' },
    // tRPC loggerLink only in development, or only in the test/storybook branch
    "import { createTRPCClient, httpBatchLink, loggerLink } from '@trpc/client';\nexport const a = createTRPCClient({ links: [loggerLink({ enabled: () => process.env.NODE_ENV === 'development' }), httpBatchLink({ url: '/api' })] });\nexport const b = createTRPCClient({ links: [loggerLink({ enabled: () => import.meta.env.DEV }), loggerLink({ enabled: false })] });\nexport function testClient() {\n  if (import.meta.env.MODE === 'test') return createTRPCClient({ links: [loggerLink()] });\n  return undefined;\n}",
    // a fetch body is not logging
    "fetch('/api', { method: 'POST', body: JSON.stringify({ a: 1 }) });",
    // helpers of a request body that hand back a part, a count or an id are not the body (issue 9)
    {
      name: 'a helper that returns a field, a count or a serialised length of the body',
      filename: 'src/server/errors.ts',
      code: "import Hapi from '@hapi/hapi';\nfunction visitOf(request: Hapi.Request) { return (request.payload as any).visitId; }\nfunction sizeOf(request: Hapi.Request) { return JSON.stringify(request.payload).length; }\nfunction fieldCount(req: any) { return Object.keys(req.body).length; }\nexport function onPreResponse(request: Hapi.Request, h: Hapi.ResponseToolkit) {\n  request.logger.warn({ visit: visitOf(request), bytes: sizeOf(request), fields: fieldCount(request) }, 'failed');\n  return h.continue;\n}",
    },
    {
      name: 'a local logging helper handed something other than a body',
      filename: 'src/server/validate.ts',
      code: "import Hapi from '@hapi/hapi';\nfunction send(payload: unknown, logger: any) { logger.debug({ payload }, 'sending'); }\nexport function check(request: Hapi.Request) {\n  send({ kind: 'ping' }, request.logger);\n  send(request.params.id, request.logger);\n}",
    },
    {
      name: "the app's own accounts and staff: login, password and staff routes log credentials or a staff profile (issue 9)",
      filename: 'src/server/accounts.js',
      code: "const express = require('express');\nconst app = express();\nconst bodyOf = (req) => req.body;\napp.post('/login', (req, res) => { logger.warn('failed login', req.body); });\napp.post('/users/:id/password', (req, res) => { logger.info('password change', bodyOf(req)); });\napp.put('/staff/:id', function updateStaffMember(req, res) { logger.debug(req.body); });",
    },
    // inbound messages (issue 9): a queue of clinic schedules, a bucket object whose fields are a job's settings,
    // fields of a patient message logged one by one (ids and counts), an event's bucket and key
    {
      name: 'an SQS handler for clinic records, and one that logs only the ids and counts it reads from a patient message',
      code: "import type { SQSEvent } from 'aws-lambda';\nexport const clinics = async (event: SQSEvent) => {\n  for (const record of event.Records) {\n    const clinic = JSON.parse(record.body);\n    console.info('clinic update', record.body, clinic.ClinicName, clinic.Address);\n  }\n};",
    },
    {
      name: 'a bucket object holding a job configuration; a patient file whose bucket and key alone are logged',
      filename: 'src/jobs/handler.js',
      code: "import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';\nconst s3 = new S3Client();\nexport const handler = async (event) => {\n  const { bucket, object } = event.Records[0].s3;\n  const response = await s3.send(new GetObjectCommand({ Bucket: bucket.name, Key: object.key }));\n  const text = await response.Body.transformToString();\n  const settings = JSON.parse(text);\n  console.log('loaded', text, settings.batchSize, settings.schedule);\n  console.log('from', bucket.name, object.key);\n};",
    },
    {
      name: 'a payload helper in a test file',
      filename: 'src/server/errors.test.ts',
      code: "import Hapi from '@hapi/hapi';\nfunction getPayload(request: Hapi.Request) { return request.payload; }\nexport function onError(request: Hapi.Request) { request.logger.error({ payload: getPayload(request) }); }",
    },
    // consumers of a message broker (r13): what another system published, logged whole when the file reads a person's record from it
    {
      name: "a Kafka consumer of a topic whose messages are job statuses (no patient field read)",
      filename: "src/jobs/consumer.js",
      code: "const { Kafka } = require('kafkajs');\nconst consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'jobs' });\nconsumer.run({\n  eachMessage: async ({ topic, message }) => {\n    console.log('received', message.value.toString());\n    const job = JSON.parse(message.value.toString());\n    await markDone(job.jobId, job.status);\n  },\n});",
    },
    {
      name: "a socket's 'message' listener in a file that uses no broker client: not a consumed message",
      filename: "src/server/socket.js",
      code: "import { WebSocketServer } from 'ws';\nconst wss = new WebSocketServer({ port: 8080 });\nwss.on('connection', (ws) => ws.on('message', (data) => {\n  const update = JSON.parse(data.data);\n  console.log('update', data.data, update.patientName);\n}));",
    },
    {
      name: "a Kafka message's key, offset and headers logged, not its value",
      filename: "src/consumer.ts",
      code: "import { Kafka } from 'kafkajs';\nconst consumer = new Kafka({ brokers: [] }).consumer({ groupId: 'g' });\nconsumer.run({ eachMessage: async ({ message }) => {\n  const record = JSON.parse(message.value!.toString());\n  console.log('offset', message.offset, message.key?.toString(), record.dateOfBirth ? 'dated' : 'undated');\n} });",
    },
    // a received payload passed on by an HTTP client whose error is logged (r13)
    {
      name: "a forwarded request body whose failure is logged by its message and status only",
      filename: "src/routes/forward.js",
      code: "import axios from 'axios';\nexport async function forward(req, res) {\n  try {\n    await axios.post('https://registry.example.org/api/records', req.body);\n  } catch (error) {\n    console.error('forward failed', error.message, error.response?.status);\n  }\n}",
    },
    {
      name: "a failed request whose body the code built itself (a job id), logged whole",
      filename: "src/jobs/notify.js",
      code: "import axios from 'axios';\nexport async function notify(jobId) {\n  try {\n    await axios.post('https://jobs.example.org/done', { jobId });\n  } catch (error) {\n    console.error('notify failed', error);\n  }\n}",
    },
  ],
  invalid: [
    // a received payload passed on by an HTTP client whose error is logged whole (r13)
    {
      name: "a client's request body forwarded with axios; the whole error, which keeps it in config.data, is logged (r13)",
      filename: "src/routes/forward.js",
      code: "import axios from 'axios';\nexport async function forward(req, res) {\n  try {\n    await axios.post('https://registry.example.org/api/records', req.body);\n  } catch (error) {\n    console.error('forward failed', error);\n  }\n}",
      errors: [{ line: 6, column: 37 }],
    },
    {
      name: "a parsed request body forwarded by a client instance, its failure logged in a promise's catch (r13)",
      filename: "src/routes/relay.ts",
      code: "import axios from 'axios';\nconst registry = axios.create({ baseURL: 'https://registry.example.org' });\nexport function relay(req: any) {\n  const entry = JSON.parse(req.body.toString());\n  return registry.put('/entries', entry).catch((err) => logger.error({ err }, 'relay failed'));\n}",
      errors: [{ line: 5, column: 72 }],
    },
    // consumers of a message broker (r13): Kafka, AMQP, a parameter typed with the library's message type
    {
      name: "a kafkajs eachMessage handler logs the published value whole; the fields it reads by path name a person's record",
      filename: "src/certify/main.js",
      code: "const { Kafka } = require('kafkajs');\nconst R = require('ramda');\nconst consumer = new Kafka({ brokers: ['kafka:9092'] }).consumer({ groupId: 'certify' });\nconsumer.run({\n  eachMessage: async ({ topic, message }) => {\n    console.log({ value: message.value.toString(), topic });\n    let parsed = {};\n    parsed = JSON.parse(message.value.toString());\n    await issue(R.pathOr('', ['recipient', 'name'], parsed), R.path(['recipient', 'birthDate'], parsed));\n  },\n});",
      errors: [{ line: 6, column: 26 }],
    },
    {
      name: "a named eachMessage handler taking the payload apart; the parsed message's body is logged",
      filename: "src/consumer.js",
      code: "import { Kafka } from 'kafkajs';\nconst consumer = new Kafka({ brokers: [] }).consumer({ groupId: 'g' });\nasync function handle(payload) {\n  const { message } = payload;\n  const parsed = JSON.parse(message.value.toString());\n  const body = parsed.body;\n  console.log('payload', JSON.stringify(body));\n  return body.dateOfBirth;\n}\nconsumer.run({ eachMessage: handle });",
      errors: [{ line: 7, column: 41 }],
    },
    {
      name: "an amqplib consume callback logs the message content; the handler reads a diagnosis from it",
      filename: "src/queue/results.js",
      code: "import amqp from 'amqplib';\nexport async function listen(channel) {\n  await channel.consume('lab-results', (msg) => {\n    const result = JSON.parse(msg.content.toString());\n    logger.info('received ' + msg.content.toString());\n    store(result.patientId, result.diagnosis);\n  });\n}",
      errors: [{ line: 5, column: 31 }],
    },
    {
      name: "a parameter typed with kafkajs's message type, its value parsed for an NHS number",
      filename: "src/workers.ts",
      code: "import type { KafkaMessage } from 'kafkajs';\nexport async function processMessage(topic: string, message: KafkaMessage) {\n  const text = message.value?.toString() ?? '';\n  const event = JSON.parse(text);\n  console.info('event', text);\n  return event.nhsNumber;\n}",
      errors: [{ line: 5, column: 25 }],
    },
    {
      name: 'an SQS record body about a patient, logged whole and parsed (issue 9)',
      code: "import type { SQSEvent } from 'aws-lambda';\nexport const handler = async (event: SQSEvent) => {\n  for (const record of event.Records) {\n    const message = JSON.parse(record.body);\n    console.info('received', record.body);\n    const { dateOfBirth } = message.patient;\n    if (!dateOfBirth) console.error('bad message', message);\n  }\n};",
      errors: [{ line: 5, column: 30 }, { line: 7, column: 52 }],
    },
    {
      name: "an S3 object read by the file's helper and logged by another function: the fields it reads name a patient (issue 9)",
      filename: 'src/results/handler.js',
      code: "import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';\nconst s3 = new S3Client();\nexport const readFromBucket = async (bucket, key) => {\n  const response = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));\n  return response.Body.transformToString();\n};\nexport const handler = async (event) => {\n  const text = await readFromBucket('results', event.Records[0].s3.object.key);\n  const nhsNumber = JSON.parse(text)['NhsNumber'];\n  await save(text, nhsNumber);\n};\nasync function save(text, id) {\n  console.log(`saved item: ${text}`);\n}",
      errors: [{ line: 13, column: 30 }],
    },
    {
      name: 'an SNS message of a patient topic, read from the first record',
      code: "export const handler = async (event: any) => {\n  const record = event.Records[0];\n  const notification = JSON.parse(record.Sns.Message);\n  console.log('notification', notification, notification.diagnosis);\n};",
      errors: [{ line: 4, column: 31 }],
    },
    {
      name: "an interceptor's error handler that serialises the axios error (its config keeps the request body)",
      code: "import axios from 'axios';\nconst api = axios.create();\napi.interceptors.response.use((response) => response, (error) => {\n  console.error({ failure: error.toJSON(), status: error.response?.status });\n  console.warn('config', error.config);\n  return Promise.reject(error);\n});",
      errors: [{ line: 4, column: 28 }, { line: 5, column: 26 }],
    },
    {
      name: 'middy input-output-logger and Powertools logEvent around handlers that read PHI from the event or return it (issue 9)',
      code: "import middy from '@middy/core';\nimport inputOutputLogger from '@middy/input-output-logger';\nimport { Logger } from '@aws-lambda-powertools/logger';\nimport { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nconst logger = new Logger();\ndeclare function find(nhsNumber: string): Promise<unknown[]>;\nconst lambdaHandler = async (event: APIGatewayProxyEvent) => {\n  const nhsNumber = event.queryStringParameters?.nhsNumber;\n  return { statusCode: 200, body: JSON.stringify(await find(nhsNumber ?? '')) };\n};\nexport const handler = middy(lambdaHandler)\n  .use(injectLambdaContext(logger, { logEvent: true }))\n  .use(inputOutputLogger({ logger: (request) => logger.info('request', { request }) }));\nasync function search(event: APIGatewayProxyEvent, deps: { logger: Logger }) {\n  const qs = event.queryStringParameters ?? {};\n  const familyName = required(qs, 'familyName');\n  const dateOfBirth = qs['dateOfBirth'];\n  return { statusCode: 200, body: JSON.stringify({ familyName, dateOfBirth }) };\n}\ndeclare function required(params: object, key: string): string;\nexport const searchHandler = middy((event: APIGatewayProxyEvent) => search(event, { logger })).use(inputOutputLogger({ omitPaths: ['event.queryStringParameters.familyName'] }));",
      errors: [
        { line: 13, column: 8, message: '`logEvent: true` logs the whole Lambda event of every invocation, which for this handler holds NHS number' },
        // reported where the custom logger writes the request it is handed
        { line: 14, column: 72, kinds: ['nhs-number'] },
        { line: 22, column: 100, message: 'logs the whole Lambda event and response of every invocation' },
      ],
    },
    {
      name: 'the Powertools decorator and logEventIfEnabled in a handler whose body carries clinical data',
      code: "import middy from '@middy/core';\nimport inputOutputLogger from '@middy/input-output-logger';\nimport { Logger } from '@aws-lambda-powertools/logger';\nimport { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nconst logger = new Logger();\nclass Lambda {\n  @logger.injectLambdaContext({ logEvent: true })\n  public async handler(event: APIGatewayProxyEvent) {\n    const { diagnosis } = JSON.parse(event.body ?? '{}');\n    return { statusCode: 201, body: String(diagnosis.length) };\n  }\n}\nexport const lambda = new Lambda();\nexport async function intake(event: APIGatewayProxyEvent) {\n  logger.logEventIfEnabled(event);\n  const allergies = JSON.parse(event.body ?? '{}').allergies;\n  return { statusCode: 201, body: String(allergies.length) };\n}",
      errors: [{ line: 8, column: 4, kinds: ['diagnosis'] }, { line: 16, column: 3, kinds: ['allergy'] }],
    },
    {
      name: "middy 5's `middy().use(…).handler(fn)` chain",
      code: "import middy from '@middy/core';\nimport inputOutputLogger from '@middy/input-output-logger';\nimport { Logger } from '@aws-lambda-powertools/logger';\nimport { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nconst logger = new Logger();\nexport const handler = middy().use(inputOutputLogger()).handler(async (event: APIGatewayProxyEvent) => {\n  const { dateOfBirth } = event.queryStringParameters ?? {};\n  return { statusCode: 204, body: String(dateOfBirth?.length) };\n});",
      errors: [{ line: 7, column: 36, kinds: ['date-of-birth'] }],
    },
    {
      name: 'a handler imported from another module, in a lambda filed for patients: medium',
      filename: 'packages/patientLookupLambda/src/index.ts',
      code: "import middy from '@middy/core';\nimport inputOutputLogger from '@middy/input-output-logger';\nimport { lambdaHandler } from './handler';\nexport const handler = middy((event: unknown) => lambdaHandler(event, {})).use(inputOutputLogger());",
      errors: [{ line: 4, column: 80, kinds: ['patient-record'] }],
    },
    {
      name: 'hapi: an onPreResponse extension logs what a local helper returns of request.payload (issue 9)',
      filename: 'src/utils/server-extensions.ts',
      code: "import Hapi from '@hapi/hapi';\nexport function onPreResponse(request: Hapi.Request, h: Hapi.ResponseToolkit) {\n  if ((request.response as any).statusCode >= 400) {\n    request.logger.warn({ requestPayload: payloadOf(request) }, 'error response');\n  }\n  return h.continue;\n}\nfunction payloadOf(request: Hapi.Request) {\n  if (request.payload instanceof Buffer) return request.payload.toString();\n  return request.payload ?? {};\n}",
      errors: [{ line: 4, column: 43, message: 'payloadOf(request)' }],
    },
    {
      name: 'Express error middleware logs the body through a helper and as a serialised copy (issue 9)',
      filename: 'src/app.js',
      code: "const express = require('express');\nconst app = express();\nconst bodyOf = (req) => req.body;\napp.use((err, req, res, next) => {\n  const text = JSON.stringify(bodyOf(req));\n  logger.error('request failed', text);\n  logger.error(err.message, bodyOf(req));\n  next(err);\n});",
      errors: [{ line: 6, column: 34 }, { line: 7, column: 29 }],
    },
    {
      name: 'a patient route under an auth-named router still logs a patient body',
      filename: 'src/server/routes.js',
      code: "const express = require('express');\nconst app = express();\napp.post('/auth/patients/register', (req, res) => { logger.info('registering', req.body); });",
      errors: [{ line: 3, column: 80 }],
    },
    {
      name: 'a local helper handed the payload logs it (issue 9)',
      filename: 'src/routes/util.ts',
      code: "import Hapi from '@hapi/hapi';\ntype Payload = string | object | Buffer;\nasync function sendToValidator(payload: Payload, logger: any) {\n  logger.debug({ payload }, 'sending to validator');\n}\nexport async function validate(request: Hapi.Request) {\n  const payload = request.app.parsed ?? request.payload;\n  await sendToValidator(payload as Payload, request.logger);\n}",
      errors: [{ line: 4, column: 18 }],
    },
    {"name": "hapi: a route handler and an error extension log request.payload whole", "filename": "src/server-extensions.ts", "code": "import Hapi from '@hapi/hapi';\nexport function register(server: Hapi.Server, logger: any) {\n  server.route({ method: 'POST', path: '/prescriptions', handler: (request: Hapi.Request, h: Hapi.ResponseToolkit) => {\n    request.logger.info({ payload: request.payload }, 'received');\n    return h.response().code(202);\n  } });\n  server.ext('onPreResponse', (request, h) => {\n    const body = request.payload;\n    logger.error('failed request', body);\n    return h.continue;\n  });\n}", "errors": [{"line": 4, "column": 36}, {"line": 9, "column": 36}]},
    {
      name: 'a report route of the app (not a browser report) still logs a body',
      code: "import express from 'express';\nconst app = express();\napp.post('/reports/lab', (req, res) => {\n  console.log('lab report', req.body);\n  res.sendStatus(204);\n});",
      errors: [{ line: 4, column: 29 }],
    },
    {
      name: 'a variable holding the whole request body (regression: a screening-questionnaire route on real code)',
      code: "export function save(req: any) {\n  const questionnaireData = req.body;\n  console.log(questionnaireData);\n}",
      errors: [{ line: 3, column: 15 }],
    },
    {
      name: 'explicit body-logging switches in JSON config, in any environment',
      code: '{\n  "logging": { "logRequestBody": true, "logResponseBody": "true" },\n  "http": { "logBody": true },\n  "LOG_PAYLOAD": "1"\n}',
      filename: 'config/development.json',
      errors: [
        { line: 2, column: 16, message: '`logRequestBody` turns on logging of request or response bodies' },
        { line: 2, column: 40 },
        { line: 3, column: 13 },
        { line: 4, column: 3 },
      ],
      output: null,
    },
    {
      name: 'requestBody under a logging section and bodyLogging',
      code: '{ "accessLog": { "requestBody": true }, "bodyLogging": "on" }',
      filename: 'config/app.json',
      errors: [{ line: 1, column: 18, message: '`requestBody`' }, { line: 1, column: 41 }],
    },
    {
      name: 'Elastic APM captures bodies',
      code: '{ "apm": { "captureBody": "all" } }',
      filename: 'config/apm.json',
      errors: [{ line: 1, column: 12, message: '`captureBody` sends request bodies' }],
    },
    {
      name: 'express-winston request whitelist and body whitelist in JSON',
      code: '{ "requestWhitelist": ["url", "method", "body"], "bodyWhitelist": ["patientId"] }',
      filename: 'logging.json',
      errors: [{ line: 1, column: 41, message: 'adds the request body' }, { line: 1, column: 50, message: '`bodyWhitelist`' }],
    },
    {
      name: 'express-winston in code: push and options',
      code: "import expressWinston from 'express-winston';\nexpressWinston.requestWhitelist.push('body');\nexpressWinston.responseWhitelist.push('body');\nexport const mw = expressWinston.logger({ requestWhitelist: ['url', 'body'] });",
      errors: [
        { line: 2, column: 1, message: 'request body' },
        { line: 3, column: 1, message: 'response body' },
        { line: 4, column: 69 },
      ],
    },
    {
      name: 'morgan with a body token and the token definition',
      code: "import morgan from 'morgan';\nmorgan.token('body', (req: any) => JSON.stringify(req.body));\napp.use(morgan(':method :url :status :body'));",
      errors: [
        { line: 2, column: 1, message: 'morgan token `body`' },
        { line: 3, column: 16, message: '`:body`' },
      ],
    },
    {
      name: 'morgan token with another name that reads the body, and a format kept in a constant',
      code: "import morgan from 'morgan';\nmorgan.token('data', (req: any) => JSON.stringify(req.body));\nconst FORMAT = ':req-body';\napp.use(morgan(FORMAT));",
      errors: [{ line: 2, column: 1 }, { line: 4, column: 16, message: '`:req-body`' }],
    },
    {
      name: 'a morgan format in JSON config',
      code: '{ "morgan": { "format": ":method :url :status :res-body" } }',
      filename: 'config/app.json',
      errors: [{ line: 1, column: 25 }],
    },
    {
      name: 'logging the whole request body',
      code: "import express from 'express';\nconst app = express();\napp.post('/patients', (req, res) => {\n  console.log('new patient', JSON.stringify(req.body));\n  logger.debug({ body: req.body });\n  res.sendStatus(201);\n});",
      errors: [
        { line: 4, column: 45, message: 'Logging the whole `req.body`' },
        { line: 5, column: 24 },
      ],
    },
    {
      name: 'the whole body through a conditional, a fallback, a cast or an await (issue 10: only counts and booleans are spared)',
      code: "declare const req: any; declare const logger: any;\nlogger.debug(req.body ? req.body : 'none');\nlogger.debug('body', req.body || {});\nlogger.debug({ body: req.body as unknown });\nexport async function f(request: any) { logger.info(await request.body); }",
      errors: [{ line: 2, column: 25 }, { line: 3, column: 22 }, { line: 4, column: 22 }, { line: 5, column: 59 }],
    },
    {
      name: 'Koa ctx.request.body and a Lambda event.body in a template',
      code: "declare const ctx: any; declare const event: any;\nctx.log.info(ctx.request.body);\nconsole.info(`event ${event.body}`);",
      errors: [{ line: 2, column: 14 }, { line: 3, column: 23 }],
    },
    {
      name: 'body switches in code options',
      code: "import pinoHttp from 'pino-http';\nconst httpLogger = createHttpLogger({ logRequestBody: true, includeBody: true });\nexport const opts = { logging: { responseBody: true } };",
      errors: [{ line: 2, column: 39 }, { line: 2, column: 61, message: '`includeBody`' }, { line: 3, column: 34 }],
    },
    {
      name: 'pino-http serializer that copies the body',
      code: "import pinoHttp from 'pino-http';\nexport const mw = pinoHttp({\n  serializers: { req: (req: any) => ({ method: req.method, body: req.raw.body }) },\n});",
      errors: [{ line: 3, column: 18, message: 'The `req` log serializer copies the body' }],
    },
    {
      name: 'an API Gateway event logged whole, its parsed body and a schema-validated copy (issue 9)',
      code: "import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';\nimport { z } from 'zod';\nconst Intake = z.object({ diagnosis: z.string() });\ndeclare const logger: any; declare function saveComplaint(diagnosis: string): Promise<void>;\nexport async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {\n  console.log('event', JSON.stringify(event));\n  const body = JSON.parse(event.body ?? '{}');\n  logger.info('body', body);\n  const intake = Intake.parse(body);\n  logger.debug(`intake ${JSON.stringify(intake)}`);\n  await saveComplaint(intake.diagnosis);\n  return { statusCode: 201, body: '' };\n}",
      errors: [
        { line: 6, column: 39, message: 'Logging the whole `event` writes the payload a client sent this handler' },
        { line: 8, column: 23 },
        { line: 10, column: 41 },
      ],
    },
    {
      name: 'serverless handlers known by their declared handler type, their result type, or a message-shaped input of a handler wrapper',
      code: "import type { APIGatewayProxyHandler, APIGatewayProxyResult } from 'aws-lambda';\ninterface FunctionInput { headers: Record<string, string>; body: string | null; secrets: unknown }\ndeclare function wrapHandler(name: string, fn: (input: FunctionInput) => Promise<APIGatewayProxyResult>): unknown;\ndeclare function validateRequestParameters(input: FunctionInput): { answers: unknown };\nexport const intake: APIGatewayProxyHandler = async (ev) => { console.log(ev); return { statusCode: 204, body: JSON.parse(ev.body ?? '{}').dateOfBirth }; };\nexport const index = wrapHandler('save-answers', async (input: FunctionInput) => {\n  console.log(`Input: ${JSON.stringify(input)}`);\n  console.error('body', input.body);\n  const validated = validateRequestParameters(input);\n  console.log('validated', validated, validated.allergies ? 'with allergies' : 'none');\n  console.log(input.secrets ? 'with secrets' : 'none', input.headers);\n  return { statusCode: 200, body: '' };\n});",
      errors: [{ line: 5, column: 75 }, { line: 7, column: 40 }, { line: 8, column: 25 }, { line: 10, column: 28 }],
    },
    {
      name: 'a serverless handler whose module is named for writing a patient\'s records: its payload is the record, whatever fields the handler reads itself',
      code: "import type { APIGatewayProxyResult } from 'aws-lambda';\ninterface FunctionInput { headers: Record<string, string>; body: string | null; secrets: unknown }\ndeclare function performEffect(v: unknown): Promise<void>;\ndeclare function wrapHandler(name: string, fn: (input: FunctionInput) => Promise<APIGatewayProxyResult>): unknown;\nimport { validateRequestParameters } from './validateRequestParameters';\nexport const index = wrapHandler('zambda', async (input: FunctionInput) => {\n  console.log(`Input: ${JSON.stringify(input)}`);\n  const validated = validateRequestParameters(input);\n  console.debug('validated', JSON.stringify(validated));\n  await performEffect(validated);\n  return { statusCode: 200, body: String(!!validated.secrets) };\n});",
      filename: 'src/ehr/save-chart-data/index.ts',
      errors: [{ line: 7, column: 40 }, { line: 9, column: 45 }],
    },
    {
      name: 'a write handler named by its folder and file: a bare verb takes the folder above, a camelCase file its own name',
      code: "import type { APIGatewayProxyResult } from 'aws-lambda';\ninterface FunctionInput { headers: Record<string, string>; body: string | null; secrets: unknown }\ndeclare function performEffect(v: unknown): Promise<void>;\ndeclare function wrapHandler(name: string, fn: (input: FunctionInput) => Promise<APIGatewayProxyResult>): unknown;\nimport { validateRequestParameters } from './validateRequestParameters';\nexport const index = wrapHandler('zambda', async (input: FunctionInput) => {\n  console.log(`Input: ${JSON.stringify(input)}`);\n  const validated = validateRequestParameters(input);\n  console.debug('validated', JSON.stringify(validated));\n  await performEffect(validated);\n  return { statusCode: 200, body: String(!!validated.secrets) };\n});",
      filename: 'src/ehr/patient-account/update/index.ts',
      errors: [{ line: 7, column: 40 }, { line: 9, column: 45 }],
    },
    {
      name: 'a write handler in a camelCase file named for a clinical record',
      code: "import type { APIGatewayProxyResult } from 'aws-lambda';\ninterface FunctionInput { headers: Record<string, string>; body: string | null; secrets: unknown }\ndeclare function performEffect(v: unknown): Promise<void>;\ndeclare function wrapHandler(name: string, fn: (input: FunctionInput) => Promise<APIGatewayProxyResult>): unknown;\nimport { validateRequestParameters } from './validateRequestParameters';\nexport const index = wrapHandler('zambda', async (input: FunctionInput) => {\n  console.log(`Input: ${JSON.stringify(input)}`);\n  const validated = validateRequestParameters(input);\n  console.debug('validated', JSON.stringify(validated));\n  await performEffect(validated);\n  return { statusCode: 200, body: String(!!validated.secrets) };\n});",
      filename: 'lambdas/updateVisitDetails.ts',
      errors: [{ line: 7, column: 40 }, { line: 9, column: 45 }],
    },
    {
      name: 'an untyped Lambda entry that reads its event body',
      code: "exports.handler = async (event) => {\n  console.log('received', event);\n  const visit = JSON.parse(event.body);\n  console.log(visit);\n  return { statusCode: 200, body: visit.allergies.length };\n};",
      filename: 'src/handler.js',
      errors: [{ line: 2, column: 27 }, { line: 4, column: 15 }],
    },
    {
      name: 'Next.js, Azure Functions and Fastify route handlers',
      code: "declare const logger: any;\nexport async function POST(request: Request) {\n  const referral = await request.json();\n  logger.info('referral', referral);\n  return new Response(null, { status: 201 });\n}\nexport default async function intake(context: any, req: any) {\n  context.log('intake', req.body);\n}\nexport function register(fastify: any) {\n  fastify.post('/visits', async (request: any) => { request.log.info(request.body); });\n}",
      errors: [{ line: 4, column: 27 }, { line: 8, column: 25 }, { line: 11, column: 70 }],
    },
    {
      name: 'a tRPC procedure input logged whole, destructured or read from the options',
      code: "import { initTRPC } from '@trpc/server';\nimport { z } from 'zod';\nconst t = initTRPC.create();\ndeclare const logger: any; declare const searchSchema: any; declare function find(name: string): unknown[];\nexport const appRouter = t.router({\n  register: t.procedure.input(z.object({ birthDate: z.string() })).mutation(({ input }) => { logger.info('registering', input); }),\n  search: t.procedure.input(searchSchema).query((opts) => { logger.debug({ search: opts.input }); return find(opts.input.patientName); }),\n});",
      errors: [{ line: 6, column: 121 }, { line: 7, column: 84 }],
    },
    {
      name: 'a socket message that writes a record, logged whole',
      code: "module.exports = function attach(io) {\n  io.on('connection', function (socket) {\n    socket.on('dbAdd', function (data, callback) {\n      console.log('dbAdd data: ', data);\n      callback({ result: 'ok' });\n    });\n  });\n};",
      filename: 'lib/server/sockets.js',
      errors: [{ line: 4, column: 35 }],
    },
    {
      name: 'tRPC loggerLink on in production: unfiltered, or for failed operations (tRPC\'s own template included)',
      code: "import { createTRPCClient, httpBatchLink, loggerLink } from '@trpc/client';\nexport const a = createTRPCClient({ links: [loggerLink(), httpBatchLink({ url: '/api' })] });\nexport const b = createTRPCClient({ links: [loggerLink({ enabled: (op) => op.direction === 'down' && op.result instanceof Error })] });\nexport const c = createTRPCClient({ links: [loggerLink({ enabled: (opts) => process.env.NODE_ENV === 'development' || (opts.direction === 'down' && opts.result instanceof Error) })] });",
      errors: [
        { line: 2, column: 45, message: 'tRPC `loggerLink` is on outside development: it prints every operation with its input' },
        { line: 3, column: 45, message: 'for failed operations' },
        { line: 4, column: 45, message: 'for failed operations' },
      ],
    },
    {
      name: 'axios interceptors that log the payload',
      code: "import axios from 'axios';\naxios.interceptors.request.use((config) => {\n  console.debug('outgoing', config.data);\n  return config;\n});\naxios.interceptors.response.use((response) => {\n  logger.info(response);\n  return response;\n});",
      errors: [
        { line: 3, column: 29, message: 'logs the request payload' },
        { line: 7, column: 15, message: 'logs the response payload' },
      ],
    },
  ],
});

describe('no-body-logging: input-output-logger in a middleware list, around step-function handlers whose event headers carry a patient identifier', () => {
  const prelude = [
    "import middy from '@middy/core';",
    "import inputOutputLogger from '@middy/input-output-logger';",
    "import { Logger } from '@aws-lambda-powertools/logger';",
    'const logger = new Logger();',
  ];
  const factory = [
    'export const wrap = (fn: (event: StepEvent) => Promise<unknown>, list: middy.MiddlewareObj[]) => {',
    '  const wrapped = middy(fn);',
    '  for (const m of list) wrapped.use(m);',
    '  return wrapped;',
    '};',
  ];
  runRuleTests('no-body-logging', {
    valid: [
      // the headers the handler reads are trace ids only
      [...prelude, 'type StepEvent = { headers: Record<string, string> };',
        'export const stepHandler = async (event: StepEvent) => ({ traceId: event.headers[\'x-request-id\'] });',
        'export const MIDDLEWARE = [inputOutputLogger({ logger: (request) => logger.info(\'in\', { request }) }) as middy.MiddlewareObj];',
        ...factory].join('\n'),
      // the NHS number header is read from a map no handler takes from its event
      [...prelude, 'type StepEvent = { body: string };',
        'export const stepHandler = async (event: StepEvent) => ({ size: event.body.length });',
        'export function spineHeaders(headers: Record<string, string>) { return headers[\'x-nhs-number\']; }',
        'export const MIDDLEWARE = [inputOutputLogger({ logger: (request) => logger.info(\'in\', { request }) }) as middy.MiddlewareObj];',
        ...factory].join('\n'),
      // a custom logger that logs only what it picks from the request
      [...prelude, 'type StepEvent = { headers: Record<string, string> };',
        'export const stepHandler = async (event: StepEvent) => ({ ok: !!event.headers[\'x-nhs-number\'] });',
        'export const MIDDLEWARE = [inputOutputLogger({ logger: (request) => logger.info(\'in\', { id: request.context?.awsRequestId }) }) as middy.MiddlewareObj];',
        ...factory].join('\n'),
    ],
    invalid: [
      {
        name: "the handler reads the patient's NHS number header from its event; the list's logger writes the whole request",
        code: [...prelude, "const SUBJECT_HEADER = 'x-nhsd-subject-nhs-number';", 'type StepEvent = { headers: Record<string, string | undefined> };',
          'export const stepHandler = async (event: StepEvent) => lookUp(event.headers);',
          'function lookUp(headers: Record<string, string | undefined>) { return { found: !!headers[SUBJECT_HEADER] }; }',
          'export const MIDDLEWARE = {',
          '  io: inputOutputLogger({',
          '    logger: (request) => {',
          "      logger.info('inputOutputLogger request', { request });",
          '    },',
          '  }) as middy.MiddlewareObj,',
          '};',
          ...factory].join('\n'),
        errors: [{ line: 12, column: 48, kinds: ['nhs-number'] }],
      },
    ],
  });
});

describe('no-body-logging: input-output-logger around a step-function handler whose event type carries a FHIR bundle', () => {
  const prelude = [
    "import middy from '@middy/core';",
    "import inputOutputLogger from '@middy/input-output-logger';",
    "import type { Bundle } from 'fhir/r4';",
    "import { lambdaResponse } from './responses';",
  ];
  runRuleTests('no-body-logging', {
    valid: [
      // the event carries trace ids and a count; the response a status
      [...prelude, 'type TraceEvent = { traceIds: Record<string, string>; retries: number };',
        'export async function lambdaHandler(event: TraceEvent) { return lambdaResponse(200, event.retries, event.traceIds); }',
        'export const handler = middy(lambdaHandler).use(inputOutputLogger());'].join('\n'),
      // a bundle typed event whose bundle field the file omits from the log
      [...prelude, 'type EnrichEvent = { fhir: Bundle };',
        'export async function lambdaHandler(event: EnrichEvent) { const size = event.fhir.total; return { statusCode: 200, size }; }',
        "export const handler = middy(lambdaHandler).use(inputOutputLogger({ omitPaths: ['event', 'response'] }));"].join('\n'),
    ],
    invalid: [
      {
        name: 'the event holds a prescriptions bundle, and the response a helper builds from it',
        code: [...prelude, 'type EnrichEvent = { fhir: Bundle; traceIds: Record<string, string> };',
          'export async function lambdaHandler(event: EnrichEvent) {',
          '  const bundle = event.fhir;',
          '  return lambdaResponse(200, bundle, event.traceIds);',
          '}',
          'export const handler = middy(lambdaHandler).use(inputOutputLogger());'].join('\n'),
        errors: [{ line: 10, column: 49, message: 'logs the whole Lambda event and response of every invocation', kinds: ['patient-record'] }],
      },
      {
        name: "a custom logger writes the request and the response on lines of their own: each is reported there",
        code: [...prelude, "import { Logger } from '@aws-lambda-powertools/logger';", 'const logger = new Logger();',
          'type EnrichEvent = { fhir: Bundle };',
          'export async function lambdaHandler(event: EnrichEvent) { return lambdaResponse(200, event.fhir); }',
          'export const handler = middy(lambdaHandler).use(inputOutputLogger({',
          '  logger: (request) => {',
          '    const response = (request as { response?: unknown })?.response;',
          "    if (response === undefined) logger.info('request', { request });",
          "    else logger.debug('response', { response });",
          '  },',
          '}));'].join('\n'),
        errors: [
          { line: 12, column: 56, message: 'logs the whole Lambda event of every invocation', kinds: ['patient-record'] },
          { line: 13, column: 35, message: 'logs the whole Lambda response of every invocation', kinds: ['patient-record'] },
        ],
      },
    ],
  });
});

describe('no-body-logging: an interceptor error that is not the client\'s own (round 11)', () => {
  runRuleTests('no-body-logging', {
    valid: [
      // after `if (isAxiosError(error))` the other branches hold a plain Error or an unknown value: no request in it
      "import axios, { isAxiosError } from 'axios';\ndeclare const logger: any;\nconst api = axios.create();\napi.interceptors.response.use((r) => r, (error) => {\n  if (isAxiosError(error)) logger.error('client error', error.message);\n  else if (error instanceof Error) logger.error('error', { error });\n  else logger.error('unknown', { error });\n  return Promise.reject(error);\n});",
      "import axios from 'axios';\naxios.interceptors.response.use((r) => r, (error) => { if (!axios.isAxiosError(error)) console.error(error); return Promise.reject(error); });",
    ],
    invalid: [
      {
        name: "near miss: the client's own error logged whole, in its branch",
        code: "import axios, { isAxiosError } from 'axios';\ndeclare const logger: any;\nconst api = axios.create();\napi.interceptors.response.use((r) => r, (error) => {\n  if (isAxiosError(error)) logger.error('client error', { error });\n  return Promise.reject(error);\n});",
        errors: [{ line: 5, column: 59 }],
      },
    ],
  });
});

describe('no-body-logging: log levels the production configuration visibly drops (round 16)', () => {
  const loggerModule = "const pino = require('pino');\nmodule.exports = pino({ level: process.env.LOG_LEVEL || 'info' });\n";
  runRuleTests('no-body-logging', {
    valid: [
      // the request body at debug through a logger whose production level is info (imported), or through a debug namespace DEBUG leaves off
      { code: "const logger = require('./logger');\nexports.create = (req, res) => { logger.debug('payload', req.body); res.sendStatus(201); };", filename: 'src/routes.js', workspace: { 'src/logger.js': loggerModule }, environment: { NODE_ENV: ['production'] } },
      { code: "const debug = require('debug')('api:routes');\nexports.create = (req, res) => { debug('payload %O', req.body); res.sendStatus(201); };", filename: 'src/routes.js', environment: { DEBUG: ['api:db'] } },
    ],
    invalid: [
      {
        name: 'near miss: the same body at info, and at debug when the shipped environment sets the level to debug',
        code: "const logger = require('./logger');\nexports.create = (req, res) => {\n  logger.info('payload', req.body);\n  logger.debug('payload', req.body);\n  res.sendStatus(201);\n};",
        filename: 'src/routes.js',
        workspace: { 'src/logger.js': loggerModule },
        environment: { LOG_LEVEL: ['debug'] },
        errors: [{ line: 3, column: 26 }, { line: 4, column: 27 }],
      },
      {
        name: 'a level defaulted from an environment variable when the repository ships no environment at all: the operator decides',
        code: "const logger = require('./logger');\nexports.create = (req, res) => { logger.debug('payload', req.body); res.sendStatus(201); };",
        filename: 'src/routes.js',
        workspace: { 'src/logger.js': loggerModule },
        errors: [{ line: 2, column: 58 }],
      },
    ],
  });
});

describe('no-body-logging: console methods the app silences (round 16)', () => {
  runRuleTests('no-body-logging', {
    valid: [
      { code: "exports.create = (req, res) => { console.log('payload', req.body); res.sendStatus(201); };", filename: 'src/routes.js', silencedConsole: ['log'] },
    ],
    invalid: [
      {
        name: 'near miss: console.error is not silenced; console.log is when the app silences nothing',
        code: "exports.create = (req, res) => {\n  console.error('payload', req.body);\n  res.sendStatus(201);\n};",
        filename: 'src/routes.js',
        silencedConsole: ['log', 'warn'],
        errors: [{ line: 2, column: 28 }],
      },
      {
        name: 'near miss: console.log when the app silences nothing',
        code: "exports.create = (req, res) => { console.log('payload', req.body); res.sendStatus(201); };",
        filename: 'src/routes.js',
        errors: [{ line: 1, column: 57 }],
      },
    ],
  });
});

describe('no-body-logging: logging infrastructure that logs every command or response (round 18)', () => {
  runRuleTests('no-body-logging', {
    valid: [
      // a command listener that logs the command's name, duration and request id only
      "import { MongoClient } from 'mongodb';\ndeclare const logger: any;\nconst client = new MongoClient('mongodb://db/clinic', { monitorCommands: true });\nclient.on('commandStarted', (event) => logger.info('mongo command', { name: event.commandName, id: event.requestId }));\nclient.on('commandSucceeded', (event) => logger.info('mongo done', event.commandName, event.duration));",
      // a connector observer that logs the command's name and timing, not its parameters
      "declare const app: any;\napp.dataSources.db.connector.observe('before execute', function (ctx: any, next: () => void) {\n  app.logger.debug(`running ${ctx.req.command} on ${ctx.model}`);\n  next();\n});",
      // a listener of another event whose payload is not a command; a failed command's event holds no command document
      "declare const client: any; declare const logger: any;\nclient.on('commandFailed', (event: any) => logger.warn('mongo command failed', { event }));",
      "declare const client: any; declare const logger: any;\nclient.on('serverHeartbeatFailed', (event: any) => logger.warn('heartbeat failed', event));",
      // mongoose debug only in development, or off
      "import mongoose from 'mongoose';\nif (process.env.NODE_ENV === 'development') mongoose.set('debug', true);\nmongoose.set('debug', false);\nmongoose.set('strictQuery', true);",
      "import mongoose from 'mongoose';\nmongoose.set('debug', process.env.NODE_ENV !== 'production');",
      // a mongoose debug printer that logs the collection and method names only
      "import mongoose from 'mongoose';\ndeclare const logger: any;\nmongoose.set('debug', (collection: string, method: string) => logger.info(`${collection}.${method}`));",
      // a response wrapper that logs the status and timing, not the body
      "declare const logger: any;\nexport function timing(req: any, res: any, next: () => void) {\n  const send = res.send;\n  res.send = function (body: unknown) {\n    logger.info(req.method, req.originalUrl, res.statusCode, typeof body);\n    return send.call(this, body);\n  };\n  next();\n}",
      // a record built from a body's metadata only
      "declare const logger: any;\nexport function access(req: any) {\n  const entry = { url: req.originalUrl, bytes: JSON.stringify(req.body).length, fields: Object.keys(req.body) };\n  logger.info('access', entry);\n}",
      // a Nest pipe of one scalar route argument, and an Angular pipe (display values)
      "import { Injectable, PipeTransform } from '@nestjs/common';\n@Injectable()\nexport class ParseIdPipe implements PipeTransform<string, number> {\n  transform(value: string) { console.log('id', value); return Number(value); }\n}",
      "import { Pipe, PipeTransform } from '@angular/core';\n@Pipe({ name: 'upper' })\nexport class UpperPipe implements PipeTransform {\n  transform(value: any) { console.log(value); return String(value).toUpperCase(); }\n}",
      // morgan-body with both bodies turned off; plain morgan
      "import express from 'express';\nimport morganBody from 'morgan-body';\nconst app = express();\nmorganBody(app, { logRequestBody: false, logResponseBody: false });",
      // a wrapper of something that is not a response
      "declare const logger: any; declare const socket: any;\nsocket.send = function (frame: unknown) { logger.info('frame', frame); };",
    ],
    invalid: [
      {
        name: 'MongoDB command monitoring logs each event whole',
        code: "import { MongoClient } from 'mongodb';\ndeclare const logger: any;\nconst client = new MongoClient('mongodb://db/clinic', { monitorCommands: true });\nclient.on('commandStarted', (event) => {\n  logger.info('mongo command', { event });\n});\nclient.on('commandSucceeded', (event) => logger.info('reply', JSON.stringify(event.reply)));",
        errors: [{ message: 'logs every database command', line: 5, column: 34 }, { message: 'logs every database command', line: 7, column: 78 }],
      },
      {
        name: 'command listeners logging through the project\'s own log function',
        code: "const { MongoClient } = require('mongodb');\nconst { logInfo } = require('./logging');\nconst client = new MongoClient('mongodb://db/clinic', { monitorCommands: true });\nclient.on('commandStarted', (event) => {\n  logInfo('mongo command', { event });\n});",
        errors: [{ message: 'logs every database command', line: 5, column: 30 }],
      },
      {
        name: 'a connector observer logs every command with its parameters',
        code: "declare const app: any;\napp.dataSources.db.connector.observe('before execute', function (ctx: any, next: () => void) {\n  app.logger.debug(`running ${ctx.req.command}: ${JSON.stringify(ctx.req.params)}`);\n  next();\n});",
        errors: [{ message: 'logs every database command', line: 3, column: 66 }],
      },
      {
        name: 'a mongoose debug printer logs each query and its documents',
        code: "import mongoose from 'mongoose';\ndeclare const logger: any;\nmongoose.set('debug', (collection: string, method: string, query: unknown, doc: unknown) => logger.info('%s.%s %o %o', collection, method, query, doc));",
        errors: [{ message: 'logs every database command', line: 3, column: 140 }],
      },
      {
        name: 'mongoose debug on in shipped code',
        code: "import mongoose from 'mongoose';\nmongoose.set('debug', true);",
        errors: [{ message: 'debug output outside development', line: 2, column: 1 }],
      },
      {
        name: 'a response wrapper hands every response body to a local log helper',
        code: "declare const logger: any;\nfunction logResponse(data: any, req: any) {\n  const text = data ? ` body: ${data.toString()}` : '';\n  logger.debug(`sent ${req.originalUrl}${text}`);\n}\nexport function responses(req: any, res: any, next: () => void) {\n  const send = res.send;\n  res.send = function (body: unknown) {\n    logResponse(body, req);\n    return send.apply(this, arguments);\n  };\n  next();\n}",
        errors: [{ message: 'Logging the whole', line: 4, column: 42 }],
      },
      {
        name: 'res.json replaced by a function that logs the body',
        code: "export function responses(req: any, res: any, next: () => void) {\n  const json = res.json.bind(res);\n  res.json = (payload: unknown) => {\n    console.log('response', payload);\n    return json(payload);\n  };\n  next();\n}",
        errors: [{ message: 'Logging the whole', line: 4, column: 29 }],
      },
      {
        name: 'an access-log entry that copies the request body',
        code: "declare const logger: any;\nexport function access(req: any) {\n  const entry = { url: req.originalUrl, method: req.method, body: req.body };\n  logger.info('access', entry);\n}",
        errors: [{ message: 'Logging the whole', line: 4, column: 25 }],
      },
      {
        name: 'a shared response builder logs every response it builds, body included',
        code: "import type { APIGatewayProxyResult } from 'aws-lambda';\nexport const respond = (statusCode: number, body: unknown): APIGatewayProxyResult => {\n  const response = { statusCode, body: JSON.stringify(body) };\n  console.log('Response:', response);\n  return response;\n};",
        errors: [{ message: 'Logging the whole', line: 4, column: 28 }],
      },
      {
        name: 'a NestJS validation pipe prints every argument it validates, request bodies included',
        code: "import { Injectable, ValidationPipe, ArgumentMetadata } from '@nestjs/common';\n@Injectable()\nexport class ValidateInputPipe extends ValidationPipe {\n  async transform(value, metadata: ArgumentMetadata) {\n    console.log(value);\n    return super.transform(value, metadata);\n  }\n}",
        errors: [{ message: 'Logging the whole', line: 5, column: 17 }],
      },
      {
        name: 'morgan-body logs every request and response body',
        code: "const express = require('express');\nconst morganBody = require('morgan-body');\nconst app = express();\nmorganBody(app, { maxBodyLength: 100000 });",
        errors: [{ message: 'morgan-body', line: 4, column: 1 }],
      },
      {
        name: 'a Fastify onSend hook logs every payload',
        code: "import Fastify from 'fastify';\nconst app = Fastify();\napp.addHook('onSend', async (request, reply, payload) => {\n  request.log.info({ payload }, 'sent');\n  return payload;\n});",
        errors: [{ message: 'Logging the whole', line: 4, column: 22 }],
      },
    ],
  });
});
