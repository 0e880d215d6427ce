import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { currentLanguage } from '../../../app/i18n.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { plateLabel } from '../countries.js';
import { fieldErrorOf } from '../form-errors.js';
import { DeleteFavoriteMutation, RenameFavoriteMutation } from '../graphql/favorites.js';
import { NameLength, nameMaxLength } from './name-length.js';

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
  const [name, setName] = useState(favorite.name);
  const [state, rename] = useMutation(RenameFavoriteMutation);
  const failure = fieldErrorOf(state.error, currentLanguage(i18n));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await rename({ input: { id: favorite.id, name } });
    const renamed = result.data?.renameFavorite;
    if (renamed) onDone(renamed.name);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('rename.label', { plate })}</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={nameMaxLength}
          // Opened by the resident's own press on "rename": the field is where they go next.
          autoFocus
          aria-invalid={failure?.field === 'name' || undefined}
          aria-describedby={`${id}-hint ${id}-name-length${failure?.field === 'name' ? ` ${id}-error` : ''}`}
          onChange={(event) => setName(event.target.value)}
        />
        <span id={`${id}-hint`} className="field__hint">
          {t('add.nameHint', { max: nameMaxLength })}
        </span>
        <NameLength id={`${id}-name`} name={name} />
        {failure?.field === 'name' && (
          <span id={`${id}-error`} className="field__error" role="alert">
            {failure.message}
          </span>
        )}
      </div>
      {failure && failure.field !== 'name' && (
        <p className="notice notice--error" role="alert">
          {failure.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button" disabled={state.fetching}>
          {common('save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {common('cancel')}
        </button>
      </div>
    </form>
  );
}
