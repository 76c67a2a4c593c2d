/** Unique message ids every OCPI request and response carries (transport_and_format: Unique message IDs). */
export const X_REQUEST_ID = 'X-Request-ID';
export const X_CORRELATION_ID = 'X-Correlation-ID';
/** Pagination headers of a GET list (transport_and_format: Paginated Response). */
export const X_TOTAL_COUNT = 'X-Total-Count';
export const X_LIMIT = 'X-Limit';
export const LINK = 'Link';
