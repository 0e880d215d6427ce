import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { readFragment, type ResultOf } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ConfirmDialog } from '../../../app/ui/confirm-dialog.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import {
  CreatePartnerKeyMutation,
  PartnerKeyFields,
  PartnerKeysQuery,
  RevokePartnerKeyMutation,
  RotatePartnerKeyMutation,
} from '../graphql/partner-keys.js';
import { BudgetDialog } from './budget-dialog.js';
import '../admin-partners.css';

type PartnerKey = ResultOf<typeof PartnerKeyFields>;
const scopes = ['rightCheck', 'batchCheck', 'readZones', 'phoneLine'] as const;
type Scope = (typeof scopes)[number];

const nameOf = (key: Pick<PartnerKey, 'partnerName' | 'label'>) =>
  `${key.partnerName} · ${key.label}`;

/**
 * A secret shown once, after a key is made or rotated (docs/security.md, "Machine keys"): only a
 * hash is kept, so the page says so and offers a copy button.
 */
function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone(): void }) {
  const { t } = useTranslation('admin-partners');
  const [copied, setCopied] = useState(false);
  const value = useRef<HTMLElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard permission: select the key, so the admin can copy it by hand.
      if (value.current) window.getSelection()?.selectAllChildren(value.current);
    }
  };
  return (
    <section className="card partner-secret" aria-labelledby="partner-secret-title">
      <h2 id="partner-secret-title" className="card__title">
        {t('secret.title', { name })}
      </h2>
      <p className="notice notice--warning">{t('secret.warning')}</p>
      <code ref={value} className="partner-secret__value">
        {secret}
      </code>
      <div className="actions">
        <button type="button" className="button" onClick={() => void copy()}>
          {copied ? t('secret.copied') : t('secret.copy')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('secret.done')}
        </button>
      </div>
    </section>
  );
}

function CreateForm({ onCreated }: { onCreated(name: string, secret: string): void }) {
  const { t } = useTranslation('admin-partners');
  const [partnerName, setPartnerName] = useState('');
  const [label, setLabel] = useState('');
  const [chosen, setChosen] = useState<Scope[]>(['rightCheck']);
  const [created, create] = useMutation(CreatePartnerKeyMutation);
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ input: { partnerName, label, scopes: chosen } });
    if (!result.data) return;
    const issued = result.data.createPartnerKey;
    onCreated(nameOf(readFragment(PartnerKeyFields, issued.partnerKey)), issued.secret);
    setPartnerName('');
    setLabel('');
  };
  const toggle = (scope: Scope) =>
    setChosen((now) => (now.includes(scope) ? now.filter((s) => s !== scope) : [...now, scope]));
  return (
    <form className="card partner-form" onSubmit={(event) => void submit(event)}>
      <h2 className="card__title">{t('create.title')}</h2>
      <ErrorNotice error={created.error} />
      <div className="field">
        <label htmlFor={`${id}-partner`}>{t('create.partnerName')}</label>
        <input
          id={`${id}-partner`}
          value={partnerName}
          maxLength={100}
          required
          onChange={(event) => setPartnerName(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-label`}>{t('create.label')}</label>
        <span className="field__hint" id={`${id}-label-hint`}>
          {t('create.labelHint')}
        </span>
        <input
          id={`${id}-label`}
          aria-describedby={`${id}-label-hint`}
          value={label}
          maxLength={100}
          required
          onChange={(event) => setLabel(event.target.value)}
        />
      </div>
      <fieldset className="partner-form__scopes">
        <legend>{t('create.scopes')}</legend>
        {scopes.map((scope) => (
          <div key={scope} className="field field--inline">
            <input
              id={`${id}-${scope}`}
              type="checkbox"
              checked={chosen.includes(scope)}
              onChange={() => toggle(scope)}
            />
            <label htmlFor={`${id}-${scope}`}>{t(`scopes.${scope}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={created.fetching}>
          {t('create.submit')}
        </button>
      </div>
    </form>
  );
}

function KeyCard({
  partnerKey,
  onBudget,
  onRotate,
  onRevoke,
}: {
  partnerKey: PartnerKey;
  onBudget(key: PartnerKey): void;
  onRotate(key: PartnerKey): void;
  onRevoke(key: PartnerKey): void;
}) {
  const { t } = useTranslation('admin-partners');
  const formats = useFormats();
  const name = nameOf(partnerKey);
  const when = (iso: string) => (
    <time dateTime={iso}>
      {formats.date(iso)} {formats.time(iso)}
    </time>
  );
  return (
    <li className={`card ${partnerKey.revokedAt ? 'partner-key--revoked' : ''}`}>
      <h2 className="card__title">{name}</h2>
      <dl className="facts">
        <dt>{t('facts.key')}</dt>
        <dd>
          <code>{partnerKey.keyPrefix}…</code>
        </dd>
        <dt>{t('facts.scopes')}</dt>
        <dd>{partnerKey.scopes.map((scope) => t(`scopes.${scope}`)).join(', ')}</dd>
        <dt>{t('facts.created')}</dt>
        <dd>{when(partnerKey.createdAt)}</dd>
        <dt>{t('facts.lastUsed')}</dt>
        <dd>{partnerKey.lastUsedAt ? when(partnerKey.lastUsedAt) : t('facts.never')}</dd>
        <dt>{t('facts.requests')}</dt>
        <dd>
          {t('facts.requestsValue', {
            today: partnerKey.requestsToday,
            week: partnerKey.requestsLast7Days,
          })}
        </dd>
        {!partnerKey.revokedAt && (
          <>
            <dt>{t('facts.budget')}</dt>
            <dd>
              {t('facts.budgetValue', {
                requests: partnerKey.requestsPerMinute,
                cost: partnerKey.costPerMinute,
              })}
              {!partnerKey.ownBudget && ` ${t('budget.defaultValue')}`}
            </dd>
          </>
        )}
        {partnerKey.previousSecretExpiresAt && !partnerKey.revokedAt && (
          <>
            <dt>{t('facts.overlap')}</dt>
            <dd>{when(partnerKey.previousSecretExpiresAt)}</dd>
          </>
        )}
        {partnerKey.revokedAt && (
          <>
            <dt>{t('facts.revoked')}</dt>
            <dd>{when(partnerKey.revokedAt)}</dd>
          </>
        )}
      </dl>
      {!partnerKey.revokedAt && (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('budget.buttonLabel', { name })}
            onClick={() => onBudget(partnerKey)}
          >
            {t('budget.button')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            aria-label={t('rotate.buttonLabel', { name })}
            onClick={() => onRotate(partnerKey)}
          >
            {t('rotate.button')}
          </button>
          <button
            type="button"
            className="button button--danger"
            aria-label={t('revoke.buttonLabel', { name })}
            onClick={() => onRevoke(partnerKey)}
          >
            {t('revoke.button')}
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * The town's machine keys for partners (docs/graphql.md, "Machine keys"): made here with a secret
 * shown once, rotated with an overlap, revoked after a question.
 */
export default function PartnersPage() {
  const { t } = useTranslation('admin-partners');
  const [keys, refetch] = useQuery({ query: PartnerKeysQuery });
  const [rotation, rotate] = useMutation(RotatePartnerKeyMutation);
  const [revocation, revoke] = useMutation(RevokePartnerKeyMutation);
  const [shown, setShown] = useState<{ name: string; secret: string } | null>(null);
  const [rotating, setRotating] = useState<PartnerKey | null>(null);
  const [overlapHours, setOverlapHours] = useState(24);
  const [revoking, setRevoking] = useState<PartnerKey | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const [budgeting, setBudgeting] = useState<PartnerKey | null>(null);
  const [budgetSaved, setBudgetSaved] = useState<string | null>(null);
  const list = keys.data?.partnerKeys.map((key) => readFragment(PartnerKeyFields, key));
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const onRotate = async () => {
    if (!rotating) return;
    const result = await rotate({ id: rotating.id, overlapHours });
    if (!result.data) return;
    setShown({ name: nameOf(rotating), secret: result.data.rotatePartnerKey.secret });
    setRotating(null);
    reload();
  };
  const onRevoke = async () => {
    if (!revoking) return;
    const result = await revoke({ id: revoking.id });
    if (!result.data) return;
    setRevoked(nameOf(revoking));
    setRevoking(null);
    reload();
  };

  return (
    <section className="partners">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <ErrorNotice error={keys.error} />
      <div role="status">
        {revoked && <p className="notice notice--success">{t('revoke.done', { name: revoked })}</p>}
        {budgetSaved && (
          <p className="notice notice--success">{t('budget.done', { name: budgetSaved })}</p>
        )}
      </div>
      {shown && (
        <SecretOnce name={shown.name} secret={shown.secret} onDone={() => setShown(null)} />
      )}
      <CreateForm
        onCreated={(name, secret) => {
          setRevoked(null);
          setShown({ name, secret });
          reload();
        }}
      />
      {!list ? (
        !keys.error && <Loading />
      ) : list.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="list" aria-label={t('listLabel')}>
          {list.map((key) => (
            <KeyCard
              key={key.id}
              partnerKey={key}
              onBudget={(chosen) => {
                setBudgetSaved(null);
                setBudgeting(chosen);
              }}
              onRotate={(chosen) => {
                setOverlapHours(24);
                setRotating(chosen);
              }}
              onRevoke={setRevoking}
            />
          ))}
        </ul>
      )}
      <BudgetDialog
        partnerKey={budgeting}
        name={budgeting ? nameOf(budgeting) : ''}
        onSaved={() => {
          setBudgetSaved(budgeting ? nameOf(budgeting) : null);
          setBudgeting(null);
          reload();
        }}
        onCancel={() => setBudgeting(null)}
      />
      <ConfirmDialog
        open={rotating !== null}
        title={rotating ? t('rotate.title', { name: nameOf(rotating) }) : ''}
        confirmLabel={t('rotate.confirm')}
        busy={rotation.fetching}
        onConfirm={() => void onRotate()}
        onCancel={() => setRotating(null)}
      >
        <ErrorNotice error={rotation.error} />
        <div className="field">
          <label htmlFor="partner-overlap">{t('rotate.overlap')}</label>
          <input
            id="partner-overlap"
            className="partner-form__hours"
            type="number"
            inputMode="numeric"
            min={0}
            max={168}
            value={overlapHours}
            onChange={(event) => setOverlapHours(Number(event.target.value))}
          />
        </div>
        <p className="muted">{t('rotate.explain')}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={revoking !== null}
        title={revoking ? t('revoke.title', { name: nameOf(revoking) }) : ''}
        confirmLabel={t('revoke.confirm')}
        danger
        busy={revocation.fetching}
        onConfirm={() => void onRevoke()}
        onCancel={() => setRevoking(null)}
      >
        <ErrorNotice error={revocation.error} />
        <p>{t('revoke.explain')}</p>
      </ConfirmDialog>
    </section>
  );
}
