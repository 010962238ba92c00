"""Scale: batch runs over many articles, parallel workers, and the distributed mode."""
