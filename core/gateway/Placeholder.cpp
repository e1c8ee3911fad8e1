// Replaced by the gateway implementation.
