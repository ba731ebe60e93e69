package standard

import (
	"slices"
	"strings"
	"sync"

	"qyzmet/internal/calendar"
	"qyzmet/standards"
)

// Set is every loaded version of every standard, the MCI table and the rule IDs
// of DIGEST.md. It is immutable and safe for concurrent use; callers must not
// modify the standards it hands out.
type Set struct {
	versions map[ServiceID][]*Standard // each sorted by EffectiveFrom
	mci      MCITable
	rules    map[string]bool
}

var defaultSet = sync.OnceValues(func() (*Set, error) { return Load(standards.FS) })

// Default is the set embedded in the binary (standards/*.yaml checked against
// standards/DIGEST.md), loaded once.
func Default() (*Set, error) { return defaultSet() }

// At is the version of service id in force on d.
func (s *Set) At(id ServiceID, d calendar.Date) (*Standard, error) {
	vs, ok := s.versions[id]
	if !ok {
		return nil, errorf(ErrUnknownService, "",
			"%q қызметі белгісіз (бары: %s)",
			"неизвестная услуга %q (есть: %s)",
			"unknown service %q (known: %s)", id, s.serviceList())
	}
	for _, v := range vs {
		if v.InForce(d) {
			return v, nil
		}
	}
	return nil, errorf(ErrNotInForce, string(id),
		"%s күні қолданыстағы нұсқа жоқ",
		"на %s нет действующей редакции",
		"no version is in force on %s", d)
}

// Versions lists the versions of service id, oldest first; nil when unknown.
func (s *Set) Versions(id ServiceID) []*Standard { return slices.Clone(s.versions[id]) }

// Services lists the loaded services in the order of the digest, then by name.
func (s *Set) Services() []ServiceID {
	ids := make([]ServiceID, 0, len(s.versions))
	for id := range s.versions {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b ServiceID) int {
		ia, ib := slices.Index(serviceOrder, a), slices.Index(serviceOrder, b)
		switch {
		case ia >= 0 && ib >= 0:
			return ia - ib
		case ia >= 0:
			return -1
		case ib >= 0:
			return 1
		}
		return strings.Compare(string(a), string(b))
	})
	return ids
}

func (s *Set) serviceList() string {
	var names []string
	for _, id := range s.Services() {
		names = append(names, string(id))
	}
	return strings.Join(names, ", ")
}

// RuleIDs is the set of rule IDs DIGEST.md defines.
func (s *Set) RuleIDs() map[string]bool {
	out := make(map[string]bool, len(s.rules))
	for id := range s.rules {
		out[id] = true
	}
	return out
}

// MCI is the monthly calculation index in tenge that applies to payments — state
// duties, taxes, penalties — on d, with the citation of the act that set it.
func (s *Set) MCI(d calendar.Date) (tenge int, rule string, err error) {
	v, err := s.mci.lookup(d, PurposePayments)
	if err != nil {
		return 0, "", err
	}
	return v.Tenge, v.Ref, nil
}

// Fee is the state duty under std for documents documents paid on d: std's MCI
// multiple per document times the MCI of d (AP-STD-6, AC-7). A free service
// quotes zero.
func (s *Set) Fee(std *Standard, d calendar.Date, documents int) (FeeQuote, error) {
	if documents < 1 {
		return FeeQuote{}, errorf(ErrBadRequest, string(std.Service),
			"құжаттар саны кемінде 1 болуы керек, берілгені %d",
			"количество документов должно быть не меньше 1, дано %d",
			"the number of documents must be at least 1, got %d", documents)
	}
	if std.Fee == nil {
		return FeeQuote{}, errorf(ErrBadRequest, string(std.Service),
			"%s үшін төлем белгіленбеген", "для %s плата не установлена", "%s has no fee", std.Service)
	}
	q := FeeQuote{Free: std.Fee.Free, Documents: documents, Rule: std.Fee.Rule}
	if q.Free {
		return q, nil
	}
	tenge, ref, err := s.MCI(d)
	if err != nil {
		return FeeQuote{}, err
	}
	// Rule AP-STD-6, AC-7: the duty is a multiple of the MCI for each document.
	h, _ := hundredths(std.Fee.MCIPerDocument) // exact: the loader checked it
	q.MCI, q.MCIRef = tenge, ref
	q.Tiyn = int64(tenge) * h * int64(documents)
	return q, nil
}
