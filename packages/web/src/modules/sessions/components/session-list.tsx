import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { readFragment, type FragmentOf } from '../../../app/graphql.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { currentLanguage } from '../../../app/i18n.js';
import { useFormats } from '../../../app/ui/format.js';
import { plateLabel } from '../../favorites/countries.js';
import { useMutation } from 'urql';
import {
  DeleteSessionMutation,
  SessionItemFragment,
  StopSessionMutation,
} from '../graphql/sessions.js';
import { ChangeEndDialog, type ChangeGround } from './change-end-dialog.js';

type Item = FragmentOf<typeof SessionItemFragment>;

/** Running or planned sessions, each with what can be done to it (with confirmation). */
export function SessionList({
  sessions,
  onChanged,
  showProduct,
  ground,
}: {
  sessions: readonly Item[];
  /** The product's rules and sessions, for the preview of a new end (see ChangeEndDialog). */
  ground?: ChangeGround;
  /** After a stop, delete or change, with what to confirm to the resident. */
  onChanged(notice: string): void;
  /** A label per product id: shown when the list spans several products. */
  showProduct?: (productId: string) => string;
}) {
  const { t } = useTranslation('sessions');
  if (sessions.length === 0) return <p className="muted">{t('list.empty')}</p>;
  return (
    <ul className="list">
      {sessions.map((session) => (
        <SessionRow
          key={readFragment(SessionItemFragment, session).id}
          session={session}
          onChanged={onChanged}
          showProduct={showProduct}
          ground={ground}
        />
      ))}
    </ul>
  );
}

function SessionRow({
  session,
  onChanged,
  showProduct,
  ground,
}: {
  session: Item;
  ground?: ChangeGround;
  onChanged(notice: string): void;
  showProduct?: (productId: string) => string;
}) {
  const { t, i18n } = useTranslation('sessions');
  const format = useFormats();
  const item = readFragment(SessionItemFragment, session);
  // A foreign plate with its country: "B1234" alone would be read as Dutch.
  const plate = plateLabel(item, currentLanguage(i18n));
  const [asking, setAsking] = useState<'stop' | 'delete' | 'extend' | null>(null);
  const [stopState, stop] = useMutation(StopSessionMutation);
  const [deleteState, remove] = useMutation(DeleteSessionMutation);
  const planned = item.status === 'planned';

  const confirm = async () => {
    const result = asking === 'stop' ? await stop({ id: item.id }) : await remove({ id: item.id });
    if (!result.error) {
      setAsking(null);
      onChanged(t(asking === 'stop' ? 'done.stopped' : 'done.deleted', { plate }));
    }
  };

  return (
    <li className="card" data-testid="session" data-plate={item.plate}>
      <h3 className="card__title">{plate}</h3>
      {showProduct && (
        <p>
          <Link to={`/producten/${item.permitId}`}>{showProduct(item.permitId)}</Link>
        </p>
      )}
      <dl className="facts">
        <dt>{planned ? t('list.starts') : t('list.started')}</dt>
        <dd>{format.dateTime(item.start)}</dd>
        <dt>{t('list.ends')}</dt>
        <dd>{format.dateTime(item.end)}</dd>
        <dt>{t('list.reserved')}</dt>
        <dd>{format.balance(item.reservation, item.unit)}</dd>
        {item.delegated && (
          <>
            <dt>{t('list.by')}</dt>
            <dd>{item.startedByMe ? t('list.byMe') : t('list.byDelegate')}</dd>
          </>
        )}
      </dl>
      <div className="actions">
        {planned ? (
          <button
            type="button"
            className="button button--danger"
            onClick={() => setAsking('delete')}
          >
            {t('actions.delete')}
          </button>
        ) : (
          <button type="button" className="button button--danger" onClick={() => setAsking('stop')}>
            {t('actions.stop')}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setAsking('extend')}
        >
          {t('actions.changeEnd')}
        </button>
      </div>
      <ConfirmDialog
        open={asking === 'stop' || asking === 'delete'}
        title={
          asking === 'delete'
            ? t('confirm.deleteTitle', { plate })
            : t('confirm.stopTitle', { plate })
        }
        confirmLabel={asking === 'delete' ? t('actions.delete') : t('actions.stop')}
        danger
        busy={stopState.fetching || deleteState.fetching}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(null)}
      >
        <p>{asking === 'delete' ? t('confirm.deleteBody') : t('confirm.stopBody')}</p>
        <ErrorNotice error={stopState.error ?? deleteState.error} />
      </ConfirmDialog>
      {asking === 'extend' && (
        <ChangeEndDialog
          session={session}
          plate={plate}
          ground={ground}
          onDone={(end) => {
            setAsking(null);
            onChanged(t('done.changed', { plate, end: format.dateTime(end) }));
          }}
          onCancel={() => setAsking(null)}
        />
      )}
    </li>
  );
}
