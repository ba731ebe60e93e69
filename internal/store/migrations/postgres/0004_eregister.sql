-- The e-Register of issued documents (internal/eregister, docs/eregister.md).
--
-- One row per document Qyzmet issued: what the public e-Register answers about
-- it, the SHA-256 of the signed file (to tell an unaltered original from a
-- copy), and its status. The PDF itself is not kept here. kind, issuer and
-- capacity are i18n.Text as JSON, as they stood when the document was issued.
CREATE TABLE eregister_documents (
    number         text PRIMARY KEY,          -- CR-2026-4831-0275-3
    form           text NOT NULL,             -- the form's ID
    kind           text NOT NULL,             -- the form's title
    issuer         text NOT NULL,             -- the issuing body
    signer         text NOT NULL,             -- the official who signed
    capacity       text NOT NULL,             -- the official's capacity
    certificate    text NOT NULL,             -- subject of the signing certificate
    issued_at      timestamptz NOT NULL,
    issued_on      text NOT NULL,             -- YYYY-MM-DD in Almaty, as the paper shows it
    holder         text NOT NULL,             -- shown only to whoever gives the number and the date or code
    code_hash      text NOT NULL,             -- hex SHA-256 of the QR link's verification code
    sha256         text NOT NULL,             -- hex SHA-256 of the signed PDF
    size           bigint NOT NULL,
    specimen       boolean NOT NULL DEFAULT false, -- sample data (qyzmet render --sample), not a real document
    application_id text NOT NULL DEFAULT '',  -- the casework application it answers, if any
    status         text NOT NULL,             -- valid | annulled
    annulled_at    timestamptz,
    annul_reason   text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX eregister_documents_sha256 ON eregister_documents (sha256);
CREATE INDEX eregister_documents_application ON eregister_documents (application_id);

-- Every issue and annulment as an event: who, when, why.
CREATE TABLE eregister_events (
    seq    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number text NOT NULL REFERENCES eregister_documents (number),
    type   text NOT NULL,                     -- issued | annulled
    actor  text NOT NULL,
    at     timestamptz NOT NULL,
    reason text NOT NULL DEFAULT '',
    note   text NOT NULL DEFAULT ''
);
CREATE INDEX eregister_events_number ON eregister_events (number, seq);
