import { useQuery } from 'urql';
import { ErrorNotice } from '../../../app/ui/error-notice.js';
import { LetterList } from '../../admin-applications/components/letter-list.js';
import { AdminPermitLettersQuery } from '../graphql/permits.js';

/**
 * The permit's decision letters, each mailed again on request (docs/rules.md §1 Letters):
 * also those of no application (ended, moved, a new PIN), which no application page lists.
 */
export function LettersSection({ permitId }: { permitId: string }) {
  const [result] = useQuery({
    query: AdminPermitLettersQuery,
    variables: { permitId },
    requestPolicy: 'cache-and-network',
  });
  if (result.error) return <ErrorNotice error={result.error} />;
  return <LetterList letters={result.data?.permitLetters ?? []} resentNotice="resentToHolder" />;
}
