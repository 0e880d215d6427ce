import type { MessageTable } from './message-table.js';

export const sessionMessages = {} as const satisfies MessageTable;
