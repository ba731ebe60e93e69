-- The State Corporation's electronic queue (internal/queue): slots booked on the
-- portal (G-5), tickets taken at a branch's terminal, and the times the G-4
-- 15-minute targets are measured from; and home visits (G-6).
CREATE TABLE queue_tickets (
    id              text PRIMARY KEY,
    branch          text NOT NULL,
    day             text NOT NULL,                -- the branch's local date the number belongs to
    number          text NOT NULL,                -- shown on the board: A-017
    iin             text NOT NULL DEFAULT '',     -- empty for an anonymous walk-in
    purpose         text NOT NULL CHECK (purpose IN ('submit', 'collect')),
    service         text NOT NULL DEFAULT '',
    application_id  text NOT NULL DEFAULT '',
    slot_start      timestamptz,                    -- booked slot; NULL for a walk-in
    idempotency_key text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL,
    arrived_at      timestamptz,
    called_at       timestamptz,
    done_at         timestamptz,
    cancelled_at    timestamptz,
    window_no       integer NOT NULL DEFAULT 0,
    operator        text NOT NULL DEFAULT ''
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
    branch text NOT NULL,
    day    text NOT NULL,
    letter text NOT NULL,
    last   integer NOT NULL,
    PRIMARY KEY (branch, day, letter)
);

CREATE TABLE queue_home_visits (
    id              text PRIMARY KEY,
    iin             text NOT NULL,
    branch          text NOT NULL,
    address         text NOT NULL,
    phone           text NOT NULL,
    reason          text NOT NULL,
    service         text NOT NULL,
    requested_at    timestamptz NOT NULL,
    scheduled_for   timestamptz,
    status          text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'scheduled', 'done', 'cancelled')),
    idempotency_key text NOT NULL DEFAULT ''
);
CREATE INDEX queue_home_visits_branch ON queue_home_visits (branch, requested_at);
CREATE INDEX queue_home_visits_iin ON queue_home_visits (iin);
CREATE UNIQUE INDEX queue_home_visits_idempotency ON queue_home_visits (iin, idempotency_key)
    WHERE idempotency_key <> '';
