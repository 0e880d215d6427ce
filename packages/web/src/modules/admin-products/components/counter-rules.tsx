import { useTranslation } from 'react-i18next';
import { Field, FieldGroup } from '../../../app/form/field.js';
import { Loading } from '../../../app/shell/loading.js';
import { useApplicationStrings } from '../../admin-applications/strings.js';
import {
  counterReviewCases,
  newDocumentDraft,
  type CounterDraft,
  type DocumentDraft,
} from '../settings-draft.js';
import { Choice, SelectField } from './choice.js';

const at = 'counter';
const periods = ['day', 'month', 'quarter', 'halfYear', 'year'] as const;
const alignments = ['rolling', 'calendar'] as const;
const proRataRules = ['none', 'wholeMonths', 'days'] as const;

type TextKey = {
  [K in keyof CounterDraft]: CounterDraft[K] extends string ? K : never;
}[keyof CounterDraft];

/**
 * How the permit counter sells the product (docs/rules.md §1, counter settings): price and
 * period, the town's fee, refunds, plates, renewal and reminder, review cases and the documents
 * asked. Its words come with the counter's back-office pages (they are not in the back office's
 * first download).
 */
export function CounterRules({
  draft,
  onChange,
}: {
  draft: CounterDraft;
  onChange(change: (draft: CounterDraft) => void): void;
}) {
  const { t } = useTranslation('admin-applications');
  const ready = useApplicationStrings();
  if (!ready) return <Loading />;
  const set = (field: TextKey) => (value: string) =>
    onChange((counter) => {
      counter[field] = value;
    });
  const text = (field: TextKey, path: string, options: { euros?: boolean; hint?: string } = {}) => (
    <Field name={`${at}.${path}`} label={t(`counter.paths.${path}`)} hint={options.hint}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode={options.euros ? 'decimal' : 'numeric'}
          className="admin-products__short"
          value={draft[field]}
          onChange={(event) => set(field)(event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <>
      <div className="admin-products__row">
        {text('price', 'pricePerTermCents', {
          euros: true,
          hint: t('counter.hints.pricePerTermCents'),
        })}
        <SelectField
          name={`${at}.period`}
          label={t('counter.paths.period')}
          value={draft.period}
          values={periods}
          labelOf={(value) => t(`counter.periods.${value}`)}
          onChange={set('period')}
        />
        <SelectField
          name={`${at}.alignment`}
          label={t('counter.paths.alignment')}
          value={draft.alignment}
          values={alignments}
          labelOf={(value) => t(`counter.alignments.${value}`)}
          onChange={set('alignment')}
        />
      </div>
      <Choice
        type="checkbox"
        label={t('counter.chargesFee')}
        checked={draft.chargesFee}
        onChange={(checked) => onChange((counter) => void (counter.chargesFee = checked))}
      />
      <SelectField
        name={`${at}.proRataRefund`}
        label={t('counter.paths.proRataRefund')}
        value={draft.proRata}
        values={proRataRules}
        labelOf={(value) => t(`counter.proRata.${value}`)}
        onChange={set('proRata')}
      />
      <Choice
        type="checkbox"
        label={t('counter.requiresPlate')}
        checked={draft.requiresPlate}
        onChange={(checked) => onChange((counter) => void (counter.requiresPlate = checked))}
      />
      {draft.requiresPlate && (
        <div className="admin-products__row">
          {text('maxPlates', 'maxPlates')}
          {text('plateChangeFee', 'plateChangeFeeCents', { euros: true })}
        </div>
      )}
      <div className="admin-products__row">
        {text('renewalWindowDays', 'renewalWindowDays')}
        {text('reminderDays', 'reminderDaysBefore', {
          hint: t('counter.hints.reminderDaysBefore'),
        })}
        {text('maxDaysAhead', 'maxDaysAhead')}
      </div>
      <FieldGroup
        name={`${at}.reviewCases`}
        legend={t('counter.paths.reviewCases')}
        hint={t('counter.hints.reviewCases')}
        className="admin-products__group admin-products__checks"
      >
        {counterReviewCases.map((reviewCase) => (
          <Choice
            key={reviewCase}
            type="checkbox"
            label={t(`reviewCases.${reviewCase}`)}
            checked={draft.reviewCases.includes(reviewCase)}
            onChange={(checked) =>
              onChange((counter) => {
                counter.reviewCases = checked
                  ? [...counter.reviewCases, reviewCase]
                  : counter.reviewCases.filter((other) => other !== reviewCase);
              })
            }
          />
        ))}
      </FieldGroup>
      <Documents draft={draft} onChange={onChange} />
    </>
  );
}

/** The documents asked of applicants: a line each, added and removed. */
function Documents({
  draft,
  onChange,
}: {
  draft: CounterDraft;
  onChange(change: (draft: CounterDraft) => void): void;
}) {
  const { t } = useTranslation('admin-applications');
  const edit = (index: number, field: keyof DocumentDraft) => (value: string) =>
    onChange((counter) => {
      counter.documents[index]![field] = value;
    });
  return (
    <fieldset className="admin-products__group" data-testid="counter-documents">
      <legend>{t('counter.paths.documents')}</legend>
      {draft.documents.length === 0 && <p className="muted">{t('counter.noDocuments')}</p>}
      {draft.documents.map((document, index) => {
        const path = `${at}.documents[${index}]`;
        const line = index + 1;
        return (
          <div
            key={index}
            className="admin-products__row"
            role="group"
            aria-label={t('counter.document', { line })}
          >
            <Field name={`${path}.code`} label={t('counter.documentCode', { line })}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  className="admin-products__short"
                  value={document.code}
                  onChange={(event) => edit(index, 'code')(event.target.value)}
                />
              )}
            </Field>
            <Field name={`${path}.name.nl`} label={t('counter.documentNameNl', { line })}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  lang="nl"
                  value={document.nameNl}
                  onChange={(event) => edit(index, 'nameNl')(event.target.value)}
                />
              )}
            </Field>
            <Field name={`${path}.name.en`} label={t('counter.documentNameEn', { line })}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  lang="en"
                  value={document.nameEn}
                  onChange={(event) => edit(index, 'nameEn')(event.target.value)}
                />
              )}
            </Field>
            <SelectField
              name={`${path}.when`}
              label={t('counter.documentWhen', { line })}
              value={document.when}
              values={['', ...counterReviewCases]}
              labelOf={(value) => (value === '' ? t('counter.always') : t(`reviewCases.${value}`))}
              onChange={edit(index, 'when')}
            />
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                onChange((counter) => {
                  counter.documents.splice(index, 1);
                })
              }
            >
              {t('counter.removeDocument', { line })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange((counter) => void counter.documents.push(newDocumentDraft()))}
      >
        {t('counter.addDocument')}
      </button>
    </fieldset>
  );
}
