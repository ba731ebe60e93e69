package sqlstore

// DateArg exposes dateArg to the tests.
var DateArg = dateArg
