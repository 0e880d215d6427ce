import { useTranslation } from 'react-i18next';
import { Field, FieldGroup } from '../../../app/form/field.js';
import type { ZoneValidity } from '@parkeer/domain/settings/permit-scope-validation';
import type { ScopeDraft } from '../settings-draft.js';
import { Choice } from './choice.js';

const validities: readonly ZoneValidity[] = ['ownZone', 'allZones', 'listedZones'];
const foreignPolicies = ['review', 'accept'] as const;

/**
 * The vehicles a permit is for and where it is valid: the town's line for a large vehicle and
 * plates from abroad (docs/rules.md §2 Vehicles), a flexible permit's number of plates (§5), and
 * for a permit found by its plate the zones it counts in (§1 care permit).
 */
export function ScopeRules({
  draft,
  zones,
  zonesSettable,
  onChange,
}: {
  draft: ScopeDraft;
  zones: readonly { code: string; name: string }[];
  zonesSettable: boolean;
  onChange(change: (draft: ScopeDraft) => void): void;
}) {
  const { t } = useTranslation('admin-products');
  const number = (
    field: 'maxMassKg' | 'maxLengthCm' | 'maxListedPlates',
    path: string,
    hint: string,
  ) => (
    <Field name={path} label={t(`paths.${path}`)} hint={hint}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="numeric"
          className="admin-products__short"
          value={draft[field] ?? ''}
          onChange={(event) => onChange((scope) => void (scope[field] = event.target.value))}
        />
      )}
    </Field>
  );

  return (
    <>
      <h3>{t('scope.sizeTitle')}</h3>
      <Choice
        type="checkbox"
        label={t('scope.ownSizeLimits')}
        checked={draft.ownSizeLimits}
        onChange={(checked) => onChange((scope) => void (scope.ownSizeLimits = checked))}
      />
      {draft.ownSizeLimits ? (
        <div className="admin-products__row">
          {number('maxMassKg', 'vehicleSizeLimits.maxMassKg', t('scope.massHint'))}
          {number('maxLengthCm', 'vehicleSizeLimits.maxLengthCm', t('scope.lengthHint'))}
        </div>
      ) : (
        <p className="muted">{t('scope.commonLine')}</p>
      )}

      <FieldGroup
        name="foreignPlates"
        legend={t('paths.foreignPlates')}
        hint={t('scope.foreignHint')}
        className="admin-products__group"
      >
        {foreignPolicies.map((policy) => (
          <Choice
            key={policy}
            type="radio"
            name="foreignPlates"
            label={t(`scope.foreign.${policy}`)}
            checked={draft.foreignPlates === policy}
            onChange={() => onChange((scope) => void (scope.foreignPlates = policy))}
          />
        ))}
      </FieldGroup>

      {draft.maxListedPlates !== null &&
        number('maxListedPlates', 'maxListedPlates', t('scope.listedPlatesHint'))}

      {zonesSettable && (
        <>
          <FieldGroup
            name="validIn"
            legend={t('paths.validIn')}
            hint={t('scope.validInHint')}
            className="admin-products__group"
          >
            {validities.map((validity) => (
              <Choice
                key={validity}
                type="radio"
                name="validIn"
                label={t(`scope.validIn.${validity}`)}
                checked={draft.validIn === validity}
                onChange={() => onChange((scope) => void (scope.validIn = validity))}
              />
            ))}
          </FieldGroup>
          {draft.validIn === 'listedZones' && (
            <FieldGroup
              name="validZoneCodes"
              legend={t('paths.validZoneCodes')}
              hint={t('scope.zonesHint')}
              className="admin-products__group admin-products__checks"
            >
              {zones.map((zone) => (
                <Choice
                  key={zone.code}
                  type="checkbox"
                  label={t('scope.zone', { code: zone.code, name: zone.name })}
                  checked={draft.validZoneCodes.includes(zone.code)}
                  onChange={(checked) =>
                    onChange((scope) => {
                      scope.validZoneCodes = checked
                        ? [...scope.validZoneCodes, zone.code]
                        : scope.validZoneCodes.filter((code) => code !== zone.code);
                    })
                  }
                />
              ))}
            </FieldGroup>
          )}
        </>
      )}
    </>
  );
}
