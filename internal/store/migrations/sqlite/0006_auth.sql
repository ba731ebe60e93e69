-- Sign-in (internal/auth, docs/adr/0005-sign-in.md).
--
-- Sessions: the browser holds a random 256-bit token; only its SHA-256 is kept
-- here, so a copy of the database signs nobody in. A session ends at
-- expires_at or when revoked (sign-out).
CREATE TABLE auth_sessions (
    id_hash     TEXT PRIMARY KEY,          -- hex SHA-256 of the cookie's token
    kind        TEXT NOT NULL,             -- citizen | staff
    subject     TEXT NOT NULL,             -- the citizen's IIN or the staff user's login
    name        TEXT NOT NULL DEFAULT '',
    roles       TEXT NOT NULL,             -- comma-separated casework roles
    branch      TEXT NOT NULL DEFAULT '',
    bin         TEXT NOT NULL DEFAULT '',  -- a legal entity the citizen acts for (not set yet)
    csrf_token  TEXT NOT NULL,             -- the forms' hidden token of this session
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    revoked_at  TIMESTAMP
);
CREATE INDEX auth_sessions_subject ON auth_sessions (kind, subject);

-- One-time passwords sent by SMS (CR-STD-8.3): the code is kept only as a
-- SHA-256 keyed with the challenge token that the browser alone holds.
CREATE TABLE auth_otp_challenges (
    id_hash     TEXT PRIMARY KEY,          -- hex SHA-256 of the challenge token
    iin         TEXT NOT NULL,
    phone       TEXT NOT NULL,
    code_hash   TEXT NOT NULL,
    client      TEXT NOT NULL DEFAULT '',  -- the requesting address
    attempts    INTEGER NOT NULL DEFAULT 0,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP
);
CREATE INDEX auth_otp_challenges_phone ON auth_otp_challenges (phone, created_at);

-- The mobile number registered on a citizen's portal account: where the OTP goes.
CREATE TABLE auth_portal_phones (
    iin         TEXT PRIMARY KEY,
    phone       TEXT NOT NULL,             -- +7XXXXXXXXXX
    updated_at  TIMESTAMP NOT NULL
);

-- Staff accounts: argon2id password hashes in PHC string form.
CREATE TABLE auth_users (
    login         TEXT PRIMARY KEY,
    name          TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    roles         TEXT NOT NULL,           -- comma-separated casework roles
    branch        TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL,
    disabled_at   TIMESTAMP
);
