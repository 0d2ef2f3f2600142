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
    "declare function gtag(...args: unknown[]): void; const emailTemplate = 'reminder'; gtag('event', 'email_sent', { emailTemplate });",
    "declare const amplitude: any; amplitude.track('Code system', { system: 'http://hl7.org/fhir/sid/icd-10' });",
    // sanitised values
    "import * as Sentry from '@sentry/react'; declare function redact(v: unknown): string; declare const ssn: string; Sentry.setContext('lookup', { ssn: redact(ssn) });",
    "declare const analytics: any; declare const patient: any; const lastFour = patient.ssn.slice(-4); analytics.track('Verified', { lastFour });",
    "declare const posthog: any; declare function sanitizePayload(v: unknown): unknown; declare const patient: any; posthog.capture('saved', sanitizePayload(patient));",
    "import * as Sentry from '@sentry/node'; declare const patient: any; Sentry.setUser({ id: patient.id });",
    // errors from a catch carry no known PHI
    "import * as Sentry from '@sentry/node'; try { JSON.parse('{') } catch (err) { Sentry.captureException(err); }",
    // a local model is not a third party; TensorFlow.js predict is local inference
    "import { ChatOllama } from '@langchain/ollama'; declare const patient: any; const llm = new ChatOllama({ model: 'llama3' }); await llm.invoke(`Summarize: ${patient.clinicalNotes}`);",
    "declare const model: any; declare const patient: any; model.predict(patient.vitals);",
    // Twilio's messages.create is SMS, not an LLM (another rule's business)
    "declare const client: any; declare const patient: any; client.messages.create({ body: 'Your appointment is tomorrow', to: patient.phoneNumber, from: '+15550100' });",
    // replay with masking on
    "import * as Sentry from '@sentry/react'; Sentry.init({ integrations: [Sentry.replayIntegration({ maskAllText: true, maskAllInputs: true })] });",
    "declare const datadogRum: any; datadogRum.init({ applicationId: 'x', defaultPrivacyLevel: 'mask-user-input' });",
    // the app's own event bus is not a vendor
    "declare const events: any; declare const patient: any; events.track('loaded', patient);",
  ],
  invalid: [
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
      name: 'session replay with masking off',
      code: "import * as Sentry from '@sentry/react';\nimport LogRocket from 'logrocket';\nimport posthog from 'posthog-js';\nSentry.init({ integrations: [Sentry.replayIntegration({ maskAllText: false, blockAllMedia: false })] });\nLogRocket.init('app/id', { dom: { inputSanitizer: false } });\nposthog.init('key', { session_recording: { maskAllInputs: false } });\ndeclare const datadogRum: any;\ndatadogRum.init({ applicationId: 'x', defaultPrivacyLevel: 'allow' });",
      errors: [
        { line: 4, column: 57, message: 'Session replay (Sentry) records page text unmasked' },
        { line: 5, column: 35, message: 'Session replay (LogRocket) records inputs unmasked' },
        { line: 6, column: 44, message: 'PostHog' },
        { line: 8, column: 39, message: 'Datadog RUM' },
      ],
    },
  ],
});
