// Turns the server's `phiGuard/status` notification into what the status items show.
// Pure (no vscode import) so it is unit-tested with plain mocha.
import type { SeverityCounts, SlowFile, StatusParams } from '../../server/src/shared/protocol';

/** Mirrors vscode.LanguageStatusSeverity without importing vscode. */
export type StatusLevel = 'information' | 'warning' | 'error';

export interface StatusView {
  /** Status bar text, with a codicon. */
  text: string;
  /** Short form for the language status item (the item already shows "PHI Guard" as its name). */
  shortText: string;
  /** Tooltip / language status detail. */
  detail: string;
  level: StatusLevel;
  busy: boolean;
}

export type ClientState = 'starting' | 'running' | 'stopped' | 'disabled';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatCounts(counts: SeverityCounts): string {
  const parts: string[] = [];
  if (counts.error) parts.push(plural(counts.error, 'error'));
  if (counts.warning) parts.push(plural(counts.warning, 'warning'));
  if (counts.note) parts.push(plural(counts.note, 'note'));
  return parts.length ? parts.join(', ') : 'no findings';
}

/** Compact counts with codicons for the status bar: "$(error) 2 $(warning) 3 $(info) 1". */
function iconCounts(counts: SeverityCounts): string {
  return `$(error) ${counts.error} $(warning) ${counts.warning} $(info) ${counts.note}`;
}

function slowFileLine(slow: SlowFile): string {
  const ms = Math.round(slow.ms);
  return slow.stopped
    ? `Slow file: the analysis of ${slow.file} was stopped after ${ms} ms (phiGuard.analysisTimeoutMs); it is analysed when saved`
    : `Slow file: ${slow.file} took ${ms} ms`;
}

export function describeStatus(status: StatusParams | undefined, clientState: ClientState): StatusView {
  if (clientState === 'stopped') {
    return {
      text: '$(error) PHI Guard: stopped',
      shortText: 'stopped',
      detail: 'The PHI Guard server is not running. Click to show the output; run "PHI Guard: Restart Server" to start it again.',
      level: 'error',
      busy: false,
    };
  }
  if (clientState === 'disabled') {
    return { text: '$(circle-slash) PHI Guard', shortText: 'disabled', detail: 'PHI Guard is disabled (phiGuard.enable).', level: 'information', busy: false };
  }
  if (clientState === 'starting' || !status) {
    return { text: '$(loading~spin) PHI Guard', shortText: 'starting', detail: 'Starting the PHI Guard server…', level: 'information', busy: true };
  }

  const lines: string[] = [];
  const countsText = formatCounts(status.counts);
  lines.push(`Findings: ${countsText}${status.suppressed ? ` (${status.suppressed} suppressed)` : ''}`);
  if (status.slowFile) lines.push(slowFileLine(status.slowFile));
  for (const skipped of status.notAnalysed ?? []) lines.push(`Not analysed: ${skipped.file}: ${skipped.reason}`);
  if (status.lastError) lines.push(`Last error: ${status.lastError}`);
  lines.push('Click to show the PHI Guard output.');
  const detail = lines.join('\n');

  const notAnalysed = status.notAnalysed?.length ?? 0;
  let level: StatusLevel = 'information';
  if (status.state === 'error') level = 'error';
  else if (status.slowFile || notAnalysed > 0) level = 'warning';
  const warnIcon = level === 'error' ? '$(error) ' : level === 'warning' ? '$(warning) ' : '';

  switch (status.state) {
    case 'scanning': {
      const pct = typeof status.scanProgress === 'number' ? `${Math.max(0, Math.min(100, Math.round(status.scanProgress)))}%` : '';
      const shortText = `scanning${pct ? ` ${pct}` : '…'}`;
      return { text: `$(sync~spin) PHI Guard: ${shortText}`, shortText, detail, level, busy: true };
    }
    case 'analyzing':
      return { text: `$(sync~spin) PHI Guard: analyzing`, shortText: 'analyzing', detail, level, busy: true };
    case 'error':
      return { text: `$(error) PHI Guard: ${iconCounts(status.counts)}`, shortText: `error · ${countsText}`, detail, level, busy: false };
    case 'idle':
    default:
      return {
        text: `${warnIcon || '$(shield) '}PHI Guard: ${iconCounts(status.counts)}`,
        shortText: [countsText, ...(status.slowFile ? ['slow file'] : []), ...(notAnalysed ? [`${plural(notAnalysed, 'file')} not analysed`] : [])].join(' · '),
        detail,
        level,
        busy: false,
      };
  }
}
