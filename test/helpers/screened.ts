/**
 * The screened review the screen tests share: 609 of 10,000 cases flagged in the window, 12 found in 109
 * flagged cases reviewed, and none in an elusion sample of 400 unflagged cases.
 */
export const screenedWindow = {
  period: "2023-12-01/2024-02-29",
  cases: 10_000,
  flagged: 609,
  reviewed: 109,
  found: 12,
  unflaggedReviewed: 400,
  unflaggedFound: 0,
} as const;

/** The span of the screened review's scenario. */
export const screenedSpan = "2019-01-01/2024-02-29";
