-- 0017_submissions_unit_file (issue 23, part D): intake asks, for every workbook, whether the unit
-- sent the same file before (SubmittedBefore, for the reply limit). Without an index that read
-- every submission ever recorded, once a workbook: a drain of n files cost n² / 2 row reads.
CREATE INDEX submissions_unit_file ON submissions (unit, file_sha256);
