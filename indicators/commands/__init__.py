"""One module per `python -m indicators <command>`; each exposes `add_parser(subparsers)` and `run(args) -> int`."""

COMMANDS = ["trend", "progress", "ntm", "urban", "brief", "lineage", "summaries"]
