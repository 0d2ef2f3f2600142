// Inbound messages another system delivers to a serverless handler: the body of a queue or topic message
// (`record.body` of an SQS event's `Records`, `record.Sns.Message`, `record.kinesis.data`) and the content of an
// object read from a bucket (`(await s3.send(new GetObjectCommand(p))).Body.transformToString()`). Logged whole,
// such a message writes whatever the sender put in it — a patient's record when the handler is about patients,
// which the fields it reads from the message say (`nhsNumber`, `dateOfBirth`, `diagnosis`), not a clinic's
// schedule or a job's settings. One look at the file, only in files that mention these APIs; the messages
// are then tagged like a client's payload (`request-body`).
// The same holds for the consumers of a message broker (Kafka, AMQP, Pub/Sub, Service Bus) in a file that uses
// one's client: `message.value` of a kafkajs `eachMessage` handler, `msg.content` of amqplib's `consume`
// callback, `message.data` of a Pub/Sub `on('message')` listener, `message.body` of a Service Bus
// `processMessage`, and the published field of a parameter typed with the library's message type.

import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { keyName, lastSegment, propertyName } from '../rule-api/ast';
import { BATCH_HANDLER_OPTION, CONSUMED_MESSAGE_FIELDS, CONSUMED_MESSAGE_TYPE, CONSUMER_CALLBACK_METHODS, CONSUMER_MESSAGE_EVENTS, INBOUND_MESSAGE_FIELDS, MESSAGE_BROKER_MODULES, MESSAGE_HANDLER_OPTIONS, OBJECT_BODY_READERS } from '../vocabulary/provenance';
import { childNodes, FUNCTION_TYPES } from './syntax';

type Node = TSESTree.Node;

const objectBodyReaders = new Set(OBJECT_BODY_READERS);
const CALLBACK_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'find', 'some', 'every', 'reduce']);

export interface InboundMessages {
  /** The reads that are a delivered message: `record.body`, `response.Body.transformToString()`, `readFromS3(…)`. */
  readonly reads: ReadonlySet<Node>;
  /** Names of the fields the file reads from those messages (after parsing them): what the messages hold. */
  readonly fields: ReadonlySet<string>;
}

const NONE: InboundMessages = { reads: new Set(), fields: new Set() };

/** A cheap first look at the file's text: only these spell an inbound message. */
export function mayReadInboundMessages(text: string): boolean {
  return text.includes('.Records') || text.includes('transformTo') || mayConsumeBrokerMessages(text);
}

/** Files that may import a broker's client: the module names spelt in the text. */
function mayConsumeBrokerMessages(text: string): boolean {
  return text.includes('kafka') || text.includes('amqp') || text.includes('pubsub') || text.includes('service-bus');
}

function unwrapped(node: Node): Node {
  let current = node;
  while (current.type === 'ChainExpression' || current.type === 'TSNonNullExpression' || current.type === 'TSAsExpression' || current.type === 'AwaitExpression') {
    current = current.type === 'AwaitExpression' ? current.argument : current.expression;
  }
  return current;
}

function walk(root: Node, visit: (node: Node, parent: Node | undefined) => void): void {
  const stack: Array<[Node, Node | undefined]> = [[root, undefined]];
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    visit(node, parent);
    for (const child of childNodes(node)) stack.push([child, node]);
  }
}

/** `event.Records`, `input.Records` (any receiver): an SQS, SNS, Kinesis or S3 event's records. */
function isRecordsList(node: Node): boolean {
  const inner = unwrapped(node);
  return inner.type === 'MemberExpression' && !inner.computed && propertyName(inner) === 'Records';
}

/** `event.Records[0]`: one record of an event. */
function isRecordElement(node: Node, records: ReadonlySet<string>): boolean {
  const inner = unwrapped(node);
  if (inner.type === 'Identifier') return records.has(inner.name);
  return inner.type === 'MemberExpression' && inner.computed && isRecordsList(inner.object);
}

/** `record.body` (SQS), `record.Sns.Message` (SNS), `record.kinesis.data` (Kinesis): a record's message. */
function isRecordMessage(node: Node, records: ReadonlySet<string>): boolean {
  if (node.type !== 'MemberExpression' || node.computed) return false;
  const field = propertyName(node);
  const object = unwrapped(node.object);
  if (field === 'body') return isRecordElement(object, records);
  if (object.type !== 'MemberExpression' || object.computed) return false;
  const envelope = propertyName(object);
  return INBOUND_MESSAGE_FIELDS.some(([outer, inner]) => outer === envelope && inner === field) && isRecordElement(object.object, records);
}

/** `response.Body.transformToString()`: the content of an object read from a bucket (AWS SDK v3). */
function isObjectBodyRead(node: Node): boolean {
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return false;
  const method = propertyName(node.callee);
  if (!method || !objectBodyReaders.has(method)) return false;
  const body = unwrapped(node.callee.object);
  return body.type === 'MemberExpression' && !body.computed && propertyName(body) === 'Body';
}

/** The element parameter of `records.forEach((record) => …)`, or the variable of `for (const record of records)`. */
function elementBindings(node: Node, parent: Node | undefined, isList: (node: Node) => boolean): string[] {
  if (node.type === 'ForOfStatement' && isList(node.right) && node.left.type === 'VariableDeclaration') {
    const id = node.left.declarations[0]?.id;
    return id?.type === 'Identifier' ? [id.name] : [];
  }
  if (FUNCTION_TYPES.has(node.type) && parent?.type === 'CallExpression' && parent.arguments[0] === node && parent.callee.type === 'MemberExpression') {
    const method = propertyName(parent.callee);
    const first = (node as TSESTree.FunctionLike).params[method === 'reduce' ? 1 : 0];
    if (method && CALLBACK_METHODS.has(method) && isList(parent.callee.object) && first?.type === 'Identifier') return [first.name];
  }
  return [];
}

/**
 * The inbound messages of the file: the reads, and the fields read from them and from what parses them
 * (`JSON.parse(record.body).nhsNumber`, `const { patient } = JSON.parse(await readFromS3(key))`).
 */
export function inboundMessagesOf(program: Node, text: string): InboundMessages {
  if (!mayReadInboundMessages(text)) return NONE;
  // Records of an event: `for (const record of event.Records)`, `event.Records.map((record) => …)`, `const record = event.Records[0]`.
  const records = new Set<string>();
  walk(program, (node, parent) => {
    for (const name of elementBindings(node, parent, isRecordsList)) records.add(name);
    if (node.type === 'VariableDeclarator' && node.init && node.id.type === 'Identifier' && isRecordElement(node.init, records)) records.add(node.id.name);
  });
  // The reads, and the file's functions that return an object's content (`readCsvFromS3(bucket, key)`).
  const reads = new Set<Node>();
  const readerFunctions = new Set<string>();
  walk(program, (node) => {
    if (!isObjectBodyRead(node) && !isRecordMessage(node, records)) return;
    reads.add(node);
  });
  if (mayConsumeBrokerMessages(text)) for (const read of consumedMessageReads(program)) reads.add(read);
  if (reads.size === 0) return NONE;
  walk(program, (node) => {
    const name = readerName(node);
    if (name && containsObjectBodyRead(node)) readerFunctions.add(name);
  });
  if (readerFunctions.size > 0) {
    walk(program, (node) => {
      if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && readerFunctions.has(node.callee.name)) reads.add(node);
    });
  }
  return { reads, fields: fieldsReadFrom(program, reads) };
}

// ── message brokers ─────────────────────────────────────────────────────────────────────────

/** The local names the file imports or requires from a broker's client module, and whether it uses one. */
function brokerImports(program: Node): Set<string> | undefined {
  let uses = false;
  const names = new Set<string>();
  walk(program, (node) => {
    if (node.type === 'ImportDeclaration' && typeof node.source.value === 'string' && MESSAGE_BROKER_MODULES.test(node.source.value)) {
      uses = true;
      for (const specifier of node.specifiers) names.add(specifier.local.name);
    } else if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require') {
      const source = node.arguments[0];
      if (source?.type === 'Literal' && typeof source.value === 'string' && MESSAGE_BROKER_MODULES.test(source.value)) uses = true;
    }
  });
  return uses ? names : undefined;
}

const messageHandlerOptions = new Set(MESSAGE_HANDLER_OPTIONS);
const consumerCallbackMethods = new Set(CONSUMER_CALLBACK_METHODS);
const consumerMessageEvents = new Set(CONSUMER_MESSAGE_EVENTS);
const consumedMessageFields = new Set(CONSUMED_MESSAGE_FIELDS);

/** `eachMessage: handle` with `async function handle(payload) { … }` of the file: the function a name stands for. */
function functionsByName(program: Node): Map<string, Node> {
  const functions = new Map<string, Node>();
  walk(program, (node) => {
    if (node.type === 'FunctionDeclaration' && node.id) functions.set(node.id.name, node);
    else if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init && FUNCTION_TYPES.has(node.init.type)) functions.set(node.id.name, node.init);
  });
  return functions;
}

function firstParameter(fn: Node | undefined): Node | undefined {
  return fn && FUNCTION_TYPES.has(fn.type) ? ((fn as TSESTree.FunctionLike).params[0] as Node | undefined) : undefined;
}

/** `{ message }`, `{ message: m }`, `{ batch }` of a handler's parameter: the local name of one of its fields. */
function destructured(pattern: Node | undefined, field: string): string | undefined {
  if (pattern?.type === 'AssignmentPattern') return destructured(pattern.left, field);
  if (pattern?.type !== 'ObjectPattern') return undefined;
  for (const property of pattern.properties) {
    if (property.type === 'Property' && keyName(property.key) === field) {
      const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
      return value.type === 'Identifier' ? value.name : undefined;
    }
  }
  return undefined;
}

/**
 * The reads of what a consumer received (`message.value`, `msg.content`, `message.data`, `message.body`) in a file
 * that uses a broker's client. A message is the `message` of a kafkajs `eachMessage` handler's payload, an element of
 * `batch.messages` of an `eachBatch` handler, the parameter of a Service Bus `processMessage`, of amqplib's
 * `consume(queue, callback)` and of an `on('message' | 'data', callback)` listener, or a parameter typed with the
 * library's message type (`message: KafkaMessage`).
 */
function consumedMessageReads(program: Node): Node[] {
  const imported = brokerImports(program);
  if (!imported) return [];
  const functions = functionsByName(program);
  const handlerOf = (value: Node): Node | undefined => (value.type === 'Identifier' ? functions.get(value.name) : FUNCTION_TYPES.has(value.type) ? value : undefined);
  const messages = new Set<string>();
  const payloads = new Set<string>();
  const batches = new Set<string>();
  walk(program, (node, parent) => {
    if (node.type === 'Property' && !node.computed) {
      const option = keyName(node.key);
      const handler = handlerOf(node.value as Node);
      const parameter = firstParameter(handler);
      if (!option || !parameter) return;
      if (option === 'eachMessage') {
        const message = destructured(parameter, 'message');
        if (message) messages.add(message);
        else if (parameter.type === 'Identifier') payloads.add(parameter.name);
      } else if (messageHandlerOptions.has(option) && parameter.type === 'Identifier') {
        messages.add(parameter.name);
      } else if (option === BATCH_HANDLER_OPTION) {
        const batch = destructured(parameter, 'batch');
        if (batch) batches.add(batch);
      }
      return;
    }
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') {
      const method = propertyName(node.callee);
      const event = node.arguments[0];
      const callback =
        method && consumerCallbackMethods.has(method) ? node.arguments[1]
          : method === 'on' && event?.type === 'Literal' && typeof event.value === 'string' && consumerMessageEvents.has(event.value) ? node.arguments[1]
            : undefined;
      const parameter = firstParameter(callback && handlerOf(callback as Node));
      if (parameter?.type === 'Identifier') messages.add(parameter.name);
      return;
    }
    // `function processMessage(topic, partition, message: KafkaMessage)`: typed with the library's message type.
    if (node.type === 'Identifier' && node.typeAnnotation && parent && FUNCTION_TYPES.has(parent.type)) {
      const type = node.typeAnnotation.typeAnnotation;
      if (type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && imported.has(type.typeName.name) && CONSUMED_MESSAGE_TYPE.test(type.typeName.name)) messages.add(node.name);
    }
  });
  // `const { message } = payload`; `for (const message of batch.messages)`, `batch.messages.forEach((message) => …)`.
  const isBatchMessages = (node: Node): boolean => {
    const inner = unwrapped(node);
    return inner.type === 'MemberExpression' && !inner.computed && propertyName(inner) === 'messages' && inner.object.type === 'Identifier' && batches.has(inner.object.name);
  };
  walk(program, (node, parent) => {
    if (node.type === 'VariableDeclarator' && node.init?.type === 'Identifier' && payloads.has(node.init.name)) {
      const message = destructured(node.id, 'message');
      if (message) messages.add(message);
    }
    if (batches.size > 0) for (const name of elementBindings(node, parent, isBatchMessages)) messages.add(name);
  });
  const isMessage = (node: Node): boolean => {
    const inner = unwrapped(node);
    if (inner.type === 'Identifier') return messages.has(inner.name);
    // `payload.message` of a kafkajs handler
    return inner.type === 'MemberExpression' && !inner.computed && propertyName(inner) === 'message' && inner.object.type === 'Identifier' && payloads.has(inner.object.name);
  };
  const reads: Node[] = [];
  if (messages.size === 0 && payloads.size === 0) return reads;
  walk(program, (node) => {
    if (node.type === 'MemberExpression' && !node.computed && consumedMessageFields.has(propertyName(node) ?? '') && isMessage(node.object)) reads.push(node);
  });
  return reads;
}

/** Ramda's and lodash's readers of a field by its path: `R.path`, `R.pathOr`, `R.prop`, `_.get`. */
const PATH_READERS = new Set(['path', 'pathOr', 'prop', 'propOr', 'get']);

/** The field names of a path argument: `['recipient', 'name']`, `'patient.birthDate'`, `'nhsNumber'`. */
function pathFields(argument: Node): string[] {
  if (argument.type === 'Literal' && typeof argument.value === 'string') return argument.value.split('.');
  if (argument.type === 'ArrayExpression') return argument.elements.flatMap((element) => (element?.type === 'Literal' && typeof element.value === 'string' ? [element.value] : []));
  return [];
}

/** `function readFromS3(…) { … }`, `const readFromS3 = async (…) => { … }`: the name a function of the file is called by. */
function readerName(node: Node): string | undefined {
  if (node.type === 'FunctionDeclaration') return node.id?.name;
  if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init && FUNCTION_TYPES.has(node.init.type)) return node.id.name;
  return undefined;
}

function containsObjectBodyRead(node: Node): boolean {
  let found = false;
  walk(node.type === 'VariableDeclarator' ? node.init! : node, (child) => {
    if (!found && isObjectBodyRead(child)) found = true;
  });
  return found;
}

/**
 * The fields read from the messages and from their parsed copies: a variable initialised from a read or
 * from a call handed one (`JSON.parse(body)`, `parseCsv(text)`), their elements (`for (const row of rows)`),
 * then `copy.field`, `copy['Field']` and destructured keys.
 */
function fieldsReadFrom(program: Node, reads: ReadonlySet<Node>): Set<string> {
  const aliases = new Set<string>();
  const isMessage = (node: Node): boolean => {
    const inner = unwrapped(node);
    if (reads.has(inner)) return true;
    if (inner.type === 'Identifier') return aliases.has(inner.name);
    // `message.patient.nhsNumber`, `js?.['Withdrawal']?.['Reason']`: a field of the message is part of it.
    if (inner.type === 'MemberExpression') return isMessage(inner.object);
    // `message.value?.toString() ?? ''`
    if (inner.type === 'LogicalExpression') return isMessage(inner.left) || isMessage(inner.right);
    if (inner.type !== 'CallExpression') return false;
    // `message.value.toString()`: the message's text.
    if (inner.callee.type === 'MemberExpression' && reads.has(unwrapped(inner.callee.object))) return true;
    return inner.arguments.some((argument) => argument.type !== 'SpreadElement' && isMessage(argument));
  };
  const fields = new Set<string>();
  // Two rounds: an alias declared from another alias further down the file is found in the second.
  for (let round = 0; round < 2; round++) {
    walk(program, (node, parent) => {
      for (const name of elementBindings(node, parent, isMessage)) aliases.add(name);
      // `let parsed = {}; … parsed = JSON.parse(message.value.toString())`
      if (node.type === 'AssignmentExpression' && node.operator === '=' && node.left.type === 'Identifier' && isMessage(node.right)) aliases.add(node.left.name);
      if (node.type !== 'VariableDeclarator' || !node.init || !isMessage(node.init)) return;
      if (node.id.type === 'Identifier') aliases.add(node.id.name);
      else if (node.id.type === 'ObjectPattern') {
        for (const property of node.id.properties) if (property.type === 'Property') fields.add(keyName(property.key) ?? '');
      }
    });
  }
  walk(program, (node) => {
    // `R.pathOr('', ['recipient', 'name'], parsed)`, `_.get(parsed, 'patient.birthDate')`: fields read by a path.
    if (node.type === 'CallExpression' && PATH_READERS.has(lastSegment(node.callee) ?? '') && node.arguments.some((argument) => argument.type !== 'SpreadElement' && isMessage(argument))) {
      for (const argument of node.arguments) for (const field of pathFields(argument)) fields.add(field);
      return;
    }
    if (node.type !== 'MemberExpression' || !isMessage(node.object)) return;
    const field = node.computed ? (node.property.type === 'Literal' && typeof node.property.value === 'string' ? node.property.value : undefined) : propertyName(node);
    if (field) fields.add(field);
  });
  fields.delete('');
  return fields;
}
