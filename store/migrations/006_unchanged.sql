-- 006: an upload counts the values it repeated unchanged ("không đổi"): they write no new version and
-- do not count as replaced (an identical re-upload changes nothing). Older uploads counted 0.
ALTER TABLE uploads ADD COLUMN n_unchanged INTEGER DEFAULT 0;
