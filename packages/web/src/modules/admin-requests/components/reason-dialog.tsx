import { useId, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { currentLanguage } from '../../../app/i18n.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { RefusalNotice } from './refusal-notice.js';

/** The words of one kind of decision (the catalogue's keys of its queue). */
export interface ReasonDialogTexts {
  readonly title: string;
  readonly confirm: string;
  readonly notDecided: string;
  readonly reasonLabel: string;
  readonly reasonHint: string;
  readonly reasonRequired: string;
}

/**
 * Approve or refuse a request with the reason its holder reads: one field in a kit form inside
 * the confirmation (no summary for one field: the kit focuses it). `decide` sends the decision
 * and answers its error, if any; the API's problems land on the reason, other refusals above it.
 */
export function ReasonDialog({
  texts,
  refuse,
  busy,
  context,
  decide,
  onCancel,
}: {
  texts: ReasonDialogTexts;
  refuse: boolean;
  busy: boolean;
  context: ReactNode;
  decide(reason: string): Promise<CombinedError | undefined>;
  onCancel(): void;
}) {
  const { i18n } = useTranslation();
  const id = useId();
  const form = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const [error, setError] = useState<CombinedError | null>(null);
  const [placed, setPlaced] = useState(0);

  const confirm = async ({ reason }: { reason: string }) => {
    const failed = await decide(reason.trim());
    setError(failed ?? null);
    setPlaced(
      showServerProblems(failed, currentLanguage(i18n), form.setError, (path) =>
        path === 'reason' ? 'reason' : null,
      ),
    );
  };

  return (
    <ConfirmDialog
      open
      title={texts.title}
      confirmLabel={texts.confirm}
      danger={refuse}
      busy={busy}
      onConfirm={() => void form.handleSubmit(confirm)()}
      onCancel={onCancel}
    >
      <p className="muted">{context}</p>
      <Form form={form} onSubmit={confirm} id={`decide${id}`}>
        <RefusalNotice error={placed === 0 ? error : null} title={texts.notDecided} />
        <Field
          name="reason"
          label={texts.reasonLabel}
          hint={texts.reasonHint}
          required
          counter={2000}
        >
          {(control) => (
            <textarea
              {...control}
              {...form.register('reason', {
                validate: (value) => value.trim() !== '' || texts.reasonRequired,
              })}
              rows={3}
              maxLength={2000}
            />
          )}
        </Field>
      </Form>
    </ConfirmDialog>
  );
}
