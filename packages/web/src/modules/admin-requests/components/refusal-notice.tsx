import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { errorMessage, type MessageParams } from '@parkeer/shared/messages/error-catalogue';
import { failureOf } from '../../../app/errors.js';
import { currentLanguage } from '../../../app/i18n.js';

/**
 * A refusal of the API in words: what did not happen (`title`) and why, from the shared
 * catalogue (e.g. the year's allowance is used, with the year). Nothing without an error.
 */
export function RefusalNotice({
  error,
  title,
  params,
}: {
  error: CombinedError | null;
  title: string;
  /** Parameters shown otherwise than the API sent them. */
  params?: MessageParams;
}) {
  const { i18n } = useTranslation();
  if (!error) return null;
  const failure = failureOf(error);
  const message = errorMessage(failure.code, currentLanguage(i18n), {
    ...failure.params,
    ...params,
  });
  return (
    <div className="notice notice--error" role="alert">
      <strong>{title}</strong> {message}
    </div>
  );
}
