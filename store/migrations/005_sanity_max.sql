-- 005: each measure's sanity maximum (data/catalog/measures.toml `sanity_max`): no real value reaches it,
-- so the loader refuses a value beyond it on its cell. Filled by the next reference sync.
ALTER TABLE measures ADD COLUMN sanity_max DOUBLE;
