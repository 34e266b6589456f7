-- Test fixtures, NOT official figures. The tests issue formal notices today and later on (they move the engine's
-- clock forward), past the last half-year the migrations seed, so each half-year from 2026-S2 to 2030-S2 gets a
-- made-up rate here: the tests of a missing half-year use a database without these (see RateGapTest). INSERT IGNORE
-- leaves alone a half-year that already has its rate, official or not.
INSERT IGNORE INTO interest_rate (kind, starts_on, rate, source, created_by, created_at) VALUES
('ECB', '2026-07-01', 2.15, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('LEGAL', '2026-07-01', 2.62, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('ECB', '2027-01-01', 2.15, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('LEGAL', '2027-01-01', 2.62, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('ECB', '2027-07-01', 2.15, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('LEGAL', '2027-07-01', 2.62, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('ECB', '2028-01-01', 2.15, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('LEGAL', '2028-01-01', 2.62, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('ECB', '2028-07-01', 2.15, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('LEGAL', '2028-07-01', 2.62, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('ECB', '2029-01-01', 2.15, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('LEGAL', '2029-01-01', 2.62, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('ECB', '2029-07-01', 2.15, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('LEGAL', '2029-07-01', 2.62, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('ECB', '2030-01-01', 2.15, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('LEGAL', '2030-01-01', 2.62, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('ECB', '2030-07-01', 2.15, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3)),
('LEGAL', '2030-07-01', 2.62, 'Test fixture, not an official figure', 'test fixture', CURRENT_TIMESTAMP(3));
