import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Loading } from '../../../app/shell/loading.js';
import { useSession } from '../../../app/session.js';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { startDateBounds } from '../counter-rules.js';
import '../counter.css';
import { PermitOffersQuery } from '../graphql/counter.js';
import { AddressStep, type CounterAddress } from './address-step.js';
import {
  ApplicationForm,
  emptyApplication,
  type ApplicationValues,
  type FilledApplication,
} from './application-form.js';
import { EstablishmentStep } from './establishment-step.js';
import { OfferList, type PermitOffer } from './offer-list.js';
import { ReviewStep } from './review-step.js';
import { counterSteps, StepIndicator, type CounterStep } from './step-indicator.js';

/**
 * The permit counter (docs/rules.md §1, the permit counter): the address, the permits offered
 * there with their prices, the details, and a review with the price and the fee before paying
 * at the bank. Each step keeps what was filled in when the applicant goes back.
 */
export default function CounterPage() {
  const { t } = useTranslation('counter');
  const { me } = useSession();
  // A business picks one of its establishments (KvK); acting for a person, the person's address.
  const business = me?.role === 'business' && !me.actingFor;
  const [typingAddress, setTypingAddress] = useState(false);
  const [step, setStep] = useState<CounterStep>('address');
  const [typedAddress, setTypedAddress] = useState<{
    postcode: string;
    houseNumber: string;
    addition: string;
  } | null>(null);
  const [address, setAddress] = useState<CounterAddress | null>(null);
  const [offer, setOffer] = useState<PermitOffer | null>(null);
  const [values, setValues] = useState<ApplicationValues | null>(null);
  const [filled, setFilled] = useState<FilledApplication | null>(null);
  const [offers] = useQuery({
    query: PermitOffersQuery,
    variables: { addressKey: address?.key ?? null },
    pause: !address,
    requestPolicy: 'network-only',
  });

  // The keyboard and a screen reader follow the applicant to the next step.
  const stepTitle = useRef<HTMLParagraphElement>(null);
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    stepTitle.current?.focus();
    stepTitle.current?.scrollIntoView({ block: 'start' });
  }, [step]);

  const addressFound = (
    found: CounterAddress,
    typed: { postcode: string; houseNumber: string; addition: string } | null,
  ) => {
    if (found.key !== address?.key || found.establishmentNumber !== address?.establishmentNumber) {
      setOffer(null);
      setValues(null);
      setFilled(null);
    }
    if (typed) setTypedAddress(typed);
    setAddress(found);
    setStep('offers');
  };

  const chooseOffer = (chosen: PermitOffer) => {
    if (chosen.productTypeCode !== offer?.productTypeCode) {
      setValues(emptyApplication(chosen, startDateBounds(new Date(), 0).min));
    }
    setOffer(chosen);
    setStep('details');
  };

  return (
    <section className="counter">
      <h1>{t('title')}</h1>
      {step === 'address' && <p>{t('intro')}</p>}
      <StepIndicator current={step} />
      <p ref={stepTitle} tabIndex={-1} className="counter__step-title" data-testid="counter-step">
        {t('steps.current', {
          step: counterSteps.indexOf(step) + 1,
          total: counterSteps.length,
          name: t(`steps.${step}`),
        })}
      </p>

      {step !== 'address' && address && (
        <div className="counter__chosen" data-testid="counter-address">
          <p>
            <strong>
              {address.establishmentNumber ? t('establishment.chosen') : t('address.chosen')}:
            </strong>{' '}
            {address.label}
            <br />
            <span className="muted">
              {address.zoneCode
                ? t('address.zone', {
                    zone: `${address.zoneCode}${address.zoneName ? ` · ${address.zoneName}` : ''}`,
                  })
                : t('address.noZone')}
            </span>
          </p>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setStep('address');
              setFilled(null);
            }}
          >
            {t('address.change')}
          </button>
        </div>
      )}

      {step === 'address' && business && !typingAddress && (
        <EstablishmentStep
          onChosen={(found) => addressFound(found, null)}
          onRegistryDown={() => setTypingAddress(true)}
        />
      )}
      {step === 'address' && (!business || typingAddress) && (
        <AddressStep initial={typedAddress} onFound={addressFound} />
      )}

      {step === 'offers' && (
        <section aria-labelledby="counter-offers-title">
          <h2 id="counter-offers-title">{t('offers.title')}</h2>
          <ErrorNotice error={offers.error} />
          {offers.data ? (
            <OfferList offers={offers.data.permitOffers} onChoose={chooseOffer} />
          ) : (
            !offers.error && <Loading />
          )}
        </section>
      )}

      {step === 'details' && offer && address && values && (
        <ApplicationForm
          offer={offer}
          address={address}
          initial={values}
          onQuoted={(application) => {
            setValues(application.values);
            setFilled(application);
            setStep('review');
          }}
          onBack={() => setStep('offers')}
        />
      )}

      {step === 'review' && offer && address && filled && (
        <ReviewStep
          offer={offer}
          address={address}
          application={filled}
          onChange={() => setStep('details')}
        />
      )}

      <p>
        <Link to="/vergunningen">{t('permits.title')}</Link>
      </p>
    </section>
  );
}
