-- Who may act for a legal entity (internal/auth/bin.go): a stand-in for the
-- state register of legal entities (its head) and for notarized powers of
-- attorney (poa). A citizen linked to a BIN may switch their session to act
-- for it (auth_sessions.bin); a POA counts only until its valid_until.
-- Dates are calendar days written YYYY-MM-DD, like the registries' dates.
CREATE TABLE auth_bin_links (
    bin           TEXT NOT NULL,             -- 12 digits with a valid check digit
    org_name      TEXT NOT NULL,
    iin           TEXT NOT NULL,             -- the person who acts
    capacity      TEXT NOT NULL,             -- head | poa
    poa_number    TEXT NOT NULL DEFAULT '',  -- poa only: the notarized power of attorney
    poa_notary    TEXT NOT NULL DEFAULT '',
    poa_issued_on TEXT NOT NULL DEFAULT '',
    valid_until   TEXT NOT NULL DEFAULT '',  -- empty: no end date
    created_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (bin, iin)
);
CREATE INDEX auth_bin_links_iin ON auth_bin_links (iin);

-- The name of the organisation a session acts for, shown in the page header.
ALTER TABLE auth_sessions ADD COLUMN org_name TEXT NOT NULL DEFAULT '';
