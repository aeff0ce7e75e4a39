-- 0013_documents (issue 20, part D): the administrative document (.docx, and its .pdf when
-- LibreOffice converted it) built with each draft and issued with each report, stored as blobs
-- beside the workbook. '' for a draft or an issue made before this step, or without a document.
ALTER TABLE drafts ADD COLUMN doc_name   TEXT NOT NULL DEFAULT '';
ALTER TABLE drafts ADD COLUMN doc_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE issues ADD COLUMN doc_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE issues ADD COLUMN pdf_sha256 TEXT NOT NULL DEFAULT '';
