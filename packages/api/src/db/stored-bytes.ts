/**
 * A blob column's value as a Buffer: PostgreSQL's driver answers a Buffer, SQLite's (libsql) an
 * ArrayBuffer.
 */
export function storedBytes(value: Buffer | ArrayBuffer | Uint8Array): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.length);
  return Buffer.from(value);
}
