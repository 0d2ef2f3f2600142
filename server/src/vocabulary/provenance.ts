// Sources by provenance, as data: places whose values carry patient data whatever the variable holding
// them is called (`payload`, `result`, `response`, `event`). The engine's provenance module
// (engine/provenance.ts) asks these tables; each entry says what makes the place patient-bearing.

/**
 * Fields a DHIS2-style tracker event is read for. An `event` read for its programme stage is a health
 * programme's record of one person's visit (its data values are the observations); a DOM or emitter
 * event is never read for these.
 */
export const TRACKER_EVENT_FIELDS: readonly string[] = [
  'programStage', 'programStageId', 'dataValues', 'trackedEntity', 'trackedEntityId', 'trackedEntityInstance',
  'enrollment', 'enrollmentId', 'program', 'programId',
];

/** What a tracker event carries: the data values recorded at a visit, and the visit itself. */
export const TRACKER_EVENT_KINDS: readonly string[] = ['encounter', 'observation'];

/**
 * Folder names of serverless handlers that a FHIR subscription calls: a handler filed under
 * `subscriptions/questionnaire-response/` receives the QuestionnaireResponse that changed.
 */
export const SUBSCRIPTION_FOLDERS: readonly string[] = ['subscription', 'subscriptions', 'webhooks', 'webhook'];

/** What a handler's first parameter is called when it is the delivered request (not a component's `props`). */
export const HANDLER_INPUT_NAME = /(input|event|req|request|body|payload|message|msg|data|notification|resource)$/i;

/** Names of the module entry a serverless platform or a handler wrapper calls with the request. */
export const HANDLER_EXPORT_NAMES: readonly string[] = ['handler', 'index', 'main', 'lambdaHandler'];

/**
 * Calls that read over HTTP and resolve with the response: global functions and `<client>.<method>`.
 * The URL (first argument, or the `url` option) says what the response holds. Writes (POST, PUT,
 * PATCH) are left out: what a server answers to a write is an acknowledgement more often than the record.
 */
export const REQUEST_FUNCTIONS: readonly string[] = ['fetch', '$.ajax', 'jQuery.ajax', '$.get', '$.getJSON', 'axios', 'ky', 'got', 'superagent', 'request',
  // framework fetch helpers: OpenMRS O3's `openmrsFetch` (resolves with a response whose `data` is the parsed body), unjs/Nuxt `$fetch`/`ofetch` (the body)
  'openmrsFetch', '$fetch', 'ofetch'];
export const REQUEST_METHODS: readonly string[] = ['get', 'request', 'ajax', 'getJSON'];
/** Last path segments of a route that serves the service's own key material (`…/profile/public/certificate`, `/jwks`), not anyone's record. */
export const KEY_MATERIAL_ROUTE_ENDS: readonly string[] = ['certificate', 'certificates', 'cert', 'certs', 'jwks', 'jwk', 'publickey', 'public-key', 'public_key'];
/** Methods of an HTTP client that POST; a POST to a search route is a read by another verb (FHIR's `_search`, a lookup API). */
export const POST_METHODS: readonly string[] = ['post'];
/** Last path segments of a route that searches (`…/Patient/_search`, `…/abha/search`): what it answers with is what it found. */
export const SEARCH_ROUTE_ENDS: readonly string[] = ['search', '_search', 'lookup', 'find'];
/** Receivers of REQUEST_METHODS that are HTTP clients (not maps, caches or stores). */
export const REQUEST_CLIENT_WORDS: readonly string[] = ['axios', 'http', 'https', 'api', 'client', 'ky', 'got', 'superagent', 'request', 'fetcher', 'rest', '$', 'jquery', 'instance', 'httpclient', 'apiclient'];

/**
 * Query parameters that filter a read by one patient (`/obs?patient=…`, `params: { patientUuid }`,
 * `new HttpParams().set('patient', uuid)`): whatever the collection, what comes back is that patient's records.
 */
export const PATIENT_FILTER_KEY = /^(patient|subject)([_-]?(uuid|id))?$/i;

/** Promise-like methods whose callback receives the response (jQuery's `done` beside `then`). */
export const RESPONSE_CALLBACK_METHODS: readonly string[] = ['then', 'done', 'success'];

/**
 * Methods of a store or collection whose callback receives the documents read or written
 * (`treatments.create(docs, (err, created) => …)`, `entries.find(query, (err, docs) => …)`).
 */
export const STORE_CALLBACK_METHODS: readonly string[] = [
  'create', 'insert', 'insertOne', 'insertMany', 'save', 'update', 'updateOne', 'findOne', 'find', 'findById',
  'findOneAndUpdate', 'replaceOne', 'get', 'query', 'list', 'upsert', 'bulkDocs', 'put', 'allDocs',
];

/** Curried message builders: `errorCreator(message)(details)` is the details, ready for a log line. */
export const CURRIED_PASS_THROUGH: readonly string[] = ['errorCreator'];

/**
 * Words that name a store's machinery, not its contents: `patientStore`, `encounterCollection`,
 * `PatientModel`, `patientsDb` hold what the word before them says.
 */
export const STORE_SUFFIX_WORDS: readonly string[] = ['store', 'collection', 'repository', 'repo', 'model', 'db', 'database', 'table', 'dao'];

/** Calls that open a named collection or table: `db.collection('patients')`, `db.table('visits')`, `tx.objectStore('observations')`. */
export const NAMED_STORE_CALLS: readonly string[] = ['collection', 'getCollection', 'table', 'model', 'objectStore'];

/**
 * Methods of a named collection that resolve with its documents (not `insertOne`'s acknowledgement, not
 * a count), and cursor methods that hand them on (`find(q).sort(s).toArray()`).
 */
export const STORE_READ_METHODS: readonly string[] = ['find', 'findOne', 'findById', 'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete', 'findMany', 'findAll', 'findFirst', 'findUnique', 'get', 'allDocs', 'toArray'];
export const CURSOR_METHODS: readonly string[] = ['sort', 'limit', 'skip', 'project', 'toArray', 'exec', 'lean', 'populate', 'select'];

/** Methods that store their first argument as a document of the store (the argument is then a record of that store). */
export const STORE_WRITE_METHODS: readonly string[] = ['insert', 'insertOne', 'insertMany', 'create', 'save', 'put', 'bulkDocs', 'bulkCreate', 'add', 'upsert'];

/**
 * Units that say a number is a person's measurement: a blood concentration or a vital sign. An object
 * that sets a `value` (or `amount`) from data beside such a unit is a clinical measurement record.
 */
export const CLINICAL_UNITS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(mg\/dl|mmol\/l|g\/dl|meq\/l|[uµ]mol\/l|ng\/ml)$/i, 'lab-result'],
  [/^(mmhg|bpm|beats\/min|breaths\/min)$/i, 'vital-signs'],
];
export const MEASUREMENT_VALUE_KEYS: readonly string[] = ['value', 'amount', 'reading'];
export const MEASUREMENT_UNIT_KEYS: readonly string[] = ['units', 'unit', 'uom'];

// ── inbound payloads: what a server's handler receives from its caller ───────────────────────

/**
 * Declared types of a serverless HTTP event (AWS Lambda behind API Gateway, a load balancer or a function
 * URL): the request, whose `body` is the payload a client sent.
 */
export const SERVERLESS_EVENT_TYPES: readonly string[] = [
  'APIGatewayProxyEvent', 'APIGatewayProxyEventV2', 'APIGatewayEvent', 'APIGatewayProxyEventV2WithJWTAuthorizer',
  'APIGatewayProxyWithCognitoAuthorizerEvent', 'APIGatewayProxyWithLambdaAuthorizerEvent', 'ALBEvent', 'LambdaFunctionURLEvent',
];

/** Declared results of a serverless HTTP handler: a function returning one is handed the request event first. */
export const SERVERLESS_RESULT_TYPES: readonly string[] = ['APIGatewayProxyResult', 'APIGatewayProxyResultV2', 'APIGatewayProxyStructuredResultV2', 'ALBResult', 'LambdaFunctionURLResult'];

/** Declared types of a variable holding a serverless HTTP handler (`export const handler: APIGatewayProxyHandler = async (event) => …`). */
export const SERVERLESS_HANDLER_TYPES: readonly string[] = ['APIGatewayProxyHandler', 'APIGatewayProxyHandlerV2', 'ALBHandler', 'LambdaFunctionURLHandler', 'APIGatewayProxyHandlerV2WithJWTAuthorizer'];

/** tRPC procedure resolvers: `.input(schema).mutation(({ input }) => …)`; `input` is what the client sent. */
export const RPC_RESOLVER_METHODS: readonly string[] = ['mutation', 'query', 'subscription'];

/**
 * Words of a socket message name that make the message a write of data (`dbAdd`, `saveTreatment`,
 * `entry:create`): the message carries the record being written, not a ping or a subscription.
 */
export const SOCKET_WRITE_WORDS: readonly string[] = ['add', 'insert', 'update', 'save', 'create', 'upsert', 'put', 'write', 'submit', 'store'];

/**
 * First words of a serverless handler's name (its module's file or folder: `update-visit-details/index.ts`,
 * `createAppointment.ts`) that make it a write of what the rest of the name says: its payload is the record
 * being written (`save-chart-data`'s body is the chart data), not the ids a read is asked for.
 */
export const HANDLER_WRITE_VERBS: readonly string[] = ['create', 'update', 'save', 'submit', 'add', 'insert', 'upsert', 'patch', 'put', 'store', 'record', 'edit', 'register'];

/** File names of a module that stand for the handler, whose folder then names it (`save-chart-data/index.ts`). */
export const HANDLER_FILE_NAMES: readonly string[] = ['index', 'handler', 'main', 'lambda', 'function', 'app'];

/** Words of a socket message name that make it a removal (`dbUpdateUnset`, `deleteEntry`): ids and field names, not a record. */
export const SOCKET_REMOVAL_WORDS: readonly string[] = ['unset', 'delete', 'remove', 'clear', 'purge'];

/** Words of a receiver that is a socket connection (`socket`, `ws`, `clientSocket`). */
export const SOCKET_WORDS: readonly string[] = ['socket', 'ws', 'websocket'];

/** Methods of a fetch-style request that read its whole body (`await request.json()` in a route handler). */
export const REQUEST_BODY_READERS: readonly string[] = ['json', 'formData', 'text'];

/**
 * Functions that parse or validate a payload and hand back its data (`JSON.parse`, zod's `parse`/`safeParse`,
 * yup's `validateSync`, class-transformer's `plainToInstance`, an app's `validateRequestParameters(input)`):
 * their result is the payload again. A bare `validate` is left out (ajv answers a boolean, Joi an error
 * beside the value), and so are number and date parsers.
 */
export const PAYLOAD_PARSER_NAMES: readonly string[] = ['plainToInstance', 'plainToClass', 'cast', 'decode', 'deserialize'];
export const PAYLOAD_PARSER_WORDS: readonly string[] = ['parse', 'parsed'];
export const PAYLOAD_VALIDATOR_HEADS: readonly string[] = ['validate', 'decode', 'deserialize'];
export const NOT_PAYLOAD_PARSERS: readonly string[] = ['parseInt', 'parseFloat', 'Date.parse', 'Number.parseInt', 'Number.parseFloat', 'validate', 'parseISO', 'parseDate', 'parseNumber', 'parseBoolean'];

// ── Observables of responses (RxJS: Angular's HttpClient, ionic-cache) ──────────────────────

/**
 * Methods whose callback receives what an Observable of a response emits: `subscribe(next)`,
 * `subscribe({ next })`. Asked only of a value the analysis knows is a response (see TaintOrigin.response):
 * on a name's guess (`this.patients.getSettings().subscribe(…)`) the emission is unknown.
 */
export const EMISSION_CALLBACK_METHODS: readonly string[] = ['subscribe'];

/**
 * Words of a receiver that is one of the application's own services (Angular's injected `PatientService`,
 * `noteTemplateBLService`, `hivSummaryResourceService`): its methods wrap the requests, so what one returns is
 * what its name says it reads, even where the request's route cannot be followed.
 */
export const SERVICE_RECEIVER_WORDS: readonly string[] = ['service'];

/** First words of a service method that reads records and resolves (or emits) with them. Writes are left out: what a server answers to one is an acknowledgement more often than the record. */
export const SERVICE_READ_VERBS: readonly string[] = ['get', 'load', 'fetch', 'find', 'search', 'read', 'retrieve', 'list', 'query', 'lookup'];

/** Words that end what a read's name says it reads: `GetEmergencyNoteById` reads an emergency note, `getHivSummaryForPatient` an HIV summary. */
export const SERVICE_SUBJECT_ENDS: readonly string[] = ['by', 'for', 'from', 'with', 'of', 'and', 'in', 'on', 'to', 'using', 'after', 'before', 'between', 'if'];

/** The method that applies RxJS operators to an Observable: `obs.pipe(map(…), tap(…))`. */
export const PIPE_METHOD = 'pipe';

/** Operators whose callback receives each emission and whose result is what the callback returns (or the inner Observable's emissions). */
export const EMISSION_MAPPING_OPERATORS: readonly string[] = ['map', 'switchMap', 'mergeMap', 'concatMap', 'exhaustMap', 'flatMap'];

/** Operators whose callback receives each emission and that pass it on unchanged (`catchError` receives the error, not an emission). */
export const EMISSION_PEEKING_OPERATORS: readonly string[] = ['tap', 'filter', 'first', 'last', 'find', 'takeWhile', 'skipWhile', 'distinctUntilChanged'];

// ── a FHIR server's own plumbing: search criteria and stored resources under generic names ──

/**
 * Declared types of a FHIR server's search request (`TypeSearchRequest`, `GlobalSearchRequest`,
 * `SearchRequest`): the interaction a client's search becomes, with its criteria in `queryParams`.
 * Asked only in a file that imports a FHIR module (the server's interface, a FHIR library).
 */
export const FHIR_SEARCH_REQUEST_TYPE = /^[A-Z]?\w*SearchRequest$/;
/** Modules whose import makes a file part of a FHIR server or client (`@aws/fhir-works-on-aws-interface`, `fhir-kit-client`). */
export const FHIR_MODULE = /fhir/i;

/**
 * Properties of the request being served that hold its URL with the query string: Express `req.originalUrl` and
 * `req.url`, Koa `ctx.url` and `ctx.querystring`, Node's `request.url`, a fetch `Request`'s `url`. On a FHIR server
 * the query string of a search is its criteria (`GET [base]/Patient?name=…&birthdate=…`).
 */
export const SERVED_REQUEST_URL_PROPERTIES: readonly string[] = ['url', 'originalUrl', 'querystring'];
/**
 * The request being served, by the names handlers give it: `req`, `request`, Koa's `ctx` (which delegates `url` to its
 * request), `ctx.request`. Not a field named `request` of something else (`entry.request.url` of a Bundle entry).
 */
export const SERVED_REQUEST_OBJECT = /^(req|request|ctx|ctx\.request|ctx\.req|incomingRequest)$/;
/** A folder of a FHIR API's code (`app/api/fhir/[...path]/route.ts`, `lib/fhir/`): its routes serve FHIR interactions. */
export const FHIR_FOLDER = /(^|\/)fhir\//i;

/** Fields of a FHIR search request (or of what its criteria were parsed into) that hold the criteria themselves. */
export const SEARCH_CRITERIA_FIELDS: readonly string[] = ['queryParams', 'searchParams', 'queryParameters', 'searchParameters'];

/**
 * What a client searches a FHIR server by, when the resource type is not known: a Patient search's
 * parameters are a name, a birth date and an identifier (`name`, `birthdate`, `identifier`).
 */
export const SEARCH_CRITERIA_KINDS: readonly string[] = ['name', 'date-of-birth', 'mrn'];

/**
 * Words of a function that builds a query from criteria (`buildQueryForAllSearchParameters`,
 * `parseQuery`, `buildSortClause`, `createFilter`): verbs first, then what it builds. Its result holds
 * the criteria it was handed.
 */
export const QUERY_BUILDER_VERBS: readonly string[] = ['build', 'create', 'make', 'parse', 'compose', 'translate', 'convert', 'to', 'get'];
export const QUERY_BUILDER_NOUNS: readonly string[] = ['query', 'queries', 'filter', 'filters', 'clause', 'clauses', 'criteria', 'search', 'params', 'parameters', 'condition', 'conditions'];

/**
 * DynamoDB stream records: `record.dynamodb.NewImage` / `OldImage` are the whole item after or before the
 * change, in a resource table the stored resource (a patient, an observation); `Keys` are only its keys.
 */
export const STREAM_IMAGE_FIELDS: readonly string[] = ['NewImage', 'OldImage'];
export const STREAM_RECORD_FIELD = 'dynamodb';

/** DynamoDB `batchWriteItem`'s `UnprocessedItems`: the put and delete requests it did not apply, items included. */
export const UNPROCESSED_ITEMS_FIELD = 'UnprocessedItems';

/** A search index's hit (`hits.hits[i]`): its `_source` is the whole document the index stores. */
export const INDEXED_DOCUMENT_FIELD = '_source';

/** Functions that turn a DynamoDB item into a plain object and back (the same data either way): `unmarshall`, `Converter.unmarshall`, `marshall`. */
export const ITEM_CONVERTERS: readonly string[] = ['unmarshall', 'unmarshalled', 'marshall'];

/** What a stored resource of a FHIR server's table or index holds, when its resource type is unknown: a whole record. */
export const STORED_RESOURCE_KINDS: readonly string[] = ['patient-record'];

// ── inbound messages: what another system delivers to a serverless handler ──────────────────

/** An event record's envelope and the field holding its message: SNS `record.Sns.Message`, Kinesis `record.kinesis.data` (SQS's is `record.body`). */
export const INBOUND_MESSAGE_FIELDS: ReadonlyArray<readonly [string, string]> = [['Sns', 'Message'], ['kinesis', 'data']];

/** Methods of an S3 object's `Body` (AWS SDK v3) that read its whole content. */
export const OBJECT_BODY_READERS: readonly string[] = ['transformToString', 'transformToByteArray'];

/**
 * Clients of message brokers whose consumers receive what another system published: Kafka (kafkajs, kafka-node,
 * node-rdkafka), AMQP/RabbitMQ (amqplib), Google Pub/Sub, Azure Service Bus.
 */
export const MESSAGE_BROKER_MODULES = /^(kafkajs|kafka-node|node-rdkafka|amqplib(\/callback_api)?|amqp-connection-manager|@google-cloud\/pubsub|@azure\/service-bus)$/;
/** The field of a consumed message that holds what was published: Kafka `value`, AMQP `content`, Pub/Sub `data`, Service Bus `body`. */
export const CONSUMED_MESSAGE_FIELDS: readonly string[] = ['value', 'content', 'data', 'body'];
/** Options of a consumer that name its per-message handler: kafkajs `eachMessage`, Service Bus `processMessage`. */
export const MESSAGE_HANDLER_OPTIONS: readonly string[] = ['eachMessage', 'processMessage'];
/** kafkajs's per-batch handler option: `eachBatch: async ({ batch }) => { for (const message of batch.messages) … }`. */
export const BATCH_HANDLER_OPTION = 'eachBatch';
/** Methods and events of a consumer that hand each message to a callback: amqplib `channel.consume(q, cb)`, `consumer.on('message' | 'data', cb)`. */
export const CONSUMER_CALLBACK_METHODS: readonly string[] = ['consume'];
export const CONSUMER_MESSAGE_EVENTS: readonly string[] = ['message', 'data'];
/** Types of a consumed message the broker libraries export (`Message`, `KafkaMessage`, `ConsumeMessage`, `ServiceBusReceivedMessage`). */
export const CONSUMED_MESSAGE_TYPE = /^(\w*Message)$/;
