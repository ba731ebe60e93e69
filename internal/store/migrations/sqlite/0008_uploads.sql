-- The portal's application forms (internal/web/apply, internal/upload,
-- internal/auth/confirm.go).
--
-- Files an applicant uploads with an application (scans of the document to
-- apostille, kinship documents, a duty receipt). Only PDF, JPEG and PNG whose
-- content was checked are stored; the type is the one detected, never the
-- browser's. casework.DocumentInput.FileRef holds the id.
CREATE TABLE upload_files (
    id          TEXT PRIMARY KEY,          -- random, URL-safe
    owner_iin   TEXT NOT NULL,             -- who uploaded it
    sha256      TEXT NOT NULL,             -- hex SHA-256 of the bytes
    media_type  TEXT NOT NULL,             -- application/pdf | image/jpeg | image/png
    name        TEXT NOT NULL DEFAULT '',  -- the file name the browser gave, shown only
    size        INTEGER NOT NULL,
    bytes       BLOB NOT NULL,
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX upload_files_owner ON upload_files (owner_iin, created_at);

-- An application between its form and its certification with a one-time
-- password: the form's values (JSON of the page's own input), the payment
-- once made, and the application it became. The form's idempotency key makes
-- a double-posted form one draft.
CREATE TABLE apply_drafts (
    id             TEXT PRIMARY KEY,
    owner_iin      TEXT NOT NULL,
    form_key       TEXT NOT NULL,          -- the hidden idempotency key of the rendered form
    service        TEXT NOT NULL,
    input          TEXT NOT NULL,          -- JSON
    application_id TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL,
    UNIQUE (owner_iin, form_key)
);

-- One-time passwords that certify an action of a signed-in citizen (an
-- e-request, CR-STD-8.3; a consent given on the spot, CR-STD-8.4). Kept apart
-- from the sign-in challenges so that a confirmation code can never open a
-- session. The code is kept as an HMAC keyed with the token only the browser
-- holds; purpose and subject bind it to the one thing it certifies.
CREATE TABLE auth_confirmations (
    id_hash     TEXT PRIMARY KEY,          -- hex SHA-256 of the challenge token
    purpose     TEXT NOT NULL,             -- what is certified, e.g. submit:<draft id>
    iin         TEXT NOT NULL,             -- whose phone the code went to
    requester   TEXT NOT NULL,             -- the signed-in citizen who asked
    phone       TEXT NOT NULL,
    code_hash   TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP
);
CREATE INDEX auth_confirmations_phone ON auth_confirmations (phone, created_at);
