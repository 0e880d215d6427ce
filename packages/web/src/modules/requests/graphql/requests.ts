import { graphql } from '../../../app/graphql.js';

export const PermitRequestsQuery = graphql(`
  query PermitRequests($permitId: ID!) {
    permitRequests(permitId: $permitId) {
      permitId
      timeZone
      waiver {
        perCalendarYear
        requestWithinMonths
      }
      care {
        period
        limitMinutes
        permitStart
        remainingMinutes
        nextPeriodStart
        counted {
          at
          minutes
        }
      }
      fineWaivers {
        id
        fineReference
        fineDate
        plate
        reason
        status
        requestedAt
        decisionReason
        decidedAt
      }
      careRequests {
        id
        minutes
        carerStatement
        status
        requestedAt
        decisionReason
        decidedAt
      }
    }
  }
`);

export const RequestFineWaiverMutation = graphql(`
  mutation RequestFineWaiver($input: RequestFineWaiverInput!) {
    requestFineWaiver(input: $input) {
      id
      fineReference
      status
    }
  }
`);

export const RequestCareHoursMutation = graphql(`
  mutation RequestCareHours($input: RequestCareHoursInput!) {
    requestCareHours(input: $input) {
      id
      minutes
      status
    }
  }
`);
