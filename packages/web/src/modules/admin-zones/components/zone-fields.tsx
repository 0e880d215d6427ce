import { useTranslation } from 'react-i18next';
import { Field } from '../../../app/form/field.js';

/** What a zone form holds: the code on the signs and the name. */
export interface ZoneValues {
  code: string;
  name: string;
}

/** A zone's code and name, fields of the kit form around them (the API's problems beside). */
export function ZoneFields() {
  const { t } = useTranslation('admin-zones');
  return (
    <>
      <Field name="code" label={t('fields.code')} required counter={20} />
      <Field name="name" label={t('fields.name')} required counter={120} />
    </>
  );
}
