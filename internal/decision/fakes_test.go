package decision_test

import (
	"context"
	"errors"
	"slices"

	"qyzmet/internal/apperr"
	"qyzmet/internal/calendar"
	"qyzmet/internal/registry"
)

// registries is an in-memory stand-in for the registries: the rules run
// against it in microseconds. The SQL registries run the same cases in
// store_test.go.
type registries struct {
	persons     []registry.Person
	records     []registry.Conviction
	specimens   []registry.Signatory
	payments    map[string]registry.Payment
	reads       []registry.RecordRead
	auditErr    error
	recordsRead int // calls of ByIIN and WithoutIIN
}

func (r *registries) ByIIN(_ context.Context, iin string) (registry.Person, error) {
	for _, p := range r.persons {
		if p.IIN == iin {
			return p, nil
		}
	}
	return registry.Person{}, apperr.E(apperr.NotFound, "no person")
}

func (r *registries) Search(_ context.Context, q registry.NameQuery) ([]registry.Person, error) {
	var out []registry.Person
	for _, p := range r.persons {
		if p.BirthDate == q.BirthDate && slices.ContainsFunc(p.Names(), q.Name.Matches) {
			out = append(out, p)
		}
	}
	return out, nil
}

func (r *registries) Children(_ context.Context, iin string) ([]registry.Person, error) {
	var out []registry.Person
	for _, p := range r.persons {
		if p.FatherIIN == iin || p.MotherIIN == iin {
			out = append(out, p)
		}
	}
	return out, nil
}

// records is the CriminalRecords side of the fake (ByIIN would clash with Persons').
type records struct{ *registries }

func (r records) ByIIN(_ context.Context, iin string) ([]registry.Conviction, error) {
	r.recordsRead++
	var out []registry.Conviction
	for _, c := range r.records {
		if c.IIN == iin {
			out = append(out, c)
		}
	}
	return out, nil
}

func (r records) WithoutIIN(_ context.Context, born calendar.Date) ([]registry.Conviction, error) {
	r.recordsRead++
	var out []registry.Conviction
	for _, c := range r.records {
		if c.IIN == "" && c.BirthDate == born {
			out = append(out, c)
		}
	}
	return out, nil
}

func (r *registries) RecordRead(_ context.Context, read registry.RecordRead) error {
	if r.auditErr != nil {
		return r.auditErr
	}
	r.reads = append(r.reads, read)
	return nil
}

func (r *registries) Specimens(_ context.Context, q registry.SpecimenQuery) ([]registry.Signatory, error) {
	var out []registry.Signatory
	for _, s := range r.specimens {
		if registry.SealKey(s.SealID) == registry.SealKey(q.SealID) || registry.Fold(s.Surname) == registry.Fold(q.Surname) {
			out = append(out, s)
		}
	}
	return out, nil
}

// payments is the Payments side of the fake.
type payments struct{ *registries }

func (r payments) ByReference(_ context.Context, ref string) (registry.Payment, error) {
	p, ok := r.payments[ref]
	if !ok {
		return p, apperr.E(apperr.NotFound, "no payment")
	}
	return p, nil
}

func (r payments) Claim(_ context.Context, ref, app string) (registry.Payment, error) {
	p, ok := r.payments[ref]
	switch {
	case !ok:
		return p, apperr.E(apperr.NotFound, "no payment")
	case p.ApplicationID != "" && p.ApplicationID != app:
		return p, apperr.E(apperr.Conflict, "claimed")
	}
	p.ApplicationID = app
	r.payments[ref] = p
	return p, nil
}

func (r payments) AddReceipt(_ context.Context, p registry.Payment) error {
	if old, ok := r.payments[p.Reference]; ok && old.ApplicationID != p.ApplicationID {
		return apperr.E(apperr.Conflict, "claimed")
	}
	r.payments[p.Reference] = p
	return nil
}

var errAuditDown = errors.New("audit log unavailable")
