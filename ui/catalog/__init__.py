"""String catalogues, one module per page: ``STRINGS = {key: (English, Spanish)}``."""
