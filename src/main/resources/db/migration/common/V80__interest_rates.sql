-- The rates a formal notice counts interest with: one row per kind and half-year (starts_on is 1 January or 1 July),
-- each with the official text it comes from. ECB: the main refinancing operations rate in force on the half-year's
-- first day (art. L441-10 Code de commerce, R2192-31 Code de la commande publique). LEGAL: the taux de l'intérêt légal
-- "pour tous les autres cas" fixed by arrêté for the half-year (Code monétaire et financier, L313-2 and D313-1-A).
-- Rows are added, never changed; who added each one and when is kept with it.
CREATE TABLE interest_rate (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  kind        VARCHAR(16)   NOT NULL,
  starts_on   DATE          NOT NULL,
  rate        DECIMAL(5,2)  NOT NULL,
  source      VARCHAR(500)  NOT NULL,
  created_by  VARCHAR(100)  NOT NULL,
  created_at  DATETIME(3)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_interest_rate_half_year UNIQUE (kind, starts_on)
);

-- The figures published from 2021 on. 2026-S2 is left out: no official figure could be confirmed when this was
-- written, and a half-year without a row holds the notices that need it instead of reusing an older rate.
INSERT INTO interest_rate (kind, starts_on, rate, source, created_by, created_at) VALUES
('ECB', '2021-01-01', 0.00, 'ECB monetary policy decision of 10 March 2016: main refinancing operations 0.00 % from 16 March 2016, unchanged until 27 July 2022', 'migration V80', CURRENT_TIMESTAMP(3)),
('ECB', '2021-07-01', 0.00, 'ECB monetary policy decision of 10 March 2016: main refinancing operations 0.00 % from 16 March 2016, unchanged until 27 July 2022', 'migration V80', CURRENT_TIMESTAMP(3)),
('ECB', '2022-01-01', 0.00, 'ECB monetary policy decision of 10 March 2016: main refinancing operations 0.00 % from 16 March 2016, unchanged until 27 July 2022', 'migration V80', CURRENT_TIMESTAMP(3)),
('ECB', '2022-07-01', 0.00, 'ECB monetary policy decision of 10 March 2016: main refinancing operations 0.00 % from 16 March 2016, unchanged until 27 July 2022', 'migration V80', CURRENT_TIMESTAMP(3)),
('ECB', '2023-01-01', 2.50, 'ECB monetary policy decision of 15 December 2022: main refinancing operations 2.50 %, in force on 1 January 2023', 'migration V80', CURRENT_TIMESTAMP(3)),
('ECB', '2023-07-01', 4.00, 'ECB monetary policy decision of 15 June 2023: main refinancing operations 4.00 % from 21 June 2023', 'migration V80', CURRENT_TIMESTAMP(3)),
('ECB', '2024-01-01', 4.50, 'ECB monetary policy decision of 14 September 2023: main refinancing operations 4.50 % from 20 September 2023', 'migration V80', CURRENT_TIMESTAMP(3)),
('ECB', '2024-07-01', 4.25, 'ECB monetary policy decision of 6 June 2024: main refinancing operations 4.25 % from 12 June 2024', 'migration V80', CURRENT_TIMESTAMP(3)),
('ECB', '2025-01-01', 3.15, 'ECB monetary policy decision of 12 December 2024: main refinancing operations 3.15 % from 18 December 2024', 'migration V80', CURRENT_TIMESTAMP(3)),
('ECB', '2025-07-01', 2.15, 'ECB monetary policy decision of 5 June 2025: main refinancing operations 2.15 % from 11 June 2025', 'migration V80', CURRENT_TIMESTAMP(3)),
('ECB', '2026-01-01', 2.15, 'ECB monetary policy decision of 5 June 2025: main refinancing operations 2.15 % from 11 June 2025, unchanged on 1 January 2026 (kept by the decision of 5 February 2026)', 'migration V80', CURRENT_TIMESTAMP(3)),
('LEGAL', '2021-01-01', 0.79, 'Arrêté du 21 décembre 2020 relatif à la fixation du taux de l''intérêt légal (1er semestre 2021, tous les autres cas)', 'migration V80', CURRENT_TIMESTAMP(3)),
('LEGAL', '2021-07-01', 0.76, 'Arrêté du 16 juin 2021 relatif à la fixation du taux de l''intérêt légal, JORF du 25 juin 2021 (2nd semestre 2021, tous les autres cas)', 'migration V80', CURRENT_TIMESTAMP(3)),
('LEGAL', '2022-01-01', 0.76, 'Arrêté du 26 décembre 2021 relatif à la fixation du taux de l''intérêt légal (NOR ECOT2138139A), JORF du 28 décembre 2021 (1er semestre 2022, tous les autres cas)', 'migration V80', CURRENT_TIMESTAMP(3)),
('LEGAL', '2022-07-01', 0.77, 'Arrêté du 27 juin 2022 relatif à la fixation du taux de l''intérêt légal (NOR ECOT2218806A) (2nd semestre 2022, tous les autres cas)', 'migration V80', CURRENT_TIMESTAMP(3)),
('LEGAL', '2023-01-01', 2.06, 'Arrêté du 26 décembre 2022 relatif à la fixation du taux de l''intérêt légal (1er semestre 2023, tous les autres cas)', 'migration V80', CURRENT_TIMESTAMP(3)),
('LEGAL', '2023-07-01', 4.22, 'Arrêté du 27 juin 2023 relatif à la fixation du taux de l''intérêt légal (NOR ECOT2317028A), JORF n° 0150 du 30 juin 2023 (2nd semestre 2023, tous les autres cas)', 'migration V80', CURRENT_TIMESTAMP(3)),
('LEGAL', '2024-01-01', 5.07, 'Arrêté du 21 décembre 2023 relatif à la fixation du taux de l''intérêt légal (1er semestre 2024, tous les autres cas)', 'migration V80', CURRENT_TIMESTAMP(3)),
('LEGAL', '2024-07-01', 4.92, 'Arrêté du 26 juin 2024 relatif à la fixation du taux de l''intérêt légal (2nd semestre 2024, tous les autres cas)', 'migration V80', CURRENT_TIMESTAMP(3)),
('LEGAL', '2025-01-01', 3.71, 'Arrêté du 17 décembre 2024 relatif à la fixation du taux de l''intérêt légal (1er semestre 2025, tous les autres cas)', 'migration V80', CURRENT_TIMESTAMP(3)),
('LEGAL', '2025-07-01', 2.76, 'Arrêté du 19 juin 2025 relatif à la fixation du taux de l''intérêt légal (NOR ECOT2516925A), JORF du 24 juin 2025 (2nd semestre 2025, tous les autres cas)', 'migration V80', CURRENT_TIMESTAMP(3)),
('LEGAL', '2026-01-01', 2.62, 'Arrêté du 15 décembre 2025 relatif à la fixation du taux de l''intérêt légal, JORF n° 0302 du 26 décembre 2025 (1er semestre 2026, tous les autres cas)', 'migration V80', CURRENT_TIMESTAMP(3));
