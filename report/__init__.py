"""Review report: each conflict with the printed cells it rests on, for a person to decide."""
