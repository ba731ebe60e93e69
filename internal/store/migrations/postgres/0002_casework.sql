-- The application engine (internal/casework, docs/adr/0003-casework.md).
--
-- casework_applications holds each application as a JSON document (doc) with the
-- columns that lists filter on beside it. version is the optimistic-concurrency
-- counter: every command updates the row WHERE id = ? AND version = ?.
CREATE TABLE casework_applications (
    id                 text PRIMARY KEY,
    service            text NOT NULL,
    standard_version   text NOT NULL,
    channel            text NOT NULL,
    state              text NOT NULL,
    version            integer NOT NULL,
    provider           text NOT NULL,
    number             text,
    applicant_iin      text NOT NULL DEFAULT '',
    applicant_bin      text NOT NULL DEFAULT '',
    representative_iin text NOT NULL DEFAULT '',
    subject_iin        text NOT NULL DEFAULT '',
    branch             text NOT NULL DEFAULT '',
    pickup_branch      text NOT NULL DEFAULT '',
    assignee           text NOT NULL DEFAULT '',
    deadline_on        text NOT NULL DEFAULT '', -- YYYY-MM-DD, Almaty
    overdue            boolean NOT NULL DEFAULT false,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    doc                text NOT NULL
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
    seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id text NOT NULL REFERENCES casework_applications (id),
    version        integer NOT NULL,
    type           text NOT NULL,
    actor_id       text NOT NULL,
    role           text NOT NULL,
    at             timestamptz NOT NULL,
    rule           text NOT NULL DEFAULT '',
    reason         text NOT NULL DEFAULT '',
    from_state     text NOT NULL DEFAULT '',
    to_state       text NOT NULL DEFAULT '',
    payload        text NOT NULL DEFAULT '{}'
);
CREATE INDEX casework_events_application ON casework_events (application_id, seq);

-- Links between applications: the services of one application, complaints.
CREATE TABLE casework_links (
    application_id text NOT NULL REFERENCES casework_applications (id),
    linked_id      text NOT NULL REFERENCES casework_applications (id),
    kind           text NOT NULL,
    part           text NOT NULL DEFAULT '',
    service        text NOT NULL DEFAULT '',
    PRIMARY KEY (application_id, linked_id, kind)
);

-- Idempotency keys of Submit and FileComplaint, per actor.
CREATE TABLE casework_idempotency (
    actor_id       text NOT NULL,
    key            text NOT NULL,
    request_hash   text NOT NULL,
    application_id text NOT NULL REFERENCES casework_applications (id),
    created_at     timestamptz NOT NULL,
    PRIMARY KEY (actor_id, key)
);

-- Rule AP-6.1, CP-7: registration numbers run per provider (journal) per year.
CREATE TABLE casework_journal (
    journal text NOT NULL,
    year    integer NOT NULL,
    last    integer NOT NULL,
    PRIMARY KEY (journal, year)
);

-- The notifications outbox, written in the transaction of the event; the
-- personal cabinet reads it, delivery adapters (SMS, e-mail) will follow.
CREATE TABLE casework_outbox (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id text NOT NULL REFERENCES casework_applications (id),
    recipient      text NOT NULL,
    kind           text NOT NULL,
    rule           text NOT NULL DEFAULT '',
    body           text NOT NULL, -- i18n.Text as JSON
    created_at     timestamptz NOT NULL,
    read_at        timestamptz
);
CREATE INDEX casework_outbox_recipient ON casework_outbox (recipient, id);
