import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { AddFlexPlateMutation } from '../graphql/flex.js';

/** A plate for the list: the plate, who drives it, employee or visitor (docs/rules.md §5). */
export function AddFlexPlateForm({
  permitId,
  onAdded,
}: {
  permitId: string;
  onAdded(name: string): void;
}) {
  const { t } = useTranslation('flex');
  const id = useId();
  const [plate, setPlate] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<'employee' | 'visitor'>('employee');
  const [state, add] = useMutation(AddFlexPlateMutation);

  const submit = async () => {
    const result = await add({ input: { permitId, plate, name, role } });
    if (!result.data?.addFlexPlate) return;
    setPlate('');
    setName('');
    onAdded(name.trim());
  };

  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-title`}>{t('manage.add')}</h3>
      <div className="field">
        <label htmlFor={`${id}-plate`}>{t('manage.plate')}</label>
        <input
          id={`${id}-plate`}
          value={plate}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          onChange={(event) => setPlate(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('manage.name')}</label>
        <span className="field__hint" id={`${id}-name-hint`}>
          {t('manage.nameHint')}
        </span>
        <input
          id={`${id}-name`}
          value={name}
          required
          maxLength={40}
          aria-describedby={`${id}-name-hint`}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('manage.roleLabel')}</label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(event) => setRole(event.target.value as 'employee' | 'visitor')}
        >
          <option value="employee">{t('role.employee')}</option>
          <option value="visitor">{t('role.visitor')}</option>
        </select>
      </div>
      <ErrorNotice error={state.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={state.fetching}>
          {t('manage.add')}
        </button>
      </div>
    </form>
  );
}
