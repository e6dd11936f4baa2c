#!/bin/bash
# Runs once, when the database volume is created: the three roles and the database README.md's
# "Use your own PostgreSQL" describes (the app applies its grants itself after each migration).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" \
  -v owner_pw="$NEXUS_OWNER_DB_PASSWORD" -v app_pw="$NEXUS_APP_DB_PASSWORD" <<'SQL'
CREATE ROLE nexus_owner LOGIN PASSWORD :'owner_pw';
CREATE ROLE nexus_app LOGIN PASSWORD :'app_pw' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
CREATE ROLE nexus_audit NOLOGIN;
GRANT nexus_app, nexus_audit TO nexus_owner;
CREATE DATABASE nexus OWNER nexus_owner;
SQL
