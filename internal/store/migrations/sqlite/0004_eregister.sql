-- The e-Register of issued documents (internal/eregister, docs/eregister.md).
--
-- One row per document Qyzmet issued: what the public e-Register answers about
-- it, the SHA-256 of the signed file (to tell an unaltered original from a
-- copy), and its status. The PDF itself is not kept here. kind, issuer and
-- capacity are i18n.Text as JSON, as they stood when the document was issued.
CREATE TABLE eregister_documents (
    number         TEXT PRIMARY KEY,          -- CR-2026-4831-0275-3
    form           TEXT NOT NULL,             -- the form's ID
    kind           TEXT NOT NULL,             -- the form's title
    issuer         TEXT NOT NULL,             -- the issuing body
    signer         TEXT NOT NULL,             -- the official who signed
    capacity       TEXT NOT NULL,             -- the official's capacity
    certificate    TEXT NOT NULL,             -- subject of the signing certificate
    issued_at      TIMESTAMP NOT NULL,
    issued_on      TEXT NOT NULL,             -- YYYY-MM-DD in Almaty, as the paper shows it
    holder         TEXT NOT NULL,             -- shown only to whoever gives the number and the date or code
    code_hash      TEXT NOT NULL,             -- hex SHA-256 of the QR link's verification code
    sha256         TEXT NOT NULL,             -- hex SHA-256 of the signed PDF
    size           INTEGER NOT NULL,
    specimen       INTEGER NOT NULL DEFAULT 0, -- sample data (qyzmet render --sample), not a real document
    application_id TEXT NOT NULL DEFAULT '',  -- the casework application it answers, if any
    status         TEXT NOT NULL,             -- valid | annulled
    annulled_at    TIMESTAMP,
    annul_reason   TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX eregister_documents_sha256 ON eregister_documents (sha256);
CREATE INDEX eregister_documents_application ON eregister_documents (application_id);

-- Every issue and annulment as an event: who, when, why.
CREATE TABLE eregister_events (
    seq    INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT NOT NULL REFERENCES eregister_documents (number),
    type   TEXT NOT NULL,                     -- issued | annulled
    actor  TEXT NOT NULL,
    at     TIMESTAMP NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    note   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX eregister_events_number ON eregister_events (number, seq);
