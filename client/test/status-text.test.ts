// The status item texts for the server's phiGuard/status notification (pure function, no vscode).
import { strict as assert } from 'node:assert';
import type { StatusParams } from '../../server/src/shared/protocol';
import { describeStatus, formatCounts } from '../src/status-text';

const base: StatusParams = { state: 'idle', counts: { error: 0, warning: 0, note: 0 }, suppressed: 0 };

describe('client status text', () => {
  it('shows starting until the first status arrives, and stopped when the server is down', () => {
    assert.equal(describeStatus(undefined, 'starting').busy, true);
    assert.equal(describeStatus(undefined, 'running').shortText, 'starting');
    const stopped = describeStatus(base, 'stopped');
    assert.equal(stopped.level, 'error');
    assert.match(stopped.text, /stopped/);
  });

  it('shows counts by severity when idle', () => {
    const view = describeStatus({ ...base, counts: { error: 2, warning: 1, note: 0 }, suppressed: 3 }, 'running');
    assert.equal(view.text, '$(shield) PHI Guard: $(error) 2 $(warning) 1 $(info) 0');
    assert.equal(view.shortText, '2 errors, 1 warning');
    assert.match(view.detail, /3 suppressed/);
    assert.equal(view.level, 'information');
    assert.equal(view.busy, false);
    assert.equal(formatCounts(base.counts), 'no findings');
  });

  it('shows analyzing and scanning progress as busy', () => {
    assert.equal(describeStatus({ ...base, state: 'analyzing' }, 'running').shortText, 'analyzing');
    const scanning = describeStatus({ ...base, state: 'scanning', scanProgress: 41.6 }, 'running');
    assert.equal(scanning.shortText, 'scanning 42%');
    assert.equal(scanning.busy, true);
    assert.equal(describeStatus({ ...base, state: 'scanning', scanProgress: 250 }, 'running').shortText, 'scanning 100%');
  });

  it('warns about a slow file (path and time, never content) and shows errors', () => {
    const slow = describeStatus({ ...base, slowFile: { file: 'src/big.ts', ms: 812.4 } }, 'running');
    assert.equal(slow.level, 'warning');
    assert.match(slow.text, /^\$\(warning\)/);
    assert.match(slow.detail, /src\/big\.ts took 812 ms/);
    const stopped = describeStatus({ ...base, slowFile: { file: 'src/huge.ts', ms: 3004, stopped: true } }, 'running');
    assert.equal(stopped.level, 'warning');
    assert.match(stopped.detail, /analysis of src\/huge\.ts was stopped after 3004 ms .*analysed when saved/);
    const failed = describeStatus({ ...base, state: 'error', lastError: 'bad config' }, 'running');
    assert.equal(failed.level, 'error');
    assert.match(failed.detail, /bad config/);
  });

  it('says which open files are not analysed and why (over the size limit)', () => {
    const view = describeStatus({ ...base, notAnalysed: [{ file: 'src/bundle.js', reason: '5.0 MB exceeds the 1.0 MB limit (maxFileSize)' }] }, 'running');
    assert.equal(view.level, 'warning');
    assert.equal(view.shortText, 'no findings · 1 file not analysed');
    assert.match(view.detail, /Not analysed: src\/bundle\.js: 5\.0 MB exceeds the 1\.0 MB limit \(maxFileSize\)/);
    // Nothing slow, nothing skipped: plain information (the item is not amber).
    assert.equal(describeStatus(base, 'running').level, 'information');
  });
});
