-- The registries (internal/registry, docs/registries.md): the person registry,
-- the criminal records, the specimens of signatures and seals, the payments,
-- the special-settlement card index, and the audit log of criminal-record reads.
--
-- An unknown date is NULL. Keys are the registries' natural keys, so that an
-- import is an upsert and a second import of the same file changes nothing. A
-- list that belongs to its row and is only ever read and written whole (a
-- person's former names, the children written on a card) is a JSON array in
-- the row: one insert and one read per row (docs/registries.md, "Storage").

-- The registry of individuals.
CREATE TABLE persons (
    iin         text PRIMARY KEY,
    surname     text NOT NULL,
    given_name  text NOT NULL,
    patronymic  text NOT NULL DEFAULT '',
    sex         text NOT NULL CHECK (sex IN ('M', 'F')),
    birth_date  date NOT NULL,
    birth_place text NOT NULL DEFAULT '',
    nationality text NOT NULL DEFAULT '',
    -- The parents, when the registry knows them. Not foreign keys: a parent may
    -- come in a later file, or not be a resident at all.
    father_iin  text,
    mother_iin  text,
    -- The names the person had before, oldest first: [{"surname", "given_name",
    -- "patronymic", "changed_on": "YYYY-MM-DD", "reason"}], each used until changed_on.
    former_names jsonb NOT NULL DEFAULT '[]'
);
-- Old records without an IIN are matched by the date of birth and the names.
CREATE INDEX persons_birth_date ON persons (birth_date);
CREATE INDEX persons_father ON persons (father_iin) WHERE father_iin IS NOT NULL;
CREATE INDEX persons_mother ON persons (mother_iin) WHERE mother_iin IS NOT NULL;

-- The criminal records: one row per conviction. iin is NULL on old records,
-- which name the person as they were named when convicted.
CREATE TABLE convictions (
    id           text PRIMARY KEY,
    iin          text,
    surname      text NOT NULL,
    given_name   text NOT NULL,
    patronymic   text NOT NULL DEFAULT '',
    birth_date   date NOT NULL,
    article      text NOT NULL,
    court        text NOT NULL,
    convicted_on date NOT NULL,
    sentence     text NOT NULL,
    expunged_on  date,
    removed_on   date
);
CREATE INDEX convictions_iin ON convictions (iin) WHERE iin IS NOT NULL;
CREATE INDEX convictions_old ON convictions (birth_date) WHERE iin IS NULL;

-- Specimens of the signatures and seals of officials of prosecution,
-- investigation and inquiry bodies and of courts (AP-6.2).
CREATE TABLE signatory_specimens (
    id          text PRIMARY KEY,
    surname     text NOT NULL,
    given_name  text NOT NULL,
    patronymic  text NOT NULL DEFAULT '',
    surname_key text NOT NULL, -- registry.Fold(surname)
    position    text NOT NULL,
    body        text NOT NULL,
    body_kind   text NOT NULL CHECK (body_kind IN ('prosecution', 'investigation', 'inquiry', 'court')),
    seal_id     text NOT NULL, -- registry.SealKey(seal): upper case
    valid_from  date NOT NULL,
    valid_to    date
);
CREATE INDEX signatory_specimens_seal ON signatory_specimens (seal_id);
CREATE INDEX signatory_specimens_surname ON signatory_specimens (surname_key);

-- Payments of the state duty: reported by the payment gateway, or receipts an
-- officer confirmed. A payment pays for one application only.
CREATE TABLE payments (
    reference      text PRIMARY KEY,
    payer_iin      text NOT NULL,
    payer_name     text NOT NULL,
    amount_tiyn    bigint NOT NULL CHECK (amount_tiyn > 0),
    budget_code    text NOT NULL,
    paid_on        date NOT NULL,
    source         text NOT NULL CHECK (source IN ('gateway', 'receipt')),
    confirmed_by   text NOT NULL DEFAULT '',
    application_id text,
    claimed_at     timestamptz
);
CREATE INDEX payments_payer ON payments (payer_iin, paid_on);
CREATE INDEX payments_application ON payments (application_id) WHERE application_id IS NOT NULL;

-- The card index of persons sent to special settlement 1939–1955 (AR-6.3).
CREATE TABLE settlement_cards (
    id            text PRIMARY KEY,
    surname       text NOT NULL DEFAULT '',
    given_name    text NOT NULL DEFAULT '',
    patronymic    text NOT NULL DEFAULT '',
    sex           text NOT NULL DEFAULT '',
    birth_year    integer,
    birth_place   text NOT NULL DEFAULT '',
    nationality   text NOT NULL DEFAULT '',
    from_region   text NOT NULL DEFAULT '',
    to_region     text NOT NULL DEFAULT '',
    resettled_on  date,
    released_on   date,
    release_basis text NOT NULL DEFAULT '',
    father_id     text NOT NULL DEFAULT '',
    mother_id     text NOT NULL DEFAULT '',
    -- The children written on the card, in its order: [{"card_id", "surname",
    -- "given_name", "patronymic", "birth_year"}]. card_id is the child's own card,
    -- absent for a child under 16 on 1 January 1940 (AR-STD-9).
    children      jsonb NOT NULL DEFAULT '[]'
);

-- Every read of the criminal records: who, when, about whom, why. Append-only.
CREATE TABLE criminal_record_reads (
    id                 bigserial PRIMARY KEY,
    read_at            timestamptz NOT NULL,
    actor_id           text NOT NULL,
    actor_role         text NOT NULL,
    subject_iin        text NOT NULL DEFAULT '',
    subject_surname    text NOT NULL DEFAULT '',
    subject_given_name text NOT NULL DEFAULT '',
    subject_patronymic text NOT NULL DEFAULT '',
    subject_birth_date date,
    purpose            text NOT NULL,
    application_id     text NOT NULL DEFAULT '',
    rule               text NOT NULL
);
CREATE INDEX criminal_record_reads_subject ON criminal_record_reads (subject_iin, read_at);
CREATE INDEX criminal_record_reads_actor ON criminal_record_reads (actor_id, read_at);
CREATE FUNCTION criminal_record_reads_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'criminal_record_reads is append-only';
END
$$;
CREATE TRIGGER criminal_record_reads_no_change BEFORE UPDATE OR DELETE ON criminal_record_reads
    FOR EACH ROW EXECUTE FUNCTION criminal_record_reads_append_only();
