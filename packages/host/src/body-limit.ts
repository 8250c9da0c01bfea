import { errorResponse, HttpError } from './core/http-error.js';

/** The largest request body the reference host reads, unless told otherwise: 64 KiB, far above any contract body. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * The request with its body read up to `maxBytes`, or the answer that refuses it: 413 for a body
 * over the limit (counted as it arrives, whatever Content-Length says) and 415 for a body that is
 * not JSON. Nothing reaches the core, so nothing is written.
 */
export async function boundedRequest(request: Request, maxBytes: number): Promise<Request | Response> {
  if (request.method === 'GET' || request.method === 'HEAD' || request.body === null) return request;
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return errorResponse(tooLarge(maxBytes));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return errorResponse(tooLarge(maxBytes));
    }
    chunks.push(value);
  }
  const type = request.headers.get('content-type') ?? '';
  if (size > 0 && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type.trim())) {
    return errorResponse(
      new HttpError(
        415,
        'unsupported-media-type',
        `Send the body as application/json, not ${type === '' ? 'without a Content-Type' : type}.`,
      ),
    );
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}

const tooLarge = (maxBytes: number) =>
  new HttpError(413, 'body-too-large', `The body is larger than this host reads (${maxBytes} bytes).`);
