import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { normalisePlate, parsePlate } from '@parkeer/domain/plate/plate';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { foreignCountries, homeCountry } from '../../favorites/countries.js';
import { useIntentKey } from '../../requests/intent-key.js';
import { RequestPlateChangeMutation } from '../graphql/counter.js';
import { useLeaveForBank } from './pay-button.js';
import { PaymentMethodChoice, type PaymentMethod } from './payment-method-choice.js';
import { reasonsOf, RefusalList } from './refusal-list.js';

interface PlateValues {
  plate: string;
  country: string;
}

/**
 * Another plate for the permit (docs/rules.md §1, the permit counter): the fee is shown before
 * anything is sent; with a fee the change is paid at the bank and takes effect when the bank
 * confirms, without one at once. The old plate's right ends the second the new one starts.
 */
export function PlateChangeForm({
  permitId,
  currentPlates,
  feeCents,
  onChanged,
}: {
  permitId: string;
  currentPlates: readonly string[];
  feeCents: number;
  onChanged(plate: string): void;
}) {
  const { t } = useTranslation('counter');
  const format = useFormats();
  const navigate = useNavigate();
  const countries = useMemo(() => foreignCountries(format.language), [format.language]);
  const form = useForm<PlateValues>({
    defaultValues: { plate: '', country: homeCountry },
    shouldFocusError: false,
  });
  const values = form.watch();
  const [method, setMethod] = useState<PaymentMethod>('ideal');
  // Another method is another request: the payment keeps the method it was opened with.
  const intent = useIntentKey({ ...values, method });
  const [state, change] = useMutation(RequestPlateChangeMutation);
  const [placed, setPlaced] = useState(0);
  const [refusal, setRefusal] = useState<readonly { code: string; message: string }[]>([]);
  const refusalBox = useRef<HTMLDivElement>(null);
  const bank = useLeaveForBank();
  const current = new Set(currentPlates.map((plate) => normalisePlate(plate)));

  const submit = async ({ plate, country }: PlateValues) => {
    setRefusal([]);
    const result = await change({
      input: {
        permitId,
        plate: { plate: plate.trim(), country },
        idempotencyKey: intent.key,
        paymentMethod: method,
      },
    });
    setPlaced(showServerProblems(result.error, format.language, form.setError));
    const answer = result.data?.requestPlateChange;
    if (answer?.__typename === 'PermitApplicationRefused') {
      setRefusal(reasonsOf(answer));
      requestAnimationFrame(() => refusalBox.current?.focus());
    } else if (answer?.__typename === 'PermitApplicationSubmitted') {
      intent.renew();
      if (answer.checkoutUrl) bank.leave(answer.checkoutUrl);
      else if (answer.application.status === 'granted') {
        form.reset({ plate: '', country: homeCountry });
        onChanged(answer.application.plates[0] ?? plate.toUpperCase());
      } else void navigate(`/loket/aanvraag/${answer.application.id}`);
    }
  };

  return (
    <Form form={form} onSubmit={submit} id="counter-plate">
      <p className="muted">{t('permit.plate.intro')}</p>
      <p data-testid="plate-change-fee">
        {feeCents > 0
          ? t('permit.plate.fee', { fee: format.money(feeCents) })
          : t('permit.plate.free')}
      </p>
      <ErrorSummary />
      <Field name="plate" label={t('permit.plate.newPlate')} hint={t('form.plateHint')} required>
        {(control) => (
          <input
            {...control}
            {...form.register('plate', {
              validate: (value, all) => {
                if (value.trim() === '') return t('form.plateRequired');
                const parsed = parsePlate(value, all.country);
                if (!parsed.ok) {
                  return errorMessage(parsed.reason, format.language, parsed.params ?? {});
                }
                return !current.has(normalisePlate(value)) || t('permit.plate.same');
              },
            })}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
        )}
      </Field>
      <Field name="country" label={t('permit.plate.country')}>
        {(control) => (
          <select {...control} {...form.register('country', { deps: ['plate'] })}>
            <option value={homeCountry}>{t('form.netherlands')}</option>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <RefusalList ref={refusalBox} title={t('refusal.title')} reasons={refusal} />
      <ErrorNotice error={placed === 0 ? state.error : null} />
      {feeCents > 0 && <PaymentMethodChoice value={method} onChange={setMethod} />}
      {feeCents > 0 && (
        <p className="muted" id="counter-plate-pay-hint">
          {t(method === 'card' ? 'review.payHintCard' : 'review.payHint')}
        </p>
      )}
      <div className="actions">
        <SubmitButton
          busy={state.fetching || bank.leaving}
          describedBy={feeCents > 0 ? 'counter-plate-pay-hint' : undefined}
        >
          {bank.leaving
            ? t('review.leaving')
            : feeCents > 0
              ? t('permit.plate.pay', { fee: format.money(feeCents) })
              : t('permit.plate.submit')}
        </SubmitButton>
      </div>
    </Form>
  );
}
