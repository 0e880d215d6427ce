// The application's GraphQL shape is the permit counter's (modules/counter): the back office
// shows the same type the applicant sees.
export {
  ApplicationKindEnum,
  ApplicationStatusEnum,
  CounterRefusalDto,
  PermitApplicationDto,
  ReviewCaseEnum,
} from '../counter/counter.types.js';
