-- The application engine (internal/casework, docs/adr/0003-casework.md).
--
-- casework_applications holds each application as a JSON document (doc) with the
-- columns that lists filter on beside it. version is the optimistic-concurrency
-- counter: every command updates the row WHERE id = ? AND version = ?.
CREATE TABLE casework_applications (
    id                 TEXT PRIMARY KEY,
    service            TEXT NOT NULL,
    standard_version   TEXT NOT NULL,
    channel            TEXT NOT NULL,
    state              TEXT NOT NULL,
    version            INTEGER NOT NULL,
    provider           TEXT NOT NULL,
    number             TEXT,
    applicant_iin      TEXT NOT NULL DEFAULT '',
    applicant_bin      TEXT NOT NULL DEFAULT '',
    representative_iin TEXT NOT NULL DEFAULT '',
    subject_iin        TEXT NOT NULL DEFAULT '',
    branch             TEXT NOT NULL DEFAULT '',
    pickup_branch      TEXT NOT NULL DEFAULT '',
    assignee           TEXT NOT NULL DEFAULT '',
    deadline_on        TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD, Almaty
    overdue            INTEGER NOT NULL DEFAULT 0,
    created_at         TIMESTAMP NOT NULL,
    updated_at         TIMESTAMP NOT NULL,
    doc                TEXT NOT NULL
);
-- Rule AP-6.1: journal numbers are unique per provider.
CREATE UNIQUE INDEX casework_applications_number ON casework_applications (provider, number);
CREATE INDEX casework_applications_created ON casework_applications (created_at, id);
CREATE INDEX casework_applications_applicant ON casework_applications (applicant_iin);
CREATE INDEX casework_applications_applicant_bin ON casework_applications (applicant_bin);
CREATE INDEX casework_applications_representative ON casework_applications (representative_iin);
CREATE INDEX casework_applications_subject ON casework_applications (subject_iin);
CREATE INDEX casework_applications_state ON casework_applications (service, state);

-- The event log: the audit trail and the status history the applicant sees.
CREATE TABLE casework_events (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id TEXT NOT NULL REFERENCES casework_applications (id),
    version        INTEGER NOT NULL,
    type           TEXT NOT NULL,
    actor_id       TEXT NOT NULL,
    role           TEXT NOT NULL,
    at             TIMESTAMP NOT NULL,
    rule           TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT '',
    from_state     TEXT NOT NULL DEFAULT '',
    to_state       TEXT NOT NULL DEFAULT '',
    payload        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX casework_events_application ON casework_events (application_id, seq);

-- Links between applications: the services of one application, complaints.
CREATE TABLE casework_links (
    application_id TEXT NOT NULL REFERENCES casework_applications (id),
    linked_id      TEXT NOT NULL REFERENCES casework_applications (id),
    kind           TEXT NOT NULL,
    part           TEXT NOT NULL DEFAULT '',
    service        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (application_id, linked_id, kind)
);

-- Idempotency keys of Submit and FileComplaint, per actor.
CREATE TABLE casework_idempotency (
    actor_id       TEXT NOT NULL,
    key            TEXT NOT NULL,
    request_hash   TEXT NOT NULL,
    application_id TEXT NOT NULL REFERENCES casework_applications (id),
    created_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (actor_id, key)
);

-- Rule AP-6.1, CP-7: registration numbers run per provider (journal) per year.
CREATE TABLE casework_journal (
    journal TEXT NOT NULL,
    year    INTEGER NOT NULL,
    last    INTEGER NOT NULL,
    PRIMARY KEY (journal, year)
);

-- The notifications outbox, written in the transaction of the event; the
-- personal cabinet reads it, delivery adapters (SMS, e-mail) will follow.
CREATE TABLE casework_outbox (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id TEXT NOT NULL REFERENCES casework_applications (id),
    recipient      TEXT NOT NULL,
    kind           TEXT NOT NULL,
    rule           TEXT NOT NULL DEFAULT '',
    body           TEXT NOT NULL, -- i18n.Text as JSON
    created_at     TIMESTAMP NOT NULL,
    read_at        TIMESTAMP
);
CREATE INDEX casework_outbox_recipient ON casework_outbox (recipient, id);
