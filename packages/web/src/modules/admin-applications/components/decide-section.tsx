import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { currentLanguage } from '../../../app/i18n.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { DecidePermitApplicationMutation } from '../graphql/applications.js';
import type { ReviewedApplication } from './application-page.js';

/** The API's longest reason (counter-review.service.ts). */
const reasonMaxLength = 2000;

type Asked = { readonly approve: boolean; readonly reason: string };

/**
 * The official's decision on an application waiting for review: grant (the permit starts as if
 * just paid) or refuse with a reason the applicant reads in the letter (the payment goes back).
 * Either is asked once more before it is made; it cannot be undone.
 */
export function DecideSection({ reviewed }: { reviewed: ReviewedApplication }) {
  const { t, i18n } = useTranslation('admin-applications');
  const format = useFormats();
  const { application } = reviewed;
  const form = useForm<{ reason: string }>({
    defaultValues: { reason: '' },
    shouldFocusError: false,
  });
  const [asked, setAsked] = useState<Asked | null>(null);
  const [placed, setPlaced] = useState(0);
  const [done, setDone] = useState<'granted' | 'refused' | null>(null);
  const [state, decide] = useMutation(DecidePermitApplicationMutation);

  if (application.status !== 'awaitingReview') {
    return done ? (
      <div role="status">
        <p className="notice notice--success">{t(`decide.done.${done}`)}</p>
      </div>
    ) : null;
  }

  const confirm = async () => {
    if (!asked) return;
    const result = await decide({
      input: {
        applicationId: application.id,
        approve: asked.approve,
        reason: asked.reason === '' ? null : asked.reason,
      },
    });
    setAsked(null);
    setPlaced(showServerProblems(result.error, currentLanguage(i18n), form.setError));
    // The page shows the application as decided from the mutation's answer (urql's cache).
    if (result.data) setDone(asked.approve ? 'granted' : 'refused');
  };
  const refuse = ({ reason }: { reason: string }) => {
    // Only a refusal needs one: the applicant is told why.
    if (reason.trim() === '') {
      form.setError('reason', { message: t('decide.reasonMissing') }, { shouldFocus: true });
      return;
    }
    setAsked({ approve: false, reason: reason.trim() });
  };
  const grant = () => setAsked({ approve: true, reason: form.getValues('reason').trim() });

  return (
    <section
      aria-labelledby="application-decide"
      className="card admin-applications__decide"
      data-testid="decide"
    >
      <h2 id="application-decide">{t('decide.title')}</h2>
      <p className="muted">{t('decide.intro')}</p>
      <Form form={form} onSubmit={refuse} id="decide">
        <ErrorSummary />
        {placed === 0 && <ErrorNotice error={state.error} />}
        <Field
          name="reason"
          label={t('decide.reason')}
          hint={t('decide.reasonHint')}
          counter={reasonMaxLength}
        >
          {(control) => (
            <textarea
              {...control}
              {...form.register('reason')}
              className="admin-applications__textarea"
              rows={4}
              maxLength={reasonMaxLength}
            />
          )}
        </Field>
        <div className="actions">
          <button type="button" className="button" disabled={state.fetching} onClick={grant}>
            {t('decide.grant')}
          </button>
          <SubmitButton className="button button--danger" busy={state.fetching}>
            {t('decide.refuse')}
          </SubmitButton>
        </div>
      </Form>
      <ConfirmDialog
        open={asked !== null}
        title={t(asked?.approve ? 'decide.confirmGrantTitle' : 'decide.confirmRefuseTitle')}
        confirmLabel={t(asked?.approve ? 'decide.confirmGrant' : 'decide.confirmRefuse')}
        danger={!asked?.approve}
        busy={state.fetching}
        onConfirm={() => void confirm()}
        onCancel={() => setAsked(null)}
      >
        <p>
          {asked?.approve
            ? t('decide.confirmGrantText')
            : t('decide.confirmRefuseText', { total: format.money(application.totalCents) })}
        </p>
        {asked?.reason && (
          <p>
            {t('decide.confirmReason')} <q>{asked.reason}</q>
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
