"""The migrations describe the models exactly and apply completely on the database in use."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Behaviour that can differ between SQLite and PostgreSQL: CI runs it on both.
pytestmark = pytest.mark.engine_sensitive


def test_models_need_no_new_migration(db):
    try:
        call_command("makemigrations", "--check", "--dry-run", verbosity=0)
    except SystemExit:  # makemigrations --check exits with status 1 when one is missing
        pytest.fail("makemigrations --check found model changes without a migration")


def test_every_migration_is_applied_to_the_test_database(db):
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
