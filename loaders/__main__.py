import sys

from loaders.cli import main

if __name__ == "__main__":  # a worker process imports this module again (multiprocessing)
    sys.exit(main())
