"""Demo offers (``seed_demo`` hook): realistic, live, spread over Saxony with a few white
spots. Idempotent: an offer is looked up by member and name before it is created."""
