package cli

import (
	"crypto/x509"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"qyzmet/internal/sign"
)

// The provider's signing key in production: PEM files, or a PKCS #12 file whose
// password is read from a file (a secret never goes on the command line, where
// every user of the machine can read it).
const (
	envSignCert        = "QYZMET_SIGN_CERT"              // PEM certificate (and chain)
	envSignKey         = "QYZMET_SIGN_KEY"               // PEM private key
	envSignP12         = "QYZMET_SIGN_P12"               // PKCS #12 file with key, certificate and chain
	envSignP12Password = "QYZMET_SIGN_P12_PASSWORD_FILE" // file holding the PKCS #12 password
)

// demoPKI is the demonstration CA's directory under the data directory; `qyzmet
// verify` trusts it by default.
func demoPKI(dataDir string) string { return filepath.Join(dataDir, "pki") }

// providerSigner is the key that signs issued documents: with demo, the
// demonstration CA under DATA/pki (made on first use); otherwise the files that
// QYZMET_SIGN_CERT and QYZMET_SIGN_KEY, or QYZMET_SIGN_P12 and
// QYZMET_SIGN_P12_PASSWORD_FILE, name. It returns nil without an error when
// nothing is configured: the server then issues nothing but still answers the
// e-Register.
func providerSigner(dataDir string, demo bool, env Env) (sign.Signer, error) {
	if demo {
		return sign.NewDemoCA(demoPKI(dataDir))
	}
	cert, key, p12 := env.Getenv(envSignCert), env.Getenv(envSignKey), env.Getenv(envSignP12)
	switch {
	case p12 != "" && (cert != "" || key != ""):
		return nil, fmt.Errorf("set either %s or %s and %s, not both", envSignP12, envSignCert, envSignKey)
	case p12 != "":
		pwFile := env.Getenv(envSignP12Password)
		if pwFile == "" {
			return nil, fmt.Errorf("%s is set but %s is not: name the file that holds the password (an empty file for none)", envSignP12, envSignP12Password)
		}
		pw, err := os.ReadFile(pwFile)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", envSignP12Password, err)
		}
		return sign.LoadPKCS12(p12, strings.TrimRight(string(pw), "\r\n"))
	case cert != "" && key != "":
		return sign.LoadPEM(cert, key)
	case cert != "" || key != "":
		return nil, fmt.Errorf("set both %s and %s", envSignCert, envSignKey)
	}
	return nil, nil
}

// providerRoots are the certification authorities whose signatures the
// e-Register's upload box accepts: the CA certificates in DATA/pki, when that
// directory exists (documents signed under an earlier root stay verifiable by
// leaving its certificate there), and those of the signer's own chain. Nil when
// there are none.
func providerRoots(dataDir string, s sign.Signer) (*x509.CertPool, error) {
	var pool *x509.CertPool
	if _, err := os.Stat(demoPKI(dataDir)); err == nil {
		if pool, err = sign.LoadTrust(demoPKI(dataDir)); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if s != nil {
		for _, c := range s.Chain() {
			if c.BasicConstraintsValid && c.IsCA {
				if pool == nil {
					pool = x509.NewCertPool()
				}
				pool.AddCert(c)
			}
		}
	}
	return pool, nil
}

// registerRoots are the provider certificates the e-Register's upload box of
// `qyzmet serve` trusts; it warns when nothing can be issued or checked.
func registerRoots(dataDir string, signer sign.Signer, log *slog.Logger) (*x509.CertPool, error) {
	if signer == nil {
		log.Warn("no signing key (set QYZMET_SIGN_CERT and QYZMET_SIGN_KEY, or QYZMET_SIGN_P12 and QYZMET_SIGN_P12_PASSWORD_FILE; or run with --demo): nothing can be issued")
	}
	roots, err := providerRoots(dataDir, signer)
	if err != nil {
		return nil, fmt.Errorf("provider certificates: %w", err)
	}
	if roots == nil {
		log.Warn("no provider certificates: the e-Register cannot check uploaded files")
	}
	return roots, nil
}
