import sys

if __name__ == "__main__":  # a worker process imports this module again (multiprocessing)
    try:
        from loaders.cli import main

        sys.exit(main())
    except KeyboardInterrupt:  # a commit interrupted is rolled back by DuckDB: nothing half-written
        print("Đã dừng, không có gì được ghi.", file=sys.stderr)
        sys.exit(130)
