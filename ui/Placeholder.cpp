// The console widgets arrive with the console issue.
