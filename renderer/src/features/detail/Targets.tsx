import type { Target } from '../../../../electron/contract/views.js';
import { placeFailure } from '../../ui/placed-failure.js';
import { TargetForm, type TargetField } from './TargetForm.js';
import { TargetList } from './TargetList.js';
import { useTargets } from './useTargets.js';

/** Where the key is used: .env variables, commands that get it on stdin (any secret manager's CLI), and files rendered from a template. */
export function Targets({ keyRef, targets, onChanged }: { keyRef: string; targets: Target[]; onChanged: () => void }) {
  const form = useTargets(keyRef, onChanged);
  const { pendingLink, pendingCreate } = form;
  const shown: TargetField[] = form.kind === 'dotenv' ? ['file', 'variable'] : ['command'];
  const placed = placeFailure(form.failure, shown);

  return (
    <section aria-label="Swap targets">
      <h3>Swap targets</h3>
      <TargetList targets={targets} onRemove={(id) => void form.remove(id)} />
      <TargetForm form={form} placed={placed} />
      {pendingLink && (
        <div role="group" aria-label="Confirm the link" className="warning">
          <p>
            <code>{pendingLink.path}</code> is a link to <code>{pendingLink.resolved}</code>: the key will be written to <code>{pendingLink.resolved}</code>.
          </p>
          <button type="button" onClick={() => void form.confirmLink(pendingLink)}>
            Write through the link
          </button>
          <button type="button" onClick={form.cancelLink}>
            Cancel
          </button>
        </div>
      )}
      {pendingCreate && (
        <div role="group" aria-label="Create the file" className="warning">
          <p>
            <code>{pendingCreate.path}</code> does not exist. Create it, readable by you only, with an empty <code>{form.variable || 'VARIABLE'}=</code> line for the key?
          </p>
          <button type="button" onClick={() => void form.createFile(pendingCreate)}>
            Create the file
          </button>
          <button type="button" onClick={form.cancelCreate}>
            Cancel
          </button>
        </div>
      )}
      {placed.general && (
        <p role="alert" className="error">
          {placed.general}
        </p>
      )}
    </section>
  );
}
