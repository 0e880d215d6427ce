import { useTranslation } from 'react-i18next';

export const counterSteps = ['address', 'offers', 'details', 'review'] as const;
export type CounterStep = (typeof counterSteps)[number];

/**
 * Where the applicant is among the counter's four steps: a list that marks the current one for
 * screen readers too, and a heading that names it ("Step 2 of 4: Permit").
 */
export function StepIndicator({ current }: { current: CounterStep }) {
  const { t } = useTranslation('counter');
  const index = counterSteps.indexOf(current);
  return (
    <nav aria-label={t('steps.label')} className="counter__steps">
      <ol>
        {counterSteps.map((step, at) => (
          <li
            key={step}
            aria-current={at === index ? 'step' : undefined}
            className={at < index ? 'counter__step--done' : undefined}
          >
            <span className="counter__step-number" aria-hidden="true">
              {at + 1}
            </span>
            <span className="counter__step-name">{t(`steps.${step}`)}</span>
            {at < index && <span className="visually-hidden"> ({t('steps.done')})</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
