/** `YYYY-MM-DDTHH:mm` in the browser's zone, as a datetime-local input wants it. */
export const toLocalInput = (date: Date): string =>
  new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
