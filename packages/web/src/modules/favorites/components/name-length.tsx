import { useTranslation } from 'react-i18next';

/** docs/rules.md §7: a favorite's name has at most 10 characters. */
export const nameMaxLength = 10;

/**
 * How much of a favorite's name is used ("7/10 tekens"), part of the field's description, and a
 * status said when the limit is reached: the field's `maxlength` drops further typing silently.
 */
export function NameLength({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation('favorites');
  // Counted as `maxlength` counts (UTF-16 units), so the two agree.
  const length = name.length;
  return (
    <>
      <span id={`${id}-length`} className="field__hint" data-testid="name-length">
        {t('add.nameLength', { length, max: nameMaxLength })}
      </span>
      {/* Always there (a live region must exist before it speaks); out of the layout while empty. */}
      <span role="status" className={length >= nameMaxLength ? 'field__hint' : 'visually-hidden'}>
        {length >= nameMaxLength ? t('add.nameFull', { max: nameMaxLength }) : ''}
      </span>
    </>
  );
}
