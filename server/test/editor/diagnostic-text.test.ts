// Editor messages (issue 10, editor polish): a diagnostic shows the finding's first sentence, at most
// about 100 characters; the hover has the whole message with its advice and the documentation link.
import { strict as assert } from 'node:assert';
import { HEADLINE_MAX, hoverMarkdown, splitMessage } from '../../src/lsp/diagnostic-text';

describe('editor messages: headline and advice', () => {
  it('takes the first sentence as the headline and the rest as the advice', () => {
    assert.deepEqual(splitMessage('Logging date of birth. Log an opaque id instead, or redact the value before logging.'), {
      headline: 'Logging date of birth.',
      advice: 'Log an opaque id instead, or redact the value before logging.',
    });
    assert.deepEqual(splitMessage('String value looks like a real SSN.'), { headline: 'String value looks like a real SSN.', advice: '' });
  });

  it('does not end a sentence inside a code span or before a lower-case word', () => {
    const { headline } = splitMessage('Logging the whole `req.body. X` writes the body, e.g. the form. Log an allow-list.');
    assert.equal(headline, 'Logging the whole `req.body. X` writes the body, e.g. the form.');
  });

  it('splits a first sentence longer than the limit at its colon or semicolon (outside code)', () => {
    const message =
      '`rejectUnauthorized: false` turns off TLS certificate verification: anyone on the network path can read or alter the traffic. Trust your CA with the `ca` option instead.';
    assert.deepEqual(splitMessage(message), {
      headline: '`rejectUnauthorized: false` turns off TLS certificate verification.',
      advice: 'Anyone on the network path can read or alter the traffic. Trust your CA with the `ca` option instead.',
    });
    const column = splitMessage('Column `ssn` stores SSN without encryption at rest; encrypt it with a field-encryption plugin (mongoose-field-encryption, mongoose-encryption) or MongoDB Queryable Encryption/CSFLE.');
    assert.equal(column.headline, 'Column `ssn` stores SSN without encryption at rest.');
    assert.match(column.advice, /^Encrypt it with/);
  });

  it('cuts one long sentence without a place to split at a word, and the hover has it whole', () => {
    const message = 'Setting NODE_TLS_REJECT_UNAUTHORIZED to 0 turns off certificate verification for every HTTPS connection in the process.';
    const split = splitMessage(message);
    assert.ok(split.headline.length <= HEADLINE_MAX);
    assert.equal(split.headline, 'Setting NODE_TLS_REJECT_UNAUTHORIZED to 0 turns off certificate verification for every HTTPS…');
    assert.match(hoverMarkdown('no-tls-verification-disabled', message, 'https://x/doc.md'), /\*\*Setting NODE\\_TLS\\_REJECT\\_UNAUTHORIZED to 0 .* in the process\.\*\*/);
  });

  it('keeps the cross-file part ("through `f()`, file:line") in the headline', () => {
    const split = splitMessage('Storing date of birth in localStorage. Browser storage is unencrypted. (through `saveToStorage()`, src/lib/store.ts:3)');
    assert.equal(split.headline, 'Storing date of birth in localStorage (through `saveToStorage()`, src/lib/store.ts:3).');
    assert.equal(split.advice, 'Browser storage is unencrypted.');
  });

  it('renders the hover as markdown: headline in bold, the advice, the rule and its documentation; code spans untouched', () => {
    const hover = hoverMarkdown('no-phi-in-logs', 'Logging the whole `req.body`. Log an opaque_id or *nothing*.', 'https://example.org/no-phi-in-logs.md');
    assert.equal(
      hover,
      '**Logging the whole `req.body`.**\n\nLog an opaque\\_id or \\*nothing\\*.\n\nPHI Guard `no-phi-in-logs` · [documentation](https://example.org/no-phi-in-logs.md)',
    );
  });
});
