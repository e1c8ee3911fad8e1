// Replaced by the metrics implementation.
