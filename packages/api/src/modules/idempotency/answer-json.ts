/**
 * A stored answer as JSON text and back, dates included: JSON alone would give them back as
 * strings, and a replay must answer with the same values as the first call.
 */
const dateTag = '$date';

export function answerToJson(answer: unknown): string {
  return JSON.stringify(answer, function (this: Record<string, unknown>, name, value: unknown) {
    // `value` has been through Date#toJSON already; the holder still has the Date itself.
    const original = this[name];
    return original instanceof Date ? { [dateTag]: original.toISOString() } : value;
  });
}

export function answerFromJson<T>(text: string): T {
  return JSON.parse(text, (_name, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const tagged = (value as Record<string, unknown>)[dateTag];
      if (keys.length === 1 && typeof tagged === 'string') return new Date(tagged);
    }
    return value;
  }) as T;
}
