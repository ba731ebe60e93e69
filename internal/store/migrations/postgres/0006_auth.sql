-- Sign-in (internal/auth, docs/adr/0005-sign-in.md).
--
-- Sessions: the browser holds a random 256-bit token; only its SHA-256 is kept
-- here, so a copy of the database signs nobody in. A session ends at
-- expires_at or when revoked (sign-out).
CREATE TABLE auth_sessions (
    id_hash     text PRIMARY KEY,          -- hex SHA-256 of the cookie's token
    kind        text NOT NULL,             -- citizen | staff
    subject     text NOT NULL,             -- the citizen's IIN or the staff user's login
    name        text NOT NULL DEFAULT '',
    roles       text NOT NULL,             -- comma-separated casework roles
    branch      text NOT NULL DEFAULT '',
    bin         text NOT NULL DEFAULT '',  -- a legal entity the citizen acts for (not set yet)
    csrf_token  text NOT NULL,             -- the forms' hidden token of this session
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX auth_sessions_subject ON auth_sessions (kind, subject);

-- One-time passwords sent by SMS (CR-STD-8.3): the code is kept only as a
-- SHA-256 keyed with the challenge token that the browser alone holds.
CREATE TABLE auth_otp_challenges (
    id_hash     text PRIMARY KEY,          -- hex SHA-256 of the challenge token
    iin         text NOT NULL,
    phone       text NOT NULL,
    code_hash   text NOT NULL,
    client      text NOT NULL DEFAULT '',  -- the requesting address
    attempts    integer NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX auth_otp_challenges_phone ON auth_otp_challenges (phone, created_at);

-- The mobile number registered on a citizen's portal account: where the OTP goes.
CREATE TABLE auth_portal_phones (
    iin         text PRIMARY KEY,
    phone       text NOT NULL,             -- +7XXXXXXXXXX
    updated_at  timestamptz NOT NULL
);

-- Staff accounts: argon2id password hashes in PHC string form.
CREATE TABLE auth_users (
    login         text PRIMARY KEY,
    name          text NOT NULL DEFAULT '',
    password_hash text NOT NULL,
    roles         text NOT NULL,           -- comma-separated casework roles
    branch        text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL,
    disabled_at   timestamptz
);
