"""Exit statuses of the command line."""

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE = 0, 1, 2
