import type { MessageTable } from './message-table.js';

export const topUpMessages = {} as const satisfies MessageTable;
