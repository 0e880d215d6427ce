import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { readFragment, type ResultOf } from '../../../app/graphql.js';
import { Loading } from '../../../app/shell/loading.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import {
  AddressImportFieldsFragment,
  AddressImportsQuery,
  SetZoneShapeMutation,
  StartAddressImportMutation,
  ZoneShapesQuery,
} from '../graphql/addresses.js';
import { rangesFromText, rangesToText } from '../ranges-text.js';
import { useAddressStrings } from '../strings.js';
import '../admin-addresses.css';

type AddressImport = ResultOf<typeof AddressImportFieldsFragment>;
type ZoneShape = ResultOf<typeof ZoneShapesQuery>['zoneShapes'][number];

/** How often the page asks for progress while an import runs. */
const pollMs = 1_000;

/** The town's addresses: importing a file with its progress and report, and the zones' shapes. */
export default function AddressesPage() {
  return useAddressStrings() ? <Addresses /> : <Loading />;
}

function Addresses() {
  const { t } = useTranslation('admin-addresses');
  const [result, refresh] = useQuery({ query: AddressImportsQuery });
  const imports = result.data?.addressImports.map((item) =>
    readFragment(AddressImportFieldsFragment, item),
  );
  const busy = imports?.some((item) => item.status === 'queued' || item.status === 'running');
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => refresh({ requestPolicy: 'network-only' }), pollMs);
    return () => clearInterval(timer);
  }, [busy, refresh]);

  return (
    <section>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <ImportForm onStarted={() => refresh({ requestPolicy: 'network-only' })} />
      <h2 id="imports-title">{t('imports.title')}</h2>
      <ErrorNotice error={result.error} />
      {!imports ? (
        !result.error && <Loading />
      ) : imports.length === 0 ? (
        <p className="muted">{t('imports.none')}</p>
      ) : (
        <ul className="list" aria-labelledby="imports-title">
          {imports.map((item) => (
            <ImportCard key={item.id} item={item} />
          ))}
        </ul>
      )}
      <ZoneShapes />
    </section>
  );
}

function ImportForm({ onStarted }: { onStarted: () => void }) {
  const { t } = useTranslation('admin-addresses');
  const fileId = useId();
  const formatId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<'csv' | 'bagJson'>('csv');
  const [missing, setMissing] = useState(false);
  const [state, start] = useMutation(StartAddressImportMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(!file);
    if (!file) return;
    const content = await file.text();
    const started = await start({ input: { fileName: file.name, format, content } });
    if (started.data) onStarted();
  };

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="upload-title">
      <h2 id="upload-title">{t('upload.title')}</h2>
      <ErrorNotice error={state.error} />
      {missing && (
        <p className="notice notice--error" role="alert">
          {t('upload.noFile')}
        </p>
      )}
      <div className="field">
        <label htmlFor={fileId}>{t('upload.file')}</label>
        <input
          id={fileId}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <div className="field">
        <label htmlFor={formatId}>{t('upload.format')}</label>
        <select
          id={formatId}
          value={format}
          onChange={(event) => setFormat(event.target.value === 'bagJson' ? 'bagJson' : 'csv')}
        >
          <option value="csv">{t('upload.csv')}</option>
          <option value="bagJson">{t('upload.bagJson')}</option>
        </select>
      </div>
      <p className="muted">{t('upload.help')}</p>
      <button type="submit" className="button" disabled={state.fetching}>
        {t('upload.submit')}
      </button>
    </form>
  );
}

function ImportCard({ item }: { item: AddressImport }) {
  const { t } = useTranslation('admin-addresses');
  const formats = useFormats();
  const progress = t('imports.progress', { done: item.rowsDone, totalCount: item.totalRows });
  return (
    <li className="card">
      <p className="card__title">
        {item.fileName} · {t(`imports.status.${item.status}`)}
      </p>
      <p className="muted">{formats.dateTime(item.createdAt)}</p>
      <progress
        className="admin-addresses__progress"
        value={item.rowsDone}
        max={Math.max(item.totalRows, 1)}
        aria-label={progress}
      />
      <p>{progress}</p>
      <p>
        {t('imports.counts', {
          added: item.rowsAdded,
          updated: item.rowsUpdated,
          unchanged: item.rowsUnchanged,
        })}
      </p>
      {item.refusedCount === 0 ? (
        <p>{t('imports.refusedCount', { refusedCount: 0 })}</p>
      ) : (
        <details>
          <summary>{t('imports.refusedCount', { refusedCount: item.refusedCount })}</summary>
          <table className="admin-addresses__refused">
            <thead>
              <tr>
                <th scope="col">{t('imports.row')}</th>
                <th scope="col">{t('imports.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {item.refused.map((refusal) => (
                <tr key={refusal.row}>
                  <td>{refusal.row}</td>
                  <td>{refusal.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </li>
  );
}

function ZoneShapes() {
  const { t } = useTranslation('admin-addresses');
  const [result] = useQuery({ query: ZoneShapesQuery });
  return (
    <section aria-labelledby="zones-title">
      <h2 id="zones-title">{t('zones.title')}</h2>
      <p className="muted">{t('zones.intro')}</p>
      <ErrorNotice error={result.error} />
      {!result.data ? (
        !result.error && <Loading />
      ) : (
        <ul className="list" aria-labelledby="zones-title">
          {result.data.zoneShapes.map((zone) => (
            <ZoneShapeCard key={zone.zoneId} zone={zone} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ZoneShapeCard({ zone }: { zone: ZoneShape }) {
  const { t } = useTranslation('admin-addresses');
  const rangesId = useId();
  const areaId = useId();
  const [ranges, setRanges] = useState(() => rangesToText(zone.ranges));
  const [area, setArea] = useState(zone.area ?? '');
  const [badLine, setBadLine] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);
  const [state, save] = useMutation(SetZoneShapeMutation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const parsed = rangesFromText(ranges);
    if ('badLine' in parsed) {
      setBadLine(parsed.badLine);
      return;
    }
    setBadLine(null);
    const done = await save({
      id: zone.zoneId,
      shape: { ranges: parsed, area: area.trim() === '' ? null : area },
    });
    setSaved(Boolean(done.data));
  };

  return (
    <li className="card">
      <p className="card__title">
        {zone.code} · {zone.name}
      </p>
      <p className="muted">
        {t('zones.addressCount', { addressCount: zone.addressCount })} ·{' '}
        {t('zones.rangeCount', { rangeCount: zone.ranges.length })} ·{' '}
        {zone.area ? t('zones.hasArea') : t('zones.noArea')}
      </p>
      <details>
        <summary>{t('zones.edit', { code: zone.code })}</summary>
        <form className="admin-addresses__shape" onSubmit={(event) => void submit(event)}>
          <ErrorNotice error={state.error} />
          {badLine !== null && (
            <p className="notice notice--error" role="alert">
              {t('zones.badLine', { line: badLine })}
            </p>
          )}
          {saved && (
            <p className="notice" role="status">
              {t('zones.saved', { code: zone.code })}
            </p>
          )}
          <div className="field">
            <label htmlFor={rangesId}>{t('zones.ranges')}</label>
            <textarea
              id={rangesId}
              rows={3}
              value={ranges}
              onChange={(event) => setRanges(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={areaId}>{t('zones.area')}</label>
            <textarea
              id={areaId}
              rows={4}
              value={area}
              onChange={(event) => setArea(event.target.value)}
            />
          </div>
          <button type="submit" className="button" disabled={state.fetching}>
            {t('zones.save')}
          </button>
        </form>
      </details>
    </li>
  );
}
