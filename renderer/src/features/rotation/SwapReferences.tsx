import { referenceFor } from '../../../../electron/contract/refs.js';
import type { ReferenceSite } from '../../../../electron/contract/views.js';
import { ReferenceSiteList } from '../references/ReferenceSiteList.js';
import { byIdRotationText, byNameInsteadText, followingText, sitesByKind } from '../references/site-text.js';

/**
 * Under *Swap it in*: the places that name the key by reference. Nothing is written there — a
 * reference by name follows the rotation — but the processes reading them must restart; one by id
 * keeps naming the old key, which stops working once it is revoked.
 */
export function SwapReferences({ sites, keyRef }: { sites: readonly ReferenceSite[]; keyRef: string }) {
  if (sites.length === 0) return null;
  const { byName, byId } = sitesByKind(sites);
  return (
    <div className="swap-references" data-testid="swap-references">
      {byName.length > 0 && (
        <>
          <p>{followingText(byName.length)}</p>
          <ReferenceSiteList sites={byName} label="References that follow the rotation" showKind={false} />
        </>
      )}
      {byId.length > 0 && (
        <div className="warning">
          <p>
            {byIdRotationText(byId.length)} {byNameInsteadText(byId.length)} <code>{referenceFor(keyRef)}</code>.
          </p>
          <ReferenceSiteList sites={byId} label="References to the old key by id" showKind={false} />
        </div>
      )}
    </div>
  );
}
