import type { MessageTable } from './message-table.js';

export const eligibilityMessages = {} as const satisfies MessageTable;
