-- Branches of the State Corporation and offices of the providers (internal/org).
-- A department's class (major | other) sets its service deadlines where a
-- standard distinguishes them (AR-STD-3). Administrators edit them on /admin.
CREATE TABLE org_branches (
    id          TEXT PRIMARY KEY,             -- short code: astana-esil
    kind        TEXT NOT NULL CHECK (kind IN ('state-corp', 'provider')),
    name_kk     TEXT NOT NULL,
    name_ru     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    region      TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    department  TEXT NOT NULL DEFAULT '',     -- the department's number, printed on receipts
    class       TEXT NOT NULL DEFAULT 'major' CHECK (class IN ('major', 'other')),
    windows     INTEGER NOT NULL DEFAULT 4,      -- service windows of the electronic queue
    closed_at   TIMESTAMP                         -- no longer receives applicants
);

INSERT INTO org_branches (id, kind, name_kk, name_ru, name_en, region, address, department, class, windows) VALUES
 ('astana-esil', 'state-corp', 'Астана қ., Есіл ауданы бөлімі', 'Отдел района Есиль г. Астаны', 'Astana, Esil district department', 'Астана', 'Астана қ., Мәңгілік Ел даңғ., 55', '1', 'major', 6),
 ('astana-saryarka', 'state-corp', 'Астана қ., Сарыарқа ауданы бөлімі', 'Отдел района Сарыарка г. Астаны', 'Astana, Saryarka district department', 'Астана', 'Астана қ., Сейфуллин к., 31', '2', 'major', 4),
 ('almaty-almaly', 'state-corp', 'Алматы қ., Алмалы ауданы бөлімі', 'Отдел Алмалинского района г. Алматы', 'Almaty, Almaly district department', 'Алматы', 'Алматы қ., Абылай хан даңғ., 91', '3', 'major', 6),
 ('karaganda-1', 'state-corp', 'Қарағанды қ. №1 бөлім', 'Отдел №1 г. Караганды', 'Karaganda department No. 1', 'Қарағанды облысы', 'Қарағанды қ., Бұқар жырау даңғ., 47', '1', 'major', 4),
 ('zhanaarka', 'state-corp', 'Жаңаарқа ауданы бөлімі', 'Отдел Жанааркинского района', 'Zhanaarka district department', 'Ұлытау облысы', 'Атасу к., Абай к., 12', '1', 'other', 2);

-- Who looked at whose personal or criminal-record data, when and why (#7):
-- every desk page that shows an application, a registry's evidence or a
-- person writes a row here before it answers. Append-only.
CREATE TABLE audit_views (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    at             TIMESTAMP NOT NULL,
    actor_id       TEXT NOT NULL,
    actor_role     TEXT NOT NULL,
    what           TEXT NOT NULL,             -- application | record-check | person | card | document …
    application_id TEXT NOT NULL DEFAULT '',
    subject_iin    TEXT NOT NULL DEFAULT '',
    detail         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_views_application ON audit_views (application_id);
CREATE INDEX audit_views_subject ON audit_views (subject_iin);
CREATE INDEX audit_views_actor ON audit_views (actor_id, at);
