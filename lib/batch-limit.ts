/**
 * Most calls one tRPC request may batch. One GET once batched 105 leaderboard calls and held the
 * only thread for 82 s (issue 11); a page batches a handful. The server refuses more with a 400,
 * and the browser's link splits at the same number.
 */
export const MAX_BATCH_CALLS = 10;
