"""Storage and search backends behind one protocol (index.base.Backend)."""
