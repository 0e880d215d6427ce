import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { currentLanguage } from '../../../app/i18n.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { plateLabel } from '../countries.js';
import { fieldErrorOf } from '../form-errors.js';
import { DeleteFavoriteMutation, RenameFavoriteMutation } from '../graphql/favorites.js';
import { nameMaxLength } from '../name-length.js';

interface Favorite {
  readonly id: string;
  readonly name: string;
  readonly formattedPlate: string;
  readonly country: string;
}

/** One favorite: its name and plate, renamed in place, deleted after a question. */
export function FavoriteRow({
  favorite,
  onRenamed,
  onDeleted,
}: {
  favorite: Favorite;
  onRenamed(name: string): void;
  onDeleted(): void;
}) {
  const { t, i18n } = useTranslation('favorites');
  const language = currentLanguage(i18n);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteState, deleteFavorite] = useMutation(DeleteFavoriteMutation);
  const plate = plateLabel(favorite, language);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);
  // The form closes under the keyboard: back to the button that opened it, not to the page's top.
  useEffect(() => {
    if (wasRenaming.current && !renaming) renameButton.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  const confirmDelete = async () => {
    const result = await deleteFavorite({ id: favorite.id });
    if (result.error) return;
    setDeleting(false);
    onDeleted();
  };

  return (
    <li className="card" data-testid="favorite" data-plate={favorite.formattedPlate}>
      <h3 className="card__title">{favorite.name}</h3>
      <p>{plate}</p>
      {renaming ? (
        <RenameForm
          favorite={favorite}
          plate={plate}
          onDone={(name) => {
            setRenaming(false);
            onRenamed(name);
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <div className="actions">
          <button
            ref={renameButton}
            type="button"
            className="button button--secondary"
            onClick={() => setRenaming(true)}
          >
            {t('actions.rename')}
            <span className="visually-hidden">: {favorite.name}</span>
          </button>
          <button type="button" className="button button--danger" onClick={() => setDeleting(true)}>
            {t('actions.delete')}
            <span className="visually-hidden">: {favorite.name}</span>
          </button>
        </div>
      )}
      <ConfirmDialog
        open={deleting}
        title={t('delete.title', { name: favorite.name })}
        confirmLabel={t('actions.delete')}
        danger
        busy={deleteState.fetching}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(false)}
      >
        <p>
          <strong>{plate}</strong>
        </p>
        <p>{t('delete.body')}</p>
        <ErrorNotice error={deleteState.error} />
      </ConfirmDialog>
    </li>
  );
}

function RenameForm({
  favorite,
  plate,
  onDone,
  onCancel,
}: {
  favorite: Favorite;
  plate: string;
  onDone(name: string): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation('favorites');
  const { t: common } = useTranslation('common');
  const id = useId();
  const form = useForm<{ name: string }>({
    defaultValues: { name: favorite.name },
    shouldFocusError: false,
  });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [state, rename] = useMutation(RenameFavoriteMutation);

  const submit = async (values: { name: string }) => {
    setRefusal(null);
    const result = await rename({ input: { id: favorite.id, name: values.name } });
    const failure = fieldErrorOf(result.error, currentLanguage(i18n));
    if (failure?.field === 'name')
      form.setError('name', { type: 'server', message: failure.message });
    else if (failure) setRefusal(failure.message);
    const renamed = result.data?.renameFavorite;
    if (renamed) onDone(renamed.name);
  };

  return (
    <Form form={form} onSubmit={submit} id={`rename${id}`}>
      <ErrorSummary />
      <Field
        name="name"
        label={t('rename.label', { plate })}
        hint={t('add.nameHint', { max: nameMaxLength })}
        counter={nameMaxLength}
      >
        {(control) => (
          <input
            {...control}
            {...form.register('name')}
            maxLength={nameMaxLength}
            autoComplete="off"
            // Opened by the resident's own press on "rename": the field is where they go next.
            autoFocus
          />
        )}
      </Field>
      {refusal && (
        <p className="notice notice--error" role="alert">
          {refusal}
        </p>
      )}
      <div className="actions">
        <SubmitButton busy={state.fetching}>{common('save')}</SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {common('cancel')}
        </button>
      </div>
    </Form>
  );
}
