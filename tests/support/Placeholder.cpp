// Replaced by the test support implementation.
