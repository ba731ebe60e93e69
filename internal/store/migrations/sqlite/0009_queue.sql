-- The State Corporation's electronic queue (internal/queue): slots booked on the
-- portal (G-5), tickets taken at a branch's terminal, and the times the G-4
-- 15-minute targets are measured from; and home visits (G-6).
CREATE TABLE queue_tickets (
    id              TEXT PRIMARY KEY,
    branch          TEXT NOT NULL,
    day             TEXT NOT NULL,                -- the branch's local date the number belongs to
    number          TEXT NOT NULL,                -- shown on the board: A-017
    iin             TEXT NOT NULL DEFAULT '',     -- empty for an anonymous walk-in
    purpose         TEXT NOT NULL CHECK (purpose IN ('submit', 'collect')),
    service         TEXT NOT NULL DEFAULT '',
    application_id  TEXT NOT NULL DEFAULT '',
    slot_start      TIMESTAMP,                    -- booked slot; NULL for a walk-in
    idempotency_key TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    arrived_at      TIMESTAMP,
    called_at       TIMESTAMP,
    done_at         TIMESTAMP,
    cancelled_at    TIMESTAMP,
    window_no       INTEGER NOT NULL DEFAULT 0,
    operator        TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX queue_tickets_number ON queue_tickets (branch, day, number);
CREATE INDEX queue_tickets_branch_day ON queue_tickets (branch, day);
CREATE INDEX queue_tickets_slot ON queue_tickets (branch, slot_start);
CREATE INDEX queue_tickets_iin ON queue_tickets (iin);
-- One live booking of a person per slot: a second click on the same slot is refused.
CREATE UNIQUE INDEX queue_tickets_one_per_slot ON queue_tickets (iin, slot_start)
    WHERE slot_start IS NOT NULL AND cancelled_at IS NULL;
CREATE UNIQUE INDEX queue_tickets_idempotency ON queue_tickets (iin, idempotency_key)
    WHERE idempotency_key <> '';

-- The last number given per branch, day and letter (A walk-in submit, B walk-in
-- collect, E booked on the portal).
CREATE TABLE queue_counters (
    branch TEXT NOT NULL,
    day    TEXT NOT NULL,
    letter TEXT NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (branch, day, letter)
);

CREATE TABLE queue_home_visits (
    id              TEXT PRIMARY KEY,
    iin             TEXT NOT NULL,
    branch          TEXT NOT NULL,
    address         TEXT NOT NULL,
    phone           TEXT NOT NULL,
    reason          TEXT NOT NULL,
    service         TEXT NOT NULL,
    requested_at    TIMESTAMP NOT NULL,
    scheduled_for   TIMESTAMP,
    status          TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'scheduled', 'done', 'cancelled')),
    idempotency_key TEXT NOT NULL DEFAULT ''
);
CREATE INDEX queue_home_visits_branch ON queue_home_visits (branch, requested_at);
CREATE INDEX queue_home_visits_iin ON queue_home_visits (iin);
CREATE UNIQUE INDEX queue_home_visits_idempotency ON queue_home_visits (iin, idempotency_key)
    WHERE idempotency_key <> '';
