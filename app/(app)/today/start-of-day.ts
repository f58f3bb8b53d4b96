/** Local midnight in the browser, the start of "today" for a rep's own list. */
export function startOfToday(): Date {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d;
}
