/**
 * The largest request the API reads into memory: an HTTP body, and one WebSocket message. The
 * largest real operation is a few kilobytes; one limit for both paths leaves no way around it.
 */
export const maxRequestBytes = 1024 * 1024;
