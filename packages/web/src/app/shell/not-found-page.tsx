import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';

/**
 * An address that is no page of the app, inside its frame: what happened, and the ways on (the
 * start page, or back where the resident came from when this page was reached from inside).
 */
export function NotFoundPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  // 'default': opened directly (a typed address, a link from elsewhere), with nothing to go back to.
  const cameFromApp = location.key !== 'default';
  return (
    <section>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body', { path: location.pathname })}</p>
      <div className="actions">
        <Link className="button" to="/">
          {t('toHome')}
        </Link>
        {cameFromApp && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void navigate(-1)}
          >
            {t('notFound.back')}
          </button>
        )}
      </div>
    </section>
  );
}
