-- Administrators keep the links of legal entities (/admin/organisations,
-- internal/auth/bin.go). A link is never deleted: ending it records the day
-- and the administrator, and the link stops counting from that day. form_key
-- is the hidden key of the add form that wrote the link: a repeat of the form
-- (a double click) finds its link instead of failing as a duplicate.
ALTER TABLE auth_bin_links ADD COLUMN ended_on text NOT NULL DEFAULT '';  -- empty: not ended
ALTER TABLE auth_bin_links ADD COLUMN ended_by text NOT NULL DEFAULT '';  -- the administrator's login
ALTER TABLE auth_bin_links ADD COLUMN form_key text NOT NULL DEFAULT '';
