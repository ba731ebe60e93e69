-- Administration (/admin, internal/settings): the law's data that changes
-- between releases and that an administrator enters from the published act.
-- Both tables are append-and-read: the service rebuilds its calendar and MCI
-- table from the embedded data plus these rows at start-up and after a change.
-- Dates are 'YYYY-MM-DD' (date).

-- Transfers of days off (Labour Code art. 85(3), rule G-1, docs/calendar.md §5-6):
-- day_worked is the day off that becomes a working day, day_off the working day that
-- becomes a day off.
CREATE TABLE admin_calendar_transfers (
    day_worked  date PRIMARY KEY,
    day_off     date NOT NULL UNIQUE,
    source      text NOT NULL,               -- the act: order or decree, date, number
    created_by  text NOT NULL,               -- the administrator's login
    created_at  timestamptz NOT NULL
);

-- Monthly calculation index values for years after the embedded table
-- (standards/mci.yaml): one value from valid_from for payments (state duties)
-- and social payments, known up to valid_until.
CREATE TABLE admin_mci_values (
    valid_from  date PRIMARY KEY,
    valid_until date NOT NULL,
    tenge       integer NOT NULL CHECK (tenge > 0),
    ref         text NOT NULL,               -- short citation returned with fees
    act_kk      text NOT NULL,
    act_ru      text NOT NULL,
    act_en      text NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL
);

-- The hidden key of the /admin form that created a staff account: a repeat of
-- that form (a double click) finds the account instead of failing on its login.
ALTER TABLE auth_users ADD COLUMN form_key text NOT NULL DEFAULT '';
CREATE UNIQUE INDEX auth_users_form_key ON auth_users (form_key) WHERE form_key <> '';
