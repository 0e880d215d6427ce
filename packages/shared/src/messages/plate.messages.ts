import type { MessageTable } from './message-table.js';

export const plateMessages = {} as const satisfies MessageTable;
