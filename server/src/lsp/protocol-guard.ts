// The language server's front door: every incoming JSON-RPC message is checked here, before
// vscode-languageserver (or our handlers) touch it.
// - Requests whose params do not have the shape the protocol defines are answered with −32602
//   (InvalidParams) and never reach a handler; notifications with bad params are logged and dropped.
//   (vscode-languageserver reads `params.workDoneToken` of a request before our handler runs, so a
//   `null` would otherwise end as −32603; a didOpen without a version used to reach the scheduler.)
// - A framing error (a header without a valid Content-Length, garbage between messages) leaves the
//   stream out of step with no way back: it is reported and the server closes the connection and
//   exits with code 1 (the code LSP gives an exit without shutdown), never a crash. A body that is
//   not JSON but correctly framed is answered with −32700 (ParseError) and the server goes on.
// Problems name the method and the path of the bad field, never the value (it may be document text).
import { AbstractMessageReader, ErrorCodes, type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';

/** A check returns what is wrong with a value (`at` is its path, e.g. "params.textDocument.uri"), or undefined. */
type Check = (value: unknown, at: string) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const string: Check = (value, at) => (typeof value === 'string' ? undefined : `${at} must be a string`);
const nonEmptyString: Check = (value, at) => (typeof value === 'string' && value.length > 0 ? undefined : `${at} must be a non-empty string`);
const integer: Check = (value, at) => (Number.isSafeInteger(value) ? undefined : `${at} must be an integer`);
const uinteger: Check = (value, at) => (Number.isSafeInteger(value) && (value as number) >= 0 ? undefined : `${at} must be a non-negative integer`);
const anything: Check = () => undefined;

function optional(check: Check): Check {
  return (value, at) => (value === undefined ? undefined : check(value, at));
}

function nullable(check: Check): Check {
  return (value, at) => (value === null ? undefined : check(value, at));
}

function oneOf(...values: readonly unknown[]): Check {
  return (value, at) => (values.includes(value) ? undefined : `${at} must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
}

function either(description: string, ...checks: Check[]): Check {
  return (value, at) => (checks.some((check) => check(value, at) === undefined) ? undefined : `${at} must be ${description}`);
}

function object(fields: Record<string, Check>): Check {
  return (value, at) => {
    if (!isObject(value)) return `${at} must be an object`;
    for (const [name, check] of Object.entries(fields)) {
      const problem = check(value[name], `${at}.${name}`);
      if (problem) return problem;
    }
    return undefined;
  };
}

function arrayOf(check: Check): Check {
  return (value, at) => {
    if (!Array.isArray(value)) return `${at} must be an array`;
    for (let i = 0; i < value.length; i++) {
      const problem = check(value[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

const position = object({ line: uinteger, character: uinteger });
const range = object({ start: position, end: position });
const documentId = object({ uri: nonEmptyString });
const workspaceFolder = object({ uri: nonEmptyString, name: optional(string) });
const progressToken = either('an integer or a string', integer, string);

/** What each method the server handles (or vscode-languageserver handles for it) must receive as params. */
const PARAMS: Readonly<Record<string, Check>> = {
  // requests
  initialize: object({
    processId: optional(nullable(integer)),
    capabilities: object({}),
    rootUri: optional(nullable(string)),
    rootPath: optional(nullable(string)),
    workspaceFolders: optional(nullable(arrayOf(workspaceFolder))),
    trace: optional(oneOf('off', 'messages', 'verbose')),
    initializationOptions: anything,
  }),
  'textDocument/diagnostic': object({ textDocument: documentId, identifier: optional(string), previousResultId: optional(string) }),
  'textDocument/codeAction': object({
    textDocument: documentId,
    range,
    context: object({ diagnostics: arrayOf(object({ range, message: string })), only: optional(arrayOf(string)) }),
  }),
  'textDocument/hover': object({ textDocument: documentId, position }),
  'workspace/executeCommand': object({ command: nonEmptyString, arguments: optional(arrayOf(anything)) }),
  'phiGuard/exportSarif': optional(nullable(object({ target: optional(nullable(string)) }))),
  // notifications
  initialized: optional(object({})),
  'textDocument/didOpen': object({ textDocument: object({ uri: nonEmptyString, languageId: string, version: integer, text: string }) }),
  'textDocument/didChange': object({
    textDocument: object({ uri: nonEmptyString, version: integer }),
    contentChanges: arrayOf(object({ range: optional(range), rangeLength: optional(uinteger), text: string })),
  }),
  'textDocument/didClose': object({ textDocument: documentId }),
  'textDocument/didSave': object({ textDocument: documentId, text: optional(string) }),
  'textDocument/willSave': object({ textDocument: documentId, reason: integer }),
  'workspace/didChangeConfiguration': object({ settings: anything }),
  'workspace/didChangeWatchedFiles': object({ changes: arrayOf(object({ uri: nonEmptyString, type: oneOf(1, 2, 3) })) }),
  'workspace/didChangeWorkspaceFolders': object({ event: object({ added: arrayOf(workspaceFolder), removed: arrayOf(workspaceFolder) }) }),
  '$/cancelRequest': object({ id: progressToken }),
  '$/setTrace': object({ value: oneOf('off', 'messages', 'verbose') }),
  'window/workDoneProgress/cancel': object({ token: progressToken }),
};

/** What is wrong with a message's params, or undefined (also for methods the server does not know: those get MethodNotFound). */
function paramsProblem(method: string, params: unknown): string | undefined {
  const check = Object.prototype.hasOwnProperty.call(PARAMS, method) ? PARAMS[method] : undefined;
  return check?.(params, 'params');
}

export interface GuardEvents {
  /** A message was refused (a request answered with −32602 / −32700, a notification dropped). */
  refused(problem: string): void;
  /** The stream is out of step (or broken): close the connection. `what` never quotes the stream. */
  framingError(what: string): void;
}

/** Wraps the transport's reader: messages reach the connection only once their params passed `paramsProblem`. */
export class GuardedMessageReader extends AbstractMessageReader implements MessageReader {
  private readonly subscriptions: Disposable[] = [];

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
    private readonly events: GuardEvents,
  ) {
    super();
    this.subscriptions.push(
      inner.onError((error) => this.onInnerError(error)),
      inner.onClose(() => this.fireClose()),
      inner.onPartialMessage((info) => this.firePartialMessage(info)),
    );
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      const admitted = this.admit(message);
      if (admitted) callback(admitted);
    });
  }

  override dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.inner.dispose();
    super.dispose();
  }

  /** The message to pass on (itself, or what of it may be passed on), or undefined when it is refused. */
  private admit(message: Message): Message | undefined {
    if (!isObject(message)) {
      // `null`, a number, a batch array: not a message LSP defines.
      this.events.refused('a message that is not a JSON object (answered with InvalidRequest)');
      this.respond(null, ErrorCodes.InvalidRequest, 'Invalid request: a message must be a JSON object');
      return undefined;
    }
    const { method, id, params, result, error } = message as { method?: unknown; id?: unknown; params?: unknown; result?: unknown; error?: unknown };
    const validId = typeof id === 'string' || typeof id === 'number';
    // vscode-jsonrpc logs a message it cannot classify, or a response without id, as a JSON dump: a
    // document's text or a planted value would reach the log. Such messages are refused here, in words.
    if (typeof method !== 'string') {
      const isResponse = (result !== undefined || Boolean(error)) && (validId || id === null);
      if (isResponse && id !== null) return message; // a response to one of our requests
      if (isResponse) {
        this.events.refused('a response without an id (ignored)');
        return undefined;
      }
      // With an id it may be a broken answer to one of our requests: the connection fails that request
      // (and logs what it is given: the id alone).
      if (validId) return { jsonrpc: '2.0', id } as Message;
      this.events.refused('a message that is neither a request, a notification nor a response (answered with InvalidRequest)');
      this.respond(null, ErrorCodes.InvalidRequest, 'Invalid request: a message needs a method, or an id with a result or an error');
      return undefined;
    }
    if (id !== undefined && !validId) {
      this.events.refused('a request whose id is not a number or a string (answered with InvalidRequest)');
      this.respond(null, ErrorCodes.InvalidRequest, 'Invalid request: the id must be a number or a string');
      return undefined;
    }
    const problem = paramsProblem(method, params);
    if (!problem) return message;
    const isRequest = typeof id === 'number' || typeof id === 'string';
    if (isRequest) {
      this.events.refused(`${method}: ${problem} (answered with InvalidParams)`);
      this.respond(id, ErrorCodes.InvalidParams, `Invalid params for ${method}: ${problem}`);
    } else {
      this.events.refused(`${method}: ${problem} (notification ignored)`);
    }
    return undefined;
  }

  private respond(id: number | string | null, code: number, message: string): void {
    this.writer.write({ jsonrpc: '2.0', id, error: { code, message } } as Message).catch(() => undefined);
  }

  private onInnerError(error: Error): void {
    // A body that is not JSON (or not UTF-8) was framed correctly: the next message can still be read.
    if (error instanceof SyntaxError) {
      this.events.refused('a message body that is not valid JSON (answered with ParseError)');
      this.respond(null, ErrorCodes.ParseError, 'Parse error: the message body is not valid JSON');
      return;
    }
    this.events.framingError(describeTransportError(error));
    this.fireError(error);
  }
}

/** The byte stream is out of step with the framing; the message is ours and never quotes the stream. */
class FramingError extends Error {
  override name = 'FramingError';
}

/** What went wrong on the transport, in words that never quote the stream (it may hold document text). */
function describeTransportError(error: Error): string {
  if (error instanceof FramingError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  return `a transport error (${code ?? error.name})`;
}

/** Header blocks are a few dozen bytes; more without the blank line that ends one is not a header. */
const MAX_HEADER_BYTES = 8 * 1024;
/** Far above any document an editor sends (VS Code syncs files up to 50 MB); a larger length is garbage. */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * The base protocol over a byte stream (stdio): `Content-Length: <n>\r\n[Content-Type: …\r\n]\r\n` then n
 * bytes of UTF-8 JSON. Stricter than vscode-jsonrpc's reader, which accepts `Content-Length: -5` or
 * `12abc` and then reads garbage: anything but a well-formed header is a FramingError, after which
 * nothing more is read. A well-framed body that is not JSON is a SyntaxError and reading goes on.
 */
export class FramedStreamReader extends AbstractMessageReader implements MessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Body length of the message being read, once its header is parsed. */
  private bodyLength: number | undefined;
  private failed = false;

  constructor(private readonly stream: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (data: Buffer | string) => this.onData(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, callback);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.stream.on('data', onData);
    this.stream.on('error', onError);
    this.stream.on('end', onClose);
    this.stream.on('close', onClose);
    return {
      dispose: () => {
        this.stream.off('data', onData);
        this.stream.off('error', onError);
        this.stream.off('end', onClose);
        this.stream.off('close', onClose);
      },
    };
  }

  private onData(data: Buffer, callback: DataCallback): void {
    if (this.failed) return;
    this.chunks.push(data);
    this.buffered += data.length;
    for (;;) {
      if (this.bodyLength === undefined) {
        const all = this.all();
        const end = all.indexOf(HEADER_END);
        if (end === -1) {
          if (all.length > MAX_HEADER_BYTES) return this.fail('a message header longer than 8 KB (or bytes that are not a header)');
          return;
        }
        const length = parseHeader(all.subarray(0, end).toString('latin1'));
        if (typeof length === 'string') return this.fail(length);
        this.bodyLength = length;
        this.rest(all.subarray(end + HEADER_END.length));
      }
      if (this.buffered < this.bodyLength) return;
      const all = this.all();
      const body = all.subarray(0, this.bodyLength);
      this.rest(all.subarray(this.bodyLength));
      this.bodyLength = undefined;
      let message: Message;
      try {
        message = JSON.parse(body.toString('utf8')) as Message;
      } catch (error) {
        this.fireError(error instanceof SyntaxError ? error : new SyntaxError('not JSON'));
        continue;
      }
      callback(message);
    }
  }

  /**
   * What the input ended inside of, when it ends with part of a message unread (a client that died
   * mid-write, a Content-Length larger than the body): a framing error like any other. Undefined when
   * it ended between messages.
   */
  partialMessage(): string | undefined {
    if (this.failed) return undefined;
    if (this.bodyLength !== undefined) return `a message cut short (${this.buffered} of the ${this.bodyLength} bytes its Content-Length announced)`;
    if (this.buffered > 0) return 'an unfinished message header';
    return undefined;
  }

  /** The buffered bytes as one buffer (concatenated once, when needed). */
  private all(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private rest(remaining: Buffer): void {
    this.chunks = remaining.length ? [remaining] : [];
    this.buffered = remaining.length;
  }

  private fail(what: string): void {
    this.failed = true;
    this.chunks = [];
    this.buffered = 0;
    this.fireError(new FramingError(what));
  }
}

/** The body length a header block announces, or what is wrong with it. */
function parseHeader(block: string): number | string {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) return 'a malformed message header (a line without "name: value")';
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      if (!/^\d{1,10}$/.test(value)) return 'a Content-Length header that is not a whole number';
      length = Number(value);
      if (length > MAX_MESSAGE_BYTES) return `a Content-Length above ${MAX_MESSAGE_BYTES / (1024 * 1024)} MB`;
    } else if (name === 'content-type') {
      if (/charset=/i.test(value) && !/charset=(?:"?)utf-?8/i.test(value)) return 'a Content-Type with a charset other than UTF-8';
    }
  }
  return length === undefined ? 'a message header without Content-Length' : length;
}
