import { useTranslation } from 'react-i18next';
import { Field, FieldGroup } from '../../../app/form/field.js';
import { applicantKinds, type ApplicantDraft } from '../settings-draft.js';
import { Choice } from './choice.js';

type Maximum = 'maxPerAddress' | 'maxPerBusiness' | 'maxPerEstablishment';

/**
 * Who may apply for the product and how many active permits one address, business or
 * establishment may hold (docs/rules.md §2 who may apply). The counter's eligibility reads them
 * from the moment they are saved; permits already granted stay.
 */
export function ApplicantRules({
  draft,
  onChange,
}: {
  draft: ApplicantDraft;
  onChange(change: (draft: ApplicantDraft) => void): void;
}) {
  const { t } = useTranslation('admin-products');
  const maximum = (field: Maximum) => (
    <Field
      name={`applicants.${field}`}
      label={t(`paths.applicants.${field}`)}
      hint={t('applicants.maximumHint')}
    >
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="numeric"
          className="admin-products__short"
          value={draft[field]}
          onChange={(event) => onChange((rules) => void (rules[field] = event.target.value))}
        />
      )}
    </Field>
  );

  return (
    <>
      <FieldGroup
        name="applicants.holderTypes"
        legend={t('paths.applicants.holderTypes')}
        hint={t('applicants.holderTypesHint')}
        className="admin-products__group admin-products__checks"
      >
        {applicantKinds.map((kind) => (
          <Choice
            key={kind}
            type="checkbox"
            label={t(`applicants.holderType.${kind}`)}
            checked={draft.holderTypes.includes(kind)}
            onChange={(checked) =>
              onChange((rules) => {
                rules.holderTypes = checked
                  ? [...rules.holderTypes, kind]
                  : rules.holderTypes.filter((held) => held !== kind);
              })
            }
          />
        ))}
      </FieldGroup>
      <div className="admin-products__row">
        {maximum('maxPerAddress')}
        {maximum('maxPerBusiness')}
        {maximum('maxPerEstablishment')}
      </div>
    </>
  );
}
