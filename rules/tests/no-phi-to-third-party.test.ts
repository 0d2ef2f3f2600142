import { runRuleTests } from './rule-tester';

runRuleTests('no-phi-to-third-party', {
  valid: [
    // opaque ids, counts, flags, formats and templates are not PHI
    "declare const analytics: any; declare const patient: any; analytics.identify(patient.id, { plan: 'basic' });",
    "declare const analytics: any; declare const patient: any; analytics.track('Chart Opened', { resourceType: patient.resourceType, patientId: patient.id });",
    "declare const mixpanel: any; const patientCount = 4; mixpanel.track('Roster Loaded', { patientCount });",
    "declare const posthog: any; declare const isPatientSelected: boolean; posthog.capture('selection', { isPatientSelected });",
    "declare const heap: any; declare const patient: any; const hasAllergy = patient.allergies.length > 0; heap.track('Intake', { hasAllergy });",
    "import * as Sentry from '@sentry/browser'; const SSN_PATTERN = /^\\d{3}-\\d{2}-\\d{4}$/; Sentry.setExtra('pattern', SSN_PATTERN.source);",
    "import * as Sentry from '@sentry/node'; const DOB_FORMAT = 'YYYY-MM-DD'; Sentry.setTag('dob', DOB_FORMAT);",
    // a context named for a person holding only an opaque id, a flag or nothing: a handle to the record, not the person
    { name: 'Sentry contexts named for a person holding only opaque ids, flags or nothing', code: "import * as Sentry from '@sentry/react-native';\nexport function onOpen(person: any, response: any) {\n  Sentry.setContext('person', { _id: person._id });\n  Sentry.setContext('patient', { id: response.data.id, isActive: true });\n  Sentry.setContext('person', {});\n  Sentry.setExtra('patients', []);\n}" },
    "declare function gtag(...args: unknown[]): void; const emailTemplate = 'reminder'; gtag('event', 'email_sent', { emailTemplate });",
    "declare const amplitude: any; amplitude.track('Code system', { system: 'http://hl7.org/fhir/sid/icd-10' });",
    // sanitised values
    "import * as Sentry from '@sentry/react'; declare function redact(v: unknown): string; declare const ssn: string; Sentry.setContext('lookup', { ssn: redact(ssn) });",
    "declare const analytics: any; declare const patient: any; const lastFour = patient.ssn.slice(-4); analytics.track('Verified', { lastFour });",
    "declare const posthog: any; declare function sanitizePayload(v: unknown): unknown; declare const patient: any; posthog.capture('saved', sanitizePayload(patient));",
    "import * as Sentry from '@sentry/node'; declare const patient: any; Sentry.setUser({ id: patient.id });",
    // errors from a catch carry no known PHI
    "import * as Sentry from '@sentry/node'; try { JSON.parse('{') } catch (err) { Sentry.captureException(err); }",
    // a template filled with a test case, a use case or the letter case of a word is no patient's case
    "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function suggest(template: string, testCase: string, useCase: string, lowerCase: string) {\n  const prompt = template.replace('[a]', testCase).replace('[b]', useCase).replace('[c]', lowerCase);\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });\n}",
    // a template's placeholder names what fills it only when it is a delimited placeholder filled with data that is not a
    // record's id (`{patient}`), a trap (`{patientId}`, `{format}`), a constant or a replacer function
    "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function fill(template: string, ref: string, text: string) {\n  const prompt = template.replace('{patient}', ref).replace('{patientId}', ref).replace('{format}', text).replace('case information', text).replace('[notes]', 'none').replace('{{ diagnosis }}', (m) => m.toUpperCase());\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });\n}",
    // a local model is not a third party; TensorFlow.js predict is local inference
    "import { ChatOllama } from '@langchain/ollama'; declare const patient: any; const llm = new ChatOllama({ model: 'llama3' }); await llm.invoke(`Summarize: ${patient.clinicalNotes}`);",
    "declare const model: any; declare const patient: any; model.predict(patient.vitals);",
    // a bot bound to a local model by assignment or by its declared class stays local; a bound class that is no LLM is no LLM
    "import { ChatOllama } from '@langchain/ollama';\ndeclare const patient: { diagnosis: string };\nlet chatbot: any;\nchatbot = new ChatOllama({ model: 'llama3' });\nchatbot.invoke(patient.diagnosis);\nlet local: ChatOllama;\nlocal.invoke(patient.diagnosis);",
    "declare class RuleEngine { invoke(x: unknown): void }\ndeclare const patient: { diagnosis: string };\nlet chatbot: RuleEngine;\nchatbot = new RuleEngine();\nchatbot.invoke(patient.diagnosis);",
    // `ai` only as a word of its own: a chain of custody, a mail service, a detail view are no AI gateway; a local
    // model stays local, and an AI gateway's `run`/`predict`/`generate` (also local ML's verbs) need an LLM word
    "declare const mailService: any; declare const detailView: any; declare const patient: any; await mailService.invoke('welcome', patient.email); detailView.call(patient.fullName);",
    "declare const aiService: any; declare const patient: any; aiService.invoke('summary', String(patient.id));",
    // Twilio's messages.create is SMS, not an LLM (another rule's business)
    "declare const client: any; declare const patient: any; client.messages.create({ body: 'Your appointment is tomorrow', to: patient.phoneNumber, from: '+15550100' });",
    // replay with masking on
    "import * as Sentry from '@sentry/react'; Sentry.init({ integrations: [Sentry.replayIntegration({ maskAllText: true, maskAllInputs: true })], beforeSend: scrubEvent });",
    // Telemetry configured with a scrubbing hook, or spread from a shared config we cannot see
    "import * as Sentry from '@sentry/node'; Sentry.init({ dsn: process.env.SENTRY_DSN, beforeSend: (event) => scrubEvent(event) });",
    "import Bugsnag from '@bugsnag/js'; Bugsnag.start({ apiKey: 'k', redactedKeys: ['ssn', 'dob'] });",
    "import * as Sentry from '@sentry/react'; declare const shared: object; Sentry.init({ ...shared, dsn: 'x' });",
    // hooks that scrub: delete, a scrubbing call, replacing request/user, handing the event to a helper we cannot see
    "import { init } from '@sentry/node'; init({ dsn: 'x', beforeSend(event) { delete event.request; return event; } });",
    "import * as Sentry from '@sentry/browser'; Sentry.init({ dsn: 'x', beforeSend: (event) => ({ ...event, user: undefined }) });",
    "import * as Sentry from '@sentry/browser'; Sentry.init({ dsn: 'x', beforeSend(event) { event.request = { url: redactUrl(event.request?.url) }; return event; } });",
    "import * as Sentry from '@sentry/node'; declare function stripPhi(e: unknown): unknown; Sentry.init({ dsn: 'x', beforeBreadcrumb: (crumb) => stripPhi(crumb) as any });",
    // a shared config object spread in (not a caller's options) may well carry the hook
    "import * as Sentry from '@sentry/react'; import { sentryOptions } from './sentry-options'; export function setup() { Sentry.init({ ...sentryOptions, dsn: 'x' }); }",
    // PostHog with automatic capture off, with a hook that scrubs, started from a client made elsewhere, or from options we cannot see
    "import posthog from 'posthog-js';\nposthog.init('phc_k', { api_host: 'x', autocapture: false, capture_pageview: false, disable_session_recording: true });",
    "import posthog from 'posthog-js';\nposthog.init('phc_k', { api_host: 'x', before_send: (event) => { if (event) delete event.properties.$current_url; return event; } });",
    { filename: 'src/Provider.tsx', code: "import posthog from 'posthog-js';\nimport { PostHogProvider } from 'posthog-js/react';\nimport { options } from './analytics-options';\nexport const A = ({ children }: { children: unknown }) => <PostHogProvider client={posthog}>{children}</PostHogProvider>;\nexport const B = ({ children }: { children: unknown }) => <PostHogProvider apiKey=\"k\" options={options.posthog}>{children}</PostHogProvider>;" },
    // a `posthog.init` of the app's own (no posthog-js import) is not the SDK
    "declare const posthog: { init(k: string): void };\nposthog.init('k');",
    // options from a module of the app that may hold a hook, or from the caller, are not the environment's data
    "import * as Sentry from '@sentry/react';\nimport { sentryOptions } from './sentry-options';\nimport { settings } from './config/settings';\nSentry.init(sentryOptions);\nSentry.init(settings.sentry);\nexport const start = (options: object) => Sentry.init(options);",
    // OpenTelemetry: HTTP instrumentation off, a hook that rewrites the URL, a span processor of the app's own, or a
    // getNodeAutoInstrumentations of the app's own
    "import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';\ngetNodeAutoInstrumentations({ '@opentelemetry/instrumentation-http': { enabled: false } });",
    "import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';\ndeclare function stripQuery(u: unknown): string;\nnew HttpInstrumentation({ requestHook: (span, request) => { span.setAttribute('http.target', stripQuery(request)); } });",
    "import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';\nimport { NodeSDK } from '@opentelemetry/sdk-node';\ndeclare class RedactingSpanProcessor { constructor(): void }\nnew NodeSDK({ spanProcessors: [new RedactingSpanProcessor()], instrumentations: [getNodeAutoInstrumentations()] });",
    "import { getNodeAutoInstrumentations } from './tracing';\ngetNodeAutoInstrumentations();",
    // a function called init from elsewhere is not a tracker
    "import { init } from './i18n'; init({ lng: 'en' });",
    // plain HTTP to an LLM host without PHI in the body; PHI posted to the app's own backend is not a third party
    "fetch('https://api.openai.com/v1/models', { headers: { Authorization: 'Bearer k' } });",
    "declare const patient: { diagnosis: string }; fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Say hello' }] }) });\nfetch('/api/notes', { method: 'POST', body: JSON.stringify({ text: patient.diagnosis }) });",
    // Page views with the path only
    "import ReactGA from 'react-ga4'; ReactGA.send({ hitType: 'pageview', page: window.location.pathname });",
    "declare const datadogRum: any; datadogRum.init({ applicationId: 'x', defaultPrivacyLevel: 'mask-user-input' });",
    // the app's own event bus is not a vendor
    "declare const events: any; declare const patient: any; events.track('loaded', patient);",
    // OpenAI v3 with a prompt free of PHI (the end-user field is an opaque id); createCompletion on something not named like OpenAI
    "declare const openai: any; declare const patient: any;\nawait openai.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: 'Hello' }], user: patient.id });",
    "declare const api: any; declare const patient: any;\nawait api.createCompletion({ prompt: patient.diagnosis });",
    // push notifications with a generic message and opaque ids
    "import webpush from 'web-push';\ndeclare const subscription: any; declare const message: any;\nawait webpush.sendNotification(subscription, JSON.stringify({ title: 'You have a new message', data: { messageId: message.id } }));",
    "import * as admin from 'firebase-admin';\ndeclare const patient: any; declare const token: string; declare const appointment: any;\nawait admin.messaging().send({ token, notification: { title: 'You have a new message', body: 'Open the app to read it' }, data: { appointmentId: appointment.id, patientId: patient.id } });",
    "import { Expo } from 'expo-server-sdk';\nconst expo = new Expo();\ndeclare const patient: any;\nawait expo.sendPushNotificationsAsync([{ to: patient.pushToken, title: 'New message', data: { threadId: patient.id } }]);",
    // the app's own notifications service, a mailer, a queue: not push services
    "declare const notificationService: any; declare const patient: any;\nawait notificationService.createNotification({ patientId: patient.id, message: `Result for ${patient.fullName}` });",
    "declare const queue: any; declare const patient: any;\nawait queue.sendEach([{ body: patient.diagnosis }]);",
    "declare const socket: any; declare const patient: any;\nsocket.sendNotification(patient.id, { diagnosis: patient.diagnosis });",
    // Rollbar, Bugsnag and Application Insights with hooks that scrub patient data, or turned off
    "import Rollbar from 'rollbar';\nexport const rollbar = new Rollbar({ accessToken: 't', captureUncaught: true, scrubFields: ['firstName', 'birthDate', 'phone'] });",
    "import Rollbar from 'rollbar';\nexport const rollbar = new Rollbar({ accessToken: 't', captureUncaught: true, enabled: false });",
    "import Rollbar from 'rollbar';\nexport const rollbar = new Rollbar({ accessToken: 't', captureUncaught: true, checkIgnore: (isUncaught: boolean, args: unknown[], payload: any) => !!payload.request });",
    "import Rollbar from 'rollbar';\nexport const rollbar = new Rollbar({ accessToken: 't', captureUncaught: true, transform(payload: any) { delete payload.request; } });",
    "import Bugsnag from '@bugsnag/js';\nBugsnag.start({ apiKey: 'k', onError: (event: any) => { event.request = {}; } });",
    "import { ApplicationInsights } from '@microsoft/applicationinsights-web';\ndeclare function stripQuery(url: string): string;\nconst appInsights = new ApplicationInsights({ config: { connectionString: 'c', enableAutoRouteTracking: true } });\nappInsights.addTelemetryInitializer((item: any) => { item.baseData.uri = stripQuery(item.baseData.uri); });\nappInsights.loadAppInsights();",
    "import { ApplicationInsights } from '@microsoft/applicationinsights-web';\nimport { scrubTelemetry } from './scrub';\nconst appInsights = new ApplicationInsights({ config: { connectionString: 'c' } });\nappInsights.addTelemetryInitializer(scrubTelemetry);",
    // opaque ids and counts in custom telemetry; an app's own tracker that is not Application Insights; configure is not an init
    "import { ApplicationInsights } from '@microsoft/applicationinsights-web';\ndeclare const patient: any; declare const appInsights: ApplicationInsights;\nappInsights.trackEvent({ name: 'Chart saved' }, { patientId: patient.id, allergyCount: patient.allergies.length });",
    "declare const tracker: any; declare const patient: any;\ntracker.trackEvent({ name: 'saved' }, { dob: patient.birthDate });",
    "import Rollbar from 'rollbar';\ndeclare const rollbar: Rollbar;\nrollbar.configure({ payload: { environment: 'prod' } });",
    // event collectors: opaque ids and counts, the app's own backend (relative URL, a non-collector host, an API base from config), the app's own event bus, DHIS2-style trackers, reads
    // chat widgets: commands, opaque ids and event names carry no PHI; a signed-in staff member's own e-mail in a
    // clinician app is not a patient's (whose data), whatever the key says
    "declare const patient: { id: string; visits: unknown[] };\nwindow.gtag('event', 'chart_opened', { patientId: patient.id, visitCount: patient.visits.length });",
    "declare const $crisp: unknown[]; declare const patient: { id: string }; declare const user: { email: string; name: string };\n$crisp.push(['do', 'chat:open']);\n$crisp.push(['set', 'session:data', [[['patient_id', patient.id]]]]);\n$crisp.push(['set', 'user:email', [user.email]]);\nwindow.Intercom('boot', { app_id: 'x', user_id: patient.id });\nwindow.fcWidget.user.setEmail(user.email);",
    "import { splunkInstance } from './splunk';\ndeclare const patient: any;\nsplunkInstance('booking').sendEvent({ group: 'booking', event: { patientId: patient.id, slots: patient.slots.length } });",
    "declare const patient: { dateOfBirth: string };\nfetch('/api/analytics/events', { method: 'POST', body: JSON.stringify({ dob: patient.dateOfBirth }) });",
    "declare const patient: { dateOfBirth: string };\nfetch('https://api.clinic-app.org/v1/patients', { method: 'POST', body: JSON.stringify({ dob: patient.dateOfBirth }) });",
    "declare const patient: { dateOfBirth: string; id: string };\nfetch('https://lims.clinic-app.org/api/specimens/collect', { method: 'POST', body: JSON.stringify({ dob: patient.dateOfBirth }) });\nfetch('https://api.clinic-app.org/analytics/ingest', { method: 'POST', body: JSON.stringify({ dob: patient.dateOfBirth }) });",
    "declare const patient: { dateOfBirth: string }; declare const config: { apiUrl: string };\nfetch(`${config.apiUrl}/patients`, { method: 'POST', body: JSON.stringify({ dob: patient.dateOfBirth }) });",
    "declare const eventBus: any; declare const trackerApi: any; declare const patient: any;\neventBus.sendEvent('saved', { diagnosis: patient.diagnosis });\ntrackerApi.sendEvent({ diagnosis: patient.diagnosis });",
    "declare const analyticsService: any; declare const patient: any;\nanalyticsService.getEvents({ diagnosis: patient.diagnosis });",
    "import { AwsRum } from 'aws-rum-web';\ndeclare const patient: any;\nconst awsRum = new AwsRum('app', '1.0.0', 'eu-west-2', {});\nawsRum.recordEvent('search', { patientId: patient.id, results: 3 });",
    "declare const analyticsClient: any; declare const clinic: any;\nanalyticsClient.trackEvent('opened', { clinicPhone: clinic.phone });",
    { filename: 'src/__tests__/splunk.test.ts', code: "import { splunkInstance } from '../splunk';\ndeclare const patient: any;\nsplunkInstance('x').sendEvent({ dob: patient.dateOfBirth });" },
    // APNs with a generic alert and an opaque id; a browser Notification is not APNs
    "const apn = require('@parse/node-apn');\ndeclare const patient: any;\nconst note = new apn.Notification();\nnote.alert = 'You have a new message';\nnote.payload = { messageId: patient.id };",
    "declare const patient: any;\nconst note = new Notification('x');\n(note as any).body = patient.diagnosis;",
    // trackers in tests and stories are not reported
    { filename: 'src/__tests__/rollbar.test.ts', code: "import Rollbar from 'rollbar';\nexport const rollbar = new Rollbar({ accessToken: 't', captureUncaught: true });" },
    // Sentry's functions imported by name: an error with only a message and an opaque id; a function of the app's own that shares a name
    {
      name: 'Sentry functions imported by name, given an error and an opaque id only',
      code: "import { captureException, setTag } from '@sentry/react-native';\ndeclare const patient: { id: string; birthDate: string };\nexport function onSaveFailed(error: Error) {\n  captureException(error, { tags: { section: 'patient_editor' }, extra: { patientId: patient.id } });\n  setTag('screen', 'editor');\n}",
    },
    // what Sentry drops: an event hint's `data` (seen by beforeSend only), and capture-context keys it does not send
    {
      name: "Sentry event hints and a capture context's level are not sent",
      code: "import * as Sentry from '@sentry/browser';\nimport { captureMessage } from '@sentry/react';\ndeclare const patient: { birthDate: string; diagnosis: string };\nexport function onFailed(error: Error) {\n  Sentry.captureException(error, { data: { dob: patient.birthDate } });\n  captureMessage('Update failed', { patientDiagnosis: patient.diagnosis });\n  Sentry.captureException(error, { level: 'error', tags: { screen: 'chart' } });\n}",
    },
    "import { captureException } from './telemetry';\ndeclare const patient: { birthDate: string };\ncaptureException(new Error('x'), { extra: { dob: patient.birthDate } });",
    // a tracker whose options are named elsewhere (they may hold a hook), and a constructor of another package with a token
    "import Rollbar from 'rollbar';\nimport { rollbarConfig } from './config';\nexport const rollbar = new Rollbar(rollbarConfig);",
    "import Pusher from 'pusher-js';\nexport const pusher = new Pusher('app-key');",
  ],
  invalid: [
    {
      name: 'trackers started with no options at all, or with only their key or token: their defaults, with no hook that scrubs',
      code: "import Bugsnag from '@bugsnag/react-native';\nimport Rollbar from 'rollbar';\nBugsnag.start();\nexport const rollbar = new Rollbar(process.env.ROLLBAR_TOKEN);",
      errors: [
        { line: 3, column: 1, message: 'Bugsnag is initialised without a scrubbing hook' },
        { line: 4, column: 28, message: 'Rollbar is initialised without a scrubbing hook' },
      ],
    },
    {
      name: 'Rollbar required by CommonJS and made with a literal token; Bugsnag started with its API key',
      code: "const Rollbar = require('rollbar');\nconst Bugsnag = require('@bugsnag/js');\nmodule.exports = new Rollbar('token');\nBugsnag.start('api-key');",
      errors: [
        { line: 3, column: 22, message: 'Rollbar is initialised without a scrubbing hook' },
        { line: 4, column: 1, message: 'Bugsnag is initialised without a scrubbing hook' },
      ],
    },
    {
      name: "Sentry capture contexts' data fields and an event hint's captureContext are sent",
      code: "import * as Sentry from '@sentry/browser';\ndeclare const patient: { birthDate: string; diagnosis: string };\nexport function onFailed(error: Error) {\n  Sentry.captureException(error, { level: 'error', contexts: { chart: { dob: patient.birthDate } } });\n  Sentry.captureMessage('Update failed', { captureContext: { extra: { diagnosis: patient.diagnosis } } });\n}",
      errors: [
        { line: 4, column: 62, message: 'Sentry (error tracker)' },
        { line: 5, column: 60, message: 'Sentry (error tracker)' },
      ],
    },
    {
      name: "Sentry's captureException imported by name, with the serialised patient form values as extra context",
      code: "import { captureException } from '@sentry/react-native';\nexport function onSaveFailed(error: Error, patientRecord: { values: { givenName: string; dateOfBirth: string } }) {\n  captureException(error, { extra: { patientRecord: JSON.stringify(patientRecord.values) } });\n}",
      errors: [{ line: 3, column: 36, message: 'Sentry (error tracker)' }],
    },
    {
      name: 'Rollbar with uncaught capture and a transform that only rewrites stack-frame paths; credential-only scrub fields; a bare init (regression: diabetes data apps)',
      filename: 'app/rollbar.js',
      code: "import Rollbar from 'rollbar';\nexport const rollbar = new Rollbar({\n  accessToken: 't',\n  captureUncaught: true,\n  transform(payload) {\n    const trace = payload.body.trace;\n    if (trace && trace.frames) trace.frames.forEach((frame) => { frame.filename = 'http://host/app.js'; });\n    for (let i = 0; i < trace.frames.length; i++) trace.frames[i].filename = 'http://host/app.js';\n  },\n});\nexport const server = new Rollbar({ accessToken: 't', handleUncaughtExceptions: true, scrubFields: ['password', 'accessToken'] });\nRollbar.init({ accessToken: 't' });",
      errors: [
        { line: 5, column: 3, message: "Rollbar's `transform` passes events on without removing patient data" },
        { line: 11, column: 87, message: "Rollbar's `scrubFields` passes events on without removing patient data" },
        { line: 12, column: 1, message: 'Rollbar is initialised without a scrubbing hook' },
      ],
    },
    {
      name: 'PostHog started with its defaults: autocapture, full page URLs and session recordings reach the vendor (regression: a surveillance app wrapping its provider)',
      filename: 'src/analytics/init.ts',
      code: "import posthog from 'posthog-js';\nposthog.init('phc_k', { api_host: 'https://us.i.posthog.com', capture_pageview: false });",
      errors: [{ line: 2, column: 1, message: 'PostHog is initialised without a scrubbing hook (before_send/sanitize_properties): the text of clicked elements' }],
    },
    {
      name: 'PostHog with only its token, and a provider handed its caller\'s options (low precision)',
      filename: 'src/analytics/Provider.tsx',
      code: "import posthog from 'posthog-js';\nimport { PostHogProvider } from 'posthog-js/react';\nposthog.init('phc_k');\ntype Settings = { key?: string; options: object };\nexport const withAnalytics = (settings: Settings, children: unknown) => (\n  <PostHogProvider apiKey={settings.key!} options={settings.options}>{children}</PostHogProvider>\n);",
      errors: [
        { line: 3, column: 1, message: 'PostHog is initialised without a scrubbing hook' },
        { line: 6, column: 43, message: "PostHog is initialised from its caller's options" },
      ],
    },
    {
      name: "an error tracker started from the deployment's JSON configuration, which can hold no hook (regression: FHIR web apps configured by env)",
      filename: 'app/src/index.tsx',
      code: [
        "import * as Sentry from '@sentry/react';",
        "import { SENTRY_CONFIGS } from './configs/env';",
        "if (process.env.NODE_ENV === 'production') {",
        '  const { tags, ...sentryConfigs } = SENTRY_CONFIGS;',
        '  Sentry.init(sentryConfigs);',
        '}',
      ].join('\n'),
      errors: [{ line: 5, column: 3, message: 'Sentry is initialised without a scrubbing hook' }],
    },
    {
      name: 'Bugsnag started from options parsed from JSON',
      code: "import Bugsnag from '@bugsnag/js';\ndeclare const raw: string;\nconst options = JSON.parse(raw);\nBugsnag.start(options);",
      errors: [{ line: 4, column: 1, message: 'Bugsnag is initialised without a scrubbing hook' }],
    },
    {
      name: 'OpenTelemetry auto-instrumentation exports request URLs with their query strings unscrubbed (regression: FHIR servers and eCR viewers)',
      code: [
        "import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';",
        "import { NodeSDK, tracing } from '@opentelemetry/sdk-node';",
        "import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';",
        'const sdk = new NodeSDK({',
        '  spanProcessors: [new tracing.SimpleSpanProcessor(new OTLPTraceExporter())],',
        "  instrumentations: [getNodeAutoInstrumentations({ '@opentelemetry/instrumentation-fs': { enabled: false } })],",
        '});',
        'sdk.start();',
      ].join('\n'),
      errors: [{ line: 6, column: 22, message: "OpenTelemetry's HTTP instrumentation records every request URL" }],
    },
    {
      name: 'an HTTP instrumentation config whose hooks only filter and add a route, used by both SDK paths, is reported once at its entry',
      filename: 'src/otel.js',
      code: [
        "const configs = {",
        "  '@opentelemetry/instrumentation-http': {",
        "    ignoreIncomingRequestHook: (req) => req.url === '/health',",
        "    applyCustomAttributesOnSpan: (span) => { span.attributes['http.route'] = '/fhir'; },",
        '  },',
        '};',
        'if (process.env.AUTO) {',
        "  const { getNodeAutoInstrumentations } = require('@opentelemetry/auto-instrumentations-node');",
        '  getNodeAutoInstrumentations(configs);',
        '} else {',
        "  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');",
        "  new HttpInstrumentation(configs['@opentelemetry/instrumentation-http']);",
        '}',
      ].join('\n'),
      errors: [{ line: 2, column: 3, message: 'OpenTelemetry' }],
    },
    {
      name: 'a beforeSend that removes only cookies and the authorization header leaves request URLs and bodies',
      code: "import * as Sentry from '@sentry/browser';\nSentry.init({\n  dsn: 'x',\n  beforeSend(event) {\n    delete event.request?.cookies;\n    if (event.request?.headers) event.request.headers.Authorization = '[removed]';\n    return event;\n  },\n});",
      errors: [{ line: 4, column: 3, message: "Sentry's `beforeSend` passes events on without removing patient data" }],
    },
    {
      name: "Rollbar's server build: no telemetry, so uncaught exceptions are what it sends (low precision)",
      filename: 'app/main.js',
      code: "import Rollbar from 'rollbar/src/server/rollbar.js';\nexport const rollbar = new Rollbar({ accessToken: 't', captureUncaught: true });",
      errors: [{ line: 2, column: 28, message: 'Rollbar is initialised without a scrubbing hook (transform/scrubFields): uncaught exceptions with their messages' }],
    },
    {
      name: "@rollbar/react Provider with a config named elsewhere in the file",
      filename: 'src/App.tsx',
      code: "import { Provider } from '@rollbar/react';\nconst rollbarConfig = { accessToken: 't', captureUncaught: true, captureUnhandledRejections: true };\nexport const App = () => <Provider config={rollbarConfig}><main /></Provider>;",
      errors: [{ line: 3, column: 36, message: 'Rollbar is initialised without a scrubbing hook' }],
    },
    {
      name: 'Bugsnag: v6 bugsnag({...}), a server plugin attaching requests, and a shared start spreading its caller\'s options with redaction only if configured',
      filename: 'src/logging/bugsnag.js',
      code: "import bugsnag from '@bugsnag/js';\nimport BugsnagPluginExpress from '@bugsnag/plugin-express';\nimport Bugsnag from '@bugsnag/js';\nexport const client = bugsnag({ apiKey: 'k' });\nBugsnag.start({ apiKey: 'k', plugins: [BugsnagPluginExpress] });\nexport function initBugsnag(options) {\n  Bugsnag.start({ ...options, plugins: [BugsnagPluginExpress], redactedKeys: options.redactedKeys ? options.redactedKeys : undefined });\n}",
      errors: [
        { line: 4, column: 23, message: 'Bugsnag is initialised without a scrubbing hook' },
        { line: 5, column: 1, message: 'the URL, query and body of every failing request' },
        { line: 7, column: 3, message: "Bugsnag is initialised from its caller's options" },
      ],
    },
    {
      name: 'one unscrubbed start tried on several paths (normal, fallback, last resort) is one configuration, reported once',
      filename: 'src/utility/errorReporting.ts',
      code: "import Bugsnag from '@bugsnag/react-native';\ndeclare const nativeReady: Promise<void>;\ntry {\n  nativeReady.then(() => Bugsnag.start({})).catch(() => Bugsnag.start({}));\n} catch (error) {\n  Bugsnag.start({});\n}",
      errors: [{ line: 4, column: 26, message: 'Bugsnag is initialised without a scrubbing hook' }],
    },
    {
      name: 'Bugsnag loaded lazily with await import() inside a shared setup function',
      filename: 'src/logging/bugsnag.js',
      code: "export async function initBugsnag(options) {\n  const { default: Bugsnag } = await import('@bugsnag/js');\n  const BugsnagPluginExpress = await import('@bugsnag/plugin-express');\n  Bugsnag.start({ ...options, plugins: [BugsnagPluginExpress] });\n}",
      errors: [{ line: 4, column: 3, message: 'the URL, query and body of every failing request' }],
    },
    {
      name: 'Bugsnag breadcrumbs and metadata with PHI',
      code: "import Bugsnag from '@bugsnag/js';\ndeclare const patient: any;\nBugsnag.leaveBreadcrumb('Chart opened', { diagnosis: patient.diagnosis });\nBugsnag.notify(new Error('sync'), (event: any) => event.addMetadata('visit', { dateOfBirth: patient.dateOfBirth }));",
      errors: [
        { line: 3, column: 54, kinds: ['diagnosis'], message: 'Sending diagnosis to Bugsnag (error tracker)' },
        { line: 4, column: 93, kinds: ['date-of-birth'], message: 'Bugsnag' },
      ],
    },
    {
      name: 'Application Insights: route tracking with an initializer that only strips sign-in tokens; custom events and exceptions with PHI',
      filename: 'src/app/telemetry.ts',
      code: "import { ApplicationInsights } from '@microsoft/applicationinsights-web';\ndeclare function stripIdToken(url: string): string;\nlet appInsights: ApplicationInsights | null = null;\nexport function start() {\n  appInsights = new ApplicationInsights({ config: { connectionString: 'c', enableAutoRouteTracking: true } });\n  appInsights.addTelemetryInitializer(dropStatic);\n  appInsights.loadAppInsights();\n}\nfunction dropStatic(envelope: any) {\n  if (isStaticFile(envelope)) return false;\n  envelope.baseData.uri = stripIdToken(envelope.baseData.uri);\n}\ndeclare function isStaticFile(e: unknown): boolean;\nexport function onSaved(patient: { id: string; birthDate: string; diagnosis: string }) {\n  appInsights?.trackEvent({ name: 'saved' }, { birthDate: patient.birthDate });\n  appInsights?.trackException({ exception: new Error('x'), properties: { diagnosis: patient.diagnosis } });\n}",
      errors: [
        { line: 5, column: 21, message: "Application Insights's `addTelemetryInitializer` passes events on without removing patient data" },
        { line: 15, column: 59, kinds: ['date-of-birth'], message: 'Application Insights' },
        { line: 16, column: 72, kinds: ['diagnosis'], message: 'Application Insights' },
      ],
    },
    {
      name: 'Application Insights without an initializer; the Node SDK forwarding console lines, and its default client',
      filename: 'src/server/telemetry.ts',
      code: "import { ApplicationInsights } from '@microsoft/applicationinsights-web';\nimport * as appInsights from 'applicationinsights';\nexport const web = new ApplicationInsights({ config: { connectionString: 'c' } });\nappInsights.setup('c').setAutoCollectConsole(true, true).start();\nconst telemetry = appInsights.defaultClient;\nexport function failed(patient: { phoneNumber: string }) {\n  telemetry.trackTrace({ message: 'upload failed', properties: { phone: patient.phoneNumber } });\n}",
      errors: [
        { line: 3, column: 24, message: 'Application Insights is initialised without a scrubbing hook (addTelemetryInitializer): the full URLs of page views' },
        { line: 4, column: 1, message: 'scrubbing hook (addTelemetryProcessor): the console lines the service writes' },
        { line: 7, column: 64, kinds: ['phone'], message: 'Application Insights' },
      ],
    },
    {
      name: "a sign-in that tells the error tracker who the person is: the key names a person, not the app's staff account",
      code: "declare const rollbar: any;\nexport function login(account: { username: string }) {\n  rollbar.configure({ payload: { person: { email: account.username } } });\n}",
      errors: [{ line: 3, column: 32, kinds: ['email'], message: 'Rollbar' }],
    },
    {
      name: 'an error tracker initialised without scrubbing, or with sendDefaultPii (regression: health apps on real code)',
      code: "import * as Sentry from '@sentry/react';\nSentry.init({ dsn: process.env.SENTRY_DSN, tracesSampleRate: 1 });\nimport * as SentryNode from '@sentry/node';\nSentryNode.init({ dsn: 'x', beforeSend: scrub, sendDefaultPii: true });",
      errors: [
        { line: 2, column: 1, message: 'Sentry is initialised without a scrubbing hook' },
        { line: 4, column: 48, message: '`sendDefaultPii: true`' },
      ],
    },
    {
      name: 'a shared setup function spreads its caller\'s options into Sentry.init with no hook (regression: EHR monorepo)',
      filename: 'packages/frontend/sentry.ts',
      code: "import * as Sentry from '@sentry/react';\nexport function setupSentry(options: Sentry.BrowserOptions): void {\n  Sentry.init({ tracesSampleRate: 1, ...options });\n}",
      errors: [{ line: 3, column: 3, message: "Sentry is initialised from its caller's options with no scrubbing hook" }],
    },
    {
      name: 'a beforeSend that only filters environments and renames transactions passes PHI on (regression: serverless handlers)',
      filename: 'src/shared/sentry.ts',
      code: "import { init } from '@sentry/aws-serverless';\ninit({\n  dsn: process.env.SENTRY_DSN,\n  beforeSend(event) {\n    const environment = event.tags?.environment?.toString();\n    if (!environment || ['local'].includes(environment)) return null;\n    event.transaction = `[${environment}]-handler`;\n    return event;\n  },\n});\ninit({ dsn: 'y', tracesSampleRate: 1 });",
      errors: [
        { line: 4, column: 3, message: "Sentry's `beforeSend` passes events on without removing patient data" },
        { line: 11, column: 1, message: 'Sentry is initialised without a scrubbing hook' },
      ],
    },
    {
      name: 'plain HTTP calls to LLM hosts: a prompt with PHI, and a realtime voice session opened from the browser (regression: an EHR voice assistant)',
      filename: 'src/assistant/connection.ts',
      code: "import axios from 'axios';\ndeclare const patient: { diagnosis: string; birthDate: string };\nawait fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: `Summarise: ${patient.diagnosis}` }] }) });\nawait axios.post('https://api.anthropic.com/v1/messages', { messages: [{ role: 'user', content: patient.birthDate }] });\nawait fetch('https://api.openai.com/v1/realtime/calls', { method: 'POST', body: 'sdp' });",
      errors: [
        { line: 3, column: 83, message: 'Sending diagnosis to OpenAI (LLM API)' },
        { line: 4, column: 71, message: 'Sending date of birth to Anthropic (LLM API)' },
        { line: 5, column: 13, message: 'Opens a realtime session with OpenAI' },
      ],
    },
    {
      name: 'plain HTTP calls to Vertex AI (global and regional endpoints) and Amazon Bedrock',
      filename: 'src/ai/summarise.ts',
      code: "declare const encounter: { diagnosis: string }; declare const patient: { birthDate: string };\nawait fetch(`https://aiplatform.googleapis.com/v1/projects/${'p'}/locations/global/publishers/google/models/m:generateContent`, { method: 'POST', body: JSON.stringify({ contents: [{ parts: [{ text: encounter.diagnosis }] }] }) });\nawait fetch('https://europe-west4-aiplatform.googleapis.com/v1/x:predict', { method: 'POST', body: JSON.stringify({ instances: [patient.birthDate] }) });\nawait fetch('https://bedrock-runtime.us-east-1.amazonaws.com/model/m/invoke', { method: 'POST', body: JSON.stringify({ prompt: encounter.diagnosis }) });\nawait fetch('https://storage.googleapis.com/bucket/o', { method: 'POST', body: JSON.stringify({ d: encounter.diagnosis }) });",
      errors: [
        { line: 2, column: 153, message: 'Sending diagnosis to Google Vertex AI (LLM API)' },
        { line: 3, column: 100, message: 'Sending date of birth to Google Vertex AI (LLM API)' },
        { line: 4, column: 103, message: 'Sending diagnosis to Amazon Bedrock (LLM API)' },
      ],
    },
    {
      name: 'a page view sends the full URL with its query string',
      code: "import ReactGA from 'react-ga4';\nReactGA.send({ hitType: 'pageview', page: window.location.pathname + window.location.search });\ndeclare const analytics: any;\nanalytics.page({ url: location.href });",
      errors: [
        { line: 2, column: 43, message: 'Page view sent to Google Analytics with the full URL' },
        { line: 4, column: 23, message: 'Page view sent to Segment' },
      ],
    },
    {
      name: 'Segment identify with traits',
      code: "declare const analytics: any;\nexport function onLogin(patient: { id: string; email: string; dateOfBirth: string }) {\n  analytics.identify(patient.id, { email: patient.email, dob: patient.dateOfBirth });\n}",
      errors: [{ line: 3, column: 43, kinds: ['date-of-birth', 'email'], message: 'Sending date of birth and email address to Segment (analytics)' }],
      output: null,
    },
    {
      name: 'gtag, dataLayer, Hotjar, Firebase logEvent',
      code: "declare function gtag(...a: unknown[]): void; declare function hj(...a: unknown[]): void; declare const patient: any;\nimport { getAnalytics, logEvent } from 'firebase/analytics';\nconst analytics = getAnalytics();\ngtag('event', 'refill', { medication: patient.medication });\nwindow.dataLayer.push({ event: 'booked', diagnosis: patient.diagnosis });\nhj('identify', patient.id, { email: patient.email });\nlogEvent(analytics, 'lab_viewed', { result: patient.labResult });",
      errors: [
        { line: 4, column: 39, kinds: ['medication'], message: 'Google Analytics' },
        { line: 5, column: 53, kinds: ['diagnosis'], message: 'Google Tag Manager' },
        { line: 6, column: 37, kinds: ['email'], message: 'Hotjar' },
        { line: 7, column: 45, kinds: ['lab-result'], message: 'Google Analytics for Firebase' },
      ],
    },
    {
      name: 'Mixpanel people.set, Amplitude, PostHog, Heap, FullStory, LogRocket',
      code: "declare const mixpanel: any, amplitude: any, posthog: any, heap: any, FS: any, LogRocket: any; declare const value: string; declare const patient: any;\nmixpanel.people.set('dob', value);\namplitude.getInstance().logEvent('visit', { visitNotes: patient.visitNotes });\nposthog.identify(patient.id, { phone: patient.phoneNumber });\nheap.addUserProperties({ mrn: patient.mrn });\nFS.setUserVars({ displayName: patient.fullName });\nLogRocket.identify(patient.id, { name: patient.fullName, email: patient.email });",
      errors: [
        { line: 2, column: 28, kinds: ['date-of-birth'], message: 'Mixpanel' },
        { line: 3, column: 57, kinds: ['clinical-note'], message: 'Amplitude' },
        { line: 4, column: 39, kinds: ['phone'], message: 'PostHog' },
        { line: 5, column: 31, kinds: ['mrn'], message: 'Heap' },
        { line: 6, column: 31, kinds: ['name'], message: 'FullStory' },
        { line: 7, column: 40, kinds: ['email', 'name'], message: 'LogRocket' },
      ],
    },
    {
      name: 'Sentry user, context, tags, extra and captureException hints',
      code: "import * as Sentry from '@sentry/node';\nimport type { Patient } from '@medplum/fhirtypes';\nexport function onError(err: Error, patient: Patient, value: string) {\n  Sentry.setUser({ id: patient.id, email: patient.telecom?.[0]?.value });\n  Sentry.setTag('mrn', value);\n  Sentry.captureException(err, { extra: { birthDate: patient.birthDate } });\n}",
      errors: [
        { line: 4, column: 43, kinds: ['email', 'phone'], message: 'Sending email address and phone number to Sentry (error tracker)' },
        { line: 5, column: 24, kinds: ['mrn'] },
        { line: 6, column: 41, kinds: ['date-of-birth'] },
      ],
    },
    {
      name: 'Sentry contexts named for a person holding more than an opaque id, or a value of unknown shape',
      code: "import * as Sentry from '@sentry/react-native';\nexport function onOpen(person: any, draft: any) {\n  Sentry.setContext('person', { _id: person._id, comment: draft.comment });\n  Sentry.setContext('person', draft);\n}",
      errors: [
        { line: 3, column: 31, kinds: ['patient-record'] },
        { line: 4, column: 31, kinds: ['patient-record'] },
      ],
    },
    {
      name: 'Sentry scope is a guess; Bugsnag callbacks',
      code: "import * as Sentry from '@sentry/node';\nimport Bugsnag from '@bugsnag/js';\ndeclare const patient: any;\nSentry.withScope((scope: any) => { scope.setExtra('diagnosis', patient.diagnosis); });\nBugsnag.notify(new Error('sync failed'), (event: any) => { event.addMetadata('patient', { ssn: patient.ssn }); });",
      errors: [
        { line: 4, column: 64, kinds: ['diagnosis'] },
        { line: 5, column: 96, kinds: ['ssn'], message: 'Bugsnag' },
      ],
    },
    {
      name: 'Rollbar, Datadog RUM, Datadog logs, New Relic',
      code: "declare const rollbar: any, datadogRum: any, datadogLogs: any, newrelic: any; declare const patient: any;\nrollbar.error('Claim rejected', { memberNumber: patient.memberNumber });\ndatadogRum.setUser({ id: patient.id, name: patient.fullName });\ndatadogLogs.logger.info('visit', { allergies: patient.allergies });\nnewrelic.addCustomAttribute('patientEmail', patient.email);",
      errors: [
        { line: 2, column: 49, kinds: ['health-plan-id'], message: 'Rollbar' },
        { line: 3, column: 44, kinds: ['name'], message: 'Datadog RUM' },
        { line: 4, column: 47, kinds: ['allergy'], message: 'Datadog Logs' },
        { line: 5, column: 45, kinds: ['email'], message: 'New Relic' },
      ],
    },
    {
      name: "a stored prompt template whose placeholder is filled with the patient's case information, sent to OpenAI",
      code: "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function suggest(template: string, caseInformation: string, caseHistory: string) {\n  const prompt = template.replace('[case]', caseInformation).replace('[history]', caseHistory);\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: `${prompt}\\nAnswer in JSON` }] });\n}",
      errors: [{ line: 5, column: 70, kinds: ['clinical-note', 'medical-history'], message: 'OpenAI (LLM API)' }],
    },
    {
      name: 'OpenAI chat completions with a clinical note',
      code: "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function summarize(note: { clinicalNotes: string }) {\n  return openai.chat.completions.create({\n    model: 'gpt-4o',\n    messages: [{ role: 'user', content: `Summarize: ${note.clinicalNotes}` }],\n  });\n}",
      errors: [{ line: 6, column: 15, kinds: ['clinical-note'], message: 'Sending clinical notes to OpenAI (LLM API)' }],
    },
    {
      name: 'OpenAI responses API and Anthropic messages with a system prompt',
      code: "import OpenAI from 'openai';\nimport Anthropic from '@anthropic-ai/sdk';\nconst openai = new OpenAI();\nconst anthropic = new Anthropic();\ndeclare const patient: any;\nawait openai.responses.create({ model: 'gpt-4.1', input: `Patient history: ${patient.medicalHistory}` });\nawait anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 512, system: `Patient DOB ${patient.dateOfBirth}`, messages: [] });",
      errors: [
        { line: 6, column: 58, kinds: ['medical-history'], message: 'OpenAI' },
        { line: 7, column: 88, kinds: ['date-of-birth'], message: 'Anthropic' },
      ],
    },
    {
      name: 'LangChain chat model and chain, Vercel AI SDK',
      code: "import { ChatOpenAI } from '@langchain/openai';\nimport { generateText } from 'ai';\ndeclare const patient: any; declare const summaryChain: any; declare const model: any;\nconst chat = new ChatOpenAI({ model: 'gpt-4o' });\nawait chat.invoke(`Draft a letter to ${patient.fullName}`);\nawait summaryChain.call({ notes: patient.progressNotes });\nawait generateText({ model, prompt: `Diagnoses: ${patient.diagnoses}` });",
      errors: [
        { line: 5, column: 19, kinds: ['name'], message: 'an LLM provider' },
        { line: 6, column: 34, kinds: ['clinical-note'] },
        { line: 7, column: 37, kinds: ['diagnosis'], message: 'Vercel AI SDK' },
      ],
    },
    {
      name: 'an LLM client bound by assignment or by its declared class: a lazily made module chatbot, a field set in the constructor (regression: AI intake interviews)',
      code: [
        "import { ChatAnthropic } from '@langchain/anthropic';",
        'let chatbot: ChatAnthropic | undefined;',
        'export async function ask(patient: { diagnosis: string }) {',
        "  if (!chatbot) chatbot = new ChatAnthropic({ model: 'claude-haiku' });",
        '  return chatbot.invoke(patient.diagnosis);',
        '}',
        'export class Interviewer {',
        '  bot: ChatAnthropic;',
        "  constructor(key: string) { this.bot = new ChatAnthropic({ anthropicApiKey: key }); }",
        '  reply(answers: { symptoms: string[] }) { return this.bot.invoke(answers.symptoms.join()); }',
        '}',
        'let helper: ChatAnthropic;',
        'export const later = (p: { medications: string[] }) => helper.stream(p.medications.join());',
      ].join('\n'),
      errors: [
        { line: 5, column: 25, kinds: ['diagnosis'], message: 'an LLM provider' },
        { line: 10, column: 67, kinds: ['sensitive-condition'] },
        { line: 13, column: 70, kinds: ['medication'] },
      ],
    },
    {
      name: "a prompt template's placeholder names the request data put in its place (regression: diagnosis suggestions from a patient's case)",
      code: [
        "import OpenAI from 'openai';",
        'const openai = new OpenAI();',
        'export async function suggest(template: string, payload: string, answers: unknown) {',
        "  const prompt = template.replace('[case information]', payload);",
        "  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });",
        "  const intake = template.replaceAll('{{date_of_birth}}', String(answers)).replace('<medications>', JSON.stringify(answers));",
        "  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: intake }] });",
        '}',
      ].join('\n'),
      errors: [
        { line: 5, column: 69, kinds: ['clinical-note'], message: 'OpenAI' },
        { line: 7, column: 70, kinds: ['date-of-birth', 'medication'] },
      ],
    },
    {
      name: 'an assertion helper hands its argument back: the answers it checks reach the model (regression: AI intake interviews)',
      code: [
        "import { ChatOpenAI } from '@langchain/openai';",
        "import { assertDefined } from './helpers';",
        'declare const answer: { valueString?: string; diagnosis?: string };',
        'const llm = new ChatOpenAI();',
        "const diagnosis = assertDefined(answer.diagnosis, 'diagnosis');",
        'llm.invoke(diagnosis);',
      ].join('\n'),
      errors: [{ line: 6, column: 12, kinds: ['diagnosis'] }],
    },
    {
      name: "an app's AI gateway: the serialised patient data handed to `aiService.invoke` is the prompt",
      code: "declare const req: { aiService: { invoke(context: string, message: string): Promise<unknown> }; body: { patientData: unknown } };\nconst { patientData } = req.body as { patientData: { firstName: string; conditions: string[] } };\nconst userMessage = JSON.stringify(patientData, null, 2);\nawait req.aiService.invoke('patient-summary', userMessage);\ndeclare const aiClient: any; declare const encounter: { diagnosis: string };\naiClient.stream(`Explain ${encounter.diagnosis}`);",
      errors: [
        { line: 4, column: 47, kinds: ['patient-record'], message: 'an LLM provider' },
        { line: 6, column: 17, kinds: ['diagnosis'], message: 'an LLM provider' },
      ],
    },
    {
      name: 'OpenAI SDK v3: createChatCompletion and createCompletion on an OpenAIApi instance',
      code: "import { Configuration, OpenAIApi } from 'openai';\nconst api = new OpenAIApi(new Configuration({ apiKey: 'k' }));\ndeclare const patient: any; declare const openai: any;\nawait api.createChatCompletion({ model: 'gpt-3.5-turbo', messages: [{ role: 'user', content: `Summarize: ${patient.clinicalNotes}` }] });\nawait openai.createCompletion({ model: 'text-davinci-003', prompt: `Diagnosis: ${patient.diagnosis}` });",
      errors: [
        { line: 4, column: 68, kinds: ['clinical-note'], message: 'Sending clinical notes to OpenAI (LLM API)' },
        { line: 5, column: 68, kinds: ['diagnosis'], message: 'OpenAI' },
      ],
    },
    {
      name: 'web-push: a name in the title, a lab result in a bare sendNotification',
      code: "import webpush, { sendNotification } from 'web-push';\ndeclare const subscription: any; declare const patient: any;\nawait webpush.sendNotification(subscription, JSON.stringify({ title: `Lab results for ${patient.firstName}`, body: 'Tap to view' }));\nawait sendNotification(subscription, `New result: ${patient.labResult}`);",
      errors: [
        { line: 3, column: 46, kinds: ['name'], message: "Sending person's name in a push notification through Web Push (push notification service)" },
        { line: 4, column: 38, kinds: ['lab-result'], message: 'lock screens' },
      ],
      output: null,
    },
    {
      name: 'Firebase Cloud Messaging: send, sendToDevice, sendEachForMulticast, sendEach, sendMulticast',
      code: "import * as admin from 'firebase-admin';\nimport { getMessaging } from 'firebase-admin/messaging';\ndeclare const patient: any; declare const token: string; declare const tokens: string[];\nawait admin.messaging().send({ token, notification: { title: `Lab results for ${patient.firstName}`, body: 'Tap to view' } });\nawait admin.messaging().sendToDevice(token, { data: { diagnosis: patient.diagnosis } });\nconst messaging = getMessaging();\nawait messaging.sendEachForMulticast({ tokens, notification: { title: 'Reminder', body: `Take ${patient.medication}` } });\nawait getMessaging().sendEach([{ token, data: { dob: patient.dateOfBirth } }]);\nawait messaging.sendMulticast({ tokens, data: { mrn: patient.mrn } });",
      errors: [
        { line: 4, column: 53, kinds: ['name'], message: 'Firebase Cloud Messaging (push notification service)' },
        { line: 5, column: 53, kinds: ['diagnosis'] },
        { line: 7, column: 62, kinds: ['medication'] },
        { line: 8, column: 31, kinds: ['date-of-birth'] },
        { line: 9, column: 47, kinds: ['mrn'] },
      ],
    },
    {
      name: 'Expo push: sendPushNotificationsAsync, and the chunks it is fed from',
      code: "import { Expo } from 'expo-server-sdk';\nconst expo = new Expo();\ndeclare const patient: any; declare const pushToken: string;\nawait expo.sendPushNotificationsAsync([{ to: pushToken, title: 'Appointment', body: `Your ${patient.diagnosis} follow-up is tomorrow` }]);\nconst chunks = expo.chunkPushNotifications([{ to: pushToken, body: `Refill ${patient.medication}` }]);",
      errors: [
        { line: 4, column: 39, kinds: ['diagnosis'], message: 'Expo push' },
        { line: 5, column: 44, kinds: ['medication'], message: 'Expo push' },
      ],
    },
    {
      name: 'OneSignal: createNotification on a client, with an object literal or a Notification',
      code: "import * as OneSignal from '@onesignal/node-onesignal';\nconst client = new OneSignal.DefaultApi(OneSignal.createConfiguration({}));\ndeclare const patient: any;\nawait client.createNotification({ app_id: 'app', contents: { en: `Prescription ready for ${patient.firstName}` }, include_external_user_ids: [patient.id] });\nconst notification = new OneSignal.Notification();\nnotification.contents = { en: `Results: ${patient.labResult}` };\nawait client.createNotification(notification);",
      errors: [
        { line: 4, column: 60, kinds: ['name'], message: 'OneSignal (push notification service)' },
        { line: 7, column: 33, kinds: ['lab-result'], message: 'OneSignal' },
      ],
    },
    {
      name: "an analytics snippet's global called through window: window.gtag, window.ga",
      code: "declare const patient: { id: string; dateOfBirth: string; email: string };\nwindow.gtag('event', 'intake_saved', { dob: patient.dateOfBirth });\nwindow.ga('set', 'userId', patient.email);",
      errors: [
        { line: 2, column: 45, kinds: ['date-of-birth'], message: 'Google Analytics (analytics)' },
        { line: 3, column: 28, kinds: ['email'], message: 'Google Analytics (analytics)' },
      ],
    },
    {
      name: 'support chat widgets: Crisp and HubSpot command queues, Intercom and Zendesk command functions, Tawk, Drift and Freshchat user setters',
      code: "declare const $crisp: unknown[];\ndeclare const _hsq: unknown[];\ndeclare function Intercom(...args: unknown[]): void;\ndeclare const patient: { id: string; email: string; fullName: string; phoneNumber: string; diagnosis: string };\n$crisp.push(['set', 'user:email', [patient.email]]);\n_hsq.push(['identify', { email: patient.email }]);\nIntercom('update', { user_id: patient.id, name: patient.fullName });\nwindow.zE('webWidget', 'identify', { email: patient.email });\nwindow.Tawk_API.setAttributes({ phone: patient.phoneNumber });\ndrift.identify(patient.id, { condition: patient.diagnosis });\nwindow.fcWidget.user.setEmail(patient.email);",
      errors: [
        { line: 5, column: 13, kinds: ['email'], message: 'Sending email address to Crisp chat (support chat widget)' },
        { line: 6, column: 11, kinds: ['email'], message: 'HubSpot (support chat widget)' },
        { line: 7, column: 49, kinds: ['name'], message: 'Intercom (support chat widget)' },
        { line: 8, column: 45, kinds: ['email'], message: 'Zendesk chat' },
        { line: 9, column: 40, kinds: ['phone'], message: 'Tawk.to chat' },
        { line: 10, column: 41, kinds: ['diagnosis'], message: 'Drift chat' },
        { line: 11, column: 31, kinds: ['email'], message: 'Freshchat' },
      ],
    },
    {
      name: 'Splunk HTTP Event Collector: a workspace factory named for Splunk, and splunk-logging',
      code: "import { splunkInstance } from '@/services/splunk';\nimport { Logger as SplunkLogger } from 'splunk-logging';\ndeclare const patient: { id: string; phoneNumber: string; nationalCode: string };\nsplunkInstance('booking').sendEvent({ group: 'booking', event: { phone: patient.phoneNumber } });\nconst logger = new SplunkLogger({ token: 't', url: 'https://hec.vendor.io' });\nlogger.send({ message: { nationalCode: patient.nationalCode } });",
      errors: [
        { line: 4, column: 64, kinds: ['phone'], message: 'Sending phone number to Splunk HTTP Event Collector (event collector)' },
        { line: 6, column: 24, kinds: ['national-id'], message: 'Splunk HTTP Event Collector' },
      ],
    },
    {
      name: 'AWS CloudWatch RUM: recordEvent on a client of aws-rum-web, and the snippet API',
      code: "import { AwsRum } from 'aws-rum-web';\ndeclare const patient: { id: string; diagnosis: string; dateOfBirth: string };\ndeclare function cwr(command: string, payload: unknown): void;\nconst awsRum = new AwsRum('app', '1.0.0', 'eu-west-2', {});\nawsRum.recordEvent('search', { dob: patient.dateOfBirth });\ncwr('recordEvent', { type: 'chart', data: { diagnosis: patient.diagnosis } });",
      errors: [
        { line: 5, column: 37, kinds: ['date-of-birth'], message: 'AWS CloudWatch RUM' },
        { line: 6, column: 43, kinds: ['diagnosis'], message: 'AWS CloudWatch RUM' },
      ],
    },
    {
      name: 'by behaviour: a helper that beacons its argument to a collector URL, a URL from a config key that names analytics, a Splunk HEC path',
      code: "declare const patient: { id: string; diagnosis: string; dateOfBirth: string };\ndeclare const config: { analyticsUrl: string };\ndeclare const SPLUNK_URL: string;\nfunction sendEvent(event: object) {\n  navigator.sendBeacon('https://telemetry.vendor.io/v1/events', JSON.stringify(event));\n}\nexport function onSave() {\n  sendEvent({ dob: patient.dateOfBirth });\n}\nfetch(config.analyticsUrl, { method: 'POST', body: JSON.stringify({ diagnosis: patient.diagnosis }) });\nfetch(`${SPLUNK_URL}/services/collector/event`, { method: 'POST', body: JSON.stringify({ event: { dob: patient.dateOfBirth } }) });",
      errors: [
        { line: 5, column: 65, kinds: ['date-of-birth'], message: 'an external event collector' },
        { line: 10, column: 52, kinds: ['diagnosis'], message: 'an external event collector' },
        { line: 11, column: 73, kinds: ['date-of-birth'], message: 'Splunk HTTP Event Collector' },
      ],
    },
    {
      name: 'notification relays (Pushover, IFTTT maker webhooks) and an injected analytics client',
      code: "import Pushover from 'pushover-notifications';\nimport axios from 'axios';\ndeclare const patient: { id: string; diagnosis: string };\nconst push = new Pushover({ user: 'u', token: 't' });\npush.send({ title: 'Alarm', message: `Check ${patient.diagnosis}` }, () => undefined);\naxios.post('https://maker.ifttt.com/trigger/alarm/with/key/k', { value1: patient.diagnosis });\nexport class Telemetry { constructor(private analyticsClient: any) {} saved() { this.analyticsClient.trackEvent('saved', { diagnosis: patient.diagnosis }); } }",
      errors: [
        { line: 5, column: 38, kinds: ['diagnosis'], message: 'through Pushover (notification relay)' },
        { line: 6, column: 74, kinds: ['diagnosis'], message: 'IFTTT Maker webhooks (notification relay)' },
        { line: 7, column: 135, kinds: ['diagnosis'], message: 'an analytics collector (event collector)' },
      ],
    },
    {
      name: 'Apple push (node-apn): alert text and payload set on a notification, and given to its constructor',
      code: "const apn = require('@parse/node-apn');\ndeclare const patient: any;\nconst note = new apn.Notification();\nnote.alert = 'Bolus for ' + patient.diagnosis;\nnote.topic = 'org.example.app';\nconst refill = new apn.Notification({ alert: `Refill ${patient.medication}` });",
      errors: [
        { line: 4, column: 14, kinds: ['diagnosis'], message: 'through Apple Push Notification service' },
        { line: 6, column: 46, kinds: ['medication'], message: 'Apple Push Notification service' },
      ],
    },
    {
      name: 'session replay with masking off',
      code: "import * as Sentry from '@sentry/react';\nimport LogRocket from 'logrocket';\nimport posthog from 'posthog-js';\nSentry.init({ integrations: [Sentry.replayIntegration({ maskAllText: false, blockAllMedia: false })], beforeSend: scrub });\nLogRocket.init('app/id', { dom: { inputSanitizer: false } });\nposthog.init('key', { session_recording: { maskAllInputs: false } });\ndeclare const datadogRum: any;\ndatadogRum.init({ applicationId: 'x', defaultPrivacyLevel: 'allow' });",
      errors: [
        { line: 4, column: 57, message: 'Session replay (Sentry) records page text unmasked' },
        { line: 5, column: 35, message: 'Session replay (LogRocket) records inputs unmasked' },
        // and, apart from replay, its autocapture and page views go unscrubbed
        { line: 6, column: 1, message: 'PostHog is initialised without a scrubbing hook' },
        { line: 6, column: 44, message: 'PostHog' },
        { line: 8, column: 39, message: 'Datadog RUM' },
      ],
    },
  ],
});

describe('no-phi-to-third-party: chat-completion requests by their shape (a bot or a gateway that forwards them to a model)', () => {
  runRuleTests('no-phi-to-third-party', {
    valid: [
      // a bot run with a patient reference but no conversation and no model: the project's own server code
      "declare const medplum: any;\nexport const run = (patientRef: string) => medplum.executeBot('bot-1', { resourceType: 'Parameters', parameter: [{ name: 'patient', valueString: patientRef }] });",
      // a chat request whose conversation holds only instructions and the question typed
      "declare const medplum: any;\nexport const ask = (question: string) => medplum.executeBot('bot-1', { resourceType: 'Parameters', parameter: [{ name: 'messages', valueString: JSON.stringify([{ role: 'user', content: question }]) }, { name: 'model', valueString: 'gpt-4o' }] });",
      // a request with messages but no model is not a chat completion (an SMS gateway's batch)
      "import axios from 'axios';\ndeclare const patient: { phone: string };\nexport const text = () => axios.post('/sms/batch', { messages: [{ to: patient.phone, body: 'Your appointment is tomorrow' }] });",
    ],
    invalid: [
      {
        name: "a patient's record put in the conversation a bot forwards to a model",
        code: [
          "import type { Patient } from '@medplum/fhirtypes';",
          'declare const medplum: any;',
          'export async function summarise(patient: Patient) {',
          "  const messages = [{ role: 'user', content: JSON.stringify(patient) }];",
          "  return medplum.executeBot('summary-bot', { resourceType: 'Parameters', parameter: [{ name: 'messages', valueString: JSON.stringify(messages) }, { name: 'model', valueString: 'gpt-4o' }] });",
          '}',
        ].join('\n'),
        errors: [{ line: 5, column: 119, kinds: ["patient-record"] }],
      },
      {
        name: "a chat request with the patient's diagnosis posted to the app's own LLM gateway",
        code: "declare const patient: { diagnosis: string };\nexport const explain = () => fetch('/api/llm/chat', { method: 'POST', body: JSON.stringify({ model: 'claude', messages: [{ role: 'user', content: `Explain ${patient.diagnosis}` }] }) });",
        errors: [{ line: 2, column: 121, kinds: ['diagnosis'] }],
      },
    ],
  });
});

describe('no-phi-to-third-party: identify-style calls of the signed-in user (whose data)', () => {
  // The signed-in account handed to a chat widget and an error tracker's user: a staff member's own contact data by
  // default (a clinician app), a patient's in an app whose users are patients.
  const identify = "import * as Sentry from '@sentry/react';\ndeclare const $crisp: unknown[];\ndeclare const currentUser: { id: string; email: string; fullName: string };\nexport function onSignedIn() {\n  $crisp.push(['set', 'user:email', [currentUser.email]]);\n  Sentry.setUser({ id: currentUser.id, email: currentUser.email });\n}";
  runRuleTests('no-phi-to-third-party', {
    // (Sentry's `setUser({ email })` is left out of the valid case: an object literal's `email` key classifies the value
    // whatever its source, a known gap noted in the round's notes.)
    valid: [{ code: identify.replace(/\n  Sentry\.setUser.*\n/, '\n'), filename: 'src/app/session.ts' }],
    invalid: [
      {
        name: "a patient app hands the signed-in patient's e-mail to a chat widget and to the error tracker",
        code: identify,
        filename: 'src/app/session.ts',
        config: { appUsers: 'patients' },
        errors: [
          { line: 5, column: 15, kinds: ['email'], message: 'Crisp chat (support chat widget)' },
          { line: 6, column: 47, kinds: ['email'], message: 'Sentry (error tracker)' },
        ],
      },
    ],
  });
});
