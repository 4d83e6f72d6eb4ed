# The page cache keeps its generation in the cache itself (sitecache/generation.py): no table.
