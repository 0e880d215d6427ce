import type { MessageTable } from './message-table.js';

export const eligibilityMessages = {
  ELIGIBILITY_NOT_FOR_RESIDENTS: {
    nl: 'Deze vergunning is niet beschikbaar voor bewoners.',
    en: 'This permit is not available to residents.',
  },
  ELIGIBILITY_NOT_FOR_BUSINESSES: {
    nl: 'Deze vergunning is niet beschikbaar voor bedrijven.',
    en: 'This permit is not available to businesses.',
  },
  ELIGIBILITY_ADDRESS_OUTSIDE_PERMIT_ZONE: {
    nl: 'Uw adres ligt niet in een vergunninggebied.',
    en: 'Your address is not inside a permit zone.',
  },
  ELIGIBILITY_ZONE_NOT_OF_ADDRESS: {
    nl: 'U kunt deze vergunning alleen aanvragen voor het parkeergebied van uw adres ({zone}).',
    en: 'You can only apply for this permit for the parking zone of your address ({zone}).',
  },
  ELIGIBILITY_RESIDENTS_EXCLUDED_IN_ZONE: {
    nl: 'Bewoners in parkeergebied {zone} kunnen deze vergunning niet aanvragen.',
    en: 'Residents in parking zone {zone} cannot apply for this permit.',
  },
  ELIGIBILITY_BUSINESSES_EXCLUDED_IN_ZONE: {
    nl: 'Bedrijven in parkeergebied {zone} kunnen deze vergunning niet aanvragen.',
    en: 'Businesses in parking zone {zone} cannot apply for this permit.',
  },
  ELIGIBILITY_ADDRESS_LIMIT_REACHED: {
    nl: 'Voor uw adres is het maximum aantal vergunningen van dit type ({max}) al bereikt.',
    en: 'Your address already has the maximum number of permits of this type ({max}).',
  },
  ELIGIBILITY_BUSINESS_LIMIT_REACHED: {
    nl: 'Uw bedrijf heeft het maximum aantal vergunningen van dit type ({max}) al bereikt.',
    en: 'Your business already has the maximum number of permits of this type ({max}).',
  },
  ELIGIBILITY_PRIVATE_PARKING: {
    nl: 'U heeft een parkeerplaats op eigen terrein en komt daarom niet in aanmerking voor deze vergunning.',
    en: 'You have a parking space on your own premises and are therefore not eligible for this permit.',
  },
  ELIGIBILITY_VEHICLE_CATEGORY_EXCLUDED: {
    nl: 'Deze vergunning geldt niet voor dit soort voertuig (zoals een groot voertuig, aanhangwagen of recreatievoertuig).',
    en: 'This permit does not cover this kind of vehicle (such as a large vehicle, trailer or recreational vehicle).',
  },
  ELIGIBILITY_VEHICLE_UNKNOWN: {
    nl: 'Het kenteken {plate} staat niet in het kentekenregister van de RDW.',
    en: 'The licence plate {plate} is not in the RDW vehicle register.',
  },
  ELIGIBILITY_VEHICLE_EXCLUDED: {
    nl: 'Deze vergunning geldt niet voor het voertuig met kenteken {plate}: {category, select, largeVehicle {een groot voertuig} trailer {een aanhangwagen} recreationalVehicle {een kampeer- of recreatievoertuig} motorcycle {een motorfiets} moped {een bromfiets} van {een bestelauto} other {een personenauto}}.',
    en: 'This permit does not cover the vehicle with licence plate {plate}: {category, select, largeVehicle {a large vehicle} trailer {a trailer} recreationalVehicle {a camper or recreational vehicle} motorcycle {a motorcycle} moped {a moped} van {a van} other {a passenger car}}.',
  },
  ELIGIBILITY_VEHICLE_EMISSION: {
    nl: 'Het voertuig met kenteken {plate} voldoet niet aan de milieuregel van parkeergebied {zone}: voor {fuel, select, diesel {diesel} petrol {benzine} lpg {lpg} other {deze brandstof}} is minimaal Euro {minimum} nodig.',
    en: 'The vehicle with licence plate {plate} does not meet the emission rule of parking zone {zone}: {fuel, select, diesel {diesel} petrol {petrol} lpg {LPG} other {this fuel}} needs at least Euro {minimum}.',
  },
  ELIGIBILITY_VEHICLE_REGISTRY_UNANSWERED: {
    nl: 'Het kentekenregister van de RDW kon het kenteken nu niet controleren. Probeer het later opnieuw.',
    en: 'The RDW vehicle register could not check the licence plate just now. Please try again later.',
  },
  ELIGIBILITY_NOT_REGISTERED_AT_ADDRESS: {
    nl: 'Volgens de Basisregistratie Personen (BRP) woont u niet op dit adres. U kunt alleen een bewonersvergunning aanvragen voor het adres waarop u staat ingeschreven.',
    en: 'According to the population register (BRP) you do not live at this address. You can only apply for a resident permit for the address where you are registered.',
  },
  ELIGIBILITY_BALANCE_NOT_TRANSFERABLE: {
    nl: 'Tegoed kan niet worden overgezet naar of overgenomen van een ander huishouden.',
    en: 'Balance cannot be transferred to or taken over from another household.',
  },
  MOVE_BLOCKED_OTHER_ZONE: {
    nl: 'U bent verhuisd naar een ander parkeergebied ({zone}); uw vergunning is geblokkeerd. U kunt een nieuwe vergunning aanvragen voor het nieuwe gebied.',
    en: 'You have moved to another parking zone ({zone}); your permit has been blocked. You can apply for a new permit for the new zone.',
  },
  MOVE_BLOCKED_ADDRESS_HAS_PERMIT: {
    nl: 'Op uw nieuwe adres is al een vergunning van dit type; uw vergunning is geblokkeerd.',
    en: 'Your new address already has a permit of this type; your permit has been blocked.',
  },
  MOVE_PERMIT_MOVES_ALONG: {
    nl: 'Uw nieuwe adres ({address}) ligt in hetzelfde parkeergebied: de vergunning en het tegoed verhuizen mee.',
    en: 'Your new address ({address}) is in the same parking zone: the permit and its balance move with you.',
  },
  MOVE_ENDED_OTHER_ZONE: {
    nl: 'U bent verhuisd naar een ander parkeergebied ({zone}); uw vergunning is beëindigd en het ongebruikte deel van de periode betalen wij terug. U kunt een nieuwe vergunning aanvragen voor het nieuwe gebied.',
    en: 'You have moved to another parking zone ({zone}); your permit has ended and we pay back the unused part of its term. You can apply for a new permit for the new zone.',
  },
  MOVE_BALANCE_REFUNDED: {
    nl: 'U vroeg het ongebruikte gekochte tegoed van uw geblokkeerde vergunning terug; de vergunning is ingetrokken.',
    en: 'You asked for the unused purchased balance of your blocked permit back; the permit has been revoked.',
  },
  MOVE_REFUND_NOT_BLOCKED: {
    nl: 'Alleen het tegoed van een vergunning die door een verhuizing is geblokkeerd, kunt u terugvragen.',
    en: 'You can only ask back the balance of a permit that a move has blocked.',
  },
  MOVE_DATE_INVALID: {
    nl: '{days, plural, one {De verhuisdatum moet vandaag zijn of in de afgelopen # dag liggen.} other {De verhuisdatum moet vandaag zijn of in de afgelopen # dagen liggen.}}',
    en: '{days, plural, one {The moving date must be today or within the last # day.} other {The moving date must be today or within the last # days.}}',
  },
  MOVE_REVOKED_NO_PAID_PARKING: {
    nl: 'U bent verhuisd naar een gebied zonder betaald parkeren; uw vergunning is ingetrokken.',
    en: 'You have moved to an area without paid parking; your permit has been revoked.',
  },
  WAIVER_REQUEST_BEFORE_FINE_DATE: {
    nl: 'Het verzoek is gedateerd vóór de dagtekening van de naheffingsaanslag ({fineDate}).',
    en: 'The request is dated before the date of the parking fine ({fineDate}).',
  },
  WAIVER_REQUEST_TOO_LATE: {
    nl: '{months, plural, one {Een verzoek om kwijtschelding moest uiterlijk op {deadline} worden ingediend (binnen # maand na de dagtekening van de boete).} other {Een verzoek om kwijtschelding moest uiterlijk op {deadline} worden ingediend (binnen # maanden na de dagtekening van de boete).}}',
    en: '{months, plural, one {A waiver had to be requested no later than {deadline} (within # month of the date of the fine).} other {A waiver had to be requested no later than {deadline} (within # months of the date of the fine).}}',
  },
  WAIVER_YEAR_ALLOWANCE_USED: {
    nl: 'U heeft voor {year} al het maximum aantal kwijtscheldingen via de coulanceregeling ({max}) aangevraagd of gekregen.',
    en: 'You have already requested or received the maximum number of goodwill waivers ({max}) for {year}.',
  },
} as const satisfies MessageTable;
