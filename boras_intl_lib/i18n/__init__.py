"""What a reader sees, in Swedish or English: the one table of labels and number formatting."""
