import { useTranslation } from 'react-i18next';
import { Tabs } from '../../../app/ui/tabs.js';
import '../admin-requests.css';
import { CareHoursPanel } from './care-hours-panel.js';
import { CareRequestsPanel } from './care-requests-panel.js';
import { FineWaiversPanel } from './fine-waivers-panel.js';
import { OutagePanel } from './outage-panel.js';
import { Loading } from '../../../app/shell/loading.js';
import { useRequestStrings } from '../strings.js';

/**
 * Requests the town handles by hand (issue 6): informal-care hours, goodwill fine waivers and
 * outage compensation, one tab each. Every tab keeps its state while another is shown.
 */
export default function RequestsPage() {
  return useRequestStrings() ? <Requests /> : <Loading />;
}

function Requests() {
  const { t } = useTranslation('admin-requests');
  return (
    <section className="admin-requests">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <Tabs
        label={t('title')}
        tabs={[
          { key: 'care', label: t('tabs.care'), panel: <CareHoursPanel /> },
          { key: 'careRequests', label: t('tabs.careRequests'), panel: <CareRequestsPanel /> },
          { key: 'waivers', label: t('tabs.waivers'), panel: <FineWaiversPanel /> },
          { key: 'outage', label: t('tabs.outage'), panel: <OutagePanel /> },
        ]}
      />
    </section>
  );
}
