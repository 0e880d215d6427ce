import { useTranslation } from 'react-i18next';

/**
 * Why an official decides beyond the applicant's own review cases: the registries that did not
 * answer (the official checks by hand what they would have said) and the rules that send an
 * application to review instead of refusing it (docs/rules.md §2, Registries and departed holder).
 * Terms and descriptions for the `<dl>` they stand in.
 */
export function ReviewGrounds({
  unansweredRegistries,
  reviewReasons,
}: {
  unansweredRegistries: readonly string[];
  reviewReasons: readonly string[];
}) {
  const { t } = useTranslation('admin-applications');
  return (
    <>
      {unansweredRegistries.length > 0 && (
        <>
          <dt>{t('fields.unansweredRegistries')}</dt>
          <dd>{unansweredRegistries.map((name) => t(`registries.${name}`)).join(', ')}</dd>
        </>
      )}
      {reviewReasons.length > 0 && (
        <>
          <dt>{t('fields.reviewReasons')}</dt>
          <dd>{reviewReasons.map((reason) => t(`reviewReasons.${reason}`)).join('; ')}</dd>
        </>
      )}
    </>
  );
}
