import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '@parkeer/shared/language';
import { currentLanguage } from '../../../app/i18n.js';
import type { SessionDraft } from '../settings-draft.js';
import { Field, FieldGroup } from '../../../app/form/field.js';
import { Choice, SelectField } from './choice.js';

const at = 'sessionPolicy';
const defaultEnds = ['endOfDay', 'maxDuration', 'endOfPaidHours'] as const;
const latestEnds = ['none', 'endOfDay', 'endOfPaidHours'] as const;
const balancePolicies = ['refuseWithProposal', 'runToZero'] as const;
const isoWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** ISO weekday names in the interface language (1 January 2024 was a Monday). */
function useWeekdayNames(): string[] {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(localeOf[language], {
      weekday: 'long',
      timeZone: 'UTC',
    });
    return isoWeekdays.map((day) => format.format(new Date(Date.UTC(2024, 0, day))));
  }, [language]);
}

/** The rules of a product's parking sessions (docs/rules.md §5). */
export function SessionRules({
  draft,
  onChange,
}: {
  draft: SessionDraft;
  onChange(change: (draft: SessionDraft) => void): void;
}) {
  const { t } = useTranslation('admin-products');
  const weekdays = useWeekdayNames();
  const set = (field: keyof SessionDraft) => (value: string) =>
    onChange((session) => {
      (session[field] as string) = value;
    });

  return (
    <>
      <FieldGroup
        name={`${at}.maxDurationMinutes`}
        legend={t('paths.sessionPolicy.maxDurationMinutes')}
        hint={t('sessions.maxDurationHint')}
        className="admin-products__group admin-products__inline-group"
      >
        <label className="admin-products__unit-input">
          <input
            type="text"
            inputMode="numeric"
            size={4}
            value={draft.maxHours}
            onChange={(event) => set('maxHours')(event.target.value)}
          />
          <span>{t('sessions.hours')}</span>
        </label>
        <label className="admin-products__unit-input">
          <input
            type="text"
            inputMode="numeric"
            size={4}
            value={draft.maxMinutes}
            onChange={(event) => set('maxMinutes')(event.target.value)}
          />
          <span>{t('sessions.minutes')}</span>
        </label>
      </FieldGroup>
      <SelectField
        name={`${at}.defaultEnd`}
        label={t('paths.sessionPolicy.defaultEnd')}
        value={draft.defaultEnd}
        values={defaultEnds}
        labelOf={(value) => t(`sessions.defaultEnds.${value}`)}
        onChange={set('defaultEnd')}
      />
      <SelectField
        name={`${at}.latestEnd`}
        label={t('paths.sessionPolicy.latestEnd')}
        value={draft.latestEnd}
        values={latestEnds}
        labelOf={(value) => t(`sessions.latestEnds.${value}`)}
        onChange={set('latestEnd')}
      />
      <Field
        name={`${at}.maxConcurrentSessions`}
        label={t('paths.sessionPolicy.maxConcurrentSessions')}
        hint={t('sessions.maxConcurrentHint')}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            className="admin-products__short"
            value={draft.maxConcurrent}
            onChange={(event) => set('maxConcurrent')(event.target.value)}
          />
        )}
      </Field>
      <Field
        name={`${at}.insufficientBalance`}
        label={t('paths.sessionPolicy.insufficientBalance')}
      >
        {(control) => (
          <select
            {...control}
            value={draft.insufficientBalance}
            onChange={(event) => set('insufficientBalance')(event.target.value)}
          >
            {balancePolicies.map((value) => (
              <option key={value} value={value}>
                {t(`sessions.insufficientBalances.${value}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <FieldGroup
        name={`${at}.invalidWeekdays`}
        legend={t('paths.sessionPolicy.invalidWeekdays')}
        hint={t('sessions.invalidWeekdaysHint')}
        className="admin-products__group admin-products__checks"
      >
        {isoWeekdays.map((day, index) => (
          <Choice
            key={day}
            type="checkbox"
            label={weekdays[index]}
            checked={draft.invalidWeekdays.includes(day)}
            onChange={(checked) =>
              onChange((session) => {
                session.invalidWeekdays = checked
                  ? [...session.invalidWeekdays, day]
                  : session.invalidWeekdays.filter((other) => other !== day);
              })
            }
          />
        ))}
      </FieldGroup>
      <Field
        name={`${at}.pastStartToleranceMinutes`}
        label={t('paths.sessionPolicy.pastStartToleranceMinutes')}
        hint={t('sessions.toleranceHint')}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            className="admin-products__short"
            value={draft.pastTolerance}
            onChange={(event) => set('pastTolerance')(event.target.value)}
          />
        )}
      </Field>
    </>
  );
}
