import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, isLocalDate, type LocalDate } from '@parkeer/domain/time/local-date';
import { holderTypes } from '@parkeer/shared/holder-type';
import { localeOf } from '@parkeer/shared/language';
import { useFormats } from '../../../app/ui/format.js';
import { useFormFrame } from '../../../app/form/form-context.js';
import { controlId } from '../../../app/form/paths.js';
import { newFee, newPriceLine, type FeeDraft, type PriceLineDraft } from '../settings-draft.js';
import { Field, FieldGroup } from '../../../app/form/field.js';
import { Choice } from './choice.js';

/** A local date 'YYYY-MM-DD' in words, e.g. '1 november 2020' (noon UTC is that day in NL). */
export function useLocalDate(): (date: LocalDate) => string {
  const formats = useFormats();
  return (date) => (isLocalDate(date) ? formats.date(`${date}T12:00:00Z`) : date);
}

/** A local date short, for tables on a phone: '1 dec. 2026' (nl), '1 Dec 2026' (en). */
export function useShortLocalDate(): (date: LocalDate) => string {
  const { language } = useFormats();
  const format = useMemo(
    () =>
      new Intl.DateTimeFormat(localeOf[language], {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
    [language],
  );
  return (date) => (isLocalDate(date) ? format.format(new Date(`${date}T12:00:00Z`)) : date);
}

const pricesAt = 'topUpPolicy.pricing.prices';
const feesAt = 'topUpPolicy.applicationFees';

/**
 * The dated price list: lines already in effect shown as they are (the past keeps its prices),
 * future lines editable and removable, new lines from tomorrow on. Lines keep their place, so
 * the API's `prices[3]` is line 4 here.
 */
export function PriceLines({
  lines,
  zones,
  unitAmountLabel,
  today,
  onChange,
}: {
  lines: readonly PriceLineDraft[];
  zones: readonly { code: string; name: string }[];
  /** The amount a price buys, in words ('200 u'), or null while it is not filled in. */
  unitAmountLabel: string | null;
  today: LocalDate;
  onChange(change: (lines: PriceLineDraft[]) => void): void;
}) {
  const { t } = useTranslation('admin-products');
  const formats = useFormats();
  const localDate = useLocalDate();
  const tomorrow = addDays(today, 1);
  const { id: formId } = useFormFrame();
  const zoneLabel = (codes: readonly string[]) => codes.join(', ');

  return (
    <FieldGroup
      name={pricesAt}
      legend={t('topUp.pricesTitle')}
      hint={t('topUp.pricesHint')}
      className="admin-products__group"
    >
      {lines.length === 0 && <p className="muted">{t('topUp.pricesEmpty')}</p>}
      <ol className="list admin-products__lines">
        {lines.map((line, index) => {
          const at = `${pricesAt}.${index}`;
          const n = index + 1;
          const price =
            line.original?.priceCents == null
              ? t('topUp.notSold')
              : formats.money(line.original.priceCents);
          if (line.original) {
            return (
              <li
                key={index}
                id={controlId(formId, at)}
                tabIndex={-1}
                className="admin-products__line"
              >
                <span className="badge">{t('topUp.inEffect')}</span>{' '}
                <span className="visually-hidden">{t('topUp.priceLine', { n })}: </span>
                {t('tariffs.from')} {localDate(line.validFrom)} · {zoneLabel(line.original.zones)} ·{' '}
                {t(`topUp.holderTypes.${line.original.holderType}`)} · <strong>{price}</strong>
              </li>
            );
          }
          const update = (change: (line: PriceLineDraft) => void) =>
            onChange((all) => change(all[index]!));
          return (
            <li key={index} className="card admin-products__line-card">
              <h4 className="admin-products__line-title">{t('topUp.priceLine', { n })}</h4>
              <div className="admin-products__row">
                <Field
                  name={`${at}.validFrom`}
                  label={t('paths.topUpPolicy.pricing.prices.validFrom')}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="date"
                      min={tomorrow}
                      value={line.validFrom}
                      onChange={(event) =>
                        update((draft) => (draft.validFrom = event.target.value))
                      }
                    />
                  )}
                </Field>
                <Field
                  name={`${at}.holderType`}
                  label={t('paths.topUpPolicy.pricing.prices.holderType')}
                >
                  {(control) => (
                    <select
                      {...control}
                      value={line.holderType}
                      onChange={(event) =>
                        update(
                          (draft) =>
                            (draft.holderType = event.target.value as typeof draft.holderType),
                        )
                      }
                    >
                      {holderTypes.map((type) => (
                        <option key={type} value={type}>
                          {t(`topUp.holderTypes.${type}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  name={`${at}.priceCents`}
                  label={
                    unitAmountLabel
                      ? `${t('paths.topUpPolicy.pricing.prices.priceCents')} / ${unitAmountLabel}`
                      : t('paths.topUpPolicy.pricing.prices.priceCents')
                  }
                  hint={t('topUp.priceHint')}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="text"
                      inputMode="decimal"
                      className="admin-products__short"
                      value={line.price}
                      onChange={(event) => update((draft) => (draft.price = event.target.value))}
                    />
                  )}
                </Field>
              </div>
              <FieldGroup
                name={`${at}.zones`}
                legend={t('paths.topUpPolicy.pricing.prices.zones')}
                className="admin-products__group admin-products__checks"
              >
                {zones.map((zone) => (
                  <Choice
                    key={zone.code}
                    type="checkbox"
                    label={zone.code}
                    checked={line.zones.includes(zone.code)}
                    onChange={(checked) =>
                      update((draft) => {
                        draft.zones = checked
                          ? zones
                              .map((z) => z.code)
                              .filter((code) => code === zone.code || draft.zones.includes(code))
                          : draft.zones.filter((code) => code !== zone.code);
                      })
                    }
                  />
                ))}
              </FieldGroup>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => onChange((all) => void all.splice(index, 1))}
              >
                {t('topUp.removePrice', { n })}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange((all) => void all.push(newPriceLine(tomorrow)))}
      >
        {t('topUp.addPrice')}
      </button>
    </FieldGroup>
  );
}

/** The administration fees by date: the same rule as prices, past ones stay. */
export function FeeLines({
  fees,
  today,
  onChange,
}: {
  fees: readonly FeeDraft[];
  today: LocalDate;
  onChange(change: (fees: FeeDraft[]) => void): void;
}) {
  const { t } = useTranslation('admin-products');
  const formats = useFormats();
  const localDate = useLocalDate();
  const tomorrow = addDays(today, 1);
  const { id: formId } = useFormFrame();
  return (
    <FieldGroup
      legendHidden
      name={feesAt}
      legend={t('topUp.feesTitle')}
      hint={t('topUp.feesHint')}
      className="admin-products__group"
    >
      {fees.length === 0 && <p className="muted">{t('topUp.feesEmpty')}</p>}
      <ol className="list admin-products__lines">
        {fees.map((fee, index) => {
          const at = `${feesAt}.${index}`;
          if (fee.original) {
            return (
              <li
                key={index}
                id={controlId(formId, at)}
                tabIndex={-1}
                className="admin-products__line"
              >
                <span className="badge">{t('topUp.inEffect')}</span>{' '}
                {t('topUp.feeLine', {
                  date: localDate(fee.original.validFrom),
                  fee: formats.money(fee.original.feeCents),
                })}
              </li>
            );
          }
          const update = (change: (fee: FeeDraft) => void) =>
            onChange((all) => change(all[index]!));
          return (
            <li key={index} className="card admin-products__line-card">
              <div className="admin-products__row">
                <Field
                  name={`${at}.validFrom`}
                  label={t('paths.topUpPolicy.applicationFees.validFrom')}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="date"
                      min={tomorrow}
                      value={fee.validFrom}
                      onChange={(event) =>
                        update((draft) => (draft.validFrom = event.target.value))
                      }
                    />
                  )}
                </Field>
                <Field
                  name={`${at}.feeCents`}
                  label={t('paths.topUpPolicy.applicationFees.feeCents')}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="text"
                      inputMode="decimal"
                      className="admin-products__short"
                      value={fee.fee}
                      onChange={(event) => update((draft) => (draft.fee = event.target.value))}
                    />
                  )}
                </Field>
              </div>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => onChange((all) => void all.splice(index, 1))}
              >
                {t('topUp.removeFee', { date: localDate(fee.validFrom) })}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange((all) => void all.push(newFee(tomorrow)))}
      >
        {t('topUp.addFee')}
      </button>
    </FieldGroup>
  );
}
