// Just enough HTTP/1.1 for the paced client (paced-client.ts): a POST written out once, and a
// reader that finds where each keep-alive response ends (Content-Length or chunked) and gives
// its status. Not a general client: no pipelining, no trailers, no HEAD, no 1xx answers.

/** A complete keep-alive POST request, ready to write to a socket again and again. */
export function requestBytes(url: URL, headers: Record<string, string>, body: string): Buffer {
  const payload = Buffer.from(body);
  const lines = [
    `POST ${url.pathname}${url.search} HTTP/1.1`,
    `host: ${url.host}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    `content-length: ${payload.length}`,
    '',
    '',
  ];
  return Buffer.concat([Buffer.from(lines.join('\r\n')), payload]);
}

const headEnd = Buffer.from('\r\n\r\n');
const lineEnd = Buffer.from('\r\n');

/** Reads responses from one connection's bytes as they come. */
export class ResponseReader {
  private buffered: Buffer = Buffer.alloc(0);

  /** Adds bytes from the socket; returns the status of every response they complete. */
  push(chunk: Buffer): number[] {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    const statuses: number[] = [];
    for (;;) {
      const end = this.responseEnd();
      if (end === undefined) break;
      statuses.push(Number(this.buffered.toString('latin1', 9, 12)));
      this.buffered = this.buffered.subarray(end);
    }
    return statuses;
  }

  /** Where the first buffered response ends, or undefined when it has not all arrived. */
  private responseEnd(): number | undefined {
    const buffer = this.buffered;
    const headLength = buffer.indexOf(headEnd);
    if (headLength < 0) return undefined;
    const head = buffer.toString('latin1', 0, headLength).toLowerCase();
    const bodyStart = headLength + headEnd.length;
    const length = /\r\ncontent-length:\s*(\d+)/.exec(head);
    if (length) {
      const end = bodyStart + Number(length[1]);
      return end <= buffer.length ? end : undefined;
    }
    if (!/\r\ntransfer-encoding:[^\r]*chunked/.test(head)) {
      throw new Error(`a response with neither length nor chunks: ${head.split('\r\n')[0]}`);
    }
    // Chunks: a hex size line, the data and CRLF, until the empty chunk and the final CRLF.
    let at = bodyStart;
    for (;;) {
      const sizeEnd = buffer.indexOf(lineEnd, at);
      if (sizeEnd < 0) return undefined;
      const size = parseInt(buffer.toString('latin1', at, sizeEnd), 16);
      at = sizeEnd + lineEnd.length + size + lineEnd.length;
      if (at > buffer.length) return undefined;
      if (size === 0) return at;
    }
  }
}
