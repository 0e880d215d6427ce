import { graphql } from '../../../app/graphql.js';

/** What a move does to one permit (docs/rules.md §2 moving). */
export const PermitMoveOutcomeFragment = graphql(`
  fragment PermitMoveOutcomeView on PermitMoveOutcome @_unmask {
    permitId
    productName
    addressLabel
    zoneCode
    action
    rule
    message
    refundCents
    refundOnRequestCents
    applyInZoneCode
  }
`);

/** The preview of a move: the new address and what happens to each permit. Nothing is stored. */
export const MovePreviewQuery = graphql(
  `
    query MovePreview($input: MoveInput!) {
      movePreview(input: $input) {
        addressLabel
        zoneCode
        movedOn
        done
        permits {
          ...PermitMoveOutcomeView
        }
      }
    }
  `,
  [PermitMoveOutcomeFragment],
);

/** Reports the move: each permit as the preview said. */
export const ReportMoveMutation = graphql(
  `
    mutation ReportMove($input: MoveInput!) {
      reportMove(input: $input) {
        addressLabel
        zoneCode
        movedOn
        done
        permits {
          ...PermitMoveOutcomeView
        }
      }
    }
  `,
  [PermitMoveOutcomeFragment],
);

/** Asks back the unused purchase of a visitor permit the move blocked. */
export const RequestMoveRefundMutation = graphql(`
  mutation RequestMoveRefund($permitId: ID!) {
    requestMoveRefund(permitId: $permitId)
  }
`);
