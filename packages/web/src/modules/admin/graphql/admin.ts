import { graphql } from '../../../app/graphql.js';

export const AdminMunicipalityQuery = graphql(`
  query AdminMunicipality {
    adminMunicipality {
      id
      name
    }
  }
`);

export const ZoneOccupancyQuery = graphql(`
  query ZoneOccupancy {
    zoneOccupancy {
      zoneId
      zoneCode
      zoneName
      running
      at
    }
  }
`);

export const ZoneOccupancyChangedSubscription = graphql(`
  subscription ZoneOccupancyChanged {
    zoneOccupancyChanged {
      zoneId
      running
      at
    }
  }
`);

export const SessionStartsTodayQuery = graphql(`
  query SessionStartsToday {
    sessionStartsToday {
      hour
      start
      count
    }
  }
`);

export const ZoneOccupancyTodayQuery = graphql(`
  query ZoneOccupancyToday {
    zoneOccupancyToday {
      zoneId
      hours {
        hour
        start
        sessions
      }
    }
  }
`);

export const auditPageSize = 20;

export const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditLogFilter, $first: Int!, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          actor
          action
          subjectType
          subjectId
          subjectLabel
          before
          after
          balanceUnit
        }
      }
    }
  }
`);
