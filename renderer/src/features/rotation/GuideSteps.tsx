import { ExternalLink } from 'lucide-react';
import type { GuidedStep } from '../../../../electron/contract/views.js';
import { hostApi, isDesktop } from '../../api/client.js';

/** A provider dashboard link and what to click there, from the provider's own documentation. */
export function GuideSteps({ guide }: { guide: GuidedStep }) {
  return (
    <div className="guide">
      {isDesktop ? (
        <button type="button" className="link" onClick={() => void hostApi().dashboardOpen({ url: guide.url })}>
          Open {guide.url} <ExternalLink size={14} aria-hidden />
        </button>
      ) : (
        <a href={guide.url} target="_blank" rel="noopener noreferrer">
          Open {guide.url} <ExternalLink size={14} aria-hidden />
        </a>
      )}
      <ol>
        {guide.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
    </div>
  );
}
