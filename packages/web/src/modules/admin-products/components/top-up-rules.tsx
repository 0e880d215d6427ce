import { useTranslation } from 'react-i18next';
import type { LocalDate } from '@parkeer/domain/time/local-date';
import { useFormats } from '../../../app/ui/format.js';
import { parseAmount, type AmountUnit } from '../amounts.js';
import { refundOccasions, type TopUpDraft } from '../settings-draft.js';
import { FeeLines, PriceLines } from './dated-lines.js';
import { Field, FieldGroup } from '../../../app/form/field.js';
import { Choice, SelectField } from './choice.js';

const at = 'topUpPolicy';
const periods = ['calendarYear', 'permitYear'] as const;

/**
 * The rules for adding to a balance (docs/rules.md §4): the amounts one purchase may add, their prices,
 * the threshold, the cap per period, fees, informal-care hours and what happens to what is left.
 */
export function TopUpRules({
  draft,
  unit,
  zones,
  today,
  onChange,
}: {
  draft: TopUpDraft;
  unit: AmountUnit;
  zones: readonly { code: string; name: string }[];
  today: LocalDate;
  onChange(change: (draft: TopUpDraft) => void): void;
}) {
  const { t } = useTranslation('admin-products');
  const formats = useFormats();
  const inUnit = (label: string, as: AmountUnit = unit) => `${label} (${t(`unitWord.${as}`)})`;
  const set =
    <K extends keyof TopUpDraft>(field: K) =>
    (value: TopUpDraft[K]) =>
      onChange((topUp) => {
        topUp[field] = value;
      });
  const unitAmount = parseAmount(draft.unitAmount, unit);
  const unitAmountLabel = unitAmount ? formats.balance(unitAmount, unit) : null;

  return (
    <>
      <dl className="facts admin-products__facts">
        <dt>{t('topUp.unit')}</dt>
        <dd data-testid="top-up-unit">{t(`units.${unit}`)}</dd>
      </dl>

      <h3>{t('topUp.amountsTitle')}</h3>
      <FieldGroup
        name={`${at}.amounts.kind`}
        legend={t('paths.topUpPolicy.amounts.kind')}
        className="admin-products__group"
      >
        {(['blocks', 'presets'] as const).map((kind) => (
          <Choice
            key={kind}
            type="radio"
            name="amounts-kind"
            label={t(`topUp.${kind}`)}
            checked={draft.amountsKind === kind}
            onChange={() => set('amountsKind')(kind)}
          />
        ))}
      </FieldGroup>
      {draft.amountsKind === 'blocks' ? (
        <div className="admin-products__row">
          <Field
            name={`${at}.amounts.blockSize`}
            label={inUnit(t('paths.topUpPolicy.amounts.blockSize'))}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="decimal"
                className="admin-products__short"
                value={draft.blockSize}
                onChange={(event) => set('blockSize')(event.target.value)}
              />
            )}
          </Field>
          <Field
            name={`${at}.amounts.maxBlocksPerPurchase`}
            label={t('paths.topUpPolicy.amounts.maxBlocksPerPurchase')}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="numeric"
                className="admin-products__short"
                value={draft.maxBlocks}
                onChange={(event) => set('maxBlocks')(event.target.value)}
              />
            )}
          </Field>
        </div>
      ) : (
        <FieldGroup
          name={`${at}.amounts.presets`}
          legend={t('topUp.presets')}
          className="admin-products__group"
        >
          <ol className="list admin-products__lines">
            {draft.presets.map((preset, index) => (
              <li key={index} className="admin-products__row">
                <Field
                  name={`${at}.amounts.presets.${index}`}
                  label={inUnit(`${t('paths.topUpPolicy.amounts.presets')} ${index + 1}`)}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="text"
                      inputMode="decimal"
                      className="admin-products__short"
                      value={preset}
                      onChange={(event) =>
                        onChange((topUp) => void (topUp.presets[index] = event.target.value))
                      }
                    />
                  )}
                </Field>
                <button
                  type="button"
                  className="button button--secondary admin-products__row-button"
                  onClick={() => onChange((topUp) => void topUp.presets.splice(index, 1))}
                >
                  {t('topUp.removePreset', { n: index + 1 })}
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange((topUp) => void topUp.presets.push(''))}
          >
            {t('topUp.addPreset')}
          </button>
        </FieldGroup>
      )}

      <h3>{t('topUp.pricingTitle')}</h3>
      {unit === 'cents' && (
        <FieldGroup
          name={`${at}.pricing.kind`}
          legend={t('paths.topUpPolicy.pricing.kind')}
          className="admin-products__group"
        >
          {(['faceValue', 'perUnit'] as const).map((kind) => (
            <Choice
              key={kind}
              type="radio"
              name="pricing-kind"
              label={t(`topUp.${kind}`)}
              checked={draft.pricingKind === kind}
              onChange={() => set('pricingKind')(kind)}
            />
          ))}
        </FieldGroup>
      )}
      {draft.pricingKind === 'perUnit' && (
        <>
          <Field
            name={`${at}.pricing.unitAmount`}
            label={inUnit(t('paths.topUpPolicy.pricing.unitAmount'))}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="decimal"
                className="admin-products__short"
                value={draft.unitAmount}
                onChange={(event) => set('unitAmount')(event.target.value)}
              />
            )}
          </Field>
          <PriceLines
            lines={draft.prices}
            zones={zones}
            unitAmountLabel={unitAmountLabel}
            today={today}
            onChange={(change) => onChange((topUp) => change(topUp.prices))}
          />
        </>
      )}

      <h3>{t('topUp.thresholdTitle')}</h3>
      <Field
        name={`${at}.maxBalanceForTopUp`}
        label={inUnit(t('paths.topUpPolicy.maxBalanceForTopUp'))}
        hint={t('topUp.thresholdHint')}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="decimal"
            className="admin-products__short"
            value={draft.maxBalance}
            onChange={(event) => set('maxBalance')(event.target.value)}
          />
        )}
      </Field>

      <h3>{t('topUp.capTitle')}</h3>
      <FieldGroup
        legendHidden
        name={`${at}.cap`}
        legend={t('paths.topUpPolicy.cap.all')}
        className="admin-products__group"
      >
        {(['none', 'limited'] as const).map((kind) => (
          <Choice
            key={kind}
            type="radio"
            name="cap-kind"
            label={t(kind === 'none' ? 'topUp.capNone' : 'topUp.capLimited')}
            checked={draft.capKind === kind}
            onChange={() => set('capKind')(kind)}
          />
        ))}
      </FieldGroup>
      {draft.capKind === 'limited' && (
        <div className="admin-products__row">
          <SelectField
            name={`${at}.cap.period`}
            label={t('paths.topUpPolicy.cap.period')}
            value={draft.capPeriod}
            values={periods}
            labelOf={(period) => t(`topUp.periods.${period}`)}
            onChange={set('capPeriod')}
          />
          <SelectField
            name={`${at}.cap.measure`}
            label={t('paths.topUpPolicy.cap.measure')}
            value={draft.capMeasure}
            values={['amount', 'price'] as const}
            labelOf={(measure) => t(`topUp.measures.${measure}`)}
            onChange={set('capMeasure')}
          />
          <Field
            name={`${at}.cap.limit`}
            label={inUnit(
              t('paths.topUpPolicy.cap.limit'),
              draft.capMeasure === 'price' ? 'cents' : unit,
            )}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="decimal"
                className="admin-products__short"
                value={draft.capLimit}
                onChange={(event) => set('capLimit')(event.target.value)}
              />
            )}
          </Field>
        </div>
      )}

      <h3>{t('topUp.feesTitle')}</h3>
      <FeeLines
        fees={draft.fees}
        today={today}
        onChange={(change) => onChange((topUp) => change(topUp.fees))}
      />

      <h3>{t('topUp.careTitle')}</h3>
      <FieldGroup
        legendHidden
        name={`${at}.careGrant`}
        legend={t('paths.topUpPolicy.careGrant.all')}
        className="admin-products__group"
      >
        {(['none', 'limited'] as const).map((kind) => (
          <Choice
            key={kind}
            type="radio"
            name="care-kind"
            label={t(kind === 'none' ? 'topUp.careNone' : 'topUp.careLimited')}
            checked={draft.careKind === kind}
            onChange={() => set('careKind')(kind)}
          />
        ))}
      </FieldGroup>
      {draft.careKind === 'limited' && (
        <div className="admin-products__row">
          <SelectField
            name={`${at}.careGrant.period`}
            label={t('paths.topUpPolicy.careGrant.period')}
            value={draft.carePeriod}
            values={periods}
            labelOf={(period) => t(`topUp.periods.${period}`)}
            onChange={set('carePeriod')}
          />
          <Field
            name={`${at}.careGrant.limitMinutes`}
            label={t('paths.topUpPolicy.careGrant.limitMinutes')}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode="decimal"
                className="admin-products__short"
                value={draft.careHours}
                onChange={(event) => set('careHours')(event.target.value)}
              />
            )}
          </Field>
        </div>
      )}

      <h3>{t('topUp.unusedTitle')}</h3>
      <FieldGroup
        legendHidden
        name={`${at}.unusedBalance`}
        legend={t('paths.topUpPolicy.unusedBalance.all')}
        className="admin-products__group"
      >
        <Choice
          type="radio"
          name="unused-kind"
          label={t('topUp.unusedLapse')}
          checked={draft.unusedKind === 'lapse'}
          onChange={() => set('unusedKind')('lapse')}
        />
        <Choice
          type="radio"
          name="unused-kind"
          label={t('topUp.unusedRefund')}
          checked={draft.unusedKind === 'refundOnRequest'}
          onChange={() => set('unusedKind')('refundOnRequest')}
        />
        <div className="admin-products__nested">
          {refundOccasions.map((occasion) => (
            <Choice
              key={occasion}
              type="checkbox"
              label={t(`topUp.occasions.${occasion}`)}
              disabled={draft.unusedKind !== 'refundOnRequest'}
              checked={draft.occasions.includes(occasion)}
              onChange={(checked) =>
                onChange((topUp) => {
                  topUp.occasions = checked
                    ? [...topUp.occasions, occasion]
                    : topUp.occasions.filter((other) => other !== occasion);
                })
              }
            />
          ))}
        </div>
      </FieldGroup>
    </>
  );
}
