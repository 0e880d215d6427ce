import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { parseAmount } from '../amount.js';
import { InviteDelegationMutation } from '../graphql/delegations.js';

interface InviteValues {
  email: string;
  plate: string;
  /** As typed, in hours or euros (see parseAmount). */
  amount: string;
}

const empty: InviteValues = { email: '', plate: '', amount: '' };

/**
 * Invites someone by e-mail: optionally for one plate, with an amount moved from the product's
 * balance into the delegation (typed in hours or euros, see parseAmount).
 */
export function InviteForm({
  productId,
  available,
  onInvited,
}: {
  productId: string;
  available: { amount: number; unit: 'minutes' | 'cents' };
  onInvited(message: string): void;
}) {
  const { t } = useTranslation('delegations');
  const format = useFormats();
  const id = useId();
  const form = useForm<InviteValues>({ defaultValues: empty, shouldFocusError: false });
  const [inviting, invite] = useMutation(InviteDelegationMutation);
  const unit = available.unit;
  const amount = parseAmount(form.watch('amount'), unit);

  const submit = async (values: InviteValues) => {
    const result = await invite({
      input: {
        permitId: productId,
        email: values.email.trim(),
        plate: values.plate.trim() || null,
        // Checked by the field's rule before the form is sent.
        amount: parseAmount(values.amount, unit) ?? 0,
        idempotencyKey: crypto.randomUUID(),
      },
    });
    if (result.error) return;
    form.reset(empty);
    onInvited(t('invite.sent', { email: result.data?.inviteDelegation.email ?? values.email }));
  };

  return (
    <Form form={form} onSubmit={submit} id={`invite${id}`} className="card">
      <h2 className="card__title">{t('invite.title')}</h2>
      <ErrorSummary />
      <Field name="email" type="email" label={t('invite.email')} hint={t('invite.emailHint')} />
      <Field name="plate" label={t('invite.plate')} hint={t('invite.plateHint')}>
        {(control) => (
          <input
            {...control}
            {...form.register('plate')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
        )}
      </Field>
      <Field
        name="amount"
        label={unit === 'cents' ? t('invite.amountEuros') : t('invite.amountHours')}
        hint={
          amount !== null
            ? t('invite.amountIs', {
                amount: format.balance(amount, unit),
                available: format.balance(available.amount, unit),
              })
            : t('invite.available', { amount: format.balance(available.amount, unit) })
        }
      >
        {(control) => (
          <input
            {...control}
            {...form.register('amount', {
              validate: (value) =>
                parseAmount(value, unit) !== null ||
                (unit === 'cents'
                  ? t('invite.amountInvalidEuros')
                  : t('invite.amountInvalidHours')),
            })}
            inputMode="decimal"
            autoComplete="off"
          />
        )}
      </Field>
      <ErrorNotice error={inviting.error} />
      <SubmitButton busy={inviting.fetching}>{t('invite.submit')}</SubmitButton>
    </Form>
  );
}
