"""Named read queries, one module per subject. Every SQL statement of the app outside the write paths
of store/ lives here; each function returns a materialised DataFrame (or a plain value) and takes its
values as parameters."""
