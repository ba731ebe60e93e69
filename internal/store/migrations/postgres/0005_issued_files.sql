-- The signed PDFs that the casework engine issued (internal/casework,
-- docs/adr/0004-automation.md). The e-Register (0004) keeps what the public is
-- told about a document and the SHA-256 of its file, not the file: the
-- applicant downloads it from here. A row is written in the transaction of the
-- command that issued the document, so a rolled-back command leaves no file.
CREATE TABLE issued_files (
    number         text PRIMARY KEY REFERENCES eregister_documents (number), -- the e-Register number
    application_id text NOT NULL REFERENCES casework_applications (id),
    pdf            bytea NOT NULL,
    created_at     timestamptz NOT NULL
);
CREATE INDEX issued_files_application ON issued_files (application_id);
