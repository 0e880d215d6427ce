import { graphql } from '../../../app/graphql.js';

export const DeadLetteredJobsQuery = graphql(`
  query DeadLetteredJobs {
    deadLetteredJobs {
      id
      kind
      subject
      recipient
      attempts
      lastError
      deadAt
    }
  }
`);

export const RetryDeadLetteredJobMutation = graphql(`
  mutation RetryDeadLetteredJob($id: ID!) {
    retryDeadLetteredJob(id: $id) {
      id
      attempts
      deadAt
      runAt
    }
  }
`);
