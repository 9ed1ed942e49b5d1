import type { LogVerification } from '../../../../electron/contract/views.js';

/** The audit log's check: intact (each entry follows the one before), or each problem by line. */
export function LogVerificationNote({ log }: { log: LogVerification }) {
  return (
    <div role="status" className={log.ok ? 'log-ok' : 'error'} data-testid="log-verification">
      {log.ok ? `The audit log is intact: ${log.entries} entries, each following the one before, the newest matching the keychain.` : `The audit log has been tampered with:`}
      <ul>
        {log.problems.map((p) => (
          <li key={`${p.line ?? 'file'}-${p.problem}`}>{p.line === null ? `The log: ${p.problem}` : `Line ${p.line}: ${p.problem}`}</li>
        ))}
        {log.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
