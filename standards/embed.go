// Package standards embeds the service standards (one YAML file per service, see
// docs/standards.md), the MCI table and the copy of DIGEST.md whose rule IDs they
// cite, so the binary carries the law it executes. Package internal/standard reads
// and checks them.
package standards

import "embed"

// FS holds *.yaml and DIGEST.md.
//
//go:embed *.yaml DIGEST.md
var FS embed.FS
