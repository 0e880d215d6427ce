import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../errors.js';
import { currentLanguage } from '../i18n.js';

/** An API error in words, from the shared catalogue by its code; nothing without an error. */
export function ErrorNotice({ error }: { error: CombinedError | undefined | null }) {
  const { i18n } = useTranslation();
  if (!error) return null;
  return (
    <p className="notice notice--error" role="alert">
      {messageOf(error, currentLanguage(i18n))}
    </p>
  );
}
