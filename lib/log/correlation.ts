/** The header that carries a request's correlation id, from proxy.ts to the logs of its errors. */
export const CORRELATION_HEADER = "x-correlation-id";
