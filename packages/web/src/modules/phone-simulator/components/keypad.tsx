import { useTranslation } from 'react-i18next';

/** A phone's keys with their letters: the letters are how the line keys a plate in. */
const keys: readonly { readonly key: string; readonly letters: string }[] = [
  { key: '1', letters: '' },
  { key: '2', letters: 'ABC' },
  { key: '3', letters: 'DEF' },
  { key: '4', letters: 'GHI' },
  { key: '5', letters: 'JKL' },
  { key: '6', letters: 'MNO' },
  { key: '7', letters: 'PQRS' },
  { key: '8', letters: 'TUV' },
  { key: '9', letters: 'WXYZ' },
  { key: '*', letters: '' },
  { key: '0', letters: '' },
  { key: '#', letters: '' },
];

/** The twelve keys, large, in the phone's order. */
export function Keypad({ disabled, onKey }: { disabled: boolean; onKey: (key: string) => void }) {
  const { t } = useTranslation('phone-simulator');
  return (
    <div className="phone-sim__keypad" role="group" aria-label={t('keypad')}>
      {keys.map(({ key, letters }) => (
        <button
          key={key}
          type="button"
          className="phone-sim__key"
          disabled={disabled}
          onClick={() => onKey(key)}
          data-key={key}
        >
          {/* The star and the hash read as words; a digit as itself (its letters are a hint). */}
          <span className="phone-sim__key-digit" aria-hidden={key === '*' || key === '#'}>
            {key}
          </span>
          {(key === '*' || key === '#') && (
            <span className="visually-hidden">{key === '*' ? t('star') : t('hash')}</span>
          )}
          <span className="phone-sim__key-letters" aria-hidden="true">
            {letters}
          </span>
        </button>
      ))}
    </div>
  );
}
