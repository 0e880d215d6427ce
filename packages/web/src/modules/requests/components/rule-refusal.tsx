import { errorMessage, type MessageParams } from '@parkeer/shared/messages/error-catalogue';
import { useFormats, type Formats } from '../../../app/ui/format.js';
import type { RuleRefusal } from '../request-rules.js';

const minuteParams = new Set(['requested', 'remaining', 'limit']);
const localDate = /^\d{4}-\d{2}-\d{2}$/;

/** A rule's parameters as the API would word them: hours as `100 u`, dates as `1 december 2026`. */
function shown(refusal: RuleRefusal, format: Formats): MessageParams {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(refusal.params)) {
    if (typeof value === 'number' && minuteParams.has(name)) {
      params[name] = format.balance(value, 'minutes');
    } else if (typeof value === 'string' && localDate.test(value)) {
      // Noon UTC lies on the same date in the Netherlands all year.
      params[name] = format.date(new Date(`${value}T12:00:00Z`));
    } else {
      params[name] = value;
    }
  }
  return params;
}

/**
 * Why a request cannot be sent, found in the browser by the same rule the API applies, in the
 * words of the shared catalogue: the holder learns it before sending, not after.
 */
export function RuleRefusalNotice({
  refusal,
  title,
}: {
  refusal: RuleRefusal | null;
  title: string;
}) {
  const format = useFormats();
  if (!refusal) return null;
  return (
    <div className="notice notice--warning" role="alert" tabIndex={-1} data-testid="rule-refusal">
      <strong>{title}</strong> {errorMessage(refusal.code, format.language, shown(refusal, format))}
    </div>
  );
}
