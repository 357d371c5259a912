-- docker-compose: one database and one role per service (ARCHITECTURE.md). Passwords here are for
-- the local compose stack only; deployments take them from secrets (infra/k8s).
CREATE ROLE kinerja_personnel LOGIN PASSWORD 'personnel';
CREATE DATABASE kinerja_personnel OWNER kinerja_personnel;
CREATE ROLE kinerja_goals LOGIN PASSWORD 'goals';
CREATE DATABASE kinerja_goals OWNER kinerja_goals;
CREATE ROLE kinerja_competency LOGIN PASSWORD 'competency';
CREATE DATABASE kinerja_competency OWNER kinerja_competency;
CREATE ROLE kinerja_evaluation LOGIN PASSWORD 'evaluation';
CREATE DATABASE kinerja_evaluation OWNER kinerja_evaluation;
CREATE ROLE kinerja_recognition LOGIN PASSWORD 'recognition';
CREATE DATABASE kinerja_recognition OWNER kinerja_recognition;
CREATE ROLE kinerja_identity LOGIN PASSWORD 'identity';
CREATE DATABASE kinerja_identity OWNER kinerja_identity;
