/**
 * The SSCS review as published (the hmcts-sscs example) as assess's flags: the span, the examined window and
 * its counts, 1 found in 109 reviewed of 609 flagged; how the 109 were chosen not given.
 */
export const sscsWindowFlags = [
  "--span",
  "2019-01-01/2024-02-29",
  "--window",
  "2023-12-01/2024-02-29",
  "--flagged",
  "609",
  "--reviewed",
  "109",
  "--found",
  "1",
];

/** The SSCS review's flags with its selection as published: unknown. */
export const sscsFlags = [...sscsWindowFlags, "--selection", "unknown"];
