-- Every version of the community guidelines, so a moderator's citation can be read as it stood.
-- Versions written before this table existed are filled in when the guidelines are first read.
create table guideline_versions (
  version integer primary key,
  markdown text not null,
  created_by bigint references members (id) on delete set null,
  created_at timestamptz not null default now()
);
