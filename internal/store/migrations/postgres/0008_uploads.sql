-- The portal's application forms (internal/web/apply, internal/upload,
-- internal/auth/confirm.go).
--
-- Files an applicant uploads with an application (scans of the document to
-- apostille, kinship documents, a duty receipt). Only PDF, JPEG and PNG whose
-- content was checked are stored; the type is the one detected, never the
-- browser's. casework.DocumentInput.FileRef holds the id.
CREATE TABLE upload_files (
    id          text PRIMARY KEY,          -- random, URL-safe
    owner_iin   text NOT NULL,             -- who uploaded it
    sha256      text NOT NULL,             -- hex SHA-256 of the bytes
    media_type  text NOT NULL,             -- application/pdf | image/jpeg | image/png
    name        text NOT NULL DEFAULT '',  -- the file name the browser gave, shown only
    size        integer NOT NULL,
    bytes       bytea NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX upload_files_owner ON upload_files (owner_iin, created_at);

-- An application between its form and its certification with a one-time
-- password: the form's values (JSON of the page's own input), the payment
-- once made, and the application it became. The form's idempotency key makes
-- a double-posted form one draft.
CREATE TABLE apply_drafts (
    id             text PRIMARY KEY,
    owner_iin      text NOT NULL,
    form_key       text NOT NULL,          -- the hidden idempotency key of the rendered form
    service        text NOT NULL,
    input          text NOT NULL,          -- JSON
    application_id text NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    UNIQUE (owner_iin, form_key)
);

-- One-time passwords that certify an action of a signed-in citizen (an
-- e-request, CR-STD-8.3; a consent given on the spot, CR-STD-8.4). Kept apart
-- from the sign-in challenges so that a confirmation code can never open a
-- session. The code is kept as an HMAC keyed with the token only the browser
-- holds; purpose and subject bind it to the one thing it certifies.
CREATE TABLE auth_confirmations (
    id_hash     text PRIMARY KEY,          -- hex SHA-256 of the challenge token
    purpose     text NOT NULL,             -- what is certified, e.g. submit:<draft id>
    iin         text NOT NULL,             -- whose phone the code went to
    requester   text NOT NULL,             -- the signed-in citizen who asked
    phone       text NOT NULL,
    code_hash   text NOT NULL,
    attempts    integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX auth_confirmations_phone ON auth_confirmations (phone, created_at);
