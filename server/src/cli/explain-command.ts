// `phi-guard explain <kind|rule>`: what a PHI kind or a rule means and why it matters.
import { didYouMean, docsUrl, PHI_KINDS, SAFE_HARBOR_IDENTIFIERS, type AnyRule as Rule, type PhiKindDefinition } from '../engine';
import { UsageError, parseArgs } from './args';
import { EXPLAIN_OPTIONS } from './commands';
import type { CliDeps } from './deps';
import { EXIT_OK } from './errors';
import { explainHelp } from './help';
import { writeAll, type CliIo } from './io';

const EXAMPLE_NAMES = 6;

export async function runExplain(args: readonly string[], io: CliIo, deps: CliDeps): Promise<number> {
  const parsed = parseArgs(args, EXPLAIN_OPTIONS, 'explain');
  if (parsed.flags.has('help')) {
    await writeAll(io.stdout, explainHelp());
    return EXIT_OK;
  }
  const json = parsed.values.get('format') === 'json';
  const topic = parsed.positionals[0];
  const rules = deps.getRules();
  if (topic === undefined) {
    await writeAll(io.stdout, json ? `${JSON.stringify({ kinds: PHI_KINDS.map(kindJson), rules: rules.map((rule) => rule.meta.id) }, null, 2)}\n` : listTopics(rules));
    return EXIT_OK;
  }
  const kind = PHI_KINDS.find((candidate) => candidate.id === topic);
  const rule = rules.find((candidate) => candidate.meta.id === topic);
  if (kind) await writeAll(io.stdout, json ? `${JSON.stringify(kindJson(kind), null, 2)}\n` : explainKind(kind));
  else if (rule) await writeAll(io.stdout, json ? `${JSON.stringify({ ...rule.meta, docsUrl: docsUrl(rule.meta.id) }, null, 2)}\n` : explainRule(rule));
  else {
    const suggestion = didYouMean(topic, [...PHI_KINDS.map((candidate) => candidate.id), ...rules.map((candidate) => candidate.meta.id)]);
    throw new UsageError(`'${topic}' is neither a PHI kind nor a rule${suggestion ? ` (did you mean '${suggestion}'?)` : ''}. Run 'phi-guard explain' for the list.`, 'explain');
  }
  return EXIT_OK;
}

function kindJson(kind: PhiKindDefinition) {
  return {
    id: kind.id,
    label: kind.label,
    category: kind.category,
    safeHarborIdentifier: kind.safeHarbor ?? null,
    safeHarborName: kind.safeHarbor ? SAFE_HARBOR_IDENTIFIERS[kind.safeHarbor] : null,
    sensitivity: kind.sensitivity,
    jurisdiction: kind.jurisdiction ?? null,
    description: kind.description,
    names: kind.strong,
    namesWithPersonContext: kind.contextual ?? [],
  };
}

function hipaaLine(kind: PhiKindDefinition): string {
  if (kind.safeHarbor) return `HIPAA Safe Harbor identifier #${kind.safeHarbor}: ${SAFE_HARBOR_IDENTIFIERS[kind.safeHarbor]}`;
  if (kind.category === 'clinical') return 'Clinical data: PHI whenever it is linked to an individual';
  return 'A whole record: every identifier and all clinical data in it';
}

function explainKind(kind: PhiKindDefinition): string {
  const contextual = kind.contextual?.length ? `\nNames that count with a person context (patientX, patient.x): ${kind.contextual.join(', ')}` : '';
  const jurisdiction = kind.jurisdiction ? `\nIssued in: ${kind.jurisdiction} (PHI under HIPAA when a covered entity holds it; personal health data under that country's law too)` : '';
  return `${kind.label} (${kind.id})
${kind.description}${jurisdiction}
${hipaaLine(kind)}
Sensitivity: ${kind.sensitivity}${kind.sensitivity === 'medium' ? ' (quasi-identifier: findings are one severity step lower by default)' : ''}
Names recognised: ${kind.strong.slice(0, EXAMPLE_NAMES * 2).join(', ')}${contextual}
Add your own names in .phi-guard.json: { "phiNames": { "<name>": "${kind.id}" } }
`;
}

function explainRule(rule: Rule): string {
  const { meta } = rule;
  return `${meta.id} — ${meta.description}

${meta.rationale}

Default severity: ${meta.defaultSeverity}
CWE: ${meta.cwe.join(', ') || '-'}
HIPAA: ${meta.hipaa.join(', ') || '-'}
Precision: ${meta.precision}
Automatic fix: ${meta.fixable ? 'yes, where the rewrite is safe' : 'no'}
Files: ${meta.languages.map((language) => (language === 'code' ? 'TypeScript/JavaScript' : 'JSON config')).join(', ')}
Documentation: ${docsUrl(meta.id)}
`;
}

function listTopics(rules: readonly Rule[]): string {
  const width = Math.max(...PHI_KINDS.map((kind) => kind.id.length));
  const kinds = PHI_KINDS.map((kind) => `  ${kind.id.padEnd(width)}  ${kind.label}${kind.safeHarbor ? ` (Safe Harbor #${kind.safeHarbor})` : ''}`).join('\n');
  return `PHI kinds:\n${kinds}\n\nRules:\n${rules.map((rule) => `  ${rule.meta.id}`).join('\n')}\n\nRun 'phi-guard explain <kind|rule>' for details.\n`;
}
