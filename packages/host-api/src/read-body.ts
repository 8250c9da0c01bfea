/** Calls `react` once `signal` aborts, until the returned function is called; no signal, no call. */
export function onAbort(signal: AbortSignal | undefined, react: () => void): () => void {
  signal?.addEventListener('abort', react, { once: true });
  return () => signal?.removeEventListener('abort', react);
}

/**
 * Reads a response's body as UTF-8 text, ending as soon as `signal` aborts: then it cancels the
 * body and rejects with the signal's reason. `response.text()` alone waits as long as the body
 * stalls, whatever the signal, when a `fetch` (a wrapper, a mock, a service worker) does not tie the
 * body's stream to it.
 */
export async function readBodyText(response: Response, signal: AbortSignal): Promise<string> {
  signal.throwIfAborted();
  if (!response.body) return '';
  const reader = response.body.getReader();
  // Cancelling through the reader settles its pending read at once; the cancel itself is not awaited,
  // since some streams never settle it.
  const stop = onAbort(signal, () => void reader.cancel(signal.reason).catch(() => undefined));
  try {
    const decoder = new TextDecoder();
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      signal.throwIfAborted();
      if (done) return text + decoder.decode();
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    stop();
    reader.releaseLock();
  }
}

/**
 * `promise`, or a rejection with `signal`'s reason as soon as it aborts: a deadline that holds
 * whether or not the work behind `promise` (a custom `fetch`, a headers function) heeds the signal.
 */
export function settledBy<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    promise.then(resolve, reject).finally(onAbort(signal, () => reject(signal.reason as Error)));
  });
}
