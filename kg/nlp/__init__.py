"""spaCy components of kg: paragraph breaks, actor ruler and linker, relation extractor."""
