const hidden = '•••';

/**
 * An e-mail address with all but its first letters and top-level domain hidden, e.g.
 * `a•••@d•••.nl`: enough to tell two mails apart in the back office, not to know who they were
 * for (docs/security.md, "Personal data in the back office's dead letter").
 */
export function maskedRecipient(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return hidden;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const topLevel = dot > 0 ? domain.slice(dot) : '';
  const domainStart = domain.length > 0 ? domain[0] : '';
  return `${[...local][0]}${hidden}@${domainStart}${hidden}${topLevel}`;
}
