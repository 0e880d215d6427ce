import { useTranslation } from 'react-i18next';
import { useFormats } from '../../../app/ui/format.js';

interface Letter {
  readonly id: string;
  readonly kind: string;
  readonly createdAt: string;
  readonly ready: boolean;
  readonly downloadUrl: string;
}

/**
 * The decision letters (PDF), newest first, each a download link once it is made; a plain link,
 * so the browser downloads it with the login's cookie like any page.
 */
export function LetterLinks({ letters }: { letters: readonly Letter[] }) {
  const { t } = useTranslation('counter');
  const format = useFormats();
  if (letters.length === 0) return <p className="muted">{t('letters.none')}</p>;
  const newestFirst = [...letters].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ul className="counter__letters" data-testid="letters">
      {newestFirst.map((letter) => {
        const values = {
          kind: t(`letters.kind.${letter.kind}`),
          date: format.date(letter.createdAt),
        };
        return (
          <li key={letter.id}>
            {letter.ready ? (
              <a href={letter.downloadUrl} download data-testid="letter-link">
                {t('letters.download', values)}
              </a>
            ) : (
              <span className="muted">{t('letters.pending', values)}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
