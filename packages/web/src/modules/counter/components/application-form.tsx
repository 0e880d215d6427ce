import { useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useController, useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useClient, type CombinedError } from 'urql';
import { parsePlate } from '@parkeer/domain/plate/plate';
import { isLocalDate } from '@parkeer/domain/time/local-date';
import { localeOf } from '@parkeer/shared/language';
import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import type { ResultOf, VariablesOf } from '../../../app/graphql.js';
import { ErrorSummary } from '../../../app/form/error-summary.js';
import { Field, FieldGroup } from '../../../app/form/field.js';
import { Form } from '../../../app/form/form.js';
import { showServerProblems } from '../../../app/form/server-problems.js';
import { SubmitButton } from '../../../app/form/submit-button.js';
import { useSession } from '../../../app/session.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { useFormats } from '../../../app/ui/format.js';
import { foreignCountries, homeCountry } from '../../favorites/countries.js';
import { requiredDocuments, startDateBounds, uploadProblem } from '../counter-rules.js';
import { QuotePermitApplicationQuery } from '../graphql/counter.js';
import { fileSize, uploadDocument, type UploadedDocument } from '../upload.js';
import type { CounterAddress } from './address-step.js';
import type { PermitOffer } from './offer-list.js';
import { reasonsOf, RefusalList } from './refusal-list.js';

export type ApplicationInput = VariablesOf<typeof QuotePermitApplicationQuery>['input'];
export type ApplicationQuote = Extract<
  ResultOf<typeof QuotePermitApplicationQuery>['quotePermitApplication'],
  { __typename: 'PermitApplicationQuote' }
>;

export interface ApplicationValues {
  plates: { plate: string; country: string }[];
  startsOn: string;
  reviewCase: string;
  explanation: string;
  contactEmail: string;
  documents: Record<string, UploadedDocument | null>;
}

/** What the review step shows besides the quote: the values as the applicant gave them. */
export interface FilledApplication {
  readonly input: ApplicationInput;
  readonly values: ApplicationValues;
  readonly quote: ApplicationQuote;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The form's first values: the offer's plates empty, today, no special situation. */
export function emptyApplication(offer: PermitOffer, today: string): ApplicationValues {
  return {
    plates: Array.from({ length: offer.requiresPlate ? Math.max(1, offer.maxPlates) : 0 }, () => ({
      plate: '',
      country: homeCountry,
    })),
    startsOn: today,
    reviewCase: '',
    explanation: '',
    contactEmail: '',
    documents: {},
  };
}

/**
 * The application's details (docs/rules.md §1, the permit counter): the plates (checked by the
 * domain's plate rules as typed), the start date within what the product allows, a situation
 * only an official can judge with its explanation and documents, and an e-mail address when the
 * account has none. Sent on, it is quoted by the API: the term and the amounts, or every rule
 * that refuses it.
 */
export function ApplicationForm({
  offer,
  address,
  initial,
  onQuoted,
  onBack,
}: {
  offer: PermitOffer;
  address: CounterAddress;
  initial: ApplicationValues;
  onQuoted(application: FilledApplication): void;
  onBack(): void;
}) {
  const { t } = useTranslation('counter');
  const format = useFormats();
  const { me } = useSession();
  const client = useClient();
  const countries = useMemo(() => foreignCountries(format.language), [format.language]);
  const bounds = useMemo(
    () => startDateBounds(new Date(), offer.maxDaysAhead),
    [offer.maxDaysAhead],
  );
  const form = useForm<ApplicationValues>({ defaultValues: initial, shouldFocusError: false });
  const reviewCase = useWatch({ control: form.control, name: 'reviewCase' });
  const [refusal, setRefusal] = useState<readonly { code: string; message: string }[]>([]);
  const [failure, setFailure] = useState<CombinedError | null>(null);
  const refusalBox = useRef<HTMLDivElement>(null);
  const needsEmail = !me?.email;
  const documents = requiredDocuments(offer.documents, reviewCase || null);
  const maxShown = format.date(`${bounds.max}T12:00:00Z`);

  const submit = async (values: ApplicationValues) => {
    setRefusal([]);
    setFailure(null);
    const input: ApplicationInput = {
      productTypeCode: offer.productTypeCode,
      addressKey: address.key,
      establishmentNumber: address.establishmentNumber ?? null,
      plates: values.plates
        .filter((plate) => plate.plate.trim() !== '')
        .map((plate) => ({ plate: plate.plate.trim(), country: plate.country })),
      startsOn: values.startsOn,
      reviewCase: (values.reviewCase || null) as ApplicationInput['reviewCase'],
      explanation: values.reviewCase ? values.explanation.trim() : null,
      documentIds: documents
        .map((document) => values.documents[document.code]?.id)
        .filter((id): id is string => Boolean(id)),
      contactEmail: needsEmail ? values.contactEmail.trim() : null,
    };
    const result = await client
      .query(QuotePermitApplicationQuery, { input }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error) {
      if (showServerProblems(result.error, format.language, form.setError) === 0) {
        setFailure(result.error);
      }
      return;
    }
    const answer = result.data?.quotePermitApplication;
    if (answer?.__typename === 'PermitApplicationQuote') {
      onQuoted({ input, values, quote: answer });
    } else if (answer?.__typename === 'PermitApplicationRefused') {
      setRefusal(reasonsOf(answer));
      // The reasons stand above the button: the applicant reads them first.
      requestAnimationFrame(() => refusalBox.current?.focus());
    }
  };

  return (
    <Form form={form} onSubmit={submit} id="counter-application" className="card counter__form">
      <h2 className="card__title">{t('form.title')}</h2>
      <p className="muted">
        {offer.name} · {address.label}
      </p>
      <ErrorSummary />
      {initial.plates.map((_, index) => (
        <div key={index} className="counter__plate">
          <Field
            name={`plates.${index}.plate`}
            label={
              index === 0
                ? initial.plates.length > 1
                  ? t('form.plateN', { n: 1 })
                  : t('form.plate')
                : t('form.plateOptional', { n: index + 1 })
            }
            hint={index === 0 ? t('form.plateHint') : undefined}
            required={index === 0}
          >
            {(control) => (
              <input
                {...control}
                {...form.register(`plates.${index}.plate`, {
                  validate: (value, all) => {
                    if (value.trim() === '') return index === 0 ? t('form.plateRequired') : true;
                    // The domain's plate rules, in the words the API would use (docs/rules.md §9).
                    const parsed = parsePlate(value, all.plates[index]?.country ?? homeCountry);
                    return (
                      parsed.ok || errorMessage(parsed.reason, format.language, parsed.params ?? {})
                    );
                  },
                })}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
              />
            )}
          </Field>
          <Field name={`plates.${index}.country`} label={t('form.country', { n: index + 1 })}>
            {(control) => (
              <select
                {...control}
                {...form.register(`plates.${index}.country`, { deps: [`plates.${index}.plate`] })}
              >
                <option value={homeCountry}>{t('form.netherlands')}</option>
                {countries.map((country) => (
                  <option key={country.code} value={country.code}>
                    {country.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      ))}
      <Field
        name="startsOn"
        label={t('form.startsOn')}
        hint={t('form.startsOnHint', { max: maxShown })}
        required
      >
        {(control) => (
          <input
            {...control}
            {...form.register('startsOn', {
              validate: (value) =>
                (isLocalDate(value) && value >= bounds.min && value <= bounds.max) ||
                t('form.startsOnInvalid', { max: maxShown }),
            })}
            type="date"
            min={bounds.min}
            max={bounds.max}
          />
        )}
      </Field>
      {offer.reviewCases.length > 0 && (
        <FieldGroup name="reviewCase" legend={t('form.reviewCase')} hint={t('form.reviewCaseHint')}>
          <div className="field field--inline">
            <input id="counter-case-none" type="radio" value="" {...form.register('reviewCase')} />
            <label htmlFor="counter-case-none">{t('form.noReviewCase')}</label>
          </div>
          {offer.reviewCases.map((option) => (
            <div className="field field--inline" key={option}>
              <input
                id={`counter-case-${option}`}
                type="radio"
                value={option}
                {...form.register('reviewCase')}
              />
              <label htmlFor={`counter-case-${option}`}>{t(`reviewCase.${option}`)}</label>
            </div>
          ))}
        </FieldGroup>
      )}
      {reviewCase && (
        <Field
          name="explanation"
          label={t('form.explanation')}
          hint={t('form.explanationHint')}
          required
        >
          {(control) => (
            <textarea
              {...control}
              {...form.register('explanation', {
                validate: (value, all) =>
                  !all.reviewCase || value.trim() !== '' || t('form.explanationRequired'),
              })}
              rows={4}
              maxLength={2000}
            />
          )}
        </Field>
      )}
      {documents.length > 0 && (
        <fieldset className="form-kit__group">
          <legend>{t('form.documents')}</legend>
          <span className="field__hint">{t('form.documentsHint')}</span>
          {documents.map((document) => (
            <DocumentField
              key={document.code}
              control={form.control}
              code={document.code}
              name={document.name}
            />
          ))}
        </fieldset>
      )}
      {needsEmail && (
        <Field
          name="contactEmail"
          label={t('form.contactEmail')}
          hint={t('form.contactEmailHint')}
          required
        >
          {(control) => (
            <input
              {...control}
              {...form.register('contactEmail', {
                validate: (value) =>
                  emailPattern.test(value.trim()) || t('form.contactEmailRequired'),
              })}
              type="email"
              autoComplete="email"
            />
          )}
        </Field>
      )}
      <RefusalList ref={refusalBox} title={t('form.notPossible')} reasons={refusal} />
      <ErrorNotice error={failure} />
      <div className="actions">
        <SubmitButton>{t('form.next')}</SubmitButton>
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('form.back')}
        </button>
      </div>
    </Form>
  );
}

/**
 * One document the town asks for: chosen, checked (type, size) and sent at once, so the
 * application later names it by id; its place in the form holds the sent file.
 */
function DocumentField({
  control,
  code,
  name,
}: {
  control: Control<ApplicationValues>;
  code: string;
  name: string;
}) {
  const { t } = useTranslation('counter');
  const format = useFormats();
  const { field } = useController({
    control,
    name: `documents.${code}`,
    rules: { validate: (value) => Boolean(value) || t('form.documentRequired', { name }) },
  });
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'sending'; file: string } | { kind: 'problem'; message: string }
  >({ kind: 'idle' });
  const uploaded = field.value;

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const problem = uploadProblem(file);
    if (problem) {
      setState({
        kind: 'problem',
        message: t(
          problem === 'type'
            ? 'form.uploadType'
            : problem === 'size'
              ? 'form.uploadSize'
              : 'form.uploadEmpty',
        ),
      });
      return;
    }
    setState({ kind: 'sending', file: file.name });
    try {
      field.onChange(await uploadDocument(file, code));
      setState({ kind: 'idle' });
    } catch {
      setState({ kind: 'problem', message: t('form.uploadFailed') });
    }
  };

  return (
    <Field name={`documents.${code}`} label={t('form.document', { name })}>
      {(controlProps) => (
        <>
          <input
            {...controlProps}
            ref={field.ref}
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            onChange={(event) => void choose(event)}
            onBlur={field.onBlur}
          />
          <div aria-live="polite" className="counter__upload">
            {state.kind === 'sending' && (
              <p className="muted">{t('form.uploading', { file: state.file })}</p>
            )}
            {state.kind === 'problem' && <p className="field__error">{state.message}</p>}
            {uploaded && state.kind !== 'sending' && (
              <p className="notice notice--success" data-testid="uploaded-document">
                {t('form.uploaded', {
                  file: uploaded.fileName,
                  size: fileSize(uploaded.size, localeOf[format.language]),
                })}{' '}
                <button type="button" className="link-button" onClick={() => field.onChange(null)}>
                  {t('form.removeDocument', { file: uploaded.fileName })}
                </button>
              </p>
            )}
          </div>
        </>
      )}
    </Field>
  );
}
