// A small, strict command-line parser: unknown options and bad values are usage errors (exit 2)
// with a message that says what was wrong, instead of being ignored.

export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose `--help` the message points to ("" for the global help). */
    readonly command: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface OptionSpec {
  /** Long name without dashes, e.g. "format". */
  name: string;
  short?: string;
  /** A flag takes no value; a value option takes exactly one. */
  kind: 'flag' | 'value';
  /** Allowed values of a value option. */
  choices?: readonly string[];
  /** Placeholder shown in help, e.g. "FILE". */
  valueName?: string;
  description: string;
}

export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  positionals: string[];
}

export function parseArgs(args: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs {
  const parsed: ParsedArgs = { flags: new Set(), values: new Map(), positionals: [] };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') {
      parsed.positionals.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    const { spec, inlineValue } = findOption(arg, specs, command);
    if (spec.kind === 'flag') {
      if (inlineValue !== undefined) throw new UsageError(`Option '--${spec.name}' does not take a value.`, command);
      parsed.flags.add(spec.name);
      continue;
    }
    let value = inlineValue;
    if (value === undefined) {
      const next = args[index + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new UsageError(`Option '--${spec.name}' needs a value${describeChoices(spec)}.`, command);
      }
      value = next;
      index++;
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`Invalid value '${value}' for '--${spec.name}'${describeChoices(spec)}.`, command);
    }
    if (parsed.values.has(spec.name)) throw new UsageError(`Option '--${spec.name}' is given more than once.`, command);
    parsed.values.set(spec.name, value);
  }
  return parsed;
}

function describeChoices(spec: OptionSpec): string {
  return spec.choices ? ` (one of: ${spec.choices.join(', ')})` : '';
}

function findOption(arg: string, specs: readonly OptionSpec[], command: string): { spec: OptionSpec; inlineValue?: string } {
  if (arg.startsWith('--')) {
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
    const spec = specs.find((candidate) => candidate.name === name);
    if (!spec) throw new UsageError(`Unknown option '--${name}'${where(command)}.`, command);
    return equals === -1 ? { spec } : { spec, inlineValue: arg.slice(equals + 1) };
  }
  // Short options: one letter each, `-o FILE` or `-oFILE` not supported (keeps the grammar obvious).
  const spec = specs.find((candidate) => candidate.short === arg.slice(1));
  if (!spec) throw new UsageError(`Unknown option '${arg}'${where(command)}.`, command);
  return { spec };
}

function where(command: string): string {
  return command ? ` for 'phi-guard ${command}'` : '';
}
