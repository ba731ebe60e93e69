-- The registries (internal/registry, docs/registries.md): the person registry,
-- the criminal records, the specimens of signatures and seals, the payments,
-- the special-settlement card index, and the audit log of criminal-record reads.
--
-- Dates are TEXT 'YYYY-MM-DD', which sorts in date order; an unknown date is
-- NULL. Keys are the registries' natural keys, so that an import is an upsert
-- and a second import of the same file changes nothing. A list that belongs
-- to its row and is only ever read and written whole (a person's former
-- names, the children written on a card) is a JSON array in the row: one
-- insert and one read per row (docs/registries.md, "Storage"). The tables are
-- rowid tables, not WITHOUT ROWID: their rows are larger than a twentieth of a
-- page, and an import then appends rows and sorts only the small key index
-- (a third less CPU per imported person than WITHOUT ROWID, BenchmarkImport).

-- The registry of individuals.
CREATE TABLE persons (
    iin         TEXT PRIMARY KEY,
    surname     TEXT NOT NULL,
    given_name  TEXT NOT NULL,
    patronymic  TEXT NOT NULL DEFAULT '',
    sex         TEXT NOT NULL CHECK (sex IN ('M', 'F')),
    birth_date  TEXT NOT NULL,
    birth_place TEXT NOT NULL DEFAULT '',
    nationality TEXT NOT NULL DEFAULT '',
    -- The parents, when the registry knows them. Not foreign keys: a parent may
    -- come in a later file, or not be a resident at all.
    father_iin  TEXT,
    mother_iin  TEXT,
    -- The names the person had before, oldest first: [{"surname", "given_name",
    -- "patronymic", "changed_on": "YYYY-MM-DD", "reason"}], each used until changed_on.
    former_names TEXT NOT NULL DEFAULT '[]'
);
-- Old records without an IIN are matched by the date of birth and the names.
CREATE INDEX persons_birth_date ON persons (birth_date);
CREATE INDEX persons_father ON persons (father_iin) WHERE father_iin IS NOT NULL;
CREATE INDEX persons_mother ON persons (mother_iin) WHERE mother_iin IS NOT NULL;

-- The criminal records: one row per conviction. iin is NULL on old records,
-- which name the person as they were named when convicted.
CREATE TABLE convictions (
    id           TEXT PRIMARY KEY,
    iin          TEXT,
    surname      TEXT NOT NULL,
    given_name   TEXT NOT NULL,
    patronymic   TEXT NOT NULL DEFAULT '',
    birth_date   TEXT NOT NULL,
    article      TEXT NOT NULL,
    court        TEXT NOT NULL,
    convicted_on TEXT NOT NULL,
    sentence     TEXT NOT NULL,
    expunged_on  TEXT,
    removed_on   TEXT
);
CREATE INDEX convictions_iin ON convictions (iin) WHERE iin IS NOT NULL;
CREATE INDEX convictions_old ON convictions (birth_date) WHERE iin IS NULL;

-- Specimens of the signatures and seals of officials of prosecution,
-- investigation and inquiry bodies and of courts (AP-6.2).
CREATE TABLE signatory_specimens (
    id          TEXT PRIMARY KEY,
    surname     TEXT NOT NULL,
    given_name  TEXT NOT NULL,
    patronymic  TEXT NOT NULL DEFAULT '',
    surname_key TEXT NOT NULL, -- registry.Fold(surname)
    position    TEXT NOT NULL,
    body        TEXT NOT NULL,
    body_kind   TEXT NOT NULL CHECK (body_kind IN ('prosecution', 'investigation', 'inquiry', 'court')),
    seal_id     TEXT NOT NULL, -- registry.SealKey(seal): upper case
    valid_from  TEXT NOT NULL,
    valid_to    TEXT
);
CREATE INDEX signatory_specimens_seal ON signatory_specimens (seal_id);
CREATE INDEX signatory_specimens_surname ON signatory_specimens (surname_key);

-- Payments of the state duty: reported by the payment gateway, or receipts an
-- officer confirmed. A payment pays for one application only.
CREATE TABLE payments (
    reference      TEXT PRIMARY KEY,
    payer_iin      TEXT NOT NULL,
    payer_name     TEXT NOT NULL,
    amount_tiyn    INTEGER NOT NULL CHECK (amount_tiyn > 0),
    budget_code    TEXT NOT NULL,
    paid_on        TEXT NOT NULL,
    source         TEXT NOT NULL CHECK (source IN ('gateway', 'receipt')),
    confirmed_by   TEXT NOT NULL DEFAULT '',
    application_id TEXT,
    claimed_at     TIMESTAMP
);
CREATE INDEX payments_payer ON payments (payer_iin, paid_on);
CREATE INDEX payments_application ON payments (application_id) WHERE application_id IS NOT NULL;

-- The card index of persons sent to special settlement 1939–1955 (AR-6.3).
CREATE TABLE settlement_cards (
    id            TEXT PRIMARY KEY,
    surname       TEXT NOT NULL DEFAULT '',
    given_name    TEXT NOT NULL DEFAULT '',
    patronymic    TEXT NOT NULL DEFAULT '',
    sex           TEXT NOT NULL DEFAULT '',
    birth_year    INTEGER,
    birth_place   TEXT NOT NULL DEFAULT '',
    nationality   TEXT NOT NULL DEFAULT '',
    from_region   TEXT NOT NULL DEFAULT '',
    to_region     TEXT NOT NULL DEFAULT '',
    resettled_on  TEXT,
    released_on   TEXT,
    release_basis TEXT NOT NULL DEFAULT '',
    father_id     TEXT NOT NULL DEFAULT '',
    mother_id     TEXT NOT NULL DEFAULT '',
    -- The children written on the card, in its order: [{"card_id", "surname",
    -- "given_name", "patronymic", "birth_year"}]. card_id is the child's own card,
    -- absent for a child under 16 on 1 January 1940 (AR-STD-9).
    children      TEXT NOT NULL DEFAULT '[]'
);

-- Every read of the criminal records: who, when, about whom, why. Append-only.
CREATE TABLE criminal_record_reads (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    read_at            TIMESTAMP NOT NULL,
    actor_id           TEXT NOT NULL,
    actor_role         TEXT NOT NULL,
    subject_iin        TEXT NOT NULL DEFAULT '',
    subject_surname    TEXT NOT NULL DEFAULT '',
    subject_given_name TEXT NOT NULL DEFAULT '',
    subject_patronymic TEXT NOT NULL DEFAULT '',
    subject_birth_date TEXT,
    purpose            TEXT NOT NULL,
    application_id     TEXT NOT NULL DEFAULT '',
    rule               TEXT NOT NULL
);
CREATE INDEX criminal_record_reads_subject ON criminal_record_reads (subject_iin, read_at);
CREATE INDEX criminal_record_reads_actor ON criminal_record_reads (actor_id, read_at);
CREATE TRIGGER criminal_record_reads_no_update BEFORE UPDATE ON criminal_record_reads
BEGIN
    SELECT RAISE(ABORT, 'criminal_record_reads is append-only');
END;
CREATE TRIGGER criminal_record_reads_no_delete BEFORE DELETE ON criminal_record_reads
BEGIN
    SELECT RAISE(ABORT, 'criminal_record_reads is append-only');
END;
