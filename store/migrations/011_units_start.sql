-- 011: the first day of the admin-unit list ("in force at least since"), kept beside the list by
-- store.reference: a scoped connection's filtered admin_units view must not move it (docs/admin_units.md).
INSERT OR REPLACE INTO meta SELECT 'units_start', CAST(min(valid_from) AS VARCHAR) FROM admin_units;
