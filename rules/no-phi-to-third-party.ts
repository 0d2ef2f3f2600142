import { createRule, type Precision, type RuleContext, type Taint, type TSESTree } from '../server/src/rule-api';
import { dottedName, findInSubtree, requiredModuleOf, isConstantExpression, isFalseLiteral, isStringLiteral, isTrueLiteral, keyName, lastSegment, memberCall, parentOf, propertyName, propertyNamed, splitWords, unwrap, type Node } from './utils/ast';

type VendorKind = 'analytics' | 'chat widget' | 'error tracker' | 'LLM API' | 'push notification service' | 'event collector' | 'notification relay';
type MessageId = 'unscrubbedTracing' | 'analytics' | 'chatWidget' | 'collector' | 'relay' | 'errorTracker' | 'llm' | 'llmRealtime' | 'push' | 'replay' | 'unscrubbedTracker' | 'unscrubbedTrackerSpread' | 'passThroughHook' | 'defaultPii' | 'pageUrl';

/**
 * Error trackers initialised for a whole app: what they capture by default (request URLs and bodies,
 * breadcrumbs of console lines and XHR URLs, user data) reaches the vendor unless a hook scrubs it.
 * `modules`: where the init comes from; `methods`: static inits (`Sentry.init`); `constructors`:
 * `new Rollbar({…})`; `callable`: the module's default export called as the init (Bugsnag v6
 * `bugsnag({…})`); `hooks`: the options that scrub (functions) and `fieldLists` those that name fields to
 * redact; `captures`: options that turn automatic capture on (without them the tracker sends what the app
 * hands it, and the capture it may do by default is a weaker sign).
 */
interface TrackerInit {
  vendor: string;
  modules: RegExp;
  receivers: RegExp;
  methods: readonly string[];
  constructors?: readonly string[];
  callable?: boolean;
  hooks: readonly string[];
  fieldLists?: readonly string[];
  /** Hooks that decide which events to drop, trusted by their presence. */
  filters?: readonly string[];
  captures?: readonly string[];
  /** Which argument of the init holds the options (PostHog: `posthog.init(token, options)`); 0 when absent. */
  optionsArgument?: number;
  /** The init needs no options to start capturing (PostHog starts with its token alone). */
  capturesWithoutOptions?: boolean;
  /** What the tracker captures by default, when it is not what an error tracker does. */
  what?: string;
  /** Options that, all set so, turn off everything captured by default. */
  quiet?: Readonly<Record<string, boolean>>;
  /** JSX providers that start it: the element imported from a module, and the attribute holding the options. */
  providers?: ReadonlyArray<{ module: string; element: string; attribute: string }>;
}
const TRACKER_INITS: readonly TrackerInit[] = [
  { vendor: 'Sentry', modules: /^@sentry\//, receivers: /^(Sentry|SentryReact|SentryNode|SentryBrowser)$/, methods: ['init'], hooks: ['beforeSend', 'beforeBreadcrumb', 'beforeSendTransaction'] },
  {
    vendor: 'Bugsnag', modules: /^@bugsnag\/(js|browser|node|react-native|expo|electron|web-worker)$|^bugsnag(-js|-react-native)?$/, receivers: /^(Bugsnag|bugsnag)$/, methods: ['start', 'createClient'], callable: true,
    hooks: ['onError', 'onBreadcrumb', 'redactedKeys'], fieldLists: ['redactedKeys'],
  },
  {
    vendor: 'Rollbar', modules: /^rollbar(\/|$)/, receivers: /^(Rollbar|rollbar)$/, methods: ['init'], constructors: ['Rollbar'],
    hooks: ['transform', 'scrubFields', 'scrubPaths', 'checkIgnore'], fieldLists: ['scrubFields', 'scrubPaths'], filters: ['checkIgnore'],
    captures: ['captureUncaught', 'captureUnhandledRejections', 'handleUncaughtExceptions', 'handleUnhandledRejections', 'autoInstrument'],
    providers: [{ module: '@rollbar/react', element: 'Provider', attribute: 'config' }],
  },
  /**
   * PostHog (browser): autocapture records the text of what users click, page views carry the full URL with its query
   * string, and session recording starts when the project turns it on: a `before_send`/`sanitize_properties` hook or
   * a property denylist scrubs them.
   */
  {
    vendor: 'PostHog', modules: /^posthog-js(\/|$)/, receivers: /^posthog$/, methods: ['init'], optionsArgument: 1, capturesWithoutOptions: true,
    hooks: ['before_send', 'sanitize_properties', 'property_denylist', 'property_blacklist'], fieldLists: ['property_denylist', 'property_blacklist'],
    what: 'the text of clicked elements (autocapture), page URLs with their query strings and session recordings it captures by default',
    quiet: { autocapture: false, capture_pageview: false, disable_session_recording: true },
    providers: [{ module: 'posthog-js/react', element: 'PostHogProvider', attribute: 'options' }],
  },
  { vendor: 'Datadog RUM', modules: /^@datadog\//, receivers: /^(datadogRum|datadogLogs)$/, methods: ['init'], hooks: ['beforeSend'] },
];
/** A workspace module holding the deployment's environment settings: `./configs/env`, `src/environments/environment`. */
const ENVIRONMENT_MODULE = /^\.{1,2}\/(.*\/)?(env|environment|environments)(\.[jt]s)?$/i;
/** OpenTelemetry: the HTTP instrumentation's entry in the auto-instrumentations' config, its hooks, and span processors that only batch. */
const HTTP_INSTRUMENTATION = '@opentelemetry/instrumentation-http';
const TRACING_HOOKS: ReadonlySet<string> = new Set(['requestHook', 'responseHook', 'startIncomingSpanHook', 'startOutgoingSpanHook', 'applyCustomAttributesOnSpan']);
const OWN_SPAN_PROCESSOR = /\bnew\s+(?!(?:[\w$]+\.)?(?:Simple|Batch)SpanProcessor\b)(?:[\w$]+\.)?[\w$]*SpanProcessor\s*\(|\bimplements\s+SpanProcessor\b/;
/** Span attributes that hold the URL. */
const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['http.target', 'http.url', 'url.full', 'url.query', 'url.path', 'http.route']);

/**
 * Whether a tracing hook removes or rewrites what the span records of the URL: deletes an attribute, sets a URL attribute
 * other than the route (`span.setAttribute('http.target', redact(…))`), or calls a scrubbing helper. Adding attributes
 * (a route name, a tenant) passes the URL on.
 */
function scrubsSpan(fn: Node): boolean {
  if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') return true;
  const keyOf = (node: Node | undefined): string | undefined => (node && isStringLiteral(node) ? node.value : undefined);
  return findInSubtree(fn.body as Node, (node) => {
    if (node.type === 'UnaryExpression' && node.operator === 'delete') return true;
    if (node.type === 'CallExpression') {
      const callee = lastSegment(node.callee as Node) ?? '';
      if (SCRUBBING_CALL.test(callee) && !PREDICATE_NAME.test(callee)) return true;
      if (callee === 'setAttribute') {
        const key = keyOf(node.arguments[0] as Node);
        return key === undefined || (URL_ATTRIBUTES.has(key) && key !== 'http.route');
      }
      if (callee === 'setAttributes') return true;
      return false;
    }
    if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && node.left.computed) {
      const key = keyOf(node.left.property as Node);
      return key === undefined || (URL_ATTRIBUTES.has(key) && key !== 'http.route');
    }
    return false;
  }) !== undefined;
}

/** `posthog.init(token)` with no options: what it does by default. */
const EMPTY_OPTIONS = { type: 'ObjectExpression', properties: [] } as unknown as TSESTree.ObjectExpression;
/** Every init method of a tracker: a call of one with options we cannot see at once is asked where they come from. */
const TRACKER_INIT_METHODS: ReadonlySet<string> = new Set(TRACKER_INITS.flatMap((tracker) => tracker.methods));
/** Bugsnag's server plugins attach each request's URL, headers, query and body to error reports. */
const BUGSNAG_REQUEST_PLUGINS = /^@bugsnag\/plugin-(express|koa|restify|hapi)$/;
/**
 * Application Insights: the browser SDK (`new ApplicationInsights({ config })`) records page views with
 * their full URLs and AJAX/fetch request URLs by default; the Node SDK (`applicationinsights`) records
 * console lines when told to (`setAutoCollectConsole(true, true)`). Only a telemetry initializer
 * (browser) or processor (Node) can scrub them.
 */
const APP_INSIGHTS_WEB = /^@microsoft\/applicationinsights-(web|web-basic)$/;
const APP_INSIGHTS_NODE = /^applicationinsights$/;
/** Config options that turn on capture of full URLs on single-page apps. */
const APP_INSIGHTS_URL_CAPTURE: Record<string, boolean> = { enableAutoRouteTracking: true, disableFetchTracking: false, disableAjaxTracking: false };
/** Methods that send custom telemetry, with the properties the app hands them. */
const APP_INSIGHTS_TRACK = new Set(['trackEvent', 'trackException', 'trackTrace', 'trackPageView']);
/** Names a telemetry client goes by (medium precision when the file does not import the SDK). */
const APP_INSIGHTS_NAMES = /^(app_?insights|ai|insights|app_?insights_?client|telemetry_?client|telemetry)$/i;

/** Page-view calls and where their URL argument is. */
const PAGEVIEW_CALLS: ReadonlyArray<{ vendor: string; callee: RegExp }> = [
  { vendor: 'Google Analytics', callee: /^(ReactGA|ReactGA4|ga4|GA4)\.(send|pageview|event)$|^gtag$|^ga$/ },
  { vendor: 'Segment', callee: /^(analytics|segment)\.page$/ },
  { vendor: 'Mixpanel', callee: /^mixpanel\.track_pageview$/ },
  { vendor: 'PostHog', callee: /^posthog\.capture$/ },
  { vendor: 'Matomo', callee: /^_paq\.push$|^(matomo|tracker)\.trackPageView$/ },
];
/** The page URL with its query string: `location.href`, `location.search`, `window.location`, `router.asPath`. */
const FULL_URL = /(^|\.)(location\.(href|search|hash)|location|asPath|fullPath|currentUrl|url)$/;

interface Options {
  llmNames: string[];
}

interface VendorSpec {
  vendor: string;
  kind: VendorKind;
  /** Receiver names (the root of the callee, `window.`/`this.` stripped) or exact receiver paths. */
  receivers: string[];
  methods: string[];
  /** Methods that take `(key, value)`: an opaque value's key says what it is. */
  keyValue?: string[];
  precision?: Precision;
}

/** SDKs by the global or import name they are used through. */
const VENDORS: readonly VendorSpec[] = [
  // analytics
  { vendor: 'Segment', kind: 'analytics', receivers: ['analytics', 'segment', 'rudderanalytics'], methods: ['track', 'identify', 'page', 'group', 'alias', 'screen'] },
  { vendor: 'Google Tag Manager', kind: 'analytics', receivers: ['dataLayer'], methods: ['push'] },
  { vendor: 'Google Analytics', kind: 'analytics', receivers: ['ReactGA', 'ga4', 'GA4'], methods: ['event', 'set', 'send', 'gtag'] },
  { vendor: 'Mixpanel', kind: 'analytics', receivers: ['mixpanel'], methods: ['track', 'identify', 'register', 'register_once', 'alias', 'track_pageview', 'set_group'], keyValue: ['register'] },
  { vendor: 'Mixpanel', kind: 'analytics', receivers: ['mixpanel.people'], methods: ['set', 'set_once', 'append', 'union'], keyValue: ['set', 'set_once', 'append', 'union'] },
  { vendor: 'Amplitude', kind: 'analytics', receivers: ['amplitude'], methods: ['track', 'logEvent', 'setUserProperties', 'identify', 'setUserId', 'setGroup', 'groupIdentify'] },
  { vendor: 'PostHog', kind: 'analytics', receivers: ['posthog'], methods: ['capture', 'identify', 'alias', 'register', 'register_once', 'group', 'setPersonProperties'] },
  { vendor: 'PostHog', kind: 'analytics', receivers: ['posthog.people'], methods: ['set', 'set_once'], keyValue: ['set', 'set_once'] },
  { vendor: 'Heap', kind: 'analytics', receivers: ['heap'], methods: ['track', 'identify', 'addUserProperties', 'addEventProperties'] },
  { vendor: 'FullStory', kind: 'analytics', receivers: ['FS', 'FullStory'], methods: ['identify', 'setUserVars', 'event', 'setIdentity', 'setProperties', 'trackEvent'] },
  { vendor: 'LogRocket', kind: 'analytics', receivers: ['LogRocket'], methods: ['identify', 'track', 'log', 'info', 'warn', 'error', 'debug', 'captureMessage', 'captureException'] },
  // error trackers
  {
    vendor: 'Sentry', kind: 'error tracker', receivers: ['Sentry'],
    methods: ['setUser', 'setContext', 'setExtra', 'setExtras', 'setTag', 'setTags', 'captureMessage', 'captureException', 'captureEvent', 'addBreadcrumb'],
    keyValue: ['setContext', 'setExtra', 'setTag'],
  },
  {
    vendor: 'Sentry', kind: 'error tracker', receivers: ['scope'], precision: 'medium',
    methods: ['setUser', 'setContext', 'setExtra', 'setExtras', 'setTag', 'setTags', 'captureMessage', 'captureException', 'addBreadcrumb'],
    keyValue: ['setContext', 'setExtra', 'setTag'],
  },
  { vendor: 'Bugsnag', kind: 'error tracker', receivers: ['Bugsnag', 'bugsnag', 'bugsnagClient'], methods: ['notify', 'leaveBreadcrumb', 'setUser', 'addMetadata', 'setContext'], keyValue: ['addMetadata'] },
  { vendor: 'Bugsnag', kind: 'error tracker', receivers: ['event'], methods: ['addMetadata', 'setUser'], keyValue: ['addMetadata'], precision: 'medium' },
  { vendor: 'Rollbar', kind: 'error tracker', receivers: ['Rollbar', 'rollbar'], methods: ['error', 'info', 'warning', 'warn', 'critical', 'log', 'debug', 'configure'] },
  {
    vendor: 'Datadog RUM', kind: 'error tracker', receivers: ['datadogRum', 'DD_RUM'],
    methods: ['setUser', 'setUserProperty', 'addAction', 'addError', 'setGlobalContextProperty', 'setGlobalContext', 'setAccount'],
    keyValue: ['setUserProperty', 'setGlobalContextProperty'],
  },
  { vendor: 'Datadog Logs', kind: 'error tracker', receivers: ['datadogLogs.logger', 'DD_LOGS.logger'], methods: ['info', 'warn', 'error', 'debug', 'log'] },
  {
    vendor: 'New Relic', kind: 'error tracker', receivers: ['newrelic', 'NREUM'],
    methods: ['noticeError', 'addCustomAttribute', 'addCustomAttributes', 'setCustomAttribute', 'setUserId', 'recordCustomEvent', 'addPageAction'],
    keyValue: ['addCustomAttribute', 'setCustomAttribute'],
  },
  /**
   * Support chat widgets: what identifies the visitor (`$crisp.push(['set', 'user:email', [email]])`, HubSpot's
   * `_hsq.push(['identify', { email }])`, Tawk's `setAttributes`, Drift's `identify`, Freshchat's user setters) is kept
   * by the vendor with the conversation. Only values the engine knows carry PHI count (a staff member's own account
   * in a clinician app is not a patient's), never the key's name alone.
   */
  { vendor: 'Crisp chat', kind: 'chat widget', receivers: ['$crisp', 'CRISP'], methods: ['push'] },
  { vendor: 'HubSpot', kind: 'chat widget', receivers: ['_hsq'], methods: ['push'] },
  { vendor: 'Tawk.to chat', kind: 'chat widget', receivers: ['Tawk_API'], methods: ['setAttributes', 'addEvent'] },
  { vendor: 'Drift chat', kind: 'chat widget', receivers: ['drift'], methods: ['identify', 'setUserAttributes'] },
  { vendor: 'Freshchat', kind: 'chat widget', receivers: ['fcWidget.user', 'fcWidget'], methods: ['setEmail', 'setFirstName', 'setLastName', 'setPhone', 'setProperties', 'setExternalId', 'create', 'update'] },
  // LLM SDKs addressed by their client's name
  { vendor: 'Cohere', kind: 'LLM API', receivers: ['cohere'], methods: ['chat', 'chatStream', 'generate', 'embed'] },
];
/** Every method some vendor's SDK is called by (see vendorCall). */
const VENDOR_METHODS: ReadonlySet<string> = new Set(VENDORS.flatMap((spec) => spec.methods));

/** SDK modules whose functions are also imported by name, and the receiver they stand for (`captureException` from `@sentry/node` is `Sentry.captureException`). */
const IMPORTED_VENDOR_FUNCTIONS: ReadonlyArray<{ module: RegExp; vendor: string; receiver: string }> = [
  { module: /^@sentry\//, vendor: 'Sentry', receiver: 'Sentry' },
];

/**
 * Sentry's `captureException(error, hint)` / `captureMessage(message, hint)`: an object with a capture-context key
 * (`extra`, `contexts`, `tags`, `user`…) is a capture context, whose data fields go with the event; any other object is
 * an event hint (`{ data, originalException, mechanism }`), of which only `attachments` and a nested `captureContext`
 * are sent: the rest is handed to `beforeSend` and dropped (the SDK's parseEventHintOrCaptureContext).
 */
const SENTRY_CAPTURE_CONTEXT_KEYS: ReadonlySet<string> = new Set(['user', 'level', 'extra', 'contexts', 'tags', 'fingerprint', 'requestSession', 'propagationContext']);
const SENTRY_CAPTURE_CONTEXT_DATA: ReadonlySet<string> = new Set(['user', 'extra', 'contexts', 'tags', 'fingerprint']);
const SENTRY_HINT_SENT: ReadonlySet<string> = new Set(['attachments', 'captureContext']);
function sentCaptureArguments(method: string, args: Node[]): Node[] {
  const hint = args[1];
  if ((method !== 'captureException' && method !== 'captureMessage') || hint?.type !== 'ObjectExpression') return [...args];
  if (hint.properties.some((property) => property.type === 'SpreadElement' || property.computed)) return [...args];
  const keys = hint.properties.map((property) => (property.type === 'Property' ? keyName(property.key) ?? '' : ''));
  const sent = keys.some((key) => SENTRY_CAPTURE_CONTEXT_KEYS.has(key)) ? SENTRY_CAPTURE_CONTEXT_DATA : SENTRY_HINT_SENT;
  const kept = hint.properties.flatMap((property) => (property.type === 'Property' && sent.has(keyName(property.key) ?? '') ? [property.value as Node] : []));
  return [args[0], ...kept, ...args.slice(2)];
}

/** Analytics and LLM functions called bare. */
const VENDOR_FUNCTIONS: Record<string, { vendor: string; kind: VendorKind; skipFirst?: boolean }> = {
  gtag: { vendor: 'Google Analytics', kind: 'analytics' },
  ga: { vendor: 'Google Analytics', kind: 'analytics' },
  hj: { vendor: 'Hotjar', kind: 'analytics' },
  // Support chat widgets' command functions: Intercom('boot' | 'update', { email, name }), zE('webWidget', 'identify', { email })
  Intercom: { vendor: 'Intercom', kind: 'chat widget' },
  zE: { vendor: 'Zendesk chat', kind: 'chat widget' },
  FS: { vendor: 'FullStory', kind: 'analytics' },
  // Firebase/Google Analytics modular API: logEvent(analytics, name, params)
  logEvent: { vendor: 'Google Analytics for Firebase', kind: 'analytics', skipFirst: true },
  setUserProperties: { vendor: 'Google Analytics for Firebase', kind: 'analytics', skipFirst: true },
  setUserId: { vendor: 'Google Analytics for Firebase', kind: 'analytics', skipFirst: true },
  // Vercel AI SDK
  generateText: { vendor: 'Vercel AI SDK', kind: 'LLM API' },
  streamText: { vendor: 'Vercel AI SDK', kind: 'LLM API' },
  generateObject: { vendor: 'Vercel AI SDK', kind: 'LLM API' },
  streamObject: { vendor: 'Vercel AI SDK', kind: 'LLM API' },
  embed: { vendor: 'Vercel AI SDK', kind: 'LLM API' },
  embedMany: { vendor: 'Vercel AI SDK', kind: 'LLM API' },
};

/** Vendors' snippet globals, also called through `window.` (not the Firebase and LLM functions, which are imported). */
const GLOBAL_VENDOR_FUNCTIONS: ReadonlySet<string> = new Set(['gtag', 'ga', 'hj', 'FS', 'Intercom', 'zE']);

/** Prompt-bearing fields of LLM request objects. */
const PROMPT_KEYS = new Set(['messages', 'prompt', 'system', 'input', 'instructions', 'contents', 'message', 'inputs', 'documents', 'values', 'value', 'query', 'question']);
/** LangChain-style runnables: `llm.invoke(…)`, `chain.call(…)`. */
const RUNNABLE_METHODS = new Set(['invoke', 'call', 'predict', 'predictMessages', 'stream', 'batch', 'generate', 'streamEvents', 'run']);
/** `aiService.invoke(context, prompt)`, `req.aiClient.stream(…)`: an app's AI gateway (`ai` as a word of its own) takes the prompt too. */
const RUNNABLE_WORDS = new Set(['llm', 'chain', 'chat', 'agent', 'executor', 'runnable', 'gpt', 'claude', 'gemini', 'openai', 'anthropic', 'model', 'ai']);
/** `predict`/`generate`/`run` are also local ML (TensorFlow.js `model.predict`): only chains and LLMs count for them. */
const RUNNABLE_STRICT_METHODS = new Set(['predict', 'generate', 'run']);
const RUNNABLE_STRICT_WORDS = new Set(['llm', 'chain', 'chat', 'agent', 'executor', 'gpt', 'claude', 'gemini', 'openai', 'anthropic']);
/** LLM client classes: variables bound to them are LLMs for sure. Local runtimes (Ollama, llama.cpp, WebLLM) are not third parties. */
const LLM_CLASSES = /^(Chat[A-Z]\w*|OpenAI|OpenAIApi|AzureOpenAI|Anthropic|AnthropicVertex|AnthropicBedrock|GoogleGenerativeAI|VertexAI|Cohere|CohereClient|Groq|MistralClient|Mistral|Together|Replicate|OpenAIEmbeddings|LLMChain|ConversationChain|RetrievalQAChain)$/;
const LOCAL_LLM_CLASSES = /(Ollama|LlamaCpp|WebLLM|Transformers|HuggingFaceTransformers|Local)/;
/** Names an OpenAI-compatible client goes by. */
/** Hosts of LLM APIs reached with a plain HTTP client (`fetch('https://api.openai.com/v1/…', { body })`). */
const LLM_API_HOSTS: ReadonlyArray<{ host: RegExp; vendor: string }> = [
  { host: /^api\.openai\.com$/, vendor: 'OpenAI' },
  { host: /\.openai\.azure\.com$/, vendor: 'Azure OpenAI' },
  { host: /^api\.anthropic\.com$/, vendor: 'Anthropic' },
  { host: /^generativelanguage\.googleapis\.com$/, vendor: 'Google Gemini' },
  // Vertex AI: the global endpoint and the regional ones (`us-central1-aiplatform.googleapis.com`).
  { host: /^([a-z0-9-]+-)?aiplatform\.googleapis\.com$/, vendor: 'Google Vertex AI' },
  { host: /^bedrock-runtime(-fips)?\.[a-z0-9-]+\.amazonaws\.com$/, vendor: 'Amazon Bedrock' },
  { host: /^api\.(cohere\.ai|cohere\.com|mistral\.ai|groq\.com|together\.xyz|deepseek\.com|perplexity\.ai)$/, vendor: 'an LLM provider' },
  { host: /^openrouter\.ai$/, vendor: 'an LLM provider' },
];
/** Plain HTTP calls: the URL, then where the request body is. */
const HTTP_BODY_CALLS: ReadonlyArray<{ callee: RegExp; body: 'fetch-options' | 'second' }> = [
  { callee: /^(window\.|globalThis\.)?fetch$/, body: 'fetch-options' },
  { callee: /^(axios|http|api|client|got|ky)\.(post|put|patch)$/, body: 'second' },
];
/** The fields of a chat-completion request that say what it is, not what it carries. */
const CHAT_REQUEST_SETTINGS = new Set(['model', 'temperature', 'max_tokens', 'maxTokens', 'stream', 'top_p', 'tools', 'tool_choice', 'response_format']);

/**
 * What a chat-completion request carries to the model: the `messages` and any other field that is not a setting
 * (`{ model, messages, context }`), or the values of a FHIR `Parameters` request's parameters other than `model`
 * (and its spread extras). Undefined when the object is not a chat request (no `model` beside `messages`).
 */
function chatRequestValues(request: Node): Node[] | undefined {
  if (request.type !== 'ObjectExpression') return undefined;
  const parameterList = propertyNamed(request, 'parameter')?.value as Node | undefined;
  if (parameterList?.type === 'ArrayExpression') {
    const named = new Map<string, Node[]>();
    const extras: Node[] = [];
    for (const element of parameterList.elements) {
      if (!element) continue;
      if (element.type === 'SpreadElement') {
        extras.push(element.argument as Node);
        continue;
      }
      if (element.type !== 'ObjectExpression') continue;
      const name = propertyNamed(element, 'name')?.value as Node | undefined;
      const key = name && isStringLiteral(name) ? name.value : undefined;
      if (!key) continue;
      const values = element.properties.flatMap((property) => (property.type === 'Property' && /^value/.test(keyName(property.key) ?? '') ? [property.value as Node] : []));
      named.set(key, values);
    }
    if (!named.has('messages') || !named.has('model')) return undefined;
    return [...[...named].filter(([key]) => !CHAT_REQUEST_SETTINGS.has(key)).flatMap(([, values]) => values), ...extras];
  }
  const keys = request.properties.flatMap((property) => (property.type === 'Property' && !property.computed ? [keyName(property.key) ?? ''] : []));
  if (!keys.includes('messages') || !keys.includes('model')) return undefined;
  return request.properties.flatMap((property) => (property.type === 'Property' ? (CHAT_REQUEST_SETTINGS.has(keyName(property.key) ?? '') ? [] : [property.value as Node]) : [property.argument as Node]));
}

/** Realtime (voice) sessions: the user's speech streams to the vendor for as long as the session lasts. */
const LLM_REALTIME_PATH = /\/realtime(\/|\?|$)/;

const OPENAI_CLIENT_WORDS = new Set(['openai', 'client', 'ai', 'llm', 'gpt', 'azure', 'groq', 'together', 'deepseek', 'openrouter', 'fireworks', 'perplexity', 'mistral']);
/** AWS Bedrock commands that carry a prompt. */
const BEDROCK_COMMANDS = new Set(['InvokeModelCommand', 'InvokeModelWithResponseStreamCommand', 'ConverseCommand', 'ConverseStreamCommand']);

/** OpenAI SDK v3 (`new OpenAIApi(configuration)`): methods that send a prompt. */
const OPENAI_V3_METHODS = new Set(['createChatCompletion', 'createCompletion', 'createEdit', 'createEmbedding', 'createModeration']);

/**
 * Firebase Cloud Messaging (firebase-admin): `admin.messaging().send(message)`, `getMessaging().sendEach(messages)`,
 * the legacy `sendToDevice(token, payload)`. The value is the index of the argument holding the payload.
 */
const FCM_METHODS: Record<string, number> = {
  send: 0, sendEach: 0, sendAll: 0, sendMulticast: 0, sendEachForMulticast: 0,
  sendToDevice: 1, sendToDeviceGroup: 1, sendToTopic: 1, sendToCondition: 1,
};
/** Variables that hold a Messaging instance, by name only (medium precision). */
const FCM_NAMES = /^(firebase|fcm|admin|push)?(messaging|fcm)(client|service)?$/i;
const ONESIGNAL_MODULES = /(^|\/)(@onesignal\/node-onesignal|onesignal-node|onesignal)$/i;

/**
 * Event collectors. A vendor list is never complete, so a collector is recognised at two levels:
 * by behaviour (an HTTP POST or beacon whose URL names a collector, or a client whose name says it is an
 * analytics/telemetry collector, handed an event) and by catalogue (Splunk HEC clients, CloudWatch RUM,
 * notification relays). Functions of the workspace that wrap such a call become senders through the
 * engine's summaries: their callers are reported when they pass PHI.
 */
/** Methods that hand an event to a collector client (`splunk.sendEvent`, `rum.recordEvent`, in-house wrappers). */
const EVENT_SEND_METHODS = new Set(['sendEvent', 'sendEvents', 'trackEvent', 'logEvent', 'recordEvent', 'pushEvent', 'postEvent', 'captureEvent']);
/**
 * Words that name an external collector in a client's name (`analyticsClient`, `telemetry`, `collector`).
 * Not `events` (the app's own event bus), not `tracker`/`tracking` (DHIS2's tracker is its own patient
 * records; parcels are tracked), not `metrics` (the app's own counters endpoint).
 */
const COLLECTOR_CLIENT_WORDS = new Set(['analytics', 'telemetry', 'collector']);
/** Splunk clients: `splunk.create({ baseUrl, token }).sendEvent(…)`, splunk-logging's `logger.send({ message })`. */
const SPLUNK_METHODS = new Set([...EVENT_SEND_METHODS, 'send']);
const SPLUNK_MODULES = /splunk/i;
/** CloudWatch RUM (`aws-rum-web`): the value argument of each recording method. */
const AWS_RUM_METHODS: Record<string, number> = { recordEvent: 1, recordError: 0, recordPageView: 0, addSessionAttributes: 0 };
const AWS_RUM_MODULE = /^aws-rum-web$/;
/** Names a RUM client goes by when its construction is elsewhere (medium precision). */
const AWS_RUM_NAMES = /^(aws_?rum|rum|rum_?client|rum_?instance|cwr|aws_?rum_?client|cpt_?aws_?rum)$/i;
/** Notification relays reached through an SDK: Pushover (`new Pushover({ user, token }).send(msg)`). */
const PUSHOVER_MODULES = /^(pushover-notifications|pushover-js|node-pushover|pushover-api)$/;
/** Apple push (node-apn): a `new apn.Notification()` whose text and payload fields are set, then sent by a provider. */
const APN_MODULES = /^(apn|node-apn|@parse\/node-apn)$/;
const APN_TEXT_FIELDS = new Set(['alert', 'body', 'title', 'subtitle', 'payload', 'aps', 'rawPayload']);

/**
 * Collectors reached with a plain HTTP client: known hosts and paths first, then words in the host's labels
 * or the path's segments that say what the endpoint collects. An absolute URL to any other host may be the
 * app's own backend and stays silent.
 */
const COLLECTOR_URLS: ReadonlyArray<{ url: RegExp; vendor: string; kind: VendorKind }> = [
  { url: /^https?:\/\/[^/]*\.splunkcloud\.com(\/|:|$)|\/services\/collector(\/|\?|$)/i, vendor: 'Splunk HTTP Event Collector', kind: 'event collector' },
  { url: /^https?:\/\/dataplane\.rum\.[a-z0-9-]+\.amazonaws\.com(\/|$)/i, vendor: 'AWS CloudWatch RUM', kind: 'event collector' },
  { url: /^https?:\/\/([^/]*\.)?(applicationinsights\.azure\.com|dc\.services\.visualstudio\.com)(\/|:|$)/i, vendor: 'Application Insights', kind: 'event collector' },
  { url: /^https?:\/\/api\.pushover\.net(\/|$)/i, vendor: 'Pushover', kind: 'notification relay' },
  { url: /^https?:\/\/maker\.ifttt\.com(\/|$)/i, vendor: 'IFTTT Maker webhooks', kind: 'notification relay' },
  { url: /^https?:\/\/(fcm\.googleapis\.com|api(\.sandbox|\.development)?\.push\.apple\.com|onesignal\.com|api\.onesignal\.com|exp\.host)(\/|:|$)/i, vendor: 'a push notification service', kind: 'push notification service' },
  { url: /^https?:\/\/(api|events)\.segment\.io(\/|$)|^https?:\/\/api(-js)?\.mixpanel\.com(\/|$)|^https?:\/\/api2?\.amplitude\.com(\/|$)|^https?:\/\/(www|region1)\.google-analytics\.com\/(g\/|mp\/)?collect/i, vendor: 'an analytics service', kind: 'analytics' },
];
/**
 * Host labels and path segments that name a collector: `splunk-hec.example.org`, `analytics.vendor.io`,
 * `/telemetry/v1/events`. A path's `analytics` (a reporting API), `collect` (specimen collection) and `ingest`
 * (the app's own data import) are as often the app's own backend, so only the host counts for `analytics`.
 */
const COLLECTOR_HOST_WORDS = new Set(['splunk', 'hec', 'collector', 'analytics', 'telemetry', 'beacon']);
const COLLECTOR_PATH_WORDS = new Set(['splunk', 'hec', 'collector', 'telemetry', 'beacon']);
/** Config keys that hold a collector's URL: `config.analyticsUrl`, `TELEMETRY_ENDPOINT`, `splunkHecUrl`. */
const COLLECTOR_KEY_WORDS = new Set(['splunk', 'hec', 'collector', 'analytics', 'telemetry', 'beacon']);
/** Plain HTTP calls that send a body: the URL first, then where the body is. */
const COLLECTOR_HTTP_CALLS: ReadonlyArray<{ callee: RegExp; body: 'fetch-options' | 'second' }> = [
  { callee: /^(window\.|globalThis\.)?fetch$/, body: 'fetch-options' },
  { callee: /^(window\.)?navigator\.sendBeacon$/, body: 'second' },
  { callee: /^(axios|http|https|api|client|got|ky|request|superagent|needle)\.(post|put|patch)$/, body: 'second' },
];
const COLLECTOR_HTTP_CALL_LAST_NAMES: ReadonlySet<string> = new Set(['fetch', 'sendBeacon', 'post', 'put', 'patch']);
/** What a file's text holds when it can make a Splunk, CloudWatch RUM, Pushover or APNs client (see noteCollectorClient). */
const COLLECTOR_CLIENT_HINT = /splunk|rum|pushover|apn/i;

/** Session-replay options that turn masking of typed or displayed text off when set to false. */
const REPLAY_MASK_OPTIONS: Record<string, { what: 'inputs' | 'page text'; vendor?: string }> = {
  maskAllInputs: { what: 'inputs' },
  maskAllText: { what: 'page text' },
  mask_all_inputs: { what: 'inputs', vendor: 'PostHog' },
  mask_all_text: { what: 'page text', vendor: 'PostHog' },
  maskTextInputs: { what: 'inputs' },
  inputSanitizer: { what: 'inputs', vendor: 'LogRocket' },
  textSanitizer: { what: 'page text', vendor: 'LogRocket' },
};

/** `window.analytics` → `analytics`; `amplitude.getInstance()` → `amplitude`; `this.mixpanel.people` → `mixpanel.people`. */
/** Calls that remove or mask what an event carries: `scrub(event)`, `redactUrl(…)`, `delete event.user`. */
const SCRUBBING_CALL = /scrub|redact|saniti[sz]|mask|strip|clean|anonymi[sz]|omit|purge|de-?identif|obfuscat|remove/i;
/** Event fields a hook may set without removing anything captured. */
const LABEL_FIELDS = new Set(['transaction', 'tags', 'level', 'fingerprint', 'environment', 'release', 'dist', 'server_name']);

/** Stack-frame fields: rewriting their paths for source maps removes nothing the tracker captured. */
const STACK_FRAME_FIELDS = new Set(['frames', 'stacktrace', 'filename', 'abs_path', 'module', 'lineno', 'colno']);
/** Words of helpers and fields that handle only credentials (an Okta id token, a password): they leave PHI in place. */
const CREDENTIAL_WORDS = new Set(['token', 'tokens', 'password', 'passwords', 'passwd', 'secret', 'secrets', 'credential', 'credentials', 'auth', 'jwt', 'bearer', 'cookie', 'cookies', 'okta', 'oauth', 'apikey', 'authorization', 'pw', 'pass']);
/** Words that say a helper scrubs more than credentials. */
const BROAD_SCRUB_WORDS = new Set(['phi', 'pii', 'personal', 'patient', 'person', 'user', 'url', 'urls', 'query', 'body', 'request', 'data', 'event', 'payload', 'all', 'sensitive', 'envelope', 'item', 'breadcrumb', 'breadcrumbs']);

/** `stripIdTokenFromOktaRedirectUri`, `sanitizeOktaToken`, `'password'`: about credentials only. */
function isCredentialOnly(name: string | undefined): boolean {
  if (!name) return false;
  const words = splitWords(name).map((word) => word.toLowerCase());
  return words.some((word) => CREDENTIAL_WORDS.has(word)) && !words.some((word) => BROAD_SCRUB_WORDS.has(word));
}

/** `isStaticFileToSkip(envelope)`, `shouldIgnore(event)`: a predicate reads the event, it does not change it. */
const PREDICATE_NAME = /^(is|has|should|can|was|matches|includes)([A-Z_]|$)/;

/**
 * Whether a tracker hook (`beforeSend(event) {…}`, Rollbar's `transform(payload)`, an Application Insights
 * telemetry initializer) removes or replaces anything of the event it passes on. Dropping some events
 * (`return null`/`return false`), relabelling (tags, transaction), rewriting stack-frame paths and
 * stripping credentials leave what the tracker captured in the events it does send.
 */
function scrubsEvent(fn: Node): boolean {
  if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression' && fn.type !== 'FunctionDeclaration') return true;
  const eventName = fn.params[0]?.type === 'Identifier' ? fn.params[0].name : undefined;
  if (!eventName) return true;
  const aliases = new Set<string>([eventName]);
  const unwrap = (node: Node): Node => (node.type === 'ChainExpression' || node.type === 'TSNonNullExpression' || node.type === 'TSAsExpression' ? unwrap(node.expression as Node) : node);
  const rootedAtEvent = (node: Node): boolean => {
    const bare = unwrap(node);
    return bare.type === 'MemberExpression' ? rootedAtEvent(bare.object) : bare.type === 'Identifier' && aliases.has(bare.name);
  };
  // `const trace = payload.body.trace`, `const item = envelope?.baseData`: parts of the event under another name.
  findInSubtree(fn.body as Node, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init && unwrap(node.init).type === 'MemberExpression' && rootedAtEvent(node.init)) aliases.add(node.id.name);
    return false;
  });
  const pathSegments = (node: Node): string[] => {
    const bare = unwrap(node);
    return bare.type === 'MemberExpression' ? [...pathSegments(bare.object), propertyName(bare) ?? ''] : [];
  };
  const passesEventOn = (node: Node | null | undefined): boolean => {
    if (!node || (node.type === 'Identifier' && (node.name === eventName || node.name === 'undefined')) || (node.type === 'Literal' && (node.value === null || node.value === false || node.value === true))) return true;
    if (node.type === 'ConditionalExpression') return passesEventOn(node.consequent) && passesEventOn(node.alternate);
    if (node.type === 'LogicalExpression') return passesEventOn(node.left) && passesEventOn(node.right);
    return node.type === 'UnaryExpression' && node.operator === 'void';
  };
  const scrubbing = (node: Node): boolean => {
    // `delete event.request.cookies`: removing credentials leaves the PHI
    if (node.type === 'UnaryExpression' && node.operator === 'delete') return !isCredentialOnly(pathSegments(node.argument as Node).at(-1));
    if (node.type === 'CallExpression') {
      const callee = lastSegment(node.callee as Node) ?? '';
      if (PREDICATE_NAME.test(callee) || isCredentialOnly(callee)) return false;
      // Handing the event (or a part of it) to another function may scrub it: we cannot see inside.
      if (node.arguments.some((argument) => rootedAtEvent(argument as Node))) return true;
      return SCRUBBING_CALL.test(callee);
    }
    if (node.type === 'AssignmentExpression' && rootedAtEvent(node.left as Node) && unwrap(node.left as Node).type === 'MemberExpression') {
      const segments = pathSegments(node.left as Node);
      if (segments.some((segment) => STACK_FRAME_FIELDS.has(segment)) || isCredentialOnly(segments.at(-1))) return false;
      const value = unwrap(node.right as Node);
      if (value.type === 'CallExpression' && isCredentialOnly(lastSegment(value.callee as Node))) return false;
      const left = unwrap(node.left as Node) as TSESTree.MemberExpression;
      const field = unwrap(left.object as Node).type === 'Identifier' ? propertyName(left) : undefined;
      return !(field && LABEL_FIELDS.has(field));
    }
    if (node.type === 'ReturnStatement') return !passesEventOn(node.argument as Node | null);
    return false;
  };
  if (fn.body.type !== 'BlockStatement' && !passesEventOn(fn.body as Node)) return true;
  return findInSubtree(fn.body as Node, scrubbing) !== undefined;
}

/**
 * A list of fields to scrub (`scrubFields`, `redactedKeys`) that names only credentials (`['password',
 * 'secret']`, Rollbar's own defaults) removes no PHI. A list we cannot read may name anything.
 */
function scrubsFields(list: Node): boolean {
  if (list.type !== 'ArrayExpression') return true;
  if (list.elements.length === 0) return false;
  return list.elements.some((element) => !element || element.type !== 'Literal' || typeof element.value !== 'string' || !isCredentialOnly(element.value));
}

/** `redactedKeys: options.redactedKeys ? … : undefined`: a hook only when the caller configures one. */
function isConditionalHook(value: Node): boolean {
  const isNothing = (node: Node) => (node.type === 'Identifier' && node.name === 'undefined') || (node.type === 'Literal' && node.value === null);
  return value.type === 'ConditionalExpression' && (isNothing(value.consequent as Node) || isNothing(value.alternate as Node));
}

/** Whether `name` (in `{ ...name }`) is a parameter of the function around `site` (the walk has reached `site`, not `name`). */
function isParameterOfFunctionAround(node: Node, site: Node): boolean {
  if (node.type !== 'Identifier') return false;
  for (let current = parentOf(site); current; current = parentOf(current)) {
    if (current.type === 'ArrowFunctionExpression' || current.type === 'FunctionExpression' || current.type === 'FunctionDeclaration') {
      return current.params.some((param) => (param.type === 'Identifier' ? param.name : param.type === 'AssignmentPattern' && param.left.type === 'Identifier' ? param.left.name : undefined) === node.name);
    }
  }
  return false;
}

function receiverPath(object: Node): string | undefined {
  let node: Node = object;
  while (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') node = node.callee.object; // amplitude.getInstance()
  const dotted = dottedName(node);
  if (!dotted) return undefined;
  return dotted.replace(/^(window|globalThis|self|this|global)\./, '');
}

function rootName(node: Node): string | undefined {
  let current: Node = node;
  for (;;) {
    if (current.type === 'MemberExpression') current = current.object;
    else if (current.type === 'CallExpression') current = current.callee;
    else if (current.type === 'ChainExpression') current = current.expression;
    else if (current.type === 'TSNonNullExpression') current = current.expression;
    else break;
  }
  if (current.type === 'Identifier') return current.name;
  if (current.type === 'ThisExpression') return 'this';
  return undefined;
}

function wordsOf(name: string | undefined): readonly string[] {
  return name ? splitWords(name) : [];
}

function isFunctionNode(node: Node): boolean {
  return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression';
}

/**
 * The names a call's receiver is reached through, innermost last: `splunkInstance('booking')` → splunkInstance,
 * `this.analyticsService` → analyticsService, `cptAwsRum.getAwsRum()` → getAwsRum, cptAwsRum.
 */
function receiverNames(object: Node): string[] {
  const names: string[] = [];
  let current: Node | undefined = object;
  while (current) {
    if (current.type === 'MemberExpression') {
      const name = propertyName(current);
      if (name) names.push(name);
      current = current.object;
    } else if (current.type === 'CallExpression') current = current.callee as Node;
    else if (current.type === 'ChainExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSAsExpression') current = current.expression as Node;
    else if (current.type === 'Identifier') {
      names.push(current.name);
      current = undefined;
    } else current = undefined;
  }
  return names;
}

function hasWord(names: readonly string[], words: ReadonlySet<string> | string): boolean {
  return names.some((name) => splitWords(name).some((word) => (typeof words === 'string' ? word.toLowerCase() === words : words.has(word.toLowerCase()))));
}

/**
 * The text of a URL expression with unknown parts as `\u0000`: `${base}/services/collector` → `\u0000/services/collector`.
 * Undefined when nothing of it is known.
 */
function urlTextOf(node: Node, context: RuleContext<MessageId>): string | undefined {
  if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : undefined;
  if (node.type === 'TemplateLiteral') return node.quasis.map((quasi) => quasi.value.cooked ?? '').join('\u0000');
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    const left = urlTextOf(node.left as Node, context);
    const right = urlTextOf(node.right as Node, context);
    return left === undefined && right === undefined ? undefined : `${left ?? '\u0000'}${right ?? '\u0000'}`;
  }
  const constant = context.constantOf(node);
  if (typeof constant === 'string') return constant;
  return context.stringPrefixOf(node)?.text;
}

/** The names a URL expression is built from (`config.analyticsUrl`, `${SPLUNK_HEC_URL}/…`), to read what its key says. */
function urlNamesOf(node: Node): string[] {
  if (node.type === 'TemplateLiteral') return node.expressions.flatMap((expression) => urlNamesOf(expression as Node));
  if (node.type === 'BinaryExpression') return [...urlNamesOf(node.left as Node), ...urlNamesOf(node.right as Node)];
  const name = node.type === 'Identifier' ? node.name : node.type === 'MemberExpression' ? propertyName(node) : undefined;
  return name ? [name] : [];
}

interface Sink {
  vendor: string;
  kind: VendorKind;
  /** The values sent. */
  values: Node[];
  keyValue?: boolean;
  precision?: Precision;
  /** Report at the value itself, not at the property of it that carries PHI (the fields of a hint already picked). */
  exact?: boolean;
}

// ── one file ──────────────────────────────────────────────────────────────────────────────────

class ThirdPartyFile {
  readonly knownLlms: Set<string>;
  readonly localLlms = new Set<string>();
  /** Variables bound to `admin.messaging()` / `getMessaging()`, and to OneSignal clients. */
  readonly fcmInstances = new Set<string>();
  readonly oneSignalClients = new Set<string>();
  importsOneSignal = false;
  /** `const rollbarConfig = {…}`: object literals by name, for options handed over by name (`<Provider config={rollbarConfig}>`). */
  readonly objectConstants = new Map<string, TSESTree.ObjectExpression>();
  /** What other names are bound to here (`const x = JSON.parse(…)`, `const { tags, ...rest } = CONFIG`), to tell where an init's options come from. */
  readonly boundTo = new Map<string, Node>();
  /** Application Insights: the clients made here, the inits, and the telemetry initializers/processors added. */
  readonly appInsightsClients = new Set<string>();
  readonly appInsightsInits: Array<{ at: Node; captured: string; precision: Precision; hook: string }> = [];
  readonly telemetryInitializers: Node[] = [];
  /** Functions declared here by name, to read an initializer passed by name. */
  readonly functions = new Map<string, Node>();
  importsAppInsights = false;
  /** Variables bound to collector clients made here: Splunk clients, CloudWatch RUM, Pushover. */
  readonly splunkClients = new Set<string>();
  readonly rumClients = new Set<string>();
  readonly pushoverClients = new Set<string>();
  readonly apnNotifications = new Set<string>();
  /** `const { default: Bugsnag } = await import('@bugsnag/js')` inside a function: local name → module. */
  readonly dynamicImports = new Map<string, string>();
  /**
   * Unscrubbed tracker starts already reported here, by vendor and what they capture. A module that starts the same
   * tracker the same way on several paths (the normal start, a fallback when the native SDK is missing, a last resort
   * in `catch`) has one unscrubbed configuration, not one per attempt: the first start is reported.
   */
  readonly unscrubbedStarts = new Set<string>();
  /** HTTP instrumentation configs already reported (one config used by both the auto and the manual SDK path). */
  readonly reportedTracingConfigs = new Set<Node>();
  /**
   * Whether the file can make a collector client at all: each needs a name or module that says splunk, rum,
   * pushover or apn. Asked once per file instead of reading the names of every call that initialises a variable.
   */
  readonly mayMakeCollectorClients: boolean;
  /** The request shape (HTTP_BODY_CALLS) of the last call asked: llmHttpCall and chatRequestCall ask for the same call in turn. */
  private shapeOf: TSESTree.CallExpression | undefined;
  private shape: (typeof HTTP_BODY_CALLS)[number] | undefined;

  constructor(
    readonly context: RuleContext<MessageId>,
    readonly options: Readonly<Options>,
  ) {
    this.knownLlms = new Set<string>(this.options.llmNames);
    this.mayMakeCollectorClients = COLLECTOR_CLIENT_HINT.test(context.text);
  }


  messageIdOf(kind: VendorKind): MessageId {
    if (kind === 'chat widget') return 'chatWidget';
    return kind === 'event collector' ? 'collector' : kind === 'notification relay' ? 'relay' : kind === 'analytics' ? 'analytics' : kind === 'error tracker' ? 'errorTracker' : kind === 'push notification service' ? 'push' : 'llm';
  }

  isTrapName(name: string) {
    return this.context.classifyName(`${name}Ssn`).length === 0 || this.context.classifyName(`ssn_${name}`).length === 0;
  }

  /** `setTag('dob', value)`: the key says what an opaque value is. */
  keyKinds(key: Node | undefined, value: Node): Taint | undefined {
    if (!isStringLiteral(key) || isConstantExpression(value) || this.context.hasTag(value, 'sanitized') || this.context.hasTag(value, 'encrypted')) return undefined;
    const name = value.type === 'Identifier' ? value.name : value.type === 'MemberExpression' ? propertyName(value) : undefined;
    if (name && this.isTrapName(name)) return undefined;
    if (this.onlyOpaqueFields(value)) return undefined;
    const kinds = this.context.classifyName(key.value);
    return kinds.length ? { kinds, origins: [], confidence: 'medium' } : undefined;
  }

  /**
   * `setContext('person', { _id: person._id })`, `setContext('person', {})`: a literal whose every field is an opaque id,
   * a count or a flag (or that has none) sends nothing of the person the key names, only a handle to find the record.
   */
  onlyOpaqueFields(value: Node): boolean {
    if (value.type === 'ArrayExpression') return value.elements.length === 0;
    if (value.type !== 'ObjectExpression') return false;
    return value.properties.every((property) => {
      if (property.type !== 'Property' || property.computed) return false;
      const key = keyName(property.key);
      return key !== undefined && (/^_?(id|uuid|guid)$/i.test(key) || this.context.classify(key).trap) && this.context.taintOf(property.value as Node).kinds.length === 0;
    });
  }

  /** The first value that carries PHI, with the union of what all values carry. */
  phiOf(values: Node[], keyValue: boolean, exact = false): { node: Node; taint: Taint } | undefined {
    let first: Node | undefined;
    const kinds = new Set<string>();
    const origins: Taint['origins'][number][] = [];
    let confidence: Taint['confidence'] = 'medium';
    values.forEach((value, i) => {
      if (value.type === 'SpreadElement' || isFunctionNode(value)) return;
      const own = this.context.taintOf(value);
      const taint = own.kinds.length ? own : keyValue && i > 0 ? this.keyKinds(values[i - 1], value) : undefined;
      if (!taint?.kinds.length) return;
      // Point at the property that carries it: `{ messages: […] }`, `{ extra: { ssn } }`.
      first ??= (exact ? undefined : this.taintedProperty(value)) ?? value;
      taint.kinds.forEach((kind) => kinds.add(kind));
      for (const origin of taint.origins) if (origins.length < 3) origins.push(origin);
      if (taint.confidence === 'high') confidence = 'high';
    });
    return first ? { node: first, taint: { kinds: [...kinds].sort(), origins, confidence } } : undefined;
  }

  taintedProperty(value: Node): Node | undefined {
    if (value.type !== 'ObjectExpression') return undefined;
    for (const property of value.properties) {
      const inner = property.type === 'Property' ? (property.value as Node) : property.argument;
      if (this.context.taintOf(inner).kinds.length) return inner;
    }
    return undefined;
  }

  /** The prompt fields of an LLM request object (or the whole argument when it is not a literal). */
  promptValues(argument: Node | undefined): Node[] {
    if (!argument) return [];
    if (argument.type !== 'ObjectExpression') return [argument];
    const values: Node[] = [];
    for (const property of argument.properties) {
      if (property.type === 'SpreadElement') values.push(property.argument);
      else if (!property.computed && PROMPT_KEYS.has(keyName(property.key) ?? '')) values.push(property.value as Node);
      else if (!property.computed && keyName(property.key) === 'user') values.push(property.value as Node); // OpenAI end-user field
    }
    return values;
  }

  hasKey(argument: Node | undefined, key: string): boolean {
    return (
    argument?.type === 'ObjectExpression' && propertyNamed(argument, key) !== undefined);
  }

  /** OpenAI, Anthropic, Gemini and LangChain calls. */
  llmCall(node: TSESTree.CallExpression): Sink | undefined {
    const call = memberCall(node);
    if (!call) return undefined;
    const path = dottedName(call.object) ?? '';
    const root = rootName(call.object);
    const rootWords = wordsOf(root === 'this' ? lastSegment(call.object) : root);
    const first = node.arguments[0];
    // openai.chat.completions.create / .parse / .stream, client.beta.chat.completions.parse
    if (['create', 'parse', 'stream'].includes(call.method)) {
      if (/(^|\.)chat\.completions$/.test(path)) return { vendor: 'OpenAI', kind: 'LLM API', values: this.promptValues(first) };
      if (/(^|\.)(responses|completions|embeddings)$/.test(path) && (rootWords.some((word) => OPENAI_CLIENT_WORDS.has(word)) || this.hasKey(first, 'model'))) {
        return { vendor: 'OpenAI', kind: 'LLM API', values: this.promptValues(first), precision: rootWords.includes('openai') ? undefined : 'medium' };
      }
      // anthropic.messages.create({ model, max_tokens, messages, system }) — not Twilio's client.messages.create({ body, to })
      if (/(^|\.)messages$/.test(path) && (this.hasKey(first, 'model') || rootWords.some((word) => word === 'anthropic' || word === 'claude'))) {
        return { vendor: 'Anthropic', kind: 'LLM API', values: this.promptValues(first) };
      }
    }
    // OpenAI SDK v3: new OpenAIApi(configuration).createChatCompletion({ model, messages })
    if (OPENAI_V3_METHODS.has(call.method)) {
      const name = lastSegment(call.object);
      if ((name && this.knownLlms.has(name)) || rootWords.includes('openai') || wordsOf(name).includes('openai')) return { vendor: 'OpenAI', kind: 'LLM API', values: this.promptValues(first) };
      return undefined;
    }
    if (call.method === 'generateContent' || call.method === 'generateContentStream' || call.method === 'countTokens') {
      return { vendor: 'Google Gemini', kind: 'LLM API', values: first?.type === 'ObjectExpression' ? this.promptValues(first) : [...node.arguments] };
    }
    if (RUNNABLE_METHODS.has(call.method)) {
      const name = lastSegment(call.object);
      if (!name || this.localLlms.has(name)) return undefined;
      if (this.knownLlms.has(name)) return { vendor: 'an LLM provider', kind: 'LLM API', values: [...node.arguments] };
      const words = splitWords(name);
      const allowed = RUNNABLE_STRICT_METHODS.has(call.method) ? RUNNABLE_STRICT_WORDS : RUNNABLE_WORDS;
      if (words.some((word) => allowed.has(word))) return { vendor: 'an LLM provider', kind: 'LLM API', values: [...node.arguments], precision: 'medium' };
    }
    return undefined;
  }

  /** `admin.messaging()`, `getMessaging(app)`, `firebase.messaging()`, or a variable holding one. */
  isFcmMessaging(object: Node): { precision?: Precision } | undefined {
    let node = object;
    while (node.type === 'TSNonNullExpression' || node.type === 'ChainExpression') node = node.expression;
    if (node.type === 'CallExpression') {
      const callee = node.callee.type === 'ChainExpression' ? node.callee.expression : node.callee;
      if (callee.type === 'Identifier' && callee.name === 'getMessaging') return {};
      if (callee.type === 'MemberExpression' && propertyName(callee) === 'messaging') return {};
      return undefined;
    }
    const name = lastSegment(node);
    if (!name) return undefined;
    if (this.fcmInstances.has(name)) return {};
    return FCM_NAMES.test(name) ? { precision: 'medium' } : undefined;
  }

  isOneSignalClient(object: Node): { precision?: Precision } | undefined {
    const name = lastSegment(object);
    if (!name) return undefined;
    if (this.oneSignalClients.has(name)) return {};
    if (/one_?signal/i.test(name)) return { precision: 'medium' };
    return /^client$/i.test(name) && this.importsOneSignal ? { precision: 'medium' } : undefined;
  }

  /** Push notification services: the payload leaves the BAA boundary (APNs, FCM) and shows on lock screens. */
  pushCall(node: TSESTree.CallExpression): Sink | undefined {
    const args = node.arguments as Node[];
    if (node.callee.type === 'Identifier') {
      // import { sendNotification } from 'web-push'
      const source = this.context.importedFrom(node.callee.name);
      if (source?.module === 'web-push' && source.imported === 'sendNotification') return { vendor: 'Web Push', kind: 'push notification service', values: args.slice(1, 2) };
      return undefined;
    }
    const call = memberCall(node);
    if (!call) return undefined;
    if (call.method === 'sendNotification') {
      const root = rootName(call.object);
      const module = root ? this.context.importedFrom(root)?.module : undefined;
      if (module === 'web-push' || (root && /^web_?push$/i.test(root))) return { vendor: 'Web Push', kind: 'push notification service', values: args.slice(1, 2) };
      return undefined;
    }
    if (call.method in FCM_METHODS && Object.prototype.hasOwnProperty.call(FCM_METHODS, call.method)) {
      const fcm = this.isFcmMessaging(call.object);
      if (!fcm) return undefined;
      const index = FCM_METHODS[call.method];
      return { vendor: 'Firebase Cloud Messaging', kind: 'push notification service', values: args.slice(index, index + 1), precision: fcm.precision };
    }
    // Expo: expo.chunkPushNotifications(messages) only batches messages for sendPushNotificationsAsync(chunk)
    if (call.method === 'sendPushNotificationsAsync' || call.method === 'chunkPushNotifications') return { vendor: 'Expo push', kind: 'push notification service', values: args.slice(0, 1) };
    if (call.method === 'createNotification') {
      const client = this.isOneSignalClient(call.object);
      if (client) return { vendor: 'OneSignal', kind: 'push notification service', values: args.slice(0, 1), precision: client.precision };
    }
    return undefined;
  }

  vendorCall(node: TSESTree.CallExpression): Sink | undefined {
    const push = this.pushCall(node);
    if (push) return push;
    if (node.callee.type === 'Identifier') {
      const imported = this.importedVendorFunction(node.callee.name);
      if (imported) {
        const values = imported.vendor === 'Sentry' ? sentCaptureArguments(imported.method, node.arguments as Node[]) : [...node.arguments];
        return { vendor: imported.vendor, kind: imported.kind, values, keyValue: imported.keyValue?.includes(imported.method), precision: imported.precision, exact: values.length !== node.arguments.length || values.some((value, i) => value !== node.arguments[i]) };
      }
      const spec = VENDOR_FUNCTIONS[node.callee.name];
      if (!spec) return this.llmHttpCall(node) ?? this.chatRequestCall(node);
      if (spec.kind === 'LLM API') return { ...spec, values: this.promptValues(node.arguments[0]) };
      if (spec.skipFirst) {
        // Firebase: the first argument is the analytics instance
        const instance = node.arguments[0] ? lastSegment(node.arguments[0]) : undefined;
        if (!instance || !/analytics/i.test(instance)) return undefined;
        return { ...spec, values: node.arguments.slice(1) };
      }
      return { ...spec, values: [...node.arguments] };
    }
    const call = memberCall(node);
    if (!call) return this.llmHttpCall(node) ?? this.chatRequestCall(node);
    // window.gtag('event', name, props), window.Intercom('update', { email }): a vendor's global function read from the global object
    const global = GLOBAL_VENDOR_FUNCTIONS.has(call.method) && call.object.type === 'Identifier' && (call.object.name === 'window' || call.object.name === 'globalThis') ? VENDOR_FUNCTIONS[call.method] : undefined;
    if (global) return { ...global, values: [...node.arguments] };
    // Most calls' methods are no vendor's: the receiver's path is read and the vendors scanned only for one that is.
    const path = VENDOR_METHODS.has(call.method) ? receiverPath(call.object) : undefined;
    if (path) {
      for (const spec of VENDORS) {
        if (!spec.methods.includes(call.method)) continue;
        if (!spec.receivers.some((receiver) => path === receiver || path.endsWith(`.${receiver}`) && receiver.includes('.'))) continue;
        const values = spec.vendor === 'Sentry' ? sentCaptureArguments(call.method, node.arguments as Node[]) : [...node.arguments];
        return { vendor: spec.vendor, kind: spec.kind, values, keyValue: spec.keyValue?.includes(call.method), precision: spec.precision, exact: values.length !== node.arguments.length || values.some((value, i) => value !== node.arguments[i]) };
      }
    }
    return this.llmCall(node) ?? this.llmHttpCall(node) ?? this.chatRequestCall(node);
  }

  /**
   * A tracker's function imported by name from its SDK (`import { captureException, setContext } from '@sentry/react-native'`):
   * the same call as `Sentry.captureException(…)`, whatever local name it is bound to.
   */
  importedVendorFunction(local: string): (VendorSpec & { method: string }) | undefined {
    const imported = this.context.importedFrom(local);
    if (!imported) return undefined;
    const entry = IMPORTED_VENDOR_FUNCTIONS.find((candidate) => candidate.module.test(imported.module));
    const spec = entry ? VENDORS.find((candidate) => candidate.vendor === entry.vendor && candidate.receivers.includes(entry.receiver)) : undefined;
    return spec && spec.methods.includes(imported.imported) ? { ...spec, method: imported.imported } : undefined;
  }

  /**
   * A chat-completion request by its shape, whatever serves it: a body with a `model` and the `messages` of a
   * conversation (OpenAI's protocol, which LLM gateways and proxies speak), or a FHIR `Parameters` resource with
   * `messages` and `model` parameters handed to a server-side bot that forwards it to a model
   * (`medplum.executeBot(id, { resourceType: 'Parameters', parameter: [{ name: 'messages', … }, { name: 'model', … }] })`).
   * What the conversation and the other parameters carry goes to the model's vendor; medium precision, since
   * the model behind a gateway may be one the deployment hosts itself.
   */
  chatRequestCall(node: TSESTree.CallExpression): Sink | undefined {
    const call = memberCall(node);
    let request: Node | undefined;
    if (call?.method === 'executeBot') request = node.arguments[1] as Node | undefined;
    else {
      const shape = this.requestShape(node);
      const options = node.arguments[1] as Node | undefined;
      if (shape?.body === 'second') request = options;
      else if (shape && options?.type === 'ObjectExpression') {
        const body = propertyNamed(options, 'body')?.value as Node | undefined;
        const inner = body ? unwrap(body) : undefined;
        request = inner?.type === 'CallExpression' && memberCall(inner)?.method === 'stringify' ? (inner.arguments[0] as Node | undefined) : undefined;
      }
    }
    const values = request ? chatRequestValues(unwrap(request)) : undefined;
    return values ? { vendor: 'a language model (chat request)', kind: 'LLM API', values, precision: 'medium' } : undefined;
  }

  /** `fetch(url, options)`, `axios.post(url, body)`: how a call's request carries its body (HTTP_BODY_CALLS), or undefined. */
  private requestShape(node: TSESTree.CallExpression): (typeof HTTP_BODY_CALLS)[number] | undefined {
    if (this.shapeOf !== node) {
      const callee = dottedName(node.callee) ?? '';
      this.shapeOf = node;
      this.shape = HTTP_BODY_CALLS.find((candidate) => candidate.callee.test(callee));
    }
    return this.shape;
  }

  /** `fetch('https://api.openai.com/v1/chat/completions', { body: JSON.stringify({ messages }) })` and axios posts to LLM hosts. */
  llmHttpCall(node: TSESTree.CallExpression): Sink | undefined {
    const shape = this.requestShape(node);
    // The URL's value is worked out only for a call shaped like a request (evaluating every call's first argument cost ~2% of a scan).
    if (!shape) return undefined;
    const url = node.arguments[0] ? this.context.stringPrefixOf(node.arguments[0]) : undefined;
    const host = url ? /^https?:\/\/([^/:?#]+)/i.exec(url.text)?.[1]?.toLowerCase() : undefined;
    const vendor = host ? LLM_API_HOSTS.find((candidate) => candidate.host.test(host))?.vendor : undefined;
    if (!vendor || !url) return undefined;
    if (LLM_REALTIME_PATH.test(url.text)) {
      this.context.report({ node: node.arguments[0], messageId: 'llmRealtime', data: { vendor }, precision: 'medium' });
      return undefined;
    }
    const options = node.arguments[1];
    if (shape.body === 'second') return options ? { vendor, kind: 'LLM API', values: [options] } : undefined;
    const body = options?.type === 'ObjectExpression' ? propertyNamed(options, 'body') : undefined;
    return body ? { vendor, kind: 'LLM API', values: [body.value as Node] } : undefined;
  }

  /** Event collectors by catalogue (Splunk, CloudWatch RUM, Pushover) and by behaviour (a collector client's event method, an HTTP POST to a collector URL). */
  collectorCall(node: TSESTree.CallExpression): Sink | undefined {
    const args = node.arguments as Node[];
    // CloudWatch RUM's snippet API: cwr('recordEvent', { type, data })
    if (node.callee.type === 'Identifier' && node.callee.name === 'cwr' && isStringLiteral(args[0]) && args[0].value in AWS_RUM_METHODS) {
      return { vendor: 'AWS CloudWatch RUM', kind: 'event collector', values: args.slice(1) };
    }
    const call = memberCall(node);
    if (!call) return this.collectorHttpCall(node);
    // Most calls are none of these: skip reading the receiver's names for them.
    if (!SPLUNK_METHODS.has(call.method) && !Object.prototype.hasOwnProperty.call(AWS_RUM_METHODS, call.method)) return this.collectorHttpCall(node);
    const names = receiverNames(call.object);
    const modules = names.flatMap((name) => this.moduleOf(name) ?? []);
    const client = lastSegment(call.object) ?? names[names.length - 1];
    if (SPLUNK_METHODS.has(call.method) && (names.some((name) => this.splunkClients.has(name)) || hasWord(names, 'splunk') || modules.some((module) => SPLUNK_MODULES.test(module)))) {
      return { vendor: 'Splunk HTTP Event Collector', kind: 'event collector', values: args };
    }
    if (Object.prototype.hasOwnProperty.call(AWS_RUM_METHODS, call.method)) {
      const known = (client !== undefined && this.rumClients.has(client)) || modules.some((module) => AWS_RUM_MODULE.test(module));
      if (known || names.some((name) => AWS_RUM_NAMES.test(name)) || hasWord(names, 'rum')) {
        const index = AWS_RUM_METHODS[call.method];
        return { vendor: 'AWS CloudWatch RUM', kind: 'event collector', values: args.slice(index, index + 1), precision: known ? undefined : 'medium' };
      }
    }
    if (call.method === 'send' && ((client !== undefined && this.pushoverClients.has(client)) || hasWord(names, 'pushover'))) {
      return { vendor: 'Pushover', kind: 'notification relay', values: args.slice(0, 1), precision: client !== undefined && this.pushoverClients.has(client) ? undefined : 'medium' };
    }
    if (EVENT_SEND_METHODS.has(call.method) && hasWord(names, COLLECTOR_CLIENT_WORDS)) {
      return { vendor: 'an analytics collector', kind: 'event collector', values: args, precision: 'medium' };
    }
    return this.collectorHttpCall(node);
  }

  /** `fetch('https://hec.example.org/services/collector', { method: 'POST', body })`, `navigator.sendBeacon(config.analyticsUrl, data)`. */
  collectorHttpCall(node: TSESTree.CallExpression): Sink | undefined {
    // Every shape's callee ends in one of these (most calls end in none).
    if (!COLLECTOR_HTTP_CALL_LAST_NAMES.has(lastSegment(node.callee) ?? '')) return undefined;
    const callee = dottedName(node.callee) ?? '';
    const shape = COLLECTOR_HTTP_CALLS.find((candidate) => candidate.callee.test(callee));
    const urlNode = node.arguments[0] as Node | undefined;
    if (!shape || !urlNode) return undefined;
    const options = node.arguments[1] as Node | undefined;
    const body = shape.body === 'second' ? options : options?.type === 'ObjectExpression' ? (propertyNamed(options, 'body')?.value as Node | undefined) : undefined;
    if (!body) return undefined;
    const collector = this.collectorOfUrl(urlNode);
    return collector ? { ...collector, values: [body] } : undefined;
  }

  /** Which collector a URL reaches: a known host or path, words in an absolute URL's host or path, or a config key that says so. */
  collectorOfUrl(url: Node): { vendor: string; kind: VendorKind; precision?: Precision } | undefined {
    const text = urlTextOf(url, this.context);
    if (text !== undefined) {
      const known = COLLECTOR_URLS.find((candidate) => candidate.url.test(text));
      if (known) return { vendor: known.vendor, kind: known.kind };
      const absolute = /^https?:\/\/([^/?#\u0000]+)([^?#\u0000]*)/i.exec(text);
      // A relative URL, or one on a configured base, is the app's own backend.
      if (!absolute) return undefined;
      const hostWords = absolute[1].toLowerCase().split(/[.-]/);
      const pathWords = absolute[2].toLowerCase().split(/[/_.-]/);
      if (hostWords.some((word) => COLLECTOR_HOST_WORDS.has(word)) || pathWords.some((word) => COLLECTOR_PATH_WORDS.has(word))) return { vendor: 'an external event collector', kind: 'event collector', precision: 'medium' };
      return undefined;
    }
    if (hasWord(urlNamesOf(url), COLLECTOR_KEY_WORDS)) return { vendor: 'an external event collector', kind: 'event collector', precision: 'medium' };
    return undefined;
  }

  /** `const logger = new SplunkLogger(config)`, `splunk.create({ baseUrl, token })`, `new AwsRum(…)`, `new Pushover({ user, token })`. */
  private noteCollectorClient(name: string, init: Node): void {
    if (init.type !== 'NewExpression' && init.type !== 'CallExpression') return;
    if (!this.mayMakeCollectorClients) return;
    const callee = init.callee as Node;
    const names = receiverNames(callee);
    const modules = names.flatMap((candidate) => this.moduleOf(candidate) ?? []);
    if (hasWord(names, 'splunk') || modules.some((module) => SPLUNK_MODULES.test(module))) this.splunkClients.add(name);
    if (init.type !== 'NewExpression') return;
    if (modules.some((module) => AWS_RUM_MODULE.test(module))) this.rumClients.add(name);
    if (modules.some((module) => PUSHOVER_MODULES.test(module))) this.pushoverClients.add(name);
    if (lastSegment(callee) === 'Notification' && modules.some((module) => APN_MODULES.test(module))) {
      this.apnNotifications.add(name);
      // new apn.Notification({ alert, payload })
      const options = init.arguments[0] as Node | undefined;
      if (options?.type === 'ObjectExpression') this.reportApnFields(options.properties.flatMap((property) => (property.type === 'Property' && APN_TEXT_FIELDS.has(keyName(property.key) ?? '') ? [property.value as Node] : [])));
    }
  }

  /** `notification.alert = …`, `notification.payload = …` on an APNs notification made here. */
  onAssignmentExpression(node: TSESTree.AssignmentExpression): void {
    const target = node.left;
    const bound = target.type === 'Identifier' ? target.name : target.type === 'MemberExpression' ? propertyName(target) : undefined;
    if (bound && node.operator === '=') this.noteLlmBinding(bound, node.right as Node);
    if (target.type !== 'MemberExpression' || target.object.type !== 'Identifier' || !this.apnNotifications.has(target.object.name)) return;
    if (!APN_TEXT_FIELDS.has(propertyName(target) ?? '')) return;
    this.reportApnFields([node.right as Node]);
  }

  private reportApnFields(values: Node[]): void {
    const phi = this.phiOf(values, false);
    if (phi) this.context.report({ node: phi.node, messageId: 'push', taint: phi.taint, data: { vendor: 'Apple Push Notification service' } });
  }

  /** The vendor whose init/config call an options object belongs to. */
  replayVendor(node: Node, fallback: string | undefined): string {
    for (let current = parentOf(node); current; current = parentOf(current)) {
      if (current.type !== 'CallExpression' && current.type !== 'NewExpression') continue;
      const callee = dottedName(current.callee) ?? '';
      if (/sentry|replay/i.test(callee)) return 'Sentry';
      if (/logrocket/i.test(callee)) return 'LogRocket';
      if (/posthog/i.test(callee)) return 'PostHog';
      if (/datadog|DD_RUM/i.test(callee)) return 'Datadog RUM';
      if (/clarity/i.test(callee)) return 'Microsoft Clarity';
      if (/FS|fullstory/i.test(callee)) return 'FullStory';
    }
    return fallback ?? 'session replay vendor';
  }

  onProgram() {
    this.importsOneSignal = this.context.importsModule(ONESIGNAL_MODULES);
    this.importsAppInsights = this.context.importsModule(APP_INSIGHTS_WEB) || this.context.importsModule(APP_INSIGHTS_NODE);
  }

  /** `const X = await import('m')`, `const { default: X } = await import('m')`: trackers loaded lazily. */
  private noteDynamicImport(node: TSESTree.VariableDeclarator): void {
    let init: Node | null | undefined = node.init;
    if (init?.type === 'AwaitExpression') init = init.argument;
    // `const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http')` inside a branch, too
    const required = requiredModuleOf(init);
    if (!required && (init?.type !== 'ImportExpression' || init.source.type !== 'Literal' || typeof init.source.value !== 'string')) return;
    const module = required ?? ((init as TSESTree.ImportExpression).source as TSESTree.StringLiteral).value;
    if (node.id.type === 'Identifier') this.dynamicImports.set(node.id.name, module);
    else if (node.id.type === 'ObjectPattern') {
      for (const property of node.id.properties) if (property.type === 'Property' && property.value.type === 'Identifier') this.dynamicImports.set(property.value.name, module);
    }
  }

  /** The module a local name comes from, statically or lazily imported. */
  private moduleOf(localName: string): string | undefined {
    return this.context.importedFrom(localName)?.module ?? this.dynamicImports.get(localName);
  }

  onFunctionDeclaration(node: TSESTree.FunctionDeclaration) {
    if (node.id) this.functions.set(node.id.name, node);
  }

  /**
   * Application Insights started with no telemetry initializer that scrubs: page views and request URLs
   * (query strings with search terms) or console lines reach the vendor. An initializer that only drops
   * static files or strips sign-in tokens does not count.
   */
  onProgramExit() {
    if (this.appInsightsInits.length === 0) return;
    const initializers = this.telemetryInitializers.map((initializer) => (initializer.type === 'Identifier' ? this.functions.get(initializer.name) ?? initializer : initializer));
    if (initializers.some((initializer) => !isFunctionNode(initializer) && initializer.type !== 'FunctionDeclaration' || scrubsEvent(initializer))) return;
    for (const init of this.appInsightsInits) {
      if (initializers.length === 0) {
        this.context.report({ node: init.at, messageId: 'unscrubbedTracker', data: { vendor: 'Application Insights', hooks: init.hook, captured: init.captured }, precision: init.precision });
      } else {
        this.context.report({ node: init.at, messageId: 'passThroughHook', data: { vendor: 'Application Insights', hook: init.hook }, precision: 'medium' });
      }
    }
  }

  /** `new ApplicationInsights({ config })`, `appInsights.setup(…).setAutoCollectConsole(true, true)`, initializers, clients. */
  private checkAppInsights(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    if (node.type === 'NewExpression') {
      const parent = parentOf(node);
      const boundTo = parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : parent?.type === 'AssignmentExpression' && parent.left.type === 'Identifier' ? parent.left.name : undefined;
      // Node SDK: new appInsights.TelemetryClient(connectionString)
      if (lastSegment(node.callee) === 'TelemetryClient' && this.context.importsModule(APP_INSIGHTS_NODE)) {
        if (boundTo) this.appInsightsClients.add(boundTo);
        return;
      }
      const name = node.callee.type === 'Identifier' ? node.callee.name : undefined;
      const module = name ? this.context.importedFrom(name)?.module : undefined;
      if (!module || !APP_INSIGHTS_WEB.test(module)) return;
      if (boundTo) this.appInsightsClients.add(boundTo);
      const options = node.arguments[0];
      const config = options?.type === 'ObjectExpression' ? (propertyNamed(options, 'config')?.value as Node | undefined) : undefined;
      const urlCapture = config?.type === 'ObjectExpression' && Object.entries(APP_INSIGHTS_URL_CAPTURE).some(([key, on]) => {
        const value = propertyNamed(config, key)?.value as Node | undefined;
        return !!value && (on ? isTrueLiteral(value) : isFalseLiteral(value));
      });
      this.appInsightsInits.push({
        at: node.callee,
        captured: urlCapture ? 'the full URL of every page and route change and of its fetch/XHR requests (query strings included)' : 'the full URLs of page views and AJAX requests it records by default',
        precision: urlCapture ? 'medium' : 'low',
        hook: 'addTelemetryInitializer',
      });
      return;
    }
    const call = memberCall(node);
    if (!call) return;
    if ((call.method === 'addTelemetryInitializer' || call.method === 'addTelemetryProcessor') && node.arguments[0]) {
      this.telemetryInitializers.push(node.arguments[0] as Node);
      return;
    }
    // Node SDK: setAutoCollectConsole(true, true) forwards console.log lines too
    if (call.method === 'setAutoCollectConsole' && this.context.importsModule(APP_INSIGHTS_NODE) && isTrueLiteral(node.arguments[0] as Node) && isTrueLiteral(node.arguments[1] as Node)) {
      this.appInsightsInits.push({ at: node.callee, captured: 'the console lines the service writes (console.log included)', precision: 'medium', hook: 'addTelemetryProcessor' });
    }
  }

  /** `appInsights.trackEvent({ name }, properties)`, `client.trackException({ exception, properties })`. */
  private appInsightsCall(node: TSESTree.CallExpression): Sink | undefined {
    const call = memberCall(node);
    if (!call || !APP_INSIGHTS_TRACK.has(call.method)) return undefined;
    const name = lastSegment(call.object);
    if (!name) return undefined;
    const known = this.appInsightsClients.has(name) || (name === 'defaultClient' && this.importsAppInsights);
    if (!known && !APP_INSIGHTS_NAMES.test(name)) return undefined;
    return { vendor: 'Application Insights', kind: 'error tracker', values: [...node.arguments], precision: known || this.importsAppInsights ? undefined : 'medium' };
  }

  onVariableDeclarator(node: TSESTree.VariableDeclarator) {
    this.noteDynamicImport(node);
    if (node.init && node.id.type === 'Identifier') this.boundTo.set(node.id.name, node.init as Node);
    else if (node.init && node.id.type === 'ObjectPattern') {
      // `const { tags, ...options } = CONFIG`: the rest is part of CONFIG
      for (const property of node.id.properties) if (property.type === 'RestElement' && property.argument.type === 'Identifier') this.boundTo.set(property.argument.name, node.init as Node);
    }
    if (node.id.type === 'Identifier') this.noteLlmType(node.id.name, node.id.typeAnnotation as Node | undefined);
    if (node.id.type !== 'Identifier' || !node.init) return;
    if (node.init.type === 'ObjectExpression') this.objectConstants.set(node.id.name, node.init);
    if (isFunctionNode(node.init)) this.functions.set(node.id.name, node.init);
    // const telemetry = appInsights.defaultClient
    if (node.init.type === 'MemberExpression' && propertyName(node.init) === 'defaultClient' && this.context.importsModule(APP_INSIGHTS_NODE)) this.appInsightsClients.add(node.id.name);
    let init: Node = node.init;
    while (init.type === 'AwaitExpression' || init.type === 'TSAsExpression') init = init.type === 'AwaitExpression' ? init.argument : init.expression;
    this.noteCollectorClient(node.id.name, init);
    if (init.type === 'CallExpression' && this.isFcmMessaging(init)) this.fcmInstances.add(node.id.name);
    if (init.type === 'NewExpression') {
      // new OneSignal.Client(…), new OneSignal.DefaultApi(configuration), new Client(…) from 'onesignal-node'
      const callee = dottedName(init.callee) ?? '';
      const root = callee.split('.')[0];
      if (/one_?signal/i.test(callee) || ONESIGNAL_MODULES.test(this.context.importedFrom(root)?.module ?? '')) this.oneSignalClients.add(node.id.name);
    }
    this.noteLlmBinding(node.id.name, init);
  }

  /**
   * An LLM client is known by the class it is made from, wherever the binding is: `const llm = new ChatOpenAI()`,
   * `chatbot = new ChatAnthropic()` on a module variable set lazily, `this.chatbot = new ChatAnthropic()` in a constructor.
   */
  private noteLlmBinding(name: string, init: Node): void {
    const className = init.type === 'NewExpression' ? lastSegment(init.callee) : undefined;
    if (className) this.noteLlmClass(name, className);
  }

  private noteLlmClass(name: string, className: string): void {
    if (LOCAL_LLM_CLASSES.test(className)) this.localLlms.add(name);
    else if (LLM_CLASSES.test(className)) this.knownLlms.add(name);
  }

  /** `let chatbot: ChatAnthropic;`, a class field `chatbot: ChatAnthropic`: the declared class says what it is before it is made. */
  private noteLlmType(name: string, annotation: Node | undefined | null): void {
    const type = annotation?.type === 'TSTypeAnnotation' ? (annotation.typeAnnotation as Node) : undefined;
    if (type?.type !== 'TSTypeReference') return;
    const typeName = type.typeName.type === 'Identifier' ? type.typeName.name : type.typeName.type === 'TSQualifiedName' ? type.typeName.right.name : undefined;
    if (typeName) this.noteLlmClass(name, typeName);
  }

  onPropertyDefinition(node: TSESTree.PropertyDefinition): void {
    if (node.computed || node.key.type !== 'Identifier') return;
    this.noteLlmType(node.key.name, node.typeAnnotation as Node | undefined);
    if (node.value) this.noteLlmBinding(node.key.name, node.value as Node);
  }

  onCallExpression(node: TSESTree.CallExpression) {
    this.checkTrackerInit(node);
    this.checkTracing(node);
    this.checkPageView(node);
    this.checkAppInsights(node);
    const sink = this.vendorCall(node) ?? this.appInsightsCall(node) ?? this.collectorCall(node);
    if (!sink) return;
    const phi = this.phiOf(sink.values, !!sink.keyValue, !!sink.exact);
    if (!phi) return;
    this.context.report({ node: phi.node, messageId: this.messageIdOf(sink.kind), taint: phi.taint, data: { vendor: sink.vendor }, precision: sink.precision });
  }

  /**
   * `Sentry.init({ dsn })` with nothing that scrubs (no beforeSend/beforeBreadcrumb), or with
   * `sendDefaultPii: true`: in a health app, the request URLs, breadcrumbs (console lines, XHR URLs) and
   * users the tracker captures by default carry PHI to the vendor.
   */
  private checkTrackerInit(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    // Inits take their options first, PostHog's second after the token (and starts without any).
    const [first, second] = node.arguments;
    const mayBeInit =
      first?.type === 'ObjectExpression' ||
      second?.type === 'ObjectExpression' ||
      (node.type === 'CallExpression' && node.arguments.length <= 2 && node.callee.type === 'MemberExpression' && TRACKER_INIT_METHODS.has(propertyName(node.callee) ?? '')) ||
      (node.type === 'NewExpression' && node.arguments.length <= 1);
    const tracker = mayBeInit ? (node.type === 'NewExpression' ? this.trackerConstructorOf(node) : this.trackerInitOf(node)) : undefined;
    if (!tracker) return;
    const index = tracker.optionsArgument ?? 0;
    const given = node.arguments[index];
    let options = given?.type === 'ObjectExpression' ? given : !given && tracker.capturesWithoutOptions && node.arguments.length === index ? EMPTY_OPTIONS : undefined;
    // Options that are data read from the deployment's environment hold no hook: as if given with none.
    if (!options && given && given.type !== 'SpreadElement' && this.isEnvironmentData(given as Node)) options = EMPTY_OPTIONS;
    // Started with no options at all (`Bugsnag.start()`, which reads its key from the native config; `Sentry.init()`, which
    // reads its DSN from the environment), or with only its key (`new Rollbar(token)`, `Bugsnag.start('api-key')`): the
    // defaults, with no hook that could scrub.
    if (!options && !tracker.capturesWithoutOptions && node.arguments.length === 0) options = EMPTY_OPTIONS;
    if (!options && given && node.arguments.length === 1 && given.type !== 'SpreadElement' && this.isTokenOnly(given as Node)) options = EMPTY_OPTIONS;
    if (!options) return;
    const root = rootName(node.callee);
    this.checkTrackerOptions(options, tracker, node.callee, node, root ? this.moduleOf(root) : undefined);
  }

  /** A string given in place of options: an access token or API key (`'k'`, `` `${key}` ``, a string constant). */
  private isTokenOnly(node: Node): boolean {
    const bare = unwrap(node);
    if (bare.type === 'TemplateLiteral' || isStringLiteral(bare)) return true;
    return typeof this.context.constantOf(bare) === 'string';
  }

  /**
   * Whether a value is configuration data from the deployment's environment, which can hold no function (so no
   * scrubbing hook): `JSON.parse(…)` of anything, `process.env`/`import.meta.env` reads, a constant imported from an
   * environment module (`./configs/env`, `environments/environment`), or a part of one (`const { tags, ...rest } = X`).
   */
  private isEnvironmentData(node: Node, depth = 0): boolean {
    if (depth > 3) return false;
    const bare = unwrap(node);
    if (bare.type === 'CallExpression') {
      const callee = dottedName(bare.callee as Node);
      return callee === 'JSON.parse';
    }
    const dotted = dottedName(bare) ?? '';
    if (/^(process\.env|import\.meta\.env)(\.|$)/.test(dotted)) return true;
    const root = bare.type === 'Identifier' ? bare.name : bare.type === 'MemberExpression' ? rootName(bare) : undefined;
    if (!root) return false;
    const imported = this.context.importedFrom(root);
    if (imported) return ENVIRONMENT_MODULE.test(imported.module);
    const bound = this.boundTo.get(root);
    return !!bound && this.isEnvironmentData(bound, depth + 1);
  }

  /**
   * OpenTelemetry's HTTP instrumentation, alone (`new HttpInstrumentation(config)`) or among the auto-instrumentations
   * (`getNodeAutoInstrumentations(config)`, which include it unless its entry says `enabled: false`), records every
   * request's URL with its query string (`http.target`, `url.full`) on spans the SDK exports to the tracing backend:
   * FHIR searches by name, birth date or identifier go with them. Silent when a hook of its config scrubs (removes an
   * attribute, rewrites a URL attribute, calls a scrubbing helper) or the file makes a span processor of its own
   * (not the SDK's Simple/Batch processors), which may redact. Each config is reported once, at the HTTP entry when
   * there is one, else at the call.
   */
  private checkTracing(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    const name = node.callee.type === 'Identifier' ? node.callee.name : undefined;
    if (name !== 'getNodeAutoInstrumentations' && name !== 'HttpInstrumentation') return;
    const module = this.moduleOf(name);
    if (name === 'getNodeAutoInstrumentations' ? module !== '@opentelemetry/auto-instrumentations-node' : module !== '@opentelemetry/instrumentation-http') return;
    if (OWN_SPAN_PROCESSOR.test(this.context.text)) return;
    const config = this.objectOf(node.arguments[0] as Node | undefined);
    let http: TSESTree.ObjectExpression | undefined;
    let at: Node = node.callee;
    if (name === 'HttpInstrumentation') http = config ?? EMPTY_OPTIONS;
    else {
      const entry = config?.properties.find((property): property is TSESTree.Property => property.type === 'Property' && (keyName(property.key) ?? (isStringLiteral(property.key as Node) ? (property.key as TSESTree.StringLiteral).value : undefined)) === HTTP_INSTRUMENTATION);
      if (entry) at = entry.key;
      const value = entry ? this.objectOf(entry.value as Node) : EMPTY_OPTIONS;
      if (!value) return;
      http = value;
    }
    const enabled = propertyNamed(http, 'enabled')?.value as Node | undefined;
    if (enabled && isFalseLiteral(enabled)) return;
    if (http !== EMPTY_OPTIONS && this.reportedTracingConfigs.has(http)) return;
    this.reportedTracingConfigs.add(http);
    const hooks = http.properties.flatMap((property) => (property.type === 'Property' && TRACING_HOOKS.has(keyName(property.key) ?? '') ? [property.value as Node] : []));
    if (hooks.some((hook) => !isFunctionNode(hook) || scrubsSpan(hook))) return;
    this.context.report({ node: at, messageId: 'unscrubbedTracing', precision: 'medium' });
  }

  /** An object literal given inline, named in the file, or read from one by a literal key (`configs['@opentelemetry/instrumentation-http']`). */
  private objectOf(node: Node | undefined): TSESTree.ObjectExpression | undefined {
    if (!node) return undefined;
    if (node.type === 'ObjectExpression') return node;
    if (node.type === 'Identifier') return this.objectConstants.get(node.name);
    if (node.type === 'MemberExpression' && node.object.type === 'Identifier') {
      const whole = this.objectConstants.get(node.object.name);
      const key = node.computed ? (isStringLiteral(node.property as Node) ? (node.property as TSESTree.StringLiteral).value : undefined) : propertyName(node);
      const entry = whole?.properties.find((property): property is TSESTree.Property => property.type === 'Property' && (keyName(property.key) ?? (isStringLiteral(property.key as Node) ? (property.key as TSESTree.StringLiteral).value : undefined)) === key);
      return entry?.value.type === 'ObjectExpression' ? entry.value : undefined;
    }
    return undefined;
  }

  /** The options of a tracker's init, wherever they are given (an init call, `new Rollbar`, `<Provider config>`). */
  private checkTrackerOptions(options: TSESTree.ObjectExpression, tracker: TrackerInit, at: Node, site: Node, module?: string): void {
    if (tracker.quiet && Object.entries(tracker.quiet).every(([key, on]) => {
      const value = propertyNamed(options, key)?.value as Node | undefined;
      return !!value && (on ? isTrueLiteral(value) : isFalseLiteral(value));
    })) return;
    const pii = propertyNamed(options, 'sendDefaultPii');
    if (pii && isTrueLiteral(pii.value as Node)) {
      this.context.report({ node: pii, messageId: 'defaultPii', data: { vendor: tracker.vendor } });
      return;
    }
    const enabled = propertyNamed(options, 'enabled');
    if (enabled && isFalseLiteral(enabled.value as Node)) return;
    const hooks = tracker.hooks.flatMap((hook) => propertyNamed(options, hook) ?? []).filter((hook) => !isConditionalHook(hook.value as Node));
    const spreads = options.properties.flatMap((property) => (property.type === 'SpreadElement' ? [property.argument as Node] : []));
    const hookNames = tracker.hooks.slice(0, 2).join('/');
    const captured = this.capturedBy(options, tracker, module);
    if (hooks.length === 0) {
      if (spreads.length === 0) {
        // Same vendor, same capture: another attempt at the same start, reported once.
        const configuration = `${tracker.vendor}\u0000${captured.what}`;
        if (this.unscrubbedStarts.has(configuration)) return;
        this.unscrubbedStarts.add(configuration);
        this.context.report({ node: at, messageId: 'unscrubbedTracker', data: { vendor: tracker.vendor, hooks: hookNames, captured: captured.what }, precision: captured.precision });
      } else if (spreads.every((spread) => isParameterOfFunctionAround(spread, site))) {
        // A shared `setupSentry(options)` spreading its caller's options: callers pass a DSN and tags, rarely a hook.
        this.context.report({ node: at, messageId: 'unscrubbedTrackerSpread', data: { vendor: tracker.vendor, hooks: hookNames, captured: captured.what }, precision: 'low' });
      }
      return;
    }
    // A hook that only filters environments, renames transactions or strips tokens passes every event on with what it captured.
    const weak = hooks.filter((hook) => {
      const value = hook.value as Node;
      const key = keyName(hook.key) ?? '';
      // Rollbar's checkIgnore(isUncaught, args, payload) decides which items to drop, with what they carry in view: trusted as a filter.
      if (tracker.filters?.includes(key)) return false;
      if (tracker.fieldLists?.includes(key)) return !scrubsFields(value);
      return isFunctionNode(value) && !scrubsEvent(value);
    });
    if (weak.length === hooks.length && spreads.length === 0) {
      const first = weak[0];
      this.context.report({ node: first.key, messageId: 'passThroughHook', data: { vendor: tracker.vendor, hook: keyName(first.key) ?? 'hook' }, precision: 'medium' });
    }
  }

  /**
   * What a tracker's options make it capture, and how sure that is: Rollbar captures nothing by itself
   * on a server unless told to (`captureUncaught`, `autoInstrument`), so without those the evidence is weak;
   * Bugsnag's request plugins attach whole requests.
   */
  private capturedBy(options: TSESTree.ObjectExpression, tracker: TrackerInit, module?: string): { what: string; precision: Precision } {
    const plugins = propertyNamed(options, 'plugins')?.value as Node | undefined;
    const requestPlugin = plugins?.type === 'ArrayExpression' && plugins.elements.some((element) => {
      const name = element ? rootName(element as Node) : undefined;
      return !!name && BUGSNAG_REQUEST_PLUGINS.test(this.moduleOf(name) ?? '');
    });
    if (requestPlugin) return { what: 'the URL, query and body of every failing request (its server plugin attaches them), breadcrumbs and user data', precision: 'medium' };
    // Rollbar's server build records no telemetry (URLs, console lines): only uncaught exceptions and what the app attaches.
    if (module && /\/server(\/|$)/.test(module)) return { what: 'uncaught exceptions with their messages, and the person and request data attached to them', precision: 'low' };
    const what = tracker.what ?? 'the request URLs, breadcrumbs (console lines, XHR URLs) and user data it captures by default';
    if (!tracker.captures) return { what, precision: 'medium' };
    const capturing = tracker.captures.some((key) => {
      const value = propertyNamed(options, key)?.value as Node | undefined;
      return !!value && !isFalseLiteral(value) && (value.type !== 'Literal' || value.value !== undefined);
    });
    return { what, precision: capturing ? 'medium' : 'low' };
  }

  /** The tracker an init call belongs to: `Sentry.init({…})`, or `init({…})` imported from `@sentry/…`. */
  private trackerInitOf(node: TSESTree.CallExpression): TrackerInit | undefined {
    const call = memberCall(node);
    if (call) {
      const receiver = dottedName(call.object) ?? '';
      return TRACKER_INITS.find(
        (candidate) =>
          candidate.methods.includes(call.method) && candidate.receivers.test(receiver) && (this.context.importsModule(candidate.modules) || candidate.modules.test(this.dynamicImports.get(receiver) ?? '') || receiver === 'Sentry'),
      );
    }
    if (node.callee.type !== 'Identifier') return undefined;
    const imported = this.context.importedFrom(node.callee.name);
    if (!imported) return undefined;
    return TRACKER_INITS.find(
      (candidate) => candidate.modules.test(imported.module) && (candidate.methods.includes(imported.imported) || (candidate.callable && (imported.imported === 'default' || imported.imported === '*'))),
    );
  }

  /** `new Rollbar({…})` with `Rollbar` from the `rollbar` package. */
  private trackerConstructorOf(node: TSESTree.NewExpression): TrackerInit | undefined {
    const name = node.callee.type === 'Identifier' ? node.callee.name : undefined;
    if (!name) return undefined;
    const imported = this.context.importedFrom(name);
    return TRACKER_INITS.find((candidate) => candidate.constructors && (imported ? candidate.modules.test(imported.module) : candidate.constructors.includes(name) && this.context.importsModule(candidate.modules)));
  }

  /**
   * `<Provider config={rollbarConfig}>` from `@rollbar/react`, `<PostHogProvider apiKey options={…}>` from
   * `posthog-js/react`: the attribute holds the tracker's init options. Options that are a field of the enclosing
   * function's parameter come from its caller: reported with low precision, as a caller's options spread into an init.
   */
  onJsxOpeningElement(node: TSESTree.JSXOpeningElement): void {
    if (node.name.type !== 'JSXIdentifier') return;
    const imported = this.context.importedFrom(node.name.name);
    if (!imported) return;
    const tracker = TRACKER_INITS.find((candidate) => candidate.providers?.some((provider) => provider.module === imported.module && provider.element === imported.imported));
    const provider = tracker?.providers?.find((candidate) => candidate.module === imported.module && candidate.element === imported.imported);
    if (!tracker || !provider) return;
    const attribute = node.attributes.find((candidate): candidate is TSESTree.JSXAttribute => candidate.type === 'JSXAttribute' && candidate.name.type === 'JSXIdentifier' && candidate.name.name === provider.attribute);
    const expression = attribute?.value?.type === 'JSXExpressionContainer' ? (attribute.value.expression as Node) : undefined;
    if (!attribute || !expression) return;
    const options = expression.type === 'ObjectExpression' ? expression : expression.type === 'Identifier' ? this.objectConstants.get(expression.name) : undefined;
    if (options) {
      this.checkTrackerOptions(options, tracker, attribute, attribute);
      return;
    }
    const root = expression.type === 'MemberExpression' ? rootName(expression) : undefined;
    if (root && isParameterOfFunctionAround({ type: 'Identifier', name: root } as Node, node)) {
      this.context.report({ node: attribute, messageId: 'unscrubbedTrackerSpread', data: { vendor: tracker.vendor, hooks: tracker.hooks.slice(0, 2).join('/'), captured: tracker.what ?? 'what it captures by default' }, precision: 'low' });
    }
  }

  /** `ReactGA.send({ hitType: 'pageview', page: location.pathname + location.search })`: the query string goes to the vendor. */
  private checkPageView(node: TSESTree.CallExpression): void {
    const callee = dottedName(node.callee);
    const pageview = callee ? PAGEVIEW_CALLS.find((candidate) => candidate.callee.test(callee)) : undefined;
    if (!pageview) return;
    const url = node.arguments.flatMap((argument) => (argument.type === 'ObjectExpression' ? argument.properties.flatMap((p) => (p.type === 'Property' ? [p.value as Node] : [])) : [argument])).find((value) => this.carriesFullUrl(value));
    if (url) this.context.report({ node: url, messageId: 'pageUrl', data: { vendor: pageview.vendor }, precision: 'medium' });
  }

  /** Whether a value is, or is built from, the page URL with its query string. */
  private carriesFullUrl(node: Node, depth = 0): boolean {
    if (depth > 4) return false;
    const name = dottedName(node);
    if (name && FULL_URL.test(name) && /location|asPath|fullPath/i.test(name)) return true;
    if (node.type === 'BinaryExpression') return this.carriesFullUrl(node.left as Node, depth + 1) || this.carriesFullUrl(node.right, depth + 1);
    if (node.type === 'TemplateLiteral') return node.expressions.some((expression) => this.carriesFullUrl(expression, depth + 1));
    return false;
  }

  onNewExpression(node: TSESTree.NewExpression) {
    this.checkTrackerInit(node);
    this.checkTracing(node);
    this.checkAppInsights(node);
    // AWS Bedrock: client.send(new InvokeModelCommand({ body: JSON.stringify({ prompt }) }))
    const name = lastSegment(node.callee);
    if (!name || !BEDROCK_COMMANDS.has(name) || node.arguments[0]?.type !== 'ObjectExpression') return;
    const values = node.arguments[0].properties.flatMap((property) =>
      property.type === 'Property' && !property.computed && ['body', 'messages', 'system'].includes(keyName(property.key) ?? '') ? [property.value as Node] : [],
    );
    const phi = this.phiOf(values, false);
    if (phi) this.context.report({ node: phi.node, messageId: 'llm', taint: phi.taint, data: { vendor: 'AWS Bedrock' } });
  }

  onProperty(node: TSESTree.Property) {
    if (node.computed) return;
    const key = keyName(node.key);
    if (!key) return;
    const value = node.value as Node;
    // Datadog RUM: defaultPrivacyLevel: 'allow' records all text and inputs
    if (key === 'defaultPrivacyLevel' && this.context.constantOf(value) === 'allow') {
      this.context.report({ node, messageId: 'replay', data: { vendor: this.replayVendor(node, 'Datadog RUM'), what: 'inputs and page text' } });
      return;
    }
    const option = REPLAY_MASK_OPTIONS[key];
    if (!option || !isFalseLiteral(value, this.context)) return;
    this.context.report({ node, messageId: 'replay', data: { vendor: this.replayVendor(node, option.vendor), what: option.what } });
  }
}

export default createRule({
  meta: {
    id: 'no-phi-to-third-party',
    description: 'Disallow sending PHI to analytics, event collectors, error trackers, session replay, LLM APIs and push notification services.',
    rationale:
      'Analytics, error-tracking, session-replay and AI vendors receive, store and process what the app sends them. Under HIPAA a vendor that handles PHI for you is a business associate: you need a signed Business Associate Agreement before any PHI reaches it, and even then only the minimum necessary. Most analytics plans are never covered by a BAA; LLM APIs need a BAA and zero data retention; push payloads pass through Apple and Google and show on lock screens. Send opaque ids and non-PHI properties, de-identify prompts, and keep replay masking on.',
    category: 'third-party',
    defaultSeverity: 'error',
    cwe: ['CWE-201', 'CWE-359'],
    hipaa: ['164.502(e)', '164.308(b)(1)', '164.502(b)'],
    precision: 'high',
    securitySeverity: 7.5,
    messages: {
      analytics: 'Sending {{kinds}} to {{vendor}} (analytics). A vendor may receive PHI only under a signed BAA, and only the minimum necessary: send an opaque id and non-PHI properties.',
      chatWidget: 'Sending {{kinds}} to {{vendor}} (support chat widget). The vendor keeps what identifies a visitor with the conversation, outside your records; a vendor may receive PHI only under a signed BAA, and only the minimum necessary: identify visitors by an opaque id and let them share details in the conversation if they choose.',
      collector: 'Sending {{kinds}} to {{vendor}} (event collector). Analytics and telemetry collectors keep what they receive outside the clinical record, searchable on dashboards and by the vendor; a third party may receive PHI only under a signed BAA, and only the minimum necessary: send opaque ids and non-PHI properties.',
      relay: 'Sending {{kinds}} through {{vendor}} (notification relay). The relay is a third party outside your BAA boundary that stores the text and forwards it to phones, lock screens and other services: send a generic alert and an opaque id, and show the details in the app after sign-in.',
      errorTracker: 'Sending {{kinds}} to {{vendor}} (error tracker). A vendor may receive PHI only under a signed BAA, and only the minimum necessary: attach opaque ids, not patient data, to errors, users and breadcrumbs.',
      llm: 'Sending {{kinds}} to {{vendor}} (LLM API). An AI vendor may receive PHI only under a signed BAA (with zero data retention), and only the minimum necessary: de-identify the prompt or send only the fields the task needs.',
      push: 'Sending {{kinds}} in a push notification through {{vendor}} (push notification service). The payload leaves your BAA boundary through Apple’s and Google’s push services, and lock screens show its title and body to anyone holding the device: send a generic message ("You have a new message") and an opaque id, and load the details in the app after sign-in.',
      replay: 'Session replay ({{vendor}}) records {{what}} unmasked: whatever users type or see, PHI included, is sent to the vendor. Keep masking on; a vendor may receive PHI only under a signed BAA, and only the minimum necessary.',
      unscrubbedTracker: '{{vendor}} is initialised without a scrubbing hook ({{hooks}}): {{captured}} reach the vendor, PHI included. Scrub events before they are sent.',
      llmRealtime: 'Opens a realtime session with {{vendor}}: everything said in it (in a clinical app, patients\' details) streams to the vendor. A vendor may receive PHI only under a signed BAA with zero data retention.',
      unscrubbedTracing: 'OpenTelemetry\'s HTTP instrumentation records every request URL with its query string (`http.target`, `url.full`) on the spans it exports, with no hook that scrubs them: patient searches by name, birth date or identifier reach the tracing backend, PHI included. Scrub the URL attributes in a request hook or a span processor, or drop the query string.',
      unscrubbedTrackerSpread: '{{vendor}} is initialised from its caller\'s options with no scrubbing hook ({{hooks}}) here: unless every caller passes one, {{captured}} reach the vendor, PHI included.',
      passThroughHook: '{{vendor}}\'s `{{hook}}` passes events on without removing patient data (it only filters, relabels, rewrites stack frames or strips credentials): request URLs, breadcrumbs, exception messages and user data reach the vendor, PHI included. Scrub them in the hook.',
      defaultPii: '`sendDefaultPii: true` makes {{vendor}} send IP addresses, cookies, request bodies and user data with every event. Turn it off; attach only an opaque user id.',
      pageUrl: 'Page view sent to {{vendor}} with the full URL, query string included: search terms and filters in it (names, dates of birth) reach the vendor. Send the path without the query, or a route name.',
    },
    schema: {
      type: 'object',
      properties: {
        llmNames: { type: 'array', items: { type: 'string' }, description: 'Extra variable names to treat as LLM clients or chains (`invoke`/`call`/`stream` on them is a prompt).' },
      },
      additionalProperties: false,
    },
    languages: ['code'],
  },
  defaultOptions: { llmNames: [] } as Options,
  create(context, options) {
    const state = new ThirdPartyFile(context, options);
    return {
      Program: () => state.onProgram(),
      'Program:exit': () => state.onProgramExit(),
      FunctionDeclaration: (node) => state.onFunctionDeclaration(node),
      VariableDeclarator: (node) => state.onVariableDeclarator(node),
      PropertyDefinition: (node) => state.onPropertyDefinition(node),
      CallExpression: (node) => state.onCallExpression(node),
      NewExpression: (node) => state.onNewExpression(node),
      AssignmentExpression: (node) => state.onAssignmentExpression(node),
      Property: (node) => state.onProperty(node),
      JSXOpeningElement: (node) => state.onJsxOpeningElement(node),
    };
  },
});
