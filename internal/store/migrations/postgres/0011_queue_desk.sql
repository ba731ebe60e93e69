-- The front desk's second round (internal/queue): a home visit records the
-- operator who scheduled it or closed it (G-6), and why a visit was closed.
ALTER TABLE queue_home_visits ADD COLUMN operator TEXT NOT NULL DEFAULT '';
ALTER TABLE queue_home_visits ADD COLUMN operator_name TEXT NOT NULL DEFAULT '';
ALTER TABLE queue_home_visits ADD COLUMN note TEXT NOT NULL DEFAULT '';
