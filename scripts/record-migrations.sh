#!/usr/bin/env bash
# Records the checksums of migrations that are not recorded yet in src/test/resources/db/migration-checksums.txt
# (one line per migration and database, as Flyway validates it). It only appends: a recorded migration is released
# and never changes, and MigrationChecksumsTests fails when one does.
#
#   scripts/record-migrations.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q ${MAVEN_ARGS_EXTRA:-} test -Dtest=MigrationChecksumsTests -Drapport.record-migrations=true -Dsurefire.failIfNoSpecifiedTests=false
git --no-pager diff --stat -- src/test/resources/db/migration-checksums.txt
