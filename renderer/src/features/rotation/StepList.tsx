import { CheckCircle2, Circle, Loader2, XCircle } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Rotation, RotationStepName } from '../../../../electron/contract/views.js';
import { STEPS } from './steps.js';
import { stepText } from './step-text.js';

const ICONS = { waiting: Circle, running: Loader2, done: CheckCircle2, failed: XCircle } as const;

/** create → swap → verify → revoke, each with its live state and what it did, and what the wizard adds under a step. */
export function StepList({ rotation, under = {} }: { rotation: Rotation; under?: Partial<Record<RotationStepName, ReactNode>> }) {
  return (
    <ol className="stepper" aria-label="Rotation steps">
      {STEPS.map((s) => {
        const step = rotation.steps[s.id];
        const text = stepText(rotation, s.id);
        const Icon = ICONS[step.status];
        return (
          <li key={s.id} className={`step step-${step.status}`} data-testid={`step-${s.id}`} data-status={step.status}>
            <Icon size={18} aria-hidden className={step.status === 'running' ? 'spin' : ''} />
            <div>
              <strong>{s.title}</strong> <span className="muted">{step.status}</span>
              {text && <p>{text}</p>}
              {under[s.id]}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
