-- 008: what history on today's boundaries needs (issue 13). `accumulates`: a flow (the period's
-- value is what happened during it: H1 + H2 = the year) or a stock (the value at the period's end:
-- population, households); filled from data/catalog by the next reference sync. The share of a
-- partial succession link (data/succession_shares.csv): NULL when no source gives it.
ALTER TABLE indicators ADD COLUMN accumulates BOOLEAN;
ALTER TABLE unit_succession ADD COLUMN share DOUBLE;
ALTER TABLE unit_succession ADD COLUMN share_basis VARCHAR;
ALTER TABLE unit_succession ADD COLUMN share_source VARCHAR;
